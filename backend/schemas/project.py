"""Project schemas."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from backend.schemas.common import NonBlankStr, ORMModel

__all__ = ["ProjectCreate", "ProjectResponse", "ProjectUpdate"]


class ProjectCreate(BaseModel):
    """Request to create a project."""

    model_config = ConfigDict(extra="forbid")

    name: NonBlankStr = Field(max_length=200)
    description: str | None = Field(default=None, max_length=5000)


class ProjectUpdate(BaseModel):
    """Project update: only the given fields change."""

    model_config = ConfigDict(extra="forbid")

    name: NonBlankStr | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=5000)


class ProjectResponse(ORMModel):
    """A project."""

    id: int
    owner_id: int
    name: str
    description: str | None
    created_at: datetime
    updated_at: datetime
