"""Project endpoints."""

from fastapi import APIRouter, Depends, Query
from fastapi import status as http_status
from sqlalchemy.ext.asyncio import AsyncSession  # expect: PXL102

from backend.api.types import CurrentUser, DBSession, ProjectServiceDep
from backend.core.database import get_session
from backend.repositories.project_repository import ProjectRepository  # expect: PXL102
from backend.schemas.project import ProjectCreate, ProjectResponse, ProjectStats, ProjectUpdate
from backend.services.project import ProjectService

__all__ = ["router"]

router = APIRouter(prefix="/projects", tags=["Projects"])


@router.post(
    "",
    response_model=ProjectResponse,
    status_code=http_status.HTTP_201_CREATED,
    summary="Create a project",
    operation_id="createProject",
)
async def create_project(
    project_in: ProjectCreate,
    current_user: CurrentUser,
    service: ProjectServiceDep,
) -> ProjectResponse:
    """Create a project owned by the current user."""
    project = await service.create_project(project_in, current_user["user_id"])
    return ProjectResponse.model_validate(project)


@router.get("", response_model=list[ProjectResponse], summary="List projects", operation_id="listProjects")
async def list_projects(
    current_user: CurrentUser,
    service: ProjectServiceDep,
    offset: int = Query(0, ge=0),
    limit: int = Query(50, ge=1, le=200),
) -> list[ProjectResponse]:
    """Return the current user's projects."""
    projects = await service.list_projects(current_user["user_id"], skip=offset, limit=limit)  # expect: PXL404
    return [ProjectResponse.model_validate(project) for project in projects]


@router.get("/{project_id}", response_model=ProjectResponse, summary="Get a project", operation_id="getProject")
async def get_project(project_id: int, current_user: CurrentUser, service: ProjectServiceDep) -> ProjectResponse:
    """Return one of the current user's projects."""
    project = await service.get_project(project_id, current_user["user_id"])
    return ProjectResponse.model_validate(project)


@router.patch("/{project_id}", response_model=ProjectResponse, summary="Update a project", operation_id="updateProject")
async def update_project(
    project_id: int,
    project_in: ProjectUpdate,
    current_user: CurrentUser,
    service: ProjectServiceDep,
) -> ProjectResponse:
    """Apply a partial update."""
    project = await service.update_project(project_id, current_user["user_id"], project_in)
    return ProjectResponse.model_validate(project)


@router.get(
    "/{project_id}/stats",
    response_model=ProjectStats,
    summary="Project statistics",
    operation_id="getProjectStats",
)
async def get_project_stats(
    project_id: int,
    current_user: CurrentUser,
    db: AsyncSession = Depends(get_session),  # expect: PXL206, PXL208
) -> ProjectStats:
    """Return dataset and image totals (legacy: builds its own service)."""
    repository = ProjectRepository(db)  # expect: PXL209
    service = ProjectService(repository)  # expect: PXL209
    stats = await service.get_project_stats(project_id, current_user["user_id"])
    return ProjectStats(**stats)


@router.post(
    "/{project_id}/archive",
    response_model=ProjectResponse,
    status_code=http_status.HTTP_200_OK,
    summary="Archive a project",
    operation_id="archiveProject",
)
async def archive_project(
    project_id: int,
    current_user: CurrentUser,
    db: DBSession,  # expect: PXL208
) -> ProjectResponse:
    """Archive a project (legacy: takes the session to build the service)."""
    service = ProjectService(ProjectRepository(db))  # expect: PXL209
    project = await service.archive_project(project_id, current_user["user_id"])
    return ProjectResponse.model_validate(project)


@router.delete(
    "/{project_id}",
    status_code=http_status.HTTP_204_NO_CONTENT,
    summary="Delete a project",
    operation_id="deleteProject",
)
async def delete_project(project_id: int, current_user: CurrentUser, service: ProjectServiceDep):
    """Delete the project and its datasets."""
    await service.delete_project(project_id, current_user["user_id"])
