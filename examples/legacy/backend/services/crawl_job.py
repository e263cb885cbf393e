"""Crawl job service (legacy: re-implements crawling instead of using ``builder``)."""

import asyncio
import hashlib
from datetime import datetime, timezone
from pathlib import Path
from uuid import UUID

import httpx  # expect: PXL104

from builder.validator import IntegrityValidator
from backend.core.config import settings
from backend.core.exceptions import NotFoundError, ValidationError
from backend.models.crawl_job import CrawlJob
from backend.repositories.crawl_job_repository import CrawlJobRepository
from backend.repositories.dataset_repository import DatasetRepository
from backend.schemas.crawl_job import CrawlJobCreate, CrawlJobStatus
from backend.services.base import BaseService

__all__ = ["CrawlJobService"]

FINISHED = (CrawlJobStatus.COMPLETED, CrawlJobStatus.FAILED, CrawlJobStatus.CANCELLED)


class CrawlJobService(BaseService):
    """Creates, runs and cancels crawl jobs."""

    def __init__(
        self,
        repository: CrawlJobRepository,
        dataset_repo: DatasetRepository,
        validator: IntegrityValidator,
    ) -> None:
        super().__init__()
        self.repository = repository
        self.dataset_repo = dataset_repo
        self.validator = validator

    async def create_job(self, job_in: CrawlJobCreate, user_id: UUID) -> CrawlJob:
        """Persist a pending job; the endpoint schedules :meth:`run_job`."""
        if job_in.max_images > settings.max_images_per_job:
            raise ValidationError(f"max_images is limited to {settings.max_images_per_job}")
        job_data = job_in.model_dump(mode="json")
        job_data.update(user_id=user_id, status=CrawlJobStatus.PENDING.value)
        return await self.repository.create(**job_data)

    async def get_job_with_ownership_check(self, job_id: int, user_id: UUID) -> CrawlJob:
        """Return the job if it belongs to ``user_id``, else raise :class:`NotFoundError`."""
        job = await self.repository.get_for_user(job_id, user_id)
        if job is None:
            raise NotFoundError(f"Crawl job {job_id} not found")
        return job

    async def get_job_status(self, job_id: int, user_id: UUID) -> CrawlJobStatus:
        """Return the status of the user's job."""
        job = await self.get_job_with_ownership_check(job_id, user_id)
        return CrawlJobStatus(job.status)

    async def list_jobs(self, user_id: UUID, status: CrawlJobStatus | None = None) -> list[CrawlJob]:
        """Return the user's jobs, optionally filtered by status."""
        return await self.repository.list_for_user(user_id, status=status.value if status else None)

    async def cancel_job(self, job_id: int, user_id: UUID) -> CrawlJob:
        """Cancel a pending or running job."""
        job = await self.get_job_with_ownership_check(job_id, user_id)
        return await self.repository.update(job, status=CrawlJobStatus.CANCELLED.value)

    async def run_job(self, job_id: int) -> None:
        """Download every source URL of the job and record the stored images."""
        job = await self.repository.get_by_id(job_id)
        if job is None or job.status != CrawlJobStatus.PENDING.value:
            return
        await self.repository.update(job, status=CrawlJobStatus.RUNNING.value, started_at=datetime.now(timezone.utc))
        keyword = job.keywords[0] if job.keywords else "image"
        directory = Path(settings.storage_root) / str(job.project_id) / str(job.id)
        directory.mkdir(parents=True, exist_ok=True)
        downloaded = failed = 0
        async with httpx.AsyncClient(timeout=settings.crawl_timeout_seconds) as client:
            for url in job.source_urls[: job.max_images]:
                content = await self._fetch_image(client, url)
                if content is None:
                    failed += 1
                    continue
                path = directory / f"{keyword}_{hashlib.sha256(content).hexdigest()[:16]}.jpg"
                path.write_bytes(content)
                if job.dataset_id is not None:
                    await self.dataset_repo.add_image(job.dataset_id, url, str(path), len(content))
                downloaded += 1
        report = await asyncio.to_thread(
            self.validator.check_integrity,
            directory=str(directory),
            expected_count=downloaded,
            category_name=str(job.project_id),
            keyword=keyword,
        )
        final = CrawlJobStatus.COMPLETED if report.is_valid else CrawlJobStatus.FAILED
        await self.repository.update(
            job,
            status=final.value,
            downloaded_images=downloaded,
            failed_images=failed + len(report.invalid_files),
            completed_at=datetime.now(timezone.utc),
        )

    async def _fetch_image(self, client: httpx.AsyncClient, url: str) -> bytes | None:
        """GET one image; ``None`` when the request fails or is not an image."""
        try:
            response = await client.get(url, follow_redirects=True)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            self.logger.warning("download failed for %s: %s", url, exc)
            return None
        if not response.headers.get("content-type", "").startswith("image/"):
            return None
        return response.content
