"""The project's ``requires-python`` against the interpreter running the linter.

Syntax of a newer Python does not parse on an older one (``except A, B:`` needs 3.14), so a
project that requires a newer Python than the linter runs on gets PXL903 / E999 / E0001 on
such files. Every front end says so once, naming both versions: :func:`version_notice`.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
import tomllib
from pathlib import Path

from pixcrawler_lint.config import find_pyproject

__all__ = ["minimum_python", "version_notice", "notice_once"]

_CLAUSE = re.compile(r"^\s*(>=|~=|==|===)\s*v?(\d+)(?:\.(\d+))?")
_said: set[Path] = set()
_said_lock = threading.Lock()


def minimum_python(requires_python: str) -> tuple[int, int] | None:
    """The lowest ``(major, minor)`` that ``requires_python`` (a PEP 440 specifier) admits, if bounded."""
    lowest: tuple[int, int] | None = None
    for clause in requires_python.split(","):
        match = _CLAUSE.match(clause)
        if match is None:
            continue
        bound = (int(match.group(2)), int(match.group(3) or 0))
        lowest = bound if lowest is None else max(lowest, bound)
    return lowest


@functools.lru_cache(maxsize=64)
def _requires_python(pyproject: Path) -> str | None:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None  # the configuration loader reports an unreadable pyproject.toml
    project = data.get("project")
    value = project.get("requires-python") if isinstance(project, dict) else None
    return value if isinstance(value, str) else None


def version_notice(path: str | Path) -> tuple[Path, str] | None:
    """``(pyproject, message)`` when the project of ``path`` needs a newer Python than this one."""
    pyproject = find_pyproject(path)
    if pyproject is None:
        return None
    requires = _requires_python(pyproject)
    lowest = minimum_python(requires) if requires else None
    running = sys.version_info[:2]
    if lowest is None or lowest <= running:
        return None
    here = ".".join(str(part) for part in sys.version_info[:3])
    return pyproject, (
        f"{pyproject} has requires-python {requires!r} but pixcrawler-lint runs on Python {here}: "
        f"syntax newer than Python {running[0]}.{running[1]} does not parse here and is reported as a "
        f"syntax error; run the linter on Python {lowest[0]}.{lowest[1]} or newer"
    )


def notice_once(path: str | Path) -> str | None:
    """:func:`version_notice`'s message the first time this process asks for its pyproject, else None."""
    found = version_notice(path)
    if found is None:
        return None
    pyproject, message = found
    with _said_lock:
        if pyproject in _said:
            return None
        _said.add(pyproject)
    return message
