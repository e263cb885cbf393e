"""Dataset endpoints.

Endpoints:
    POST   /datasets                     - create a dataset in one of the caller's projects
    GET    /datasets                     - list the caller's datasets (optionally of one project)
    GET    /datasets/{dataset_id}        - one dataset
    PATCH  /datasets/{dataset_id}        - update a dataset
    DELETE /datasets/{dataset_id}        - delete a dataset
    GET    /datasets/{dataset_id}/images - the images stored for a dataset
"""

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi import status as http_status

from backend.api.types import CurrentUser, DatasetServiceDep, IdFilter, IdPath, Offset
from backend.core.pagination import LIST_RESPONSES, TOTAL_COUNT_HEADER
from backend.schemas.dataset import DatasetCreate, DatasetResponse, DatasetUpdate, ImageResponse

__all__ = ["router"]

router = APIRouter(prefix="/datasets", tags=["Datasets"])


@router.post(
    "",
    status_code=http_status.HTTP_201_CREATED,
    summary="Create a dataset",
    operation_id="createDataset",
)
async def create_dataset(
    dataset_in: DatasetCreate, current_user: CurrentUser, service: DatasetServiceDep
) -> DatasetResponse:
    """Create a dataset in one of the caller's projects."""
    return DatasetResponse.model_validate(await service.create_dataset(current_user.id, dataset_in))


@router.get(
    "",
    summary="List my datasets",
    responses=LIST_RESPONSES,
    operation_id="listDatasets",
)
async def list_datasets(
    current_user: CurrentUser,
    service: DatasetServiceDep,
    response: Response,
    project_id: IdFilter = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[DatasetResponse]:
    """Return the caller's datasets, optionally of one project."""
    page = await service.list_datasets(
        current_user.id, project_id=project_id, offset=offset, limit=limit
    )
    response.headers[TOTAL_COUNT_HEADER] = str(page.total)
    return [DatasetResponse.model_validate(dataset) for dataset in page.items]


@router.get(
    "/{dataset_id}",
    summary="Get a dataset",
    operation_id="getDataset",
)
async def get_dataset(
    dataset_id: IdPath, current_user: CurrentUser, service: DatasetServiceDep
) -> DatasetResponse:
    """Return one of the caller's datasets."""
    return DatasetResponse.model_validate(await service.get_dataset(current_user.id, dataset_id))


@router.patch(
    "/{dataset_id}",
    summary="Update a dataset",
    operation_id="updateDataset",
)
async def update_dataset(
    dataset_id: IdPath,
    dataset_in: DatasetUpdate,
    current_user: CurrentUser,
    service: DatasetServiceDep,
) -> DatasetResponse:
    """Change the given fields of one of the caller's datasets."""
    dataset = await service.update_dataset(current_user.id, dataset_id, dataset_in)
    return DatasetResponse.model_validate(dataset)


@router.delete(
    "/{dataset_id}",
    status_code=http_status.HTTP_204_NO_CONTENT,
    summary="Delete a dataset",
    operation_id="deleteDataset",
)
async def delete_dataset(
    dataset_id: IdPath, current_user: CurrentUser, service: DatasetServiceDep
) -> None:
    """Delete one of the caller's datasets."""
    await service.delete_dataset(current_user.id, dataset_id)


@router.get(
    "/{dataset_id}/images",
    summary="List a dataset's images",
    responses=LIST_RESPONSES,
    operation_id="listDatasetImages",
)
async def list_dataset_images(
    dataset_id: IdPath,
    current_user: CurrentUser,
    service: DatasetServiceDep,
    response: Response,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[ImageResponse]:
    """Return the images stored for one of the caller's datasets."""
    page = await service.list_images(current_user.id, dataset_id, offset=offset, limit=limit)
    response.headers[TOTAL_COUNT_HEADER] = str(page.total)
    return [ImageResponse.model_validate(image) for image in page.items]
