"""Dataset and image verification schemas."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

__all__ = ["DatasetCreate", "DatasetResponse", "ImageVerification"]


class DatasetCreate(BaseModel):
    """Payload to create a dataset and queue the crawl that fills it."""

    project_id: int
    name: str = Field(min_length=1, max_length=200)
    category: str = Field(default="default", max_length=100)
    keywords: list[str] = Field(min_length=1)
    source_urls: list[HttpUrl] = Field(default_factory=list)
    max_images: int = Field(default=100, ge=1, le=500)


class DatasetResponse(BaseModel):
    """A dataset as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    project_id: int
    crawl_job_id: int | None
    name: str
    category: str
    status: str
    image_count: int
    created_at: datetime


class ImageVerification(BaseModel):
    """Result of re-validating one stored image."""

    image_id: int
    valid: bool
    found_count: int
    invalid_files: list[str]
