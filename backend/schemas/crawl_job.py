"""Crawl job schemas."""

from datetime import datetime

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field

from backend.core.enums import CrawlJobStatus
from backend.core.limits import MAX_DB_INT
from backend.schemas.common import ORMModel

__all__ = ["CrawlJobCreate", "CrawlJobResponse"]


class CrawlJobCreate(BaseModel):
    """Request to crawl image URLs into a dataset."""

    model_config = ConfigDict(extra="forbid")

    dataset_id: int = Field(ge=1, le=MAX_DB_INT)
    urls: list[AnyHttpUrl] = Field(min_length=1, max_length=500)


class CrawlJobResponse(ORMModel):
    """A crawl job and its progress."""

    id: int
    dataset_id: int
    user_id: int
    urls: list[str]
    status: CrawlJobStatus
    total_urls: int
    downloaded_images: int = Field(description="New images this job added to the dataset.")
    duplicate_images: int = Field(
        description="Images downloaded that the dataset already had (same content): "
        "not stored again."
    )
    failed_urls: int
    error_message: str | None
    started_at: datetime | None
    completed_at: datetime | None
    created_at: datetime
    updated_at: datetime
