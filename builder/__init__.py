"""PixCrawler builder: fetches images over HTTP (httpx), validates them (Pillow) and stores them
on local disk. The backend's crawl job service only orchestrates it."""

from builder.crawler import CrawlerConfig, ImageCrawler
from builder.results import CrawlReport, FailedDownload, StoredImage
from builder.storage import LocalImageStorage
from builder.validation import ImageInfo, InvalidImageError, validate_image

__all__ = [
    "CrawlReport",
    "CrawlerConfig",
    "FailedDownload",
    "ImageCrawler",
    "ImageInfo",
    "InvalidImageError",
    "LocalImageStorage",
    "StoredImage",
    "validate_image",
]
