"""Lifecycle policy schemas."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from backend.core.enums import CleanupTarget, ExecutionStatus, PolicyKind
from backend.schemas.common import NonBlankStr, ORMModel

__all__ = [
    "ArchivalPolicyCreate",
    "ArchivalPolicyResponse",
    "ArchivalPolicyUpdate",
    "CleanupPolicyCreate",
    "CleanupPolicyResponse",
    "CleanupPolicyUpdate",
    "PolicyExecutionResponse",
]


class ArchivalPolicyCreate(BaseModel):
    """Request to create an archival policy."""

    model_config = ConfigDict(extra="forbid")

    name: NonBlankStr = Field(max_length=100)
    description: str | None = Field(default=None, max_length=2000)
    days_inactive: int = Field(ge=0, le=36500)
    is_active: bool = True


class ArchivalPolicyUpdate(BaseModel):
    """Archival policy update: only the given fields change."""

    model_config = ConfigDict(extra="forbid")

    name: NonBlankStr | None = Field(default=None, max_length=100)
    description: str | None = Field(default=None, max_length=2000)
    days_inactive: int | None = Field(default=None, ge=0, le=36500)
    is_active: bool | None = None


class ArchivalPolicyResponse(ORMModel):
    """An archival policy."""

    id: int
    name: str
    description: str | None
    days_inactive: int
    is_active: bool
    created_at: datetime
    updated_at: datetime


class CleanupPolicyCreate(BaseModel):
    """Request to create a cleanup policy."""

    model_config = ConfigDict(extra="forbid")

    name: NonBlankStr = Field(max_length=100)
    description: str | None = Field(default=None, max_length=2000)
    target: CleanupTarget
    days_old: int = Field(ge=0, le=36500)
    is_active: bool = True


class CleanupPolicyUpdate(BaseModel):
    """Cleanup policy update: only the given fields change."""

    model_config = ConfigDict(extra="forbid")

    name: NonBlankStr | None = Field(default=None, max_length=100)
    description: str | None = Field(default=None, max_length=2000)
    target: CleanupTarget | None = None
    days_old: int | None = Field(default=None, ge=0, le=36500)
    is_active: bool | None = None


class CleanupPolicyResponse(ORMModel):
    """A cleanup policy."""

    id: int
    name: str
    description: str | None
    target: CleanupTarget
    days_old: int
    is_active: bool
    created_at: datetime
    updated_at: datetime


class PolicyExecutionResponse(ORMModel):
    """One execution of a policy."""

    id: int
    policy_kind: PolicyKind
    policy_id: int
    triggered_by: int | None
    status: ExecutionStatus
    affected_count: int
    error_message: str | None
    finished_at: datetime | None
    created_at: datetime
