"""Follow-ups from the offline coach: answer what was asked, with the tool already in play.

"What next" gives a step not yet given; "what could get in the way" draws on the tool's
Pitfalls; "I tried it and ..." says back what happened and offers one next step (for a plan,
one pitfall to watch); "tell me more" goes deeper into the material; anything else is connected
to the tool in play by what fits it best.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.coaching.context import Item
from app.coaching.listening import said_back
from app.coaching.offline import (
    LIMITS,
    CoachingRequest,
    OfflineCoach,
    first_fitting,
    first_sentence,
    lower_first,
    tidy,
)
from app.coaching.reflection import voiced

_HARD = re.compile(
    r"\b(?:didn't|did not|still|nobody|no one|wasn't|was not|failed|worse|ignored|backfired|"
    r"refused|won't|wouldn't|hasn't|haven't)\b",
    re.IGNORECASE,
)
_PLAN = re.compile(r"\b(?:going to|planning to|i'll|i will|we'll|we will)\b", re.IGNORECASE)
MORE_SENTENCES = 2
MORE_WHAT_SENTENCES = 4


_TIME_WORDS = re.compile(r"\b(?:tonight|today|this evening|over the weekend)\b")
# Persons and articles: a question asked as "who in your team" was "who in the team" in the notes.
_PERSONS = re.compile(r"\b(?:i|me|my|mine|myself|you|your|yours|yourself|we|our|us|the|a|an)\b")


def _key(text: str) -> str:
    """Text compared as said, whatever the voice, the clock and the article it was said with."""
    flat = re.sub(r"[^a-z ]+", " ", _TIME_WORDS.sub("t", text.lower()))
    return " ".join(_PERSONS.sub(" ", flat).split())


def _unsaid(items: Sequence[Item], said: str) -> list[Item]:
    """Items not yet said in the thread, nor asked by the leader themselves."""
    heard = _key(said)
    return [i for i in items if " ".join(_key(i.text).split()[:8]) not in heard]


# Pitfalls that mostly point to another tool ("see ...", "Confusing it with neighbours").
_POINTER = re.compile(r"\bsee (?:also )?[a-z]|^(?:Confusing|Mistaking) (?:it|this) with", re.I)


def _own(pitfalls: Sequence[Item]) -> list[Item]:
    """Pitfalls of the tool itself, before those that point to another tool ("see ...")."""
    own = [p for p in pitfalls if not _POINTER.search(p.text)]
    return own if len(own) >= 2 else list(pitfalls)


DONE_SIMILARITY = 0.5  # a step this close to what they tried is what they did


def _not_done(coach: OfflineCoach, message: str, steps: Sequence[Item]) -> list[Item]:
    """Steps other than the one the leader says they have just tried."""
    if not steps:
        return []
    scores = coach.similarity(message, [s.text for s in steps])
    top = max(range(len(steps)), key=lambda i: scores[i])
    return [s for i, s in enumerate(steps) if not (i == top and scores[i] >= DONE_SIMILARITY)]


def compose_follow_up(coach: OfflineCoach, request: CoachingRequest) -> str:
    context = request.context
    previous = next((t.tools for t in reversed(request.history) if t.tools), [])
    in_play = not request.turned and previous and previous[0] in context.tools
    tool = previous[0] if in_play else context.tools[0]
    said = " ".join(t.content for t in request.history if t.role == "assistant")
    said += " " + request.message
    query = f"{request.dilemma} {request.message}".strip()
    steps = _unsaid(coach.items(tool, "How to use it", "numbered"), said)
    pitfalls = _own(_unsaid(coach.items(tool, "Pitfalls"), said))
    questions = _unsaid(coach.questions([tool]), said) or coach.questions([tool])
    question = coach.best(query, questions, 1)
    message, stage = request.message, request.stage
    reflection = ""
    if stage == "obstacles" or (stage == "next" and not steps):
        key, chosen = "obstacle_leads", coach.best(query, pitfalls or steps, 2)
    elif stage in ("next", "ack"):
        key, chosen = "next_leads", coach.best(query, steps or pitfalls, 1)
    elif stage == "tried":
        reflection = said_back(message)
        if _PLAN.search(message):
            key, chosen = "tried_plan", coach.best(query, pitfalls or steps, 1)
        else:
            key = "tried_hard" if _HARD.search(message) else "tried_good"
            chosen = coach.best(query, _not_done(coach, message, steps) or pitfalls, 1)
    elif stage == "more":
        return _more(coach, request, tool, steps, questions)
    else:
        reflection = said_back(message)
        # "They still see me as the one who decides": a difficulty meets the pitfalls too.
        pool = [*steps, *pitfalls] if _HARD.search(message) else steps or pitfalls
        chosen = coach.best(query, pool, 1)
        key = "connect_pitfall_leads" if chosen and chosen[0] in pitfalls else "connect_leads"
        if request.turned:
            # A new need, met by another tool: say so, then its first step.
            key, chosen = "turn_leads", coach.best(query, steps or pitfalls, 1)
    if not chosen:
        key, chosen = "obstacle_leads", coach.best(query, coach.items(tool, "Pitfalls"), 2)
    return _render(coach, request, tool, reflection, key, chosen, question)


def _render(
    coach: OfflineCoach,
    request: CoachingRequest,
    tool: str,
    reflection: str,
    key: str,
    chosen: Sequence[Item],
    question: Sequence[Item],
) -> str:
    context = request.context
    anchor = coach.what(tool)
    cited = [coach.cited(item, request) for item in chosen]
    before, after = coach.pick_pair(key, request.message)
    if "{second}" in after and len(cited) < 2:
        after = after.split("\n")[0] + "\n- {first}"

    def draft(with_question: bool, with_reflection: bool) -> Callable[[], str]:
        def render() -> str:
            items = after.format(
                first=cited[0] if cited else "",
                second=cited[1] if len(cited) > 1 else "",
                step=cited[0] if cited else "",
                step_lower=lower_first(cited[0]) if cited else "",
            )
            asked = ""
            if with_question and question:
                asked = coach.pick(
                    "followup_question",
                    request.message,
                    question=coach.cited(question[0], request),
                )
            return tidy(
                coach._prompts.render(
                    "offline/followup",
                    reflection=f"{reflection}." if reflection and with_reflection else "",
                    tool_title=coach.title(tool),
                    tool_cite=str(context.number(anchor.passage)) if anchor else "",
                    next_intro=before,
                    next_items=items,
                    questions=asked,
                    offline_note=coach.footer(request),
                )
            )

        return render

    drafts = [draft(True, True), draft(True, False), draft(False, False)]
    return first_fitting(drafts, LIMITS["followup"])


def _more(
    coach: OfflineCoach,
    request: CoachingRequest,
    tool: str,
    steps: Sequence[Item],
    questions: Sequence[Item],
) -> str:
    """Deeper into the tool in play: what it is, where it comes from, an example, a step."""
    context, message = request.context, request.message
    query = f"{request.dilemma} {message}".strip()
    parts: list[str] = []
    what = coach.section(tool, "What it is")
    if what:
        before, after = coach.pick_pair("more_lead", message)
        opening = voiced(" ".join(_sentences(what[0].text)[:MORE_WHAT_SENTENCES]))
        parts.append(
            f"{before} *{coach.title(tool)}* [{context.number(what[0])}]"
            f"{after.format(what=opening)}"
        )
    for section, key in (
        ("Where it comes from", "more_origin"),
        ("In children's services", "more_example"),
    ):
        found = coach.section(tool, section)
        if found:
            text = voiced(" ".join(_sentences(found[0].text)[:MORE_SENTENCES]))
            parts.append(f"{coach.pick(key, message, text=text)} [{context.number(found[0])}]")
    step = coach.best(query, steps, 1)
    if step:
        parts.append(
            coach.pick("one_step", message, first=coach.cited(step[0], request), first_lower="")
        )
    asked = coach.best(query, questions, 2)
    parts.append(coach.questions_text(asked, request))
    parts.append(coach.footer(request))
    drafts = [
        lambda: tidy("\n\n".join(parts)),
        lambda: tidy(
            "\n\n".join([*parts[:-2], coach.questions_text(asked[:1], request), parts[-1]])
        ),
    ]
    return first_fitting(drafts, LIMITS["more"])


def _sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    out: list[str] = []
    while flat:
        sentence = first_sentence(flat)
        out.append(sentence)
        flat = flat[len(sentence) :].strip()
    return out
