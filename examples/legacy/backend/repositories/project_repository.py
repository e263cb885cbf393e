"""Repository of projects."""

from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.dataset import Dataset
from backend.models.project import Project
from backend.repositories.base import BaseRepository

__all__ = ["ProjectRepository"]


class ProjectRepository(BaseRepository[Project]):
    """Data access for :class:`Project`."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Project)

    async def list_for_owner(self, owner_id: UUID, *, offset: int = 0, limit: int = 50) -> list[Project]:
        """Return the owner's projects, newest first."""
        query = (
            select(Project)
            .where(Project.owner_id == owner_id)
            .order_by(Project.created_at.desc())
            .offset(offset)
            .limit(limit)
        )
        result = await self.session.execute(query)
        return list(result.scalars().all())

    async def get_by_name(self, owner_id: UUID, name: str) -> Project | None:
        """Return the owner's project called ``name``."""
        query = select(Project).where(Project.owner_id == owner_id, Project.name == name)
        result = await self.session.execute(query)
        return result.scalar_one_or_none()

    async def dataset_totals(self, project_id: int) -> tuple[int, int]:
        """Return ``(dataset_count, image_count)`` of a project."""
        query = select(func.count(Dataset.id), func.coalesce(func.sum(Dataset.image_count), 0)).where(
            Dataset.project_id == project_id
        )
        result = await self.session.execute(query)
        datasets, images = result.one()
        return int(datasets), int(images)
