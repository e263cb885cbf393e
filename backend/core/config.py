"""Application settings, read from the environment (and an optional ``.env`` file).

``DATABASE_URL`` selects the database (default: a SQLite file under ``./data`` through
aiosqlite; PostgreSQL through ``postgresql+asyncpg://user:password@host/db``). Every other
setting is read from a ``PIXCRAWLER_``-prefixed variable, e.g. ``PIXCRAWLER_STORAGE_DIR``.
"""

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["DEFAULT_DATABASE_URL", "Settings", "get_settings"]

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/pixcrawler.db"


class Settings(BaseSettings):
    """Runtime configuration of the backend and of the crawler it drives."""

    model_config = SettingsConfigDict(
        env_prefix="PIXCRAWLER_", env_file=".env", extra="ignore", populate_by_name=True
    )

    app_name: str = "PixCrawler"
    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        validation_alias=AliasChoices("DATABASE_URL", "PIXCRAWLER_DATABASE_URL"),
    )
    database_echo: bool = False
    storage_dir: Path = Path("data/images")
    crawler_timeout_seconds: float = Field(default=15.0, gt=0)
    crawler_max_image_bytes: int = Field(default=20 * 1024 * 1024, gt=0)
    crawler_max_concurrency: int = Field(default=4, ge=1, le=64)
    crawler_trust_env: bool = True
    crawler_user_agent: str = "PixCrawler/0.1 (+reference backend)"
    admin_emails: list[str] = Field(default_factory=list)


def get_settings() -> Settings:
    """Return settings freshly read from the environment."""
    return Settings()
