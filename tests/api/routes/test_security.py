"""API keys by role, rate limits, security headers, and refusing unsafe production settings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.core.config import Settings
from app.security.keys import role_allows


def _key(client: TestClient, role: str) -> str:
    services = client.app.state.services  # type: ignore[attr-defined]
    return str(services.keys.create(name=f"test {role}", role=role)[1])


def test_keys_are_required_and_scoped_by_role(app_factory: Callable[..., TestClient]) -> None:
    client = app_factory(auth={"enabled": True})
    coach, admin = _key(client, "coach"), _key(client, "admin")
    body = {"query": "partners", "k": 1}
    missing = client.post("/v1/retrieve", json=body)
    assert missing.status_code == 401 and "API key is required" in missing.json()["detail"]
    assert (
        client.post(
            "/v1/retrieve", json=body, headers={"Authorization": "Bearer bal_wrong"}
        ).status_code
        == 401
    )
    assert (
        client.post(
            "/v1/retrieve", json=body, headers={"Authorization": f"Bearer {coach}"}
        ).status_code
        == 200
    )
    assert client.post("/v1/retrieve", json=body, headers={"X-API-Key": coach}).status_code == 200
    forbidden = client.get("/v1/admin/documents", headers={"X-API-Key": coach})
    assert forbidden.status_code == 403 and "admin" in forbidden.json()["detail"]
    assert client.get("/v1/insights", headers={"X-API-Key": coach}).status_code == 403
    assert client.get("/v1/admin/documents", headers={"X-API-Key": admin}).status_code == 200
    assert client.get("/healthz").status_code == 200  # monitoring needs no key


def test_revoked_key_stops_working(app_factory: Callable[..., TestClient]) -> None:
    client = app_factory(auth={"enabled": True})
    key = _key(client, "coach")
    keys = client.app.state.services.keys  # type: ignore[attr-defined]
    keys.revoke(key[:12])
    assert (
        client.post("/v1/retrieve", json={"query": "x"}, headers={"X-API-Key": key}).status_code
        == 401
    )
    stored = keys.list()[0]
    assert stored.revoked and key not in repr(stored)


def test_rate_limit_answers_429_with_retry_after(app_factory: Callable[..., TestClient]) -> None:
    client = app_factory(auth={"enabled": True, "rate_limit_per_minute": 3})
    key = _key(client, "coach")
    statuses = [client.get("/v1/tools", headers={"X-API-Key": key}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/v1/tools", headers={"X-API-Key": key})
    assert int(limited.headers["Retry-After"]) >= 1


def test_security_headers_on_every_response(client: TestClient) -> None:
    for response in (client.get("/healthz"), client.get("/v1/tools"), client.get("/v1/tools/nope")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "frame-ancestors" in response.headers["Content-Security-Policy"]
        assert response.headers["Referrer-Policy"] == "no-referrer"
    assert client.get("/v1/tools").headers["Cache-Control"] == "no-store"


def test_cors_allows_only_listed_origins(app_factory: Callable[..., TestClient]) -> None:
    client = app_factory(cors_origins=["https://intranet.example.gov.uk"])
    allowed = client.options(
        "/v1/chat",
        headers={
            "Origin": "https://intranet.example.gov.uk",
            "Access-Control-Request-Method": "POST",
        },
    )
    assert allowed.headers.get("access-control-allow-origin") == "https://intranet.example.gov.uk"
    other = client.options(
        "/v1/chat",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in other.headers


def test_production_refuses_auth_off_or_wildcard_origin() -> None:
    with pytest.raises(ValidationError, match="AUTH__ENABLED"):
        Settings(_env_file=None, environment="production")
    with pytest.raises(ValidationError, match="wildcard"):
        Settings(
            _env_file=None, environment="production", auth={"enabled": True}, cors_origins=["*"]
        )
    assert Settings(_env_file=None, environment="production", auth={"enabled": True}).auth.enabled


def test_roles_nest() -> None:
    assert role_allows("admin", "coach") and role_allows("facilitator", "coach")
    assert not role_allows("coach", "facilitator") and not role_allows("nobody", "coach")


def test_a_conversation_belongs_to_the_key_that_started_it(
    app_factory: Callable[..., TestClient],
) -> None:
    client = app_factory(auth={"enabled": True})
    mine, theirs = _key(client, "coach"), _key(client, "coach")
    body = {"message": "How do I share accountability in my leadership team?"}
    chat = client.post("/v1/chat", json=body, headers={"X-API-Key": mine}).json()
    sid = chat["session_id"]
    assert client.get(f"/v1/sessions/{sid}", headers={"X-API-Key": mine}).status_code == 200
    for response in (
        client.get(f"/v1/sessions/{sid}", headers={"X-API-Key": theirs}),
        client.delete(f"/v1/sessions/{sid}", headers={"X-API-Key": theirs}),
        client.post("/v1/chat", json={**body, "session_id": sid}, headers={"X-API-Key": theirs}),
        client.post(
            "/v1/feedback",
            json={"session_id": sid, "reply_id": chat["reply_id"], "helpful": True},
            headers={"X-API-Key": theirs},
        ),
    ):
        assert response.status_code == 404  # another key's conversation is not revealed
    assert client.delete(f"/v1/sessions/{sid}", headers={"X-API-Key": mine}).status_code == 204


def test_cors_preflight_carries_the_security_headers(
    app_factory: Callable[..., TestClient],
) -> None:
    client = app_factory(cors_origins=["https://intranet.example.gov.uk"])
    preflight = client.options(
        "/v1/chat",
        headers={
            "Origin": "https://intranet.example.gov.uk",
            "Access-Control-Request-Method": "POST",
        },
    )
    assert preflight.headers["X-Content-Type-Options"] == "nosniff"
