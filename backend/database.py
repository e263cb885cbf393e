"""Engine and session factory (models layer): one engine per application instance.

SQLite (aiosqlite) is the default; any SQLAlchemy async URL works, e.g.
``postgresql+asyncpg://user:password@localhost/pixcrawler``.
"""

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from backend.models import Base

__all__ = ["create_engine", "create_session_factory", "create_tables"]


def _configure_sqlite_connection(dbapi_connection: Any, _connection_record: Any) -> None:
    """Per SQLite connection: foreign keys on (so ``ON DELETE CASCADE`` works), WAL journal."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_engine(database_url: str, *, echo: bool = False) -> AsyncEngine:
    """Create the async engine; for a SQLite file, create its directory first."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, echo=echo)
        event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
        return engine
    return create_async_engine(url, echo=echo, pool_pre_ping=True)


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Return the session factory the request-scoped session provider uses."""
    return async_sessionmaker(engine, expire_on_commit=False)


async def create_tables(engine: AsyncEngine) -> None:
    """Create every table that does not exist yet (used on application startup)."""
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
