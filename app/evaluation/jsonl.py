"""Read an evaluation set: one JSON object per line, with the fields a measure needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.core.errors import InvalidInputError


def read_rows(
    path: Path, required: tuple[str, ...], what: str = "evaluation row"
) -> list[dict[str, Any]]:
    """Rows with the required fields; a missing `id` becomes the line number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InvalidInputError(
            f"Cannot read the evaluation set {path}: {error.strerror}"
        ) from error
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InvalidInputError(
                f"{path}:{number} is not a {what} (not JSON: {error.msg})"
            ) from error
        if not isinstance(row, dict) or any(key not in row for key in required):
            raise InvalidInputError(
                f"{path}:{number} is not a {what}: it needs the fields {', '.join(required)}"
            )
        row.setdefault("id", str(number))
        rows.append(row)
    return rows
