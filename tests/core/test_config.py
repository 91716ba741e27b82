"""Settings: read from BALCONY_* variables, derived paths in the data folder, unsafe
production settings refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.core.config import Settings


@pytest.fixture(autouse=True)
def _no_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("BALCONY_"):
            monkeypatch.delenv(name)


def test_nested_settings_are_read_from_prefixed_variables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BALCONY_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("BALCONY_LLM__PROVIDER", "ollama")
    monkeypatch.setenv("BALCONY_LLM__MODEL", "llama3.1")
    settings = Settings(_env_file=None)
    assert (settings.data_dir, settings.llm.provider, settings.llm.model) == (
        tmp_path,
        "ollama",
        "llama3.1",
    )


def test_an_unknown_provider_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALCONY_LLM__PROVIDER", "someone-elses-cloud")
    with pytest.raises(ValidationError, match="provider"):
        Settings(_env_file=None)


def test_the_data_folder_holds_the_database_index_uploads_and_model_cache(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)
    assert settings.database_url == f"sqlite:///{tmp_path.as_posix()}/balcony.db"
    assert settings.index_dir == tmp_path / "chroma"
    assert settings.uploads_dir == tmp_path / "uploads"
    assert settings.embedding.cache_dir == tmp_path / "models"


def test_a_configured_database_and_model_cache_are_kept(tmp_path: Path) -> None:
    settings = Settings(
        _env_file=None,
        data_dir=tmp_path,
        database={"url": "postgresql+psycopg://db/balcony"},
        embedding={"cache_dir": tmp_path / "elsewhere"},
    )
    assert settings.database_url == "postgresql+psycopg://db/balcony"
    assert settings.embedding.cache_dir == tmp_path / "elsewhere"


@pytest.mark.parametrize(
    ("overrides", "refusal"),
    [
        ({}, "BALCONY_AUTH__ENABLED=true"),
        ({"auth": {"enabled": True}, "cors_origins": ["*"]}, "wildcard CORS origin"),
    ],
)
def test_production_refuses_an_open_api(overrides: dict[str, object], refusal: str) -> None:
    with pytest.raises(ValidationError, match=refusal):
        Settings(_env_file=None, environment="production", **overrides)  # type: ignore[arg-type]


def test_production_with_keys_and_listed_origins_is_accepted() -> None:
    settings = Settings(
        _env_file=None,
        environment="production",
        auth={"enabled": True},
        cors_origins=["https://intranet.example"],
    )
    assert settings.auth.enabled and settings.cors_origins == ["https://intranet.example"]
