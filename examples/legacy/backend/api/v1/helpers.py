"""Small helpers shared by the v1 endpoints (legacy: reaches into models and repositories)."""

from datetime import datetime, timedelta, timezone

from backend.models.crawl_job import CrawlJob  # expect: PXL102
from backend.repositories.crawl_job_repository import CrawlJobRepository  # expect: PXL102

__all__ = ["find_stalled_jobs", "job_progress_percentage"]


def job_progress_percentage(job: CrawlJob) -> float:
    """Return how far the job is, in percent of ``max_images``."""
    if job.max_images <= 0:
        return 0.0
    done = job.downloaded_images + job.failed_images
    return round(min(100.0, 100.0 * done / job.max_images), 1)


async def find_stalled_jobs(repository: CrawlJobRepository, older_than_minutes: int = 30) -> list[CrawlJob]:
    """Return running jobs that started more than ``older_than_minutes`` ago."""
    cutoff = datetime.now(timezone.utc) - timedelta(minutes=older_than_minutes)
    jobs = await repository.list_active()
    return [job for job in jobs if job.started_at is not None and job.started_at < cutoff]
