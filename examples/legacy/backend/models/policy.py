"""Dataset lifecycle policies (archival, cleanup) and their execution log."""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, TimestampMixin

__all__ = ["ArchivalPolicy", "CleanupPolicy", "PolicyExecutionLog"]


class ArchivalPolicy(TimestampMixin, Base):
    """Moves datasets untouched for ``age_days`` to archive storage."""

    __tablename__ = "archival_policies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True, nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    age_days: Mapped[int] = mapped_column(Integer, nullable=False)
    target_tier: Mapped[str] = mapped_column(String(20), default="cool", nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class CleanupPolicy(TimestampMixin, Base):
    """Deletes failed or empty datasets older than ``age_days``."""

    __tablename__ = "cleanup_policies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True, nullable=False)
    age_days: Mapped[int] = mapped_column(Integer, nullable=False)
    dataset_status: Mapped[str] = mapped_column(String(20), default="failed", nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class PolicyExecutionLog(Base):
    """One run of a policy: how many datasets it touched and how it ended."""

    __tablename__ = "policy_execution_logs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_type: Mapped[str] = mapped_column(String(20), nullable=False)
    policy_id: Mapped[int] = mapped_column(Integer, nullable=False)
    datasets_affected: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    error: Mapped[str | None] = mapped_column(Text)
    executed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (Index("ix_policy_execution_logs_type_id", policy_type, policy_id),)
