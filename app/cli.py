"""The `balcony` command: ingest, serve, eval (and more as features land)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from app.core.config import Settings, get_settings
from app.core.errors import BalconyError
from app.core.logging import configure_logging

cli = typer.Typer(help="Balcony: a reflection coach for leaders in children's social care.")
eval_cli = typer.Typer(help="Measure retrieval and safety on evaluation sets.")
cli.add_typer(eval_cli, name="eval")


def _settings() -> Settings:
    try:
        settings = get_settings()
    except ValueError as error:
        typer.secho(f"Configuration error: {error}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from error
    configure_logging("WARNING")
    return settings


def _fail(error: BalconyError) -> typer.Exit:
    typer.secho(error.message, fg=typer.colors.RED, err=True)
    return typer.Exit(1)


@cli.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders; default: knowledge/ and uploads.")
    ] = None,
) -> None:
    """Index the programme's material (incremental: unchanged files are not re-embedded)."""
    from rich.progress import Progress

    from app.ingest.pipeline import discover
    from app.services import build_services

    settings = _settings()
    try:
        services = build_services(settings)
        targets = list(paths) if paths else services.default_ingest_paths()
        total = len(discover(targets)[0])
        with Progress(disable=not sys.stderr.isatty(), transient=True) as progress:
            task = progress.add_task("Indexing", total=total)
            report = services.ingest(targets, progress=lambda _: progress.advance(task))
    except BalconyError as error:
        raise _fail(error) from error
    for source, reason in report.skipped:
        typer.secho(f"skipped {source}: {reason}", fg=typer.colors.YELLOW, err=True)
    typer.echo(report.summary())


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API (and the web chat) with uvicorn."""
    import uvicorn

    settings = _settings()
    configure_logging(settings.log_level)
    if workers > 1:
        uvicorn.run("app.main:app", host=host, port=port, workers=workers, log_config=None)
    else:
        from app.main import create_app

        uvicorn.run(create_app(settings), host=host, port=port, log_config=None)


@eval_cli.command("retrieval")
def eval_retrieval(
    eval_set: Annotated[Path, typer.Option("--set", help="A retrieval-*.jsonl file.")],
) -> None:
    """Print hit@1, hit@3 and MRR for hybrid, dense-only and BM25-only retrieval."""
    from app.evaluation.retrieval import evaluate, format_report, load_cases
    from app.services import build_services

    settings = _settings()
    try:
        cases = load_cases(eval_set)
        services = build_services(settings)
        if services.retriever.size == 0:
            services.ingest()
        reports = evaluate(services.retriever, cases)
    except BalconyError as error:
        raise _fail(error) from error
    typer.echo(format_report(reports, len(cases)))


def main() -> None:
    cli()
