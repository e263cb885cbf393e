"""Dataset and image models: a dataset is the set of images one crawl produced."""

import uuid

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, TimestampMixin

__all__ = ["Dataset", "Image"]


class Dataset(TimestampMixin, Base):
    """A named collection of crawled images belonging to a project."""

    __tablename__ = "datasets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid(as_uuid=True),
        ForeignKey("profiles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), nullable=False)
    crawl_job_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_jobs.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    category: Mapped[str] = mapped_column(String(100), default="default", nullable=False)
    status: Mapped[str] = mapped_column(String(20), default="pending", nullable=False)
    storage_path: Mapped[str | None] = mapped_column(String(500))
    image_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    __table_args__ = (
        Index("ix_datasets_user_id", "user_id"),  # expect: PXL501
        Index("ix_datasets_status", status),
        Index("ix_datasets_user_status", user_id, "status"),  # expect: PXL501
        Index("ix_datasets_created_at", "created_at"),
        UniqueConstraint("project_id", "name", name="uq_datasets_project_name"),  # expect: PXL501
    )


class Image(TimestampMixin, Base):
    """One downloaded image file of a dataset."""

    __tablename__ = "images"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"), nullable=False)
    source_url: Mapped[str] = mapped_column(String(2000), nullable=False)
    storage_url: Mapped[str] = mapped_column(String(1000), nullable=False)
    category: Mapped[str | None] = mapped_column(String(100))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    __table_args__ = (Index("ix_images_dataset_id", dataset_id),)
