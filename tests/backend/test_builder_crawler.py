"""The builder package on its own: validation, storage and the crawler (local server only)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from backend_api_helpers import ImageServer, png_bytes

from builder import (
    CrawlerConfig,
    ImageCrawler,
    InvalidImageError,
    LocalImageStorage,
    validate_image,
)

pytestmark = pytest.mark.anyio


def test_validate_image_reads_format_and_size() -> None:
    """Pillow identifies a PNG and its dimensions."""
    info = validate_image(png_bytes(7, 5, (1, 2, 3)))
    assert (info.image_format, info.width, info.height, info.extension) == ("PNG", 7, 5, "png")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"hello", "not a decodable image"),
        (png_bytes(10, 10, (0, 0, 0))[:30], "not a decodable image"),
    ],
)
def test_validate_image_rejects_non_images(data: bytes, message: str) -> None:
    """Empty, non-image and truncated bodies are refused with a reason."""
    with pytest.raises(InvalidImageError, match=message):
        validate_image(data)


def test_validate_image_enforces_a_minimum_size() -> None:
    """Images smaller than the minimum are refused."""
    with pytest.raises(InvalidImageError, match="smaller than the minimum 8x8"):
        validate_image(png_bytes(4, 20, (0, 0, 0)), min_width=8, min_height=8)


def test_storage_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    """The same bytes land in the same file once; collection names cannot escape the root."""
    storage = LocalImageStorage(tmp_path / "store")
    data = png_bytes(3, 3, (5, 5, 5))
    first_path, sha = storage.save("dataset_1", data, "png")
    second_path, _ = storage.save("dataset_1", data, "png")
    assert first_path == second_path == (tmp_path / "store" / "dataset_1" / f"{sha}.png").resolve()
    assert first_path.read_bytes() == data
    assert [p.name for p in first_path.parent.iterdir()] == [f"{sha}.png"]
    with pytest.raises(ValueError, match="invalid collection"):
        storage.save("../escape", data, "png")


async def test_crawler_fetches_validates_and_stores(
    tmp_path: Path, image_server: ImageServer
) -> None:
    """Good images are stored; 404s, non-images and truncated files are reported."""
    crawler = ImageCrawler(CrawlerConfig(storage_dir=tmp_path, trust_env=False, timeout_seconds=5))
    urls = [image_server.url(p) for p in ("/red.png", "/missing.png", "/notes.txt", "/green.jpg")]
    report = await crawler.crawl(urls, collection="c1")
    assert sorted(s.source_url for s in report.stored) == sorted([urls[0], urls[3]])
    reasons = {f.url: f.reason for f in report.failed}
    assert reasons[urls[1]] == "HTTP 404"
    assert reasons[urls[2]].startswith("not a decodable image")
    assert report.total == 4
    for stored in report.stored:
        assert stored.path.parent == (tmp_path / "c1").resolve()
        assert stored.size_bytes == stored.path.stat().st_size


async def test_crawler_refuses_oversized_bodies(tmp_path: Path, image_server: ImageServer) -> None:
    """A body above ``max_image_bytes`` is not stored."""
    crawler = ImageCrawler(
        CrawlerConfig(storage_dir=tmp_path, trust_env=False, timeout_seconds=5, max_image_bytes=50)
    )
    report = await crawler.crawl([image_server.url("/red.png")], collection="c1")
    assert report.stored == []
    assert "exceeds the 50-byte limit" in report.failed[0].reason
    assert not (tmp_path / "c1").exists()


async def test_crawler_reports_unreachable_hosts(tmp_path: Path) -> None:
    """A connection error is a failed URL, not an exception."""
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    crawler = ImageCrawler(CrawlerConfig(storage_dir=tmp_path, trust_env=False, timeout_seconds=2))
    report = await crawler.crawl([f"http://127.0.0.1:{port}/nothing.png"], collection="c1")
    assert report.stored == []
    assert report.failed[0].reason.startswith("ConnectError")
