"""The image crawler: download with httpx, validate with Pillow, store on local disk."""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from builder.messages import describe_error
from builder.results import CrawlReport, FailedDownload, StoredImage
from builder.storage import LocalImageStorage
from builder.validation import InvalidImageError, validate_image

__all__ = ["CrawlerConfig", "FetchError", "ImageCrawler"]


class FetchError(Exception):
    """A URL could not be downloaded (network error, HTTP error status, too large)."""


@dataclass(frozen=True, slots=True)
class CrawlerConfig:
    """How the crawler downloads and where it stores."""

    storage_dir: Path
    timeout_seconds: float = 15.0
    max_image_bytes: int = 20 * 1024 * 1024
    max_concurrency: int = 4
    trust_env: bool = True
    user_agent: str = "PixCrawler/0.1"
    min_width: int = 1
    min_height: int = 1


class ImageCrawler:
    """Crawls a list of image URLs into one storage collection."""

    def __init__(self, config: CrawlerConfig) -> None:
        """Prepare the storage for ``config.storage_dir``."""
        self.config = config
        self.storage = LocalImageStorage(config.storage_dir)

    async def crawl(self, urls: Sequence[str], collection: str) -> CrawlReport:
        """Fetch, validate and store every URL; never raises for a single bad URL."""
        report = CrawlReport()
        semaphore = asyncio.Semaphore(self.config.max_concurrency)
        async with httpx.AsyncClient(
            timeout=self.config.timeout_seconds,
            follow_redirects=True,
            trust_env=self.config.trust_env,
            headers={"User-Agent": self.config.user_agent},
        ) as client:

            async def crawl_one(url: str) -> StoredImage | FailedDownload:
                async with semaphore:
                    return await self._crawl_url(client, url, collection)

            outcomes = await asyncio.gather(*(crawl_one(url) for url in urls))
        for outcome in outcomes:
            if isinstance(outcome, StoredImage):
                report.stored.append(outcome)
            else:
                report.failed.append(outcome)
        return report

    async def _crawl_url(
        self, client: httpx.AsyncClient, url: str, collection: str
    ) -> StoredImage | FailedDownload:
        """Download, validate and store one URL."""
        try:
            data = await self._fetch(client, url)
            info = validate_image(
                data, min_width=self.config.min_width, min_height=self.config.min_height
            )
            path, sha256 = await asyncio.to_thread(
                self.storage.save, collection, data, info.extension
            )
        except (FetchError, InvalidImageError, ValueError) as error:  # ValueError: bad collection
            return FailedDownload(url=url, reason=describe_error(error))
        return StoredImage(
            source_url=url,
            path=path,
            key=self.storage.key_of(path),
            sha256=sha256,
            image_format=info.image_format,
            width=info.width,
            height=info.height,
            size_bytes=len(data),
        )

    async def _fetch(self, client: httpx.AsyncClient, url: str) -> bytes:
        """Return the body of ``url``, refusing error statuses and oversized bodies."""
        limit = self.config.max_image_bytes
        try:
            async with client.stream("GET", url) as response:
                if response.status_code != httpx.codes.OK:
                    raise FetchError(f"HTTP {response.status_code}")
                declared = response.headers.get("Content-Length")
                if declared is not None and declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"body of {declared} bytes exceeds the {limit}-byte limit")
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"body exceeds the {limit}-byte limit")
                    chunks.append(chunk)
        except httpx.HTTPError as error:
            kind, detail = type(error).__name__, describe_error(error)
            raise FetchError(kind if detail == kind else f"{kind}: {detail}") from error
        return b"".join(chunks)
