"""Image repository."""

from collections.abc import Sequence

from sqlalchemy import select
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
