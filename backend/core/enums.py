"""Enumerations stored in model columns and exposed by the schemas."""

from enum import StrEnum

__all__ = [
    "APIKeyStatus",
    "CleanupTarget",
    "CrawlJobStatus",
    "DatasetStatus",
    "ExecutionStatus",
    "PolicyKind",
    "UserRole",
]


class UserRole(StrEnum):
    """What a user may do: admins also manage lifecycle policies."""

    USER = "user"
    ADMIN = "admin"


class APIKeyStatus(StrEnum):
    """Whether an API key still authenticates."""

    ACTIVE = "active"
    REVOKED = "revoked"


class DatasetStatus(StrEnum):
    """Lifecycle of a dataset."""

    DRAFT = "draft"
    CRAWLING = "crawling"
    READY = "ready"
    ARCHIVED = "archived"


class CrawlJobStatus(StrEnum):
    """Lifecycle of a crawl job."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class PolicyKind(StrEnum):
    """The two kinds of lifecycle policy."""

    ARCHIVAL = "archival"
    CLEANUP = "cleanup"


class CleanupTarget(StrEnum):
    """What a cleanup policy deletes once it is older than the policy's age."""

    FAILED_CRAWL_JOBS = "failed_crawl_jobs"
    READ_NOTIFICATIONS = "read_notifications"
    ACTIVITY_LOGS = "activity_logs"


class ExecutionStatus(StrEnum):
    """Progress of one policy execution."""

    PENDING = "pending"
    COMPLETED = "completed"
    FAILED = "failed"
