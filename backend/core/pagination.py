"""One page of a list and the total it was cut from (the ``X-Total-Count`` header)."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

__all__ = ["LIST_RESPONSES", "TOTAL_COUNT_HEADER", "Page"]

TOTAL_COUNT_HEADER = "X-Total-Count"
"""Response header of every list endpoint: how many items match, across all pages."""

ItemT = TypeVar("ItemT")


@dataclass(frozen=True, slots=True)
class Page(Generic[ItemT]):
    """The items of one page (``offset``/``limit``) and how many match in total."""

    items: Sequence[ItemT]
    total: int


LIST_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "One page of the list; the header gives how many items match in all.",
        "headers": {
            TOTAL_COUNT_HEADER: {
                "description": "How many items match the filters, across all pages.",
                "schema": {"type": "integer", "minimum": 0},
            }
        },
    }
}
"""``responses=`` of every list route: documents the ``X-Total-Count`` header in OpenAPI."""
