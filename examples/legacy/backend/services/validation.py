"""Validation service: re-checks stored images with the builder's integrity validator."""

import asyncio
from pathlib import Path

from builder.validator import IntegrityReport, IntegrityValidator
from backend.core.exceptions import NotFoundError
from backend.repositories.dataset_repository import DatasetRepository
from backend.services.base import BaseService

__all__ = ["ValidationService"]


class ValidationService(BaseService):  # expect: PXL601, PXL602
    """Integrity checks of datasets and single images (never wired into the API)."""

    def __init__(self, dataset_repo: DatasetRepository, validator: IntegrityValidator) -> None:
        super().__init__()
        self.dataset_repo = dataset_repo
        self.validator = validator

    async def validate_image(self, image_id: int) -> IntegrityReport:
        """Check the directory the image was stored in."""
        image = await self.dataset_repo.get_image(image_id)
        if image is None:
            raise NotFoundError(f"Image {image_id} not found")
        result = await asyncio.to_thread(  # expect: PXL404
            self.validator.check_integrity,
            directory=str(Path(image.storage_url).parent),
            expected_count=1,
            keyword=str(image_id),
        )
        return result

    async def validate_dataset(self, dataset_id: int) -> IntegrityReport:
        """Check that the dataset directory holds all of its images."""
        dataset = await self.dataset_repo.get_by_id(dataset_id)
        if dataset is None or dataset.storage_path is None:
            raise NotFoundError(f"Dataset {dataset_id} not found")
        return await asyncio.to_thread(
            self.validator.check_integrity,
            dataset.storage_path,
            dataset.image_count,
            dataset.category,
            dataset.name,
        )
