"""Crawl job model: one run of the builder over a list of image URLs for a dataset."""

from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.core.enums import CrawlJobStatus
from backend.models.base import Base, TimestampMixin, UTCDateTime

__all__ = ["CrawlJob"]


class CrawlJob(TimestampMixin, Base):
    """A request to fetch images into a dataset, and its progress."""

    __tablename__ = "crawl_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    urls: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[CrawlJobStatus] = mapped_column(
        Enum(CrawlJobStatus, native_enum=False, length=16), default=CrawlJobStatus.PENDING
    )
    total_urls: Mapped[int] = mapped_column(Integer, default=0)
    downloaded_images: Mapped[int] = mapped_column(Integer, default=0)
    duplicate_images: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    failed_urls: Mapped[int] = mapped_column(Integer, default=0)
    error_message: Mapped[str | None] = mapped_column(Text, default=None)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    __table_args__ = (
        Index("ix_crawl_jobs_dataset_id", dataset_id),
        Index("ix_crawl_jobs_user_status", user_id, status),
        Index("ix_crawl_jobs_created_at", "created_at"),
    )
