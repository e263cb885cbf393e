"""Crawl job endpoints.

Endpoints:
    POST /crawl-jobs                   - create a pending job for a dataset
    GET  /crawl-jobs                   - list the caller's jobs
    GET  /crawl-jobs/{job_id}          - one job
    POST /crawl-jobs/{job_id}/start    - start a pending job (runs as a background task)
    POST /crawl-jobs/{job_id}/cancel   - cancel a pending job
"""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Response
from fastapi import status as http_status

from backend.api.types import CrawlJobServiceDep, CurrentUser, IdFilter, IdPath, Offset
from backend.core.enums import CrawlJobStatus
from backend.core.pagination import LIST_RESPONSES, TOTAL_COUNT_HEADER
from backend.schemas.crawl_job import CrawlJobCreate, CrawlJobResponse

__all__ = ["router"]

router = APIRouter(prefix="/crawl-jobs", tags=["Crawl jobs"])


@router.post(
    "",
    status_code=http_status.HTTP_201_CREATED,
    summary="Create a crawl job",
    operation_id="createCrawlJob",
)
async def create_crawl_job(
    job_in: CrawlJobCreate, current_user: CurrentUser, service: CrawlJobServiceDep
) -> CrawlJobResponse:
    """Create a pending crawl job for one of the caller's datasets."""
    return CrawlJobResponse.model_validate(await service.create_job(current_user.id, job_in))


@router.get(
    "",
    summary="List my crawl jobs",
    responses=LIST_RESPONSES,
    operation_id="listCrawlJobs",
)
async def list_crawl_jobs(  # pylint: disable=too-many-arguments,too-many-positional-arguments
    current_user: CurrentUser,
    service: CrawlJobServiceDep,
    response: Response,
    dataset_id: IdFilter = None,
    job_status: Annotated[CrawlJobStatus | None, Query(alias="status")] = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[CrawlJobResponse]:
    """Return the caller's jobs, newest first, optionally filtered by dataset and status."""
    page = await service.list_jobs(
        current_user.id, dataset_id=dataset_id, status=job_status, offset=offset, limit=limit
    )
    response.headers[TOTAL_COUNT_HEADER] = str(page.total)
    return [CrawlJobResponse.model_validate(job) for job in page.items]


@router.get(
    "/{job_id}",
    summary="Get a crawl job",
    operation_id="getCrawlJob",
)
async def get_crawl_job(
    job_id: IdPath, current_user: CurrentUser, service: CrawlJobServiceDep
) -> CrawlJobResponse:
    """Return one of the caller's jobs and its progress."""
    return CrawlJobResponse.model_validate(await service.get_job(current_user.id, job_id))


@router.post(
    "/{job_id}/start",
    status_code=http_status.HTTP_202_ACCEPTED,
    summary="Start a crawl job",
    description="Mark a pending job running and crawl its URLs in the background; poll "
    "`GET /crawl-jobs/{job_id}` for the outcome.",
    operation_id="startCrawlJob",
)
async def start_crawl_job(
    job_id: IdPath,
    current_user: CurrentUser,
    service: CrawlJobServiceDep,
    background_tasks: BackgroundTasks,
) -> CrawlJobResponse:
    """Start one of the caller's pending jobs."""
    job = await service.start_job(current_user.id, job_id)
    background_tasks.add_task(service.run_job, job.id)
    return CrawlJobResponse.model_validate(job)


@router.post(
    "/{job_id}/cancel",
    status_code=http_status.HTTP_200_OK,
    summary="Cancel a crawl job",
    operation_id="cancelCrawlJob",
)
async def cancel_crawl_job(
    job_id: IdPath, current_user: CurrentUser, service: CrawlJobServiceDep
) -> CrawlJobResponse:
    """Cancel one of the caller's pending jobs."""
    return CrawlJobResponse.model_validate(await service.cancel_job(current_user.id, job_id))
