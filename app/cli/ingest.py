"""`balcony ingest`: index the programme's material."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from app.cli.common import fail, load_settings
from app.core.errors import BalconyError


def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders; default: knowledge/ and uploads.")
    ] = None,
) -> None:
    """Index the programme's material (incremental: unchanged files are not re-embedded)."""
    from rich.progress import Progress

    from app.ingest.pipeline import discover
    from app.services import build_services

    settings = load_settings()
    try:
        services = build_services(settings)
        targets = list(paths) if paths else services.default_ingest_paths()
        total = len(discover(targets)[0])
        with Progress(disable=not sys.stderr.isatty(), transient=True) as progress:
            task = progress.add_task("Indexing", total=total)
            report = services.ingest(targets, progress=lambda _: progress.advance(task))
    except BalconyError as error:
        raise fail(error) from error
    for source, reason in report.skipped:
        typer.secho(f"skipped {source}: {reason}", fg=typer.colors.YELLOW, err=True)
    typer.echo(report.summary())
