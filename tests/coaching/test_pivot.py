"""A follow-up turns to another tool only for a new ask, to a tool both readings agree on."""

from __future__ import annotations

import pytest

from app.coaching.pivot import may_turn, turned_to
from app.coaching.stages import Stage

ASK = "The director wants to cut family support to pay for it. How do I push back on her?"


@pytest.mark.parametrize(
    ("message", "stage", "may"),
    [
        (ASK, "followup", True),
        # About the tool in play: what gets in the way, what was tried, what next.
        (ASK, "obstacles", False),
        (ASK, "tried", False),
        (ASK, "next", False),
        # Too short, or no question of its own.
        ("how about the director?", "followup", False),
        (
            "The director wants to cut family support to pay for it, which worries me.",
            "followup",
            False,
        ),
    ],
)
def test_only_a_new_ask_of_its_own_may_turn(message: str, stage: Stage, may: bool) -> None:
    assert may_turn(message, stage) is may


@pytest.mark.parametrize(
    ("together", "alone", "turned"),
    [
        # Both readings find public value, and the message alone does not find the tool in play.
        (["public-value", "workforce", "vuca"], ["public-value", "slow", "power"], "public-value"),
        (["workforce", "public-value", "vuca"], ["slow", "public-value", "power"], "public-value"),
        # The message alone still finds the tool in play.
        (["public-value", "workforce"], ["power", "workforce", "vuca"], None),
        # No tool both readings agree on.
        (["workforce", "public-value", "vuca"], ["power", "slow", "narrative"], None),
    ],
)
def test_a_new_ask_turns_to_a_tool_both_readings_agree_on(
    together: list[str], alone: list[str], turned: str | None
) -> None:
    assert turned_to("workforce", together, alone) == turned
