"""Declarative base and the timestamp mixin every model uses instead of its own timestamp columns."""

from datetime import datetime

from sqlalchemy import DateTime
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backend.core.clock import utcnow

__all__ = ["Base", "TimestampMixin"]


class Base(DeclarativeBase):
    """Declarative base of every PixCrawler model."""


class TimestampMixin:
    """Adds ``created_at`` and ``updated_at`` columns (set by the ORM, in UTC)."""

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
