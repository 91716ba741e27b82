"""Redaction: placeholders, consistency within a conversation, and a mapping without originals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.safety.redaction import Redactor
from tests.utils.shared_eval import shared_eval_rows

SECRET = b"test-secret"


@pytest.fixture
def redactor() -> Redactor:
    return Redactor(SECRET)


def test_dev_messages_leak_nothing(redactor: Redactor) -> None:
    rows = shared_eval_rows("pii-dev.jsonl")
    assert rows
    for row in rows:
        text = redactor.redact(row["message"], scope=row["id"]).text
        for value in row["must_not_leak"]:
            assert value not in text


def test_typed_placeholders_read_naturally(redactor: Redactor) -> None:
    result = redactor.redact(
        "Mia Thompson (born 12/09/2016) at 7 Elm Close, Hungerford RG17 0AA keeps missing "
        "school. Her mum, Karen, rang from 07700 900123."
    )
    assert result.text == (
        "[CHILD_1] (born [DATE_OF_BIRTH_1]) at [ADDRESS_1], Hungerford [POSTCODE_1] keeps "
        "missing school. Her mum, [PARENT_1], rang from [PHONE_1]."
    )
    assert result.counts == {
        "child": 1,
        "date_of_birth": 1,
        "address": 1,
        "postcode": 1,
        "parent": 1,
        "phone": 1,
    }


def test_same_person_keeps_the_placeholder_across_messages(redactor: Redactor) -> None:
    first = redactor.redact("Mia Thompson, aged 9, is off school.", scope="chat-1")
    second = redactor.redact(
        "Mia is back now but Mia's mum Karen is angry.",
        placeholders=first.placeholders,
        scope="chat-1",
    )
    third = redactor.redact(
        "Karen rang again; Thompson is on the letter.",
        placeholders=second.placeholders,
        scope="chat-1",
    )
    assert first.text == "[CHILD_1], aged 9, is off school."
    assert second.text == "[CHILD_1] is back now but [CHILD_1]'s mum [PARENT_1] is angry."
    assert third.text == "[PARENT_1] rang again; [CHILD_1] is on the letter."


def test_numbering_continues_from_the_mapping(redactor: Redactor) -> None:
    first = redactor.redact("Ring 07700 900123 or 01635 123456.", scope="s")
    second = redactor.redact(
        "Now ring 020 7946 0018, not 07700 900123.", placeholders=first.placeholders, scope="s"
    )
    assert first.text == "Ring [PHONE_1] or [PHONE_2]."
    assert second.text == "Now ring [PHONE_3], not [PHONE_1]."


def test_scopes_give_different_digests(redactor: Redactor) -> None:
    one = redactor.redact("Email j.baker@example.org", scope="chat-1").placeholders
    two = redactor.redact("Email j.baker@example.org", scope="chat-2").placeholders
    assert one.keys().isdisjoint(two.keys())
    assert list(one.values()) == list(two.values()) == ["[EMAIL_1]"]


def test_secrets_give_different_digests() -> None:
    one = Redactor(b"one").redact("Email j.baker@example.org", scope="s").placeholders
    two = Redactor(b"two").redact("Email j.baker@example.org", scope="s").placeholders
    assert one.keys().isdisjoint(two.keys())


def test_mapping_holds_no_original_value(redactor: Redactor) -> None:
    message = (
        "Mia Thompson (born 12/09/2016), 7 Elm Close RG17 0AA, 07700 900123, "
        "j.baker@example.org, NHS 485 777 3457, NI QQ 12 34 56 C, CIN-2023-1142."
    )
    mapping = redactor.redact(message, scope="s").placeholders
    stored = json.dumps(mapping).lower()
    for value in ("mia", "thompson", "2016", "elm", "rg17", "07700", "baker", "485", "qq", "1142"):
        assert value not in stored
    assert all(len(key) == 64 for key in mapping)


def test_placeholders_already_in_text_are_kept(redactor: Redactor) -> None:
    result = redactor.redact("As I said, [CHILD_1] and [PHONE_2] are fine.")
    assert result.text == "As I said, [CHILD_1] and [PHONE_2] are fine."
    assert result.counts == {}


@pytest.mark.parametrize(
    "text",
    [
        "How do I use Signs of Safety when Ofsted arrive on Monday?",
        "The Team Manager asked the Head of Service about Staff College in May.",
        "Hard power, Slow thinking and Public value: which fits a Designated Nurse?",
        "We did 47 S47 enquiries in 2023; Year 5 children may struggle.",
        "I read Heifetz and Kahneman on the balcony and on thinking slow.",
    ],
)
def test_leadership_language_is_not_mangled(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text).text == text


def test_empty_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="secret"):
        Redactor(b"")


def test_generated_set_is_on_disk() -> None:
    path = Path(__file__).resolve().parents[1] / "data" / "pii-generated.jsonl"
    assert sum(1 for _ in path.open()) >= 300


def test_a_name_found_once_is_taken_out_wherever_else_it_stands(redactor: Redactor) -> None:
    # Only the first "Olu" has the words around it that mark a name.
    text = "A dad threatened our deputy manager, Olu, this morning. Olu is at home with his wife."
    redacted = redactor.redact(text, scope="t").text
    assert "Olu" not in redacted
    assert redacted.count("[PERSON_1]") == 2


def test_only_a_part_that_can_be_nothing_but_a_name_is_carried(redactor: Redactor) -> None:
    # "I'm" read as a name in one place is not taken out everywhere else.
    text = "I've told my manager I'm not coping. I'm going to rest and I'm seeing my GP."
    redacted = redactor.redact(text, scope="t").text
    assert redacted.count("I'm") >= 2


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Can you do the oversight entry for the Hutchins case file?", "Hutchins"),
        ("The Serious Case Review file is out today.", ""),
    ],
)
def test_a_surname_before_a_case_file_is_a_name(redactor: Redactor, text: str, kept: str) -> None:
    redacted = redactor.redact(text, scope="t").text
    if kept:
        assert kept not in redacted and "[PERSON_1] case file" in redacted
    else:
        assert redacted == text


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("Could you write the audit record for the Pemberton children's file?", "children's file"),
        ("The Marchetti family's support worker has left.", "family's support"),
    ],
)
def test_what_a_family_owns_follows_its_surname(redactor: Redactor, text: str, after: str) -> None:
    # "file" or "support" after a surname is usually a service ("the Rosehill support
    # team"); after "the Pemberton children's" it is theirs.
    redacted = redactor.redact(text, scope="t").text
    assert f"[PERSON_1] {after}" in redacted


def test_a_service_before_a_family_stays(redactor: Redactor) -> None:
    text = "The Early Help family's support plan is out today."
    assert redactor.redact(text, scope="t").text == text


@pytest.mark.parametrize(
    "text",
    [
        "How do I tell my manager I'm struggling?",
        "As a new registered manager I've just had my first inspection.",
        "I've told my deputy I'll cover the rota.",
    ],
)
def test_i_after_a_role_is_the_writer_not_a_name(redactor: Redactor, text: str) -> None:
    # "my manager I'm struggling" lost the writer's "I'm" to [PERSON_1] until session 39,
    # taking the first person out of what the gate and the coach read (54 labelled texts).
    assert redactor.redact(text, scope="t").text == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My PA, Zorbeth, has left the team.", "Zorbeth"),
        ("The LADO, Zorbeth Quillane, rang this morning.", "Zorbeth Quillane"),
        ("I asked a deputy in my service, Priyanka, to take the lead.", "Priyanka"),
        # Hold-out 58 left these: a councillor's title, "cllr" before an unlisted surname in
        # lower case, a count between "the" and a family, parents after a surname, and a
        # lower-case name that is also a word before a child's casework.
        ("Councillor Ebrington-Vale keeps asking about agency spend.", "Ebrington-Vale"),
        ("cllr thackwell wants a briefing by noon.", "thackwell"),
        ("Write up the visit for the three Wisniewski girls, please.", "Wisniewski"),
        ("Draft the letter to the Thornbury parents about the meeting.", "Thornbury"),
        ("can you do the notes of hazel's PEP review", "hazel"),
    ],
)
def test_a_name_beside_a_role_a_title_or_a_family_word_is_taken_out(
    redactor: Redactor, text: str, name: str
) -> None:
    redacted = redactor.redact(text, scope="t").text
    assert all(part not in redacted for part in name.split()) and "[PERSON_1]" in redacted


@pytest.mark.parametrize(
    "text",
    [
        "Assistant director, Northern Trust. Demand is up a third.",
        "She made the PA promise to keep it quiet.",
        "A worker in our team, Leeds, has left.",
        "My TM, Early Help, says no.",
        "The cllr said no to the budget.",
        "The councillor wants a word about sufficiency.",
        "Barnsley's care leavers did well this year.",
        "Peterborough's IRO service is short-staffed.",
        "This summer's PEP review went fine.",
    ],
)
def test_a_role_beside_no_name_keeps_its_words(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text, scope="t").text == text
