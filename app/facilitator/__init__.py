"""Facilitator tools: session plans and prompt cards composed from the programme's material."""

from app.facilitator.cards import prompt_cards
from app.facilitator.markdown import render_plan_markdown
from app.facilitator.plans import Tailor, build_plan

__all__ = ["Tailor", "build_plan", "prompt_cards", "render_plan_markdown"]
