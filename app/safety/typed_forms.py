"""Dates and addresses as people type them: in words, in lower case, in pieces."""

from __future__ import annotations

import re
from collections.abc import Iterator

# (start, end, kind, value): patterns.py turns each into a Span.
Found = tuple[int, int, str, str]
YEAR = r"(?:19|20)\d{2}"


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def spaced(text: str) -> str:
    """The digest form of a typed value: lower case, single spaces."""
    return re.sub(r"\s+", " ", text.lower()).strip(" .,")


STREET_TYPES = (
    r"Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Dr|Way|Crescent|Cres|Gardens|Gdns|"
    r"Grove|Place|Pl|Court|Ct|Terrace|Walk|Mews|Hill|Rise|View|Square|Sq|Row|Parade|Green|"
    r"Park|Gate|Vale|Meadows?|Fields|Croft|Wharf|Yard|Chase|End|Path|Boulevard|Approach|"
    r"Mount|Heights|Villas|Cottages|House|Estate"
)
# Dates as people type them: "the third of march 2015", "4th feb", "march 3rd", "jan 5th".
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[ \t\-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|thirtieth"
)
_SUFFIXED_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
_ANY_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# "two thousand and fourteen", "twenty fifteen", "nineteen ninety nine".
_SPOKEN_YEAR = (
    rf"(?:two[ \t]+thousand(?:[ \t]+and)?[ \t]+(?:{_TEENS}|twenty(?:[ \t\-]{_UNITS})?|{_UNITS})"
    rf"|twenty[ \t]+(?:{_TEENS}|twenty(?:[ \t\-]{_UNITS})?)"
    rf"|nineteen[ \t]+(?:seventy|eighty|ninety)(?:[ \t\-]{_UNITS})?)"
)
_TYPED_YEAR = rf"(?:,?[ \t]+(?:{YEAR}|{_SPOKEN_YEAR}\b|'\d{{2}}\b))?"
TYPED_DATE = re.compile(
    rf"\b(?:(?:the[ \t]+)?(?:{_SUFFIXED_DAY}|{_ORDINAL_WORD}|\d{{1,2}})[ \t]+of[ \t]+{_ANY_MONTH}"
    rf"|{_SUFFIXED_DAY}[ \t]+(?!may\b)(?:{_ANY_MONTH})"
    rf"|{_SUFFIXED_DAY}[ \t]+may(?=,?[ \t]+(?:{YEAR}|{_SPOKEN_YEAR}))"
    rf"|{_ANY_MONTH}\.?[ \t]+(?:{_SUFFIXED_DAY}|the[ \t]+(?:{_ORDINAL_WORD})))\b"
    rf"{_TYPED_YEAR}",
    re.IGNORECASE,
)
# A misspelt month between a day and a year: "3rd marhc 2015".
MISSPELT_DATE = re.compile(
    rf"\b(?:{_SUFFIXED_DAY}|\d{{1,2}})(?:[ \t]+of)?[ \t]+(?P<month>[a-z]{{4,9}}),?[ \t]+{YEAR}\b",
    re.IGNORECASE,
)
BIRTH_CUE = re.compile(
    r"\b(?:born|d\.?o\.?b\.?|date[ \t]+of[ \t]+birth|birthday)"
    r"(?:[ \t]*(?:is|was|on|in|of|the|:|-))*[ \t]*$",
    re.IGNORECASE,
)
# The same shapes typed in lower case: "flat 4, 22 kings road", "lives at 14 the crescent".
_UNIT = r"(?:(?:flat|apartment|apt|unit|room)[ \t]+\d+[a-z]?,?[ \t]+)"
# The house number, after "no", "number" or a flat word: "number 12", "unit 5 the maltings".
_NUMBER = r"(?:(?:flat|apartment|apt|unit|room|no|number)\.?[ \t]*)?\d{1,4}[a-z]?"
TYPED_ADDRESS = re.compile(
    rf"\b{_UNIT}?{_NUMBER}(?:[-–]\d{{1,4}})?,?[ \t]+"
    rf"(?P<words>(?:[a-z][\w'’\-]*[ \t]+){{1,3}}?)(?P<type>{STREET_TYPES})\b\.?",
    re.IGNORECASE,
)
# A building after a flat number: "flat 3b bridge house", "apartment 4 kingfisher court".
BUILDING = re.compile(
    rf"\b{_UNIT}(?P<words>(?:[a-z][\w'’\-]*[ \t]+){{1,2}}?)"
    r"(?:house|court|lodge|towers?|heights|mansions|buildings|point|block|hall|gardens|mews)\b",
    re.IGNORECASE,
)
# A street or building with no number, after someone living or staying there.
_LIVES = (
    r"\b(?:lives?|living|lived|moved|moving|staying|stays|stayed|stay)[ \t]+(?:on|at|in|to|into)"
)
LIVES_ON = re.compile(
    rf"{_LIVES}[ \t]+(?P<words>(?:[a-z][\w'’\-]*[ \t]+){{1,2}}?)(?P<type>road|rd|street|avenue|"
    r"ave|close|lane|drive|crescent|gardens|gdns|grove|terrace|mews|way|place|row|rise|square|"
    r"parade|house|court|towers?|heights)\b",
    re.IGNORECASE,
)
# Welsh streets put the street word first: "3 Heol y Coed", "lives on ffordd las".
_WELSH_STREET = (
    r"(?:heol|ffordd|stryd|lôn|lon|rhodfa|cilgant|maes|cwrt|clos|teras|llwyn|bryn|allt|pant)"
    r"[ \t]+(?:(?:y|yr|'r|ap)[ \t]+)?[a-zà-ÿŵŷ][\w'’\-]*"
)
WELSH_ADDRESS = re.compile(
    rf"(?:(?P<number>\b{_UNIT}?{_NUMBER}),?[ \t]+|{_LIVES}[ \t]+)(?P<street>{_WELSH_STREET})\b",
    re.IGNORECASE,
)
# Words that make "3 the hard way" or "2 hours down the road" no address.
_NOT_STREET_WORDS = _set(
    """a an of to in on at by for and or but with from into up down out over off about than
    then this that these those my our your his her their its is was are were be been hours
    hour days day weeks week months month years year minutes mins times time miles mile
    people staff children kids cases visits families more less most least same other long
    short right wrong only best worst first last next whole hard easy good bad few many
    lot lots car degree"""
)
_DETERMINERS = _set("the a an our their his her my your this that same new old")
# "3 family court hearings" is a court, not a block of flats.
_COURTS = _set("""family youth crown county magistrates high appeal district""")
# "The Crescent", "The Limes": street and house names that stand with "the" alone.
_THE_STREETS = _set(
    """crescent green close parade avenue drive grove square mews terrace row walk broadway
    causeway croft meadows paddock spinney strand quay orchard willows laurels limes
    beeches elms poplars maltings pines oaks firs hollies glebe cedars chestnuts ridgeway"""
)
THE_ADDRESS = re.compile(
    rf"\b{_UNIT}?{_NUMBER},?[ \t]+the[ \t]+"
    rf"(?P<type>{'|'.join(sorted(_THE_STREETS))})\b",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")
_MONTHISH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE)


def typed_addresses(text: str) -> Iterator[Found]:
    """Addresses typed in lower case, "the" streets, and buildings after a flat number."""
    numbered = _DIGIT.search(text) is not None  # each pattern but LIVES_ON needs a number
    for match in THE_ADDRESS.finditer(text) if numbered else ():
        yield match.start(), match.end(), "ADDRESS", spaced(match.group())
    for match in (*TYPED_ADDRESS.finditer(text), *BUILDING.finditer(text)) if numbered else ():
        if _street_words_ok(match):
            yield match.start(), match.end(), "ADDRESS", spaced(match.group())
    for match in WELSH_ADDRESS.finditer(text):
        start = match.start() if match["number"] else match.start("street")
        yield start, match.end(), "ADDRESS", spaced(text[start : match.end()])
    for match in LIVES_ON.finditer(text):
        if _street_words_ok(match) and match["words"].split()[0].lower() not in _DETERMINERS:
            start, end = match.start("words"), match.end("type")
            yield start, end, "ADDRESS", spaced(text[start:end])


def _street_words_ok(match: re.Match[str]) -> bool:
    """Whether the words before a street type read as a street name, not "3 hours down the"."""
    words = [w.lower() for w in match["words"].split()]
    if any(w in _NOT_STREET_WORDS for w in words):
        return False
    kind = match.groupdict().get("type")
    if kind and kind.lower() in {"court", "ct"} and words and words[-1] in _COURTS:
        return False
    return words != ["the"]  # "1 the view"; "14 the crescent" is found by THE_ADDRESS


def typed_dates(text: str) -> Iterator[Found]:
    """Dates in words or with a misspelt month; after a birth cue they are dates of birth."""
    # Cheap checks first: most messages hold no month and no year.
    found = list(TYPED_DATE.finditer(text)) if _MONTHISH.search(text) else []
    if _DIGIT.search(text):
        found += [m for m in MISSPELT_DATE.finditer(text) if _near_month(m["month"])]
    for match in found:
        before = text[max(0, match.start() - 30) : match.start()]
        kind = "DATE_OF_BIRTH" if BIRTH_CUE.search(before) else "DATE"
        yield match.start(), match.end(), kind, spaced(match.group())


def _near_month(word: str) -> bool:
    """A month name with one letter wrong, missing, extra or swapped ("marhc", "febuary")."""
    word = word.lower()
    return any(_one_edit(word, month) for month in _MONTH_NAMES)


_MONTH_NAMES = _set(
    "january february march april june july august september october november december"
)


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
