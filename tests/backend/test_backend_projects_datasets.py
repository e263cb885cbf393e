"""Projects and datasets through the API."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from backend_api_helpers import Account

pytestmark = pytest.mark.anyio


async def _project(
    client: httpx.AsyncClient, account: Account, name: str = "Cats"
) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/projects", json={"name": name, "description": "d"}, headers=account.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def _dataset(
    client: httpx.AsyncClient, account: Account, project_id: int, name: str = "Tabby"
) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/datasets", json={"project_id": project_id, "name": name}, headers=account.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_project_crud(client: httpx.AsyncClient, user: Account) -> None:
    """Create, list, get, update and delete a project."""
    project = await _project(client, user)
    assert project["owner_id"] == user.user["id"]
    await _project(client, user, "Dogs")
    listed = await client.get("/api/v1/projects", headers=user.headers)
    assert [p["name"] for p in listed.json()] == ["Cats", "Dogs"]
    paged = await client.get("/api/v1/projects?offset=1&limit=1", headers=user.headers)
    assert [p["name"] for p in paged.json()] == ["Dogs"]
    fetched = await client.get(f"/api/v1/projects/{project['id']}", headers=user.headers)
    assert fetched.json()["description"] == "d"
    updated = await client.patch(
        f"/api/v1/projects/{project['id']}", json={"name": "Felines"}, headers=user.headers
    )
    assert updated.status_code == 200
    assert updated.json()["name"] == "Felines"
    assert updated.json()["description"] == "d"
    deleted = await client.delete(f"/api/v1/projects/{project['id']}", headers=user.headers)
    assert deleted.status_code == 204
    assert deleted.content == b""
    gone = await client.get(f"/api/v1/projects/{project['id']}", headers=user.headers)
    assert gone.status_code == 404


async def test_project_names_are_unique_per_owner(
    client: httpx.AsyncClient, user: Account, other_user: Account
) -> None:
    """Same name twice for one owner: 409; for two owners: fine; rename onto a taken name: 409."""
    await _project(client, user, "Cats")
    duplicate = await client.post("/api/v1/projects", json={"name": "Cats"}, headers=user.headers)
    assert duplicate.status_code == 409
    await _project(client, other_user, "Cats")
    dogs = await _project(client, user, "Dogs")
    rename = await client.patch(
        f"/api/v1/projects/{dogs['id']}", json={"name": "Cats"}, headers=user.headers
    )
    assert rename.status_code == 409


async def test_projects_are_private(
    client: httpx.AsyncClient, user: Account, other_user: Account
) -> None:
    """Another user's project is invisible (404), and not listed."""
    project = await _project(client, user)
    path = f"/api/v1/projects/{project['id']}"
    assert (await client.get(path, headers=other_user.headers)).status_code == 404
    assert (await client.delete(path, headers=other_user.headers)).status_code == 404
    assert (await client.get("/api/v1/projects", headers=other_user.headers)).json() == []


@pytest.mark.parametrize(
    "payload", [{}, {"name": ""}, {"name": "x" * 201}, {"name": "ok", "owner_id": 5}]
)
async def test_project_with_bad_input_is_422(
    client: httpx.AsyncClient, user: Account, payload: dict[str, Any]
) -> None:
    """Name required, 1-200 characters; no unknown fields."""
    response = await client.post("/api/v1/projects", json=payload, headers=user.headers)
    assert response.status_code == 422


async def test_project_list_with_bad_paging_is_422(
    client: httpx.AsyncClient, user: Account
) -> None:
    """``limit`` must be 1-200 and ``offset`` non-negative."""
    for query in ("limit=0", "limit=201", "offset=-1"):
        response = await client.get(f"/api/v1/projects?{query}", headers=user.headers)
        assert response.status_code == 422, query


async def test_dataset_crud(client: httpx.AsyncClient, user: Account) -> None:
    """Create, list (all and by project), get, update, list images and delete a dataset."""
    cats = await _project(client, user, "Cats")
    dogs = await _project(client, user, "Dogs")
    tabby = await _dataset(client, user, cats["id"], "Tabby")
    await _dataset(client, user, dogs["id"], "Pug")
    assert tabby["status"] == "draft"
    assert tabby["image_count"] == 0
    everything = await client.get("/api/v1/datasets", headers=user.headers)
    assert [d["name"] for d in everything.json()] == ["Tabby", "Pug"]
    by_project = await client.get(f"/api/v1/datasets?project_id={dogs['id']}", headers=user.headers)
    assert [d["name"] for d in by_project.json()] == ["Pug"]
    path = f"/api/v1/datasets/{tabby['id']}"
    assert (await client.get(path, headers=user.headers)).json()["project_id"] == cats["id"]
    updated = await client.patch(path, json={"description": "stripes"}, headers=user.headers)
    assert updated.json()["description"] == "stripes"
    images = await client.get(f"{path}/images", headers=user.headers)
    assert images.status_code == 200
    assert images.json() == []
    assert (await client.delete(path, headers=user.headers)).status_code == 204
    assert (await client.get(path, headers=user.headers)).status_code == 404


async def test_deleting_a_project_deletes_its_datasets(
    client: httpx.AsyncClient, user: Account
) -> None:
    """Datasets go with their project (ON DELETE CASCADE)."""
    project = await _project(client, user)
    dataset = await _dataset(client, user, project["id"])
    await client.delete(f"/api/v1/projects/{project['id']}", headers=user.headers)
    response = await client.get(f"/api/v1/datasets/{dataset['id']}", headers=user.headers)
    assert response.status_code == 404


async def test_dataset_in_someone_elses_project_is_404(
    client: httpx.AsyncClient, user: Account, other_user: Account
) -> None:
    """A dataset can only be created in, or listed for, one's own project."""
    project = await _project(client, user)
    response = await client.post(
        "/api/v1/datasets",
        json={"project_id": project["id"], "name": "Sneaky"},
        headers=other_user.headers,
    )
    assert response.status_code == 404
    assert response.json()["detail"] == f"Project {project['id']} not found"
    listing = await client.get(
        f"/api/v1/datasets?project_id={project['id']}", headers=other_user.headers
    )
    assert listing.status_code == 404
    dataset = await _dataset(client, user, project["id"])
    images = await client.get(
        f"/api/v1/datasets/{dataset['id']}/images", headers=other_user.headers
    )
    assert images.status_code == 404


@pytest.mark.parametrize(
    "payload",
    [
        {"name": "x"},
        {"project_id": 0, "name": "x"},
        {"project_id": 1, "name": ""},
        {"project_id": "a"},
    ],
)
async def test_dataset_with_bad_input_is_422(
    client: httpx.AsyncClient, user: Account, payload: dict[str, Any]
) -> None:
    """``project_id`` (a positive integer) and a non-empty name are required."""
    response = await client.post("/api/v1/datasets", json=payload, headers=user.headers)
    assert response.status_code == 422
