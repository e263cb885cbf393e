"""Plain result types of a crawl (no I/O, safe to import from any layer)."""

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CrawlReport", "FailedDownload", "StoredImage"]


@dataclass(frozen=True, slots=True)
class StoredImage:
    """An image that was downloaded, validated and written to disk."""

    source_url: str
    path: Path
    key: str
    """``path`` relative to the storage root, with ``/`` separators: ``dataset_1/<sha256>.png``."""
    sha256: str
    image_format: str
    width: int
    height: int
    size_bytes: int


@dataclass(frozen=True, slots=True)
class FailedDownload:
    """A URL that gave no usable image, and why."""

    url: str
    reason: str


@dataclass(slots=True)
class CrawlReport:
    """What one crawl produced."""

    stored: list[StoredImage] = field(default_factory=list)
    failed: list[FailedDownload] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many URLs were attempted."""
        return len(self.stored) + len(self.failed)
