"""Maintenance jobs run by the scheduler: module-level functions that get their own session."""

from typing import Any

from backend.repositories.archive_repository import ProjectArchiveRepository
from backend.repositories.dataset_repository import DatasetRepository
from backend.repositories.project_repository import ProjectRepository
from backend.services.events import event_publisher

__all__ = ["archive_project", "count_datasets", "make_repositories", "purge_archived_project"]


def make_repositories(session: Any) -> tuple[ProjectRepository, DatasetRepository]:
    """The repositories a job works with, on the job's session."""
    return ProjectRepository(session), DatasetRepository(session)


async def count_datasets(*, session: Any, project_id: int) -> int:
    """Number of datasets of a project."""
    _, datasets = make_repositories(session)
    return await datasets.count(project_id=project_id)


async def archive_project(session: Any, project_id: int) -> None:
    """Hide a stale project from the listings."""
    projects, _ = make_repositories(session)
    await projects.update(project_id, is_archived=True)  # expect: PXL402
    event_publisher.publish("project.archived", data={"project_id": project_id})  # expect: PXL404


async def purge_archived_project(session: Any, project_id: int) -> None:
    """Delete an archived project for good."""
    archive = ProjectArchiveRepository.from_session(session)
    await archive.delete(project_id)  # expect: PXL406
    project = await ProjectArchiveRepository.bind(session).get(project_id)  # expect: PXL403
    if project is not None:
        event_publisher.publish("project.purged", payload={"project_id": project.id})
