"""Crawl job repository."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.enums import CrawlJobStatus
from backend.models.crawl_job import CrawlJob
from backend.repositories.base import BaseRepository

__all__ = ["CrawlJobRepository"]


class CrawlJobRepository(BaseRepository[CrawlJob]):
    """Data access for crawl jobs."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, CrawlJob)

    async def list_for_user(
        self,
        user_id: int,
        *,
        dataset_id: int | None,
        status: CrawlJobStatus | None,
        offset: int,
        limit: int,
    ) -> Sequence[CrawlJob]:
        """Return a user's jobs, optionally filtered by dataset and status, newest first."""
        query = (
            select(CrawlJob)
            .where(*self._user_filters(user_id, dataset_id, status))
            .order_by(CrawlJob.id.desc())
            .offset(offset)
            .limit(limit)
        )
        result = await self.session.execute(query)
        return result.scalars().all()

    async def count_for_user(
        self, user_id: int, *, dataset_id: int | None, status: CrawlJobStatus | None
    ) -> int:
        """Return how many jobs ``list_for_user`` pages through with these filters."""
        query = (
            select(func.count())
            .select_from(CrawlJob)
            .where(*self._user_filters(user_id, dataset_id, status))
        )
        return int((await self.session.execute(query)).scalar_one())

    async def list_with_status(self, status: CrawlJobStatus) -> Sequence[CrawlJob]:
        """Return every job in ``status``, oldest first."""
        query = select(CrawlJob).where(CrawlJob.status == status).order_by(CrawlJob.id)
        result = await self.session.execute(query)
        return result.scalars().all()

    @staticmethod
    def _user_filters(
        user_id: int, dataset_id: int | None, status: CrawlJobStatus | None
    ) -> list[ColumnElement[bool]]:
        """The WHERE clauses of a user's job list."""
        filters = [CrawlJob.user_id == user_id]
        if dataset_id is not None:
            filters.append(CrawlJob.dataset_id == dataset_id)
        if status is not None:
            filters.append(CrawlJob.status == status)
        return filters

    async def delete_failed_before(self, cutoff: datetime) -> int:
        """Delete failed jobs created before ``cutoff``; return how many were deleted."""
        statement = delete(CrawlJob).where(
            CrawlJob.status == CrawlJobStatus.FAILED, CrawlJob.created_at <= cutoff
        )
        result = await self.session.execute(statement)
        await self.session.commit()
        return int(getattr(result, "rowcount", 0) or 0)
