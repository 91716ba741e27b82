"""The `balcony` command: ingest, serve, eval (and more as features land)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.core.config import Settings, get_settings
from app.core.errors import BalconyError
from app.core.logging import configure_logging

if TYPE_CHECKING:
    from app.security.keys import KeyStore

cli = typer.Typer(help="Balcony: a reflection coach for leaders in children's social care.")
eval_cli = typer.Typer(help="Measure retrieval and safety on evaluation sets.")
keys_cli = typer.Typer(help="Create, list and revoke API keys (stored hashed).")
cli.add_typer(eval_cli, name="eval")
cli.add_typer(keys_cli, name="keys")


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
        uvicorn.run(
            "app.main:app",
            host=host,
            port=port,
            workers=workers,
            log_config=None,
            access_log=False,
        )
    else:
        from app.main import create_app

        # uvicorn's access log prints query strings, which may hold personal data:
        # requests are logged by route template in app/api/middleware.py instead.
        uvicorn.run(create_app(settings), host=host, port=port, log_config=None, access_log=False)


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
        services.ensure_indexed()
        reports = evaluate(services.retriever, cases)
    except BalconyError as error:
        raise _fail(error) from error
    typer.echo(format_report(reports, len(cases)))


@cli.command()
def chat(
    mode: Annotated[str, typer.Option(help="auto, crisis or reflect.")] = "auto",
    session: Annotated[str | None, typer.Option(help="Continue a conversation by id.")] = None,
) -> None:
    """Hold a coaching conversation in the terminal (the same chain as the API)."""
    import asyncio

    from app.services import build_services

    if mode not in ("auto", "crisis", "reflect"):
        raise typer.BadParameter("mode must be auto, crisis or reflect")
    settings = _settings()
    services = build_services(settings)
    if not services.retriever.size:
        typer.echo("Indexing the knowledge base first...")  # said before the wait, not after
    services.ensure_indexed()
    typer.echo(
        "Balcony. Tell me what is happening. An empty line or Ctrl-D ends the conversation.\n"
    )
    session_id = session
    while True:
        try:
            message = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not message:
            break
        try:
            outcome = asyncio.run(
                services.chat.reply(message, session_id=session_id, mode=mode)  # type: ignore[arg-type]
            )
        except BalconyError as error:
            typer.secho(error.message, fg=typer.colors.RED)
            continue
        session_id = outcome.session_id
        typer.echo(f"\nbalcony> {outcome.reply}\n")
        for number, source in enumerate(outcome.sources, start=1):
            typer.echo(f"  [{number}] {source.heading}")
        typer.echo("")
    if session_id:
        typer.echo(f"Conversation {session_id} (delete it with DELETE /v1/sessions/{session_id}).")


@cli.command()
def purge() -> None:
    """Delete conversations older than the retention period (BALCONY_DATABASE__RETENTION_DAYS)."""
    from app.storage.conversations import ConversationStore
    from app.storage.database import Database

    settings = _settings()
    store = ConversationStore(Database(settings.database_url))
    removed = store.purge_older_than(settings.database.retention_days)
    typer.echo(
        f"{removed} conversations older than {settings.database.retention_days} days deleted."
    )


def _key_store() -> KeyStore:
    from app.security.keys import KeyStore
    from app.storage.database import Database

    return KeyStore(Database(_settings().database_url))


@keys_cli.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what uses the key, e.g. 'intranet'.")],
    role: Annotated[str, typer.Option(help="coach, facilitator or admin.")] = "coach",
) -> None:
    """Create a key; it is printed once and stored only as a hash."""
    try:
        record, key = _key_store().create(name=name, role=role)
    except BalconyError as error:
        raise _fail(error) from error
    typer.echo(f"Created key {record.prefix}... ({record.role}) for {record.name}:")
    typer.echo(key)
    typer.echo("Keep it somewhere safe: it cannot be shown again.")


@keys_cli.command("list")
def keys_list() -> None:
    """List keys by prefix, role and state (never the keys themselves)."""
    for record in _key_store().list():
        state = "revoked" if record.revoked else "active"
        typer.echo(f"{record.prefix}...  {record.role:<11} {state:<8} {record.name}")


@keys_cli.command("revoke")
def keys_revoke(
    prefix: Annotated[str, typer.Argument(help="The key's prefix, e.g. bal_AbCd.")],
) -> None:
    """Revoke a key at once."""
    try:
        record = _key_store().revoke(prefix)
    except BalconyError as error:
        raise _fail(error) from error
    typer.echo(f"Revoked {record.prefix}... ({record.name}).")


@cli.command()
def plan(
    focus: Annotated[str, typer.Argument(help="The team's current challenge, in their words.")],
    minutes: Annotated[
        int, typer.Option("--minutes", "-m", min=30, max=240, help="Length of the session.")
    ] = 90,
    tool: Annotated[
        list[str] | None,
        typer.Option("--tool", "-t", help="A tool id; repeat for more. Default: from the focus."),
    ] = None,
    group_size: Annotated[
        int, typer.Option("--group-size", "-g", min=2, max=40, help="People in the room.")
    ] = 8,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the plan to this file.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of Markdown.")] = False,
) -> None:
    """Plan a programme session from the material, ready to print (Markdown)."""
    from pydantic import ValidationError

    from app.facilitator import build_plan, render_plan_markdown
    from app.facilitator.schemas import PlanRequest
    from app.services import build_services

    settings = _settings()
    try:
        request = PlanRequest(
            tools=tool or None, focus=focus, duration_minutes=minutes, group_size=group_size
        )
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        typer.secho(problems, fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from error
    try:
        services = build_services(settings)
        services.ensure_indexed()
        session = build_plan(
            request,
            catalogue=services.catalogue,
            retriever=services.retriever,
            tailor=services.tailor,
        )
    except BalconyError as error:
        raise _fail(error) from error
    text = session.model_dump_json(indent=2) if as_json else render_plan_markdown(session)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Wrote {output}")
    else:
        typer.echo(text, nl=False)


@eval_cli.command("safety")
def eval_safety(
    shared: Annotated[
        Path, typer.Option(help="Folder with safeguarding-dev.jsonl and pii-dev.jsonl.")
    ] = Path("../shared/eval"),
    generated: Annotated[
        Path, typer.Option(help="Folder with the project's generated sets.")
    ] = Path("tests/data"),
) -> None:
    """Print escalation recall, false escalations and redaction recall on each set."""
    from app.components.embedding import build_embedder
    from app.evaluation.safety import (
        calibrate_threshold,
        evaluate_redaction,
        evaluate_safeguarding,
        format_safety_report,
    )
    from app.safety.redaction import Redactor
    from app.safety.safeguarding import SafeguardingCheck

    settings = _settings()
    check = SafeguardingCheck(build_embedder(settings.embedding))
    sets = {"dev": shared, "generated": generated}
    safeguarding_files = {
        name: folder / f"safeguarding-{name}.jsonl" for name, folder in sets.items()
    }
    pii_files = {name: folder / f"pii-{name}.jsonl" for name, folder in sets.items()}
    missing = [
        str(p) for p in [*safeguarding_files.values(), *pii_files.values()] if not p.is_file()
    ]
    if missing:
        typer.secho(
            f"Missing evaluation files: {', '.join(missing)}", fg=typer.colors.RED, err=True
        )
        raise typer.Exit(2)
    calibration = calibrate_threshold(check, safeguarding_files["generated"])
    redactor = Redactor(b"evaluation-only")
    typer.echo(
        format_safety_report(
            {n: evaluate_safeguarding(check, p) for n, p in safeguarding_files.items()},
            {n: evaluate_redaction(redactor, p) for n, p in pii_files.items()},
            calibration=calibration,
            threshold=check.threshold,
        )
    )


def main() -> None:
    cli()
