"""The real chain against a real HTTP server standing in for an OpenAI-compatible provider."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.coaching.builder import build_coach
from app.coaching.chain import ChainInput
from app.coaching.offline import Turn
from app.components.llm import build_llm, provider_errors
from app.core.config import LLMSettings
from app.core.errors import ProviderError, ProviderTimeoutError
from app.services import Services
from devtools.stand_in_provider import StandInProvider, running_provider

MESSAGE = "Our senior leadership team works in silos; each manager protects their own patch."


@pytest.fixture
def provider() -> Iterator[StandInProvider]:
    with running_provider(
        StandInProvider(reply="You describe silos [1]. Made up [42]. What is shared?")
    ) as p:
        yield p


def _settings(provider: StandInProvider, **overrides: object) -> LLMSettings:
    values: dict[str, object] = {
        "provider": "openai",
        "base_url": provider.url,
        "model": "stand-in",
        "max_retries": 0,
    }
    values.update(overrides)
    return LLMSettings.model_validate(values)


def _chain(services: Services, settings: LLMSettings):  # type: ignore[no-untyped-def]
    coach = build_coach(
        retriever=services.retriever,
        catalogue=services.catalogue,
        offline=services.offline,
        prompts=services.prompts,
        llm=build_llm(settings),
        relevance_threshold=services.settings.coaching.relevance_threshold,
    )
    return coach.preparer, coach.generator, coach.chain


def test_passages_and_history_reach_the_model(
    indexed_services: Services, provider: StandInProvider
) -> None:
    _, _, chain = _chain(indexed_services, _settings(provider))
    history = [
        Turn("user", "Earlier I said the team was tired."),
        Turn("assistant", "Earlier reply.", ["vuca"]),
    ]
    reply = asyncio.run(
        chain.ainvoke(ChainInput(MESSAGE, "reflect", follow_up=False, history=history))
    )
    messages = provider.last_messages
    assert messages[0]["role"] == "system" and "Balcony" in messages[0]["content"]
    contents = [m["content"] for m in messages]
    assert "Earlier I said the team was tired." in contents
    assert "Earlier reply." in contents
    user = contents[-1]
    assert MESSAGE in user
    assert "Collective leadership" in user  # the retrieved material is in the prompt
    assert "[1]" in user
    # Citations map to what was passed; the invented one is dropped.
    assert "[42]" not in reply.text and "[1]" in reply.text
    assert len(reply.sources) == 1


def test_reply_streams_in_pieces(indexed_services: Services, provider: StandInProvider) -> None:
    preparer, generator, _ = _chain(indexed_services, _settings(provider))

    async def collect() -> list[str]:
        prepared = await preparer.ainvoke(ChainInput(MESSAGE, "reflect", follow_up=False))
        return [piece async for piece in generator.astream(prepared)]

    pieces = asyncio.run(collect())
    assert len(pieces) > 3
    # The first reply of a conversation ends with the reminder to use roles, said once.
    roles = indexed_services.prompts.part("roles_note")
    assert "".join(pieces) == f"{provider.reply}\n\n_{roles}_"
    assert provider.requests[-1]["stream"] is True


def test_model_is_told_the_clock_and_the_stage(
    indexed_services: Services, provider: StandInProvider
) -> None:
    _, _, chain = _chain(indexed_services, _settings(provider))
    history = [Turn("user", MESSAGE), Turn("assistant", "Some reply", ["collective-leadership"])]
    morning = datetime(2026, 3, 3, 9, 5, tzinfo=ZoneInfo("Europe/London"))
    reply = asyncio.run(
        chain.ainvoke(
            ChainInput("What could get in the way?", "reflect", True, history, local_time=morning)
        )
    )
    system = provider.last_messages[0]["content"]
    assert 'say "today" for immediate safety' in system
    assert "Pitfalls" in system  # the stage: what could get in the way
    assert "roles, not names" not in reply.text  # said on the first reply only


def test_follow_up_is_rewritten_by_the_model(
    indexed_services: Services, provider: StandInProvider
) -> None:
    # The stand-in answers every request alike: make that a fair standalone question.
    provider.reply = "How do I get a leadership team that works in silos to share accountability?"
    _, _, chain = _chain(indexed_services, _settings(provider))
    history = [Turn("user", MESSAGE), Turn("assistant", "Some reply", ["collective-leadership"])]
    asyncio.run(chain.ainvoke(ChainInput("What if they refuse?", "reflect", True, history)))
    rewrite_request = provider.requests[0]["messages"][-1]["content"]
    assert "Rewrite the leader's latest message" in rewrite_request
    assert MESSAGE in rewrite_request
    assert len(provider.requests) == 2  # the rewrite, then the reply


@pytest.mark.parametrize("behaviour", ["error", "garbage", "unauthorised"])
def test_provider_failures_become_clear_errors(
    indexed_services: Services, provider: StandInProvider, behaviour: str
) -> None:
    provider.behaviour = behaviour  # type: ignore[assignment]
    settings = _settings(provider)
    _, _, chain = _chain(indexed_services, settings)
    with pytest.raises(ProviderError) as raised, provider_errors(settings):
        asyncio.run(chain.ainvoke(ChainInput(MESSAGE, "reflect", follow_up=False)))
    assert "Your message is saved" in raised.value.message
    assert raised.value.status_code == 502


def test_slow_provider_times_out(indexed_services: Services, provider: StandInProvider) -> None:
    provider.behaviour = "slow"
    provider.slow_seconds = 3
    settings = _settings(provider, timeout_seconds=0.5)
    _, _, chain = _chain(indexed_services, settings)
    with pytest.raises(ProviderTimeoutError) as raised, provider_errors(settings):
        asyncio.run(chain.ainvoke(ChainInput(MESSAGE, "reflect", follow_up=False)))
    assert raised.value.status_code == 504
    assert "did not answer within 0.5 s" in raised.value.message


def test_down_provider_is_a_clear_error(indexed_services: Services) -> None:
    settings = LLMSettings(
        provider="openai", base_url="http://127.0.0.1:9/v1", model="m", max_retries=0
    )
    _, _, chain = _chain(indexed_services, settings)
    with pytest.raises(ProviderError) as raised, provider_errors(settings):
        asyncio.run(chain.ainvoke(ChainInput(MESSAGE, "reflect", follow_up=False)))
    assert "BALCONY_LLM__BASE_URL" in raised.value.message
