"""Project endpoints.

Endpoints:
    POST   /projects              - create a project
    GET    /projects              - list the caller's projects
    GET    /projects/{project_id} - one project
    PATCH  /projects/{project_id} - update a project
    DELETE /projects/{project_id} - delete a project and its datasets
"""

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi import status as http_status

from backend.api.types import CurrentUser, IdPath, Offset, ProjectServiceDep
from backend.core.pagination import LIST_RESPONSES, TOTAL_COUNT_HEADER
from backend.schemas.project import ProjectCreate, ProjectResponse, ProjectUpdate

__all__ = ["router"]

router = APIRouter(prefix="/projects", tags=["Projects"])


@router.post(
    "",
    status_code=http_status.HTTP_201_CREATED,
    summary="Create a project",
    operation_id="createProject",
)
async def create_project(
    project_in: ProjectCreate, current_user: CurrentUser, service: ProjectServiceDep
) -> ProjectResponse:
    """Create a project owned by the caller."""
    return ProjectResponse.model_validate(await service.create_project(current_user.id, project_in))


@router.get(
    "",
    summary="List my projects",
    responses=LIST_RESPONSES,
    operation_id="listProjects",
)
async def list_projects(
    current_user: CurrentUser,
    service: ProjectServiceDep,
    response: Response,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[ProjectResponse]:
    """Return the caller's projects."""
    page = await service.list_projects(current_user.id, offset=offset, limit=limit)
    response.headers[TOTAL_COUNT_HEADER] = str(page.total)
    return [ProjectResponse.model_validate(project) for project in page.items]


@router.get(
    "/{project_id}",
    summary="Get a project",
    operation_id="getProject",
)
async def get_project(
    project_id: IdPath, current_user: CurrentUser, service: ProjectServiceDep
) -> ProjectResponse:
    """Return one of the caller's projects."""
    return ProjectResponse.model_validate(await service.get_project(current_user.id, project_id))


@router.patch(
    "/{project_id}",
    summary="Update a project",
    operation_id="updateProject",
)
async def update_project(
    project_id: IdPath,
    project_in: ProjectUpdate,
    current_user: CurrentUser,
    service: ProjectServiceDep,
) -> ProjectResponse:
    """Change the given fields of one of the caller's projects."""
    project = await service.update_project(current_user.id, project_id, project_in)
    return ProjectResponse.model_validate(project)


@router.delete(
    "/{project_id}",
    status_code=http_status.HTTP_204_NO_CONTENT,
    summary="Delete a project",
    operation_id="deleteProject",
)
async def delete_project(
    project_id: IdPath, current_user: CurrentUser, service: ProjectServiceDep
) -> None:
    """Delete one of the caller's projects with its datasets."""
    await service.delete_project(current_user.id, project_id)
