"""POST /v1/facilitator/plan and GET /v1/facilitator/prompts over HTTP, with clear 4xx errors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.api.errors import install_error_handlers
from app.api.routes.facilitator import router, wants_markdown
from app.services import Services
from tests.facilitator.support import headings_by_tool

PARTNERS = "partners don't come to strategy meetings and we have no authority over them"
PLAN = "/v1/facilitator/plan"
PROMPTS = "/v1/facilitator/prompts"


@pytest.fixture(scope="module")
def api(indexed_services: Services) -> Iterator[TestClient]:
    """The facilitator router alone, until the lead wires it into create_app."""
    app = FastAPI()
    app.state.services = indexed_services
    install_error_handlers(app)
    app.include_router(router)
    with TestClient(app) as client:
        yield client


def body(**fields: Any) -> dict[str, Any]:
    return {"focus": PARTNERS, "duration_minutes": 90, **fields}


def test_a_plan_chosen_from_the_focus(api: TestClient) -> None:
    response = api.post(PLAN, json=body())
    assert response.status_code == 200
    plan = response.json()
    assert [t["tool_id"] for t in plan["tools"]] == ["systems-leadership", "hard-and-soft-power"]
    assert sum(s["minutes"] for s in plan["segments"]) == 90
    assert plan["group_size"] == 8 and plan["tailored"] is False
    for ref in plan["sources"]:
        assert ref["heading"] in headings_by_tool()[ref["tool_id"]]
    assert {"title", "objectives", "materials", "notes"} <= plan.keys()


@pytest.mark.parametrize("duration", [30, 45, 120, 240])
def test_named_tools_at_several_lengths(api: TestClient, duration: int) -> None:
    response = api.post(
        PLAN, json=body(tools=["slow-thinking", "vuca"], duration_minutes=duration, group_size=12)
    )
    assert response.status_code == 200
    plan = response.json()
    assert sum(s["minutes"] for s in plan["segments"]) == duration
    assert plan["tools"][0]["tool_id"] == "slow-thinking"


@pytest.mark.parametrize(
    ("path", "headers"),
    [(f"{PLAN}?format=markdown", {}), (PLAN, {"Accept": "text/markdown"})],
)
def test_markdown_on_request(api: TestClient, path: str, headers: dict[str, str]) -> None:
    response = api.post(path, json=body(tools=["public-value"]), headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    text = response.text
    assert text.startswith("# Session plan: Public value and the strategic triangle (90 minutes)")
    assert "| Start | Minutes | Segment |" in text and "| 1:30 | | End |" in text
    assert "Public value and the strategic triangle > For facilitators" in text


def test_format_json_overrides_the_accept_header(api: TestClient) -> None:
    response = api.post(
        f"{PLAN}?format=json", json=body(tools=["vuca"]), headers={"Accept": "text/markdown"}
    )
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    ("accept", "markdown"),
    [
        (None, False),
        ("*/*", False),
        ("application/json", False),
        ("text/markdown", True),
        ("text/markdown, application/json", True),
        ("application/json, text/markdown", False),
        ("application/json;q=0.5, text/markdown", True),
        ("text/markdown;q=0", False),
        ("text/*", True),
    ],
)
def test_wants_markdown(accept: str | None, markdown: bool) -> None:
    assert wants_markdown(accept) is markdown


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"tools": ["vuca", "no-such-tool"]}, "'no-such-tool'. Valid ids: balcony-and-dance-floor"),
        ({"tools": []}, "tools: List should have at least 1 item"),
        ({"tools": ["vuca", "slow-thinking", "public-value", "systems-leadership"]}, "tools:"),
        ({"duration_minutes": 20}, "duration_minutes: Input should be greater than or equal to 30"),
        ({"duration_minutes": 241}, "duration_minutes: Input should be less than or equal to 240"),
        ({"focus": "   "}, "focus: String should have at least 1 character"),
        ({"focus": "x" * 1001}, "focus: String should have at most 1000 characters"),
        ({"group_size": 1}, "group_size:"),
        ({"minutes": 90}, "Unknown field 'minutes'"),
    ],
)
def test_bad_input_is_a_clear_422(api: TestClient, fields: dict[str, Any], message: str) -> None:
    response = api.post(PLAN, json=body(**fields))
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_missing_fields_are_named(api: TestClient) -> None:
    response = api.post(PLAN, json={"tools": ["vuca"]})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "focus: Field required" in detail and "duration_minutes: Field required" in detail


def test_errors_never_echo_the_focus(api: TestClient) -> None:
    focus = "Jane Smith at 12 Acacia Avenue " + "x" * 1000
    response = api.post(PLAN, json=body(focus=focus))
    assert response.status_code == 422
    assert "Jane" not in response.text


def test_prompt_cards(api: TestClient) -> None:
    response = api.get(PROMPTS, params={"tool": "hard-and-soft-power", "count": 3})
    assert response.status_code == 200
    result = response.json()
    assert result["tool_id"] == "hard-and-soft-power" and len(result["cards"]) == 3
    assert [c["kind"] for c in result["cards"]] == ["discussion", "reflection", "discussion"]
    for card in result["cards"]:
        assert card["heading"] in headings_by_tool()["hard-and-soft-power"]
        assert card["source"] == "knowledge/hard-and-soft-power.md"


def test_prompt_cards_ranked_by_a_focus(api: TestClient) -> None:
    response = api.get(
        PROMPTS,
        params={"tool": "hard-and-soft-power", "count": 1, "focus": "compliance, not commitment"},
    )
    (card,) = response.json()["cards"]
    assert "compliance" in card["text"] and card["score"] > 0


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"tool": "nope"}, "Valid ids:"),
        ({"tool": "west-berkshire-case-study"}, "Valid ids:"),
        ({"tool": "vuca", "count": 0}, "count: Input should be greater than or equal to 1"),
        ({"tool": "vuca", "count": 21}, "count: Input should be less than or equal to 20"),
        ({}, "tool: Field required"),
    ],
)
def test_bad_prompt_requests_are_a_clear_422(
    api: TestClient, params: dict[str, Any], message: str
) -> None:
    response = api.get(PROMPTS, params=params)
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_the_openapi_page_teaches_the_api(api: TestClient) -> None:
    schema = api.get("/openapi.json").json()
    plan = schema["paths"][PLAN]["post"]
    assert "text/markdown" in plan["responses"]["200"]["content"]
    request = schema["components"]["schemas"]["PlanRequest"]
    assert request["additionalProperties"] is False
    assert request["examples"][0]["duration_minutes"] == 90
    assert all(field.get("description") for field in request["properties"].values())
    assert "/v1/facilitator/prompts" in schema["paths"]
