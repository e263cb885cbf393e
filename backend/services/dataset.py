"""Dataset service: datasets inside projects, and their stored images."""

from collections.abc import Sequence

from backend.core.exceptions import NotFoundError
from backend.models.dataset import Dataset
from backend.models.image import Image
from backend.repositories.activity_log import ActivityLogRepository
from backend.repositories.dataset import DatasetRepository
from backend.repositories.image import ImageRepository
from backend.repositories.project import ProjectRepository
from backend.schemas.dataset import DatasetCreate, DatasetUpdate
from backend.services.base import BaseService

__all__ = ["DatasetService"]


class DatasetService(BaseService):
    """Creates and manages a user's datasets and lists their images."""

    def __init__(
        self,
        dataset_repo: DatasetRepository,
        project_repo: ProjectRepository,
        image_repo: ImageRepository,
        activity_repo: ActivityLogRepository,
    ) -> None:
        """Keep the repositories."""
        super().__init__()
        self.dataset_repo = dataset_repo
        self.project_repo = project_repo
        self.image_repo = image_repo
        self.activity_repo = activity_repo

    async def create_dataset(self, user_id: int, dataset_in: DatasetCreate) -> Dataset:
        """Create a dataset in one of the user's projects."""
        self.log_operation("create_dataset", user_id=user_id, project_id=dataset_in.project_id)
        await self._require_project(user_id, dataset_in.project_id)
        dataset = await self.dataset_repo.create(user_id=user_id, **dataset_in.model_dump())
        await self._record(user_id, "dataset.created", dataset.id)
        return dataset

    async def list_datasets(
        self, user_id: int, *, project_id: int | None, offset: int, limit: int
    ) -> Sequence[Dataset]:
        """Return the user's datasets, optionally of one of their projects."""
        if project_id is not None:
            await self._require_project(user_id, project_id)
        return await self.dataset_repo.list_for_user(
            user_id, project_id=project_id, offset=offset, limit=limit
        )

    async def get_dataset(self, user_id: int, dataset_id: int) -> Dataset:
        """Return one of the user's datasets; another user's dataset is reported as missing."""
        dataset = await self.dataset_repo.get_by_id(dataset_id)
        if dataset is None or dataset.user_id != user_id:
            raise NotFoundError("Dataset", dataset_id)
        return dataset

    async def update_dataset(
        self, user_id: int, dataset_id: int, dataset_in: DatasetUpdate
    ) -> Dataset:
        """Change the given fields of one of the user's datasets."""
        dataset = await self.get_dataset(user_id, dataset_id)
        updates = dataset_in.model_dump(exclude_unset=True)
        updated = await self.dataset_repo.update(dataset, **updates)
        await self._record(user_id, "dataset.updated", dataset_id)
        return updated

    async def delete_dataset(self, user_id: int, dataset_id: int) -> None:
        """Delete one of the user's datasets with its image records."""
        dataset = await self.get_dataset(user_id, dataset_id)
        await self.dataset_repo.delete(dataset)
        await self._record(user_id, "dataset.deleted", dataset_id)

    async def list_images(
        self, user_id: int, dataset_id: int, *, offset: int, limit: int
    ) -> Sequence[Image]:
        """Return the images stored for one of the user's datasets."""
        await self.get_dataset(user_id, dataset_id)
        return await self.image_repo.list_for_dataset(dataset_id, offset=offset, limit=limit)

    async def _require_project(self, user_id: int, project_id: int) -> None:
        """Raise ``NotFoundError`` unless the project exists and belongs to the user."""
        project = await self.project_repo.get_by_id(project_id)
        if project is None or project.owner_id != user_id:
            raise NotFoundError("Project", project_id)

    async def _record(self, user_id: int, action: str, dataset_id: int) -> None:
        """Add an activity log entry about a dataset."""
        await self.activity_repo.create(
            user_id=user_id,
            action=action,
            resource_type="dataset",
            resource_id=dataset_id,
            details={},
        )
