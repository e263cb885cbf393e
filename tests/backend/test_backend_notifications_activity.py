"""Notifications and the activity log through the API."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from backend_api_helpers import Account, ImageServer

pytestmark = pytest.mark.anyio


async def _finish_two_crawls(
    client: httpx.AsyncClient, account: Account, image_server: ImageServer
) -> list[int]:
    """Run two crawl jobs, leaving two notifications; return the job ids."""
    project = await client.post("/api/v1/projects", json={"name": "P"}, headers=account.headers)
    dataset = await client.post(
        "/api/v1/datasets",
        json={"project_id": project.json()["id"], "name": "D"},
        headers=account.headers,
    )
    job_ids = []
    for path in ("/red.png", "/blue.png"):
        job = await client.post(
            "/api/v1/crawl-jobs",
            json={"dataset_id": dataset.json()["id"], "urls": [image_server.url(path)]},
            headers=account.headers,
        )
        await client.post(f"/api/v1/crawl-jobs/{job.json()['id']}/start", headers=account.headers)
        job_ids.append(job.json()["id"])
    return job_ids


async def test_notifications_read_and_delete(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer
) -> None:
    """List (all / unread), get, mark one read, mark all read, delete."""
    job_ids = await _finish_two_crawls(client, user, image_server)
    listed: list[dict[str, Any]] = (
        await client.get("/api/v1/notifications", headers=user.headers)
    ).json()
    assert [n["title"] for n in listed] == [
        f"Crawl job {job_ids[1]} completed",
        f"Crawl job {job_ids[0]} completed",
    ]
    newest, oldest = listed
    fetched = await client.get(f"/api/v1/notifications/{newest['id']}", headers=user.headers)
    assert fetched.json()["message"] == (
        "1 new image(s) stored, 0 already in the dataset, 0 URL(s) failed."
    )

    read = await client.post(f"/api/v1/notifications/{newest['id']}/read", headers=user.headers)
    assert read.status_code == 200
    assert read.json()["is_read"] is True
    unread = await client.get("/api/v1/notifications?unread_only=true", headers=user.headers)
    assert [n["id"] for n in unread.json()] == [oldest["id"]]

    all_read = await client.post("/api/v1/notifications/read-all", headers=user.headers)
    assert all_read.json() == {"count": 1}
    unread = await client.get("/api/v1/notifications?unread_only=true", headers=user.headers)
    assert unread.json() == []

    deleted = await client.delete(f"/api/v1/notifications/{oldest['id']}", headers=user.headers)
    assert deleted.status_code == 204
    remaining = await client.get("/api/v1/notifications", headers=user.headers)
    assert [n["id"] for n in remaining.json()] == [newest["id"]]


async def test_notifications_are_private(
    client: httpx.AsyncClient, user: Account, other_user: Account, image_server: ImageServer
) -> None:
    """Another user's notification is 404 and theirs are not listed."""
    await _finish_two_crawls(client, user, image_server)
    notification = (await client.get("/api/v1/notifications", headers=user.headers)).json()[0]
    path = f"/api/v1/notifications/{notification['id']}"
    assert (await client.get(path, headers=other_user.headers)).status_code == 404
    assert (await client.post(f"{path}/read", headers=other_user.headers)).status_code == 404
    assert (await client.get("/api/v1/notifications", headers=other_user.headers)).json() == []
    marked = await client.post("/api/v1/notifications/read-all", headers=other_user.headers)
    assert marked.json() == {"count": 0}


async def test_notification_list_with_bad_query_is_422(
    client: httpx.AsyncClient, user: Account
) -> None:
    """``unread_only`` must be a boolean and ``limit`` in range."""
    for query in ("unread_only=maybe", "limit=0"):
        response = await client.get(f"/api/v1/notifications?{query}", headers=user.headers)
        assert response.status_code == 422, query


async def test_activity_log_records_what_the_user_did(
    client: httpx.AsyncClient, user: Account, other_user: Account
) -> None:
    """Registering, creating and updating things leaves entries, newest first, private."""
    project = await client.post("/api/v1/projects", json={"name": "P"}, headers=user.headers)
    project_id = project.json()["id"]
    await client.patch(f"/api/v1/projects/{project_id}", json={"name": "Q"}, headers=user.headers)
    entries = (await client.get("/api/v1/activity", headers=user.headers)).json()
    actions = [entry["action"] for entry in entries]
    assert actions == ["project.updated", "project.created", "user.registered"]
    assert entries[0]["resource_id"] == project_id

    projects_only = await client.get("/api/v1/activity?resource_type=project", headers=user.headers)
    assert len(projects_only.json()) == 2

    entry = await client.get(f"/api/v1/activity/{entries[0]['id']}", headers=user.headers)
    assert entry.status_code == 200
    assert entry.json()["resource_type"] == "project"
    hidden = await client.get(f"/api/v1/activity/{entries[0]['id']}", headers=other_user.headers)
    assert hidden.status_code == 404

    bad = await client.get("/api/v1/activity?resource_type=", headers=user.headers)
    assert bad.status_code == 422
