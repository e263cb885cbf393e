"""Dataset catalog endpoints, written as a class-based view (fastapi-utils ``@cbv``)."""

from fastapi import APIRouter
from fastapi_utils.cbv import cbv

from backend.api.types import DatasetCatalogServiceDep
from backend.schemas.dataset import DatasetResponse

__all__ = ["router"]

router = APIRouter(prefix="/catalog", tags=["Catalog"])


@cbv(router)
class DatasetCatalogView:
    """The catalog routes share the service as a class attribute."""

    service: DatasetCatalogServiceDep

    @router.get(
        "/datasets/{dataset_id}",
        response_model=DatasetResponse,
        summary="Get a catalog dataset",
        operation_id="getCatalogDataset",
    )
    async def get_dataset(self, dataset_id: int) -> DatasetResponse:
        """Return one dataset of the catalog."""
        dataset = await self.service.find_dataset(dataset_id)  # expect: PXL403
        return DatasetResponse.model_validate(dataset)
