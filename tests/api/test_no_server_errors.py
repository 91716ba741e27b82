"""Property-based: no request body, field value or path on any endpoint produces a 500."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=60)
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=6)
FIELDS = [
    "message",
    "session_id",
    "mode",
    "query",
    "k",
    "tools",
    "focus",
    "duration_minutes",
    "group_size",
    "reply_id",
    "helpful",
    "comment",
]
bodies = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), values, max_size=5),
    st.dictionaries(st.text(max_size=10), values, max_size=3),
    values,
)
POSTS = ["/v1/chat", "/v1/retrieve", "/v1/facilitator/plan", "/v1/feedback", "/v1/chat/stream"]
GETS = [
    "/v1/tools/{}",
    "/v1/sessions/{}",
    "/v1/facilitator/prompts?tool={}&count=3",
    "/v1/insights?from={}",
    "/v1/facilitator/prompts?tool=vuca&count={}",
]


def _check(response: Any) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert isinstance(response.json()["detail"], str | list)


@SETTINGS
@given(path=st.sampled_from(POSTS), body=bodies)
def test_json_bodies_never_cause_a_server_error(
    client: TestClient, path: str, body: object
) -> None:
    _check(
        client.post(path, content=json.dumps(body), headers={"Content-Type": "application/json"})
    )


@SETTINGS
@given(path=st.sampled_from(POSTS), raw=st.binary(max_size=80))
def test_raw_bytes_never_cause_a_server_error(client: TestClient, path: str, raw: bytes) -> None:
    _check(client.post(path, content=raw, headers={"Content-Type": "application/json"}))


@SETTINGS
@given(template=st.sampled_from(GETS), value=st.text(max_size=40))
def test_path_and_query_values_never_cause_a_server_error(
    client: TestClient, template: str, value: str
) -> None:
    from urllib.parse import quote

    _check(client.get(template.format(quote(value, safe=""))))
