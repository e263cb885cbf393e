"""Definitions that depend on run-time conditions."""

import sys

from backend.repositories.circular_repository import CircularRepository
from backend.services.base import BaseService

try:
    from backend.services.missing_module import FastPath  # does not exist
except ImportError:
    FastPath = None

__all__ = ["ConditionalService", "FastPath", "helper"]

if sys.version_info >= (3, 11):

    class ConditionalService(BaseService):
        """The modern variant."""

        def __init__(self, repo: CircularRepository) -> None:
            super().__init__()
            self.repo = repo

        async def make(self) -> None:
            """Creates with keywords."""
            await self.repo.create(name="x")

else:

    class ConditionalService:  # type: ignore[no-redef]
        """The legacy variant: no base, positional create."""

        def __init__(self, repo: CircularRepository) -> None:
            self.repo = repo

        async def make(self) -> None:
            """Creates positionally."""
            await self.repo.create({"name": "x"})


if FastPath is None:

    def helper(value: int) -> int:
        """Slow path."""
        return value

else:

    helper = FastPath.helper
