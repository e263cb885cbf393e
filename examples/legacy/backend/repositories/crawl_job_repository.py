"""Repository of crawl jobs."""

from uuid import UUID

from fastapi import HTTPException  # expect: PXL105
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.crawl_job import CrawlJob
from .base import BaseRepository

__all__ = ["ACTIVE_STATUSES", "CrawlJobRepository"]

ACTIVE_STATUSES = ("pending", "running")


class CrawlJobRepository(BaseRepository[CrawlJob]):
    """Data access for :class:`CrawlJob`."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, CrawlJob)

    async def get_for_user(self, job_id: int, user_id: UUID) -> CrawlJob | None:
        """Return the job if it exists and belongs to ``user_id``."""
        query = select(CrawlJob).where(CrawlJob.id == job_id, CrawlJob.user_id == user_id)
        result = await self.session.execute(query)
        return result.scalar_one_or_none()

    async def get_for_user_or_404(self, job_id: int, user_id: UUID) -> CrawlJob:
        """Like :meth:`get_for_user` but answers 404 itself (legacy shortcut)."""
        job = await self.get_for_user(job_id, user_id)
        if job is None:
            raise HTTPException(status_code=404, detail=f"Crawl job {job_id} not found")
        return job

    async def list_for_user(self, user_id: UUID, *, status: str | None = None, limit: int = 50) -> list[CrawlJob]:
        """Return the user's jobs, newest first, optionally filtered by status."""
        query = select(CrawlJob).where(CrawlJob.user_id == user_id)
        if status is not None:
            query = query.where(CrawlJob.status == status)
        result = await self.session.execute(query.order_by(CrawlJob.id.desc()).limit(limit))
        return list(result.scalars().all())

    async def list_active(self) -> list[CrawlJob]:
        """Return every job that is pending or running."""
        query = select(CrawlJob).where(CrawlJob.status.in_(ACTIVE_STATUSES))
        result = await self.session.execute(query)
        return list(result.scalars().all())
