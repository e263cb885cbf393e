"""Activity log model: an append-only audit trail of user actions."""

import uuid
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, TimestampMixin

__all__ = ["ActivityLog"]


class ActivityLog(TimestampMixin, Base):
    """One user action ("dataset.created", "api_key.revoked", ...).

    ``created_at`` comes from ``TimestampMixin``: it is a column, not a method.
    """

    __tablename__ = "activity_logs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid(as_uuid=True), nullable=False)
    action: Mapped[str] = mapped_column(String(100), nullable=False)
    resource_type: Mapped[str] = mapped_column(String(50), nullable=False)
    resource_id: Mapped[str | None] = mapped_column(String(64))
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict, nullable=False)

    __table_args__ = (Index("ix_activity_logs_user_created", user_id, "created_at"),)
