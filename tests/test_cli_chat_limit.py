"""`balcony chat` applies coaching.max_message_chars: says so, sends nothing, and asks again."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from app.cli import cli


def test_a_message_over_the_configured_limit_is_not_sent(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BALCONY_COACHING__MAX_MESSAGE_CHARS", "120")
    long = "How can a leadership team share accountability? " * 4  # 196 characters
    short = "How can a leadership team share accountability for improvement?"
    result = runner.invoke(cli, ["chat"], input=f"{long}\n{short}\n\n")
    assert result.exit_code == 0, result.output
    assert "the limit is 120" in result.output and "It was not sent" in result.output
    assert result.output.count("balcony>") == 1  # only the short one was answered
