"""The version 1 API router: every resource router under ``/api/v1``."""

from fastapi import APIRouter

from backend.api.v1.endpoints import (
    activity,
    api_keys,
    crawl_jobs,
    datasets,
    notifications,
    policies,
    projects,
    users,
)

__all__ = ["api_router"]

api_router = APIRouter(prefix="/api/v1")
for module in (users, api_keys, projects, datasets, crawl_jobs, notifications, activity, policies):
    api_router.include_router(module.router)
