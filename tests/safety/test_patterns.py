"""Structured identifiers: checksums, formats, and the numbers that must be left alone."""

from __future__ import annotations

import pytest

from app.safety.patterns import find_structured, nhs_checksum_ok


def kinds(text: str) -> dict[str, str]:
    """Map each found stretch of text to its kind (the widest finding per start wins)."""
    found: dict[str, str] = {}
    for span in sorted(find_structured(text), key=lambda s: s.start - s.end):
        found.setdefault(text[span.start : span.end], span.kind)
    return found


@pytest.mark.parametrize("number", ["4857773457", "9434765919", "4010232137"])
def test_valid_nhs_numbers_pass_the_checksum(number: str) -> None:
    assert nhs_checksum_ok(number)


@pytest.mark.parametrize(
    "number", ["4857773458", "1234567890", "943476591", "94347659190", "abcdefghij"]
)
def test_invalid_nhs_numbers_fail_the_checksum(number: str) -> None:
    assert not nhs_checksum_ok(number)


def test_nhs_number_is_typed_only_with_a_valid_checksum() -> None:
    assert kinds("NHS no 485 777 3457")["485 777 3457"] == "NHS_NUMBER"
    # A failing ten-digit number after "NHS" is still hidden, as a reference.
    assert kinds("NHS no 485 777 3458")["485 777 3458"] == "CASE_REF"


@pytest.mark.parametrize(
    "phone",
    [
        "01635 123456",
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "+44 (0)1635 123456",
        "020 7946 0018",
        "(01635) 123456",
        "0044 7700 900123",
        "07700-900-123",
    ],
)
def test_uk_phone_numbers_are_found(phone: str) -> None:
    assert kinds(f"call her on {phone} today").get(phone) == "PHONE"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("email j.baker@example.org now", "j.baker@example.org", "EMAIL"),
        ("at RG17 0AA", "RG17 0AA", "POSTCODE"),
        ("postcode sw1a1aa", "sw1a1aa", "POSTCODE"),
        ("NI QQ 12 34 56 C", "QQ 12 34 56 C", "NI_NUMBER"),
        ("NI AB123456D", "AB123456D", "NI_NUMBER"),
        ("case CIN-2023-1142.", "CIN-2023-1142", "CASE_REF"),
        ("ref CP/2024/331 open", "CP/2024/331", "CASE_REF"),
        ("LAC 12345 moved", "LAC 12345", "CASE_REF"),
        ("case ref 88123 closed", "88123", "CASE_REF"),
        ("Mosaic ID 1234567", "1234567", "CASE_REF"),
        ("born 12/09/2016 in", "12/09/2016", "DATE_OF_BIRTH"),
        ("DOB: 3 March 2015", "3 March 2015", "DATE_OF_BIRTH"),
        ("she was born in 2016", "2016", "DATE_OF_BIRTH"),
        ("seen on 3rd of May", "3rd of May", "DATE"),
        ("at 7 Elm Close, Hungerford", "7 Elm Close", "ADDRESS"),
        ("Flat 2, 14b Station Rd", "Flat 2, 14b Station Rd", "ADDRESS"),
        ("lives on Meadow Lane now", "Meadow Lane", "ADDRESS"),
        ("his car, AB12 CDE, was outside", "AB12 CDE", "VEHICLE_REG"),
        ("dads reg is ab12cde", "ab12cde", "VEHICLE_REG"),
        ("number plate m123 abc", "m123 abc", "VEHICLE_REG"),
    ],
)
def test_identifiers_are_found_and_typed(text: str, value: str, kind: str) -> None:
    assert kinds(text).get(value) == kind


@pytest.mark.parametrize(
    "text",
    [
        "We did 47 S47 enquiries in 2023 and 12 staff left.",
        "Children aged 5 may struggle in Year 5.",
        "In March 2023 the budget was £250000 and 12,500 pounds of that went on agency staff.",
        "Working Together 2023 and the CIN 2023 census; ten years down the road.",
        "Call Samaritans on 116 123 any time.",
    ],
)
def test_ordinary_numbers_and_dates_are_left_alone(text: str) -> None:
    assert list(find_structured(text)) == []


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("born on the third of march 2015", "the third of march 2015", "DATE_OF_BIRTH"),
        ("dob 3rd March 2014", "3rd March 2014", "DATE_OF_BIRTH"),
        ("review is march 3rd", "march 3rd", "DATE"),
        ("hearing on 4th feb", "4th feb", "DATE"),
        ("born 3rd marhc 2015", "3rd marhc 2015", "DATE_OF_BIRTH"),
        ("ring +48 601 234 567 now", "+48 601 234 567", "PHONE"),
        ("ring 0035387 123 4567 now", "0035387 123 4567", "PHONE"),
        ("ring 07 700 900 654 now", "07 700 900 654", "PHONE"),
        ("flat 4, 22 kings road, newbury", "flat 4, 22 kings road", "ADDRESS"),
        ("lives at 14 the crescent", "14 the crescent", "ADDRESS"),
        ("flat 3b bridge house", "flat 3b bridge house", "ADDRESS"),
        ("at 102 high st, hungerford", "102 high st", "ADDRESS"),
        ("postcode rg141aa", "rg141aa", "POSTCODE"),
    ],
)
def test_identifiers_as_people_type_them(text: str, value: str, kind: str) -> None:
    assert kinds(text).get(value) == kind


@pytest.mark.parametrize(
    "text",
    [
        "we did 3 family court hearings this week",
        "it took 2 hours down the road and 3 the hard way",
        "step 1 the view from the balcony",
        "you may first want to read the third chapter in march",
        "the first of all our teams moved in may 2023",
        "a match on the 3rd of the month, twenty people came",
    ],
)
def test_lower_case_talk_is_no_address_or_date(text: str) -> None:
    assert list(find_structured(text)) == []
