"""Project schemas."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ProjectCreate", "ProjectResponse", "ProjectStats", "ProjectUpdate"]


class ProjectCreate(BaseModel):
    """Payload to create a project."""

    name: str = Field(min_length=1, max_length=200)
    description: str | None = None


class ProjectUpdate(BaseModel):
    """Partial update of a project."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = None
    is_archived: bool | None = None


class ProjectResponse(BaseModel):
    """A project as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    description: str | None
    is_archived: bool
    created_at: datetime
    updated_at: datetime


class ProjectStats(BaseModel):
    """Aggregated numbers of one project."""

    project_id: int
    dataset_count: int
    image_count: int
