"""Usage reports (legacy: reaches the session through its repository, mixes in 1.x queries and
builds the repositories it is missing)."""

from uuid import UUID

from sqlalchemy import func, select  # expect: PXL103
from sqlalchemy.orm import Session  # expect: PXL103

from backend.core.database import SessionLocal
from backend.models.activity_log import ActivityLog
from backend.models.project import Project
from backend.repositories.activity_log_repository import ActivityLogRepository
from backend.repositories.project_repository import ProjectRepository
from backend.services.base import BaseService

__all__ = ["ReportService"]


def _count_projects(db: Session) -> int:
    """Run through ``run_sync``: the 1.x query API on the sync session."""
    return db.query(Project).count()  # expect: PXL302


class ReportService(BaseService):
    """Counts for the admin dashboard."""

    def __init__(self, activity_repository: ActivityLogRepository) -> None:
        super().__init__()
        self.activity_repository = activity_repository

    async def project_count(self) -> int:
        """How many projects exist."""
        session = self.activity_repository.session  # expect: PXL301
        return await session.run_sync(_count_projects)

    async def activity_count(self) -> int:
        """How many activity entries exist."""
        query = select(func.count()).select_from(ActivityLog)  # expect: PXL302
        result = await self.activity_repository.session.execute(query)  # expect: PXL302
        return int(result.scalar_one())

    async def projects_of(self, owner_id: UUID) -> list[Project]:
        """The owner's projects, through a repository built on the spot."""
        projects = ProjectRepository(self.activity_repository.session)  # expect: PXL304
        return await projects.list_for_owner(owner_id)

    async def nightly_project_count(self) -> int:
        """Outside a request: opens its own session."""
        async with SessionLocal() as session:  # expect: PXL304
            return await session.run_sync(_count_projects)
