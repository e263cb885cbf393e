"""Async engine, session factory and the request-scoped session provider."""

from collections.abc import AsyncIterator

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from backend.core.config import settings

__all__ = ["SessionLocal", "engine", "get_session"]

engine = create_async_engine(settings.database_url, pool_pre_ping=True, echo=settings.debug)

SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


async def get_session() -> AsyncIterator[AsyncSession]:
    """Yield one session per request; commit on success, roll back on error.

    Yields:
        An ``AsyncSession`` bound to the application engine.
    """
    async with SessionLocal() as session:
        try:
            yield session
            await session.commit()
        except Exception:
            await session.rollback()
            raise
