"""The offline coach: a grounded reply composed only from the retrieved material.

It is the chain's generation step when no language model is configured. It listens first (the
particulars of the message, never an "OK" or a placeholder), picks the tool and the steps and
questions that fit by embedding similarity, and varies its phrasing (prompts/offline/) so that
replies read as a conversation, not a form. Follow-ups are composed in followups.py.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.catalogue.tools import Catalogue
from app.coaching.clock import fit_time_words
from app.coaching.context import CoachingContext, Item, section_items
from app.coaching.measure import question_count, word_count
from app.coaching.modes import Mode
from app.coaching.reflection import about_a_group, for_a_group, voiced
from app.coaching.sections import ToolSections
from app.coaching.stages import Stage
from app.prompts.library import PromptLibrary
from app.retrieval.passages import Passage
from app.retrieval.similarity import Similarity

SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[A-Z\"“])")
# Upper limits with a small margin under the standard (crisis < 120, first reply < 180,
# follow-up < 120 words); "tell me more" may run longer.
LIMITS = {"crisis": 116, "reflect": 176, "followup": 116, "more": 290}
MAX_QUESTIONS = 2
MAX_QUOTE_WORDS = 40
MAX_CRISIS_STEP_WORDS = 20  # a crisis reply quotes one short sentence of a step


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
    stage: Stage = "first"
    period: str = "today"  # the time word for "the next few hours" on the leader's clock
    first_reply: bool = False
    dilemma: str = ""  # the leader's last substantive message
    # A follow-up that turned to a new need and the tool for it (app/coaching/pivot.py).
    turned: bool = False


def first_sentence(text: str) -> str:
    return SENTENCE.split(" ".join(text.split()), maxsplit=1)[0]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != "I " else text


def fits(text: str, limit: int) -> bool:
    return word_count(text) <= limit and question_count(text) <= MAX_QUESTIONS


def first_fitting(drafts: Sequence[Callable[[], str]], limit: int) -> str:
    """The richest draft that keeps to the word limit and asks no more than two questions."""
    texts: list[str] = []
    for draft in drafts:
        texts.append(draft())
        if fits(texts[-1], limit):
            return texts[-1]
    return min(texts, key=word_count)


def tidy(text: str) -> str:
    """Empty slots leave no gaps: at most one blank line, no stray spaces."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.lstrip() for line in lines))


class OfflineCoach:
    """Deterministic, fast, and honest about working without a language model."""

    def __init__(
        self,
        *,
        sections: ToolSections,
        similarity: Similarity,
        catalogue: Catalogue,
        prompts: PromptLibrary,
    ) -> None:
        self._sections = sections
        self._similarity = similarity
        self._catalogue = catalogue
        self._prompts = prompts

    def warm(self) -> None:
        """Embed every step, question, signal and pitfall once, in a batch (about a second)."""
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
            for item in self.items(tool.id, section, kind)
        ]
        self._similarity.warm(texts)

    @property
    def sections(self) -> ToolSections:
        return self._sections

    @property
    def prompts(self) -> PromptLibrary:
        return self._prompts

    def compose(self, request: CoachingRequest) -> str:
        # The shapes live beside this module and use its pieces; imported here, once built.
        from app.coaching.first_reply import compose_crisis, compose_reflect
        from app.coaching.followups import compose_follow_up

        if not request.context.tools:
            return self.no_material()
        if request.stage not in ("first", "new"):
            return compose_follow_up(self, request)
        if request.mode == "crisis":
            return compose_crisis(self, request)
        return compose_reflect(self, request)

    def no_material(self) -> str:
        return self._prompts.render("offline/no_material", offline_note=self.note())

    def roles_note(self, request: CoachingRequest) -> str:
        """Said once, on the first reply of a conversation, whichever generator wrote it."""
        return f"_{self._prompts.part('roles_note')}_" if request.first_reply else ""

    def footer(self, request: CoachingRequest) -> str:
        note = self.note()
        if request.first_reply:
            note += " " + self._prompts.part("roles_note")
        return f"_{note}_"

    def note(self) -> str:
        return self._prompts.part("offline_note")

    # -- pieces the shapes share -----------------------------------------------------

    def pick(self, key: str, seed: str, **values: str) -> str:
        """One variant of a phrase, chosen by the message so the same words reply the same way."""
        options: Any = self._prompts.parts[key]
        choice = options[zlib.crc32(f"{key}:{seed}".encode()) % len(options)]
        return str(choice).format(**values)

    def pick_pair(self, key: str, seed: str) -> tuple[str, str]:
        options: Any = self._prompts.parts[key]
        before, after = options[zlib.crc32(f"{key}:{seed}".encode()) % len(options)]
        return str(before), str(after)

    def title(self, tool_id: str) -> str:
        tool = self._catalogue.find(tool_id)
        return tool.title if tool else tool_id

    def items(self, tool_id: str, section: str, kind: str = "bullets") -> list[Item]:
        return section_items(self._sections, tool_id, section, kind)

    def section(self, tool_id: str, section: str) -> list[Passage]:
        return self._sections.section(tool_id, section)

    def questions(self, tool_ids: Sequence[str]) -> list[Item]:
        return [q for t in tool_ids for q in self.items(t, "Questions for reflection")]

    def what(self, tool_id: str) -> Item | None:
        """The first sentence of what the tool is, tied to its passage."""
        for passage in self._sections.section(tool_id, "What it is"):
            return Item(first_sentence(passage.text), passage)
        return None

    def best(self, query: str, items: Sequence[Item], count: int) -> list[Item]:
        """The items that best fit the query, by embedding similarity, kept in their order."""
        if len(items) <= count:
            return list(items)
        scores = self._similarity.cosines(query, [i.text for i in items])
        best = sorted(range(len(items)), key=lambda i: scores[i], reverse=True)[:count]
        return [items[i] for i in sorted(best)]

    def similarity(self, query: str, texts: Sequence[str]) -> list[float]:
        return self._similarity.cosines(query, texts)

    def voice(self, item: Item, request: CoachingRequest) -> str:
        """Material said to this leader: second person, time words for their clock."""
        text = voiced(item.text)
        if about_a_group(request.message):
            text = for_a_group(text)
        if text.endswith("?"):
            text = re.sub(r"\bthe team\b", "your team", text)
        return fit_time_words(text, request.period)

    def cited(self, item: Item, request: CoachingRequest) -> str:
        return f"{self.voice(item, request)} [{request.context.number(item.passage)}]"

    def steps_text(self, steps: Sequence[Item], request: CoachingRequest) -> str:
        if not steps:
            return ""
        cited = [self.cited(s, request) for s in steps]
        if len(cited) == 1:
            return self.pick(
                "one_step", request.message, first=cited[0], first_lower=lower_first(cited[0])
            )
        return self.pick(
            "steps_shapes",
            request.message,
            first=cited[0],
            second=cited[1],
            first_lower=lower_first(cited[0]),
            second_lower=lower_first(cited[1]),
        )

    def questions_text(self, questions: Sequence[Item], request: CoachingRequest) -> str:
        cited = [self.cited(q, request) for q in questions]
        if not cited:
            return ""
        if len(cited) == 1:
            return self.pick("one_question", request.message, question=cited[0])
        return self.pick(
            "two_questions",
            request.message,
            first=cited[0],
            second=cited[1],
            first_lower=lower_first(cited[0]),
            second_lower=lower_first(cited[1]),
        )

    def upload_line(self, request: CoachingRequest) -> str:
        """A brief quotation from the council's own material, when a passage fits closely."""
        uploads = request.context.uploads
        if not uploads:
            return ""
        passage = uploads[0]
        sentences = [
            s
            for line in passage.text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")
            for s in SENTENCE.split(line.strip())
            if len(s.split()) <= MAX_QUOTE_WORDS
        ]
        if not sentences:
            return ""
        scores = self._similarity.cosines(request.question, sentences)
        quote = sentences[max(range(len(sentences)), key=lambda i: scores[i])]
        return self.pick(
            "upload_quote",
            request.message,
            quote=quote.rstrip(),
            cite=str(request.context.number(passage)),
        )
