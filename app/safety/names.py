"""People's names: name lists, titles and context cues; each typed child, parent or person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from app.safety.lexicon import (
    CHILD_AFTER_POSSESSIVE,
    CHILD_WORDS,
    CLAUSE_OPENERS,
    DETERMINERS,
    MODAL_LIKE,
    MODAL_NAMES,
    MONTH_LEAD,
    MONTH_NAMES,
    MONTHS,
    PARENT_AFTER_POSSESSIVE,
    PARENT_WORDS,
    PARTICLES,
    PERSON_BEFORE,
    PERSON_VERBS,
    POLICE_RANKS,
    SAID_VERBS,
    SPEECH_VERBS,
    SPOKE_WORDS,
    TITLES,
    VERB_OBJECT_STARTS,
    fold,
    follows_a_name_not_a_modal,
)
from app.safety.name_context import AGE, NameContext

# Words a sender's or signer's name follows: "email from P. Nwankwo", "cc R. Lal".
_SENDER_BEFORE = frozenset(
    ("from", "to", "by", "cc", "regards", "thanks", "cheers", "wishes", "sincerely", "dear",
     "signed", "with", "and", "love", "hi", "hello", "fao", "attn")
)  # fmt: skip
# Words that follow "cllr" where no name does ("the cllr said", "a cllr from").
_NEVER_AFTER_CLLR = (
    PERSON_VERBS
    | SAID_VERBS
    | SPEECH_VERBS
    | CLAUSE_OPENERS
    | DETERMINERS
    | frozenset(("for", "to", "in", "on", "of", "about", "with", "or", "asked", "thinks"))
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


class NameFinder(NameContext):
    """Find names in one text; `known` says whether a word was already a name in this chat."""

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
        titled = token.lower in TITLES and self._joined(i)
        if titled and (self._capital(i + 1) or self._lower_surname(i + 1)):
            return self._extend(i + 1, i + 2, surnames_only=False)
        if titled and (token.capitalised or token.lower != "miss"):  # "i miss brown bread"
            return self._titled_surname_at(i)
        if token.text in POLICE_RANKS and self._joined(i) and self._capital(i + 1):
            return self._extend(i + 1, i + 2, surnames_only=False)  # "DI Carver"
        if self._initial_before_surname(i):
            return self._extend(i, i + 2, surnames_only=True)
        if not token.capitalised:
            return self._lower_case_at(i)
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
        return self._apposed_to_a_role(i)

    def _initial_before_surname(self, i: int) -> bool:
        """An initial and its full stop before a listed surname: "J. Okafor", "R. Hughes"
        ("I." is the writer)."""
        token = self.tokens[i]
        if len(token.text) != 1 or not token.text.isupper() or token.text == "I":
            return False
        if i + 1 >= len(self.tokens) or not self.text.startswith(".", token.end):
            return False
        nxt = self.tokens[i + 1]
        if not (self._joined(i) and self._capital(i + 1) and nxt.lower not in self.words.places):
            return False
        kind = self.words.surname_kind(nxt.text)
        if kind == "plain":  # not "Plan A. Price rises"
            return True
        # An unlisted surname ("Regards, P. Nwankwo", "from K. Adeyemi-Brown"), only where a
        # name is signed or sent: "Plan B. Then we ..." has a word before the initial.
        return (
            kind is None
            and len(nxt.text) >= 3
            and nxt.lower not in self.words.not_names
            and nxt.lower not in self.words.first_name_words
            and nxt.lower not in CLAUSE_OPENERS
            and self._signed_or_sent_before(i)
        )

    def _signed_or_sent_before(self, i: int) -> bool:
        """The initial opens the text, follows a comma or colon, or a word a sender's or
        signer's name follows ("from", "regards", "cc")."""
        before = self.text[: self.tokens[i].start].rstrip()
        if not before or before.endswith((",", ":", "\n")):
            return True
        last = fold(re.split(r"\W+", before)[-1]) if re.search(r"\w$", before) else ""
        return last in _SENDER_BEFORE

    def _titled_surname_at(self, i: int) -> int:
        """After a title, a surname however typed: "mrs smith" (a surname that is also a word),
        "mrs van der berg", "Mrs de Souza" (particles, then any word). Return the index after
        it, or i."""
        j = i + 1
        while j < len(self.tokens) and self.tokens[j].lower in PARTICLES and self._joined(j - 1):
            j += 1
        if j >= len(self.tokens) or not self._joined(j - 1):
            return i
        key = self.tokens[j].lower
        if key in self.words.not_names or key in self.words.places or len(key) < 3:
            return i
        after_particles = j > i + 1
        if after_particles or self.words.surname_kind(self.tokens[j].text) is not None:
            return self._extend(j, j + 1, surnames_only=False)
        if self.tokens[i].lower == "cllr" and key not in _NEVER_AFTER_CLLR:
            # "Cllr" is written only before a name, so the word after it is one, listed or
            # not: "cllr brightwell said" (hold-out 58).
            return self._extend(j, j + 1, surnames_only=False)
        return i

    def _extend(self, start: int, end: int, *, surnames_only: bool) -> int:
        """Take following capitalised words as surnames: up to three in all."""
        while end < len(self.tokens) and end - start < 3 and self._joined(end - 1):
            nxt = self.tokens[end]
            if nxt.lower in PARTICLES and self._joined(end) and self._capital(end + 1):
                end += 2  # "Dafydd ap Rhys", "Siobhan Ní Bhriain"
                continue
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
        if token.lower in MONTH_NAMES and (
            prev in MONTH_LEAD or self._number_near(i) or self._month_span(i)
        ):
            return False
        if nxt and self._joined(i) and nxt.capitalised and not self.words.first_kind(nxt.text):
            return False  # a title-case phrase such as "Early Help"
        if token.possessive:
            return True
        if token.initial and token.lower in MODAL_LIKE:
            # "Hope is not a strategy": a word like this opening a sentence needs a telling verb.
            return nxt is not None and nxt.lower in SAID_VERBS
        if token.initial:
            return nxt is not None and nxt.lower in PERSON_VERBS
        return prev not in DETERMINERS

    # People type names in lower case: "spoke to jayden's mum", "nerys bowen rang".

    def _lower_case_at(self, i: int) -> int:
        """Return the index after a lower-case name starting at token i, or i."""
        token = self.tokens[i]
        if token.lower in self.words.not_names:
            return i
        end = self._extend_lower(i)
        kind = self._lower_kind(token.text)
        if kind is None:
            # A lower-case double-barrelled surname ("smith-jones"), or an unlisted name with
            # its age beside it ("kaedyn (4)").
            hyphenated = "-" in token.text and self._lower_surname(i)
            aged = self._unlisted_with_age(i)
            return end if hyphenated or aged or self.known(token.lower) else i
        if end > i + 1 or self.known(token.lower):
            return end
        if kind == "plain":
            placed = token.lower in self.words.places and self._after_place_word(i)
            return i if placed and not self._cued(i) else end
        return end if self._lower_word_is_name(i) else i

    def _lower_kind(self, text: str) -> str | None:
        """ "plain" for a listed name that is no English word, "word" for one that is."""
        kind = self.words.first_kind(text)
        key = fold(text)
        if kind is None or all(part in MONTHS for part in key.split("-")):
            return None
        if kind == "word" or key in self.words.lower_words or len(key) < 3:
            return "word"
        return "plain"

    def _lower_word_is_name(self, i: int) -> bool:
        """A lower-case name that is also a word ("josh", "grace") needs a person's context."""
        token = self.tokens[i]
        prev = self.tokens[i - 1].lower if i > 0 else ""
        if prev in DETERMINERS:
            return False
        relation = self._relation_before(i)
        nxt = self.tokens[i + 1].lower if i + 1 < len(self.tokens) else ""
        if token.lower in MODAL_LIKE and relation is not None:
            # After a relation word, "her partner will kill her" and "her brother drew a knife"
            # are verbs; "her son will is 7" and "her partner mark will" are names.
            if self._cued_beyond_relation(i):
                return True
            if token.lower in MODAL_NAMES:
                return follows_a_name_not_a_modal(nxt)
            return nxt not in VERB_OBJECT_STARTS
        if self._cued(i):
            return True
        if token.lower in MODAL_LIKE:
            return False
        before = self.tokens[i - 2].lower if i > 1 else ""
        # Names first and words seldom ("hazel", "jack") may take a verb: "hazel was upset";
        # words first ("a local charity wants") may not.
        name_first = token.lower in self.words.lower_words
        # "grace said" opening a clause is a person; "a local charity said" is not.
        speaks = nxt in SPEECH_VERBS and (token.initial or prev in CLAUSE_OPENERS or i == 0)
        return (
            relation is not None
            or (name_first and nxt in PERSON_VERBS | SAID_VERBS and self._joined(i))
            or (speaks and self._joined(i))
            or prev in PERSON_BEFORE
            or (prev == "to" and before in SPOKE_WORDS)
            or self._beside_lower_name(i)
        )

    def _beside_lower_name(self, i: int) -> bool:
        """ "harry and george": joined by "and" to a name that is no word."""
        return any(
            0 <= other < len(self.tokens)
            and self.tokens[joint].lower in {"and", "&"}
            and self._lower_kind(self.tokens[other].text) == "plain"
            for other, joint in ((i + 2, i + 1), (i - 2, i - 1))
        )

    def _extend_lower(self, start: int) -> int:
        """Take following surnames typed in lower case ("nerys bowen", "dafydd ap rhys")."""
        end = start + 1
        while end < len(self.tokens) and end - start < 4 and self._joined(end - 1):
            if self.tokens[end].lower in PARTICLES and self._joined(end):
                if not (self._lower_surname(end + 1) or self._capital(end + 1)):
                    break
                end += 2
            elif self._lower_surname(end) or self._capital(end):
                end += 1
            elif self._lower_word_surname(end):
                return end + 1  # "jordan price, one of my workers"
            else:
                break
        return end

    def _lower_word_surname(self, i: int) -> bool:
        """A surname that is also a word ("price", "hill") ends a name only where one ends."""
        token = self.tokens[i]
        if self.words.surname_kind(token.text) != "word" or token.lower in MODAL_LIKE | MONTHS:
            return False
        if token.possessive or i + 1 == len(self.tokens):
            return True
        gap = self.text[token.end : self.tokens[i + 1].start]
        after = self.tokens[i + 1].lower
        return bool(re.match(r"\s*[,.;:!?)]", gap)) or after in PERSON_VERBS | SAID_VERBS

    def _lower_surname(self, i: int) -> bool:
        """Whether token i is a listed surname or first name that is no ordinary word."""
        if i >= len(self.tokens):
            return False
        token = self.tokens[i]
        key = token.lower
        if key in self.words.not_names or key in self.words.lower_words or len(key) < 3:
            return False
        if key in self.words.places:
            return False
        return (
            self.words.surname_kind(token.text) == "plain"
            or self._lower_kind(token.text) == "plain"
        )

    # Building the span and typing it.

    def _span(self, i: int, end: int) -> NameSpan | None:
        title = ""
        if self.tokens[i].lower in TITLES or self.tokens[i].text in POLICE_RANKS:
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
