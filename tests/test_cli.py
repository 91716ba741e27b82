"""The `balcony` command line: keys, plan, chat, eval, purge, serve's workers, and an
unchanged ingest (the rest of ingest has its own file)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.cli.serve import cores
from app.worker import LOCK_ENV
from tests.conftest import REPO, SHARED_EVAL
from tests.utils.documents import copy_knowledge


def test_keys_are_created_listed_and_revoked(runner: CliRunner) -> None:
    created = runner.invoke(cli, ["keys", "create", "--name", "intranet", "--role", "coach"])
    assert created.exit_code == 0, created.output
    key = next(line for line in created.output.splitlines() if line.startswith("bal_"))
    listed = runner.invoke(cli, ["keys", "list"])
    assert key[:12] in listed.output and "coach" in listed.output and "active" in listed.output
    assert key not in listed.output  # only the prefix is ever shown again
    revoked = runner.invoke(cli, ["keys", "revoke", key[:12]])
    assert revoked.exit_code == 0 and "Revoked" in revoked.output
    assert "revoked" in runner.invoke(cli, ["keys", "list"]).output
    bad = runner.invoke(cli, ["keys", "create", "--name", "x", "--role", "owner"])
    assert bad.exit_code == 1 and "Role must be one of" in bad.output


def test_plan_prints_markdown_and_json(runner: CliRunner) -> None:
    focus = "partners don't come to strategy meetings and we have no authority over them"
    markdown = runner.invoke(cli, ["plan", focus, "--minutes", "90"])
    assert markdown.exit_code == 0, markdown.output
    assert "Hard and soft power" in markdown.output and "Systems leadership" in markdown.output
    as_json = runner.invoke(cli, ["plan", focus, "--minutes", "60", "--json"])
    plan = json.loads(as_json.output)
    assert sum(segment["minutes"] for segment in plan["segments"]) == 60
    assert runner.invoke(cli, ["plan", focus, "--minutes", "20"]).exit_code == 2


def test_chat_holds_a_conversation_in_the_terminal(runner: CliRunner) -> None:
    conversation = "How can a leadership team share accountability for improvement?\nAnd then?\n\n"
    result = runner.invoke(cli, ["chat"], input=conversation)
    assert result.exit_code == 0, result.output
    assert result.output.count("balcony>") == 2
    assert "Collective leadership >" in result.output  # the sources are listed
    assert "Conversation " in result.output and "DELETE /v1/sessions/" in result.output
    assert runner.invoke(cli, ["chat", "--mode", "shout"], input="\n").exit_code != 0


def test_chat_ends_on_quit_and_sends_no_mistyped_command(runner: CliRunner) -> None:
    conversation = "/sumary\n/quit\nThis line is never sent\n"
    result = runner.invoke(cli, ["chat"], input=conversation)
    assert result.exit_code == 0, result.output
    assert "/sumary is not a command" in result.output
    assert "balcony>" not in result.output  # nothing reached the coach


def test_eval_commands_print_their_figures(runner: CliRunner) -> None:
    retrieval = runner.invoke(
        cli, ["eval", "retrieval", "--set", str(SHARED_EVAL / "retrieval-dev.jsonl")]
    )
    assert retrieval.exit_code == 0, retrieval.output
    assert "OVERALL" in retrieval.output and "hybrid" in retrieval.output
    safety = runner.invoke(
        cli,
        ["eval", "safety", "--shared", str(SHARED_EVAL), "--project", str(REPO / "tests/data")],
    )
    assert safety.exit_code == 0, safety.output
    assert "hold-out 28 (frozen; short messages; read once in session 22; cues changed" in (
        safety.output
    )
    assert "hold-out 29 (frozen; short messages; read once in session 22; chose" in safety.output
    assert "hold-out 30 (frozen; short messages; read once in session 23; its errors" in (
        safety.output
    )
    assert "hold-out 31 (frozen; short messages; first read in session 24, then chose" in (
        safety.output
    )
    assert "hold-out 32 (frozen; short messages; read once in session 24 before" in safety.output
    assert "hold-out 33 (frozen; short messages; read once in session 25 after" in safety.output
    for retired in (5, 11, 17, 20, 21, 22, 23, 24, 25, 26, 27):  # training lines now, not a check
        assert f"hold-out {retired} " not in safety.output
    assert "escalation recall 1.000" in safety.output  # the shared dev sets
    assert "redaction" in safety.output.lower()
    missing = runner.invoke(cli, ["eval", "safety", "--shared", "/nowhere"])
    assert missing.exit_code == 2 and "Missing evaluation files" in missing.output


def test_purge_reports_what_it_deleted(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["purge"])
    assert result.exit_code == 0 and "conversations older than 90 days deleted" in result.output


def test_an_unchanged_rerun_still_names_the_files_it_skips(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = copy_knowledge(tmp_path, ("vuca",))
    (folder / "minutes.docx").write_text("not really a Word file", encoding="utf-8")
    first = runner.invoke(cli, ["ingest", str(folder)])
    assert (tmp_path / "data" / "ingest-manifest.json").is_file(), first.output

    again = runner.invoke(cli, ["ingest", str(folder)])  # decided from the manifest alone

    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("2 files (0 changed), 0 chunks added")
    assert again.stdout.rstrip().endswith("; 1 skipped")
    assert "skipped knowledge/minutes.docx: it has a .docx name" in again.stderr


def test_serve_runs_one_worker_per_core_with_shared_metrics(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.update(options, app=app))
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "")  # put back as it was afterwards
    monkeypatch.setenv(LOCK_ENV, "")
    metrics = tmp_path / "data" / "metrics"
    metrics.mkdir(parents=True)
    (metrics / "counter_1.db").write_bytes(b"from a previous run")

    result = runner.invoke(cli, ["serve"])

    assert result.exit_code == 0, result.output
    assert started["workers"] == cores() == len(os.sched_getaffinity(0))
    # Each worker builds its own app, one worker at a time, taking turns on a lock file.
    assert (started["app"], started["factory"]) == ("app.worker:create_worker_app", True)
    assert os.environ[LOCK_ENV] == str(tmp_path / "data" / "worker-start.lock")
    assert os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(metrics)
    assert list(metrics.iterdir()) == []  # every start counts from zero
