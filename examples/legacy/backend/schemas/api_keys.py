"""API key schemas and the key status enum."""

from datetime import datetime
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["APIKeyCreate", "APIKeyCreatedResponse", "APIKeyResponse", "APIKeyStatus"]


class APIKeyStatus(str, Enum):
    """Lifecycle states of an API key."""

    ACTIVE = "active"
    REVOKED = "revoked"
    EXPIRED = "expired"


class APIKeyCreate(BaseModel):
    """Payload to issue a new API key."""

    name: str = Field(min_length=1, max_length=100)
    expires_in_days: int | None = Field(default=None, ge=1, le=365)


class APIKeyResponse(BaseModel):
    """An API key as listed (never includes the secret)."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    key_prefix: str
    status: APIKeyStatus
    last_used_at: datetime | None
    expires_at: datetime | None
    created_at: datetime


class APIKeyCreatedResponse(APIKeyResponse):
    """Returned once, at creation: includes the raw key."""

    key: str
