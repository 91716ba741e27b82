"""Whole minutes for a session's parts: shares that always add up exactly to the total."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Below this a tool's exercise cannot be run in any useful form.
MIN_TOOL_MINUTES = 15
# An exercise is stretched at most this much; longer sessions spend the rest applying the tool.
MAX_STRETCH = 1.5
DISCUSSION_MINUTES = 10
APPLICATION_MINUTES = 15


def half_up(value: float) -> int:
    """Round to the nearest whole number, halves upwards (round() rounds halves to even)."""
    return math.floor(value + 0.5)


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def apportion(total: int, weights: Sequence[float], minimum: int = 1) -> list[int]:
    """Split total into whole parts in proportion to weights, each at least minimum."""
    if not weights:
        raise ValueError("nothing to apportion between")
    if any(w <= 0 for w in weights):
        raise ValueError("weights must be positive")
    if total < minimum * len(weights):
        raise ValueError(f"{total} cannot give {len(weights)} parts {minimum} each")
    fixed: dict[int, int] = {}
    # Parts whose share falls below the minimum get the minimum; the rest share what is left.
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        remaining = total - sum(fixed.values())
        weight = sum(weights[i] for i in free)
        shares = {i: remaining * weights[i] / weight for i in free}
        low = [i for i in free if shares[i] < minimum]
        if not low:
            break
        fixed.update(dict.fromkeys(low, minimum))
    parts = {i: math.floor(s) for i, s in shares.items()} | fixed
    leftover = total - sum(parts.values())
    # Largest remainder first; ties go to the earlier part so the result is deterministic.
    for i in sorted(free, key=lambda i: (-(shares[i] - math.floor(shares[i])), i))[:leftover]:
        parts[i] += 1
    return [parts[i] for i in range(len(weights))]


@dataclass(frozen=True)
class SessionTimings:
    check_in: int
    tools: list[int]
    breaks: list[int]
    reflection: int
    close: int

    @property
    def total(self) -> int:
        return self.check_in + sum(self.tools) + sum(self.breaks) + self.reflection + self.close


def overhead(duration: int) -> tuple[int, list[int], int, int]:
    """Check-in, breaks, reflection and close for a session of this length."""
    check_in = clamp(half_up(duration * 0.08), 3, 15)
    reflection = clamp(half_up(duration * 0.10), 4, 20)
    close = clamp(half_up(duration * 0.08), 3, 15)
    breaks = [] if duration < 120 else [10] if duration < 180 else [15]
    return check_in, breaks, reflection, close


def tools_that_fit(duration: int) -> int:
    """How many tools' exercises a session of this length can hold."""
    check_in, breaks, reflection, close = overhead(duration)
    room = duration - check_in - sum(breaks) - reflection - close
    return max(1, room // MIN_TOOL_MINUTES)


def session_timings(duration: int, exercise_minutes: Sequence[int]) -> SessionTimings:
    """Minutes for each part; tools share their time in proportion to their exercises."""
    check_in, breaks, reflection, close = overhead(duration)
    room = duration - check_in - sum(breaks) - reflection - close
    tools = apportion(room, [max(m, 1) for m in exercise_minutes], minimum=MIN_TOOL_MINUTES)
    return SessionTimings(check_in, tools, breaks, reflection, close)


@dataclass(frozen=True)
class ToolTimings:
    exercise: int
    application: int
    discussion: int

    @property
    def total(self) -> int:
        return self.exercise + self.application + self.discussion


def tool_timings(budget: int, exercise_minutes: int, *, can_apply: bool = True) -> ToolTimings:
    """Fit an exercise into a tool's budget, with discussion and, given room, application."""
    natural = max(exercise_minutes, 1)
    if not can_apply or budget < natural + DISCUSSION_MINUTES + 10:
        discussion = clamp(half_up(budget * DISCUSSION_MINUTES / (natural + 10)), 3, budget // 3)
        return ToolTimings(budget - discussion, 0, discussion)
    exercise, application, discussion = apportion(
        budget, [natural, APPLICATION_MINUTES, DISCUSSION_MINUTES], minimum=5
    )
    if exercise > natural * MAX_STRETCH:
        # Past the stretch limit the extra time goes to applying the tool and discussing it.
        exercise = half_up(natural * MAX_STRETCH)
        application, discussion = apportion(
            budget - exercise, [APPLICATION_MINUTES, DISCUSSION_MINUTES], minimum=5
        )
    return ToolTimings(exercise, application, discussion)
