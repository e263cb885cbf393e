"""Decorators that replace the decorated function with something else."""

import functools
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi import status as http_status

__all__ = ["router", "not_a_function", "wrapped", "as_class"]

router = APIRouter()


def to_constant(_: Callable[..., Any]) -> int:
    """Replaces the function by a number."""
    return 42


def to_class(func: Callable[..., Any]) -> type:
    """Replaces the function by a class."""
    return type(func.__name__, (), {"__call__": staticmethod(func)})


def passthrough(func: Callable[..., Any]) -> Callable[..., Any]:
    """Keeps the function, wraps it."""

    @functools.wraps(func)
    def inner(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return inner


@to_constant
def not_a_function() -> None:
    """Now an int."""


@(lambda f: f)
def identity_decorated() -> None:
    """A lambda as decorator."""


@to_class
def as_class() -> str:
    """Now a class."""
    return "x"


@passthrough
@router.get("/wrapped", response_model=str, summary="Wrapped", operation_id="wrapped")
async def wrapped() -> str:
    """A route wrapped after registration."""
    return "wrapped"


@router.post("/replaced", response_model=int, summary="Replaced", operation_id="replaced",
             status_code=http_status.HTTP_201_CREATED)
@to_constant
def replaced() -> None:
    """The route receives 42 instead of a function."""


other = router
router = to_constant(router)  # type: ignore[assignment]


@other.get("/after", response_model=str, summary="After", operation_id="after")
def after() -> str:
    """A route on the original router after the name was rebound."""
    return "after"
