"""People's names: name lists, titles and context cues; each typed child, parent or person."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from app.safety.lexicon import Lexicon, fold, lexicon


def _words(text: str) -> tuple[str, ...]:
    """Split a block of space-separated words."""
    return tuple(text.split())


_LETTER = r"A-Za-zÀ-ÖØ-öø-ÿ"
WORD = re.compile(rf"[{_LETTER}](?:[{_LETTER}]|['’\-](?=[{_LETTER}]))*")
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "cllr", "rev"})
# Lower-case words that announce a name: "her mum, Karen", "his son Jayden", "a boy called Kai".
CHILD_WORDS = frozenset(
    _words(
        """
        son daughter child boy girl baby toddler infant pupil sibling brother sister stepson
        stepdaughter grandson granddaughter nephew niece teenager teen twin newborn
        """
    )
)
PARENT_WORDS = frozenset(
    _words(
        """
        mum mummy mam mom mother dad daddy father stepdad stepmum stepfather stepmother parent
        """
    )
)
OTHER_WORDS = frozenset(
    _words(
        """
        nan nana gran granny grandma grandmother grandad grandpa grandfather uncle aunt auntie
        aunty cousin partner boyfriend girlfriend husband wife ex carer named called worker
        manager colleague friend neighbour lodger teacher practitioner officer nurse visitor
        supervisor head deputy student apprentice
        """
    )
)
RELATION_WORDS = CHILD_WORDS | PARENT_WORDS | OTHER_WORDS
# Words after "X's" that make X a child or a parent.
CHILD_AFTER_POSSESSIVE = frozenset(
    _words(
        """
        mum mummy mam mom mother dad daddy father parents stepdad stepmum nan gran grandma
        grandad school teacher class nursery carer carers placement social
        """
    )
)
PARENT_AFTER_POSSESSIVE = frozenset(
    ["son", "daughter", "children", "kids", "baby", "boy", "girl", "sons", "daughters"]
)
PERSON_VERBS = frozenset(
    _words(
        """
        is was has had said says told tells lives lived went goes wants wanted doesn't didn't
        isn't wasn't can't won't and who came comes feels felt keeps kept will would started
        stopped missed refused disclosed from at rang called visited
        """
    )
)
MODAL_LIKE = frozenset(
    _words(
        """
        will may mark pat rob bill sue grant chase drew hope lance guy frank don art ray max kit
        miles major king
        """
    )
)
MONTH_NAMES = frozenset({"april", "may", "june", "august"})
MONTH_LEAD = frozenset(
    _words(
        """
        in on of since until till by from during early late mid last next this end beginning
        before after
        """
    )
)
PLACE_LEAD = frozenset(["in", "at", "from", "near", "around", "across", "outside"])
MOTION_WORDS = frozenset(
    _words(
        """
        moved move moving went go going goes travel travelled drove drive back returned
        relocated sent placed came come
        """
    )
)
DETERMINERS = frozenset(["the", "a", "an", "this", "that", "our", "my", "your", "their", "its"])
AGE = re.compile(
    r"^\s*(?:\((?:aged?\s*)?(?P<a>\d{1,2})\)|,?\s*aged?\s+(?P<b>\d{1,2})\b|,\s*(?P<c>\d{1,2})\s*[,)]|"
    r"\s+is\s+(?P<d>\d{1,2})\b|\s*\((?:year|yr|y)\s*\d{1,2}\)|\s+in\s+year\s+\d{1,2}\b|"
    r",?\s*\(?(?P<e>\d{1,2})[- ]years?[- ]old\b)",
    re.IGNORECASE,
)
BORN = re.compile(r"^[^.!?\n]{0,40}?\bborn\b[^.!?\n]{0,20}?(?P<y>(?:19|20)\d{2})")


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    key: str  # the folded full name, for the digest
    first: str | None  # the folded first name alone, so a later "Mia" finds "Mia Thompson"
    label: str  # CHILD, PARENT or PERSON
    titled: bool = False  # "Mrs Thompson": its parts stand for no one else


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    possessive: bool
    initial: bool  # first word of a sentence, where any word is capitalised

    @property
    def lower(self) -> str:
        return fold(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() and (not self.text.isupper() or len(self.text) > 3)


def tokenise(text: str) -> list[Token]:
    """Split into words with offsets; "Mia's" becomes "Mia" marked possessive."""
    tokens: list[Token] = []
    for match in WORD.finditer(text):
        word = match.group()
        possessive = word.lower().endswith(("'s", "’s")) and len(word) > 2
        if possessive:
            word = word[:-2]
        before = text[: match.start()].rstrip(" \t\"'“‘([*-•")
        initial = not before or before[-1] in ".!?:;\n"
        tokens.append(Token(match.start(), match.start() + len(word), word, possessive, initial))
    return tokens


class NameFinder:
    """Find names in one text; `known` says whether a word was already a name in this chat."""

    def __init__(self, text: str, known: Callable[[str], bool], words: Lexicon | None = None):
        self.text = text
        self.tokens = tokenise(text)
        self.known = known
        self.words = words or lexicon()

    def find(self) -> Iterator[NameSpan]:
        """Yield name spans left to right."""
        i = 0
        while i < len(self.tokens):
            end = self._name_at(i)
            if end > i:
                span = self._span(i, end)
                if span:
                    yield span
                i = end
            else:
                i += 1

    # Deciding where a name starts and ends.

    def _name_at(self, i: int) -> int:
        """Return the index after the name starting at token i, or i when there is none."""
        token = self.tokens[i]
        if token.lower in TITLES and self._joined(i) and self._capital(i + 1):
            return self._extend(i + 1, i + 2, surnames_only=False)
        if not token.capitalised and not self._lower_case_name(i):
            return i
        if self._blocked(token):
            return i
        kind = self.words.first_kind(token.text)
        if kind:
            end = self._extend(i, i + 1, surnames_only=kind == "word" and token.initial)
            if end > i + 1 or self._lone_first_is_name(i, kind):
                return end
            return i
        if self._joined(i) and self._capital(i + 1):
            nxt = self.tokens[i + 1]
            if (
                self.words.surname_kind(nxt.text) == "plain"
                and not token.initial
                and nxt.lower not in self.words.places
                and token.lower not in self.words.places
            ):
                return self._extend(i, i + 2, surnames_only=False)
        if self._cued(i) or self.known(token.lower) or self._family(i):
            return self._extend(i, i + 1, surnames_only=False)
        if self._listed_with_name(i):
            return i + 1
        return i

    def _extend(self, start: int, end: int, *, surnames_only: bool) -> int:
        """Take following capitalised words as surnames: up to three in all."""
        while end < len(self.tokens) and end - start < 3 and self._joined(end - 1):
            nxt = self.tokens[end]
            if not nxt.capitalised or nxt.lower in self.words.places:
                break
            listed = self.words.surname_kind(nxt.text) or self.words.first_kind(nxt.text)
            if not listed and (surnames_only or nxt.lower in self.words.not_names):
                break
            end += 1
        return end

    def _lone_first_is_name(self, i: int, kind: str) -> bool:
        token = self.tokens[i]
        prev = self.tokens[i - 1].lower if i > 0 else ""
        if token.lower in self.words.places and self._after_place_word(i) and not self._cued(i):
            return False
        if kind == "plain" or self._cued(i) or self.known(token.lower):
            return True
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if token.lower in MONTH_NAMES and (prev in MONTH_LEAD or self._number_near(i)):
            return False
        if nxt and self._joined(i) and nxt.capitalised and not self.words.first_kind(nxt.text):
            return False  # a title-case phrase such as "Early Help"
        if token.possessive:
            return True
        if token.initial:
            return nxt is not None and nxt.lower in PERSON_VERBS
        return prev not in DETERMINERS

    def _after_place_word(self, i: int) -> bool:
        """ "in Chester", "moved to Chester": a place, where "spoke to Chester" is a person."""
        prev = self.tokens[i - 1].lower if i > 0 else ""
        before = self.tokens[i - 2].lower if i > 1 else ""
        return prev in PLACE_LEAD or (prev == "to" and before in MOTION_WORDS)

    def _cued(self, i: int) -> bool:
        """A relation word just before ("her son Kai") or an age or relation just after."""
        if self._relation_before(i):
            return True
        token = self.tokens[i]
        after = self.text[token.end : token.end + 40]
        if token.possessive:
            nxt = self.tokens[i + 1].lower if i + 1 < len(self.tokens) else ""
            return nxt in CHILD_AFTER_POSSESSIVE | PARENT_AFTER_POSSESSIVE
        return bool(AGE.match(after)) or bool(re.match(r"\s*\((?:mum|dad|mother|father)\)", after))

    def _relation_before(self, i: int) -> str | None:
        """Return the relation word just before token i ("mum, Karen"), if there is one."""
        for back in (1, 2):
            if i - back < 0:
                return None
            prev = self.tokens[i - back]
            gap = self.text[prev.end : self.tokens[i - back + 1].start]
            if not re.fullmatch(r"[ \t]*,?[ \t]*", gap) or (prev.capitalised and back == 1):
                return None
            if prev.lower in RELATION_WORDS:
                return prev.lower
            if prev.lower not in {"little", "older", "younger", "eldest", "youngest", "new"}:
                return None
        return None

    def _lower_case_name(self, i: int) -> bool:
        """A lower-case listed first name right after a relation word: "her son jayden"."""
        token = self.tokens[i]
        relation = self._relation_before(i)
        if relation is None or token.lower in self.words.not_names:
            return False
        kind = self.words.first_kind(token.text)
        # "her son will" is a verb; a word-name needs a child or parent word before it.
        if kind == "word":
            return relation in CHILD_WORDS | PARENT_WORDS and token.lower not in MODAL_LIKE
        return kind == "plain"

    def _family(self, i: int) -> bool:
        """ "the Thompson family", "the Thompsons": a surname on its own."""
        token = self.tokens[i]
        nxt = self.tokens[i + 1].lower if i + 1 < len(self.tokens) else ""
        if self.words.surname_kind(token.text) and nxt in {"family", "household", "children"}:
            return True
        prev = self.tokens[i - 1].lower if i > 0 else ""
        return (
            prev == "the"
            and token.text.endswith("s")
            and self.words.surname_kind(token.text[:-1]) == "plain"
        )

    def _listed_with_name(self, i: int) -> bool:
        """ "Mia and Kacper": an unknown capitalised word joined by "and" to a name."""
        if i < 2 or self.tokens[i - 1].lower not in {"and", "&"} or self.tokens[i].initial:
            return False
        if self.tokens[i].lower in self.words.not_names or not self.tokens[i].capitalised:
            return False
        return bool(self.words.first_kind(self.tokens[i - 2].text)) or self.known(
            self.tokens[i - 2].lower
        )

    def _blocked(self, token: Token) -> bool:
        return token.lower in self.words.not_names

    def _capital(self, i: int) -> bool:
        return (
            i < len(self.tokens)
            and self.tokens[i].capitalised
            and not self._blocked(self.tokens[i])
        )

    def _joined(self, i: int) -> bool:
        """Whether token i and the next are separated by spaces only (or a title's full stop)."""
        if i + 1 >= len(self.tokens) or self.tokens[i].possessive:
            return False
        gap = self.text[self.tokens[i].end : self.tokens[i + 1].start]
        return bool(re.fullmatch(r"\.? {1,2}|[ \t]", gap))

    def _number_near(self, i: int) -> bool:
        around = self.text[max(0, self.tokens[i].start - 5) : self.tokens[i].end + 6]
        return bool(re.search(r"\d", around))

    # Building the span and typing it.

    def _span(self, i: int, end: int) -> NameSpan | None:
        title = ""
        if self.tokens[i].lower in TITLES:
            # "Mrs Thompson" is her own person, not whoever else shares the surname.
            title = self.tokens[i].lower + " "
            i += 1
        parts = [t.lower for t in self.tokens[i:end]]
        full = " ".join(parts)
        if full in self.words.public_names or any(p in self.words.public_names for p in parts[1:]):
            return None
        if len(parts) == 1 and parts[0] in self.words.public_names:
            return None
        first = parts[0] if len(parts) > 1 and self.words.first_kind(parts[0]) else None
        start, stop = self.tokens[i].start, self.tokens[end - 1].end
        if title and len(parts) == 1:
            return NameSpan(start, stop, title + full, None, self._label(i, end), titled=True)
        return NameSpan(start, stop, full, first, self._label(i, end))

    def _label(self, i: int, end: int) -> str:
        """CHILD, PARENT or PERSON from the words around the name; PERSON when unsure."""
        last = self.tokens[end - 1]
        relation = self._relation_before(i)
        if relation in CHILD_WORDS:
            return "CHILD"
        if relation in PARENT_WORDS or (i > 0 and self.tokens[i - 1].lower in TITLES):
            return "PARENT" if relation in PARENT_WORDS else "PERSON"
        after = self.text[last.end : last.end + 60]
        if last.possessive and end < len(self.tokens):
            nxt = self.tokens[end].lower
            if nxt in CHILD_AFTER_POSSESSIVE:
                return "CHILD"
            if nxt in PARENT_AFTER_POSSESSIVE:
                return "PARENT"
        age = AGE.match(after)
        if age:
            years = next((int(g) for g in age.groups() if g), 0)
            return "CHILD" if years < 18 else "PERSON"
        born = BORN.match(after)
        if born and int(born["y"]) > date.today().year - 18:
            return "CHILD"
        if re.match(
            r"\s*(?:\(|,)\s*(?:his|her|their|the child's)?\s*(?:mum|dad|mother|father)\b", after
        ):
            return "PARENT"
        return "PERSON"
