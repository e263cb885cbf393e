"""Bounds of the integers the API accepts, so no value reaches the database out of range.

Primary keys and other ``Integer`` columns are 32-bit on PostgreSQL (``integer``) and 64-bit
on SQLite: an id, ``offset`` or body id above ``MAX_DB_INT`` is rejected with a 422 by the
request schemas and parameter aliases instead of failing inside the database driver.
"""

__all__ = ["MAX_DB_INT", "MAX_OFFSET"]

MAX_DB_INT = 2**31 - 1
"""The largest value an ``Integer`` column holds on every supported database."""

MAX_OFFSET = MAX_DB_INT
"""The largest ``offset`` a list endpoint accepts."""
