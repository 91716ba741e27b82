"""`balcony plan`: a programme session plan from the material, ready to print."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from app.cli.common import fail, load_settings
from app.core.errors import BalconyError


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

    from app.facilitator import render_plan_markdown
    from app.facilitator.schemas import PlanRequest
    from app.services import build_services

    settings = load_settings()
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
        session = services.planner.plan(request)
    except BalconyError as error:
        raise fail(error) from error
    text = session.model_dump_json(indent=2) if as_json else render_plan_markdown(session)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Wrote {output}")
    else:
        typer.echo(text, nl=False)
