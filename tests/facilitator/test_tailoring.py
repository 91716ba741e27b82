"""Plan prompts tailored by a (stand-in) model: structure and sources stay; no names leak."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from app.facilitator.tailoring import parse_numbered
from devtools.stand_in_provider import StandInProvider, running_provider

FOCUS = "Jodie Marsh's partners don't come to strategy meetings and we have no authority over them"
BODY = {"focus": FOCUS, "duration_minutes": 90, "tools": ["hard-and-soft-power"]}


def _tailored(body: dict[str, Any]) -> str:
    text = str(body["messages"][-1]["content"])
    block = text.split("<prompts>", 1)[1].split("</prompts>", 1)[0]
    return "\n".join(f"{n}. Tailored: {p}" for n, p in enumerate(parse_numbered(block), start=1))


def test_prompts_are_tailored_and_the_structure_stays(
    app_factory: Callable[..., TestClient], client: TestClient
) -> None:
    offline = client.post("/v1/facilitator/plan", json=BODY).json()
    with running_provider(StandInProvider(responder=_tailored)) as provider:
        tailored_client = app_factory(
            llm={"provider": "openai", "base_url": provider.url, "model": "m", "max_retries": 0}
        )
        tailored = tailored_client.post("/v1/facilitator/plan", json=BODY).json()
    assert provider.requests, "the model was asked"
    assert "Jodie" not in provider.all_text() and "Marsh" not in provider.all_text()
    prompts = [p for s in tailored["segments"] for p in s["prompts"]]
    assert prompts and all(p.startswith("Tailored: ") for p in prompts)
    for before, after in zip(offline["segments"], tailored["segments"], strict=True):
        assert (before["minutes"], before["title"], before["sources"]) == (
            after["minutes"],
            after["title"],
            after["sources"],
        )
        assert len(before["prompts"]) == len(after["prompts"])


def test_a_model_that_miscounts_leaves_the_material_prompts(
    app_factory: Callable[..., TestClient], client: TestClient
) -> None:
    offline = client.post("/v1/facilitator/plan", json=BODY).json()
    with running_provider(StandInProvider(reply="1. Only one line")) as provider:
        tailored_client = app_factory(
            llm={"provider": "openai", "base_url": provider.url, "model": "m", "max_retries": 0}
        )
        kept = tailored_client.post("/v1/facilitator/plan", json=BODY).json()
    multi = [s for s in offline["segments"] if len(s["prompts"]) > 1]
    assert multi
    for segment in multi:
        match = next(s for s in kept["segments"] if s["title"] == segment["title"])
        assert match["prompts"] == segment["prompts"]


def test_parse_numbered() -> None:
    assert parse_numbered("1. a\n2) b\nnoise\n 3. c ") == ["a", "b", "c"]
