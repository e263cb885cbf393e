"""Application settings loaded from the environment (``PIXCRAWLER_`` prefix)."""

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings", "settings"]


class Settings(BaseSettings):
    """Runtime configuration of the backend.

    Every field can be overridden with an environment variable, e.g.
    ``PIXCRAWLER_DATABASE_URL=postgresql+asyncpg://...``.
    """

    model_config = SettingsConfigDict(env_prefix="PIXCRAWLER_", env_file=".env", extra="ignore")

    app_name: str = "PixCrawler"
    debug: bool = False
    database_url: str = "sqlite+aiosqlite:///./pixcrawler.db"
    api_key_pepper: str = "change-me"
    storage_root: Path = Path("./data/images")
    crawl_timeout_seconds: float = 15.0
    max_images_per_job: int = 500
    notification_cache_ttl_seconds: int = 30


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings instance (cached)."""
    return Settings()


settings = get_settings()
