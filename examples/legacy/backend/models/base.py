"""Declarative base and the shared ``TimestampMixin`` of every ORM model."""

from datetime import datetime

from sqlalchemy import DateTime, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = ["Base", "TimestampMixin"]


class Base(DeclarativeBase):
    """Declarative base class shared by all PixCrawler models."""


class TimestampMixin:
    """Adds ``created_at`` / ``updated_at`` columns maintained by the database.

    Every model that needs timestamps must inherit this mixin instead of
    declaring the two columns itself.
    """

    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.now(),
        nullable=False,
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.now(),
        onupdate=func.now(),
        nullable=False,
    )
