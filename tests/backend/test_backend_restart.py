"""A crash mid-crawl: the server is killed with SIGKILL while a crawl job runs, restarted, and
the job is found failed with a clear reason, then started again and completed.

The app runs in a real uvicorn subprocess (on SQLite and on PostgreSQL, like the other API
tests); the image server holds one URL open until the test lets it go.
"""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from backend_api_helpers import Account, png_bytes
from fastapi import FastAPI

from backend.api.dependencies import recover_interrupted_crawl_jobs
from backend.core.config import Settings
from backend.core.enums import DatasetStatus
from backend.models.dataset import Dataset
from backend.services.crawl_job import INTERRUPTED_REASON

ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 120.0
HOLD_TIMEOUT = 60.0


class HoldingImageServer:
    """Serves ``/quick.png`` at once and ``/held.png`` only once ``release`` is set."""

    def __init__(self) -> None:
        self.arrived = threading.Event()
        self.release = threading.Event()
        bodies = {"/quick.png": png_bytes(8, 8, (1, 2, 3)), "/held.png": png_bytes(9, 9, (4, 5, 6))}
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                body = bodies.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                if self.path == "/held.png":
                    outer.arrived.set()
                    outer.release.wait(timeout=HOLD_TIMEOUT)
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "image/png")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the crawler that asked was killed meanwhile
                    pass

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                """Quiet."""

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def holding_server() -> Iterator[HoldingImageServer]:
    """An image server with one URL that hangs until released."""
    server = HoldingImageServer()
    try:
        yield server
    finally:
        server.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class AppProcess:
    """``uvicorn backend.main:app`` in a subprocess, on a given database and storage dir."""

    def __init__(self, workdir: Path, database_url: str) -> None:
        self.workdir = workdir
        self.port = _free_port()
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": database_url,
            "PIXCRAWLER_STORAGE_DIR": str(workdir / "images"),
            "PIXCRAWLER_CRAWLER_TRUST_ENV": "false",
            "PIXCRAWLER_CRAWLER_TIMEOUT_SECONDS": str(HOLD_TIMEOUT * 2),
        }
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = workdir / "server.log"

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "backend.main:app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                ],
                cwd=self.workdir,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            assert self.process.poll() is None, self.log.read_text()
            try:
                if httpx.get(f"{self.base_url}/openapi.json", trust_env=False).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, self.log.read_text()
            time.sleep(0.2)

    def kill(self) -> None:
        """SIGKILL: no shutdown handler, no lifespan exit, no chance to clean up."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        assert self.process.wait(timeout=30) == -signal.SIGKILL

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture
def app_process(tmp_path: Path, database_url: str) -> Iterator[AppProcess]:
    """The app in a subprocess (not started yet); stopped at the end."""
    process = AppProcess(tmp_path, database_url)
    try:
        yield process
    finally:
        process.stop()


def _wait_for(api: httpx.Client, job_id: int, until: str) -> dict[str, Any]:
    deadline = time.monotonic() + HOLD_TIMEOUT
    while True:
        job: dict[str, Any] = api.get(f"/crawl-jobs/{job_id}").json()
        if job["status"] == until:
            return job
        assert job["status"] in ("running", "pending"), job
        assert time.monotonic() < deadline, job
        time.sleep(0.2)


def test_a_job_killed_mid_crawl_is_failed_at_restart_and_can_run_again(
    app_process: AppProcess, holding_server: HoldingImageServer
) -> None:
    """SIGKILL during a crawl; after the restart the job is failed, not running forever."""
    app_process.start()
    urls = [f"{holding_server.base_url}/quick.png", f"{holding_server.base_url}/held.png"]
    with httpx.Client(
        base_url=f"{app_process.base_url}/api/v1", trust_env=False, timeout=30
    ) as api:
        key = api.post("/users", json={"email": "k@example.com", "full_name": "K"}).json()
        api.headers["Authorization"] = f"Bearer {key['api_key']}"
        project = api.post("/projects", json={"name": "Crash"}).json()
        dataset = api.post("/datasets", json={"project_id": project["id"], "name": "D"}).json()
        job = api.post("/crawl-jobs", json={"dataset_id": dataset["id"], "urls": urls}).json()
        assert api.post(f"/crawl-jobs/{job['id']}/start").status_code == 202
        assert holding_server.arrived.wait(timeout=HOLD_TIMEOUT), "the crawler never asked"
        assert api.get(f"/crawl-jobs/{job['id']}").json()["status"] == "running"

        app_process.kill()
        app_process.start()

        recovered = api.get(f"/crawl-jobs/{job['id']}").json()
        assert recovered["status"] == "failed"
        assert recovered["error_message"] == INTERRUPTED_REASON
        assert "interrupted" in recovered["error_message"]
        assert recovered["completed_at"] is not None
        assert api.get(f"/datasets/{dataset['id']}").json()["status"] == "ready"
        titles = [n["title"] for n in api.get("/notifications").json()]
        assert f"Crawl job {job['id']} failed" in titles

        holding_server.release.set()
        restarted = api.post(f"/crawl-jobs/{job['id']}/start")
        assert restarted.status_code == 202, restarted.text
        assert restarted.json()["error_message"] is None
        finished = _wait_for(api, job["id"], "completed")
        assert (finished["downloaded_images"], finished["failed_urls"]) == (2, 0)
        images = api.get(f"/datasets/{dataset['id']}/images").json()
    assert sorted(image["source_url"] for image in images) == sorted(urls)
    log = app_process.log.read_text()
    assert "marked 1 interrupted crawl job(s) failed" in log, log


@pytest.mark.anyio
async def test_start_up_recovery_also_frees_a_dataset_left_crawling(
    app: FastAPI, client: httpx.AsyncClient, user: Account, settings: Settings
) -> None:
    """A crash between marking the dataset and the job: the dataset is ready again, and a job
    that never ran stays pending."""
    project = await client.post("/api/v1/projects", json={"name": "P"}, headers=user.headers)
    dataset = await client.post(
        "/api/v1/datasets",
        json={"project_id": project.json()["id"], "name": "D"},
        headers=user.headers,
    )
    job = await client.post(
        "/api/v1/crawl-jobs",
        json={"dataset_id": dataset.json()["id"], "urls": ["http://127.0.0.1:1/a.png"]},
        headers=user.headers,
    )
    factory = app.state.session_factory
    async with factory() as session:
        stuck = await session.get(Dataset, dataset.json()["id"])
        assert stuck is not None
        stuck.status = DatasetStatus.CRAWLING
        await session.commit()
    deleting = await client.delete(f"/api/v1/datasets/{dataset.json()['id']}", headers=user.headers)
    assert deleting.status_code == 409 and "being crawled" in deleting.json()["detail"]

    assert await recover_interrupted_crawl_jobs(factory, settings) == 0

    fetched = await client.get(f"/api/v1/datasets/{dataset.json()['id']}", headers=user.headers)
    assert fetched.json()["status"] == "ready"
    pending = await client.get(f"/api/v1/crawl-jobs/{job.json()['id']}", headers=user.headers)
    assert pending.json()["status"] == "pending"
