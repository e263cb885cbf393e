"""Crawl job service: orchestrates the ``builder`` crawler; it implements no crawling itself.

The crawler is injected by the composition root (``backend.api.dependencies``) as any object
with the ``ImageCrawlerPort`` shape; the production one is ``builder.ImageCrawler``.
"""

from collections.abc import Sequence
from typing import Protocol

from backend.core.clock import utcnow
from backend.core.enums import CrawlJobStatus, DatasetStatus
from backend.core.exceptions import InvalidOperationError, NotFoundError
from backend.core.pagination import Page
from backend.core.storage import dataset_collection
from backend.models.crawl_job import CrawlJob
from backend.repositories.activity_log import ActivityLogRepository
from backend.repositories.crawl_job import CrawlJobRepository
from backend.repositories.dataset import DatasetRepository
from backend.repositories.image import ImageRepository
from backend.repositories.notification import NotificationRepository
from backend.schemas.crawl_job import CrawlJobCreate
from backend.services.base import BaseService
from builder.results import CrawlReport

__all__ = ["INTERRUPTED_REASON", "CrawlJobService", "ImageCrawlerPort"]

_MAX_REPORTED_FAILURES = 5
_RESTARTABLE = (CrawlJobStatus.PENDING, CrawlJobStatus.FAILED)

INTERRUPTED_REASON = (
    "interrupted: the server stopped while this job was running; "
    "start it again (POST /crawl-jobs/{id}/start) to retry"
)
"""``error_message`` of a job found ``running`` at start-up (its process died mid-crawl)."""


class ImageCrawlerPort(Protocol):
    """What the service needs from a crawler: fetch, validate and store a list of URLs."""

    async def crawl(self, urls: Sequence[str], collection: str) -> CrawlReport:
        """Crawl ``urls`` into the storage collection ``collection``."""


class CrawlJobService(BaseService):
    """Creates crawl jobs, starts them and records what the crawler stored."""

    def __init__(  # pylint: disable=too-many-arguments,too-many-positional-arguments
        self,
        job_repo: CrawlJobRepository,
        dataset_repo: DatasetRepository,
        image_repo: ImageRepository,
        notification_repo: NotificationRepository,
        activity_repo: ActivityLogRepository,
        crawler: ImageCrawlerPort,
    ) -> None:
        """Keep the repositories and the crawler."""
        super().__init__()
        self.job_repo = job_repo
        self.dataset_repo = dataset_repo
        self.image_repo = image_repo
        self.notification_repo = notification_repo
        self.activity_repo = activity_repo
        self.crawler = crawler

    async def create_job(self, user_id: int, job_in: CrawlJobCreate) -> CrawlJob:
        """Create a pending job for one of the user's (not archived) datasets."""
        dataset = await self.dataset_repo.get_by_id(job_in.dataset_id)
        if dataset is None or dataset.user_id != user_id:
            raise NotFoundError("Dataset", job_in.dataset_id)
        if dataset.status is DatasetStatus.ARCHIVED:
            raise InvalidOperationError(f"dataset {dataset.id} is archived")
        urls = list(dict.fromkeys(str(url) for url in job_in.urls))
        self.log_operation("create_job", user_id=user_id, dataset_id=dataset.id, urls=len(urls))
        job = await self.job_repo.create(
            dataset_id=dataset.id, user_id=user_id, urls=urls, total_urls=len(urls)
        )
        await self._record(user_id, "crawl_job.created", job.id, {"dataset_id": dataset.id})
        return job

    async def list_jobs(
        self,
        user_id: int,
        *,
        dataset_id: int | None,
        status: CrawlJobStatus | None,
        offset: int,
        limit: int,
    ) -> Page[CrawlJob]:
        """Return one page of the user's jobs, newest first, and how many match in total."""
        jobs = await self.job_repo.list_for_user(
            user_id, dataset_id=dataset_id, status=status, offset=offset, limit=limit
        )
        total = await self.job_repo.count_for_user(user_id, dataset_id=dataset_id, status=status)
        return Page(items=jobs, total=total)

    async def get_job(self, user_id: int, job_id: int) -> CrawlJob:
        """Return one of the user's jobs; another user's job is reported as missing."""
        job = await self.job_repo.get_by_id(job_id)
        if job is None or job.user_id != user_id:
            raise NotFoundError("Crawl job", job_id)
        return job

    async def start_job(self, user_id: int, job_id: int) -> CrawlJob:
        """Mark a pending (or failed: a retry) job running; the caller schedules ``run_job``."""
        job = await self.get_job(user_id, job_id)
        if job.status not in _RESTARTABLE:
            raise InvalidOperationError(
                f"crawl job {job_id} is {job.status.value}; "
                "only pending or failed jobs can be started"
            )
        dataset = await self.dataset_repo.get_by_id(job.dataset_id)
        if dataset is None:
            raise NotFoundError("Dataset", job.dataset_id)
        if dataset.status is DatasetStatus.ARCHIVED:
            raise InvalidOperationError(f"dataset {dataset.id} is archived")
        await self.dataset_repo.update(dataset, status=DatasetStatus.CRAWLING)
        retry = job.status is CrawlJobStatus.FAILED
        started = await self.job_repo.update(
            job,
            status=CrawlJobStatus.RUNNING,
            started_at=utcnow(),
            completed_at=None,
            downloaded_images=0,
            duplicate_images=0,
            failed_urls=0,
            error_message=None,
        )
        await self._record(user_id, "crawl_job.started", job_id, {"retry": int(retry)})
        return started

    async def recover_interrupted_jobs(self) -> int:
        """Mark every job left ``running`` failed (``INTERRUPTED_REASON``); return how many.

        Called once at start-up, before any request is served: a job that is still
        ``running`` then belongs to a process that died mid-crawl. It becomes restartable
        (``start_job`` accepts failed jobs) and its dataset is ready again.
        """
        interrupted = await self.job_repo.list_with_status(CrawlJobStatus.RUNNING)
        for job in interrupted:
            self.log_operation("recover_interrupted_job", job_id=job.id)
            await self._finish(job, CrawlJobStatus.FAILED, 0, 0, 0, INTERRUPTED_REASON)
        # A crash between marking the dataset and the job leaves a dataset "crawling" alone.
        for dataset in await self.dataset_repo.list_with_status(DatasetStatus.CRAWLING):
            image_count = await self.image_repo.count_for_dataset(dataset.id)
            await self.dataset_repo.update(
                dataset, status=DatasetStatus.READY, image_count=image_count
            )
        return len(interrupted)

    async def cancel_job(self, user_id: int, job_id: int) -> CrawlJob:
        """Cancel a job that has not started yet."""
        job = await self.get_job(user_id, job_id)
        if job.status is not CrawlJobStatus.PENDING:
            raise InvalidOperationError(
                f"crawl job {job_id} is {job.status.value}; only pending jobs can be cancelled"
            )
        cancelled = await self.job_repo.update(
            job, status=CrawlJobStatus.CANCELLED, completed_at=utcnow()
        )
        await self._record(user_id, "crawl_job.cancelled", job_id, {})
        return cancelled

    async def run_job(self, job_id: int) -> None:
        """Run a started job through the crawler and record the stored images (background)."""
        job = await self.job_repo.get_by_id(job_id)
        if job is None or job.status is not CrawlJobStatus.RUNNING:
            return
        self.log_operation("run_job", job_id=job_id, urls=len(job.urls))
        try:
            report = await self.crawler.crawl(
                job.urls, collection=dataset_collection(job.dataset_id)
            )
        except Exception as error:  # pylint: disable=broad-exception-caught
            self.logger.exception("crawler failed on crawl job %s", job_id)
            await self._finish(
                job,
                CrawlJobStatus.FAILED,
                0,
                0,
                len(job.urls),
                f"crawler error ({type(error).__name__}); nothing was stored",
            )
            return
        added = 0
        for stored in report.stored:
            image = await self.image_repo.create_if_new(
                dataset_id=job.dataset_id,
                crawl_job_id=job.id,
                source_url=stored.source_url,
                storage_path=stored.key,
                sha256=stored.sha256,
                image_format=stored.image_format,
                width=stored.width,
                height=stored.height,
                size_bytes=stored.size_bytes,
            )
            added += image is not None
        duplicates = len(report.stored) - added
        failures = "; ".join(
            f"{failed.url}: {failed.reason}" for failed in report.failed[:_MAX_REPORTED_FAILURES]
        )
        failed_entirely = bool(report.failed) and not report.stored
        status = CrawlJobStatus.FAILED if failed_entirely else CrawlJobStatus.COMPLETED
        await self._finish(job, status, added, duplicates, len(report.failed), failures or None)

    async def _finish(
        self,
        job: CrawlJob,
        status: CrawlJobStatus,
        downloaded: int,
        duplicates: int,
        failed: int,
        error_message: str | None,
    ) -> None:
        """Record a job's outcome on the job, its dataset, a notification and the activity log."""
        await self.job_repo.update(
            job,
            status=status,
            downloaded_images=downloaded,
            duplicate_images=duplicates,
            failed_urls=failed,
            error_message=error_message,
            completed_at=utcnow(),
        )
        dataset = await self.dataset_repo.get_by_id(job.dataset_id)
        if dataset is not None:
            image_count = await self.image_repo.count(dataset_id=dataset.id)
            await self.dataset_repo.update(
                dataset, status=DatasetStatus.READY, image_count=image_count
            )
        await self.notification_repo.create(
            user_id=job.user_id,
            category="crawl_job",
            title=f"Crawl job {job.id} {status.value}",
            message=f"{downloaded} new image(s) stored, {duplicates} already in the dataset, "
            f"{failed} URL(s) failed." + (f" {error_message}" if error_message else ""),
        )
        await self._record(
            job.user_id,
            f"crawl_job.{status.value}",
            job.id,
            {"downloaded": downloaded, "duplicates": duplicates, "failed": failed},
        )

    async def _record(
        self, user_id: int, action: str, job_id: int, details: dict[str, int | str]
    ) -> None:
        """Add an activity log entry about a crawl job."""
        await self.activity_repo.create(
            user_id=user_id,
            action=action,
            resource_type="crawl_job",
            resource_id=job_id,
            details=details,
        )
