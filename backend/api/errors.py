"""The one place where exceptions become HTTP errors: every error response is JSON.

Domain exceptions map to their status code; anything else is a 500 with
``{"detail": "internal server error"}`` (the traceback goes to the server log, never to the
client).
"""

import logging

from fastapi import FastAPI, Request
from fastapi import status as http_status
from fastapi.responses import JSONResponse

from backend.core.exceptions import (
    AuthenticationError,
    ConflictError,
    DomainError,
    InvalidOperationError,
    NotFoundError,
    PermissionDeniedError,
)

__all__ = [
    "STATUS_BY_ERROR",
    "domain_error_handler",
    "internal_error_handler",
    "register_exception_handlers",
]

logger = logging.getLogger("backend.api.errors")

STATUS_BY_ERROR: dict[type[DomainError], int] = {
    AuthenticationError: http_status.HTTP_401_UNAUTHORIZED,
    PermissionDeniedError: http_status.HTTP_403_FORBIDDEN,
    NotFoundError: http_status.HTTP_404_NOT_FOUND,
    ConflictError: http_status.HTTP_409_CONFLICT,
    InvalidOperationError: http_status.HTTP_409_CONFLICT,
}


async def domain_error_handler(_request: Request, error: Exception) -> JSONResponse:
    """Turn a ``DomainError`` into ``{"detail": message}`` with the mapped status code."""
    status_code = http_status.HTTP_400_BAD_REQUEST
    for error_type in type(error).__mro__:
        if error_type in STATUS_BY_ERROR:
            status_code = STATUS_BY_ERROR[error_type]
            break
    message = error.message if isinstance(error, DomainError) else str(error)
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(error, AuthenticationError) else None
    return JSONResponse(status_code=status_code, content={"detail": message}, headers=headers)


async def internal_error_handler(request: Request, error: Exception) -> JSONResponse:
    """Turn an unexpected exception into a JSON 500 that reveals nothing of the server."""
    logger.error(
        "unhandled %s on %s %s",
        type(error).__name__,
        request.method,
        request.url.path,
        exc_info=(type(error), error, error.__traceback__),
    )
    return JSONResponse(
        status_code=http_status.HTTP_500_INTERNAL_SERVER_ERROR,
        content={"detail": "internal server error"},
    )


def register_exception_handlers(app: FastAPI) -> None:
    """Install the domain error handler and the JSON fallback for unexpected errors."""
    app.add_exception_handler(DomainError, domain_error_handler)
    app.add_exception_handler(Exception, internal_error_handler)
