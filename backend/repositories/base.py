"""Generic async repository: ``create(**kwargs)``, ``get_by_id``, ``update(instance, **updates)``,
``delete(instance)`` and ``list(...)``. Writes commit, so each call is one unit of work."""

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.base import Base

__all__ = ["BaseRepository", "ModelT"]

ModelT = TypeVar("ModelT", bound=Base)


class BaseRepository(Generic[ModelT]):
    """CRUD for one model class over an async session."""

    def __init__(self, session: AsyncSession, model: type[ModelT]) -> None:
        """Keep the session and the model class this repository serves."""
        self.session = session
        self.model = model

    async def create(self, **kwargs: Any) -> ModelT:
        """Insert a new row built from keyword arguments and return it."""
        instance = self.model(**kwargs)
        self.session.add(instance)
        await self.session.commit()
        await self.session.refresh(instance)
        return instance

    async def get_by_id(self, id: int) -> ModelT | None:  # pylint: disable=redefined-builtin
        """Return the row with this primary key, or ``None``."""
        return await self.session.get(self.model, id)

    async def update(self, instance: ModelT, **updates: Any) -> ModelT:
        """Set the given attributes on ``instance``, commit and return it."""
        for field, value in updates.items():
            setattr(instance, field, value)
        await self.session.commit()
        await self.session.refresh(instance)
        return instance

    async def delete(self, instance: ModelT) -> None:
        """Delete ``instance``."""
        await self.session.delete(instance)
        await self.session.commit()

    async def list(
        self, *, offset: int = 0, limit: int = 100, **filters: Any
    ) -> Sequence[ModelT]:
        """Return rows whose columns equal ``filters``, oldest first, paginated."""
        query = (
            select(self.model)
            .filter_by(**filters)
            .order_by(*self.model.__mapper__.primary_key)
            .offset(offset)
            .limit(limit)
        )
        result = await self.session.execute(query)
        return result.scalars().all()

    async def count(self, **filters: Any) -> int:
        """Return how many rows match ``filters``."""
        query = select(func.count()).select_from(self.model).filter_by(**filters)
        result = await self.session.execute(query)
        return int(result.scalar_one())
