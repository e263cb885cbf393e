"""Local-disk image storage: content-addressed files under ``<root>/<collection>/``."""

import hashlib
import re
import shutil
from pathlib import Path

__all__ = ["LocalImageStorage"]

_SAFE_COLLECTION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


class LocalImageStorage:
    """Writes image bytes to ``<root>/<collection>/<sha256>.<extension>``."""

    def __init__(self, root: Path) -> None:
        """Use ``root`` (created on first write) as the storage directory."""
        self.root = root.resolve()

    def path_for(self, collection: str, sha256: str, extension: str) -> Path:
        """Return where an image with this hash is (or would be) stored."""
        if not _SAFE_COLLECTION.match(collection):
            raise ValueError(f"invalid collection name {collection}")
        return self.root / collection / f"{sha256}.{extension}"

    def key_of(self, path: Path) -> str:
        """Return ``path`` relative to the storage root (``<collection>/<file>``)."""
        return path.resolve().relative_to(self.root).as_posix()

    def delete_collection(self, collection: str) -> int:
        """Remove ``<root>/<collection>/`` and everything in it; return how many files it held."""
        directory = self.root / collection
        if not _SAFE_COLLECTION.match(collection) or directory.resolve().parent != self.root:
            raise ValueError(f"invalid collection name {collection}")
        if not directory.is_dir():
            return 0
        removed = sum(1 for entry in directory.rglob("*") if not entry.is_dir())
        shutil.rmtree(directory)
        return removed

    def save(self, collection: str, data: bytes, extension: str) -> tuple[Path, str]:
        """Store ``data`` (idempotent for identical content); return its path and SHA-256."""
        sha256 = hashlib.sha256(data).hexdigest()
        path = self.path_for(collection, sha256, extension)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(path.suffix + ".part")
            temporary.write_bytes(data)
            temporary.replace(path)
        return path, sha256
