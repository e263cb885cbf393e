"""API key generation and hashing. Keys are shown once; only their SHA-256 is stored."""

import hashlib
import hmac
import secrets

__all__ = ["API_KEY_PREFIX", "generate_api_key", "hash_api_key", "key_display_prefix", "keys_match"]

API_KEY_PREFIX = "pxc_"


def generate_api_key() -> str:
    """Return a new random API key (``pxc_`` followed by 43 URL-safe characters)."""
    return API_KEY_PREFIX + secrets.token_urlsafe(32)


def hash_api_key(raw_key: str) -> str:
    """Return the hex SHA-256 digest under which a key is stored."""
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def key_display_prefix(raw_key: str) -> str:
    """Return the non-secret prefix shown in key listings (first 12 characters)."""
    return raw_key[:12]


def keys_match(raw_key: str, stored_hash: str) -> bool:
    """Compare a presented key with a stored hash in constant time."""
    return hmac.compare_digest(hash_api_key(raw_key), stored_hash)
