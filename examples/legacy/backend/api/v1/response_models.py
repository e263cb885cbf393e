"""Reusable OpenAPI ``responses=`` fragments for the v1 routers."""

from typing import Any

__all__ = ["COMMON_RESPONSES", "get_common_responses"]

COMMON_RESPONSES: dict[int, dict[str, Any]] = {
    400: {"description": "Bad request"},
    401: {"description": "Missing or invalid API key"},
    403: {"description": "Not allowed"},
    404: {"description": "Resource not found"},
    409: {"description": "Conflict with the current state"},
    422: {"description": "Validation error"},
    500: {"description": "Internal server error"},
}


def get_common_responses(*status_codes: int) -> dict[int | str, dict[str, Any]]:
    """Return the documented responses for ``status_codes``.

    Example::

        router = APIRouter(responses=get_common_responses(401, 404))
    """
    return {code: COMMON_RESPONSES[code] for code in status_codes if code in COMMON_RESPONSES}
