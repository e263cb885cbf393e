"""Dataset lifecycle policy endpoints (archival and cleanup); meant to be admin only."""

from typing import Any, Dict

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException
from fastapi import status as http_status

from backend.api.dependencies import get_current_user, get_policy_service, require_admin
from backend.api.types import AdminUser, CurrentUser
from backend.schemas.policy import (
    ArchivalPolicyCreate,
    ArchivalPolicyResponse,
    ArchivalPolicyUpdate,
    CleanupPolicyCreate,
    CleanupPolicyResponse,
    PolicyExecutionSummary,
)
from backend.services.policy import PolicyService

__all__ = ["router"]

router = APIRouter(prefix="/policies", tags=["Policies"])


@router.post(
    "/archival",
    response_model=ArchivalPolicyResponse,
    status_code=http_status.HTTP_201_CREATED,
    summary="Create archival policy",
)
async def create_archival_policy(  # expect: PXL201
    policy_in: ArchivalPolicyCreate,
    current_user: Dict[str, Any] = Depends(get_current_user),  # expect: PXL207
    service: PolicyService = Depends(get_policy_service),  # expect: PXL206
) -> ArchivalPolicyResponse:
    """Create an archival policy."""
    require_admin(current_user)
    policy = await service.create_archival_policy(policy_in)
    return ArchivalPolicyResponse.model_validate(policy)


@router.get("/archival", response_model=list[ArchivalPolicyResponse], summary="List archival policies")
async def list_archival_policies(  # expect: PXL201, PXL211
    current_user: Dict[str, Any] = Depends(get_current_user),  # expect: PXL207
    service: PolicyService = Depends(get_policy_service),  # expect: PXL206
) -> list[ArchivalPolicyResponse]:
    """List archival policies (legacy: any authenticated user can read them)."""
    policies = await service.list_archival_policies()
    return [ArchivalPolicyResponse.model_validate(policy) for policy in policies]


@router.get(
    "/archival/{policy_id}",
    response_model=ArchivalPolicyResponse,
    summary="Get archival policy",
    operation_id="getArchivalPolicy",
)
async def get_archival_policy(
    policy_id: int,
    current_user: Dict[str, Any] = Depends(get_current_user),  # expect: PXL207
    service: PolicyService = Depends(get_policy_service),  # expect: PXL206
) -> ArchivalPolicyResponse:
    """Return one archival policy."""
    if current_user.get("role") != "admin":
        raise HTTPException(status_code=http_status.HTTP_403_FORBIDDEN, detail="Admin access required")
    policy = await service.get_archival_policy(policy_id)
    return ArchivalPolicyResponse.model_validate(policy)


@router.patch("/archival/{policy_id}", response_model=ArchivalPolicyResponse, summary="Update archival policy")
async def update_archival_policy(  # expect: PXL201, PXL211
    policy_id: int,
    policy_in: ArchivalPolicyUpdate,
    current_user=Depends(get_current_user),  # expect: PXL207
    service: PolicyService = Depends(get_policy_service),  # expect: PXL206
) -> ArchivalPolicyResponse:
    """Update an archival policy (legacy: forgot the admin check)."""
    policy = await service.update_archival_policy(policy_id, policy_in)
    return ArchivalPolicyResponse.model_validate(policy)


@router.post(
    "/cleanup",
    response_model=CleanupPolicyResponse,
    status_code=http_status.HTTP_201_CREATED,
    summary="Create cleanup policy",
    operation_id="createCleanupPolicy",
)
async def create_cleanup_policy(
    policy_in: CleanupPolicyCreate,
    admin: AdminUser,
    service: PolicyService = Depends(get_policy_service),  # expect: PXL206
) -> CleanupPolicyResponse:
    """Create a cleanup policy."""
    policy = await service.create_cleanup_policy(policy_in)
    return CleanupPolicyResponse.model_validate(policy)


@router.get(
    "/cleanup",
    response_model=list[CleanupPolicyResponse],
    summary="List cleanup policies",
    operation_id="listCleanupPolicies",
    dependencies=[Depends(require_admin)],
)
async def list_cleanup_policies(
    service: PolicyService = Depends(get_policy_service),  # expect: PXL206
) -> list[CleanupPolicyResponse]:
    """List cleanup policies."""
    policies = await service.list_cleanup_policies()
    return [CleanupPolicyResponse.model_validate(policy) for policy in policies]


@router.post(
    "/execute/archival",
    status_code=http_status.HTTP_202_ACCEPTED,
    summary="Run archival policies now",
    operation_id="executeArchivalPolicies",
)
async def execute_archival_policies(  # expect: PXL202, PXL211
    background_tasks: BackgroundTasks,
    current_user: CurrentUser,
    service: PolicyService = Depends(get_policy_service),  # expect: PXL206
):
    """Schedule the archival run (legacy: no admin check, untyped response)."""
    background_tasks.add_task(service.execute_archival_policies, current_user["user_id"], notify_admins=True)  # expect: PXL404
    return {"scheduled": True}


@router.post("/execute/cleanup", response_model=PolicyExecutionSummary, summary="Run cleanup policies now", operation_id="executeCleanupPolicies")
async def execute_cleanup_policies(  # expect: PXL210
    current_user: CurrentUser,
    service: PolicyService = Depends(get_policy_service),  # expect: PXL206
) -> PolicyExecutionSummary:
    """Run the cleanup policies synchronously."""
    require_admin(current_user)
    summary = await service.execute_cleanup_policies(triggered_by=current_user["user_id"])
    return PolicyExecutionSummary(**summary)
