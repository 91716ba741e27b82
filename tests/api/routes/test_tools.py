"""GET /v1/tools and /v1/tools/{tool_id}: the catalogue."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.catalogue.tools import TOOL_SECTIONS

SECTIONS = list(TOOL_SECTIONS)


def test_list_has_every_tool_and_the_case_study(client: TestClient) -> None:
    response = client.get("/v1/tools")

    assert response.status_code == 200
    tools = response.json()["tools"]
    assert len(tools) == 16
    kinds = {t["tool_id"]: t["kind"] for t in tools}
    assert kinds["west-berkshire-case-study"] == "case-study"
    assert sum(1 for kind in kinds.values() if kind == "tool") == 15
    for tool in tools:
        assert set(tool) == {"tool_id", "title", "summary", "kind", "aliases", "related"}
        assert tool["title"] and tool["summary"] and tool["aliases"]


def test_detail_shows_one_tool_in_full(client: TestClient) -> None:
    response = client.get("/v1/tools/slow-thinking")

    assert response.status_code == 200
    tool = response.json()
    assert tool["tool_id"] == "slow-thinking"
    assert tool["title"] == "Slow thinking in a crisis"
    assert tool["source"] == "knowledge/slow-thinking.md"
    assert list(tool["sections"]) == SECTIONS
    assert 3 <= len(tool["steps"]) <= 10
    assert 4 <= len(tool["questions"]) <= 8
    assert all(q.endswith("?") for q in tool["questions"])
    assert any("Kahneman" in s for s in tool["sources"])


def test_unknown_tool_is_404_with_a_detail(client: TestClient) -> None:
    response = client.get("/v1/tools/no-such-tool")
    assert response.status_code == 404
    body = response.json()
    assert set(body) == {"detail"}
    assert "GET /v1/tools" in body["detail"]
