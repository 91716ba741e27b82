"""The offline coach, on the real knowledge base, with the real embedding model."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from app.coaching.chain import ChainInput, CoachReply
from app.coaching.first_reply import SIGN_CLOSE, quotable
from app.coaching.measure import question_count, word_count
from app.coaching.modes import choose_mode
from app.coaching.offline import Turn
from app.evaluation.coaching import Coach, Index, offline_coach, uploaded
from app.services import Services
from tests.utils.shared_eval import shared_eval_rows

LONDON = ZoneInfo("Europe/London")
MORNING = datetime(2026, 3, 3, 9, 5, tzinfo=LONDON)  # a Tuesday
NIGHT = datetime(2026, 3, 3, 23, 10, tzinfo=LONDON)
CRISIS = (
    "A baby was removed under police protection at 11pm, the press office is calling, and my "
    "director wants a decision about redesigning the out-of-hours service by tomorrow."
)


def _chain(services: Services) -> Coach:
    return offline_coach(
        services.retriever,
        services.similarity,
        services.catalogue,
        services.prompts,
        services.settings.coaching.relevance_threshold,
        services.offline,
    )


def _talk(services: Services, messages: list[str], when: datetime = MORNING) -> list[CoachReply]:
    chain, history, replies = _chain(services), list[Turn](), []
    mode = None
    for message in messages:
        mode = choose_mode("auto", message, mode)
        reply = chain.invoke(ChainInput(message, mode, bool(history), list(history), 5, when))
        history += [Turn("user", message), Turn("assistant", reply.text, reply.tools)]
        replies.append(reply)
    return replies


def test_every_dev_dilemma_names_a_tool_and_asks(indexed_services: Services) -> None:
    """Each reply leads with a tool it names and cites, asks one or two questions, stays short;
    nearly all lead with a tool the set accepts (retrieval's rank 1: see the README)."""
    fitting = 0
    cases = shared_eval_rows("retrieval-dev.jsonl")
    for case in cases:
        (reply,) = _talk(indexed_services, [str(case["query"])])
        lead = reply.sources[0].tool_id
        assert indexed_services.catalogue.get(lead).title in reply.text, case["id"]
        assert 1 <= question_count(reply.text) <= 2, case["id"]
        assert "Assembled offline from the programme's material" in reply.text
        assert word_count(reply.text) < 180, case["id"]
        fitting += lead in {*case["expected"], *case.get("also_ok", [])}
    assert fitting / len(cases) >= 0.85


def test_crisis_at_night_parks_the_long_term_decision(indexed_services: Services) -> None:
    (reply,) = _talk(indexed_services, [CRISIS], NIGHT)
    assert "redesigning the out-of-hours service" in reply.text.lower()
    assert "made tonight" in reply.text
    assert "Slow thinking in a crisis" in reply.text
    assert "press office" in reply.text  # the particulars, in their words
    assert word_count(reply.text) < 120 and question_count(reply.text) <= 2
    assert any(s.tool_id == "slow-thinking" for s in reply.sources)


def test_a_handled_crisis_parks_no_decision_made_of_the_incident(
    indexed_services: Services,
) -> None:
    message = (
        "A girl at our unit cut her arm at 10pm; night staff dressed it and her keyworker is with "
        "her at A&E. How do I steady the team for tomorrow?"
    )
    # Crisis mode, as the gate sets it for a crisis being handled.
    reply = _chain(indexed_services).invoke(ChainInput(message, "crisis", False, [], 5, NIGHT))
    text = reply.text.lower()
    assert "slow thinking in a crisis" in text and "tonight" in text
    assert "cutting her arm" not in text and "about cut" not in text
    assert "arm is a long-term decision" not in text and "arm does not" not in text


def test_crisis_in_the_morning_does_not_say_tonight(indexed_services: Services) -> None:
    (reply,) = _talk(indexed_services, [CRISIS.replace(" at 11pm", "")], MORNING)
    assert "tonight" not in reply.text.lower()
    assert "today" in reply.text


def test_reflect_is_short_and_every_citation_is_a_source(indexed_services: Services) -> None:
    message = (
        "One team manager says I'm too soft and the audits are getting worse; "
        "another says I'm too harsh."
    )
    (reply,) = _talk(indexed_services, [message])
    assert word_count(reply.text) < 180
    assert question_count(reply.text) <= 2
    assert "roles, not names" in reply.text
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", reply.text)}
    assert numbers == set(range(1, len(reply.sources) + 1))


def test_an_acknowledgement_is_not_echoed_and_the_thread_moves_on(
    indexed_services: Services,
) -> None:
    first, ok, obstacles = _talk(
        indexed_services,
        [
            "My team are busy hitting visit timescales but nobody can tell me whether "
            "children are actually better off.",
            "OK",
            "what could get in the way?",
        ],
    )
    assert "OK" not in ok.text.splitlines()[0] and "You wrote" not in ok.text
    assert ok.tools[0] == first.tools[0]  # the tool in play
    assert "roles, not names" not in ok.text  # said once, on the first reply
    assert any(s.heading.endswith("> Pitfalls") for s in obstacles.sources)
    assert obstacles.tools[0] == first.tools[0]
    assert word_count(obstacles.text) < 120


def test_first_person_questions_come_back_in_the_second_person(
    indexed_services: Services,
) -> None:
    _, follow = _talk(
        indexed_services,
        [
            "In team meetings the same two confident people decide everything.",
            "How would the team describe the way I reach conclusions?",
        ],
    )
    assert not re.search(r"\bI\b|\bmy\b|\bme\b", follow.text)
    assert "the way you reach conclusions" in follow.text


def test_a_pushback_connects_to_the_tool_in_play(indexed_services: Services) -> None:
    first, follow = _talk(
        indexed_services,
        [
            "Our senior managers each guard their own service area, and nothing joined-up "
            "ever gets decided at the leadership meeting.",
            "they still see me as the one who decides",
        ],
    )
    assert first.tools[0] == "collective-leadership"
    assert follow.tools[0] == "collective-leadership"
    assert "They still see you as the one who decides." in follow.text
    assert "still takes every decision" in follow.text  # the pitfall that names it


def test_a_follow_up_that_turns_to_a_new_need_turns_to_its_tool(
    indexed_services: Services,
) -> None:
    first, turned, obstacles = _talk(
        indexed_services,
        [
            "Experienced social workers leave us every month and agency costs are eating the "
            "budget. I need a plan that keeps people.",
            "Now the director wants to cut the family support posts to pay for agency staff. "
            "That isn't right for the children. How do I push back on the director?",
            "what could get in the way?",
        ],
    )
    assert first.tools[0] == "workforce-stability"
    assert turned.tools[0] != "workforce-stability"
    title = indexed_services.catalogue.get(turned.tools[0]).title
    assert f"*{title}*" in turned.text
    assert "A stable workforce" not in turned.text
    assert obstacles.tools[0] == turned.tools[0]  # the new tool is the one in play now


def test_tell_me_more_goes_deeper(indexed_services: Services) -> None:
    first, more = _talk(
        indexed_services,
        [
            "Staff morale is low and the only story anyone tells about our service is the "
            "serious case review from four years ago.",
            "tell me more",
        ],
    )
    assert word_count(more.text) > word_count(first.text)
    assert {s.heading for s in more.sources} - {s.heading for s in first.sources}


def test_placeholders_are_never_said_back(indexed_services: Services) -> None:
    (reply,) = _talk(
        indexed_services,
        ["[PERSON_1], one of my newest social workers, says I never let her finish a sentence."],
    )
    assert "[PERSON_1]" not in reply.text
    assert "One of your newest social workers says you never let her finish" in reply.text


def test_nothing_relevant_says_so(indexed_services: Services) -> None:
    (reply,) = _talk(indexed_services, ["What's a good recipe for lasagne?"])
    assert "nothing in the programme's material" in reply.text
    assert reply.sources == []
    assert not reply.grounded


POLICY = (
    "# Supervision policy\n\n## Frequency\n\nNewly qualified social workers receive one-to-one "
    "supervision every week for their first six weeks, then every fortnight until the end of "
    "their first year.\n\n## Reflective supervision\n\nEvery session includes reflective "
    "discussion of at least one family, not only a check of case actions.\n"
)


def test_a_fitting_upload_is_quoted_and_an_unrelated_one_is_not(
    indexed_services: Services,
) -> None:
    index = Index(indexed_services.material, indexed_services.ingestor, indexed_services.catalogue)
    with uploaded(index, {"supervision-policy.md": POLICY}, ["supervision-policy.md"]):
        (fits,) = _talk(
            indexed_services,
            ["How often do newly qualified workers get supervision in our council?"],
        )
        (unrelated,) = _talk(
            indexed_services,
            ["My leadership team never disagrees in meetings but complains in the corridor."],
        )
    cited = [s for s in fits.sources if s.source.startswith("uploads/")]
    assert cited and "Your own material says:" in fits.text
    assert "every week for their first six weeks" in fits.text
    assert fits.tools and fits.tools[0] in indexed_services.catalogue  # a tool still leads
    assert not any(s.source.startswith("uploads/") for s in unrelated.sources)
    assert not any(p.source.startswith("uploads/") for p in indexed_services.material.passages())


def test_a_quoted_signal_keeps_its_own_quotation_marks_single() -> None:
    assert quotable('My new role says "strategic" but') == "My new role says 'strategic' but"
    assert quotable("a \u201cquick word\u201d") == "a \u2018quick word\u2019"


def test_no_reply_nests_double_quotes(indexed_services: Services) -> None:
    message = (
        "My senior practitioners bring every decision to me, even small ones, and I'm becoming "
        "the bottleneck. How do I change that without them feeling dropped?"
    )
    (reply,) = _talk(indexed_services, [message])
    # A quotation nested in double quotes splits it: '"My new role says "strategic" but..."'
    # pairs its marks wrongly, and a span then ends in a space.
    spans = re.findall(r'"([^"\n]*)"', reply.text)
    assert spans, reply.text
    assert all(span == span.strip() for span in spans), reply.text


CLOSE = ("describe something close to yours", "written for moments like this one")


def test_a_sign_is_called_close_only_when_it_fits_the_message(indexed_services: Services) -> None:
    away = (
        "I'm away for three weeks from Friday because of jury service and my deputy has never "
        "held duty decisions on her own. How do I set her up so she doesn't just wait for me?"
    )
    (reply,) = _talk(indexed_services, [away])
    assert not any(claim in reply.text for claim in CLOSE), reply.text
    # Every sign said to be close to a dev dilemma fits it at least that well; some are.
    similarity = indexed_services.similarity
    close = 0
    for case in shared_eval_rows("retrieval-dev.jsonl"):
        query = str(case["query"])
        (reply,) = _talk(indexed_services, [query])
        said = re.search(r'(?:close to yours|like this one): "([^"]+)"', reply.text)
        if said:
            close += 1
            lead = reply.sources[0].tool_id
            signs = [
                item.text
                for item in indexed_services.offline.items(lead, "When it helps")
                if quotable(item.text.rstrip(".")) == said[1]
            ]
            assert signs and similarity.cosines(query, signs[:1])[0] >= SIGN_CLOSE, reply.text
    assert close >= 1, "no dev dilemma got a close sign: the check is empty"
