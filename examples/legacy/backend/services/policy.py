"""Policy service for dataset lifecycle management (legacy: queries the session directly)."""

from datetime import datetime, timedelta, timezone
from typing import Any
from uuid import UUID

from sqlalchemy import func, insert, select, update  # expect: PXL103
from sqlalchemy.ext.asyncio import AsyncSession  # expect: PXL103

from backend.core.exceptions import NotFoundError, ValidationError
from backend.models.dataset import Dataset
from backend.models.policy import ArchivalPolicy, CleanupPolicy
from backend.repositories.policy_repository import PolicyExecutionLogRepository
from backend.schemas.policy import ArchivalPolicyCreate, ArchivalPolicyUpdate, CleanupPolicyCreate
from backend.services.base import BaseService

__all__ = ["PolicyService"]


class PolicyService(BaseService):  # expect: PXL602
    """Archival and cleanup policies: CRUD and execution."""

    def __init__(
        self,
        session: AsyncSession,  # expect: PXL301
    ) -> None:
        super().__init__()
        self.session = session
        self.execution_logs = PolicyExecutionLogRepository(session)  # expect: PXL304

    async def create_archival_policy(self, policy_in: ArchivalPolicyCreate) -> ArchivalPolicy:
        """Create an archival policy; names are unique."""
        query = select(ArchivalPolicy).where(ArchivalPolicy.name == policy_in.name)  # expect: PXL302
        existing = await self.session.execute(query)  # expect: PXL302
        if existing.scalar_one_or_none() is not None:
            raise ValidationError(f"Policy with name '{policy_in.name}' already exists")
        statement = insert(ArchivalPolicy).values(**policy_in.model_dump()).returning(ArchivalPolicy)  # expect: PXL302
        result = await self.session.execute(statement)  # expect: PXL302
        return result.scalar_one()

    async def list_archival_policies(self) -> list[ArchivalPolicy]:
        """Return every archival policy."""
        result = await self.session.execute(select(ArchivalPolicy).order_by(ArchivalPolicy.id))  # expect: PXL302
        return list(result.scalars().all())

    async def get_archival_policy(self, policy_id: int) -> ArchivalPolicy:
        """Return one archival policy or raise :class:`NotFoundError`."""
        result = await self.session.execute(select(ArchivalPolicy).where(ArchivalPolicy.id == policy_id))  # expect: PXL302
        policy = result.scalar_one_or_none()
        if policy is None:
            raise NotFoundError(f"Archival policy {policy_id} not found")
        return policy

    async def update_archival_policy(self, policy_id: int, policy_in: ArchivalPolicyUpdate) -> ArchivalPolicy:
        """Apply a partial update to an archival policy."""
        await self.get_archival_policy(policy_id)
        changes = policy_in.model_dump(exclude_unset=True)
        statement = update(ArchivalPolicy).where(ArchivalPolicy.id == policy_id).values(**changes)  # expect: PXL302
        await self.session.execute(statement)  # expect: PXL302
        return await self.get_archival_policy(policy_id)

    async def create_cleanup_policy(self, policy_in: CleanupPolicyCreate) -> CleanupPolicy:
        """Create a cleanup policy."""
        statement = insert(CleanupPolicy).values(**policy_in.model_dump()).returning(CleanupPolicy)  # expect: PXL302
        result = await self.session.execute(statement)  # expect: PXL302
        return result.scalar_one()

    async def list_cleanup_policies(self) -> list[CleanupPolicy]:
        """Return every cleanup policy."""
        result = await self.session.execute(select(CleanupPolicy).order_by(CleanupPolicy.id))  # expect: PXL302
        return list(result.scalars().all())

    async def execute_archival_policies(self, triggered_by: UUID | None = None) -> dict[str, Any]:
        """Run every active archival policy and log each run."""
        result = await self.session.execute(select(ArchivalPolicy).where(ArchivalPolicy.is_active.is_(True)))  # expect: PXL302
        policies = list(result.scalars().all())
        affected_total = 0
        for policy in policies:
            cutoff = datetime.now(timezone.utc) - timedelta(days=policy.age_days)
            count_query = select(func.count(Dataset.id)).where(Dataset.updated_at < cutoff)  # expect: PXL302
            affected = int((await self.session.execute(count_query)).scalar_one())  # expect: PXL302
            await self.execution_logs.record("archival", policy.id, affected, "success")
            affected_total += affected
        self.log_operation("execute_archival_policies", triggered_by=str(triggered_by), affected=affected_total)
        return {"policy_type": "archival", "policies_run": len(policies), "datasets_affected": affected_total}

    async def execute_cleanup_policies(self, triggered_by: UUID | None = None) -> dict[str, Any]:
        """Run every active cleanup policy and log each run."""
        result = await self.session.execute(select(CleanupPolicy).where(CleanupPolicy.is_active.is_(True)))  # expect: PXL302
        policies = list(result.scalars().all())
        affected_total = 0
        for policy in policies:
            cutoff = datetime.now(timezone.utc) - timedelta(days=policy.age_days)
            count_query = select(func.count(Dataset.id)).where(  # expect: PXL302
                Dataset.status == policy.dataset_status, Dataset.created_at < cutoff
            )
            affected = int((await self.session.execute(count_query)).scalar_one())  # expect: PXL302
            await self.execution_logs.record("cleanup", policy.id, affected, "success")
            affected_total += affected
        self.log_operation("execute_cleanup_policies", triggered_by=str(triggered_by), affected=affected_total)
        return {"policy_type": "cleanup", "policies_run": len(policies), "datasets_affected": affected_total}
