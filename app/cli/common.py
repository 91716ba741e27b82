"""What every `balcony` command shares: settings loaded once, errors printed plainly."""

from __future__ import annotations

import typer

from app.core.config import Settings, get_settings
from app.core.errors import BalconyError
from app.core.logging import configure_logging


def load_settings() -> Settings:
    try:
        settings = get_settings()
    except ValueError as error:
        typer.secho(f"Configuration error: {error}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from error
    configure_logging("WARNING")
    return settings


def fail(error: BalconyError) -> typer.Exit:
    typer.secho(error.message, fg=typer.colors.RED, err=True)
    return typer.Exit(1)
