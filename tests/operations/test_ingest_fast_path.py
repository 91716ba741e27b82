"""`balcony ingest` with nothing changed decides from hashes, without the model or the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.operations.processes import balcony_env, heavy_modules, run_balcony
from tests.utils.documents import copy_knowledge

pytestmark = pytest.mark.slow


def changed(output: str) -> str:
    """The '(N changed)' count of the summary line."""
    summary = output.strip().splitlines()[-1]
    return summary.split("(", 1)[1].split(" ", 1)[0]


def test_nothing_changed_is_decided_without_loading_the_stack(tmp_path: Path) -> None:
    folder = copy_knowledge(tmp_path, ("vuca", "public-value"))
    env = balcony_env(tmp_path / "data", BALCONY_KNOWLEDGE_DIR=str(folder))

    first = run_balcony(env, "ingest", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert changed(first.stdout) == "2"

    again = run_balcony(env, "ingest", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().startswith("2 files (0 changed), 0 chunks added")
    assert heavy_modules(again) == []  # neither the model nor chromadb was imported

    (folder / "vuca.md").write_text(
        (folder / "vuca.md").read_text(encoding="utf-8") + "\nA line added today.\n",
        encoding="utf-8",
    )
    edited = run_balcony(env, "ingest", cwd=tmp_path)
    assert edited.returncode == 0, edited.stderr
    assert changed(edited.stdout) == "1"
    assert "chromadb" in heavy_modules(edited)

    # An index deleted behind the manifest's back is noticed: everything is indexed again.
    shutil.rmtree(tmp_path / "data" / "chroma")
    rebuilt = run_balcony(env, "ingest", cwd=tmp_path)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert changed(rebuilt.stdout) == "2"
