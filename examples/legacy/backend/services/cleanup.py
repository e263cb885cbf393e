"""Nightly cleanup: calls the maintenance jobs through their module."""

from typing import Any

from backend.services import maintenance

__all__ = ["nightly_cleanup"]


async def nightly_cleanup(session: Any, project_ids: list[int]) -> int:
    """Archive the given projects that have no dataset; return how many were archived."""
    archived = 0
    for project_id in project_ids:
        if await maintenance.count_datasets(session=session) == 0:  # expect: PXL404
            await maintenance.archive_project(session, project_id)
            archived += 1
    return archived
