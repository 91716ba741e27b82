"""Coaching conversations scored turn by turn: `balcony eval coaching`.

A conversation set (tests/data/coaching-conversations.jsonl) holds upload fixture documents
and multi-turn conversations with what each reply must show. Each message is redacted, given
a mode and read as a follow-up the way the chat service does, then sent through the coaching
chain with the conversation's local time. The uploads a conversation names are indexed for
that conversation only, and removed again after it.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from langchain_core.runnables import Runnable

from app.catalogue.tools import Catalogue
from app.coaching.builder import build_coach
from app.coaching.chain import ChainInput, CoachReply
from app.coaching.modes import Mode, choose_mode, is_follow_up
from app.coaching.offline import OfflineCoach, Turn
from app.coaching.sections import ToolSections
from app.core.config import Settings
from app.core.errors import InvalidInputError
from app.evaluation.coaching_checks import CHECKS, TurnRecord, check
from app.ingest.pipeline import Ingestor
from app.prompts.library import PromptLibrary
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.material import ToolMaterial
from app.retrieval.similarity import Similarity
from app.safety.redaction import Redactor

Coach = Runnable[ChainInput, CoachReply]


@dataclass(frozen=True)
class Conversation:
    id: str
    local_time: datetime
    uploads: list[str]
    turns: list[dict[str, Any]]


@dataclass
class CoachingReport:
    turns: list[TurnRecord] = field(default_factory=list)

    def rate(self, name: str) -> tuple[float, int]:
        """The share of turns where the check held, and how many turns it applied to."""
        applied = [t.results[name] for t in self.turns if t.results.get(name) is not None]
        return (sum(1 for r in applied if r) / len(applied) if applied else 1.0), len(applied)

    def failures(self, name: str) -> list[TurnRecord]:
        return [t for t in self.turns if t.results.get(name) is False]


def load_set(path: Path) -> tuple[dict[str, str], list[Conversation]]:
    """The fixture documents (name -> text) and the conversations."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InvalidInputError(f"Cannot read the conversation set {path}: {error}") from error
    documents: dict[str, str] = {}
    conversations: list[Conversation] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if "document" in row:
                documents[str(row["document"])] = str(row["text"])
                continue
            conversations.append(
                Conversation(
                    id=str(row["id"]),
                    local_time=datetime.fromisoformat(row["local_time"]),
                    uploads=[str(u) for u in row.get("uploads", [])],
                    turns=list(row["turns"]),
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise InvalidInputError(f"{path}:{number} is not a valid row ({error})") from error
    return documents, conversations


def offline_coach(
    retriever: HybridRetriever,
    similarity: Similarity,
    catalogue: Catalogue,
    prompts: PromptLibrary,
    threshold: float,
    offline: OfflineCoach | None = None,
) -> Coach:
    """The coaching chain with the offline coach over one index: `offline`, or a new warm one."""
    if offline is None:
        offline = OfflineCoach(
            sections=ToolSections(catalogue),
            similarity=similarity,
            catalogue=catalogue,
            prompts=prompts,
        )
        offline.warm()
    return build_coach(
        retriever=retriever,
        catalogue=catalogue,
        offline=offline,
        prompts=prompts,
        llm=None,
        relevance_threshold=threshold,
    ).chain


def converse(
    coach: Coach, conversation: Conversation, redactor: Redactor, k: int = 5
) -> list[tuple[str, CoachReply]]:
    """Hold one conversation: each message redacted, moded and followed up as the service does."""
    history: list[Turn] = []
    placeholders: dict[str, str] = {}
    mode: Mode | None = None
    replies: list[tuple[str, CoachReply]] = []
    for turn in conversation.turns:
        redaction = redactor.redact(
            str(turn["message"]), placeholders=placeholders, scope=conversation.id
        )
        placeholders = redaction.placeholders
        mode = choose_mode("auto", redaction.text, mode)
        follow_up = is_follow_up(redaction.text, bool(history))
        data = ChainInput(
            redaction.text, mode, follow_up, list(history), k, conversation.local_time
        )
        reply: CoachReply = coach.invoke(data)
        history += [Turn("user", redaction.text), Turn("assistant", reply.text, reply.tools)]
        replies.append((redaction.text, reply))
    return replies


@dataclass(frozen=True)
class Index:
    """The parts of one index the evaluation needs: to add uploads, and to coach over them."""

    material: ToolMaterial
    ingestor: Ingestor
    catalogue: Catalogue


@contextmanager
def uploaded(index: Index, documents: dict[str, str], names: Sequence[str]) -> Iterator[None]:
    """The named fixture documents indexed as uploads for one conversation, then removed."""
    if not names:
        yield
        return
    with tempfile.TemporaryDirectory() as folder:
        uploads = Path(folder) / "uploads"
        uploads.mkdir()
        for name in names:
            (uploads / name).write_text(documents[name], encoding="utf-8")
        index.ingestor.ingest([uploads], remove_missing=False)
        index.material.refresh()
        try:
            yield
        finally:
            for name in names:
                index.ingestor.remove_source(f"uploads/{name}")
            index.material.refresh()


def evaluate(
    conversations: Sequence[Conversation],
    documents: dict[str, str],
    *,
    coach: Coach,
    index: Index,
    redactor: Redactor,
) -> CoachingReport:
    catalogue = index.catalogue
    knowledge = frozenset(tool.source for tool in catalogue.all())
    report = CoachingReport()
    for conversation in conversations:
        earlier: list[TurnRecord] = []
        with uploaded(index, documents, conversation.uploads):
            replies = converse(coach, conversation, redactor)
        for number, (message, reply) in enumerate(replies):
            record = TurnRecord(
                conversation=conversation.id,
                index=number,
                message=message,
                reply=reply.text,
                sources=list(reply.sources),
                tools=[t for t in reply.tools if t in catalogue],
                expect=conversation.turns[number].get("expect", {}),
                local_time=conversation.local_time,
                earlier=tuple(earlier),
            )
            record.results.update(check(record, knowledge))
            earlier.append(record)
            report.turns.append(record)
    return report


def format_report(report: CoachingReport, conversations: int) -> str:
    lines = [f"Coaching conversations: {conversations}, turns: {len(report.turns)}", ""]
    lines.append(f"{'check':<20}{'rate':>8}{'turns':>8}")
    for name in CHECKS:
        rate, n = report.rate(name)
        lines.append(f"{name:<20}{rate:>8.2f}{n:>8}")
    for name in CHECKS:
        for turn in report.failures(name):
            lines.append(f"  {name}: {turn.conversation} turn {turn.index + 1}")
    return "\n".join(lines)


def run(settings: Settings, path: Path) -> tuple[CoachingReport, int]:
    """Score the set on a fresh index in a temporary folder (the council's data is not touched)."""
    from app.components.embedding import CachedEmbedder, build_embedder
    from app.components.vector_store import build_store

    documents, conversations = load_set(path)
    embedder = build_embedder(settings.embedding)
    catalogue = Catalogue.from_directory(settings.knowledge_dir)
    prompts = PromptLibrary(settings.prompts_dir)
    with tempfile.TemporaryDirectory() as folder:
        store = build_store(settings.model_copy(update={"data_dir": Path(folder)}))
        ingestor = Ingestor(
            embedder=embedder, store=store, model_name="evaluation", known_tool_ids=catalogue.ids
        )
        ingestor.ingest([settings.knowledge_dir])
        material = ToolMaterial(store=store, settings=settings.retrieval)
        material.refresh()
        query_embedder = CachedEmbedder(embedder)
        retriever = HybridRetriever(
            embedder=query_embedder, store=store, material=material, settings=settings.retrieval
        )
        coach = offline_coach(
            retriever,
            Similarity(query_embedder),
            catalogue,
            prompts,
            settings.coaching.relevance_threshold,
        )
        report = evaluate(
            conversations,
            documents,
            coach=coach,
            index=Index(material, ingestor, catalogue),
            redactor=Redactor(b"evaluation-only"),
        )
    return report, len(conversations)
