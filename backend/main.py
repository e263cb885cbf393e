"""Application factory: ``uvicorn backend.main:app`` serves the API.

On start-up the tables are created and crawl jobs left ``running`` by a process that died
mid-crawl are marked failed (restartable). ``/docs`` and ``/redoc`` load their Swagger UI and
ReDoc assets from the app itself (the ``fastapi-offline`` package), never from a CDN.
"""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from backend.api.dependencies import recover_interrupted_crawl_jobs
from backend.api.errors import register_exception_handlers
from backend.api.v1.router import api_router
from backend.core.config import Settings, get_settings
from backend.database import create_engine, create_session_factory, create_tables

__all__ = ["DOCS_ASSETS_URL", "app", "create_app"]

DOCS_ASSETS_URL = "/docs-assets"
"""Where the app serves the Swagger UI and ReDoc scripts, styles and favicon."""

logger = logging.getLogger("backend.main")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the FastAPI application for ``settings`` (default: read from the environment)."""
    app_settings = settings if settings is not None else get_settings()

    @asynccontextmanager
    async def lifespan(application: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(app_settings.database_url, echo=app_settings.database_echo)
        await create_tables(engine)
        session_factory = create_session_factory(engine)
        recovered = await recover_interrupted_crawl_jobs(session_factory, app_settings)
        if recovered:
            logger.warning("marked %d interrupted crawl job(s) failed", recovered)
        application.state.session_factory = session_factory
        try:
            yield
        finally:
            await engine.dispose()

    application = FastAPIOffline(
        static_url=DOCS_ASSETS_URL,
        title=f"{app_settings.app_name} API",
        version="1.0.0",
        description="PixCrawler reference backend: users, API keys, projects, datasets, "
        "crawl jobs, notifications, activity and lifecycle policies.",
        lifespan=lifespan,
    )
    application.state.settings = app_settings
    register_exception_handlers(application)
    application.include_router(api_router)
    return application


app = create_app()
