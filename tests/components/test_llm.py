"""The chat model builder: each provider's lazy import, and what a missing package says."""

from __future__ import annotations

import sys

import pytest

from app.components.llm import build_llm
from app.core.config import LLMSettings
from app.core.errors import ConfigurationError


@pytest.mark.parametrize(
    ("provider", "module", "package"),
    [
        ("openai", "langchain_openai", "langchain-openai"),
        ("ollama", "langchain_ollama", "langchain-ollama"),
    ],
)
def test_a_missing_provider_package_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, provider: str, module: str, package: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # `import` of a None entry raises ImportError
    with pytest.raises(ConfigurationError, match=f"pip install {package}"):
        build_llm(LLMSettings(provider=provider, model="m"))


@pytest.mark.parametrize(("provider", "name"), [("openai", "ChatOpenAI"), ("ollama", "ChatOllama")])
def test_an_installed_provider_builds_its_chat_model(provider: str, name: str) -> None:
    model = build_llm(LLMSettings(provider=provider, model="m", base_url="http://127.0.0.1:9"))
    assert type(model).__name__ == name


def test_offline_has_no_model() -> None:
    assert build_llm(LLMSettings(provider="offline")) is None
