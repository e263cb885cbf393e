"""Fixtures for the reference backend's API tests: one app, database and storage dir per test."""

from __future__ import annotations

import http.server
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


@pytest.fixture
def anyio_backend() -> str:
    """Run the async tests on asyncio (the backend's event loop)."""
    return "asyncio"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing at a fresh SQLite file and storage directory under ``tmp_path``."""
    return Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'test.db'}",
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
