"""SQLAlchemy ORM models of the PixCrawler backend."""

from backend.models.activity_log import ActivityLog
from backend.models.api_key import APIKey
from backend.models.base import Base, TimestampMixin
from backend.models.crawl_job import CrawlJob
from backend.models.dataset import Dataset, Image
from backend.models.notification import Notification
from backend.models.policy import ArchivalPolicy, CleanupPolicy, PolicyExecutionLog
from backend.models.project import Project
from backend.models.user import Profile

__all__ = [
    "APIKey",
    "ActivityLog",
    "ArchivalPolicy",
    "Base",
    "CleanupPolicy",
    "CrawlJob",
    "Dataset",
    "Image",
    "Notification",
    "PolicyExecutionLog",
    "Profile",
    "Project",
    "TimestampMixin",
]
