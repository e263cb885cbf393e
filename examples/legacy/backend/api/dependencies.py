"""Composition root: authentication dependencies and the service factories."""

from typing import Annotated, Any

from fastapi import Depends, HTTPException
from fastapi import status as http_status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from builder.validator import IntegrityValidator
from backend.core.cache import TTLCache
from backend.core.config import settings
from backend.core.database import get_session
from backend.core.security import hash_api_key
from backend.repositories.activity_log_repository import ActivityLogRepository
from backend.repositories.api_key_repository import APIKeyRepository
from backend.repositories.crawl_job_repository import CrawlJobRepository
from backend.repositories.dataset_repository import DatasetRepository
from backend.repositories.notification_repository import NotificationRepository
from backend.repositories.project_repository import ProjectRepository
from backend.repositories.user_repository import UserRepository
from backend.services.activity import ActivityLogService
from backend.services.api_key import APIKeyService
from backend.services.crawl_job import CrawlJobService
from backend.services.dataset import DatasetService
from backend.services.dataset_catalog import DatasetCatalogService
from backend.services.metrics import MetricsService
from backend.services.notification import NotificationService
from backend.services.policy import PolicyService
from backend.services.project import ProjectService
from backend.services.project_overview import ProjectOverviewService, RepositoryRegistry
from backend.services.report import ReportService
from backend.services.user import UserService

__all__ = [
    "get_activity_log_service",
    "get_api_key_service",
    "get_crawl_job_service",
    "get_current_user",
    "get_dataset_catalog_service",
    "get_dataset_service",
    "get_metrics_service",
    "get_notification_repository",
    "get_notification_service",
    "get_policy_service",
    "get_project_overview_service",
    "get_project_service",
    "get_report_service",
    "get_session",
    "get_user_service",
    "require_admin",
]

bearer_scheme = HTTPBearer(auto_error=False)
_metrics_service = MetricsService()
_notification_cache = TTLCache(ttl_seconds=settings.notification_cache_ttl_seconds)


async def get_current_user(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
    session: Annotated[AsyncSession, Depends(get_session)],
) -> dict[str, Any]:
    """Resolve the bearer API key to ``{"user_id", "email", "role"}`` or answer 401."""
    unauthorized = HTTPException(
        status_code=http_status.HTTP_401_UNAUTHORIZED,
        detail="Invalid or missing API key",
        headers={"WWW-Authenticate": "Bearer"},
    )
    if credentials is None:
        raise unauthorized
    keys = APIKeyRepository(session)
    api_key = await keys.get_active_by_hash(hash_api_key(credentials.credentials))
    if api_key is None:
        raise unauthorized
    users = UserRepository(session)
    user = await users.get_by_uuid(api_key.user_id)
    if user is None or not user.is_active:
        raise unauthorized
    await keys.touch(api_key)
    return {"user_id": user.id, "email": user.email, "role": user.role}


def require_admin(
    current_user: Annotated[dict[str, Any], Depends(get_current_user)],
) -> dict[str, Any]:
    """Return the current user if they are an admin, else answer 403."""
    if current_user.get("role") != "admin":
        raise HTTPException(status_code=http_status.HTTP_403_FORBIDDEN, detail="Admin access required")
    return current_user


def get_metrics_service() -> MetricsService:
    """Return the process-wide metrics service."""
    return _metrics_service


async def get_user_service(session: AsyncSession = Depends(get_session)) -> UserService:
    """Build the user service for this request."""
    return UserService(UserRepository(session))


async def get_project_service(session: AsyncSession = Depends(get_session)) -> ProjectService:
    """Build the project service for this request."""
    return ProjectService(ProjectRepository(session))


async def get_dataset_service(
    session: AsyncSession = Depends(get_session),
    metrics: MetricsService = Depends(get_metrics_service),
) -> DatasetService:
    """Build the dataset service for this request."""
    return DatasetService(
        repository=DatasetRepository(session),
        crawl_job_repo=CrawlJobRepository(session),
        metrics_service=metrics,
    )


async def get_crawl_job_service(session: AsyncSession = Depends(get_session)) -> CrawlJobService:
    """Build the crawl job service for this request."""
    return CrawlJobService(CrawlJobRepository(session), DatasetRepository(session), IntegrityValidator())


async def get_notification_repository(session: AsyncSession = Depends(get_session)) -> NotificationRepository:
    """Legacy: hands a repository straight to an endpoint."""
    return NotificationRepository(session)


async def get_notification_service(session: AsyncSession = Depends(get_session)) -> NotificationService:
    """Build the notification service for this request."""
    return NotificationService(NotificationRepository(session), cache=_notification_cache)


async def get_api_key_service(session: AsyncSession = Depends(get_session)) -> APIKeyService:
    """Build the API key service for this request."""
    return APIKeyService(APIKeyRepository(session))


async def get_activity_log_service(session: AsyncSession = Depends(get_session)) -> ActivityLogService:
    """Build the activity log service for this request."""
    return ActivityLogService(ActivityLogRepository(session))


async def get_policy_service(session: AsyncSession = Depends(get_session)) -> PolicyService:
    """Build the policy service (legacy: hands it the raw session)."""
    return PolicyService(session)  # expect: PXL603


async def get_dataset_catalog_service(session: AsyncSession = Depends(get_session)) -> DatasetCatalogService:
    """Build the dataset catalog service for this request."""
    return DatasetCatalogService(DatasetRepository(session), ProjectRepository(session))


async def get_project_overview_service(session: AsyncSession = Depends(get_session)) -> ProjectOverviewService:
    """Build the project overview service on one registry of repositories."""
    return ProjectOverviewService(RepositoryRegistry(ProjectRepository(session), DatasetRepository(session)))


async def get_report_service(session: AsyncSession = Depends(get_session)) -> ReportService:
    """Build the report service for this request."""
    return ReportService(ActivityLogRepository(session))
