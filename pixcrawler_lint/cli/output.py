"""Report and baseline files: checked before the run, written atomically after it.

A file is written to a temporary file in the same folder and renamed over the target, so a
concurrent reader (another CI step, an editor) sees the old file or the new one, never half of
one. Every problem with the path is one :class:`OutputError` line (exit status 2).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["OutputError", "check_writable", "write_atomic"]


class OutputError(Exception):
    """An output or baseline path that cannot be written; the message is one line."""


def check_writable(path: Path) -> None:
    """Raise :class:`OutputError` unless ``path`` can be written (checked before any work is done)."""
    parent = path.absolute().parent
    if path.is_dir():
        raise OutputError(f"{path}: is a directory, not a file")
    if not parent.exists():
        raise OutputError(f"{path}: folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(f"{path}: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: folder {parent} is not writable")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"{path}: file is not writable")


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename."""
    check_writable(path)
    parent = path.absolute().parent
    mode = _mode_for(path)
    try:
        handle = tempfile.NamedTemporaryFile(  # pylint: disable=consider-using-with  # renamed below
            "w", encoding="utf-8", dir=parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
