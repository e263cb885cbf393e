"""Dataset and stored-image schemas."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from backend.core.enums import DatasetStatus
from backend.core.limits import MAX_DB_INT
from backend.schemas.common import NonBlankStr, ORMModel

__all__ = ["DatasetCreate", "DatasetResponse", "DatasetUpdate", "ImageResponse"]


class DatasetCreate(BaseModel):
    """Request to create a dataset inside a project."""

    model_config = ConfigDict(extra="forbid")

    project_id: int = Field(ge=1, le=MAX_DB_INT)
    name: NonBlankStr = Field(max_length=200)
    description: str | None = Field(default=None, max_length=5000)


class DatasetUpdate(BaseModel):
    """Dataset update: only the given fields change."""

    model_config = ConfigDict(extra="forbid")

    name: NonBlankStr | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=5000)


class DatasetResponse(ORMModel):
    """A dataset."""

    id: int
    project_id: int
    user_id: int
    name: str
    description: str | None
    status: DatasetStatus
    image_count: int
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ImageResponse(ORMModel):
    """An image stored for a dataset."""

    id: int
    dataset_id: int
    crawl_job_id: int | None
    source_url: str
    storage_path: str
    sha256: str
    image_format: str
    width: int
    height: int
    size_bytes: int
    created_at: datetime
