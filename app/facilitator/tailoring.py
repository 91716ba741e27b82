"""Tailor a plan's discussion prompts to the team's challenge with the configured model."""

from __future__ import annotations

import re

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage

from app.facilitator.plans import Tailor
from app.prompts.library import PromptLibrary
from app.safety.redaction import Redactor

_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(.*\S)\s*$")


def parse_numbered(text: str) -> list[str]:
    """The numbered lines of a reply, in order ("1. ..." / "2) ...")."""
    return [m.group(2) for line in text.splitlines() if (m := _NUMBERED.match(line))]


def make_llm_tailor(llm: BaseChatModel, prompts: PromptLibrary, redactor: Redactor) -> Tailor:
    """A tailor that sends only the redacted focus; plans keep the originals if it fails."""

    def tailor(focus: str, originals: list[str]) -> list[str]:
        numbered = "\n".join(f"{n}. {text}" for n, text in enumerate(originals, start=1))
        safe_focus = redactor.redact(focus).text
        message = prompts.render("tailor", focus=safe_focus, prompts=numbered)
        reply = llm.invoke([HumanMessage(content=message)])
        return parse_numbered(str(reply.content))

    return tailor
