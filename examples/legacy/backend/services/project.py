"""Project service."""

from uuid import UUID

from backend.core.exceptions import NotFoundError, ValidationError
from backend.models.project import Project
from backend.repositories.project_repository import ProjectRepository
from backend.schemas.project import ProjectCreate, ProjectUpdate
from backend.services.base import BaseService

__all__ = ["ProjectService"]


class ProjectService(BaseService):
    """Creation, ownership checks and updates of projects."""

    def __init__(self, repository: ProjectRepository) -> None:
        super().__init__()
        self.repository = repository

    async def create_project(self, project_in: ProjectCreate, owner_id: UUID) -> Project:
        """Create a project; names are unique per owner."""
        if await self.repository.get_by_name(owner_id, project_in.name) is not None:
            raise ValidationError(f"Project '{project_in.name}' already exists")
        project_data = project_in.model_dump()
        project_data["owner_id"] = owner_id
        return await self.repository.create(project_data)  # expect: PXL401

    async def get_project(self, project_id: int, owner_id: UUID) -> Project:
        """Return the owner's project or raise :class:`NotFoundError`."""
        project = await self.repository.get(project_id)  # expect: PXL403
        if project is None or project.owner_id != owner_id:
            raise NotFoundError(f"Project {project_id} not found")
        return project

    async def list_projects(self, owner_id: UUID, *, offset: int = 0, limit: int = 50) -> list[Project]:
        """Return a page of the owner's projects."""
        return await self.repository.list_for_owner(owner_id, offset=offset, limit=self.clamp_limit(limit))

    async def update_project(self, project_id: int, owner_id: UUID, project_in: ProjectUpdate) -> Project:
        """Apply a partial update to the owner's project."""
        await self.get_project(project_id, owner_id)
        update_data = project_in.model_dump(exclude_unset=True)
        if "name" in update_data and update_data["name"] is not None:
            update_data.update(name=update_data["name"].strip())
        return await self.repository.update(project_id, update_data)  # expect: PXL402

    async def archive_project(self, project_id: int, owner_id: UUID) -> Project:
        """Archive the project (hidden from listings, data kept)."""
        project = await self.get_project(project_id, owner_id)
        return await self.repository.update(project, is_archived=True)

    async def delete_project(self, project_id: int, owner_id: UUID) -> None:
        """Delete the project and, by cascade, its datasets."""
        project = await self.get_project(project_id, owner_id)
        await self.repository.delete(project)

    async def get_project_stats(self, project_id: int, owner_id: UUID) -> dict[str, int]:
        """Return dataset and image totals of the owner's project."""
        await self.get_project(project_id, owner_id)
        dataset_count, image_count = await self.repository.dataset_totals(project_id)
        return {"project_id": project_id, "dataset_count": dataset_count, "image_count": image_count}
