"""A reflection summary to take to supervision, built from the stored (redacted) conversation.

The dilemma in the leader's words, the tools considered, the steps they chose (their own "I'll
try...", and the coach's steps they took up), and the questions still open. Placeholders are
said as roles ("a child", "someone"); escalated turns are never quoted, only noted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from app.catalogue.tools import Catalogue
from app.coaching.listening import is_acknowledgement, roles
from app.coaching.reflection import voiced
from app.storage.conversations import StoredMessage, Transcript

ESCALATION_NOTE = "An escalation happened; follow the procedure."
_COMMITMENT = re.compile(
    r"\b(?:I'll|I will|I'm going to|I am going to|I plan to|I'm planning to|I'd like to try|"
    r"I want to try|I'm trying|I tried|I've tried|I have tried|we'll|we will|we're going to|"
    r"we are going to|we tried|let's)\b",
    re.IGNORECASE,
)
_TAKE_UP = re.compile(
    r"^(?:yes|yeah|ok|okay|right|good idea|sounds good)\b.*\b(?:that|this|it|one)\b"
    r"|\b(?:I'll|I will|I'm going to|let's) (?:try |do )?"
    r"(?:that|this|it|the (?:first|second|third))\b",
    re.IGNORECASE,
)
_ORDINALS = {"first": 0, "second": 1, "third": 2}
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_QUESTION = re.compile(r"([^.!?\n:*_]+\?)")
_CITATION = re.compile(r"\s*\[\d+(?:,\s*\d+)*\]")
_WORD = re.compile(r"[a-z']{4,}")
_STOP = frozenset(
    {
        "that",
        "this",
        "with",
        "they",
        "them",
        "have",
        "from",
        "were",
        "your",
        "what",
        "will",
        "going",
        "try",
        "then",
        "their",
        "there",
        "about",
        "would",
        "could",
        "should",
        "it's",
    }
)
ANSWER_WORDS = 6  # a reply this long, and not a question, answers the coach's question


@dataclass(frozen=True)
class ToolConsidered:
    tool_id: str
    title: str


@dataclass(frozen=True)
class ReflectionSummary:
    session_id: str
    dilemma: str | None
    tools: list[ToolConsidered] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    open_questions: list[str] = field(default_factory=list)
    escalations: list[str] = field(default_factory=list)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _clean(text: str) -> str:
    return " ".join(_CITATION.sub("", roles(text)).split())


def _names(step: str, message: str) -> bool:
    """Whether a message names a step by two of its words in a row ("the decision log")."""
    words = re.findall(r"[a-z'-]+", step.lower())
    said = " ".join(re.findall(r"[a-z'-]+", message.lower()))
    return any(
        f" {a} {b} " in f" {said} "
        for a, b in pairwise(words)
        if a not in _STOP and b not in _STOP and len(a) > 2 and len(b) > 2
    )


def _offered_steps(reply: str, tool_ids: Sequence[str], catalogue: Catalogue) -> list[str]:
    """The tools' steps (and pitfalls) that this reply offered, in the order it offered them."""
    flat = _words(reply)
    offered: list[tuple[int, str]] = []
    for tool_id in tool_ids:
        tool = catalogue.find(tool_id)
        for step in tool.steps if tool else []:
            words = _words(step)
            if words and len(words & flat) >= 0.8 * len(words):
                position = reply.lower().find(step.lower()[:20])
                offered.append((position if position >= 0 else len(reply), step))
    return [voiced(step) for _, step in sorted(offered)]


def _taken_up(message: str, offered: Sequence[str]) -> str | None:
    """The offered step a leader's next message takes up, if it takes one up."""
    if not offered or not (_TAKE_UP.search(message) or _COMMITMENT.search(message)):
        return None
    said = _words(message)
    best = max(offered, key=lambda step: len(_words(step) & said))
    if len(_words(best) & said) >= 2:
        return best
    if named := next((step for step in offered if _names(step, message)), None):
        return named
    for word, index in _ORDINALS.items():
        # "the first one" counts in the order the latest reply offered them.
        if re.search(rf"\bthe {word}\b", message, re.IGNORECASE) and index < len(offered):
            return offered[::-1][index]
    return offered[0] if len(offered) == 1 and _TAKE_UP.search(message) else None


def _questions(reply: str) -> list[str]:
    body = re.sub(r"\n_[^\n]*_\s*$", "", reply.strip())
    found = [_clean(q).strip(" -") for q in _QUESTION.findall(_CITATION.sub("", body))]
    return [q[0].upper() + q[1:] for q in found if len(q.split()) >= 4 and "safe" not in q]


DILEMMA_WORDS = 8  # "what could get in the way?" is a follow-up, not the dilemma


def _dilemma(said: Sequence[StoredMessage]) -> str:
    """The first thing the leader said that states a situation, else the first thing said."""
    stated = [m for m in said if len(m.content.split()) >= DILEMMA_WORDS]
    return (stated or list(said))[0].content


def summarise(transcript: Transcript, catalogue: Catalogue) -> ReflectionSummary:
    """What to take to supervision from one conversation."""
    escalations = [ESCALATION_NOTE for m in transcript.messages if m.role == "user" and m.escalated]
    messages: list[StoredMessage] = [
        m for m in transcript.messages if not m.escalated and m.status == "ok"
    ]
    user = [m for m in messages if m.role == "user" and not is_acknowledgement(m.content)]
    tools: list[ToolConsidered] = []
    for message in messages:
        for tool_id in message.tools if message.role == "assistant" else []:
            tool = catalogue.find(tool_id)
            if tool and tool.kind == "tool" and all(t.tool_id != tool_id for t in tools):
                tools.append(ToolConsidered(tool_id, tool.title))
    steps: list[str] = []
    questions: list[str] = []
    offered: list[str] = []  # every step the coach has offered so far, latest last
    for index, message in enumerate(messages):
        if message.role == "user" and message is not (user[0] if user else None):
            # Later messages: what the leader chose, or says they will try.
            for sentence in _SENTENCES.split(message.content):
                if _COMMITMENT.search(sentence):
                    steps.append(_clean(sentence))
            if taken := _taken_up(message.content, offered[::-1]):
                steps.append(_clean(taken))
        if message.role != "assistant":
            continue
        offered += _offered_steps(message.content, message.tools, catalogue)
        following = next((m for m in messages[index + 1 :] if m.role == "user"), None)
        last = not any(m.role == "assistant" for m in messages[index + 1 :])
        # The last reply's questions stay open; an earlier one counts as answered by a
        # substantial reply that is not itself a question.
        answered = (
            not last
            and following is not None
            and len(following.content.split()) >= ANSWER_WORDS
            and not following.content.rstrip().endswith("?")
        )
        if not answered:
            questions += _questions(message.content)
    return ReflectionSummary(
        session_id=transcript.id,
        dilemma=_clean(_dilemma(user)) if user else None,
        tools=tools,
        steps=list(dict.fromkeys(steps)),
        open_questions=list(dict.fromkeys(questions)),
        escalations=escalations,
    )


def as_markdown(summary: ReflectionSummary) -> str:
    """The summary as Markdown, to print in the terminal or paste into supervision notes."""
    lines = [
        "# Reflection summary",
        "",
        "_For supervision. Names and identifying details were removed; roles stand in for them._",
        "",
        "## The dilemma, as you put it",
        "",
        f"> {summary.dilemma}" if summary.dilemma else "_Nothing to summarise yet._",
    ]
    sections = (
        ("Tools considered", [t.title for t in summary.tools]),
        ("Steps you chose or said you would try", summary.steps),
        ("Questions still open", summary.open_questions),
        ("Escalations", summary.escalations),
    )
    for heading, items in sections:
        if items or heading != "Escalations":
            lines += ["", f"## {heading}", ""]
            lines += [f"- {item}" for item in items] or ["_None yet._"]
    return "\n".join(lines) + "\n"
