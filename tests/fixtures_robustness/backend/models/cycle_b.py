"""The other half of the model cycle."""

from sqlalchemy.orm import Mapped, mapped_column

from backend.models.cycle_a import Base, CycleA

__all__ = ["CycleB", "TABLE"]

TABLE = "cycle_b"


class CycleB(Base):
    """Refers back to CycleA."""

    __tablename__ = TABLE

    id: Mapped[int] = mapped_column(primary_key=True)

    def partner(self) -> type[CycleA]:
        """The other model of the cycle."""
        return CycleA
