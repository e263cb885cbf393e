"""Typed dependency aliases: the only way endpoints receive services and the caller."""

from typing import Annotated

from fastapi import Depends, Path, Query

from backend.api.dependencies import (
    get_activity_service,
    get_api_key_service,
    get_crawl_job_service,
    get_current_user,
    get_dataset_service,
    get_notification_service,
    get_policy_service,
    get_project_service,
    get_user_service,
    require_admin,
)
from backend.core.limits import MAX_DB_INT, MAX_OFFSET
from backend.schemas.auth import AuthenticatedUser
from backend.services.activity import ActivityService
from backend.services.api_key import APIKeyService
from backend.services.crawl_job import CrawlJobService
from backend.services.dataset import DatasetService
from backend.services.notification import NotificationService
from backend.services.policy import PolicyService
from backend.services.project import ProjectService
from backend.services.user import UserService

__all__ = [
    "APIKeyServiceDep",
    "ActivityServiceDep",
    "AdminUser",
    "CrawlJobServiceDep",
    "CurrentUser",
    "DatasetServiceDep",
    "IdFilter",
    "IdPath",
    "NotificationServiceDep",
    "Offset",
    "PolicyServiceDep",
    "ProjectServiceDep",
    "UserServiceDep",
]

CurrentUser = Annotated[AuthenticatedUser, Depends(get_current_user)]
AdminUser = Annotated[AuthenticatedUser, Depends(require_admin)]

UserServiceDep = Annotated[UserService, Depends(get_user_service)]
APIKeyServiceDep = Annotated[APIKeyService, Depends(get_api_key_service)]
ProjectServiceDep = Annotated[ProjectService, Depends(get_project_service)]
DatasetServiceDep = Annotated[DatasetService, Depends(get_dataset_service)]
CrawlJobServiceDep = Annotated[CrawlJobService, Depends(get_crawl_job_service)]
NotificationServiceDep = Annotated[NotificationService, Depends(get_notification_service)]
ActivityServiceDep = Annotated[ActivityService, Depends(get_activity_service)]
PolicyServiceDep = Annotated[PolicyService, Depends(get_policy_service)]

# Integer parameters, bounded so that no value reaches the database out of range (422 instead).
IdPath = Annotated[int, Path(ge=1, le=MAX_DB_INT, description="The resource's id.")]
IdFilter = Annotated[int | None, Query(ge=1, le=MAX_DB_INT)]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="How many matching items to skip.")
]
