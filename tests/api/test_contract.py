"""The API keeps its contract: schemathesis, every check, over the JSON API of a real server.

The run is bounded by the examples per operation, not by a time budget (with one, fuzzing
repeats until it is spent, and a slow machine would test less); the seed is fixed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events

from app.components.embedding import Embedder
from app.main import create_app
from app.services import build_services
from tests.api.live_server import serve
from tests.conftest import make_settings

# Operations whose input has rules a JSON schema cannot say: schema-valid input they refuse
# with 4xx is correct, so the positive-data check expects those codes there (and only there).
BUSINESS_RULES = """
[[operations]]
# Tool ids come from the catalogue; a well-formed unknown id is refused with the valid ids.
include-path = ["/v1/facilitator/plan", "/v1/facilitator/prompts"]
checks.positive_data_acceptance.expected-statuses = ["2XX", "401", "403", "404", "422", "429"]

[[operations]]
# 'from' must come before 'to', and at most a year apart.
include-path = "/v1/insights"
checks.positive_data_acceptance.expected-statuses = ["2XX", "401", "403", "422", "429"]

[[operations]]
# Only a conversation with a message still waiting (after a provider failure) can be retried.
include-path = "/v1/sessions/{session_id}/retry"
checks.positive_data_acceptance.expected-statuses = ["2XX", "401", "403", "404", "422", "429"]

[[operations]]
# An upload must really be a PDF, Word, PowerPoint, Markdown or text file with text in it.
include-path = ["/v1/admin/documents", "/v1/admin/documents/{filename}"]
checks.positive_data_acceptance.expected-statuses = ["2XX", "401", "403", "404", "413", "415",
  "422", "429"]
"""
# The OpenAI-compatible routes answer in OpenAI's shape and stream; they have their own tests
# with the official client (test_openai_compat.py), and a generated body there is a model turn.
EXCLUDED = ["/v1/chat/completions"]
MAX_EXAMPLES = 6
SEED = 20261130


@dataclass(frozen=True)
class Found:
    operation: str
    code: str
    title: str
    message: str
    response: str

    def __str__(self) -> str:
        return (
            f"{self.operation}: {self.code} {self.title}: {self.message[:300]} -> {self.response}"
        )


@pytest.fixture(scope="module")
def api(embedder: Embedder, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A real server with auth on and an admin key, on its own index (admin routes write)."""
    data: Path = tmp_path_factory.mktemp("contract") / "data"
    settings = make_settings(data, auth={"enabled": True, "rate_limit_per_minute": 0})
    services = build_services(settings, embedder=embedder)
    services.ingest()
    key = services.keys.create(name="contract", role="admin")[1]
    with serve(create_app(services=services)) as base_url:
        yield base_url, key


def _failures(event: events.ScenarioFinished) -> Iterator[Found]:
    recorder = event.recorder
    for case_id, checks in recorder.checks.items():
        for check in checks:
            if check.status != Status.FAILURE or check.failure_info is None:
                continue
            failure = check.failure_info.failure
            interaction = recorder.interactions.get(case_id)
            answer = interaction.response if interaction else None
            seen = f"{answer.status_code} {answer.content[:200]!r}" if answer else "no response"
            yield Found(recorder.label, failure.code, failure.title, failure.message, seen)


def run_schemathesis(base_url: str, key: str) -> tuple[list[Found], list[str], int]:
    """Every check, every phase; returns the unique failures, errors and the cases run."""
    config = SchemathesisConfig.from_str(
        f"""
seed = {SEED}
headers = {{ Authorization = "Bearer {key}" }}
[generation]
max-examples = {MAX_EXAMPLES}
database = "none"
[checks]
enabled = true
{BUSINESS_RULES}
"""
    )
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json", config=config).exclude(
        path=EXCLUDED
    )
    found: set[Found] = set()
    errors: list[str] = []
    cases = 0
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            cases += len(event.recorder.cases)
            found.update(_failures(event))
        elif isinstance(event, events.NonFatalError):
            errors.append(f"{event.label}: {event.value!r}")
        elif isinstance(event, events.FatalError):
            errors.append(repr(event.exception))
    return sorted(found, key=str), errors, cases


def test_schemathesis_finds_no_contract_failures(api: tuple[str, str]) -> None:
    base_url, key = api
    found, errors, cases = run_schemathesis(base_url, key)
    assert cases > 100, f"only {cases} cases ran"
    assert not errors, "\n".join(errors)
    assert not found, f"{len(found)} failures:\n" + "\n".join(map(str, found))


def test_the_small_things(api: tuple[str, str]) -> None:
    base_url, key = api
    auth = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    not_utf8 = httpx.post(f"{base_url}/v1/chat", content=b'{"message": "\xff\xfe"}', headers=auth)
    assert not_utf8.status_code == 422 and "UTF-8" in not_utf8.json()["detail"]
    not_json = httpx.post(f"{base_url}/v1/chat", content=b"{message: hi", headers=auth)
    assert not_json.status_code == 422 and '{"message": ' in not_json.json()["detail"]
    blank = httpx.post(f"{base_url}/v1/chat", json={"message": " \f\u3000"}, headers=auth)
    assert blank.status_code == 422
    wrong_method = httpx.request("PUT", f"{base_url}/v1/sessions/{'0' * 32}", headers=auth)
    assert wrong_method.status_code == 405
    assert set(wrong_method.headers["Allow"].split(", ")) == {"GET", "DELETE"}
    assert httpx.get(f"{base_url}/openapi.json").status_code == 200
    metrics = httpx.get(f"{base_url}/metrics").text
    assert 'route="/openapi.json"' in metrics


def test_every_declared_error_has_the_shape_the_api_sends() -> None:
    """A new route that forgets `responses=` gets FastAPI's list-shaped 422: caught here."""
    schema = create_app().openapi()
    undeclared = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                body = str(response.get("content", {}))
                if status.startswith("2") or (path, status) == ("/readyz", "503"):
                    continue
                if "ErrorResponse" not in body and "OpenAIError" not in body:
                    undeclared.append(f"{method.upper()} {path} {status}")
    assert not undeclared
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    shapes = {
        path: {s for op in ops.values() for s in op["responses"]}
        for path, ops in schema["paths"].items()
    }
    assert {"401", "403", "422", "429"} <= shapes["/v1/chat"]
