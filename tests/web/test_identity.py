"""People, not one shared key: the site key plus a browser's id, or a trusted SSO header."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.api.security import VISITOR_HEADER

MESSAGE = {"message": "Partners never come to the strategy meeting."}
ALICE = "a" * 32
BOB = "b" * 32


def _coach_key(client: TestClient) -> str:
    _, key = client.app.state.services.keys.create(name="site", role="coach")  # type: ignore[attr-defined]
    return str(key)


def test_each_browser_owns_its_conversations_under_the_site_key(
    app_factory: Callable[..., TestClient],
) -> None:
    client = app_factory(auth={"enabled": True})
    key = _coach_key(client)
    alice = {"Authorization": f"Bearer {key}", VISITOR_HEADER: ALICE}
    bob = {"Authorization": f"Bearer {key}", VISITOR_HEADER: BOB}
    session = client.post("/v1/chat", json=MESSAGE, headers=alice).json()["session_id"]
    assert client.get(f"/v1/sessions/{session}", headers=alice).status_code == 200
    assert client.get(f"/v1/sessions/{session}", headers=bob).status_code == 404
    bare = {"Authorization": f"Bearer {key}"}
    assert client.get(f"/v1/sessions/{session}", headers=bare).status_code == 404
    assert client.delete(f"/v1/sessions/{session}", headers=bob).status_code == 404
    assert client.delete(f"/v1/sessions/{session}", headers=alice).status_code == 204


def test_a_malformed_browser_id_is_refused(app_factory: Callable[..., TestClient]) -> None:
    client = app_factory(auth={"enabled": True})
    headers = {"Authorization": f"Bearer {_coach_key(client)}", VISITOR_HEADER: "x y"}
    response = client.post("/v1/chat", json=MESSAGE, headers=headers)
    assert response.status_code == 400
    assert VISITOR_HEADER in response.json()["detail"]


def test_rate_limits_belong_to_the_person(app_factory: Callable[..., TestClient]) -> None:
    client = app_factory(auth={"enabled": True, "rate_limit_per_minute": 2})
    key = _coach_key(client)
    alice = {"Authorization": f"Bearer {key}", VISITOR_HEADER: ALICE}
    bob = {"Authorization": f"Bearer {key}", VISITOR_HEADER: BOB}
    assert [client.get("/v1/tools", headers=alice).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/v1/tools", headers=bob).status_code == 200  # Bob is not Alice


def test_the_trusted_header_names_the_owner_only_when_configured(
    app_factory: Callable[..., TestClient],
) -> None:
    trusting = app_factory(auth={"enabled": True, "trusted_user_header": "X-Forwarded-User"})
    key = _coach_key(trusting)
    # The same user from two browsers sees the same conversation; another user does not.
    first = {"Authorization": f"Bearer {key}", VISITOR_HEADER: ALICE, "X-Forwarded-User": "sam"}
    second = {"Authorization": f"Bearer {key}", VISITOR_HEADER: BOB, "X-Forwarded-User": "Sam"}
    other = {"Authorization": f"Bearer {key}", VISITOR_HEADER: ALICE, "X-Forwarded-User": "kim"}
    session = trusting.post("/v1/chat", json=MESSAGE, headers=first).json()["session_id"]
    assert trusting.get(f"/v1/sessions/{session}", headers=second).status_code == 200
    assert trusting.get(f"/v1/sessions/{session}", headers=other).status_code == 404

    ignoring = app_factory(auth={"enabled": True})
    key = _coach_key(ignoring)
    spoofed = {"Authorization": f"Bearer {key}", VISITOR_HEADER: ALICE, "X-Forwarded-User": "sam"}
    session = ignoring.post("/v1/chat", json=MESSAGE, headers=spoofed).json()["session_id"]
    stranger = {"Authorization": f"Bearer {key}", VISITOR_HEADER: BOB, "X-Forwarded-User": "sam"}
    assert ignoring.get(f"/v1/sessions/{session}", headers=stranger).status_code == 404


def test_the_page_carries_the_site_key_only_if_it_is_coach_only(
    app_factory: Callable[..., TestClient],
) -> None:
    client = app_factory(auth={"enabled": True})
    keys = client.app.state.services.keys  # type: ignore[attr-defined]
    _, coach = keys.create(name="site", role="coach")
    _, admin = keys.create(name="oops", role="admin")
    assert keys.site_key(coach) == coach
    assert keys.site_key(admin) is None  # never shown to the world
    assert keys.site_key("bal_not-a-key") is None
    auth = client.app.state.services.settings.auth  # type: ignore[attr-defined]
    assert 'name="balcony-key"' not in client.get("/").text  # none configured
    auth.site_key = SecretStr(admin)
    assert admin not in client.get("/").text
    auth.site_key = SecretStr(coach)
    assert f'<meta name="balcony-key" content="{coach}">' in client.get("/").text


def test_a_coach_key_in_a_page_cannot_plan_or_administer(
    app_factory: Callable[..., TestClient],
) -> None:
    client = app_factory(auth={"enabled": True})
    headers = {"Authorization": f"Bearer {_coach_key(client)}", VISITOR_HEADER: ALICE}
    assert client.get("/v1/insights", headers=headers).status_code == 403
    assert client.get("/v1/admin/documents", headers=headers).status_code == 403
