"""The shared evaluation sets beside the checkout (../shared/eval), read only when a test runs."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

SHARED_EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def shared_eval_file(name: str) -> Path:
    """The set's path; a missing set skips the test, but fails it when CI is set."""
    path = SHARED_EVAL / name
    if not path.is_file():
        message = f"{path} is not here (../shared/eval sits beside the checkout)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so not skipping: {message}")
        pytest.skip(message)
    return path


def shared_eval_rows(name: str) -> list[dict[str, Any]]:
    """The set's JSON lines (skipping or failing as shared_eval_file does)."""
    text = shared_eval_file(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
