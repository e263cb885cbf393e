"""Dataset lifecycle policy endpoints.

Admin only: every route takes ``current_user: AdminUser``, which answers 403 to anyone else
(read routes use it only as that guard; changes are recorded in the admin's activity log).

Endpoints:
    POST   /policies/archival                       - create an archival policy
    GET    /policies/archival                       - list archival policies
    GET    /policies/archival/{policy_id}           - one archival policy
    PATCH  /policies/archival/{policy_id}           - update an archival policy
    DELETE /policies/archival/{policy_id}           - delete an archival policy
    POST   /policies/archival/{policy_id}/execute   - run it in the background
    (the same six for /policies/cleanup)
    GET    /policies/executions                     - list policy executions
    GET    /policies/executions/{execution_id}      - one execution
"""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Response
from fastapi import status as http_status

from backend.api.types import AdminUser, IdPath, Offset, PolicyServiceDep
from backend.core.enums import PolicyKind
from backend.core.pagination import LIST_RESPONSES, TOTAL_COUNT_HEADER
from backend.schemas.policy import (
    ArchivalPolicyCreate,
    ArchivalPolicyResponse,
    ArchivalPolicyUpdate,
    CleanupPolicyCreate,
    CleanupPolicyResponse,
    CleanupPolicyUpdate,
    PolicyExecutionResponse,
)

__all__ = ["router"]

router = APIRouter(prefix="/policies", tags=["Policies"])


@router.post(
    "/archival",
    status_code=http_status.HTTP_201_CREATED,
    summary="Create an archival policy",
    operation_id="createArchivalPolicy",
)
async def create_archival_policy(
    policy_in: ArchivalPolicyCreate, current_user: AdminUser, service: PolicyServiceDep
) -> ArchivalPolicyResponse:
    """Create an archival policy (admin only)."""
    policy = await service.create_archival_policy(policy_in, actor_id=current_user.id)
    return ArchivalPolicyResponse.model_validate(policy)


@router.get(
    "/archival",
    summary="List archival policies",
    responses=LIST_RESPONSES,
    operation_id="listArchivalPolicies",
)
async def list_archival_policies(
    current_user: AdminUser,
    service: PolicyServiceDep,
    response: Response,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[ArchivalPolicyResponse]:
    """Return archival policies (admin only)."""
    page = await service.list_archival_policies(offset=offset, limit=limit)
    response.headers[TOTAL_COUNT_HEADER] = str(page.total)
    return [ArchivalPolicyResponse.model_validate(policy) for policy in page.items]


@router.get(
    "/archival/{policy_id}",
    summary="Get an archival policy",
    operation_id="getArchivalPolicy",
)
async def get_archival_policy(
    policy_id: IdPath, current_user: AdminUser, service: PolicyServiceDep
) -> ArchivalPolicyResponse:
    """Return one archival policy (admin only)."""
    return ArchivalPolicyResponse.model_validate(await service.get_archival_policy(policy_id))


@router.patch(
    "/archival/{policy_id}",
    summary="Update an archival policy",
    operation_id="updateArchivalPolicy",
)
async def update_archival_policy(
    policy_id: IdPath,
    policy_in: ArchivalPolicyUpdate,
    current_user: AdminUser,
    service: PolicyServiceDep,
) -> ArchivalPolicyResponse:
    """Change the given fields of an archival policy (admin only)."""
    policy = await service.update_archival_policy(
        policy_id, policy_in, actor_id=current_user.id
    )
    return ArchivalPolicyResponse.model_validate(policy)


@router.delete(
    "/archival/{policy_id}",
    status_code=http_status.HTTP_204_NO_CONTENT,
    summary="Delete an archival policy",
    operation_id="deleteArchivalPolicy",
)
async def delete_archival_policy(
    policy_id: IdPath, current_user: AdminUser, service: PolicyServiceDep
) -> None:
    """Delete an archival policy (admin only)."""
    await service.delete_archival_policy(policy_id, actor_id=current_user.id)


@router.post(
    "/archival/{policy_id}/execute",
    status_code=http_status.HTTP_202_ACCEPTED,
    summary="Execute an archival policy",
    description="Queue an execution of an active archival policy and run it as a background task; "
    "poll `GET /policies/executions/{execution_id}` for the outcome.",
    operation_id="executeArchivalPolicy",
)
async def execute_archival_policy(
    policy_id: IdPath,
    current_user: AdminUser,
    service: PolicyServiceDep,
    background_tasks: BackgroundTasks,
) -> PolicyExecutionResponse:
    """Queue and run one archival policy (admin only)."""
    execution = await service.queue_execution(PolicyKind.ARCHIVAL, policy_id, current_user.id)
    background_tasks.add_task(service.run_execution, execution.id)
    return PolicyExecutionResponse.model_validate(execution)


@router.post(
    "/cleanup",
    status_code=http_status.HTTP_201_CREATED,
    summary="Create a cleanup policy",
    operation_id="createCleanupPolicy",
)
async def create_cleanup_policy(
    policy_in: CleanupPolicyCreate, current_user: AdminUser, service: PolicyServiceDep
) -> CleanupPolicyResponse:
    """Create a cleanup policy (admin only)."""
    policy = await service.create_cleanup_policy(policy_in, actor_id=current_user.id)
    return CleanupPolicyResponse.model_validate(policy)


@router.get(
    "/cleanup",
    summary="List cleanup policies",
    responses=LIST_RESPONSES,
    operation_id="listCleanupPolicies",
)
async def list_cleanup_policies(
    current_user: AdminUser,
    service: PolicyServiceDep,
    response: Response,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[CleanupPolicyResponse]:
    """Return cleanup policies (admin only)."""
    page = await service.list_cleanup_policies(offset=offset, limit=limit)
    response.headers[TOTAL_COUNT_HEADER] = str(page.total)
    return [CleanupPolicyResponse.model_validate(policy) for policy in page.items]


@router.get(
    "/cleanup/{policy_id}",
    summary="Get a cleanup policy",
    operation_id="getCleanupPolicy",
)
async def get_cleanup_policy(
    policy_id: IdPath, current_user: AdminUser, service: PolicyServiceDep
) -> CleanupPolicyResponse:
    """Return one cleanup policy (admin only)."""
    return CleanupPolicyResponse.model_validate(await service.get_cleanup_policy(policy_id))


@router.patch(
    "/cleanup/{policy_id}",
    summary="Update a cleanup policy",
    operation_id="updateCleanupPolicy",
)
async def update_cleanup_policy(
    policy_id: IdPath,
    policy_in: CleanupPolicyUpdate,
    current_user: AdminUser,
    service: PolicyServiceDep,
) -> CleanupPolicyResponse:
    """Change the given fields of a cleanup policy (admin only)."""
    policy = await service.update_cleanup_policy(
        policy_id, policy_in, actor_id=current_user.id
    )
    return CleanupPolicyResponse.model_validate(policy)


@router.delete(
    "/cleanup/{policy_id}",
    status_code=http_status.HTTP_204_NO_CONTENT,
    summary="Delete a cleanup policy",
    operation_id="deleteCleanupPolicy",
)
async def delete_cleanup_policy(
    policy_id: IdPath, current_user: AdminUser, service: PolicyServiceDep
) -> None:
    """Delete a cleanup policy (admin only)."""
    await service.delete_cleanup_policy(policy_id, actor_id=current_user.id)


@router.post(
    "/cleanup/{policy_id}/execute",
    status_code=http_status.HTTP_202_ACCEPTED,
    summary="Execute a cleanup policy",
    description="Queue an execution of an active cleanup policy and run it as a background task; "
    "poll `GET /policies/executions/{execution_id}` for the outcome.",
    operation_id="executeCleanupPolicy",
)
async def execute_cleanup_policy(
    policy_id: IdPath,
    current_user: AdminUser,
    service: PolicyServiceDep,
    background_tasks: BackgroundTasks,
) -> PolicyExecutionResponse:
    """Queue and run one cleanup policy (admin only)."""
    execution = await service.queue_execution(PolicyKind.CLEANUP, policy_id, current_user.id)
    background_tasks.add_task(service.run_execution, execution.id)
    return PolicyExecutionResponse.model_validate(execution)


@router.get(
    "/executions",
    summary="List policy executions",
    responses=LIST_RESPONSES,
    operation_id="listPolicyExecutions",
)
async def list_policy_executions(
    current_user: AdminUser,
    service: PolicyServiceDep,
    response: Response,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[PolicyExecutionResponse]:
    """Return policy executions, newest first (admin only)."""
    page = await service.list_executions(offset=offset, limit=limit)
    response.headers[TOTAL_COUNT_HEADER] = str(page.total)
    return [PolicyExecutionResponse.model_validate(execution) for execution in page.items]


@router.get(
    "/executions/{execution_id}",
    summary="Get a policy execution",
    operation_id="getPolicyExecution",
)
async def get_policy_execution(
    execution_id: IdPath, current_user: AdminUser, service: PolicyServiceDep
) -> PolicyExecutionResponse:
    """Return one policy execution (admin only)."""
    return PolicyExecutionResponse.model_validate(await service.get_execution(execution_id))
