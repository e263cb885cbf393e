"""Crawl job schemas and the job status enum."""

from datetime import datetime
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

__all__ = ["CrawlJobCreate", "CrawlJobProgress", "CrawlJobResponse", "CrawlJobStatus"]


class CrawlJobStatus(str, Enum):
    """Lifecycle states of a crawl job."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class CrawlJobCreate(BaseModel):
    """Payload to start a crawl for a project."""

    project_id: int
    dataset_id: int | None = None
    keywords: list[str] = Field(min_length=1)
    source_urls: list[HttpUrl] = Field(min_length=1)
    max_images: int = Field(default=100, ge=1, le=500)


class CrawlJobResponse(BaseModel):
    """A crawl job as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    project_id: int
    dataset_id: int | None
    status: CrawlJobStatus
    max_images: int
    downloaded_images: int
    failed_images: int
    error_message: str | None
    created_at: datetime
    completed_at: datetime | None


class CrawlJobProgress(BaseModel):
    """Progress of a running job in percent."""

    job_id: int
    status: CrawlJobStatus
    percentage: float
