"""Repositories for lifecycle policies and their executions."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.policy import ArchivalPolicy, CleanupPolicy, PolicyExecution
from backend.repositories.base import BaseRepository

__all__ = ["ArchivalPolicyRepository", "CleanupPolicyRepository", "PolicyExecutionRepository"]


class ArchivalPolicyRepository(BaseRepository[ArchivalPolicy]):
    """Data access for archival policies."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, ArchivalPolicy)

    async def get_by_name(self, name: str) -> ArchivalPolicy | None:
        """Return the policy with this name, or ``None``."""
        result = await self.session.execute(
            select(ArchivalPolicy).where(ArchivalPolicy.name == name)
        )
        return result.scalar_one_or_none()


class CleanupPolicyRepository(BaseRepository[CleanupPolicy]):
    """Data access for cleanup policies."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, CleanupPolicy)

    async def get_by_name(self, name: str) -> CleanupPolicy | None:
        """Return the policy with this name, or ``None``."""
        result = await self.session.execute(select(CleanupPolicy).where(CleanupPolicy.name == name))
        return result.scalar_one_or_none()


class PolicyExecutionRepository(BaseRepository[PolicyExecution]):
    """Data access for the policy execution log."""

    def __init__(self, session: AsyncSession) -> None:
        """Bind the repository to a session."""
        super().__init__(session, PolicyExecution)

    async def list_recent(self, *, offset: int, limit: int) -> Sequence[PolicyExecution]:
        """Return executions, newest first."""
        query = (
            select(PolicyExecution).order_by(PolicyExecution.id.desc()).offset(offset).limit(limit)
        )
        result = await self.session.execute(query)
        return result.scalars().all()
