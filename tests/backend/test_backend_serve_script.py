"""``scripts/serve.sh`` really serves the backend: the "done when" story over real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from backend_api_helpers import ImageServer

ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 120.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Run scripts/serve.sh on a free port with a temporary database and storage dir."""
    port = _free_port()
    storage = tmp_path / "images"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'served.db'}",
        "PIXCRAWLER_STORAGE_DIR": str(storage),
        "PIXCRAWLER_CRAWLER_TRUST_ENV": "false",
        "PORT": str(port),
    }
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "serve.sh")],
        cwd=tmp_path,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                if httpx.get(f"{base_url}/openapi.json", trust_env=False).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.3)
        yield base_url, storage
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def test_serve_script_runs_the_whole_story(
    served: tuple[str, Path], image_server: ImageServer
) -> None:
    """Register, create a project and a dataset, crawl, and find the images on disk."""
    base_url, storage = served
    with httpx.Client(base_url=f"{base_url}/api/v1", trust_env=False, timeout=30) as api:
        key = api.post("/users", json={"email": "s@example.com", "full_name": "S"}).json()
        api.headers["Authorization"] = f"Bearer {key['api_key']}"
        project = api.post("/projects", json={"name": "Served"}).json()
        dataset = api.post("/datasets", json={"project_id": project["id"], "name": "D"}).json()
        urls = [image_server.url("/red.png"), image_server.url("/green.jpg")]
        job = api.post("/crawl-jobs", json={"dataset_id": dataset["id"], "urls": urls}).json()
        assert api.post(f"/crawl-jobs/{job['id']}/start").status_code == 202
        deadline = time.monotonic() + 60
        while (status := api.get(f"/crawl-jobs/{job['id']}").json()["status"]) == "running":
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert status == "completed"
        images = api.get(f"/datasets/{dataset['id']}/images").json()
    assert sorted(image["source_url"] for image in images) == sorted(urls)
    assert len(list((storage / f"dataset_{dataset['id']}").iterdir())) == 2
