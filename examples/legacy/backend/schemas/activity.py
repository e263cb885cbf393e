"""Activity timeline schemas."""

from pydantic import BaseModel

__all__ = ["ActivityTimelineEntry"]


class ActivityTimelineEntry(BaseModel):
    """One line of the user's activity timeline."""

    id: int
    action: str
    resource_type: str
    resource_id: str | None
    timestamp: str
