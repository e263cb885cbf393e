"""Domain exceptions and their translation into HTTP error responses."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

__all__ = [
    "NotFoundError",
    "PermissionDeniedError",
    "PixCrawlerError",
    "ValidationError",
    "register_exception_handlers",
]


class PixCrawlerError(Exception):
    """Base class of every domain error; carries the HTTP status it maps to."""

    status_code: int = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(PixCrawlerError):
    """A requested resource does not exist or is not visible to the caller."""

    status_code = 404


class ValidationError(PixCrawlerError):
    """Input is well-formed but violates a business rule."""

    status_code = 422


class PermissionDeniedError(PixCrawlerError):
    """The caller is authenticated but not allowed to perform the operation."""

    status_code = 403


async def _handle_domain_error(request: Request, exc: PixCrawlerError) -> JSONResponse:
    """Render a domain error as ``{"detail": message}`` with its status code."""
    return JSONResponse(status_code=exc.status_code, content={"detail": exc.message})


def register_exception_handlers(app: FastAPI) -> None:
    """Install the domain error handler on ``app``."""
    app.add_exception_handler(PixCrawlerError, _handle_domain_error)
