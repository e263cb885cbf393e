"""Classes whose bases cannot be linearised or refer to themselves."""

from typing import Any

from backend.repositories.base import BaseRepository

__all__ = ["Broken", "DynamicRepository", "LeftRepository", "RightRepository", "SelfRepository"]


class LeftRepository(BaseRepository["RightRepository"]):
    """Generic over a forward reference."""


class RightRepository(LeftRepository, BaseRepository[Any]):
    """A base list that does not linearise."""


class SelfRepository(SelfRepository):  # type: ignore[misc]  # noqa: F821
    """Names itself as its base."""


class Broken(LeftRepository, LeftRepository):  # type: ignore[misc]
    """Duplicate base."""


def make_base() -> type:
    """Bases computed at run time."""
    return BaseRepository


class DynamicRepository(make_base()):  # type: ignore[misc]
    """The base is a call."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None

    async def use(self) -> None:
        """Calls methods that only __getattr__ provides."""
        await self.create(1, 2, 3)
        await self.anything_at_all()
