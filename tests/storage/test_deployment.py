"""The compose file: replicas behind one entry point, sharing every piece of state.

`docker compose config` is the full check (see README); this reads the file itself so the
suite notices when a change breaks what lets replicas agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]


def _services() -> dict[str, Any]:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    services: dict[str, Any] = compose["services"]
    return services


def test_replicas_sit_behind_one_entry_point() -> None:
    services = _services()
    app = services["balcony"]
    assert app["deploy"]["replicas"] >= 2
    assert "ports" not in app  # a fixed host port would stop a second replica starting
    published = [name for name, service in services.items() if "ports" in service]
    assert published == ["proxy"]
    mounted = services["proxy"]["volumes"][0].split(":")[0]
    config = (REPO / mounted).read_text()
    assert "http://balcony:8000" in config and "resolver 127.0.0.11" in config


def test_replicas_share_the_database_the_rate_limits_the_index_and_the_data_volume() -> None:
    services = _services()
    app = services["balcony"]
    environment = app["environment"]
    assert environment["BALCONY_DATABASE__URL"].startswith("postgresql+psycopg://")
    assert environment["BALCONY_REDIS__URL"].startswith("redis://redis:")
    assert environment["BALCONY_CHROMA__HOST"] == "chroma"
    assert "balcony-data:/data" in app["volumes"]  # uploads and the redaction secret
    assert {"postgres", "redis", "chroma"} <= set(app["depends_on"])
    for name in ("postgres", "redis", "chroma", "balcony", "proxy"):
        assert "healthcheck" in services[name], name
