"""Collect the routers in one place."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.routes import admin, health, retrieve, tools

api_router = APIRouter()
api_router.include_router(health.router)
api_router.include_router(retrieve.router)
api_router.include_router(tools.router)
api_router.include_router(admin.router)
