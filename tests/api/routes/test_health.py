"""Liveness, readiness and metrics."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.main import create_app
from app.services import Services
from tests.conftest import ServicesFactory


def test_healthz_is_alive(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_when_indexed(client: TestClient, indexed_services: Services) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["store_reachable"] is True
    assert body["passages"] == indexed_services.store.count() > 0
    assert body["tools"] == 15
    assert "detail" not in body


def test_readyz_is_503_on_an_empty_store(services_factory: ServicesFactory) -> None:
    with TestClient(create_app(services=services_factory())) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert (body["status"], body["passages"], body["store_reachable"]) == ("not ready", 0, True)
    assert "balcony ingest" in body["detail"]


def test_metrics_count_requests_by_route_template(client: TestClient) -> None:
    client.get("/healthz")
    client.get("/v1/tools/vuca")
    client.get("/no/such/page/for-someone-named-in-a-url")

    response = client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert "# TYPE balcony_http_requests_total counter" in text
    assert 'route="/healthz",status="200"' in text
    # Paths are recorded by template, never raw: ids and typos must not reach the metrics.
    assert 'route="/v1/tools/{tool_id}"' in text
    assert 'route="unmatched",status="404"' in text
    assert "for-someone-named" not in text
    assert "balcony_http_request_seconds_bucket" in text


def test_openapi_page_is_served_without_a_cdn(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower() and "/docs-assets/swagger-ui-bundle.js" in page.text
    script = client.get("/docs-assets/swagger-ui-bundle.js")
    assert script.status_code == 200 and len(script.content) > 100_000
    assert client.get("/openapi.json").json()["info"]["title"] == "Balcony"
