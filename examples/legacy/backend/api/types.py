"""Typed dependency aliases for endpoint signatures (``CurrentUser``, ``*ServiceDep``)."""

from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from backend.api.dependencies import (
    get_activity_log_service,
    get_api_key_service,
    get_crawl_job_service,
    get_current_user,
    get_dataset_catalog_service,
    get_dataset_service,
    get_metrics_service,
    get_notification_service,
    get_project_overview_service,
    get_project_service,
    get_report_service,
    get_session,
    get_user_service,
    require_admin,
)
from backend.services.activity import ActivityLogService
from backend.services.api_key import APIKeyService
from backend.services.crawl_job import CrawlJobService
from backend.services.dataset import DatasetService
from backend.services.dataset_catalog import DatasetCatalogService
from backend.services.metrics import MetricsService
from backend.services.notification import NotificationService
from backend.services.project import ProjectService
from backend.services.project_overview import ProjectOverviewService
from backend.services.report import ReportService
from backend.services.user import UserService

__all__ = [
    "APIKeyServiceDep",
    "ActivityLogServiceDep",
    "AdminUser",
    "CrawlJobServiceDep",
    "CurrentUser",
    "DBSession",
    "DatasetCatalogServiceDep",
    "DatasetServiceDep",
    "MetricsServiceDep",
    "NotificationServiceDep",
    "ProjectOverviewServiceDep",
    "ProjectServiceDep",
    "ReportServiceDep",
    "UserServiceDep",
]

CurrentUser = Annotated[dict[str, Any], Depends(get_current_user)]
AdminUser = Annotated[dict[str, Any], Depends(require_admin)]
DBSession = Annotated[AsyncSession, Depends(get_session)]

UserServiceDep = Annotated[UserService, Depends(get_user_service)]
ProjectServiceDep = Annotated[ProjectService, Depends(get_project_service)]
DatasetServiceDep = Annotated[DatasetService, Depends(get_dataset_service)]
CrawlJobServiceDep = Annotated[CrawlJobService, Depends(get_crawl_job_service)]
NotificationServiceDep = Annotated[NotificationService, Depends(get_notification_service)]
APIKeyServiceDep = Annotated[APIKeyService, Depends(get_api_key_service)]
ActivityLogServiceDep = Annotated[ActivityLogService, Depends(get_activity_log_service)]
MetricsServiceDep = Annotated[MetricsService, Depends(get_metrics_service)]
DatasetCatalogServiceDep = Annotated[DatasetCatalogService, Depends(get_dataset_catalog_service)]
ProjectOverviewServiceDep = Annotated[ProjectOverviewService, Depends(get_project_overview_service)]
ReportServiceDep = Annotated[ReportService, Depends(get_report_service)]
