"""The language model's second opinion on borderline messages, against the stand-in provider."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from fastapi.testclient import TestClient

from app.gate.gate import Gate
from devtools.stand_in_provider import StandInProvider, running_provider

BORDERLINE = "We're writing a new missing and exploitation protocol. How do I make sure it's used?"
CLEAR = "How can a leadership team share accountability for improvement?"


def _client(
    app_factory: Callable[..., TestClient], provider: StandInProvider, *, widen: bool = True
) -> TestClient:
    """A client whose gate counts every message it does not escalate as borderline (widen),
    so these tests do not hang on where one message falls against the trained bars."""
    client = app_factory(
        llm={"provider": "openai", "base_url": provider.url, "model": "m", "max_retries": 0}
    )
    if widen:
        gate: Gate = client.app.state.services.gate  # type: ignore[attr-defined]
        gate.model = replace(gate.model, thresholds=replace(gate.model.thresholds, borderline=0.0))
    return client


def test_model_saying_yes_escalates_a_borderline_message(
    app_factory: Callable[..., TestClient],
) -> None:
    with running_provider(StandInProvider(reply="YES")) as provider:
        client = _client(app_factory, provider)
        body = client.post("/v1/chat", json={"message": BORDERLINE}).json()
    assert body["safeguarding"]["escalated"] is True
    assert len(provider.requests) == 1  # the second opinion only; no coaching call
    assert "Reply with one word: YES or NO" in provider.requests[0]["messages"][0]["content"]


def test_model_saying_no_lets_coaching_go_ahead(app_factory: Callable[..., TestClient]) -> None:
    with running_provider(StandInProvider(reply="NO")) as provider:
        client = _client(app_factory, provider)
        body = client.post("/v1/chat", json={"message": BORDERLINE}).json()
    assert body["safeguarding"]["escalated"] is False
    assert "safeguarding procedure" not in body["reply"]  # the turn went on to coaching
    assert "YES or NO" in provider.requests[0]["messages"][0]["content"]


def test_no_answer_errs_towards_escalating(app_factory: Callable[..., TestClient]) -> None:
    with running_provider(StandInProvider(reply="Perhaps, it depends")) as provider:
        client = _client(app_factory, provider)
        body = client.post("/v1/chat", json={"message": BORDERLINE}).json()
    assert body["safeguarding"]["escalated"] is True


def test_clear_messages_do_not_ask_for_a_second_opinion(
    app_factory: Callable[..., TestClient],
) -> None:
    with running_provider(StandInProvider(reply="YES")) as provider:
        client = _client(app_factory, provider, widen=False)
        body = client.post("/v1/chat", json={"message": CLEAR}).json()
    assert body["safeguarding"]["escalated"] is False
    prompts = [r["messages"][0]["content"] for r in provider.requests]
    assert not any("YES or NO" in p for p in prompts)


def test_second_opinion_sees_only_redacted_text(app_factory: Callable[..., TestClient]) -> None:
    message = (
        "Jodie Marsh and I are writing a new missing and exploitation protocol. "
        "How do I make sure it's used?"
    )
    with running_provider(StandInProvider(reply="NO")) as provider:
        client = _client(app_factory, provider)
        client.post("/v1/chat", json={"message": message})
    assert any("YES or NO" in r["messages"][0]["content"] for r in provider.requests)
    assert "Jodie" not in provider.all_text() and "Marsh" not in provider.all_text()
