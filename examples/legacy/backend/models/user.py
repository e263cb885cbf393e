"""User profile model (``profiles`` table)."""

import uuid

from sqlalchemy import Boolean, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, TimestampMixin

__all__ = ["Profile"]


class Profile(TimestampMixin, Base):
    """An application user.

    The primary key mirrors the identity provider's user id, which is why it
    is a UUID and not an autoincrement integer.
    """

    __tablename__ = "profiles"

    id: Mapped[uuid.UUID] = mapped_column(Uuid(as_uuid=True), primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(String(320), unique=True, nullable=False)
    full_name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="user", nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)

    __table_args__ = (
        Index("ix_profiles_role", role),
        Index("ix_profiles_created_at", "created_at"),
    )

    def __repr__(self) -> str:
        return f"<Profile {self.email} ({self.role})>"
