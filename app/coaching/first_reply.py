"""The offline coach's first replies: the crisis shape and the reflective shape.

Each is drafted richest first (two particulars, the tool's why, a second tool or the council's
own material) and the first draft within the word limit and two questions is sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.coaching.clock import period_noun
from app.coaching.context import SLOW_THINKING, Item
from app.coaching.listening import said_back
from app.coaching.offline import (
    LIMITS,
    MAX_CRISIS_STEP_WORDS,
    SENTENCE,
    CoachingRequest,
    OfflineCoach,
    first_fitting,
    tidy,
)
from app.coaching.reflection import long_term_decision

TEAM_STRAIN = re.compile(
    r"\b(?:team|staff|workers?|colleagues)\b.{0,60}\b(?:exhausted|frightened|shaken|in bits|"
    r"tired|upset|worn out|burnt out|panick\w*)\b|\b(?:exhausted|frightened|shaken|tired)\b.{0,40}"
    r"\b(?:team|staff|workers?)\b",
    re.IGNORECASE,
)

# Words that say someone's safety may be in play now (else the "now" check is about timing).
INCIDENT = re.compile(
    r"\b(?:child|children|baby|young person|\d+-year-old|family|families|missing|police|incident|"
    r"visit|placement|safe|safety|harm|hurt|injur\w*|threat\w*|hostile|removed|protection|"
    r"home|carers?|foster\w*|duty(?!\s+(?:rotas?|cover|system|desk\s+rota)))\b",
    re.IGNORECASE,
)


def quotable(text: str) -> str:
    """`text` ready to sit inside double quotes: its own quotation marks become single."""
    return text.replace('"', "'").replace("\u201c", "\u2018").replace("\u201d", "\u2019")


def compose_crisis(coach: OfflineCoach, request: CoachingRequest) -> str:
    """Crisis: their pressure in their words, now, later (the parked decision), tool, question."""
    context, message, period = request.context, request.message, request.period
    decision = long_term_decision(message)
    slow = [
        Item(sentence, item.passage)
        for item in coach.items(SLOW_THINKING, "How to use it", "numbered")[1:]
        for sentence in SENTENCE.split(item.text)
        if "?" not in sentence and len(sentence.split()) <= MAX_CRISIS_STEP_WORDS
    ]
    step = coach.best(request.question + " " + (decision or ""), slow, 1)
    who = "who_team" if TEAM_STRAIN.search(message) else "who_default"
    safety = coach.pick(
        "safety_checks" if INCIDENT.search(message) else "holding_checks",
        message,
        when=period_noun(period),
        who=coach.prompts.part(who, period=period),
    )
    if decision:
        later = coach.pick(
            "later_with_decision",
            message,
            decision=decision,
            decision_cap=decision[:1].upper() + decision[1:],
            period=period,
        )
    else:
        later = coach.prompts.part("later_generic")
    primary = context.tools[0]
    # The question comes from the tool the reply names; safety was asked already.
    pool = coach.questions([SLOW_THINKING])
    pool = [q for q in pool if "safety" not in q.text.lower()] or pool
    question = coach.best(request.question, pool, 1)
    upload = coach.upload_line(request)
    extra = ""
    if primary != SLOW_THINKING and (what := coach.what(primary)):
        extra = (
            f"\n\n*{coach.title(primary)}* [{context.number(what.passage)}] may help once "
            f"things are steadier: {what.text}"
        )

    def draft(particulars: int, with_tool: bool) -> Callable[[], str]:
        def render() -> str:
            said = said_back(message, particulars, avoid=decision) if particulars else ""
            ack = (
                coach.pick("crisis_ack", message, said=said)
                if said
                else coach.prompts.part("crisis_ack_plain")
            )
            # The council's own material, else a second tool, when the word limit allows.
            line = ("\n\n" + upload if upload else extra) if with_tool else ""
            return tidy(
                coach.prompts.render(
                    "offline/crisis",
                    reflection=ack,
                    safety_check=safety,
                    later_line=later,
                    slow_title=coach.title(SLOW_THINKING),
                    slow_cite=str(context.number(step[0].passage)) if step else "",
                    slow_step=coach.pick("slow_leads", message, step=coach.voice(step[0], request))
                    if step
                    else "",
                    tool_line=line,
                    question=coach.pick(
                        "crisis_question",
                        message,
                        question=coach.cited(question[0], request),
                    )
                    if question
                    else "",
                    offline_note=coach.footer(request),
                )
            )

        return render

    drafts = [draft(2, True), draft(1, True), draft(2, False), draft(1, False), draft(0, False)]
    return first_fitting(drafts, LIMITS["crisis"])


# How closely the quoted sign must fit the message (cosine, the served model) before the reply
# says it is "close to yours"; under SIGN_LISTED it is not quoted at all. Over 300 hold-out
# dilemmas the best sign of the right tool has a median of 0.36 and of a wrong tool 0.29: a
# manager away on jury service was told "Its notes describe something close to yours" of
# a police inspector who agrees in meetings (0.32).
SIGN_CLOSE = 0.45
SIGN_LISTED = 0.30


def compose_reflect(coach: OfflineCoach, request: CoachingRequest) -> str:
    """Reflect: what they face, the tool and why, two steps, one or two questions."""
    context, query, message = request.context, request.question, request.message
    primary = context.tools[0]
    what = coach.what(primary)
    signal = coach.best(query, coach.items(primary, "When it helps"), 1)
    fit = coach.similarity(query, [signal[0].text])[0] if signal else 0.0
    why_lines = "why_lines" if fit >= SIGN_CLOSE else "why_lines_listed"
    if fit < SIGN_LISTED:
        signal = []
    steps = coach.best(query, coach.items(primary, "How to use it", "numbered"), 2)
    questions = coach.best(query, coach.questions(context.tools[:1]), 2)
    before, after = coach.pick_pair("tool_leads", message)
    upload = coach.upload_line(request)
    # A second tool in full, in a few words, or not at all, as the word limit allows.
    second = {"full": "", "short": "", "none": ""}
    if len(context.tools) > 1 and (other := coach.what(context.tools[1])):
        values = {
            "title": coach.title(context.tools[1]),
            "cite": str(context.number(other.passage)),
            "what": other.text,
        }
        second["full"] = coach.pick("second_tool", message, **values)
        second["short"] = coach.prompts.part("second_tool_short", **values)

    def draft(
        particulars: int, why: bool, n_steps: int, n_questions: int, more: str
    ) -> Callable[[], str]:
        def render() -> str:
            said = said_back(message, particulars)
            tool_why = after.format(what=what.text if what else "")
            if why and signal:
                quoted = quotable(signal[0].text.rstrip("."))
                line = coach.pick(why_lines, message, signal=quoted)
                tool_why += f" {line} [{context.number(signal[0].passage)}]"
            return tidy(
                coach.prompts.render(
                    "offline/reflect",
                    reflection=f"{said}." if said else "",
                    tool_title=coach.title(primary),
                    tool_cite=str(context.number(what.passage)) if what else "",
                    tool_what=before,
                    tool_why=tool_why,
                    steps=coach.steps_text(steps[:n_steps], request),
                    questions=coach.questions_text(questions[:n_questions], request),
                    second_tool=upload or second[more],
                    read_more=coach.pick("read_more", message, title=coach.title(primary))
                    if more == "full"
                    else "",
                    offline_note=coach.footer(request),
                )
            )

        return render

    drafts = [
        draft(2, True, 2, 2, "full"),
        draft(2, True, 2, 2, "short"),
        draft(2, True, 2, 1, "short"),
        draft(2, False, 2, 1, "short"),
        draft(1, False, 2, 1, "short"),
        draft(1, False, 1, 1, "short"),
        draft(1, False, 1, 1, "none"),
    ]
    return first_fitting(drafts, LIMITS["reflect"])
