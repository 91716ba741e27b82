"""`balcony ingest`: a one-line summary, incremental re-runs, unreadable files named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from tests.utils.documents import copy_knowledge

SUMMARY = re.compile(
    r"^(\d+) files \((\d+) changed\), (\d+) chunks added, (\d+) updated, (\d+) removed, "
    r"\d+\.\d s(; \d+ skipped)?$"
)


def summary(output: str) -> re.Match[str]:
    lines = output.strip().splitlines()
    match = SUMMARY.match(lines[-1])
    assert match, output
    return match


def test_ingest_prints_a_summary_and_a_rerun_adds_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, ("vuca", "public-value"))

    first = runner.invoke(cli, ["ingest", str(folder)])
    second = runner.invoke(cli, ["ingest", str(folder)])

    assert first.exit_code == 0, first.output
    files, changed, added, updated, removed, _ = summary(first.stdout).groups()
    assert (files, changed, updated, removed) == ("2", "2", "0", "0")
    assert int(added) > 0
    assert second.exit_code == 0, second.output
    assert summary(second.stdout).groups()[:5] == ("2", "0", "0", "0", "0")
    assert (tmp_path / "data" / "chroma").is_dir()


def test_unreadable_file_is_named_and_the_run_still_succeeds(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, ("vuca",))
    (folder / "minutes.docx").write_text("not really a Word file", encoding="utf-8")

    result = runner.invoke(cli, ["ingest", str(folder)])

    assert result.exit_code == 0, result.output
    assert "skipped knowledge/minutes.docx: it has a .docx name but is not a .docx file" in (
        result.stderr
    )
    assert summary(result.stdout).group(6) == "; 1 skipped"


def test_default_is_the_shipped_knowledge_and_uploads(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    knowledge = copy_knowledge(tmp_path / "copy", ("slow-thinking",))
    monkeypatch.setenv("BALCONY_KNOWLEDGE_DIR", str(knowledge))
    uploads = tmp_path / "data" / "uploads"
    uploads.mkdir(parents=True)
    (uploads / "notes.txt").write_text("Our own handout.", encoding="utf-8")

    result = runner.invoke(cli, ["ingest"])

    assert result.exit_code == 0, result.output
    assert summary(result.stdout).groups()[:2] == ("2", "2")
