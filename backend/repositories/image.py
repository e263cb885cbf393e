"""Image repository."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.image import Image
from backend.repositories.base import BaseRepository

__all__ = ["ImageRepository"]


class ImageRepository(BaseRepository[Image]):
    """Data access for stored images."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, Image)

    async def get_by_dataset_and_sha256(self, dataset_id: int, sha256: str) -> Image | None:
        """Return the dataset's image with this content hash, or ``None``."""
        query = select(Image).where(Image.dataset_id == dataset_id, Image.sha256 == sha256)
        result = await self.session.execute(query)
        return result.scalar_one_or_none()

    async def create_if_new(self, **kwargs: Any) -> Image | None:
        """Insert an image unless its dataset already has one with this ``sha256``.

        Return the new image, or ``None`` when the dataset had it already. On SQLite and
        PostgreSQL this is one ``INSERT … ON CONFLICT DO NOTHING``, so two crawls of the same
        dataset racing for the same image cannot fail on the unique constraint.
        """
        dialect = self.session.get_bind().dialect.name
        if dialect not in ("postgresql", "sqlite"):
            known = await self.get_by_dataset_and_sha256(kwargs["dataset_id"], kwargs["sha256"])
            return None if known is not None else await self.create(**kwargs)
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = (
            insert(Image)
            .values(**kwargs)
            .on_conflict_do_nothing(index_elements=[Image.dataset_id, Image.sha256])
            .returning(Image.id)
        )
        new_id = (await self.session.execute(statement)).scalar_one_or_none()
        await self.session.commit()
        return None if new_id is None else await self.get_by_id(new_id)

    async def count_for_dataset(self, dataset_id: int) -> int:
        """Return how many images a dataset has."""
        query = select(func.count()).select_from(Image).where(Image.dataset_id == dataset_id)
        return int((await self.session.execute(query)).scalar_one())

    async def list_for_dataset(
        self, dataset_id: int, *, offset: int, limit: int
    ) -> Sequence[Image]:
        """Return a dataset's images, oldest first."""
        query = (
            select(Image)
            .where(Image.dataset_id == dataset_id)
            .order_by(Image.id)
            .offset(offset)
            .limit(limit)
        )
        result = await self.session.execute(query)
        return result.scalars().all()
