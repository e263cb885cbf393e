"""Every name a class body of the project's sources could assign, found by a text scan.

A mapped column is always a class-body statement ``name = Column(...)`` or ``name: Mapped[...]``
in a project module. So ``entry.refresh()`` cannot call a column when no project class body
assigns ``refresh``, and PXL502 need not ask what ``entry`` is (which, on a large backend, was a
quarter of a whole run: astroid's inference of thousands of receivers).

The scan is a superset, never a subset: with comments dropped, strings emptied and continued
lines joined, any identifier that begins a statement at a class body's indentation (or after
its ``;``, or after the colon of a one-line ``class``) and is followed by ``=`` or ``:`` counts.
It covers every importable ``.py`` file below each project folder on ``sys.path`` and each project
root seen, and is refreshed from the files' stamps at most once a second (an editor's save shows
up). ``None`` — no pruning — when a folder is too large to scan.
"""

from __future__ import annotations

import os
import re
import sys
import threading
import time
import unicodedata
from pathlib import Path

from pixcrawler_lint.analysis.origins import is_library_path
from pixcrawler_lint.modules import project_folder

__all__ = ["class_body_targets", "statement_targets"]

_CLASS = re.compile(r"^([ \t]*)class\b")
_TARGET = re.compile(r"^[ \t]*([^\s:=;,()\[\]{}.#'\"+\-*/%&|^~<>!@\\]+)[ \t]*(?::(?!=)|=(?!=))")
# strings (triple-quoted first) and comments, left to right as the tokenizer reads them
_STRING_OR_COMMENT = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|#[^\n]*'
)
# a backslash continuation: the next line belongs to the same statement
_CONTINUATION = re.compile(r"\\\r?\n")


def _code_lines(text: str) -> list[str]:
    """The logical lines of ``text``: comments dropped, each string an empty one, a statement
    continued with a backslash or inside brackets on one line. A line at a class body's
    indentation is then a statement of that body."""
    def blank(match: re.Match[str]) -> str:
        return "" if match.group().startswith("#") else '""'
    physical = _CONTINUATION.sub(" ", _STRING_OR_COMMENT.sub(blank, text)).splitlines()
    logical: list[str] = []
    pending: list[str] = []
    depth = 0
    for line in physical:
        pending.append(line)
        depth += (line.count("(") + line.count("[") + line.count("{")
                  - line.count(")") - line.count("]") - line.count("}"))
        if depth <= 0:
            logical.append(" ".join(pending))
            pending, depth = [], 0
    if pending:
        logical.append(" ".join(pending))
    return logical


_MAX_FILES = 5000
_RECHECK_SECONDS = 1.0

_lock = threading.Lock()
# file → (mtime_ns, size, names) as last read
_per_file: dict[str, tuple[int, int, frozenset[str]]] = {}
# the folders scanned → (when checked, the union of names, or None when too large)
_per_folders: dict[tuple[str, ...], tuple[float, frozenset[str] | None]] = {}


def _importable_files(folder: str) -> list[str] | None:
    """The ``.py`` files below ``folder`` that an import could load (every directory on the way
    a valid name, none of them a library's); ``None`` past :data:`_MAX_FILES`."""
    found: list[str] = []
    for directory, subdirectories, files in os.walk(folder):
        subdirectories[:] = [
            d for d in subdirectories
            if d.isidentifier() and not is_library_path(os.path.join(directory, d))
        ]
        found += [os.path.join(directory, name) for name in files if name.endswith(".py")]
        if len(found) > _MAX_FILES:
            return None
    return found


def class_body_targets(text: str) -> set[str]:
    """The names that begin a statement ``name = …`` / ``name: …`` in a class body of ``text``
    (a superset: ``try:`` or ``a = b = …`` at a class body's indentation count too)."""
    found: set[str] = set()
    if "class" not in text:
        return found
    # open classes: (indentation of the ``class`` line, indentation of its body once known)
    open_classes: list[tuple[str, str | None]] = []
    for line in _code_lines(text):
        stripped = line.lstrip(" \t\f")
        if not stripped:
            continue
        indent = line[: len(line) - len(stripped)]
        while open_classes and (body := open_classes[-1][1]) is not None and len(indent) < len(body):
            open_classes.pop()  # dedented out of the class body
        if open_classes and open_classes[-1][1] is None:
            if len(indent) > len(open_classes[-1][0]):
                open_classes[-1] = (open_classes[-1][0], indent)
            else:
                open_classes.pop()  # a header without a body on its own lines
        if open_classes and indent == open_classes[-1][1]:
            _statement_targets(stripped, found)
        opened = _CLASS.match(line)
        if opened:
            _statement_targets(_after_header(line), found)  # ``class A(B): x = Column()``
            open_classes.append((opened.group(1), None))
    return found


def _statement_targets(statement_text: str, found: set[str]) -> None:
    for part in statement_text.split(";"):
        matched = _TARGET.match(part)
        name = unicodedata.normalize("NFKC", matched.group(1)) if matched else ""
        if name.isidentifier():
            found.add(name)


def _after_header(line: str) -> str:
    """The text after the colon that ends a ``class`` header (a one-line body), or ``""``."""
    depth = 0
    for position, char in enumerate(line):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == ":" and depth <= 0:
            return line[position + 1:]
    return ""


def _names_of(path: str) -> frozenset[str]:
    try:
        stat = os.stat(path)
    except OSError:
        return frozenset()
    known = _per_file.get(path)
    if known is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
        return known[2]
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            names = frozenset(class_body_targets(handle.read()))
    except OSError:
        names = frozenset()
    _per_file[path] = (stat.st_mtime_ns, stat.st_size, names)
    return names


def _project_folders(extra: list[Path]) -> tuple[str, ...]:
    folders: dict[str, None] = {}
    for entry in [*(str(p) for p in extra), *sys.path]:
        folder = project_folder(entry)
        if folder is not None:
            folders.setdefault(str(folder), None)
    # a folder below another one is scanned with it
    ordered = sorted(folders)
    return tuple(f for i, f in enumerate(ordered) if not any(f.startswith(o + os.sep) for o in ordered[:i]))


def statement_targets(roots: list[Path]) -> frozenset[str] | None:
    """The names that may begin an assignment statement in the project's sources (see the
    module docstring); ``None`` when that is not known (a folder too large to scan)."""
    folders = _project_folders(roots)
    now = time.monotonic()
    with _lock:
        cached = _per_folders.get(folders)
        if cached is not None and now - cached[0] < _RECHECK_SECONDS:
            return cached[1]
        result: frozenset[str] | None = frozenset()
        names: set[str] = set()
        for folder in folders:
            files = _importable_files(folder)
            if files is None:
                result = None
                break
            for path in files:
                names.update(_names_of(path))
        if result is not None:
            result = frozenset(names)
        _per_folders[folders] = (now, result)
        return result
