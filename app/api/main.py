"""Collect the routers in one place."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.routes import (
    admin,
    chat,
    facilitator,
    health,
    insights,
    openai_compat,
    retrieve,
    sessions,
    summary,
    tools,
)
from app.api.security import AdminAccess, CoachAccess, FacilitatorAccess

api_router = APIRouter()
api_router.include_router(health.router)
api_router.include_router(retrieve.router, dependencies=[CoachAccess])
api_router.include_router(tools.router, dependencies=[CoachAccess])
api_router.include_router(chat.router, dependencies=[CoachAccess])
api_router.include_router(sessions.router, dependencies=[CoachAccess])
api_router.include_router(summary.router, dependencies=[CoachAccess])
api_router.include_router(insights.feedback_router, dependencies=[CoachAccess])
api_router.include_router(insights.insights_router, dependencies=[FacilitatorAccess])
api_router.include_router(facilitator.router, dependencies=[FacilitatorAccess])
api_router.include_router(admin.router, dependencies=[AdminAccess])
api_router.include_router(openai_compat.router, dependencies=[CoachAccess])
