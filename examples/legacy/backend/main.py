"""ASGI entry point: ``uvicorn backend.main:app``."""

from fastapi import FastAPI

from backend.api.v1.router import api_router
from backend.core.config import settings
from backend.core.exceptions import register_exception_handlers

__all__ = ["app"]

app = FastAPI(title=f"{settings.app_name} API", version="0.9.0")
app.include_router(api_router)
register_exception_handlers(app)


@app.get("/health", summary="Health check", operation_id="healthCheck", tags=["Health"])
async def health() -> dict[str, str]:
    """Liveness probe."""
    return {"status": "ok"}
