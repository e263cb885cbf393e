"""Composition root: the session provider, the service factories and the auth dependencies.

This is the only module that builds repositories and services. Factories take the
request-scoped session, build repositories from it and hand the repositories (never the
session) to the service.
"""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.core.config import Settings
from backend.core.exceptions import AuthenticationError, PermissionDeniedError
from backend.repositories.activity_log import ActivityLogRepository
from backend.repositories.api_key import APIKeyRepository
from backend.repositories.crawl_job import CrawlJobRepository
from backend.repositories.dataset import DatasetRepository
from backend.repositories.image import ImageRepository
from backend.repositories.notification import NotificationRepository
from backend.repositories.policy import (
    ArchivalPolicyRepository,
    CleanupPolicyRepository,
    PolicyExecutionRepository,
)
from backend.repositories.project import ProjectRepository
from backend.repositories.user import UserRepository
from backend.schemas.auth import AuthenticatedUser
from backend.services.activity import ActivityService
from backend.services.api_key import APIKeyService
from backend.services.crawl_job import CrawlJobService
from backend.services.dataset import DatasetService
from backend.services.notification import NotificationService
from backend.services.policy import PolicyService
from backend.services.project import ProjectService
from backend.services.user import UserService
from builder import CrawlerConfig, ImageCrawler, LocalImageStorage

__all__ = [
    "bearer_scheme",
    "get_activity_service",
    "get_api_key_service",
    "get_crawl_job_service",
    "get_crawler",
    "get_current_user",
    "get_dataset_service",
    "get_image_store",
    "get_notification_service",
    "get_policy_service",
    "get_project_service",
    "get_session",
    "get_settings",
    "get_user_service",
    "recover_interrupted_crawl_jobs",
    "require_admin",
]

bearer_scheme = HTTPBearer(
    auto_error=False, description="An API key: `Authorization: Bearer pxc_…`"
)


def get_settings(request: Request) -> Settings:
    """Return the settings the application was created with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """Yield one session per request (it stays open while background tasks run)."""
    session_factory: async_sessionmaker[AsyncSession] = request.app.state.session_factory
    async with session_factory() as session:
        try:
            yield session
        except Exception:
            await session.rollback()
            raise


SessionDep = Annotated[AsyncSession, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_crawler(settings: SettingsDep) -> ImageCrawler:
    """Build the builder-backed crawler the crawl job service orchestrates."""
    return ImageCrawler(
        CrawlerConfig(
            storage_dir=settings.storage_dir,
            timeout_seconds=settings.crawler_timeout_seconds,
            max_image_bytes=settings.crawler_max_image_bytes,
            max_concurrency=settings.crawler_max_concurrency,
            trust_env=settings.crawler_trust_env,
            user_agent=settings.crawler_user_agent,
        )
    )


def get_image_store(settings: SettingsDep) -> LocalImageStorage:
    """Build the local-disk image store the crawler writes to (to delete a dataset's files)."""
    return LocalImageStorage(settings.storage_dir)


ImageStoreDep = Annotated[LocalImageStorage, Depends(get_image_store)]


async def get_user_service(session: SessionDep, settings: SettingsDep) -> UserService:
    """Build the user service."""
    return UserService(
        user_repo=UserRepository(session),
        api_key_repo=APIKeyRepository(session),
        activity_repo=ActivityLogRepository(session),
        admin_emails=settings.admin_emails,
    )


async def get_api_key_service(session: SessionDep) -> APIKeyService:
    """Build the API key service."""
    return APIKeyService(
        api_key_repo=APIKeyRepository(session),
        user_repo=UserRepository(session),
        activity_repo=ActivityLogRepository(session),
    )


async def get_project_service(session: SessionDep, image_store: ImageStoreDep) -> ProjectService:
    """Build the project service."""
    return ProjectService(
        project_repo=ProjectRepository(session),
        dataset_repo=DatasetRepository(session),
        activity_repo=ActivityLogRepository(session),
        image_store=image_store,
    )


async def get_dataset_service(session: SessionDep, image_store: ImageStoreDep) -> DatasetService:
    """Build the dataset service."""
    return DatasetService(
        dataset_repo=DatasetRepository(session),
        project_repo=ProjectRepository(session),
        image_repo=ImageRepository(session),
        activity_repo=ActivityLogRepository(session),
        image_store=image_store,
    )


async def get_crawl_job_service(
    session: SessionDep, crawler: Annotated[ImageCrawler, Depends(get_crawler)]
) -> CrawlJobService:
    """Build the crawl job service with the builder crawler."""
    return _crawl_job_service(session, crawler)


async def recover_interrupted_crawl_jobs(
    session_factory: async_sessionmaker[AsyncSession], settings: Settings
) -> int:
    """At start-up: mark crawl jobs left ``running`` by a dead process failed (restartable)."""
    async with session_factory() as session:
        service = _crawl_job_service(session, get_crawler(settings))
        return await service.recover_interrupted_jobs()


def _crawl_job_service(session: AsyncSession, crawler: ImageCrawler) -> CrawlJobService:
    """The crawl job service over ``session``'s repositories."""
    return CrawlJobService(
        job_repo=CrawlJobRepository(session),
        dataset_repo=DatasetRepository(session),
        image_repo=ImageRepository(session),
        notification_repo=NotificationRepository(session),
        activity_repo=ActivityLogRepository(session),
        crawler=crawler,
    )


async def get_notification_service(session: SessionDep) -> NotificationService:
    """Build the notification service."""
    return NotificationService(notification_repo=NotificationRepository(session))


async def get_activity_service(session: SessionDep) -> ActivityService:
    """Build the activity service."""
    return ActivityService(activity_repo=ActivityLogRepository(session))


async def get_policy_service(session: SessionDep) -> PolicyService:
    """Build the policy service."""
    return PolicyService(
        archival_repo=ArchivalPolicyRepository(session),
        cleanup_repo=CleanupPolicyRepository(session),
        execution_repo=PolicyExecutionRepository(session),
        dataset_repo=DatasetRepository(session),
        crawl_job_repo=CrawlJobRepository(session),
        notification_repo=NotificationRepository(session),
        activity_repo=ActivityLogRepository(session),
    )


async def get_current_user(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
    api_key_service: Annotated[APIKeyService, Depends(get_api_key_service)],
) -> AuthenticatedUser:
    """Resolve the caller from ``Authorization: Bearer <api key>``."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise AuthenticationError("missing bearer token: send 'Authorization: Bearer <api key>'")
    return await api_key_service.authenticate(credentials.credentials)


async def require_admin(
    current_user: Annotated[AuthenticatedUser, Depends(get_current_user)],
) -> AuthenticatedUser:
    """Return the caller if they are an admin; raise ``PermissionDeniedError`` otherwise."""
    if not current_user.is_admin:
        raise PermissionDeniedError("admin access required")
    return current_user
