"""Dataset lifecycle policies (archival, cleanup) and the log of their executions."""

from datetime import datetime

from sqlalchemy import Boolean, Enum, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.core.enums import CleanupTarget, ExecutionStatus, PolicyKind
from backend.models.base import Base, TimestampMixin, UTCDateTime

__all__ = ["ArchivalPolicy", "CleanupPolicy", "PolicyExecution"]


class ArchivalPolicy(TimestampMixin, Base):
    """Archives datasets that were not updated for ``days_inactive`` days."""

    __tablename__ = "archival_policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    days_inactive: Mapped[int] = mapped_column(Integer)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index("ix_archival_policies_name", name, unique=True),)


class CleanupPolicy(TimestampMixin, Base):
    """Deletes records of one ``target`` kind that are older than ``days_old`` days."""

    __tablename__ = "cleanup_policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    target: Mapped[CleanupTarget] = mapped_column(Enum(CleanupTarget, native_enum=False, length=32))
    days_old: Mapped[int] = mapped_column(Integer)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index("ix_cleanup_policies_name", name, unique=True),)


class PolicyExecution(TimestampMixin, Base):
    """One run of a policy: queued by an admin, carried out as a background task."""

    __tablename__ = "policy_executions"

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_kind: Mapped[PolicyKind] = mapped_column(Enum(PolicyKind, native_enum=False, length=16))
    policy_id: Mapped[int] = mapped_column(Integer)
    triggered_by: Mapped[int | None] = mapped_column(Integer, default=None)
    status: Mapped[ExecutionStatus] = mapped_column(
        Enum(ExecutionStatus, native_enum=False, length=16), default=ExecutionStatus.PENDING
    )
    affected_count: Mapped[int] = mapped_column(Integer, default=0)
    error_message: Mapped[str | None] = mapped_column(Text, default=None)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    __table_args__ = (Index("ix_policy_executions_policy", policy_kind, policy_id),)
