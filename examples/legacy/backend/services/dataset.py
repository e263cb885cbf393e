"""Dataset service: creates datasets, queues their crawl job, re-validates images."""

import asyncio
from pathlib import Path
from typing import Any
from uuid import UUID

from builder.validator import IntegrityValidator
from backend.core.exceptions import NotFoundError
from backend.models.dataset import Dataset
from backend.repositories.crawl_job_repository import CrawlJobRepository
from backend.repositories.dataset_repository import DatasetRepository
from backend.schemas.dataset import DatasetCreate
from backend.services.base import BaseService
from backend.services.metrics import MetricsService

__all__ = ["DatasetService"]


class DatasetService(BaseService):
    """Business logic of datasets."""

    def __init__(
        self,
        repository: DatasetRepository,
        crawl_job_repo: CrawlJobRepository,
        metrics_service: MetricsService,
    ) -> None:
        super().__init__()
        self.repository = repository
        self.crawl_job_repo = crawl_job_repo
        self.metrics_service = metrics_service

    async def create_dataset(self, dataset_in: DatasetCreate, user_id: UUID) -> Dataset:
        """Create the dataset and a pending crawl job that will fill it."""
        fields = dataset_in.model_dump(include={"project_id", "name", "category"})
        dataset = await self.repository.create(**fields, user_id=user_id, status="pending")
        crawl_job_data = {
            "project_id": dataset.project_id,
            "dataset_id": dataset.id,
            "user_id": user_id,
            "keywords": dataset_in.keywords,
            "source_urls": [str(url) for url in dataset_in.source_urls],
            "max_images": dataset_in.max_images,
        }
        crawl_job = await self.crawl_job_repo.create(crawl_job_data)  # expect: PXL401
        dataset = await self.repository.update(dataset, crawl_job_id=crawl_job.id, status="queued")
        # UUID passed where ``int`` is declared: a type error for mypy, not for this linter.
        await self.metrics_service.record_processing(user_id=user_id)
        self.log_operation("create_dataset", dataset_id=dataset.id, crawl_job_id=crawl_job.id)
        return dataset

    async def get_dataset(self, dataset_id: int, user_id: UUID) -> Dataset:
        """Return the user's dataset or raise :class:`NotFoundError`."""
        dataset = await self.repository.get_by_id(dataset_id)
        if dataset is None or dataset.user_id != user_id:
            raise NotFoundError(f"Dataset {dataset_id} not found")
        return dataset

    async def list_datasets(self, user_id: UUID, project_id: int | None = None, limit: int = 50) -> list[Dataset]:
        """Return the user's datasets."""
        return await self.repository.list_for_user(user_id, project_id=project_id, limit=self.clamp_limit(limit))

    async def delete_dataset(self, dataset_id: int, user_id: UUID) -> None:
        """Delete the user's dataset."""
        dataset = await self.get_dataset(dataset_id, user_id)
        await self.repository.delete(dataset)

    async def verify_image(self, dataset_id: int, image_id: int, user_id: UUID) -> dict[str, Any]:
        """Re-run the integrity check on the directory of one stored image."""
        dataset = await self.get_dataset(dataset_id, user_id)
        image = await self.repository.get_image(image_id)
        if image is None or image.dataset_id != dataset.id:
            raise NotFoundError(f"Image {image_id} not found in dataset {dataset_id}")
        validator = IntegrityValidator(min_bytes=512)
        result = await asyncio.to_thread(  # expect: PXL404
            validator.check_integrity,
            directory=str(Path(image.storage_url).parent),
            expected_count=1,
            keyword=str(image_id),
        )
        return {
            "image_id": image_id,
            "valid": result.is_valid,
            "found_count": result.found_count,
            "invalid_files": result.invalid_files,
        }
