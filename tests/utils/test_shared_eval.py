"""A missing shared set skips a test on a developer's machine and fails it under CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.utils import shared_eval
from tests.utils.shared_eval import shared_eval_file, shared_eval_rows


def test_a_missing_set_skips_without_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(shared_eval, "SHARED_EVAL", tmp_path)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"missing\.jsonl is not here"):
        shared_eval_file("missing.jsonl")


def test_a_missing_set_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(shared_eval, "SHARED_EVAL", tmp_path)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        shared_eval_file("missing.jsonl")


def test_a_present_set_is_read_line_by_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "set.jsonl").write_text('{"id": "a"}\n\n{"id": "b"}\n', encoding="utf-8")
    monkeypatch.setattr(shared_eval, "SHARED_EVAL", tmp_path)
    assert shared_eval_rows("set.jsonl") == [{"id": "a"}, {"id": "b"}]
