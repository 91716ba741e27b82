"""GET /v1/sessions/{id}/summary end to end: personal data in, none out; escalations noted."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

PERSONAL = (
    "My deputy Priya Shah thinks our team meetings are dominated by two loud voices, and she "
    "emailed me at priya.shah@example.org about it."
)
DILEMMA = "My team meetings are dominated by two loud voices and the quieter workers never speak."
RISK_NOW = (
    "The dad has just turned up at the contact centre drunk, saying he will stab the worker "
    "and take the baby, and he is still in the building"
)


def _chat(client: TestClient, message: str, session_id: str | None = None) -> dict[str, object]:
    response = client.post("/v1/chat", json={"message": message, "session_id": session_id})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def test_summary_has_the_dilemma_steps_and_questions_and_no_personal_data(
    client: TestClient,
) -> None:
    first = _chat(client, PERSONAL)
    assert first["safeguarding"]["escalated"] is False  # type: ignore[index]
    sid = str(first["session_id"])
    _chat(client, "what could get in the way?", sid)
    for later in (
        "We'll try speaking in turn at the next team meeting.",
        "I tried asking the quieter workers first and Priya Shah noticed the difference.",
    ):
        assert _chat(client, later, sid)["safeguarding"]["escalated"] is False  # type: ignore[index]
    summary = client.get(f"/v1/sessions/{sid}/summary")
    assert summary.status_code == 200
    body = summary.json()
    assert set(body) == {"session_id", "dilemma", "tools", "steps", "open_questions", "escalations"}
    assert "dominated by two loud voices" in body["dilemma"]
    assert body["tools"] and all({"tool_id", "title"} == set(t) for t in body["tools"])
    assert "We'll try speaking in turn at the next team meeting." in body["steps"]
    assert any(s.startswith("I tried asking the quieter workers first") for s in body["steps"])
    assert body["open_questions"] and body["escalations"] == []
    markdown = client.get(f"/v1/sessions/{sid}/summary", params={"format": "markdown"})
    assert markdown.status_code == 200
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("# Reflection summary")
    for text in (summary.text, markdown.text):
        for personal in ("Priya", "Shah", "priya.shah", "example.org", "[PERSON", "[EMAIL"):
            assert personal not in text


def test_an_escalated_turn_is_noted_never_quoted(client: TestClient) -> None:
    first = _chat(client, DILEMMA)
    assert first["safeguarding"]["escalated"] is False  # type: ignore[index]
    sid = str(first["session_id"])
    escalated = _chat(client, RISK_NOW, sid)
    assert escalated["safeguarding"]["escalated"] is True  # type: ignore[index]
    body = client.get(f"/v1/sessions/{sid}/summary").json()
    assert body["escalations"] == ["An escalation happened; follow the procedure."]
    markdown = client.get(f"/v1/sessions/{sid}/summary?format=markdown").text
    # The session id is random hex and may itself contain "999": leave it out of the check.
    for text in (str(body).replace(sid, ""), markdown.replace(sid, "")):
        assert "stab" not in text and "contact centre" not in text and "999" not in text
    assert "## Escalations" in markdown


def test_another_keys_conversation_is_not_found(
    app_factory: Callable[..., TestClient],
) -> None:
    client = app_factory(auth={"enabled": True})
    services = client.app.state.services  # type: ignore[attr-defined]
    mine = str(services.keys.create(name="mine", role="coach")[1])
    theirs = str(services.keys.create(name="theirs", role="coach")[1])
    started = client.post(
        "/v1/chat",
        json={"message": PERSONAL},
        headers={"Authorization": f"Bearer {mine}"},
    )
    sid = started.json()["session_id"]
    own = client.get(f"/v1/sessions/{sid}/summary", headers={"Authorization": f"Bearer {mine}"})
    assert own.status_code == 200
    other = client.get(f"/v1/sessions/{sid}/summary", headers={"Authorization": f"Bearer {theirs}"})
    assert other.status_code == 404 and "detail" in other.json()
    missing = client.get(
        "/v1/sessions/" + "0" * 32 + "/summary", headers={"Authorization": f"Bearer {mine}"}
    )
    assert missing.status_code == 404
