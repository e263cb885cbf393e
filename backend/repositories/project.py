"""Project repository."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.project import Project
from backend.repositories.base import BaseRepository

__all__ = ["ProjectRepository"]


class ProjectRepository(BaseRepository[Project]):
    """Data access for projects."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, Project)

    async def get_by_owner_and_name(self, owner_id: int, name: str) -> Project | None:
        """Return the owner's project with this name, or ``None``."""
        query = select(Project).where(Project.owner_id == owner_id, Project.name == name)
        result = await self.session.execute(query)
        return result.scalar_one_or_none()

    async def list_for_owner(self, owner_id: int, *, offset: int, limit: int) -> Sequence[Project]:
        """Return an owner's projects, oldest first."""
        query = (
            select(Project)
            .where(Project.owner_id == owner_id)
            .order_by(Project.id)
            .offset(offset)
            .limit(limit)
        )
        result = await self.session.execute(query)
        return result.scalars().all()
