"""A tiny in-process TTL cache used to spare repeated notification lookups."""

import time
from typing import Any

__all__ = ["TTLCache"]


class TTLCache:
    """Key/value cache whose entries expire ``ttl_seconds`` after they were set."""

    def __init__(self, ttl_seconds: int = 30, max_entries: int = 1024) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self._entries: dict[str, tuple[float, Any]] = {}

    def get(self, key: str, default: Any = None) -> Any:
        """Return the cached value for ``key``, or ``default`` when missing or expired."""
        entry = self._entries.get(key)
        if entry is None:
            return default
        expires_at, value = entry
        if expires_at < time.monotonic():
            self._entries.pop(key, None)
            return default
        return value

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key``, evicting the oldest entry when full."""
        if len(self._entries) >= self.max_entries:
            oldest = min(self._entries, key=lambda k: self._entries[k][0])
            self._entries.pop(oldest, None)
        self._entries[key] = (time.monotonic() + self.ttl_seconds, value)

    def invalidate(self, key: str) -> None:
        """Drop ``key`` from the cache if present."""
        self._entries.pop(key, None)

    def clear(self) -> None:
        """Drop every entry."""
        self._entries.clear()
