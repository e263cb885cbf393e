"""Downloads images over HTTP and stores them on local disk."""

import hashlib
from pathlib import Path

import httpx

__all__ = ["DownloadResult", "ImageDownloader"]


class DownloadResult:
    """Files written and URLs that failed during one download batch."""

    def __init__(self) -> None:
        self.stored: list[Path] = []
        self.failed: list[str] = []


class ImageDownloader:
    """Fetches image URLs with httpx and writes them under ``root/category``."""

    def __init__(self, root: Path, timeout: float = 15.0) -> None:
        self.root = root
        self.timeout = timeout

    async def download(self, urls: list[str], category_name: str, keyword: str) -> DownloadResult:
        """Download ``urls`` into ``root/category_name``; names embed ``keyword``."""
        result = DownloadResult()
        target = self.root / category_name
        target.mkdir(parents=True, exist_ok=True)
        async with httpx.AsyncClient(timeout=self.timeout, follow_redirects=True) as client:
            for url in urls:
                try:
                    response = await client.get(url)
                    response.raise_for_status()
                except httpx.HTTPError:
                    result.failed.append(url)
                    continue
                digest = hashlib.sha256(response.content).hexdigest()[:16]
                path = target / f"{keyword}_{digest}.jpg"
                path.write_bytes(response.content)
                result.stored.append(path)
        return result
