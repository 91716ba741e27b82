"""Structured personal data found by pattern: contacts, NHS and NI numbers, references, dates,
vehicle registrations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.safety.typed_forms import (
    STREET_TYPES,
    YEAR,
    spaced,
    typed_addresses,
    typed_dates,
)


@dataclass(frozen=True)
class Span:
    """A stretch of text to replace: `kind` names the placeholder, `value` keys its digest."""

    start: int
    end: int
    kind: str
    value: str


EMAIL = re.compile(r"(?<![\w.+-])[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# UK phone numbers: +44, 0044 or a leading 0, in the groupings people type.
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)44[ \-]?(?:\(0\)[ \-]?)?|\(?0)"
    r"\d{2,4}\)?(?:[ \-.]?\d{2,4}){1,3}(?![\w%])"
)
# Other countries' numbers, as families abroad give them: +48 601 234 567, 00353 87 123 4567.
INTL_PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)(?!44)[1-9]\d{0,2}[ \-.]?(?:\(0\)[ \-]?)?\(?\d{1,4}\)?"
    r"(?:[ \-.]?\d{1,4}){1,5}(?![\w%])"
)
# A UK number typed in any grouping: "07 700 900 654", "0118-496-0111".
LOOSE_PHONE = re.compile(r"(?<![\w+.,£$€])0(?:[ \-.]?\d){9,10}(?![\w%]|[ \-.]?\d)")
NHS_SHAPE = re.compile(r"(?<![\w£$€.,])\d{3}[ \-]?\d{3}[ \-]?\d{4}(?![\w%])")
LONG_NUMBER = re.compile(r"(?<![\w£$€.,])\d{6,}(?![\w%]|[.,]\d)")
# UK postcodes, outward and inward code; lower case accepted, people type it.
POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPS-UW\d]?[ \t]*\d[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
# A vehicle registration, the current UK shape typed in capitals ("AB12 CDE"), or any shape
# after a word that announces one ("dad's reg is ab12 cde", "plate M123 ABC").
VEHICLE_REG = re.compile(r"\b[A-Z]{2}(?:0[2-9]|[1-9]\d)[ ]?[A-Z]{3}\b")
CUED_VEHICLE_REG = re.compile(
    r"\b(?:reg|registration|(?:number\s+)?plates?|vrm)(?:\s+(?:is|was|number|no\.?|of))?[:\s]+"
    r"(?P<reg>[A-Z]{2}\d{2}[ ]?[A-Z]{3}|[A-Z]\d{1,3}[ ]?[A-Z]{3}|[A-Z]{3}[ ]?\d{1,3}[A-Z])\b",
    re.IGNORECASE,
)
# Any two letters, not only the issued prefixes: HMRC's own examples use "QQ".
NI_NUMBER = re.compile(r"\b[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]\b", re.IGNORECASE)
_REF_PREFIX = (
    r"CIN|CPP|CP|LAC|CLA|CIC|CAF|EHA|EHM|EH|MASH|CSC|CSE|PLO|FH|SW|CR|UPN|ULN|EHCP|"
    r"MARAC|MAPPA|YOT|YJ|IRO|SGO|ICPC|RCPC|LADO"
)
# A known prefix joined to digits: CIN-2023-1142, CP/2024/331, LAC 12345.
PREFIXED_REF = re.compile(
    rf"\b(?:{_REF_PREFIX})(?:[ \t]*[-/:#][ \t]*|[ \t]+)?\d[\dA-Z]*(?:[-/]\w+)*\b", re.IGNORECASE
)
# A reference announced by its label: "case ref 88123", "Mosaic ID 1234567", "file no. 2023/0456".
LABELLED_REF = re.compile(
    r"\b(?:case|ref|reference|record|file|client|mosaic|lcs|eclipse|id|liquidlogic|number|no)"
    r"\b\.?(?:[ \t]*(?:ref(?:erence)?|number|no|id|#)\b\.?)?"
    r"[ \t]*[:#]?[ \t]*(?P<ref>[A-Z]{0,4}[-/]?\d[\d\-/]{2,}\d)\b",
    re.IGNORECASE,
)
# Letters and digits run together: AB123456, 12345X.
MIXED_REF = re.compile(r"\b(?:[A-Z]{1,4}\d{4,}[A-Z]?|\d{5,}[A-Z]{1,2})\b")

# Capitalised months, and lower-case full names that are not also verbs ("may", "march").
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|january|february|april|"
    r"june|july|august|september|october|november|december)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = YEAR
_DATE_BODY = (
    rf"{_DAY}[/.\-](?:1[0-2]|0?[1-9])[/.\-](?:{_YEAR}|\d{{2}})"  # 12/09/2016, 1-3-24
    rf"|{_YEAR}-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9])"  # 2016-09-12
    rf"|{_DAY}(?:[ \t]+of)?[ \t]+{_MONTHS}\.?(?:,?[ \t]+{_YEAR})?"  # 12 Sept 2016
    rf"|{_MONTHS}\.?[ \t]+{_DAY}(?:,?[ \t]+{_YEAR})?"  # September 12, 2016
)
DATE = re.compile(rf"\b(?:{_DATE_BODY})\b")
# A month and year or a bare year count as personal only after a birth cue.
BIRTH = re.compile(
    r"\b(?:born|d\.?o\.?b\.?|date[ \t]+of[ \t]+birth|birthday)(?:[ \t]*(?:is|was|on|in|of|:|-))*"
    rf"[ \t]*\(?[ \t]*(?P<date>(?:{_DATE_BODY})|(?:{_MONTHS}\.?[ \t]+)?{_YEAR})\b",
    re.IGNORECASE,
)
ADDRESS = re.compile(
    r"\b(?:(?i:flat|apartment|apt|unit|room)[ \t]+\d+[A-Za-z]?,?[ \t]+)?"
    r"(?:(?i:no)\.?[ \t]*)?\d{1,4}[A-Za-z]?(?:[-–]\d{1,4})?,?[ \t]+"
    rf"(?:[A-Z][\w'’\-]*[ \t]+){{1,3}}(?i:{STREET_TYPES})\b\.?"
)
# Without a house number only the unmistakable street words count, after a place preposition.
STREET = re.compile(
    r"\b(?:on|in|at|off|near|along)[ \t]+(?P<street>(?:[A-Z][\w'’\-]*[ \t]+){1,2}"
    r"(?:Road|Rd|Street|Avenue|Ave|Close|Lane|Drive|Crescent|Gardens|Gdns|Grove|Terrace|Mews|Way))\b"
)
FLAT = re.compile(r"\b(?i:flat|apartment|apt|unit|room)[ \t]+\d+[A-Za-z]?\b")

NHS_CUE = re.compile(r"\bNHS\b[^.\n]{0,20}$", re.IGNORECASE)


def nhs_checksum_ok(digits: str) -> bool:
    """Return whether ten digits pass the NHS number modulus 11 check."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _phone_kind(raw: str) -> str | None:
    """Return PHONE for a UK-length number, CASE_REF for another long one, else None."""
    digits = re.sub(r"\D", "", raw)
    national = digits[2:] if raw.startswith("+") else digits[4:] if raw.startswith("00") else digits
    national = national.removeprefix("0")
    if 9 <= len(national) <= 10:
        return "PHONE"
    return "CASE_REF" if len(digits) >= 6 else None


def _phone_value(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        digits = digits[2:]
    elif raw.startswith("00"):
        digits = digits[4:]
    return "0" + digits.removeprefix("0")


def _nhs_kind(raw: str, before: str) -> str:
    """A ten-digit 3-3-4 number: an NHS number if it passes the check, else a reference."""
    if nhs_checksum_ok(re.sub(r"\D", "", raw)):
        return "NHS_NUMBER"
    return "PHONE" if raw.startswith("0") and not NHS_CUE.search(before) else "CASE_REF"


def _compact(text: str) -> str:
    return re.sub(r"[\s\-/:#.()]", "", text).upper()


def find_structured(text: str) -> Iterator[Span]:
    """Yield every structured identifier; overlaps are resolved by the caller."""
    for match in EMAIL.finditer(text):
        yield Span(match.start(), match.end(), "EMAIL", match.group().lower())
    for match in NI_NUMBER.finditer(text):
        yield Span(match.start(), match.end(), "NI_NUMBER", _compact(match.group()))
    for match in NHS_SHAPE.finditer(text):
        kind = _nhs_kind(match.group(), text[max(0, match.start() - 30) : match.start()])
        yield Span(match.start(), match.end(), kind, _compact(match.group()))
    for match in PHONE.finditer(text):
        phone_kind = _phone_kind(match.group())
        if phone_kind == "PHONE":
            yield Span(match.start(), match.end(), phone_kind, _phone_value(match.group()))
        elif phone_kind:
            yield Span(match.start(), match.end(), phone_kind, _compact(match.group()))
    for match in (*INTL_PHONE.finditer(text), *LOOSE_PHONE.finditer(text)):
        if 8 <= len(re.sub(r"\D", "", match.group())) <= 15:
            yield Span(match.start(), match.end(), "PHONE", _phone_value(match.group()))
    for match in LONG_NUMBER.finditer(text):
        yield Span(match.start(), match.end(), "CASE_REF", match.group())
    for match in POSTCODE.finditer(text):
        yield Span(match.start(), match.end(), "POSTCODE", _compact(match.group()))
    for match in VEHICLE_REG.finditer(text):
        yield Span(match.start(), match.end(), "VEHICLE_REG", _compact(match.group()))
    for match in CUED_VEHICLE_REG.finditer(text):
        yield Span(match.start("reg"), match.end("reg"), "VEHICLE_REG", _compact(match["reg"]))
    for match in PREFIXED_REF.finditer(text):
        if _has_reference_digits(match.group()):
            yield Span(match.start(), match.end(), "CASE_REF", _compact(match.group()))
    for match in LABELLED_REF.finditer(text):
        yield Span(match.start("ref"), match.end("ref"), "CASE_REF", _compact(match.group("ref")))
    for match in MIXED_REF.finditer(text):
        yield Span(match.start(), match.end(), "CASE_REF", _compact(match.group()))
    for match in BIRTH.finditer(text):
        yield Span(match.start("date"), match.end("date"), "DATE_OF_BIRTH", spaced(match["date"]))
    for match in DATE.finditer(text):
        yield Span(match.start(), match.end(), "DATE", spaced(match.group()))
    for start, end, kind, value in typed_dates(text):
        yield Span(start, end, kind, value)
    for match in (*ADDRESS.finditer(text), *FLAT.finditer(text)):
        yield Span(match.start(), match.end(), "ADDRESS", spaced(match.group()))
    for start, end, kind, value in typed_addresses(text):
        yield Span(start, end, kind, value)
    for match in STREET.finditer(text):
        yield Span(match.start("street"), match.end("street"), "ADDRESS", spaced(match["street"]))


def _has_reference_digits(text: str) -> bool:
    """Keep "LAC 12345" and "CP/2024/331" but not "CIN 2023" or "S47": a bare year is no ref."""
    groups = re.findall(r"\d+", text)
    if not groups or sum(len(g) for g in groups) < 3:
        return False
    return not (len(groups) == 1 and re.fullmatch(r"(?:19|20)\d{2}", groups[0]))
