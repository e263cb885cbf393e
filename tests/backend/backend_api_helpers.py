"""Helpers shared by the reference backend's tests (accounts, generated images)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import httpx
from PIL import Image

__all__ = ["Account", "ImageServer", "jpeg_bytes", "png_bytes", "register"]


@dataclass
class Account:
    """A registered user and the headers that authenticate them."""

    user: dict[str, Any]
    api_key: str

    @property
    def headers(self) -> dict[str, str]:
        """``Authorization: Bearer <key>``."""
        return {"Authorization": f"Bearer {self.api_key}"}


async def register(client: httpx.AsyncClient, email: str, name: str = "Test User") -> Account:
    """Register a user through the API and return its account."""
    response = await client.post("/api/v1/users", json={"email": email, "full_name": name})
    assert response.status_code == 201, response.text
    body = response.json()
    return Account(user=body["user"], api_key=body["api_key"])


def png_bytes(width: int, height: int, color: tuple[int, int, int]) -> bytes:
    """Return a PNG of one colour, made with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes(width: int, height: int, color: tuple[int, int, int]) -> bytes:
    """Return a JPEG of one colour, made with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="JPEG")
    return buffer.getvalue()


@dataclass
class ImageServer:
    """A local HTTP server on 127.0.0.1 serving fixed bodies by path."""

    base_url: str
    files: dict[str, tuple[str, bytes]]

    def url(self, path: str) -> str:
        """Absolute URL of ``path`` on this server."""
        return f"{self.base_url}{path}"
