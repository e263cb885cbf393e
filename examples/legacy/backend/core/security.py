"""API key generation and hashing (keys are only ever stored hashed)."""

import hashlib
import hmac
import secrets

from backend.core.config import settings

__all__ = ["API_KEY_PREFIX", "generate_api_key", "hash_api_key", "verify_api_key"]

API_KEY_PREFIX = "pxc_"


def generate_api_key() -> str:
    """Return a new random API key such as ``pxc_3fZ...``."""
    return API_KEY_PREFIX + secrets.token_urlsafe(32)


def hash_api_key(raw_key: str) -> str:
    """Return the peppered SHA-256 HMAC of ``raw_key`` as hex."""
    digest = hmac.new(settings.api_key_pepper.encode(), raw_key.encode(), hashlib.sha256)
    return digest.hexdigest()


def verify_api_key(raw_key: str, key_hash: str) -> bool:
    """Check ``raw_key`` against a stored hash in constant time."""
    return hmac.compare_digest(hash_api_key(raw_key), key_hash)
