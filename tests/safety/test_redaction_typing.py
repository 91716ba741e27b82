"""Redaction of personal data as people really type it, and the ordinary words it must keep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.safety.redaction import Redactor

TYPING = Path(__file__).resolve().parents[1] / "data" / "pii-typing.jsonl"


@pytest.fixture
def redactor() -> Redactor:
    return Redactor(b"typing-secret")


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in TYPING.read_text(encoding="utf-8").splitlines() if line]


def _strings(row: dict[str, object], key: str) -> list[str]:
    values = row.get(key, [])
    assert isinstance(values, list)
    return [str(value) for value in values]


def test_typing_set_has_the_promised_shape() -> None:
    rows = _rows()
    leaks = [row for row in rows if "must_not_leak" in row]
    keeps = [row for row in rows if "must_keep" in row]
    assert len(leaks) >= 150 and len(keeps) >= 40
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        message = str(row["message"]).lower()
        for value in _strings(row, "must_not_leak") + _strings(row, "must_keep"):
            assert value.lower() in message, (row["id"], value)


def test_typing_set_meets_recall_and_keeps_ordinary_words(redactor: Redactor) -> None:
    """A leak is a must_not_leak string still in the redacted text, ignoring case."""
    strings = leaked = words = kept = 0
    leaks: list[str] = []
    for row in _rows():
        text = redactor.redact(str(row["message"]), scope=str(row["id"])).text.lower()
        for value in _strings(row, "must_not_leak"):
            strings += 1
            if value.lower() in text:
                leaked += 1
                leaks.append(f"{row['id']}: {value}")
        for value in _strings(row, "must_keep"):
            words += 1
            kept += value.lower() in text
    assert strings and words
    assert (strings - leaked) / strings >= 0.98, leaks
    assert kept / words >= 0.95


def _redacted(redactor: Redactor, text: str) -> str:
    return redactor.redact(text, scope="unit").text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("went round to see brandon and his dad", "brandon"),
        ("worker said kayla has stopped eating", "kayla"),
        ("the courts want an update on paisley-rae", "paisley-rae"),
        ("toby's nan keeps ringing the duty line", "toby"),
        ("lukes mum will not let us in", "lukes"),
        ("i told josh the panel was moved", "josh"),
        ("hazel was crying at the door", "hazel"),
        ("she left her son kyran (6) with a neighbour", "kyran"),
    ],
)
def test_lower_case_first_names(redactor: Redactor, text: str, secret: str) -> None:
    assert secret not in _redacted(redactor, text).lower()


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("Flat 6, 21 Albert Road, Didcot is the address", ["Flat 6", "21 Albert Road"]),
        ("they are in flat 3, 88 west street now", ["flat 3", "88 west street"]),
        ("apartment 2 heron court is empty", ["heron court"]),
        ("mum lives at 9 the laurels", ["9 the laurels"]),
        ("no 14 brook lane has a new tenant", ["14 brook lane"]),
        ("she lives on tanners lane", ["tanners lane"]),
        ("the twins live on Bath Rd, Newbury", ["Bath Rd"]),
        ("they live on priory way now", ["priory way"]),
        ("from 3 Heol y Coed, Caerphilly", ["Heol y Coed"]),
        ("flat 2, 14 stryd fawr, bala", ["stryd fawr"]),
        ("she lives on ffordd las", ["ffordd las"]),
    ],
)
def test_addresses_typed_in_pieces(redactor: Redactor, text: str, secrets: list[str]) -> None:
    redacted = _redacted(redactor, text).lower()
    assert all(secret.lower() not in redacted for secret in secrets), redacted


@pytest.mark.parametrize(
    ("text", "secret", "kind"),
    [
        ("born on the seventh of april 2017", "seventh of april", "DATE_OF_BIRTH"),
        ("dob 19th aug 2010", "19th aug", "DATE_OF_BIRTH"),
        ("the core group is on october 9th", "october 9th", "DATE"),
        ("born the 2nd of march", "2nd of march", "DATE_OF_BIRTH"),
        ("born 8th feburary 2012", "8th feburary", "DATE_OF_BIRTH"),
        ("born twenty ninth of june two thousand and nine", "twenty ninth of june", "DATE"),
    ],
)
def test_dates_in_words(redactor: Redactor, text: str, secret: str, kind: str) -> None:
    redacted = _redacted(redactor, text)
    assert secret not in redacted.lower()
    assert f"[{kind}_1]" in redacted or kind == "DATE"


@pytest.mark.parametrize(
    "phone",
    [
        "+44 7700 900456",
        "0044 7700 900456",
        "+48 602 111 222",
        "+353 86 222 3333",
        "(0118) 496 0123",
        "07 700 900 777",
        "+33 6 98 76 54 32",
    ],
)
def test_international_and_loose_phones(redactor: Redactor, phone: str) -> None:
    assert _redacted(redactor, f"nan is on {phone} most days") == "nan is on [PHONE_1] most days"


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("Maya-Rose Evans-Lloyd missed her medical", ["Maya-Rose", "Evans-Lloyd"]),
        ("mrs davies-jenkins the carer rang", ["davies-jenkins"]),
        ("ellie-may is 3", ["ellie-may"]),
    ],
)
def test_double_barrelled_names(redactor: Redactor, text: str, secrets: list[str]) -> None:
    redacted = _redacted(redactor, text).lower()
    assert all(secret.lower() not in redacted for secret in secrets), redacted


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("Gwenllian and Rhodri are with their taid", ["Gwenllian", "Rhodri"]),
        ("dad is Iolo ap Gwilym", ["Iolo", "ap Gwilym"]),
        ("Siân told the teacher", ["Siân"]),
        ("Eleri Prydderch rang twice", ["Eleri", "Prydderch"]),
        ("Niamh Ní Dhónaill is the aunt", ["Niamh", "Ní Dhónaill"]),
        ("Paweł Wróbel and Çağrı Yıldız are foster carers", ["Paweł", "Wróbel", "Yıldız"]),
    ],
)
def test_welsh_irish_and_other_names(redactor: Redactor, text: str, secrets: list[str]) -> None:
    redacted = _redacted(redactor, text)
    assert all(secret not in redacted for secret in secrets), redacted


@pytest.mark.parametrize("postcode", ["rg14 1aa", "RG141AA", "sw1a 1aa", "cf101ep"])
def test_postcodes_in_any_case_and_spacing(redactor: Redactor, postcode: str) -> None:
    assert _redacted(redactor, f"the postcode is {postcode}") == "the postcode is [POSTCODE_1]"


@pytest.mark.parametrize(
    "text",
    [
        "i hope the new rota will help and grace is what i want to show",
        "mark the register and chase the audits before may",
        "in march we drew up the plan for the phoenix team and the ivy unit",
        "the balcony tool and the dance floor helped our early help service",
        "west berkshire council and cyngor gwynedd run a joint course in june",
        "a jack of all trades, a penny for your thoughts, a ray of hope",
        "we did 3 family court hearings and 2 hours down the road is another",
        "step 1 the view from the balcony",
        "referrals (12) came in today",
        "the 1st may be hard but the second is easier",
        "living in a way that works for the team is the aim",
        "moving into the right place for the service takes time",
    ],
)
def test_leadership_talk_in_lower_case_is_kept(redactor: Redactor, text: str) -> None:
    assert _redacted(redactor, text) == text


@pytest.mark.parametrize(
    "text",
    [
        "mum said her partner will kill her when she gets home",
        "her husband will hit her again if she goes to the refuge",
        "the dad will be there at contact and mum may not cope",
        "her brother drew a knife on the carer",
        "my colleague will ring the police back",
    ],
)
def test_a_modal_verb_after_a_relation_word_is_kept(redactor: Redactor, text: str) -> None:
    """ "her partner will kill her" read as "her partner [PERSON_1] kill her" loses the threat."""
    assert _redacted(redactor, text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("her partner mark will kill her", "mark"),
        ("her son will is 7 and scared of him", "will"),
        ("her son will kicked off again at school", "will"),
        ("her son will said he was hit", "will"),
        ("her dad frank rang the office", "frank"),
    ],
)
def test_a_name_that_is_also_a_verb_after_a_relation_word(
    redactor: Redactor, text: str, secret: str
) -> None:
    assert secret not in _redacted(redactor, text).lower().split()


def test_lower_and_title_case_share_a_placeholder(redactor: Redactor) -> None:
    first = redactor.redact("Jayden Clarke is 7 and lives at 4 Oak Road", scope="c")
    second = redactor.redact(
        "jayden said his mum moved to 4 oak road", placeholders=first.placeholders, scope="c"
    )
    assert first.text == "[CHILD_1] is 7 and lives at [ADDRESS_1]"
    assert second.text == "[CHILD_1] said his mum moved to [ADDRESS_1]"
