"""The `balcony` command: one module per command group, registered here.

Each module imports only what its command needs, inside the command, so that
`balcony --help` and a no-change `balcony ingest` start without the heavy stack.
"""

from __future__ import annotations

import typer

from app.cli.chat import chat
from app.cli.evaluate import eval_cli
from app.cli.ingest import ingest
from app.cli.keys import keys_cli
from app.cli.plan import plan
from app.cli.purge import purge
from app.cli.serve import serve

cli = typer.Typer(help="Balcony: a reflection coach for leaders in children's social care.")
cli.command()(ingest)
cli.command()(serve)
cli.command()(chat)
cli.command()(purge)
cli.command()(plan)
cli.add_typer(eval_cli, name="eval")
cli.add_typer(keys_cli, name="keys")

__all__ = ["cli", "main"]


def main() -> None:
    cli()
