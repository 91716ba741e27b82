"""`balcony chat`: a coaching conversation in the terminal."""

from __future__ import annotations

import re
from typing import Annotated, cast, get_args

import typer

from app.cli.common import load_settings
from app.coaching.modes import RequestedMode
from app.core.errors import BalconyError

MODES = get_args(RequestedMode)
QUIT_COMMANDS = frozenset({"/quit", "/exit", "/q", "/bye"})


def too_long(message: str, limit: int) -> str | None:
    """What to tell the leader when the message is over the configured limit, else None."""
    if len(message) <= limit:
        return None
    return (
        f"That message is {len(message):,} characters; the limit is {limit:,} "
        f"({len(message) - limit:,} too many). It was not sent: say it more briefly "
        "and send it again."
    )


def chat(
    mode: Annotated[str, typer.Option(help=f"{', '.join(MODES[:-1])} or {MODES[-1]}.")] = "auto",
    session: Annotated[str | None, typer.Option(help="Continue a conversation by id.")] = None,
) -> None:
    """Hold a coaching conversation in the terminal (the same chain as the API)."""
    import asyncio

    from app.services import build_services

    if mode not in MODES:
        raise typer.BadParameter(f"mode must be {', '.join(MODES[:-1])} or {MODES[-1]}")
    requested = cast(RequestedMode, mode)
    settings = load_settings()
    limit = settings.coaching.max_message_chars
    services = build_services(settings)
    if not services.material.size:
        typer.echo("Indexing the knowledge base first...")  # said before the wait, not after
    services.ensure_indexed()
    typer.echo(
        "Balcony. Tell me what is happening. /summary prints a summary to take to supervision;\n"
        "an empty line, /quit or Ctrl-D ends the conversation.\n"
    )
    session_id = session
    while True:
        try:
            message = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not message or message.lower() in QUIT_COMMANDS:
            break
        if _unknown_command(message):
            # A mistyped command is not a dilemma: say so rather than send it to the coach.
            typer.secho(f"{message.split()[0]} is not a command: /summary or /quit.\n", err=True)
            continue
        if message == "/summary":
            from app.coaching.summary import as_markdown, summarise

            if session_id is None:
                typer.echo("Nothing to summarise yet.\n")
            else:
                transcript = services.conversations.get(session_id)
                typer.echo("\n" + as_markdown(summarise(transcript, services.catalogue)))
            continue
        if warning := too_long(message, limit):
            typer.secho(warning + "\n", fg=typer.colors.YELLOW)
            continue
        try:
            outcome = asyncio.run(
                services.chat.reply(message, session_id=session_id, mode=requested)
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


def _unknown_command(message: str) -> bool:
    """ "/sumary" is a slip; "/ the rota" or a path is a message."""
    word = message.split()[0]
    return bool(re.fullmatch(r"/[a-z]+", word.lower())) and word.lower() != "/summary"
