"""Activity log schemas."""

from datetime import datetime
from typing import Any

from backend.schemas.common import ORMModel

__all__ = ["ActivityLogResponse"]


class ActivityLogResponse(ORMModel):
    """One entry of the activity log."""

    id: int
    user_id: int | None
    action: str
    resource_type: str
    resource_id: int | None
    details: dict[str, Any]
    created_at: datetime
