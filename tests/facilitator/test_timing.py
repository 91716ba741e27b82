"""Whole minutes that always add up: apportioning, session budgets and a tool's own timings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.facilitator.timing import (
    MAX_STRETCH,
    MIN_TOOL_MINUTES,
    apportion,
    half_up,
    session_timings,
    tool_timings,
    tools_that_fit,
)


def test_half_up_rounds_halves_upwards() -> None:
    assert [half_up(x) for x in (2.5, 3.5, 2.49, 0.5)] == [3, 4, 2, 1]


def test_apportion_keeps_proportion_and_total() -> None:
    assert apportion(90, [5, 10, 10, 10]) == [13, 26, 26, 25]
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]


def test_apportion_raises_small_parts_to_the_minimum() -> None:
    assert apportion(30, [1, 100], minimum=5) == [5, 25]


def test_apportion_refuses_the_impossible() -> None:
    with pytest.raises(ValueError, match="cannot give"):
        apportion(5, [1, 1, 1], minimum=2)
    with pytest.raises(ValueError, match="nothing"):
        apportion(5, [])


@given(
    weights=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=8),
    extra=st.integers(min_value=0, max_value=300),
    minimum=st.integers(min_value=0, max_value=15),
)
def test_apportion_always_adds_up(weights: list[int], extra: int, minimum: int) -> None:
    total = minimum * len(weights) + extra
    parts = apportion(total, weights, minimum=minimum)
    assert sum(parts) == total
    assert all(p >= minimum for p in parts)
    if minimum == 0:
        # Without a floor, each part is within one minute of its exact share.
        assert all(
            abs(p - total * w / sum(weights)) < 1 for p, w in zip(parts, weights, strict=True)
        )


@pytest.mark.parametrize(("duration", "fits"), [(30, 1), (45, 2), (60, 2), (90, 4), (240, 11)])
def test_tools_that_fit_grows_with_the_session(duration: int, fits: int) -> None:
    assert tools_that_fit(duration) == fits


@given(
    duration=st.integers(min_value=30, max_value=240),
    exercises=st.lists(st.integers(min_value=20, max_value=60), min_size=1, max_size=3),
)
def test_session_timings_add_up_to_the_duration(duration: int, exercises: list[int]) -> None:
    exercises = exercises[: tools_that_fit(duration)]
    timings = session_timings(duration, exercises)
    assert timings.total == duration
    assert all(m >= MIN_TOOL_MINUTES for m in timings.tools)
    assert timings.check_in >= 3 and timings.reflection >= 4 and timings.close >= 3


def test_long_sessions_get_a_break() -> None:
    assert session_timings(90, [35]).breaks == []
    assert session_timings(120, [35]).breaks == [10]
    assert session_timings(240, [35]).breaks == [15]


@given(budget=st.integers(min_value=MIN_TOOL_MINUTES, max_value=200), natural=st.integers(1, 60))
def test_tool_timings_fill_the_budget_exactly(budget: int, natural: int) -> None:
    timings = tool_timings(budget, natural)
    assert timings.total == budget
    assert timings.exercise >= 1 and timings.discussion >= 3
    assert timings.exercise <= max(budget, round(natural * MAX_STRETCH) + 1)


def test_short_budgets_compress_the_exercise_and_skip_application() -> None:
    timings = tool_timings(16, 35)
    assert (timings.exercise, timings.application, timings.discussion) == (12, 0, 4)


def test_long_budgets_stretch_the_exercise_at_most_half_again() -> None:
    timings = tool_timings(175, 30)
    assert timings.exercise == 45
    assert timings.application > timings.discussion > 0
    assert tool_timings(175, 30, can_apply=False).application == 0
