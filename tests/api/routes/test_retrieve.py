"""POST /v1/retrieve: the contract's fields and order, and clear 422s for bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.api.schemas import MAX_QUERY_CHARS
from app.main import create_app
from tests.conftest import ServicesFactory

FIELDS = {"tool_id", "title", "heading", "source", "text", "score"}
QUERY = "Partners hold the budgets and I have no authority over the health visitors."


def test_results_have_the_contract_fields_best_first(client: TestClient) -> None:
    response = client.post("/v1/retrieve", json={"query": QUERY})

    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 5
    assert all(set(r) == FIELDS for r in results)
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    first = results[0]
    assert first["tool_id"] in {"systems-leadership", "hard-and-soft-power"}
    assert first["heading"].startswith(first["title"] + " > ")
    assert first["source"] == f"knowledge/{first['tool_id']}.md"
    assert first["text"]


@pytest.mark.parametrize("k", [1, 7, 20])
def test_k_sets_how_many_come_back(client: TestClient, k: int) -> None:
    response = client.post("/v1/retrieve", json={"query": QUERY, "k": k})
    assert response.status_code == 200
    assert len(response.json()["results"]) == k


@pytest.mark.parametrize("k", [0, -1, 21, "five", 2.5])
def test_k_out_of_bounds_is_422(client: TestClient, k: object) -> None:
    response = client.post("/v1/retrieve", json={"query": QUERY, "k": k})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("k:")


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_is_422(client: TestClient, query: str) -> None:
    response = client.post("/v1/retrieve", json={"query": query})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("query:")


def test_over_long_query_is_422_without_echoing_it(client: TestClient) -> None:
    query = "Jane Smith at 12 Acacia Avenue " * 100
    assert len(query) > MAX_QUERY_CHARS

    response = client.post("/v1/retrieve", json={"query": query})

    assert response.status_code == 422
    assert "2000" in response.json()["detail"]
    assert "Acacia" not in response.text


def test_longest_allowed_query_is_fine(client: TestClient) -> None:
    response = client.post("/v1/retrieve", json={"query": "a" * MAX_QUERY_CHARS})
    assert response.status_code == 200


def test_malformed_json_is_422_with_a_clear_detail(client: TestClient) -> None:
    response = client.post(
        "/v1/retrieve",
        content=b'{"query": "unfinished',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": 'The request body is not valid JSON. Send a JSON object, e.g. {"query": "..."}.'
    }


def test_unknown_field_is_422_and_named(client: TestClient) -> None:
    response = client.post("/v1/retrieve", json={"query": QUERY, "top_k": 3})
    assert response.status_code == 422
    assert "Unknown field 'top_k'" in response.json()["detail"]


@pytest.mark.parametrize("body", [{}, {"k": 3}, {"query": 42}, {"query": None}])
def test_missing_or_wrong_typed_query_is_422(client: TestClient, body: object) -> None:
    response = client.post("/v1/retrieve", json=body)
    assert response.status_code == 422
    assert "query" in response.json()["detail"]


def test_body_that_is_not_an_object_is_422(client: TestClient) -> None:
    response = client.post("/v1/retrieve", json=["a", "list"])
    assert response.status_code == 422
    assert set(response.json()) == {"detail"}


def test_empty_index_is_503_with_what_to_do(services_factory: ServicesFactory) -> None:
    with TestClient(create_app(services=services_factory())) as client:
        response = client.post("/v1/retrieve", json={"query": QUERY})
    assert response.status_code == 503
    assert "balcony ingest" in response.json()["detail"]
