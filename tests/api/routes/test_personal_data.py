"""Personal data in a message never reaches the provider, the stored transcript or the logs."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.core.logging import JsonFormatter
from devtools.stand_in_provider import StandInProvider, running_provider
from tests.utils.shared_eval import shared_eval_rows

GENERATED = Path(__file__).resolve().parents[2] / "data" / "pii-generated.jsonl"


def _cases() -> list[dict[str, object]]:
    rows = shared_eval_rows("pii-dev.jsonl")
    if GENERATED.exists():
        rows += [json.loads(line) for line in GENERATED.read_text().splitlines() if line][:20]
    return rows


def test_nothing_personal_reaches_provider_store_or_logs(
    app_factory: Callable[..., TestClient], caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    cases = _cases()
    handler = logging.FileHandler(tmp_path / "log.jsonl")
    handler.setFormatter(JsonFormatter())
    logging.getLogger().addHandler(handler)
    caplog.set_level(logging.DEBUG)
    try:
        with running_provider(
            StandInProvider(reply="Thank you [1]. What support does the worker need?")
        ) as provider:
            client = app_factory(
                llm={"provider": "openai", "base_url": provider.url, "model": "m", "max_retries": 0}
            )
            session_ids = []
            for case in cases:
                message = f"{case['message']} How do I lead my team through this?"
                response = client.post("/v1/chat", json={"message": message})
                assert response.status_code == 200
                session_ids.append(response.json()["session_id"])
            stored = json.dumps([client.get(f"/v1/sessions/{s}").json() for s in session_ids])
            database = (client.app.state.services.settings.data_dir / "balcony.db").read_bytes()  # type: ignore[attr-defined]
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    sent = provider.all_text()
    logs = caplog.text + (tmp_path / "log.jsonl").read_text()
    assert len(provider.requests) >= 2  # the provider really was used (some turns escalate)
    assert "[" in stored and "_1]" in stored  # placeholders, not names, were kept
    for case in cases:
        for secret in list(case["must_not_leak"]):  # type: ignore[call-overload]
            assert secret not in sent, (case["id"], "provider")
            assert secret not in stored, (case["id"], "transcript")
            assert secret.encode() not in database, (case["id"], "database file")
            assert secret not in logs, (case["id"], "logs")


def test_placeholders_stay_consistent_within_a_conversation(client: TestClient) -> None:
    first = client.post(
        "/v1/chat", json={"message": "Mia Thompson's worker is overwhelmed. How do I support her?"}
    ).json()
    client.post(
        "/v1/chat",
        json={
            "message": "And Mia Thompson's mum won't engage with the team.",
            "session_id": first["session_id"],
        },
    )
    messages = client.get(f"/v1/sessions/{first['session_id']}").json()["messages"]
    users = [m["content"] for m in messages if m["role"] == "user"]
    assert "Mia" not in " ".join(users)
    placeholder = users[0].split("'")[0]
    assert placeholder.startswith("[") and placeholder in users[1]


def test_feedback_comment_is_redacted(client: TestClient) -> None:
    chat = client.post(
        "/v1/chat", json={"message": "How do I share accountability in my team?"}
    ).json()
    response = client.post(
        "/v1/feedback",
        json={
            "session_id": chat["session_id"],
            "reply_id": chat["reply_id"],
            "helpful": True,
            "comment": "Helped with Jack Smith on 07700 900123",
        },
    )
    assert response.status_code == 201
    stored = response.json()["stored_comment"]
    assert "Jack" not in stored and "07700 900123" not in stored


def test_access_log_has_route_templates_not_paths_or_queries(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="balcony.access")
    client.get("/v1/facilitator/prompts", params={"tool": "vuca", "focus": "Mia Thompson's team"})
    client.get("/v1/sessions/" + "a" * 32)
    records = [r for r in caplog.records if r.name == "balcony.access"]
    assert {getattr(r, "route", None) for r in records} >= {
        "/v1/facilitator/prompts",
        "/v1/sessions/{session_id}",
    }
    assert "Mia" not in caplog.text and "a" * 32 not in caplog.text
