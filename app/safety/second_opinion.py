"""A language model's second opinion on borderline safeguarding messages (redacted text only)."""

from __future__ import annotations

import logging

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage

from app.prompts.library import PromptLibrary

logger = logging.getLogger(__name__)


class SecondOpinion:
    """Ask the configured model whether someone is at risk now: YES, NO, or None on failure."""

    def __init__(self, llm: BaseChatModel, prompts: PromptLibrary) -> None:
        self._llm = llm
        self._prompts = prompts

    async def at_risk(self, redacted_message: str) -> bool | None:
        prompt = self._prompts.render("safeguarding", message=redacted_message)
        try:
            answer = await self._llm.ainvoke([HumanMessage(content=prompt)])
        except Exception as error:
            logger.warning(
                "safeguarding second opinion failed", extra={"error": type(error).__name__}
            )
            return None
        words = str(answer.content).strip().upper().split()
        if not words:
            return None
        verdict = words[0].strip(".,!:;\"'")
        if verdict in ("YES", "NO"):
            return verdict == "YES"
        return None
