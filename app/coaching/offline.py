"""The offline coach: a grounded reply composed only from the retrieved material.

It is the chain's generation step when no language model is configured: it picks the tool,
quotes its steps, and chooses the reflective questions that best fit the message by
embedding similarity, in the shape the mode asks for, using templates in prompts/offline/.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.catalogue.tools import Catalogue
from app.coaching.context import SLOW_THINKING, CoachingContext, Item, section_items
from app.coaching.modes import Mode
from app.coaching.prompts import PromptLibrary
from app.coaching.reflection import long_term_decision, reflect_back
from app.retrieval.hybrid import HybridRetriever

_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)", re.DOTALL)
QUESTIONS = {"crisis": 1, "reflect": 4}
# A follow-up that asks what could go wrong moves on to the tool's pitfalls.
_OBSTACLES = re.compile(
    r"\b(get in the way|go wrong|obstacle|barrier|pitfall|risk of|what if|stop (?:me|us|it)|"
    r"resist|push ?back|won't work|doesn't work|fail)",
    re.IGNORECASE,
)
STEPS = 3


@dataclass(frozen=True)
class Turn:
    role: str
    content: str
    tools: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CoachingRequest:
    """What the generation step is given (the message is already redacted)."""

    message: str
    question: str
    mode: Mode
    follow_up: bool
    context: CoachingContext
    history: Sequence[Turn] = ()


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    match = _FIRST_SENTENCE.match(flat)
    return match.group(1) if match else flat


def _bulleted(items: Sequence[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


class OfflineCoach:
    """Deterministic, fast, and honest about working without a language model."""

    def __init__(
        self, *, retriever: HybridRetriever, catalogue: Catalogue, prompts: PromptLibrary
    ) -> None:
        self._retriever = retriever
        self._catalogue = catalogue
        self._prompts = prompts

    def warm(self) -> None:
        """Embed every step, question and signal once, in a batch (about a second)."""
        sections = (
            ("When it helps", "bullets"),
            ("How to use it", "numbered"),
            ("Questions for reflection", "bullets"),
            ("Pitfalls", "bullets"),
        )
        texts = [
            item.text
            for tool in self._catalogue.tools()
            for section, kind in sections
            for item in self._items(tool.id, section, kind)
        ]
        self._retriever.warm(texts)

    def compose(self, request: CoachingRequest) -> str:
        if not request.context.tools:
            return self.no_material()
        if request.follow_up:
            return self._follow_up(request)
        if request.mode == "crisis":
            return self._crisis(request)
        return self._reflect(request)

    def no_material(self) -> str:
        return self._prompts.render("offline/no_material", offline_note=self._note())

    def off_topic(self, kind: str) -> str:
        return self._prompts.render(
            "offline/off_topic", reason=self._prompts.part(f"off_topic.{kind}")
        )

    # -- the shapes ------------------------------------------------------------------------

    def _crisis(self, request: CoachingRequest) -> str:
        context, message = request.context, request.message
        slow_steps = self._items(SLOW_THINKING, "How to use it", "numbered")
        slow_step = self._best(request.question, slow_steps, 1)
        decision = long_term_decision(message)
        later = (
            self._prompts.part("later_with_decision", decision=decision)
            if decision
            else self._prompts.part("later_generic")
        )
        primary = context.tools[0]
        tool_line = ""
        if primary != SLOW_THINKING:
            what = self._what(primary)
            if what:
                tool_line = (
                    "\n"
                    + self._prompts.part(
                        "crisis_tool_line",
                        title=self._title(primary),
                        cite=str(context.number(what.passage)),
                        what=what.text,
                    )
                    + "\n"
                )
        question = self._best(request.question, self._questions(context.tools[:1]), 1)
        checks: list[str] = self._prompts.parts["safety_checks"]
        return self._prompts.render(
            "offline/crisis",
            reflection=self._reflection(message),
            safety_check=checks[len(message) % len(checks)],
            later_line=later,
            slow_title=self._title(SLOW_THINKING),
            slow_cite=str(context.number(slow_step[0].passage)) if slow_step else "",
            slow_step=slow_step[0].text if slow_step else "",
            tool_line=tool_line,
            question=question[0].text if question else "",
            offline_note=self._note(),
        )

    def _reflect(self, request: CoachingRequest) -> str:
        context, query = request.context, request.question
        primary = context.tools[0]
        what = self._what(primary)
        signal = self._best(query, self._items(primary, "When it helps"), 1)
        steps = self._best(query, self._items(primary, "How to use it", "numbered"), STEPS)
        questions = self._best(query, self._questions(context.tools), QUESTIONS["reflect"])
        why = ""
        if signal:
            why = self._prompts.part("why_line", signal=signal[0].text.rstrip(".")) + (
                f" [{context.number(signal[0].passage)}]"
            )
        second = ""
        if len(context.tools) > 1 and (other := self._what(context.tools[1])):
            second = self._prompts.part(
                "second_tool",
                title=self._title(context.tools[1]),
                cite=str(context.number(other.passage)),
                what=other.text,
            )
        return self._prompts.render(
            "offline/reflect",
            reflection=self._reflection(request.message),
            tool_title=self._title(primary),
            tool_cite=str(context.number(what.passage)) if what else "",
            tool_what=what.text if what else "",
            tool_why=why,
            steps=self._cited_list(steps, context, numbered=True),
            questions=self._cited_list(questions, context),
            second_tool=second,
            read_more=self._read_more(context.tools),
            offline_note=self._note(),
        )

    def _follow_up(self, request: CoachingRequest) -> str:
        context, query = request.context, request.question
        said = " ".join(t.content for t in request.history if t.role == "assistant")
        previous = next((t.tools for t in reversed(request.history) if t.tools), [])
        primary = previous[0] if previous and previous[0] in self._catalogue else context.tools[0]
        steps = [s for s in self._items(primary, "How to use it", "numbered") if s.text not in said]
        if steps and not _OBSTACLES.search(request.message):
            intro, items = self._prompts.part("followup_steps_intro"), self._best(query, steps, 2)
        else:
            intro = self._prompts.part("followup_pitfalls_intro")
            items = self._best(query, self._items(primary, "Pitfalls"), 2)
        unused = [q for q in self._questions([primary]) if q.text not in said]
        question = self._best(query, unused or self._questions([primary]), 1)
        anchor = self._what(primary)
        return self._prompts.render(
            "offline/followup",
            reflection=self._reflection(request.message),
            tool_title=self._title(primary),
            tool_cite=str(context.number(anchor.passage)) if anchor else "",
            next_intro=intro,
            next_items=self._cited_list(items, context),
            questions=(
                f"{self._prompts.part('followup_question_intro')} {question[0].text}"
                f" [{context.number(question[0].passage)}]"
                if question
                else ""
            ),
            offline_note=self._note(),
        )

    # -- pieces ----------------------------------------------------------------------------

    def _note(self) -> str:
        return self._prompts.part("offline_note")

    def _title(self, tool_id: str) -> str:
        tool = self._catalogue.find(tool_id)
        return tool.title if tool else tool_id

    def _reflection(self, message: str) -> str:
        text, is_question = reflect_back(message)
        if is_question and not text.lower().startswith(
            ("how to", "what to", "where to", "when to", "who to", "which to")
        ):
            text = ": " + text[0].upper() + text[1:] + "?"
        elif is_question:
            text = " " + text + "."
        key = "reflection_question" if is_question else "reflection_statement"
        return self._prompts.part(key, text=text)

    def _items(self, tool_id: str, section: str, kind: str = "bullets") -> list[Item]:
        return section_items(self._retriever, tool_id, section, kind)

    def _questions(self, tool_ids: Sequence[str]) -> list[Item]:
        return [q for t in tool_ids for q in self._items(t, "Questions for reflection")]

    def _what(self, tool_id: str) -> Item | None:
        """The first sentence of what the tool is, tied to its passage."""
        for passage in self._retriever.section(tool_id, "What it is"):
            return Item(_first_sentence(passage.text), passage)
        return None

    def _best(self, query: str, items: Sequence[Item], count: int) -> list[Item]:
        """The items that best fit the query, by embedding similarity, kept in their order."""
        if len(items) <= count:
            return list(items)
        scores = self._retriever.similarity(query, [i.text for i in items])
        best = sorted(range(len(items)), key=lambda i: scores[i], reverse=True)[:count]
        return [items[i] for i in sorted(best)]

    def _cited_list(
        self, items: Sequence[Item], context: CoachingContext, *, numbered: bool = False
    ) -> str:
        lines = [f"{i.text} [{context.number(i.passage)}]" for i in items]
        if numbered:
            return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, start=1))
        return _bulleted(lines)

    def _read_more(self, tool_ids: Sequence[str]) -> str:
        return " and ".join(f"the full notes on *{self._title(t)}*" for t in tool_ids)
