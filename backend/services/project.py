"""Project service."""

import asyncio

from backend.core.exceptions import ConflictError, NotFoundError
from backend.core.pagination import Page
from backend.core.storage import dataset_collection
from backend.models.project import Project
from backend.repositories.activity_log import ActivityLogRepository
from backend.repositories.dataset import DatasetRepository
from backend.repositories.project import ProjectRepository
from backend.schemas.project import ProjectCreate, ProjectUpdate
from backend.services.base import BaseService
from backend.services.dataset import ImageStorePort, ensure_not_crawling

__all__ = ["ProjectService"]


class ProjectService(BaseService):
    """Creates and manages a user's projects (names are unique per owner)."""

    def __init__(
        self,
        project_repo: ProjectRepository,
        dataset_repo: DatasetRepository,
        activity_repo: ActivityLogRepository,
        image_store: ImageStorePort,
    ) -> None:
        """Keep the repositories and the image store (a project's datasets own image files)."""
        super().__init__()
        self.project_repo = project_repo
        self.dataset_repo = dataset_repo
        self.activity_repo = activity_repo
        self.image_store = image_store

    async def create_project(self, owner_id: int, project_in: ProjectCreate) -> Project:
        """Create a project for ``owner_id``."""
        self.log_operation("create_project", owner_id=owner_id, name=project_in.name)
        if await self.project_repo.get_by_owner_and_name(owner_id, project_in.name) is not None:
            raise ConflictError(f"you already have a project named \"{project_in.name}\"")
        project = await self.project_repo.create(owner_id=owner_id, **project_in.model_dump())
        await self._record(owner_id, "project.created", project.id)
        return project

    async def list_projects(self, owner_id: int, *, offset: int, limit: int) -> Page[Project]:
        """Return one page of the owner's projects and how many they have."""
        projects = await self.project_repo.list_for_owner(owner_id, offset=offset, limit=limit)
        return Page(items=projects, total=await self.project_repo.count(owner_id=owner_id))

    async def get_project(self, owner_id: int, project_id: int) -> Project:
        """Return one of the owner's projects; another user's project is reported as missing."""
        project = await self.project_repo.get_by_id(project_id)
        if project is None or project.owner_id != owner_id:
            raise NotFoundError("Project", project_id)
        return project

    async def update_project(
        self, owner_id: int, project_id: int, project_in: ProjectUpdate
    ) -> Project:
        """Change the given fields of one of the owner's projects."""
        project = await self.get_project(owner_id, project_id)
        updates = project_in.model_dump(exclude_unset=True)
        new_name = updates.get("name")
        if new_name is not None and new_name != project.name:
            if await self.project_repo.get_by_owner_and_name(owner_id, new_name) is not None:
                raise ConflictError(f"you already have a project named \"{new_name}\"")
        updated = await self.project_repo.update(project, **updates)
        await self._record(owner_id, "project.updated", project_id)
        return updated

    async def delete_project(self, owner_id: int, project_id: int) -> None:
        """Delete one of the owner's projects with its datasets and their image files."""
        project = await self.get_project(owner_id, project_id)
        datasets = await self.dataset_repo.list_for_project(project_id)
        for dataset in datasets:
            ensure_not_crawling(dataset)
        await self.project_repo.delete(project)
        for dataset in datasets:
            await asyncio.to_thread(
                self.image_store.delete_collection, dataset_collection(dataset.id)
            )
        await self._record(owner_id, "project.deleted", project_id)

    async def _record(self, user_id: int, action: str, project_id: int) -> None:
        """Add an activity log entry about a project."""
        await self.activity_repo.create(
            user_id=user_id,
            action=action,
            resource_type="project",
            resource_id=project_id,
            details={},
        )
