"""People's names: lists, context cues, typing, and leadership language left intact."""

from __future__ import annotations

import pytest

from app.safety.names import NameFinder


def names(text: str) -> dict[str, str]:
    """Map each name found to its label."""
    found = NameFinder(text, known=lambda _word: False).find()
    return {text[span.start : span.end]: span.label for span in found}


def test_first_name_and_surname_make_one_name() -> None:
    assert names("I met Mia Thompson and Oluwaseun Adeyemi yesterday.") == {
        "Mia Thompson": "PERSON",
        "Oluwaseun Adeyemi": "PERSON",
    }


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Mia Thompson (born 12/09/2016) keeps missing school.", "Mia Thompson", "CHILD"),
        ("Kai, aged 9, told his teacher.", "Kai", "CHILD"),
        ("Her son Jayden is off school.", "Jayden", "CHILD"),
        ("Tyler's mum rang the office.", "Tyler", "CHILD"),
        ("Her mum, Karen, was upset.", "Karen", "PARENT"),
        ("Karen (mum) disagrees with Piotr (dad).", "Piotr", "PARENT"),
        ("Dr Patel joined the strategy meeting.", "Patel", "PERSON"),
        ("Zofia is 14 and in care.", "Zofia", "CHILD"),
        ("her son jayden is off school", "jayden", "CHILD"),
    ],
)
def test_context_types_the_name(text: str, name: str, label: str) -> None:
    assert names(text).get(name) == label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Will you help me plan the meeting?", {}),
        ("Will is 9 and lives with his nan.", {"Will": "CHILD"}),
        ("Mark the date in May for the review.", {}),
        ("Grace under pressure is what I want to model.", {}),
        ("Hope is not a strategy, whatever the board says.", {}),
        ("Hope said the plan scared her.", {"Hope": "PERSON"}),
        ("I spoke to Grace about it.", {"Grace": "PERSON"}),
        ("Grace's mum was there.", {"Grace": "CHILD"}),
        ("The family moved to Chester in June.", {}),
        # A month ending a span of time; two people who may both be named for months.
        ("Can I keep the team together through to April?", {}),
        ("We were inspected in May and June was a blur.", {}),
        ("From March to May we lost four workers.", {}),
        ("Put me through to April in admin.", {"April": "PERSON"}),
        ("I spoke to April and June about it.", {"April": "PERSON", "June": "PERSON"}),
        ("I read Heifetz and Keith Grint on adaptive leadership.", {}),
    ],
)
def test_names_that_are_words_need_context(text: str, expected: dict[str, str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "How do I use Signs of Safety with Ofsted coming next Monday?",
        "The Team Manager and the Head of Service went to the Staff College in January.",
        "Can Hard power, Slow thinking and Public value help a Designated Nurse?",
        "The Balcony and the Dance Floor, Early Help and the MASH: which tool fits?",
        "Our Independent Reviewing Officer and the Virtual School Head disagree.",
        "What does Working Together say about the Child Protection Conference?",
    ],
)
def test_leadership_language_has_no_names(text: str) -> None:
    assert names(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spoke to tyrone's mum today", {"tyrone": "CHILD"}),
        ("the dad, gareth, is angry", {"gareth": "PARENT"}),
        ("nerys bowen rang the office", {"nerys bowen": "PERSON"}),
        ("Dafydd ap Rhys farms near Bala", {"Dafydd ap Rhys": "PERSON"}),
        ("Łukasz Wiśniewski is the stepdad", {"Łukasz Wiśniewski": "PERSON"}),
        ("kellys mum came to the review", {"kelly": "CHILD"}),
        ("her partner dean was there", {"dean": "PERSON"}),
        ("i told robin the plan", {"robin": "PERSON"}),
        ("grace said she was scared", {"grace": "PERSON"}),
        # A first name joined to a name that is not a first name: "lee" is a surname.
        ("spoke to jayden-lee owusu at school", {"jayden-lee owusu": "PERSON"}),
        # After a title: a surname that is also a word, or one after particles.
        ("mrs smith came to reception", {"smith": "PERSON"}),
        ("mrs van der berg rang", {"van der berg": "PERSON"}),
        ("Mrs de Souza rang", {"de Souza": "PERSON"}),
    ],
)
def test_names_typed_in_lower_case_or_with_accents(text: str, expected: dict[str, str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a jack of all trades is what my job has become",
        "the robin on the window sill cheered me up",
        "we will march on and may win, with hope and grace",
        "the may-june recruitment window",
        "mark the register, chase the audits, bill the agency",
        "a local charity wants to co-locate and the charity said yes",
        # A thing people book rooms with, not a Booker (read as a person, a curse at it read
        # as a threat to someone).
        "I would happily chuck the room booker in the canal",
    ],
)
def test_lower_case_words_that_are_names_need_a_person(text: str) -> None:
    assert names(text) == {}


@pytest.mark.parametrize(
    "text", ["i miss brown bread", "we chat on ms teams", "the dr appointment is at ten"]
)
def test_a_title_word_in_another_sense_takes_no_name(text: str) -> None:
    assert names(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A full stop after a name ends the sentence: the next word is not a surname.
        ("I've handed over to Sam. I'll be back in May.", {"Sam": "PERSON"}),
        ("Sabbatical starts in May. I've told the team.", {}),
        # A title's or an initial's full stop still joins.
        ("Mr. Khan rang about the hearing.", {"Khan": "PERSON"}),
        ("J. Okafor from the school rang.", {"J. Okafor": "PERSON"}),
        # A letter before a surname that is also a word is left: "Plan A. Price rises".
        ("Plan A. Price rises hit the budget.", {}),
        # An unlisted surname after an initial, where a name is signed or sent.
        ("Regards, P. Nwankwo.", {"P. Nwankwo": "PERSON"}),
        ("An email from K. Adeyemi-Brown came in.", {"K. Adeyemi-Brown": "PERSON"}),
        ("We tried plan B. Then we rang the school.", {}),
    ],
)
def test_a_full_stop_after_a_name_ends_it(text: str, expected: dict[str, str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A police rank before a name, as typed: the rank stays, the name goes.
        ("DI Carver confirmed the officer is withdrawn.", {"Carver": "PERSON"}),
        ("DS Patel rang the duty desk.", {"Patel": "PERSON"}),
        # In lower case the same letters are a computer or a console.
        ("my pc crashed before the ds meeting", {}),
        # A listed surname before the people of a case.
        ("sorry about the Hendry case", {"Hendry": "PERSON"}),
        ("the reasons for the Bianchi boy's move", {"Bianchi": "PERSON"}),
        # A surname that is also a word is left.
        ("the Green case was heard today", {}),
        # Any surname before a household's people; never a service or an acronym.
        ("the meeting on the Okonjo children went well", {"Okonjo": "PERSON"}),
        ("a visit to the Pemberton family yesterday", {"Pemberton": "PERSON"}),
        ("a referral to the Early Help family support team", {}),
        ("she went with the IDVA, kids with her", {}),
        ("the birth mum on the Whitfield case rang", {"Whitfield": "PERSON"}),
        ("the Ofsted case studies are out", {}),
        # A case's papers after a surname, never a kind of assessment; a place before the
        # people of a case is as likely their name.
        ("the analysis for the Adeyemi assessment is late", {"Adeyemi": "PERSON"}),
        ("the Okafor referral came in", {"Okafor": "PERSON"}),
        ("the Parenting assessment came back", {}),
        ("the Single Assessment is late", {}),
        ("an interim care order on the Harrow baby", {"Harrow": "PERSON"}),
        ("we moved the office to Harrow last year", {}),
    ],
)
def test_a_rank_or_a_case_marks_a_surname(text: str, expected: dict[str, str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Short forms people call colleagues by are names.
        ("Gaz wants to go part time", {"Gaz": "PERSON"}),
        ("he's outside Steph's house", {"Steph": "PERSON"}),
        ("Shaz, one of my TMs, is off", {"Shaz": "PERSON"}),
        # Those that are also words are names only in context.
        ("he was in a paddy all day", {}),
    ],
)
def test_short_forms_of_names_are_names(text: str, expected: dict[str, str]) -> None:
    assert names(text) == expected
