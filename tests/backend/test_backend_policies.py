"""Lifecycle policies (admin only) through the API, executed as background tasks."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from backend_api_helpers import Account, ImageServer

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("kind", "create", "update"),
    [
        ("archival", {"name": "old", "days_inactive": 30}, {"days_inactive": 60}),
        (
            "cleanup",
            {"name": "old", "target": "failed_crawl_jobs", "days_old": 7},
            {"target": "read_notifications"},
        ),
    ],
)
async def test_policy_crud(
    client: httpx.AsyncClient,
    admin: Account,
    kind: str,
    create: dict[str, Any],
    update: dict[str, Any],
) -> None:
    """Create, list, get, update and delete archival and cleanup policies."""
    base = f"/api/v1/policies/{kind}"
    created = await client.post(base, json=create, headers=admin.headers)
    assert created.status_code == 201, created.text
    policy = created.json()
    assert policy["is_active"] is True
    duplicate = await client.post(base, json=create, headers=admin.headers)
    assert duplicate.status_code == 409
    listed = await client.get(base, headers=admin.headers)
    assert [p["id"] for p in listed.json()] == [policy["id"]]
    fetched = await client.get(f"{base}/{policy['id']}", headers=admin.headers)
    assert fetched.json()["name"] == "old"
    patched = await client.patch(f"{base}/{policy['id']}", json=update, headers=admin.headers)
    assert patched.status_code == 200
    for field, value in update.items():
        assert patched.json()[field] == value
    deleted = await client.delete(f"{base}/{policy['id']}", headers=admin.headers)
    assert deleted.status_code == 204
    assert (await client.get(f"{base}/{policy['id']}", headers=admin.headers)).status_code == 404
    activity = await client.get("/api/v1/activity?resource_type=policy", headers=admin.headers)
    assert [entry["action"] for entry in activity.json()] == [
        f"policy.{kind}.deleted",
        f"policy.{kind}.updated",
        f"policy.{kind}.created",
    ]
    assert {entry["resource_id"] for entry in activity.json()} == {policy["id"]}


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        ("archival", {"name": "x"}),
        ("archival", {"name": "x", "days_inactive": -1}),
        ("archival", {"name": "", "days_inactive": 1}),
        ("cleanup", {"name": "x", "days_old": 1}),
        ("cleanup", {"name": "x", "days_old": 1, "target": "everything"}),
    ],
)
async def test_policy_with_bad_input_is_422(
    client: httpx.AsyncClient, admin: Account, kind: str, payload: dict[str, Any]
) -> None:
    """Missing or out-of-range fields and unknown cleanup targets are rejected."""
    response = await client.post(f"/api/v1/policies/{kind}", json=payload, headers=admin.headers)
    assert response.status_code == 422


async def test_archival_execution_archives_datasets_in_the_background(
    client: httpx.AsyncClient, admin: Account, user: Account
) -> None:
    """Executing returns 202 with a pending execution; the background task archives datasets."""
    project = await client.post("/api/v1/projects", json={"name": "P"}, headers=user.headers)
    dataset = await client.post(
        "/api/v1/datasets",
        json={"project_id": project.json()["id"], "name": "D"},
        headers=user.headers,
    )
    policy = await client.post(
        "/api/v1/policies/archival",
        json={"name": "immediately", "days_inactive": 0},
        headers=admin.headers,
    )
    executed = await client.post(
        f"/api/v1/policies/archival/{policy.json()['id']}/execute", headers=admin.headers
    )
    assert executed.status_code == 202
    assert executed.json()["status"] == "pending"
    execution_id = executed.json()["id"]

    execution = await client.get(
        f"/api/v1/policies/executions/{execution_id}", headers=admin.headers
    )
    assert execution.json()["status"] == "completed"
    assert execution.json()["affected_count"] == 1
    archived = await client.get(f"/api/v1/datasets/{dataset.json()['id']}", headers=user.headers)
    assert archived.json()["status"] == "archived"
    assert archived.json()["archived_at"] is not None
    notifications = (await client.get("/api/v1/notifications", headers=user.headers)).json()
    assert notifications[0]["title"] == 'Dataset "D" archived'
    listed = await client.get("/api/v1/policies/executions", headers=admin.headers)
    assert [e["id"] for e in listed.json()] == [execution_id]


async def test_archival_with_a_long_inactivity_keeps_fresh_datasets(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """A dataset updated today is not archived by a 30-day policy."""
    project = await client.post("/api/v1/projects", json={"name": "P"}, headers=admin.headers)
    dataset = await client.post(
        "/api/v1/datasets",
        json={"project_id": project.json()["id"], "name": "D"},
        headers=admin.headers,
    )
    policy = await client.post(
        "/api/v1/policies/archival",
        json={"name": "month", "days_inactive": 30},
        headers=admin.headers,
    )
    executed = await client.post(
        f"/api/v1/policies/archival/{policy.json()['id']}/execute", headers=admin.headers
    )
    execution = await client.get(
        f"/api/v1/policies/executions/{executed.json()['id']}", headers=admin.headers
    )
    assert execution.json()["affected_count"] == 0
    fresh = await client.get(f"/api/v1/datasets/{dataset.json()['id']}", headers=admin.headers)
    assert fresh.json()["status"] == "draft"


async def test_cleanup_execution_deletes_failed_jobs(
    client: httpx.AsyncClient, admin: Account, image_server: ImageServer
) -> None:
    """A cleanup policy for failed crawl jobs deletes them, and only them."""
    project = await client.post("/api/v1/projects", json={"name": "P"}, headers=admin.headers)
    dataset = await client.post(
        "/api/v1/datasets",
        json={"project_id": project.json()["id"], "name": "D"},
        headers=admin.headers,
    )
    job_ids = []
    for path in ("/notes.txt", "/red.png"):
        job = await client.post(
            "/api/v1/crawl-jobs",
            json={"dataset_id": dataset.json()["id"], "urls": [image_server.url(path)]},
            headers=admin.headers,
        )
        await client.post(f"/api/v1/crawl-jobs/{job.json()['id']}/start", headers=admin.headers)
        job_ids.append(job.json()["id"])
    policy = await client.post(
        "/api/v1/policies/cleanup",
        json={"name": "failed", "target": "failed_crawl_jobs", "days_old": 0},
        headers=admin.headers,
    )
    executed = await client.post(
        f"/api/v1/policies/cleanup/{policy.json()['id']}/execute", headers=admin.headers
    )
    assert executed.status_code == 202
    execution = await client.get(
        f"/api/v1/policies/executions/{executed.json()['id']}", headers=admin.headers
    )
    assert (execution.json()["status"], execution.json()["affected_count"]) == ("completed", 1)
    remaining = (await client.get("/api/v1/crawl-jobs", headers=admin.headers)).json()
    assert [job["id"] for job in remaining] == [job_ids[1]]


async def test_cleanup_of_read_notifications_and_activity(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """Read notifications and old activity entries can be cleaned up too."""
    policy = await client.post(
        "/api/v1/policies/cleanup",
        json={"name": "activity", "target": "activity_logs", "days_old": 0},
        headers=admin.headers,
    )
    before = (await client.get("/api/v1/activity", headers=admin.headers)).json()
    assert [entry["action"] for entry in before] == ["policy.cleanup.created", "user.registered"]
    executed = await client.post(
        f"/api/v1/policies/cleanup/{policy.json()['id']}/execute", headers=admin.headers
    )
    execution = await client.get(
        f"/api/v1/policies/executions/{executed.json()['id']}", headers=admin.headers
    )
    # the registration entry, the policy's creation and the "executed" entry of queueing
    assert execution.json()["affected_count"] == 3
    assert (await client.get("/api/v1/activity", headers=admin.headers)).json() == []


async def test_inactive_policy_cannot_be_executed(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """Executing a deactivated policy is a 409."""
    policy = await client.post(
        "/api/v1/policies/archival",
        json={"name": "off", "days_inactive": 1, "is_active": False},
        headers=admin.headers,
    )
    response = await client.post(
        f"/api/v1/policies/archival/{policy.json()['id']}/execute", headers=admin.headers
    )
    assert response.status_code == 409
    assert "not active" in response.json()["detail"]
