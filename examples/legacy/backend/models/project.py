"""Project model: a named container of datasets owned by one user."""

import uuid

from sqlalchemy import ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, TimestampMixin

__all__ = ["Project"]


class Project(TimestampMixin, Base):
    """A user's project; dataset names are unique within a project."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[uuid.UUID] = mapped_column(
        Uuid(as_uuid=True),
        ForeignKey("profiles.id", ondelete="CASCADE"),
        nullable=False,
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    is_archived: Mapped[bool] = mapped_column(default=False, nullable=False)

    __table_args__ = (
        Index("ix_projects_owner_id", owner_id),
        Index("ix_projects_owner_name", owner_id, name, unique=True),
    )
