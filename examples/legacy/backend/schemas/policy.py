"""Archival and cleanup policy schemas."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ArchivalPolicyCreate",
    "ArchivalPolicyResponse",
    "ArchivalPolicyUpdate",
    "CleanupPolicyCreate",
    "CleanupPolicyResponse",
    "PolicyExecutionSummary",
]


class ArchivalPolicyCreate(BaseModel):
    """Payload to create an archival policy."""

    name: str = Field(min_length=1, max_length=100)
    description: str | None = None
    age_days: int = Field(ge=1)
    target_tier: str = Field(default="cool", pattern="^(cool|cold|archive)$")
    is_active: bool = True


class ArchivalPolicyUpdate(BaseModel):
    """Partial update of an archival policy."""

    description: str | None = None
    age_days: int | None = Field(default=None, ge=1)
    target_tier: str | None = Field(default=None, pattern="^(cool|cold|archive)$")
    is_active: bool | None = None


class ArchivalPolicyResponse(BaseModel):
    """An archival policy as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    description: str | None
    age_days: int
    target_tier: str
    is_active: bool
    created_at: datetime


class CleanupPolicyCreate(BaseModel):
    """Payload to create a cleanup policy."""

    name: str = Field(min_length=1, max_length=100)
    age_days: int = Field(ge=1)
    dataset_status: str = "failed"
    is_active: bool = True


class CleanupPolicyResponse(BaseModel):
    """A cleanup policy as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    age_days: int
    dataset_status: str
    is_active: bool
    created_at: datetime


class PolicyExecutionSummary(BaseModel):
    """What one execution of the active policies did."""

    policy_type: str
    policies_run: int
    datasets_affected: int
