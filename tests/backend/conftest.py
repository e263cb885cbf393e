"""Fixtures for the reference backend's API tests: one app, database and storage dir per test.

Every test that uses ``settings`` (and so ``app`` and ``client``) runs twice: on SQLite and on
a real PostgreSQL server started from the installed binaries (``postgres_server.py``), one
fresh database per test. Without PostgreSQL the ``[postgresql]`` runs skip with the reason;
with ``CI=true`` they fail instead.
"""

from __future__ import annotations

import asyncio
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

ROOT = Path(__file__).resolve().parents[2]
for _path in (ROOT, Path(__file__).resolve().parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from backend.core.config import Settings  # noqa: E402
from backend.main import create_app  # noqa: E402
from backend_api_helpers import Account, ImageServer, jpeg_bytes, png_bytes, register  # noqa: E402
from postgres_server import PostgresServer, PostgresUnavailable, find_bindir  # noqa: E402

from backend.database import create_engine, create_tables  # noqa: E402
from backend.models import Base  # noqa: E402


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _unavailable(reason: str) -> None:
    """Skip the PostgreSQL runs, or fail them under CI (where PostgreSQL must be there)."""
    if _in_ci():
        pytest.fail(f"CI=true but PostgreSQL is unusable: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL unavailable ({reason}); .ci/run installs it")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server per test process (xdist worker), stopped at the end."""
    bindir = find_bindir()
    if bindir is None:
        _unavailable(
            "no initdb/pg_ctl: install the `postgresql` package or set PIXCRAWLER_PG_BINDIR"
        )
    assert bindir is not None
    server = PostgresServer(bindir)
    try:
        server.start()
    except (PostgresUnavailable, OSError, subprocess.SubprocessError) as error:
        server.stop()
        _unavailable(str(error))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_database(postgres_server: PostgresServer) -> str:
    """This process's PostgreSQL database, with the backend's tables; returns its name."""
    name = f"pixcrawler_test_{os.getpid()}"
    url = postgres_server.create_database(name)

    async def create() -> None:
        engine = create_engine(url)
        try:
            await create_tables(engine)
        finally:
            await engine.dispose()

    asyncio.run(create())
    return name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a fresh SQLite file, or the process's PostgreSQL database emptied.

    On PostgreSQL every table is truncated (ids restart at 1) instead of creating a database
    per test: the same isolation at a fraction of the cost.
    """
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name: str = request.getfixturevalue("postgres_database")
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    server.execute(name, f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    return server.database_url(name)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings pointing at a fresh database and a storage directory under ``tmp_path``."""
    return Settings(
        database_url=database_url,
        storage_dir=tmp_path / "images",
        crawler_trust_env=False,
        crawler_timeout_seconds=5.0,
        admin_emails=[],
    )


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    """A fresh application with its lifespan running (tables created)."""
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client talking to ``app`` through the ASGI transport."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
async def admin(client: httpx.AsyncClient) -> Account:
    """The first registered user, who is an admin."""
    account = await register(client, "admin@example.com", "Ada Admin")
    assert account.user["role"] == "admin"
    return account


@pytest.fixture
async def user(client: httpx.AsyncClient, admin: Account) -> Account:
    """A regular user (registered after the admin)."""
    account = await register(client, "user@example.com", "Uma User")
    assert account.user["role"] == "user"
    return account


@pytest.fixture
async def other_user(client: httpx.AsyncClient, user: Account) -> Account:
    """A second regular user, to check that resources are private."""
    return await register(client, "other@example.com", "Otto Other")


@pytest.fixture
def image_server() -> Iterator[ImageServer]:
    """Serve two PNGs, a JPEG, a text file and a truncated PNG; everything else is 404."""
    files: dict[str, tuple[str, bytes]] = {
        "/red.png": ("image/png", png_bytes(32, 24, (255, 0, 0))),
        "/blue.png": ("image/png", png_bytes(16, 16, (0, 0, 255))),
        "/green.jpg": ("image/jpeg", jpeg_bytes(40, 30, (0, 200, 0))),
        "/notes.txt": ("text/plain", b"this is not an image"),
        "/broken.png": ("image/png", png_bytes(20, 20, (9, 9, 9))[:40]),
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        """Answers GET from ``files``."""

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            """Send the file for the path, or 404."""
            entry = files.get(self.path)
            if entry is None:
                self.send_error(404)
                return
            content_type, body = entry
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Keep the test output quiet."""

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ImageServer(base_url=f"http://127.0.0.1:{server.server_address[1]}", files=files)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
