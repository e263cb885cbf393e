"""Aggregates the v1 resource routers under ``/api/v1``."""

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
api_router.include_router(users.router)
api_router.include_router(api_keys.router)
api_router.include_router(projects.router)
api_router.include_router(datasets.router)
api_router.include_router(crawl_jobs.router)
api_router.include_router(notifications.router)
api_router.include_router(activity.router)
api_router.include_router(policies.router)
