"""The issue's "done when" story, through the API alone.

A new user registers (and gets a key), creates a project and a dataset, starts a crawl
against a local image server, and sees the images stored and the job completed.
"""

from __future__ import annotations


import httpx
import pytest
from backend_api_helpers import ImageServer

from backend.core.config import Settings

pytestmark = pytest.mark.anyio


async def test_register_create_crawl_and_see_the_images(
    client: httpx.AsyncClient, image_server: ImageServer, settings: Settings
) -> None:
    """Everything happens over HTTP; the only thing read outside the API is the disk."""
    registered = await client.post(
        "/api/v1/users", json={"email": "grace@example.com", "full_name": "Grace"}
    )
    assert registered.status_code == 201
    auth = {"Authorization": f"Bearer {registered.json()['api_key']}"}

    project = await client.post(
        "/api/v1/projects", json={"name": "Colours", "description": "swatches"}, headers=auth
    )
    assert project.status_code == 201
    dataset = await client.post(
        "/api/v1/datasets",
        json={"project_id": project.json()["id"], "name": "Primary colours"},
        headers=auth,
    )
    assert dataset.status_code == 201
    dataset_id = dataset.json()["id"]

    urls = [image_server.url(path) for path in ("/red.png", "/blue.png", "/green.jpg")]
    job = await client.post(
        "/api/v1/crawl-jobs", json={"dataset_id": dataset_id, "urls": urls}, headers=auth
    )
    assert job.status_code == 201
    job_id = job.json()["id"]
    started = await client.post(f"/api/v1/crawl-jobs/{job_id}/start", headers=auth)
    assert started.status_code == 202

    finished = await client.get(f"/api/v1/crawl-jobs/{job_id}", headers=auth)
    assert finished.json()["status"] == "completed"
    assert finished.json()["downloaded_images"] == 3
    assert finished.json()["failed_urls"] == 0

    images = await client.get(f"/api/v1/datasets/{dataset_id}/images", headers=auth)
    assert sorted(image["source_url"] for image in images.json()) == sorted(urls)
    stored_files = sorted((settings.storage_dir / f"dataset_{dataset_id}").iterdir())
    assert len(stored_files) == 3
    assert sorted(
        (settings.storage_dir / image["storage_path"]).resolve() for image in images.json()
    ) == [path.resolve() for path in stored_files]
    assert (await client.get(f"/api/v1/datasets/{dataset_id}", headers=auth)).json()[
        "image_count"
    ] == 3
