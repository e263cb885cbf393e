"""Models importing each other at module level (a cycle inside one layer)."""

from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backend.models import cycle_b

__all__ = ["Base", "CycleA"]


class Base(DeclarativeBase):
    """Declarative base."""


class CycleA(Base):
    """Points at CycleB, whose module imports this one."""

    __tablename__ = "cycle_a"

    id: Mapped[int] = mapped_column(primary_key=True)
    b_id: Mapped[int] = mapped_column(ForeignKey(cycle_b.TABLE + ".id"))
