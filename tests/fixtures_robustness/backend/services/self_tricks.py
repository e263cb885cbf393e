"""Odd uses of self, super(), match, walrus and lambdas inside a service."""

from typing import Any

from backend.repositories.circular_repository import CircularRepository
from backend.services.base import BaseService

__all__ = ["TrickyService", "loose_function"]


def loose_function(*args: Any) -> Any:
    """super() and self outside any class."""
    self = args[0] if args else None
    return self


class TrickyService(BaseService):
    """Rebinds self, calls through lambdas and match."""

    def __init__(self, repo: CircularRepository, *rest: Any, **options: Any) -> None:
        super(TrickyService, self).__init__()
        self.repo = repo
        self.repo, self.other = repo, rest

    async def create_many(self, rows: list[dict[str, Any]], **extra: Any) -> None:
        """Star-arguments to create and update."""
        for row in rows:
            await self.repo.create(**row, **extra)
            await self.repo.create(*rows)
        if (first := rows[0] if rows else None) is not None:
            await self.repo.update(first, **first)

    async def dispatch(self, command: Any) -> Any:
        """Structural pattern matching on commands."""
        match command:
            case {"op": "get", "id": int(item_id)}:
                return await self.repo.get_by_id(item_id)
            case [first, *_]:
                return first
            case str() as text if text:
                return getattr(self.repo, text)()
            case _:
                return None

    def rebind(self) -> Any:
        """self is rebound, so self.repo is no longer the collaborator."""
        self = type("Other", (), {"repo": 3})()  # noqa: PLW0642
        return self.repo.create(1)

    callback = staticmethod(lambda repo: repo.create(2))
