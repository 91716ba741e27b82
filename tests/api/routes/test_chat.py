"""POST /v1/chat and /v1/chat/stream, offline and against a stand-in provider."""

from __future__ import annotations

import json
from collections.abc import Callable

from fastapi.testclient import TestClient

from app.gate.replies import LEGAL_POINTER
from devtools.stand_in_provider import StandInProvider, running_provider

CRISIS = (
    "There's been a serious incident this afternoon and everyone wants me to decide "
    "the future of the team tonight."
)
SILOS = "Our senior leadership team works in silos; each manager protects their own patch."


def _events(raw: str) -> list[tuple[str, dict[str, object]]]:
    events = []
    for block in raw.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events


def test_offline_chat_replies_with_sources_and_is_stored(client: TestClient) -> None:
    response = client.post("/v1/chat", json={"message": CRISIS})
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"session_id", "reply", "sources", "safeguarding"}
    assert body["safeguarding"] == {"escalated": False, "reason": None}
    assert body["mode"] == "crisis"
    assert any(s["tool_id"] == "slow-thinking" for s in body["sources"])
    assert set(body["sources"][0]) == {"tool_id", "title", "heading", "source"}
    transcript = client.get(f"/v1/sessions/{body['session_id']}").json()
    assert [m["role"] for m in transcript["messages"]] == ["user", "assistant"]
    assert transcript["messages"][1]["content"] == body["reply"]


def test_conversation_continues_and_can_be_erased(client: TestClient) -> None:
    first = client.post("/v1/chat", json={"message": SILOS, "mode": "reflect"}).json()
    second = client.post(
        "/v1/chat",
        json={"message": "What might get in the way?", "session_id": first["session_id"]},
    ).json()
    assert second["session_id"] == first["session_id"]
    assert any(s["heading"].endswith("> Pitfalls") for s in second["sources"])
    assert len(client.get(f"/v1/sessions/{first['session_id']}").json()["messages"]) == 4
    assert client.delete(f"/v1/sessions/{first['session_id']}").status_code == 204
    gone = client.get(f"/v1/sessions/{first['session_id']}")
    assert gone.status_code == 404 and "detail" in gone.json()


def test_stream_sends_tokens_then_sources_then_done(client: TestClient) -> None:
    response = client.post("/v1/chat/stream", json={"message": SILOS})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = _events(response.text)
    kinds = [kind for kind, _ in events]
    assert kinds[:2] == ["start", "token"] and kinds[-2:] == ["sources", "done"]
    text = "".join(str(data["text"]) for kind, data in events if kind == "token")
    assert "Collective leadership" in text
    sources = events[-2][1]
    assert sources["safeguarding"] == {"escalated": False, "reason": None}


def test_bad_input_is_a_clear_4xx(client: TestClient) -> None:
    cases = [
        ({"message": ""}, 422),
        ({"message": "   "}, 422),
        ({"message": "x" * 4001}, 422),
        ({"message": "hi", "mode": "shout"}, 422),
        ({"message": "hi", "unknown": 1}, 422),
        ({"message": "hi", "session_id": "not-a-session"}, 422),
        ({"message": "hi", "session_id": "0" * 32}, 404),
    ]
    for body, status in cases:
        response = client.post("/v1/chat", json=body)
        assert response.status_code == status, body
        assert isinstance(response.json()["detail"], str) and response.json()["detail"]
    malformed = client.post(
        "/v1/chat", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert malformed.status_code == 422
    assert "not valid JSON" in malformed.json()["detail"]
    assert client.get("/v1/sessions/nope").status_code == 422


def test_provider_reply_streams_and_failure_keeps_the_message(
    app_factory: Callable[..., TestClient],
) -> None:
    with running_provider(
        StandInProvider(reply="Silos again [1]. What is shared? [70]")
    ) as provider:
        client = app_factory(
            llm={"provider": "openai", "base_url": provider.url, "model": "m", "max_retries": 0}
        )
        ok = client.post("/v1/chat", json={"message": SILOS}).json()
        assert ok["reply"].startswith("Silos again [1]. What is shared?")
        assert "[70]" not in ok["reply"]  # a citation to no given passage is dropped
        assert len(ok["sources"]) == 1
        streamed = _events(client.post("/v1/chat/stream", json={"message": SILOS}).text)
        assert sum(1 for kind, _ in streamed if kind == "token") > 3

        provider.behaviour = "error"
        failed = client.post("/v1/chat", json={"message": SILOS, "session_id": ok["session_id"]})
        assert failed.status_code == 502
        assert "/retry" in failed.json()["detail"]
        messages = client.get(f"/v1/sessions/{ok['session_id']}").json()["messages"]
        assert messages[-1]["role"] == "user" and messages[-1]["status"] == "pending"

        stream_failed = _events(client.post("/v1/chat/stream", json={"message": SILOS}).text)
        assert stream_failed[-1][0] == "error"

        provider.behaviour = "ok"
        retried = client.post(f"/v1/sessions/{ok['session_id']}/retry")
        assert retried.status_code == 200
        messages = client.get(f"/v1/sessions/{ok['session_id']}").json()["messages"]
        assert [m["status"] for m in messages[-2:]] == ["ok", "ok"]
        assert client.post(f"/v1/sessions/{ok['session_id']}/retry").status_code == 422


def test_slow_provider_is_a_504(app_factory: Callable[..., TestClient]) -> None:
    with running_provider(StandInProvider(behaviour="slow", slow_seconds=3)) as provider:
        client = app_factory(
            llm={
                "provider": "openai",
                "base_url": provider.url,
                "model": "m",
                "max_retries": 0,
                "timeout_seconds": 0.5,
            }
        )
        response = client.post("/v1/chat", json={"message": SILOS})
        assert response.status_code == 504
        assert "did not answer" in response.json()["detail"]


def test_off_topic_requests_are_declined_kindly(client: TestClient) -> None:
    body = client.post(
        "/v1/chat", json={"message": "Can you write my court report for Monday?"}
    ).json()
    assert body["outcome"] == "declined"
    assert "casework records" in body["reply"]
    assert body["sources"] == []


def test_a_question_about_balcony_itself_is_answered_then_coached(client: TestClient) -> None:
    # The classifier alone declines a plain question like this as legal advice.
    message = "if I name a family in here by accident is that stored"
    body = client.post("/v1/chat", json={"message": message}).json()
    assert body["outcome"] == "coached"
    assert body["reply"].startswith("I'm Balcony, an automated coach, not a person.")
    assert "delete the conversation" in body["reply"]
    assert "No one at the council reads it" in body["reply"]


def test_the_legal_pointer_opens_a_reply_only_when_the_law_is_named(client: TestClient) -> None:
    named = (
        "Councillors want our care leaver offer above the statutory guidance and my PAs "
        "already carry thirty each. How do I lead that conversation?"
    )
    body = client.post("/v1/chat", json={"message": named}).json()
    assert body["outcome"] == "coached"
    assert body["reply"].startswith(LEGAL_POINTER)
    work = "My team are still missing statutory visits since the restructure. Where do I start?"
    body = client.post("/v1/chat", json={"message": work}).json()
    assert body["outcome"] == "coached"
    assert "legal team" not in body["reply"]


def test_a_question_only_about_balcony_is_answered_with_an_invitation_not_coached(
    client: TestClient,
) -> None:
    message = "before i start, is what I type here kept, and who in the council could read it?"
    body = client.post("/v1/chat", json={"message": message}).json()
    assert body["outcome"] == "coached"
    assert body["sources"] == []  # no tool was picked for a dilemma nobody described
    assert "No one at the council reads it" in body["reply"]
    assert body["reply"].endswith("tell me what is happening, using roles rather than names.")
    # The next message is coached as usual, in the same conversation.
    follow = client.post(
        "/v1/chat",
        json={
            "session_id": body["session_id"],
            "message": "My senior practitioners bring every decision to me and I am drowning.",
        },
    ).json()
    assert follow["outcome"] in ("coached", "coached_with_safety_line")
    assert follow["sources"]


def test_a_question_about_balcony_beside_a_dilemma_is_answered_then_coached(
    client: TestClient,
) -> None:
    message = (
        "Is a human reading this? Two of my team managers have stopped speaking to each other "
        "and the duty rota is falling apart."
    )
    body = client.post("/v1/chat", json={"message": message}).json()
    assert body["outcome"] == "coached"
    assert body["reply"].startswith("I'm Balcony, an automated coach, not a person.")
    assert body["sources"]


def test_a_question_about_using_balcony_is_answered_plainly_not_escalated(
    client: TestClient,
) -> None:
    # "Tonight" and a rant read to the classifier as the writer's own danger (0.88).
    message = "Is there a word limit? Because tonight's rant is going to be a long one."
    body = client.post("/v1/chat", json={"message": message}).json()
    assert body["outcome"] == "coached"
    assert body["reply"].startswith("Write it however it comes")
    assert "characters" in body["reply"]
    assert body["reply"].endswith("tell me what is happening, using roles rather than names.")
    # Beside a dilemma, the answer opens a coached reply.
    message = (
        "Do I need to be polite with you? My two team managers have stopped speaking and "
        "the duty rota is falling apart before the Christmas cover."
    )
    body = client.post("/v1/chat", json={"message": message}).json()
    assert body["outcome"] == "coached"
    assert body["reply"].startswith("Write it however it comes")
    assert body["sources"]
