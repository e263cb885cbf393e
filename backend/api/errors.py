"""The one place where domain exceptions become HTTP errors."""

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

__all__ = ["STATUS_BY_ERROR", "domain_error_handler", "register_exception_handlers"]

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


def register_exception_handlers(app: FastAPI) -> None:
    """Install the domain error handler on ``app``."""
    app.add_exception_handler(DomainError, domain_error_handler)
