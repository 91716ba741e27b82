"""`balcony keys`: create, list and revoke API keys (stored hashed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.common import fail, load_settings
from app.core.errors import BalconyError

if TYPE_CHECKING:
    from app.security.keys import KeyStore

keys_cli = typer.Typer(help="Create, list and revoke API keys (stored hashed).")


def _key_store() -> KeyStore:
    from app.security.keys import KeyStore
    from app.storage.database import Database

    return KeyStore(Database(load_settings().database_url))


@keys_cli.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what uses the key, e.g. 'intranet'.")],
    role: Annotated[str, typer.Option(help="coach, facilitator or admin.")] = "coach",
) -> None:
    """Create a key; it is printed once and stored only as a hash."""
    try:
        record, key = _key_store().create(name=name, role=role)
    except BalconyError as error:
        raise fail(error) from error
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
        raise fail(error) from error
    typer.echo(f"Revoked {record.prefix}... ({record.name}).")
