"""Base repository of the robustness tree."""

from typing import Any, Generic, TypeVar

__all__ = ["BaseRepository"]

ModelT = TypeVar("ModelT")


class BaseRepository(Generic[ModelT]):
    """create(**kwargs), get_by_id(id), update(instance, **updates)."""

    def __init__(self, session: Any, model: type[ModelT]) -> None:
        self.session = session
        self.model = model

    async def create(self, **kwargs: Any) -> ModelT:
        """Insert a row."""
        return self.model(**kwargs)

    async def get_by_id(self, id: int) -> ModelT | None:  # pylint: disable=redefined-builtin
        """The row with this primary key."""
        return await self.session.get(self.model, id)

    async def update(self, instance: ModelT, **updates: Any) -> ModelT:
        """Set attributes on ``instance``."""
        for key, value in updates.items():
            setattr(instance, key, value)
        return instance
