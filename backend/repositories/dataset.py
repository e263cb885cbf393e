"""Dataset repository."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.enums import DatasetStatus
from backend.models.dataset import Dataset
from backend.repositories.base import BaseRepository

__all__ = ["DatasetRepository"]


class DatasetRepository(BaseRepository[Dataset]):
    """Data access for datasets."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, Dataset)

    async def list_for_user(
        self, user_id: int, *, project_id: int | None, offset: int, limit: int
    ) -> Sequence[Dataset]:
        """Return a user's datasets (optionally of one project), oldest first."""
        query = select(Dataset).where(Dataset.user_id == user_id)
        if project_id is not None:
            query = query.where(Dataset.project_id == project_id)
        query = query.order_by(Dataset.id).offset(offset).limit(limit)
        result = await self.session.execute(query)
        return result.scalars().all()

    async def list_for_project(self, project_id: int) -> Sequence[Dataset]:
        """Return every dataset of a project, oldest first."""
        query = select(Dataset).where(Dataset.project_id == project_id).order_by(Dataset.id)
        result = await self.session.execute(query)
        return result.scalars().all()

    async def list_with_status(self, status: DatasetStatus) -> Sequence[Dataset]:
        """Return every dataset in ``status``, oldest first."""
        query = select(Dataset).where(Dataset.status == status).order_by(Dataset.id)
        result = await self.session.execute(query)
        return result.scalars().all()

    async def list_inactive_since(self, cutoff: datetime) -> Sequence[Dataset]:
        """Return datasets not archived yet and not updated since ``cutoff``."""
        query = (
            select(Dataset)
            .where(Dataset.status != DatasetStatus.ARCHIVED, Dataset.updated_at <= cutoff)
            .order_by(Dataset.id)
        )
        result = await self.session.execute(query)
        return result.scalars().all()
