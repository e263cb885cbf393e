"""Types module of the robustness tree (aliases reached through star imports too)."""

from typing import Annotated, Any

from fastapi import Depends

from backend.api.dependencies import get_circular_service, get_current_user
from backend.services.circular_service import CircularService

__all__ = ["CircularServiceDep", "CurrentUser"]

CurrentUser = Annotated[dict[str, Any], Depends(get_current_user)]
CircularServiceDep = Annotated[CircularService, Depends(get_circular_service)]
