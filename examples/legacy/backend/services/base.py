"""Base class of the service layer: logging and shared paging defaults."""

import logging
from typing import Any

__all__ = ["BaseService", "DEFAULT_PAGE_SIZE", "MAX_PAGE_SIZE"]

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class BaseService:
    """Common behaviour of every service.

    Subclasses receive their repositories through ``__init__`` and must call
    ``super().__init__()`` so that ``self.logger`` exists.
    """

    def __init__(self) -> None:
        self.logger = logging.getLogger(f"pixcrawler.services.{type(self).__name__}")

    def log_operation(self, operation: str, **context: Any) -> None:
        """Log a business operation with its context at INFO level."""
        self.logger.info("%s %s", operation, context)

    @staticmethod
    def clamp_limit(limit: int) -> int:
        """Keep a client-supplied page size within ``1..MAX_PAGE_SIZE``."""
        return max(1, min(limit, MAX_PAGE_SIZE))
