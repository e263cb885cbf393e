"""Application factory: ``uvicorn backend.main:app`` serves the API (tables created on startup)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from backend.api.errors import register_exception_handlers
from backend.api.v1.router import api_router
from backend.core.config import Settings, get_settings
from backend.database import create_engine, create_session_factory, create_tables

__all__ = ["app", "create_app"]


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the FastAPI application for ``settings`` (default: read from the environment)."""
    app_settings = settings if settings is not None else get_settings()

    @asynccontextmanager
    async def lifespan(application: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(app_settings.database_url, echo=app_settings.database_echo)
        await create_tables(engine)
        application.state.session_factory = create_session_factory(engine)
        try:
            yield
        finally:
            await engine.dispose()

    application = FastAPI(
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
