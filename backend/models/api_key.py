"""API key model: only the key's SHA-256 hash is stored."""

from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.core.enums import APIKeyStatus
from backend.models.base import Base, TimestampMixin, UTCDateTime

__all__ = ["APIKey"]


class APIKey(TimestampMixin, Base):
    """A bearer credential belonging to one user."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16))
    key_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[APIKeyStatus] = mapped_column(
        Enum(APIKeyStatus, native_enum=False, length=16), default=APIKeyStatus.ACTIVE
    )
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    __table_args__ = (
        Index("ix_api_keys_key_hash", key_hash, unique=True),
        Index("ix_api_keys_user_id", user_id),
    )
