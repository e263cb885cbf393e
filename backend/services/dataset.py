"""Dataset service: datasets inside projects, and their stored images.

Deleting a dataset deletes its image files too, through the ``ImageStorePort`` the
composition root injects (the production one is ``builder.LocalImageStorage``).
"""

import asyncio
from typing import Protocol

from backend.core.enums import DatasetStatus
from backend.core.exceptions import InvalidOperationError, NotFoundError
from backend.core.pagination import Page
from backend.core.storage import dataset_collection
from backend.models.dataset import Dataset
from backend.models.image import Image
from backend.repositories.activity_log import ActivityLogRepository
from backend.repositories.dataset import DatasetRepository
from backend.repositories.image import ImageRepository
from backend.repositories.project import ProjectRepository
from backend.schemas.dataset import DatasetCreate, DatasetUpdate
from backend.services.base import BaseService

__all__ = ["DatasetService", "ImageStorePort", "ensure_not_crawling"]


class ImageStorePort(Protocol):
    """What the services need from the image store: drop a collection's files."""

    def delete_collection(self, collection: str) -> int:
        """Remove every file of ``collection``; return how many there were."""


def ensure_not_crawling(dataset: Dataset) -> None:
    """Refuse to delete a dataset while a crawl job writes into it."""
    if dataset.status is DatasetStatus.CRAWLING:
        raise InvalidOperationError(
            f"dataset {dataset.id} is being crawled; wait for its crawl job to finish"
        )


class DatasetService(BaseService):
    """Creates and manages a user's datasets and lists their images."""

    def __init__(
        self,
        dataset_repo: DatasetRepository,
        project_repo: ProjectRepository,
        image_repo: ImageRepository,
        activity_repo: ActivityLogRepository,
        image_store: ImageStorePort,
    ) -> None:
        """Keep the repositories and the image store."""
        super().__init__()
        self.image_store = image_store
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
    ) -> Page[Dataset]:
        """Return one page of the user's datasets (optionally of one of their projects)."""
        filters = {"user_id": user_id}
        if project_id is not None:
            await self._require_project(user_id, project_id)
            filters["project_id"] = project_id
        datasets = await self.dataset_repo.list_for_user(
            user_id, project_id=project_id, offset=offset, limit=limit
        )
        return Page(items=datasets, total=await self.dataset_repo.count(**filters))

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
        """Delete one of the user's datasets with its image records and image files."""
        dataset = await self.get_dataset(user_id, dataset_id)
        ensure_not_crawling(dataset)
        await self.dataset_repo.delete(dataset)
        removed = await asyncio.to_thread(
            self.image_store.delete_collection, dataset_collection(dataset_id)
        )
        self.log_operation("delete_dataset", dataset_id=dataset_id, removed_files=removed)
        await self._record(user_id, "dataset.deleted", dataset_id)

    async def list_images(
        self, user_id: int, dataset_id: int, *, offset: int, limit: int
    ) -> Page[Image]:
        """Return one page of the images stored for one of the user's datasets."""
        await self.get_dataset(user_id, dataset_id)
        images = await self.image_repo.list_for_dataset(dataset_id, offset=offset, limit=limit)
        return Page(items=images, total=await self.image_repo.count_for_dataset(dataset_id))

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
