"""Generic asynchronous repository with the CRUD operations all repositories share."""

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.base import Base

__all__ = ["BaseRepository", "ModelT"]

ModelT = TypeVar("ModelT", bound=Base)


class BaseRepository(Generic[ModelT]):
    """CRUD on one model class.

    Usage::

        await repo.create(**data)               # never create(data)
        await repo.get_by_id(id)                # there is no get(id)
        await repo.update(instance, **updates)  # never update(id, updates)
        await repo.delete(instance)
    """

    def __init__(self, session: AsyncSession, model: type[ModelT]) -> None:
        self.session = session
        self.model = model

    async def create(self, **kwargs: Any) -> ModelT:
        """Insert a new row built from ``kwargs`` and return it refreshed."""
        instance = self.model(**kwargs)
        self.session.add(instance)
        await self.session.flush()
        await self.session.refresh(instance)
        return instance

    async def get_by_id(self, id: Any) -> ModelT | None:
        """Return the row with primary key ``id``, or ``None``."""
        return await self.session.get(self.model, id)

    async def update(self, instance: ModelT, **updates: Any) -> ModelT:
        """Apply ``updates`` to ``instance``, flush and return it."""
        for field_name, value in updates.items():
            setattr(instance, field_name, value)
        await self.session.flush()
        await self.session.refresh(instance)
        return instance

    async def delete(self, instance: ModelT) -> None:
        """Delete ``instance``."""
        await self.session.delete(instance)
        await self.session.flush()

    async def list(self, *, offset: int = 0, limit: int = 100, **filters: Any) -> Sequence[ModelT]:
        """Return a page of rows matching the equality ``filters``."""
        query = select(self.model).filter_by(**filters).offset(offset).limit(limit)
        result = await self.session.execute(query)
        return result.scalars().all()

    async def count(self, **filters: Any) -> int:
        """Return the number of rows matching the equality ``filters``."""
        query = select(func.count()).select_from(self.model).filter_by(**filters)
        result = await self.session.execute(query)
        return int(result.scalar_one())
