"""Repository layer for dataset lifecycle policies and their execution log."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.policy import ArchivalPolicy, CleanupPolicy, PolicyExecutionLog
from backend.repositories.base import BaseRepository

__all__ = ["ArchivalPolicyRepository", "CleanupPolicyRepository", "PolicyExecutionLogRepository"]


class ArchivalPolicyRepository(BaseRepository[ArchivalPolicy]):
    """Data access for archival policies."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, ArchivalPolicy)

    async def get_active_policies(self) -> Sequence[ArchivalPolicy]:
        """Return every active archival policy."""
        query = select(ArchivalPolicy).where(ArchivalPolicy.is_active.is_(True))
        result = await self.session.execute(query)
        return result.scalars().all()


class CleanupPolicyRepository(BaseRepository[CleanupPolicy]):
    """Data access for cleanup policies."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, CleanupPolicy)


class PolicyExecutionLogRepository:  # expect: PXL405
    """Writes and reads policy execution log rows (hand-rolled, no BaseRepository)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(
        self,
        policy_type: str,
        policy_id: int,
        datasets_affected: int,
        status: str,
        error: str | None = None,
    ) -> PolicyExecutionLog:
        """Append one execution log row."""
        entry = PolicyExecutionLog(
            policy_type=policy_type,
            policy_id=policy_id,
            datasets_affected=datasets_affected,
            status=status,
            error=error,
        )
        self.session.add(entry)
        await self.session.flush()
        return entry

    async def list_recent(self, limit: int = 20) -> list[PolicyExecutionLog]:
        """Return the most recent executions."""
        query = select(PolicyExecutionLog).order_by(PolicyExecutionLog.id.desc()).limit(limit)
        result = await self.session.execute(query)
        return list(result.scalars().all())
