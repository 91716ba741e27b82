"""The chat model: none (the offline coach), any OpenAI-compatible endpoint, or Ollama."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from pydantic import SecretStr

from app.core.config import LLMSettings
from app.core.errors import ConfigurationError, ProviderError, ProviderTimeoutError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel


@contextmanager
def _needs(package: str, *, provider: str) -> Iterator[None]:
    """Import a provider lazily; a missing package is answered with what to install."""
    try:
        yield
    except ImportError as error:
        raise ConfigurationError(
            f"The {provider} provider needs {package}: pip install {package}"
        ) from error


def build_llm(settings: LLMSettings) -> BaseChatModel | None:
    """Return the configured chat model, or None for the built-in offline coach."""
    match settings.provider:
        case "offline":
            return None
        case "openai":
            with _needs("langchain-openai", provider="openai"):
                from langchain_openai import ChatOpenAI
            if not settings.model:
                raise ConfigurationError(
                    "BALCONY_LLM__MODEL is required for the openai provider (e.g. gpt-4o-mini)."
                )
            return ChatOpenAI(
                model=settings.model,
                base_url=settings.base_url,
                # Local servers (vLLM, llama.cpp, LM Studio) accept any key.
                api_key=settings.api_key or SecretStr("not-needed"),
                timeout=settings.timeout_seconds,
                max_retries=settings.max_retries,
                temperature=settings.temperature,
                streaming=True,
            )
        case "ollama":
            with _needs("langchain-ollama", provider="ollama"):
                from langchain_ollama import ChatOllama
            return ChatOllama(
                model=settings.model or "llama3.1",
                base_url=settings.base_url or "http://127.0.0.1:11434",
                temperature=settings.temperature,
                client_kwargs={"timeout": settings.timeout_seconds},
            )


def describe_provider(settings: LLMSettings) -> str:
    where = settings.base_url or "the provider's default address"
    return f"{settings.provider} model {settings.model or '(default)'} at {where}"


@contextmanager
def provider_errors(settings: LLMSettings) -> Iterator[None]:
    """Turn any provider failure into a ProviderError that says what to check."""
    try:
        yield
    except ProviderError:
        raise
    except Exception as error:
        raise translate_provider_error(error, settings) from error


def translate_provider_error(error: Exception, settings: LLMSettings) -> ProviderError:
    name = type(error).__name__
    target = describe_provider(settings)
    if "Timeout" in name or isinstance(error, TimeoutError):
        return ProviderTimeoutError(
            f"The language model ({target}) did not answer within "
            f"{settings.timeout_seconds:g} s. Your message is saved; retry, or raise "
            "BALCONY_LLM__TIMEOUT_SECONDS."
        )
    status = getattr(error, "status_code", None)
    if status in (401, 403):
        hint = "check BALCONY_LLM__API_KEY"
    elif status == 404:
        hint = "check BALCONY_LLM__MODEL and BALCONY_LLM__BASE_URL"
    elif status == 429:
        hint = "the provider is rate-limiting; wait a moment"
    elif "Connect" in name or isinstance(error, ConnectionError):
        hint = "check that the server is running and BALCONY_LLM__BASE_URL is right"
    else:
        hint = "check the provider's status and logs"
    detail = f" (HTTP {status})" if status else f" ({name})"
    return ProviderError(
        f"The language model ({target}) failed{detail}: {hint}. Your message is saved; "
        "retry when it is back."
    )
