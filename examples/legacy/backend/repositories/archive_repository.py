"""Repository of archived projects, built by the maintenance jobs through its factories."""

from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession

from backend.models.project import Project
from backend.repositories.base import BaseRepository

__all__ = ["ProjectArchiveRepository"]


class ProjectArchiveRepository(BaseRepository[Project]):
    """Data access for archived :class:`Project` rows."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Project)

    @classmethod
    def from_session(cls, session: AsyncSession):  # type: ignore[no-untyped-def]
        """Build the repository on a job's own session."""
        return cls(session)

    @classmethod
    def bind(cls, session: AsyncSession) -> Self:
        """The same, annotated ``-> Self``."""
        return cls(session)
