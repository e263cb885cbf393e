"""Base class of every service: a logger and a uniform way to log operations."""

import logging

__all__ = ["BaseService"]


class BaseService:
    """Common behaviour of services. Subclasses call ``super().__init__()``."""

    def __init__(self) -> None:
        """Create the service's logger."""
        self.logger = logging.getLogger(f"backend.services.{type(self).__name__}")

    def log_operation(self, operation: str, **context: object) -> None:
        """Log that ``operation`` runs, with its context as ``key=value`` pairs."""
        details = " ".join(f"{key}={value!r}" for key, value in sorted(context.items()))
        self.logger.info("%s %s", operation, details)
