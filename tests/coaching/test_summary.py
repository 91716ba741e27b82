"""The reflection summary, from a stored (redacted) transcript built by hand."""

from __future__ import annotations

from datetime import UTC, datetime

from typer.testing import CliRunner

from app.catalogue.tools import Catalogue
from app.cli import cli
from app.coaching.summary import ESCALATION_NOTE, as_markdown, summarise
from app.storage.conversations import StoredMessage, Transcript
from tests.conftest import KNOWLEDGE

NOW = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


def _message(n: int, role: str, content: str, **extra: object) -> StoredMessage:
    values: dict[str, object] = {
        "id": n,
        "role": role,
        "content": content,
        "mode": "reflect",
        "status": "ok",
        "escalated": False,
        "sources": [],
        "tools": [],
        "created_at": NOW,
    }
    values.update(extra)
    return StoredMessage(**values)  # type: ignore[arg-type]


def _transcript() -> Transcript:
    messages = [
        _message(
            1,
            "user",
            "[CHILD_1] (DOB [DATE_OF_BIRTH_1]) moved placement again and [PERSON_1] says my "
            "team are too slow; I'm exhausted.",
        ),
        _message(
            2,
            "assistant",
            "Your team are too slow, someone says. *Slow thinking in a crisis* [1] may help.\n\n"
            "A place to start: keep a decision log: what you decided, what you knew, options "
            "rejected and why, and a review date. [2]\n\n"
            "What would you need to know to make the long-term decision well? [3]",
            tools=["slow-thinking"],
        ),
        _message(3, "user", "OK"),
        _message(
            4,
            "assistant",
            "The next move: run a pre-mortem. [1]\n\n"
            "Who could slow you down before you commit? [2]",
            tools=["slow-thinking"],
        ),
        _message(5, "user", "I'll try the decision log with [PERSON_1] on Monday."),
        _message(6, "user", "[CHILD_1] says she will hurt herself tonight", escalated=True),
        _message(7, "assistant", "Please call 999 now about [CHILD_1].", escalated=True),
    ]
    return Transcript("a" * 32, NOW, NOW, {}, messages)


def test_summary_holds_the_dilemma_tools_steps_and_open_questions() -> None:
    summary = summarise(_transcript(), Catalogue.from_directory(KNOWLEDGE))
    assert summary.dilemma == (
        "A child moved placement again and someone says my team are too slow; I'm exhausted."
    )
    assert [t.title for t in summary.tools] == ["Slow thinking in a crisis"]
    assert "I'll try the decision log with someone on Monday." in summary.steps
    assert any(s.startswith("I'll try the decision log") for s in summary.steps)
    assert any(s.startswith("Keep a decision log") for s in summary.steps)  # taken up
    assert "What would you need to know to make the long-term decision well?" in (
        summary.open_questions  # answered only with "OK"
    )
    assert "Who could slow you down before you commit?" in summary.open_questions
    assert summary.escalations == [ESCALATION_NOTE]


def test_nothing_redacted_or_escalated_appears() -> None:
    text = as_markdown(summarise(_transcript(), Catalogue.from_directory(KNOWLEDGE)))
    assert "[" not in text and "hurt herself" not in text and "999" not in text
    assert "## Escalations" in text and ESCALATION_NOTE in text
    assert text.startswith("# Reflection summary")


def test_the_terminal_chat_prints_the_summary(runner: CliRunner) -> None:
    conversation = (
        "My team meetings are dominated by two loud voices and the quieter workers never speak.\n"
        "/summary\n\n"
    )
    result = runner.invoke(cli, ["chat"], input=conversation)
    assert result.exit_code == 0, result.output
    assert result.output.count("roles, not names") == 1  # said once, at the start
    assert "# Reflection summary" in result.output
    assert "> My team meetings are dominated by two loud voices" in result.output
