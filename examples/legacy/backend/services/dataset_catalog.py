"""Dataset catalog: repositories reached through @property and functools.cached_property."""

from functools import cached_property

from backend.core.exceptions import NotFoundError
from backend.models.dataset import Dataset
from backend.models.project import Project
from backend.repositories.dataset_repository import DatasetRepository
from backend.repositories.project_repository import ProjectRepository
from backend.services.base import BaseService

__all__ = ["DatasetCatalogService"]


class DatasetCatalogService(BaseService):
    """Browsing and removing datasets of a project."""

    def __init__(self, datasets: DatasetRepository, projects: ProjectRepository) -> None:
        super().__init__()
        self._datasets = datasets
        self._projects = projects

    @property
    def datasets(self) -> DatasetRepository:
        """The dataset repository."""
        return self._datasets

    @cached_property
    def projects(self):  # type: ignore[no-untyped-def]
        """The project repository (unannotated: known from what it returns)."""
        return self._projects

    async def project_of(self, project_id: int) -> Project:
        """The project, or :class:`NotFoundError`."""
        project = await self.projects.get(project_id)  # expect: PXL403
        if project is None:
            raise NotFoundError(f"Project {project_id} not found")
        return project

    async def remove_dataset(self, dataset_id: int) -> None:
        """Delete a dataset."""
        await self.datasets.delete(dataset_id)  # expect: PXL406

    async def get_dataset(self, dataset_id: int) -> Dataset:
        """The dataset, or :class:`NotFoundError`."""
        dataset = await self.datasets.get_by_id(dataset_id)
        if dataset is None:
            raise NotFoundError(f"Dataset {dataset_id} not found")
        return dataset
