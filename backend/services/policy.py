"""Policy service: archival and cleanup policies, queued by admins and run in the background."""

from datetime import timedelta

from backend.core.clock import utcnow
from backend.core.enums import CleanupTarget, DatasetStatus, ExecutionStatus, PolicyKind
from backend.core.exceptions import ConflictError, InvalidOperationError, NotFoundError
from backend.core.pagination import Page
from backend.models.policy import ArchivalPolicy, CleanupPolicy, PolicyExecution
from backend.repositories.activity_log import ActivityLogRepository
from backend.repositories.crawl_job import CrawlJobRepository
from backend.repositories.dataset import DatasetRepository
from backend.repositories.notification import NotificationRepository
from backend.repositories.policy import (
    ArchivalPolicyRepository,
    CleanupPolicyRepository,
    PolicyExecutionRepository,
)
from backend.schemas.policy import (
    ArchivalPolicyCreate,
    ArchivalPolicyUpdate,
    CleanupPolicyCreate,
    CleanupPolicyUpdate,
)
from backend.services.base import BaseService

__all__ = ["PolicyService"]


class PolicyService(BaseService):  # pylint: disable=too-many-instance-attributes
    """Manages lifecycle policies and carries out their executions."""

    def __init__(  # pylint: disable=too-many-arguments,too-many-positional-arguments
        self,
        archival_repo: ArchivalPolicyRepository,
        cleanup_repo: CleanupPolicyRepository,
        execution_repo: PolicyExecutionRepository,
        dataset_repo: DatasetRepository,
        crawl_job_repo: CrawlJobRepository,
        notification_repo: NotificationRepository,
        activity_repo: ActivityLogRepository,
    ) -> None:
        """Keep the repositories."""
        super().__init__()
        self.archival_repo = archival_repo
        self.cleanup_repo = cleanup_repo
        self.execution_repo = execution_repo
        self.dataset_repo = dataset_repo
        self.crawl_job_repo = crawl_job_repo
        self.notification_repo = notification_repo
        self.activity_repo = activity_repo

    # Archival policies

    async def create_archival_policy(
        self, policy_in: ArchivalPolicyCreate, *, actor_id: int
    ) -> ArchivalPolicy:
        """Create an archival policy (names are unique)."""
        self.log_operation("create_archival_policy", name=policy_in.name)
        if await self.archival_repo.get_by_name(policy_in.name) is not None:
            raise ConflictError(f"an archival policy named \"{policy_in.name}\" already exists")
        policy = await self.archival_repo.create(**policy_in.model_dump())
        await self._record(actor_id, "policy.archival.created", policy.id)
        return policy

    async def list_archival_policies(self, *, offset: int, limit: int) -> Page[ArchivalPolicy]:
        """Return one page of archival policies and how many there are."""
        policies = await self.archival_repo.list(offset=offset, limit=limit)
        return Page(items=policies, total=await self.archival_repo.count())

    async def get_archival_policy(self, policy_id: int) -> ArchivalPolicy:
        """Return one archival policy."""
        policy = await self.archival_repo.get_by_id(policy_id)
        if policy is None:
            raise NotFoundError("Archival policy", policy_id)
        return policy

    async def update_archival_policy(
        self, policy_id: int, policy_in: ArchivalPolicyUpdate, *, actor_id: int
    ) -> ArchivalPolicy:
        """Change the given fields of an archival policy."""
        policy = await self.get_archival_policy(policy_id)
        updates = policy_in.model_dump(exclude_unset=True)
        new_name = updates.get("name")
        if new_name is not None and new_name != policy.name:
            if await self.archival_repo.get_by_name(new_name) is not None:
                raise ConflictError(f"an archival policy named \"{new_name}\" already exists")
        updated = await self.archival_repo.update(policy, **updates)
        await self._record(actor_id, "policy.archival.updated", policy_id)
        return updated

    async def delete_archival_policy(self, policy_id: int, *, actor_id: int) -> None:
        """Delete an archival policy."""
        await self.archival_repo.delete(await self.get_archival_policy(policy_id))
        await self._record(actor_id, "policy.archival.deleted", policy_id)

    # Cleanup policies

    async def create_cleanup_policy(
        self, policy_in: CleanupPolicyCreate, *, actor_id: int
    ) -> CleanupPolicy:
        """Create a cleanup policy (names are unique)."""
        self.log_operation("create_cleanup_policy", name=policy_in.name)
        if await self.cleanup_repo.get_by_name(policy_in.name) is not None:
            raise ConflictError(f"a cleanup policy named \"{policy_in.name}\" already exists")
        policy = await self.cleanup_repo.create(**policy_in.model_dump())
        await self._record(actor_id, "policy.cleanup.created", policy.id)
        return policy

    async def list_cleanup_policies(self, *, offset: int, limit: int) -> Page[CleanupPolicy]:
        """Return one page of cleanup policies and how many there are."""
        policies = await self.cleanup_repo.list(offset=offset, limit=limit)
        return Page(items=policies, total=await self.cleanup_repo.count())

    async def get_cleanup_policy(self, policy_id: int) -> CleanupPolicy:
        """Return one cleanup policy."""
        policy = await self.cleanup_repo.get_by_id(policy_id)
        if policy is None:
            raise NotFoundError("Cleanup policy", policy_id)
        return policy

    async def update_cleanup_policy(
        self, policy_id: int, policy_in: CleanupPolicyUpdate, *, actor_id: int
    ) -> CleanupPolicy:
        """Change the given fields of a cleanup policy."""
        policy = await self.get_cleanup_policy(policy_id)
        updates = policy_in.model_dump(exclude_unset=True)
        new_name = updates.get("name")
        if new_name is not None and new_name != policy.name:
            if await self.cleanup_repo.get_by_name(new_name) is not None:
                raise ConflictError(f"a cleanup policy named \"{new_name}\" already exists")
        updated = await self.cleanup_repo.update(policy, **updates)
        await self._record(actor_id, "policy.cleanup.updated", policy_id)
        return updated

    async def delete_cleanup_policy(self, policy_id: int, *, actor_id: int) -> None:
        """Delete a cleanup policy."""
        await self.cleanup_repo.delete(await self.get_cleanup_policy(policy_id))
        await self._record(actor_id, "policy.cleanup.deleted", policy_id)

    # Executions

    async def queue_execution(
        self, kind: PolicyKind, policy_id: int, triggered_by: int
    ) -> PolicyExecution:
        """Record a pending execution of an active policy (the caller runs ``run_execution``)."""
        policy: ArchivalPolicy | CleanupPolicy
        if kind is PolicyKind.ARCHIVAL:
            policy = await self.get_archival_policy(policy_id)
        else:
            policy = await self.get_cleanup_policy(policy_id)
        if not policy.is_active:
            raise InvalidOperationError(f"{kind.value} policy {policy_id} is not active")
        execution = await self.execution_repo.create(
            policy_kind=kind, policy_id=policy_id, triggered_by=triggered_by
        )
        await self._record(
            triggered_by, f"policy.{kind.value}.executed", policy_id, execution_id=execution.id
        )
        return execution

    async def run_execution(self, execution_id: int) -> None:
        """Carry out a pending execution and record its outcome (runs as a background task)."""
        execution = await self.execution_repo.get_by_id(execution_id)
        if execution is None or execution.status is not ExecutionStatus.PENDING:
            return
        self.log_operation("run_execution", execution_id=execution_id)
        try:
            if execution.policy_kind is PolicyKind.ARCHIVAL:
                affected = await self._archive(await self.get_archival_policy(execution.policy_id))
            else:
                affected = await self._clean_up(await self.get_cleanup_policy(execution.policy_id))
        except NotFoundError as error:
            await self.execution_repo.update(
                execution,
                status=ExecutionStatus.FAILED,
                error_message=error.message,
                finished_at=utcnow(),
            )
            return
        await self.execution_repo.update(
            execution,
            status=ExecutionStatus.COMPLETED,
            affected_count=affected,
            finished_at=utcnow(),
        )

    async def list_executions(self, *, offset: int, limit: int) -> Page[PolicyExecution]:
        """Return one page of executions, newest first, and how many there are."""
        executions = await self.execution_repo.list_recent(offset=offset, limit=limit)
        return Page(items=executions, total=await self.execution_repo.count())

    async def get_execution(self, execution_id: int) -> PolicyExecution:
        """Return one execution."""
        execution = await self.execution_repo.get_by_id(execution_id)
        if execution is None:
            raise NotFoundError("Policy execution", execution_id)
        return execution

    async def _archive(self, policy: ArchivalPolicy) -> int:
        """Archive datasets not updated for the policy's number of days; return how many."""
        cutoff = utcnow() - timedelta(days=policy.days_inactive)
        datasets = await self.dataset_repo.list_inactive_since(cutoff)
        for dataset in datasets:
            await self.dataset_repo.update(
                dataset, status=DatasetStatus.ARCHIVED, archived_at=utcnow()
            )
            await self.notification_repo.create(
                user_id=dataset.user_id,
                category="policy",
                title=f"Dataset \"{dataset.name}\" archived",
                message=f"Archived by policy \"{policy.name}\" after {policy.days_inactive} "
                "day(s) without changes.",
            )
        return len(datasets)

    async def _clean_up(self, policy: CleanupPolicy) -> int:
        """Delete the policy's target records older than its age; return how many."""
        cutoff = utcnow() - timedelta(days=policy.days_old)
        if policy.target is CleanupTarget.FAILED_CRAWL_JOBS:
            return await self.crawl_job_repo.delete_failed_before(cutoff)
        if policy.target is CleanupTarget.READ_NOTIFICATIONS:
            return await self.notification_repo.delete_read_before(cutoff)
        return await self.activity_repo.delete_before(cutoff)

    async def _record(
        self, actor_id: int, action: str, policy_id: int, **details: int | str
    ) -> None:
        """Add an entry about a policy to the acting admin's activity log."""
        await self.activity_repo.create(
            user_id=actor_id,
            action=action,
            resource_type="policy",
            resource_id=policy_id,
            details=details,
        )
