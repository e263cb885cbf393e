"""Crawl jobs through the API, against a local image server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from backend_api_helpers import Account, ImageServer

from backend.core.config import Settings

pytestmark = pytest.mark.anyio


async def _dataset(client: httpx.AsyncClient, account: Account) -> dict[str, Any]:
    project = await client.post("/api/v1/projects", json={"name": "P"}, headers=account.headers)
    dataset = await client.post(
        "/api/v1/datasets",
        json={"project_id": project.json()["id"], "name": "D"},
        headers=account.headers,
    )
    assert dataset.status_code == 201, dataset.text
    body: dict[str, Any] = dataset.json()
    return body


async def _job(
    client: httpx.AsyncClient, account: Account, dataset_id: int, urls: list[str]
) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/crawl-jobs", json={"dataset_id": dataset_id, "urls": urls}, headers=account.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_crawl_stores_valid_images_and_reports_failures(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer, settings: Settings
) -> None:
    """Good PNG/JPEG URLs are stored; text, truncated and missing ones are counted as failed."""
    dataset = await _dataset(client, user)
    urls = [
        image_server.url(path)
        for path in ("/red.png", "/green.jpg", "/notes.txt", "/broken.png", "/missing.png")
    ]
    job = await _job(client, user, dataset["id"], urls)
    assert job["status"] == "pending"
    assert job["total_urls"] == 5

    started = await client.post(f"/api/v1/crawl-jobs/{job['id']}/start", headers=user.headers)
    assert started.status_code == 202, started.text
    assert started.json()["status"] == "running"

    finished = (await client.get(f"/api/v1/crawl-jobs/{job['id']}", headers=user.headers)).json()
    assert finished["status"] == "completed"
    assert (finished["downloaded_images"], finished["failed_urls"]) == (2, 3)
    assert "HTTP 404" in finished["error_message"]
    assert "not a decodable image" in finished["error_message"]
    assert finished["completed_at"] is not None

    images = (
        await client.get(f"/api/v1/datasets/{dataset['id']}/images", headers=user.headers)
    ).json()
    by_url = {image["source_url"]: image for image in images}
    assert set(by_url) == {image_server.url("/red.png"), image_server.url("/green.jpg")}
    red = by_url[image_server.url("/red.png")]
    assert (red["image_format"], red["width"], red["height"]) == ("PNG", 32, 24)
    assert by_url[image_server.url("/green.jpg")]["image_format"] == "JPEG"
    for image in images:
        relative = image["storage_path"]
        assert not Path(relative).is_absolute(), relative
        assert str(settings.storage_dir) not in relative
        assert relative.startswith(f"dataset_{dataset['id']}/")
        stored = settings.storage_dir / relative
        assert stored.is_file()
        served_path = image["source_url"].removeprefix(image_server.base_url)
        assert stored.read_bytes() == image_server.files[served_path][1]

    refreshed = (await client.get(f"/api/v1/datasets/{dataset['id']}", headers=user.headers)).json()
    assert (refreshed["status"], refreshed["image_count"]) == ("ready", 2)
    notifications = (await client.get("/api/v1/notifications", headers=user.headers)).json()
    assert notifications[0]["title"] == f"Crawl job {job['id']} completed"


async def test_a_crawl_with_no_usable_image_fails(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer
) -> None:
    """Every URL failing marks the job failed."""
    dataset = await _dataset(client, user)
    job = await _job(client, user, dataset["id"], [image_server.url("/notes.txt")])
    await client.post(f"/api/v1/crawl-jobs/{job['id']}/start", headers=user.headers)
    finished = (await client.get(f"/api/v1/crawl-jobs/{job['id']}", headers=user.headers)).json()
    assert (finished["status"], finished["downloaded_images"], finished["failed_urls"]) == (
        "failed",
        0,
        1,
    )


async def test_the_same_image_twice_is_stored_once(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer
) -> None:
    """Images are content-addressed per dataset: a second job with the same bytes adds nothing."""
    dataset = await _dataset(client, user)
    for _ in range(2):
        job = await _job(client, user, dataset["id"], [image_server.url("/blue.png")])
        await client.post(f"/api/v1/crawl-jobs/{job['id']}/start", headers=user.headers)
    images = await client.get(f"/api/v1/datasets/{dataset['id']}/images", headers=user.headers)
    assert len(images.json()) == 1


async def test_job_state_rules(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer
) -> None:
    """Start only pending jobs; cancel only pending jobs; duplicate URLs are dropped."""
    dataset = await _dataset(client, user)
    url = image_server.url("/red.png")
    job = await _job(client, user, dataset["id"], [url, url])
    assert job["urls"] == [url]
    cancelled = await client.post(f"/api/v1/crawl-jobs/{job['id']}/cancel", headers=user.headers)
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    start = await client.post(f"/api/v1/crawl-jobs/{job['id']}/start", headers=user.headers)
    assert start.status_code == 409
    assert "only pending or failed jobs can be started" in start.json()["detail"]
    second = await _job(client, user, dataset["id"], [url])
    await client.post(f"/api/v1/crawl-jobs/{second['id']}/start", headers=user.headers)
    again = await client.post(f"/api/v1/crawl-jobs/{second['id']}/cancel", headers=user.headers)
    assert again.status_code == 409


async def test_list_jobs_with_filters(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer
) -> None:
    """Newest first; filter by dataset and by status; a bad status is 422."""
    dataset = await _dataset(client, user)
    first = await _job(client, user, dataset["id"], [image_server.url("/red.png")])
    second = await _job(client, user, dataset["id"], [image_server.url("/blue.png")])
    await client.post(f"/api/v1/crawl-jobs/{first['id']}/cancel", headers=user.headers)
    listed = (await client.get("/api/v1/crawl-jobs", headers=user.headers)).json()
    assert [job["id"] for job in listed] == [second["id"], first["id"]]
    pending = await client.get("/api/v1/crawl-jobs?status=pending", headers=user.headers)
    assert [job["id"] for job in pending.json()] == [second["id"]]
    other = await client.get(
        f"/api/v1/crawl-jobs?dataset_id={dataset['id'] + 1}", headers=user.headers
    )
    assert other.json() == []
    bad = await client.get("/api/v1/crawl-jobs?status=exploded", headers=user.headers)
    assert bad.status_code == 422


async def test_jobs_are_private(
    client: httpx.AsyncClient, user: Account, other_user: Account, image_server: ImageServer
) -> None:
    """Another user can neither see, start nor use someone's dataset for a job."""
    dataset = await _dataset(client, user)
    job = await _job(client, user, dataset["id"], [image_server.url("/red.png")])
    for method, path in (
        ("GET", f"/api/v1/crawl-jobs/{job['id']}"),
        ("POST", f"/api/v1/crawl-jobs/{job['id']}/start"),
        ("POST", f"/api/v1/crawl-jobs/{job['id']}/cancel"),
    ):
        response = await client.request(method, path, headers=other_user.headers)
        assert response.status_code == 404, (method, path)
    stolen = await client.post(
        "/api/v1/crawl-jobs",
        json={"dataset_id": dataset["id"], "urls": [image_server.url("/red.png")]},
        headers=other_user.headers,
    )
    assert stolen.status_code == 404


@pytest.mark.parametrize(
    "payload",
    [
        {"dataset_id": 1, "urls": []},
        {"dataset_id": 1, "urls": ["not a url"]},
        {"dataset_id": 1, "urls": ["ftp://127.0.0.1/a.png"]},
        {"urls": ["http://127.0.0.1/a.png"]},
        {"dataset_id": 0, "urls": ["http://127.0.0.1/a.png"]},
    ],
)
async def test_crawl_job_with_bad_input_is_422(
    client: httpx.AsyncClient, user: Account, payload: dict[str, Any]
) -> None:
    """At least one http(s) URL and a positive dataset id are required."""
    response = await client.post("/api/v1/crawl-jobs", json=payload, headers=user.headers)
    assert response.status_code == 422


async def test_archived_dataset_takes_no_jobs(
    client: httpx.AsyncClient, admin: Account, image_server: ImageServer
) -> None:
    """Once a policy archives a dataset, creating a crawl job for it is a 409."""
    dataset = await _dataset(client, admin)
    policy = await client.post(
        "/api/v1/policies/archival", json={"name": "now", "days_inactive": 0}, headers=admin.headers
    )
    await client.post(
        f"/api/v1/policies/archival/{policy.json()['id']}/execute", headers=admin.headers
    )
    response = await client.post(
        "/api/v1/crawl-jobs",
        json={"dataset_id": dataset["id"], "urls": [image_server.url("/red.png")]},
        headers=admin.headers,
    )
    assert response.status_code == 409
    assert "archived" in response.json()["detail"]
