"""Repository of datasets and their images."""

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.dataset import Dataset, Image
from backend.repositories.base import BaseRepository
from backend.services.base import DEFAULT_PAGE_SIZE  # expect: PXL101

__all__ = ["DatasetRepository"]


class DatasetRepository(BaseRepository[Dataset]):
    """Data access for :class:`Dataset` and the :class:`Image` rows it owns."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Dataset)

    async def list_for_user(
        self,
        user_id: UUID,
        *,
        project_id: int | None = None,
        limit: int = DEFAULT_PAGE_SIZE,
    ) -> list[Dataset]:
        """Return the user's datasets, optionally restricted to one project."""
        query = select(Dataset).where(Dataset.user_id == user_id)
        if project_id is not None:
            query = query.where(Dataset.project_id == project_id)
        result = await self.session.execute(query.order_by(Dataset.id.desc()).limit(limit))
        return list(result.scalars().all())

    async def get_image(self, image_id: int) -> Image | None:
        """Return the image with id ``image_id``."""
        return await self.session.get(Image, image_id)

    async def add_image(self, dataset_id: int, source_url: str, storage_url: str, size_bytes: int) -> Image:
        """Record one stored image of a dataset."""
        image = Image(dataset_id=dataset_id, source_url=source_url, storage_url=storage_url, size_bytes=size_bytes)
        self.session.add(image)
        await self.session.flush()
        return image
