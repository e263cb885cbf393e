"""Dataset endpoints."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi import status as http_status

from backend.api.dependencies import get_dataset_service
from backend.api.types import CurrentUser, DatasetServiceDep
from backend.schemas.dataset import DatasetCreate, DatasetResponse, ImageVerification
from backend.services.dataset import DatasetService

__all__ = ["router"]

router = APIRouter(prefix="/datasets", tags=["Datasets"])


@router.post("", response_model=DatasetResponse, summary="Create a dataset", operation_id="createDataset")
async def create_dataset(  # expect: PXL210
    dataset_in: DatasetCreate,
    current_user: CurrentUser,
    service: DatasetServiceDep,
) -> DatasetResponse:
    """Create a dataset and queue the crawl job that fills it."""
    dataset = await service.create_dataset(dataset_in, current_user["user_id"])
    return DatasetResponse.model_validate(dataset)


@router.get("", response_model=list[DatasetResponse], summary="List datasets", operation_id="listDatasets")
async def list_datasets(
    current_user: CurrentUser,
    service: DatasetServiceDep,
    project_id: int | None = Query(None),
    limit: int = Query(50, ge=1, le=200),
) -> list[DatasetResponse]:
    """Return the current user's datasets."""
    datasets = await service.list_datasets(current_user["user_id"], project_id=project_id, limit=limit)
    return [DatasetResponse.model_validate(dataset) for dataset in datasets]


@router.get("/{dataset_id}", summary="Get a dataset", operation_id="getDataset")
async def get_dataset(  # expect: PXL202
    dataset_id: int,
    current_user: CurrentUser,
    service: DatasetServiceDep,
):
    """Return one dataset (legacy: no response model, the ORM object leaks out)."""
    return await service.get_dataset(dataset_id, current_user["user_id"])


@router.post(
    "/{dataset_id}/images/{image_id}/verify",
    response_model=ImageVerification,
    status_code=http_status.HTTP_200_OK,
    operation_id="verifyDatasetImage",
)
async def verify_dataset_image(  # expect: PXL203
    dataset_id: int,
    image_id: int,
    current_user: CurrentUser,
    service: Annotated[DatasetService, Depends(get_dataset_service)],  # expect: PXL206
) -> ImageVerification:
    """Re-run the integrity check of one image."""
    result = await service.verify_image(dataset_id, image_id, current_user["user_id"])
    return ImageVerification(**result)


@router.delete(
    "/{dataset_id}",
    status_code=http_status.HTTP_204_NO_CONTENT,
    summary="Delete a dataset",
    operation_id="deleteDataset",
)
async def delete_dataset(dataset_id: int, current_user: CurrentUser, service: DatasetServiceDep) -> None:
    """Delete a dataset and its images."""
    await service.delete_dataset(dataset_id, current_user["user_id"])
