"""The conversation so far, as the chain reads it: recent turns for a prompt, and the
dilemma a follow-up belongs to."""

from __future__ import annotations

from collections.abc import Sequence

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage

from app.coaching.listening import is_acknowledgement
from app.coaching.offline import Turn

HISTORY_TURNS = 6  # the last three exchanges are enough context, and keep prompts small


def history_text(history: Sequence[Turn]) -> str:
    return "\n".join(f"{t.role}: {t.content}" for t in history[-HISTORY_TURNS:])


def history_messages(history: Sequence[Turn]) -> list[BaseMessage]:
    messages: list[BaseMessage] = []
    for turn in history[-HISTORY_TURNS:]:
        cls = HumanMessage if turn.role == "user" else AIMessage
        messages.append(cls(content=turn.content))
    return messages


SUBSTANTIVE_WORDS = 13  # a message longer than a follow-up states (or restates) the dilemma


def dilemma(history: Sequence[Turn]) -> str:
    """The leader's last substantive message: what the conversation is about."""
    said = [t.content for t in history if t.role == "user" and not is_acknowledgement(t.content)]
    long = [text for text in said if len(text.split()) >= SUBSTANTIVE_WORDS]
    return (long or said or [""])[-1]
