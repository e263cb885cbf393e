"""SQLAlchemy 2 typed models. Importing this package registers every table on ``Base.metadata``."""

from backend.models.activity_log import ActivityLog
from backend.models.api_key import APIKey
from backend.models.base import Base, TimestampMixin
from backend.models.crawl_job import CrawlJob
from backend.models.dataset import Dataset
from backend.models.image import Image
from backend.models.notification import Notification
from backend.models.policy import ArchivalPolicy, CleanupPolicy, PolicyExecution
from backend.models.project import Project
from backend.models.user import User

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
    "PolicyExecution",
    "Project",
    "TimestampMixin",
    "User",
]
