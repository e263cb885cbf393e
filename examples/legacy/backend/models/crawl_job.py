"""Crawl job model: one request to fetch images for a dataset."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, TimestampMixin

__all__ = ["CrawlJob"]


class CrawlJob(TimestampMixin, Base):
    """A crawl of ``keywords`` bounded by ``max_images``, with its progress counters."""

    __tablename__ = "crawl_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), nullable=False)
    dataset_id: Mapped[int | None] = mapped_column(Integer)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid(as_uuid=True), nullable=False)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    source_urls: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    max_images: Mapped[int] = mapped_column(Integer, default=100, nullable=False)
    status: Mapped[str] = mapped_column(String(20), default="pending", nullable=False)
    downloaded_images: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    failed_images: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    error_message: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_crawl_jobs_user_status", user_id, status),
        Index("ix_crawl_jobs_project_id", project_id),
    )
