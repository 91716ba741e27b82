"""The coaching chain, composed from langchain_core runnables as pure functions.

rewrite_question -> retrieve -> build_context -> generate -> cite_sources. The offline
coach and a language model are two generation steps for the same chain.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from anyio import to_thread
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import Runnable, RunnableConfig, RunnableLambda

from app.catalogue.tools import Catalogue
from app.coaching.citations import CitedReply, map_citations
from app.coaching.clock import immediate_period, local_now
from app.coaching.context import CoachingContext, build_context, rank_tools
from app.coaching.history import dilemma, history_messages, history_text
from app.coaching.modes import Mode
from app.coaching.offline import CoachingRequest, OfflineCoach, Turn
from app.coaching.pivot import may_turn, turned_to
from app.coaching.sections import ToolSections
from app.coaching.stages import Stage, leans_back, stage_of
from app.core.cpu import cpu_limiter
from app.prompts.library import PromptLibrary
from app.retrieval.hybrid import HybridRetriever
from app.retrieval.passages import Passage


@dataclass(frozen=True)
class ChainInput:
    message: str  # already redacted
    mode: Mode
    follow_up: bool
    history: Sequence[Turn] = ()
    k: int = 5
    # The leader's local time (from the request), else the time in Europe/London.
    local_time: datetime | None = None


@dataclass(frozen=True)
class Prepared:
    """Everything before generation: what the model (or offline coach) is given."""

    request: CoachingRequest
    passages: list[Passage]
    grounded: bool


@dataclass(frozen=True)
class CoachReply:
    text: str
    sources: list[Any]
    tools: list[str]
    grounded: bool


def offline_rewrite(data: ChainInput) -> str:
    """Without a model, a follow-up is read together with the dilemma it follows."""
    if not data.follow_up:
        return data.message
    return " ".join(part for part in (dilemma(data.history), data.message) if part)


def make_rewriter(llm: BaseChatModel | None, prompts: PromptLibrary) -> Runnable[ChainInput, str]:
    """The question to retrieve for: the message, or a follow-up made standalone."""
    if llm is None:
        return RunnableLambda(offline_rewrite)

    def rewrite_prompt(data: ChainInput) -> list[BaseMessage]:
        text = prompts.render("rewrite", history=history_text(data.history), message=data.message)
        return [HumanMessage(content=text)]

    model_rewrite: Runnable[ChainInput, str] = (
        RunnableLambda(rewrite_prompt) | llm | StrOutputParser()
    )

    async def rewrite(data: ChainInput) -> str:
        if not data.follow_up:
            return data.message
        question = (await model_rewrite.ainvoke(data)).strip()
        return question or offline_rewrite(data)

    return RunnableLambda(offline_rewrite, afunc=rewrite)


def is_grounded(passages: Sequence[Passage], threshold: float) -> bool:
    """Whether the material has anything on the question (calibrated on cosine similarity)."""
    return any(p.similarity >= threshold for p in passages)


def continuing(data: ChainInput) -> ChainInput:
    """A long "I tried it and ..." still follows the thread: read it with the tool in play."""
    replied = any(t.role == "assistant" for t in data.history)
    if data.follow_up or not leans_back(data.message, replied=replied):
        return data
    return replace(data, follow_up=True)


def make_preparer(
    *,
    retriever: HybridRetriever,
    sections: ToolSections,
    catalogue: Catalogue,
    rewriter: Runnable[ChainInput, str],
    relevance_threshold: float,
    cpu_threads: int = 1,
) -> Runnable[ChainInput, Prepared]:
    """rewrite_question -> retrieve -> build_context, each step named.

    Awaited, retrieval and context building run in the worker's CPU limiter (see
    app/core/cpu.py), not in the event loop's default pool where they would crowd it.
    """

    def retrieve(state: dict[str, Any]) -> dict[str, Any]:
        data: ChainInput = state["input"]
        passages = retriever.retrieve(state["question"], k=data.k)
        return {**state, "passages": passages}

    def contextualise(state: dict[str, Any]) -> Prepared:
        data: ChainInput = state["input"]
        passages: list[Passage] = state["passages"]
        previous = next((t.tools for t in reversed(data.history) if t.tools), [])
        # A follow-up stays with the tool in play even when its words alone find nothing.
        in_play = data.follow_up and bool(previous) and previous[0] in catalogue
        grounded = in_play or is_grounded(passages, relevance_threshold)
        replied = any(t.role == "assistant" for t in data.history)
        stage = stage_of(data.message, follow_up=data.follow_up, replied=replied)
        turned = _turned_to(data, stage, previous[0], passages) if in_play else None
        focus = (turned,) if turned else tuple(previous[:1]) if data.follow_up else ()
        context = (
            build_context(
                passages=passages,
                mode=data.mode,
                catalogue=catalogue,
                sections=sections,
                focus_tools=focus,
            )
            if grounded
            else CoachingContext()
        )
        request = CoachingRequest(
            message=data.message,
            question=state["question"],
            mode=data.mode,
            follow_up=data.follow_up,
            context=context,
            history=data.history,
            stage=stage,
            period=immediate_period(local_now(data.local_time)),
            first_reply=not data.history,
            dilemma=dilemma(data.history) if data.follow_up else data.message,
            turned=turned is not None,
        )
        return Prepared(request=request, passages=passages, grounded=grounded)

    def _turned_to(
        data: ChainInput, stage: Stage, in_play: str, passages: list[Passage]
    ) -> str | None:
        """The tool a new ask turns to (app/coaching/pivot.py): the message is retrieved for
        alone only when it is a new ask of its own."""
        if not may_turn(data.message, stage):
            return None
        alone = rank_tools(retriever.retrieve(data.message, k=data.k), catalogue)
        return turned_to(in_play, rank_tools(passages, catalogue), alone)

    async def arewrite(data: ChainInput) -> dict[str, Any]:
        data = continuing(data)
        return {"input": data, "question": await rewriter.ainvoke(data)}

    def rewrite(data: ChainInput) -> dict[str, Any]:
        data = continuing(data)
        return {"input": data, "question": rewriter.invoke(data)}

    async def aretrieve(state: dict[str, Any]) -> dict[str, Any]:
        return await to_thread.run_sync(retrieve, state, limiter=cpu_limiter(cpu_threads))

    async def acontextualise(state: dict[str, Any]) -> Prepared:
        return await to_thread.run_sync(contextualise, state, limiter=cpu_limiter(cpu_threads))

    steps = (
        RunnableLambda(rewrite, afunc=arewrite).with_config(run_name="rewrite_question")
        | RunnableLambda(retrieve, afunc=aretrieve).with_config(run_name="retrieve")
        | RunnableLambda(contextualise, afunc=acontextualise).with_config(run_name="build_context")
    )

    def prepare(data: ChainInput) -> Prepared:
        # Called in a worker thread (the offline coach's turn): plain calls, as LangChain's
        # wrapping of each step cost more than rewriting and building the context.
        return contextualise(retrieve(rewrite(data)))

    async def aprepare(data: ChainInput, config: RunnableConfig) -> Prepared:
        # Awaited (a model rewrites follow-ups): step by step, each traced by its name.
        return await steps.ainvoke(data, config)

    return RunnableLambda(prepare, afunc=aprepare).with_config(run_name="prepare")


def situation(request: CoachingRequest, prompts: PromptLibrary) -> str:
    """What the model must know about this turn: the clock and the stage of the conversation."""
    lines = [prompts.part("llm.clock", period=request.period)]
    lines.append(prompts.part(f"llm.stage.{request.stage}"))
    if request.context.uploads:
        lines.append(prompts.part("llm.uploads"))
    return "\n".join(lines)


def llm_messages(prepared: Prepared, prompts: PromptLibrary) -> list[BaseMessage]:
    """System prompt for the mode, the history, then the numbered material and the message."""
    request = prepared.request
    shape = "followup" if request.follow_up else request.mode
    system = f"{prompts.text('system')}\n\n{prompts.text(shape)}\n\n{situation(request, prompts)}"
    user = prompts.render(
        "user",
        material=request.context.format() or "(nothing relevant was found)",
        message=request.message,
    )
    return [SystemMessage(content=system), *history_messages(request.history), HumanMessage(user)]


def streamed_lines(text: str) -> list[str]:
    """The offline coach's reply as it is streamed: in lines, so a client renders as it
    arrives, like a model's tokens."""
    return text.splitlines(keepends=True)


def make_generator(
    llm: BaseChatModel | None, offline: OfflineCoach, prompts: PromptLibrary
) -> Runnable[Prepared, str]:
    """The generation step: the offline coach, or the prompt piped into a chat model."""
    if llm is None:

        def compose(prepared: Prepared) -> str:
            return offline.compose(prepared.request)

        async def stream_offline(prepared: Prepared) -> AsyncIterator[str]:
            for line in streamed_lines(offline.compose(prepared.request)):
                yield line

        return RunnableLambda(compose, afunc=stream_offline).with_config(run_name="generate")

    def build_prompt(prepared: Prepared) -> list[BaseMessage]:
        return llm_messages(prepared, prompts)

    model: Runnable[Prepared, str] = (
        RunnableLambda(build_prompt).with_config(run_name="build_prompt")
        | llm.with_config(run_name="generate")
        | StrOutputParser()
    )

    # "Use roles, not names" is said once, on a conversation's first reply, whoever wrote it.
    def with_note(prepared: Prepared) -> str:
        text = model.invoke(prepared)
        note = offline.roles_note(prepared.request)
        return f"{text}\n\n{note}" if note else text

    async def stream_with_note(prepared: Prepared) -> AsyncIterator[str]:
        async for piece in model.astream(prepared):
            yield piece
        if note := offline.roles_note(prepared.request):
            yield f"\n\n{note}"

    return RunnableLambda(with_note, afunc=stream_with_note).with_config(run_name="generate")


def finish(prepared: Prepared, text: str) -> CoachReply:
    """cite_sources: keep citations that point at material given; the rest are dropped."""
    cited: CitedReply = map_citations(text, prepared.request.context.passages)
    tools = list(dict.fromkeys(s.tool_id for s in cited.sources)) or prepared.request.context.tools
    return CoachReply(
        text=cited.text, sources=cited.sources, tools=tools, grounded=prepared.grounded
    )
