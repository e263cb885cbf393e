"""Models with table arguments in every shape SQLAlchemy accepts (and some it does not)."""

from typing import Any

from sqlalchemy import Column, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.cycle_a import Base

__all__ = ["DictArgs", "ComputedArgs", "Legacy"]

NAMES = ("name",)


class DictArgs(Base):
    """__table_args__ is a dict."""

    __tablename__ = "dict_args"
    __table_args__: Any = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)


class ComputedArgs(Base):
    """__table_args__ built from expressions and star-unpacking."""

    __tablename__ = "computed_args"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))

    __table_args__ = (
        *[Index(f"ix_{n}", n) for n in NAMES],
        UniqueConstraint(*NAMES),
        {"comment": "computed"},
    )


class Legacy(Base):
    """Old-style Column() declarations and a column called like a method."""

    __tablename__ = "legacy"

    id = Column(Integer, primary_key=True)
    created_at = Column(String)

    def stamp(self) -> Any:
        """Calls a column: a bug, but through a legacy Column()."""
        return self.created_at()
