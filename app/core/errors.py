"""The project's own exceptions; the API maps them to responses in one place."""

from __future__ import annotations


class BalconyError(Exception):
    """Base class: a message a person can act on."""

    status_code = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(BalconyError):
    status_code = 404


class InvalidInputError(BalconyError):
    status_code = 422


class UnreadableFileError(BalconyError):
    """A file that cannot be read, or is not what its extension says."""

    status_code = 415


class StoreUnavailableError(BalconyError):
    """The vector store (embedded Chroma or a Chroma server) cannot be reached."""

    status_code = 503


class IndexEmptyError(BalconyError):
    status_code = 503


class ProviderError(BalconyError):
    """The language-model provider failed or returned something unusable."""

    status_code = 502


class ProviderTimeoutError(ProviderError):
    status_code = 504


class ConfigurationError(BalconyError):
    status_code = 500


class TurnBusyError(BalconyError):
    """Another turn of the same conversation is still being answered; nothing was stored."""

    status_code = 409
