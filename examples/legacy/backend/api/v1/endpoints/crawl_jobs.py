"""Crawl job endpoints."""

from fastapi import APIRouter, BackgroundTasks, HTTPException, Query, status  # expect: PXL205

from backend.api.types import CrawlJobServiceDep, CurrentUser
from backend.api.v1.helpers import job_progress_percentage
from backend.api.v1.response_models import get_common_responses
from backend.schemas.crawl_job import CrawlJobCreate, CrawlJobProgress, CrawlJobResponse, CrawlJobStatus

__all__ = ["router"]

router = APIRouter(prefix="/crawl-jobs", tags=["Crawl Jobs"], responses=get_common_responses(401, 404))


@router.post(
    "",
    response_model=CrawlJobResponse,
    status_code=status.HTTP_201_CREATED,
    summary="Start a crawl job",
    operation_id="createCrawlJob",
)
async def create_crawl_job(
    job_in: CrawlJobCreate,
    current_user: CurrentUser,
    service: CrawlJobServiceDep,
    background_tasks: BackgroundTasks,
) -> CrawlJobResponse:
    """Create a crawl job and run it in the background."""
    job = await service.create_job(job_in, current_user["user_id"])
    background_tasks.add_task(service.run_job, job.id)
    return CrawlJobResponse.model_validate(job)


@router.get("", response_model=list[CrawlJobResponse], summary="List crawl jobs", operation_id="listCrawlJobs")
async def list_crawl_jobs(
    current_user: CurrentUser,
    service: CrawlJobServiceDep,
    status: CrawlJobStatus | None = Query(None, description="Only jobs in this state"),
) -> list[CrawlJobResponse]:
    """Return the current user's crawl jobs."""
    try:
        jobs = await service.list_jobs(current_user["user_id"], status=status)
    except ValueError as exc:
        raise HTTPException(
            status_code=status.HTTP_400_BAD_REQUEST,  # expect: PXL204
            detail=str(exc),
        ) from exc
    return [CrawlJobResponse.model_validate(job) for job in jobs]


@router.get("/{job_id}", response_model=CrawlJobResponse, summary="Get a crawl job", operation_id="getCrawlJob")
async def get_crawl_job(job_id: int, current_user: CurrentUser, service: CrawlJobServiceDep) -> CrawlJobResponse:
    """Return one crawl job (legacy: the ownership check never gets the user)."""
    job = await service.get_job_with_ownership_check(  # expect: PXL404
        job_id=job_id,
    )
    return CrawlJobResponse.model_validate(job)


@router.get(
    "/{job_id}/progress",
    response_model=CrawlJobProgress,
    summary="Crawl job progress",
    operation_id="getCrawlJobProgress",
)
async def get_crawl_job_progress(
    job_id: int,
    current_user: CurrentUser,
    service: CrawlJobServiceDep,
) -> CrawlJobProgress:
    """Return the job's progress in percent."""
    job = await service.get_job_with_ownership_check(job_id=job_id, user_id=current_user["user_id"])
    if job.max_images <= 0:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Job has no target size")
    return CrawlJobProgress(job_id=job.id, status=job.status, percentage=job_progress_percentage(job))


@router.post(
    "/cancel",
    response_model=list[CrawlJobResponse],
    status_code=status.HTTP_200_OK,
    summary="Cancel several crawl jobs",
    operation_id="cancelCrawlJobs",
)
async def cancel_crawl_jobs(
    job_ids: list[int],
    current_user: CurrentUser,
    service: CrawlJobServiceDep,
) -> list[CrawlJobResponse]:
    """Cancel every listed job; refuses the whole batch if one has already finished."""
    statuses = {job_id: await service.get_job_status(job_id, current_user["user_id"]) for job_id in job_ids}
    for job_id, status in statuses.items():
        if status in (CrawlJobStatus.COMPLETED, CrawlJobStatus.FAILED):
            raise HTTPException(
                status_code=status.HTTP_409_CONFLICT,  # expect: PXL204
                detail=f"Job {job_id} already finished ({status.value})",
            )
    jobs = [await service.cancel_job(job_id, current_user["user_id"]) for job_id in job_ids]
    return [CrawlJobResponse.model_validate(job) for job in jobs]


@router.post(
    "/{job_id}/cancel",
    response_model=CrawlJobResponse,
    status_code=status.HTTP_200_OK,
    summary="Cancel a crawl job",
    operation_id="cancelCrawlJob",
)
async def cancel_crawl_job(job_id: int, current_user: CurrentUser, service: CrawlJobServiceDep) -> CrawlJobResponse:
    """Cancel a pending or running job; finished jobs answer 409."""
    status = await service.get_job_status(job_id, current_user["user_id"])
    if status in (CrawlJobStatus.COMPLETED, CrawlJobStatus.FAILED, CrawlJobStatus.CANCELLED):
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,  # expect: PXL204
            detail=f"Job {job_id} already finished ({status.value})",
        )
    job = await service.cancel_job(job_id, current_user["user_id"])
    return CrawlJobResponse.model_validate(job)
