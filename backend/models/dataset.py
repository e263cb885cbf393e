"""Dataset model: the images crawled for one purpose, inside a project."""

from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.core.enums import DatasetStatus
from backend.models.base import Base, TimestampMixin, UTCDateTime

__all__ = ["Dataset"]


class Dataset(TimestampMixin, Base):
    """A collection of images inside a project."""

    __tablename__ = "datasets"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    status: Mapped[DatasetStatus] = mapped_column(
        Enum(DatasetStatus, native_enum=False, length=16), default=DatasetStatus.DRAFT
    )
    image_count: Mapped[int] = mapped_column(Integer, default=0)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    __table_args__ = (
        Index("ix_datasets_user_id", user_id),
        Index("ix_datasets_project_id", project_id),
        Index("ix_datasets_status", status),
        Index("ix_datasets_user_status", user_id, status),
        Index("ix_datasets_updated_at", "updated_at"),
    )
