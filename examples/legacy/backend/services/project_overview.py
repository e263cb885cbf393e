"""Project overview: repositories reached through a chain (a registry of repositories)."""

from dataclasses import dataclass

from backend.models.project import Project
from backend.repositories.dataset_repository import DatasetRepository
from backend.repositories.project_repository import ProjectRepository
from backend.services.base import BaseService

__all__ = ["ProjectOverviewService", "RepositoryRegistry"]


@dataclass
class RepositoryRegistry:
    """The repositories of one unit of work."""

    projects: ProjectRepository
    datasets: DatasetRepository


class ProjectOverviewService(BaseService):
    """Summaries of a project."""

    def __init__(self, repos: RepositoryRegistry) -> None:
        super().__init__()
        self.repos = repos

    async def rename(self, project_id: int, name: str) -> Project:
        """Rename a project."""
        return await self.repos.projects.update(project_id, name=name)  # expect: PXL402

    async def dataset_count(self, project_id: int) -> int:
        """Number of datasets of the project."""
        return await self.repos.datasets.count(project_id=project_id)
