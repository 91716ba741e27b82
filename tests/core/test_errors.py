"""The project's exceptions carry a message a person can act on and the status it maps to."""

from __future__ import annotations

import pytest

from app.core import errors

EXPECTED_STATUS = {
    errors.BalconyError: 500,
    errors.NotFoundError: 404,
    errors.InvalidInputError: 422,
    errors.UnreadableFileError: 415,
    errors.StoreUnavailableError: 503,
    errors.IndexEmptyError: 503,
    errors.ProviderError: 502,
    errors.ProviderTimeoutError: 504,
    errors.ConfigurationError: 500,
    errors.TurnBusyError: 409,
}


@pytest.mark.parametrize(("kind", "status"), EXPECTED_STATUS.items())
def test_each_error_keeps_its_message_and_status(
    kind: type[errors.BalconyError], status: int
) -> None:
    error = kind("Check BALCONY_DATA_DIR.")
    assert (error.message, str(error), error.status_code) == (
        "Check BALCONY_DATA_DIR.",
        "Check BALCONY_DATA_DIR.",
        status,
    )


def test_every_error_class_is_listed() -> None:
    defined = {
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.BalconyError)
    }
    assert defined == set(EXPECTED_STATUS)


def test_a_provider_timeout_is_caught_as_a_provider_error() -> None:
    with pytest.raises(errors.ProviderError):
        raise errors.ProviderTimeoutError("slow")
