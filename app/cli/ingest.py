"""`balcony ingest`: index the programme's material."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.common import fail, load_settings
from app.core.errors import BalconyError

if TYPE_CHECKING:
    from app.ingest.pipeline import IngestReport


def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders; default: knowledge/ and uploads.")
    ] = None,
) -> None:
    """Index the programme's material (incremental: unchanged files are not re-embedded)."""
    from app.ingest.manifest import default_paths, quick_check

    settings = load_settings()
    # Hash the files first: when nothing changed, the model and the store are never loaded.
    unchanged = quick_check(settings, list(paths) if paths else default_paths(settings))
    if unchanged is not None:
        _print(unchanged)
        return

    from rich.progress import Progress

    from app.ingest.pipeline import discover
    from app.services import build_services

    try:
        # Ingesting needs no coaching material embedded: that is for serving.
        services = build_services(settings, warm_material=False)
        targets = list(paths) if paths else services.default_ingest_paths()
        total = len(discover(targets)[0])
        with Progress(disable=not sys.stderr.isatty(), transient=True) as progress:
            task = progress.add_task("Indexing", total=total)
            report = services.ingest(targets, progress=lambda _: progress.advance(task))
    except BalconyError as error:
        raise fail(error) from error
    _print(report)


def _print(report: IngestReport) -> None:
    for source, reason in report.skipped:
        typer.secho(f"skipped {source}: {reason}", fg=typer.colors.YELLOW, err=True)
    typer.echo(report.summary())
