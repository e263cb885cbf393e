"""API key schemas."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from backend.core.enums import APIKeyStatus
from backend.schemas.common import NonBlankStr, ORMModel

__all__ = ["APIKeyCreate", "APIKeyCreated", "APIKeyResponse"]


class APIKeyCreate(BaseModel):
    """Request for a new API key."""

    model_config = ConfigDict(extra="forbid")

    name: NonBlankStr = Field(max_length=100)


class APIKeyResponse(ORMModel):
    """An API key as listed: never the key itself, only its display prefix."""

    id: int
    name: str
    prefix: str
    status: APIKeyStatus
    last_used_at: datetime | None
    created_at: datetime


class APIKeyCreated(APIKeyResponse):
    """A newly created key, including the secret (shown only in this response)."""

    key: str
