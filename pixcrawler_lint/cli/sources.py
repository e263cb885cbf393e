"""Source text of the reported files: the offending line and its enclosing function or class."""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from pixcrawler_lint.modules import ParseError, read_source

__all__ = ["SourceFile", "SourceCache", "normalise_line"]

_SPACES = re.compile(r"\s+")


def normalise_line(text: str) -> str:
    """A line as the baseline keys it: no comment-free changes in spacing or indentation count."""
    return _SPACES.sub(" ", text.strip())


@dataclass
class SourceFile:
    """The lines of one file and the spans of its functions and classes."""

    lines: list[str]
    # (first line, last line, qualname) of every def/class, sorted by first line
    scopes: list[tuple[int, int, str]] = field(default_factory=list)

    @classmethod
    def from_source(cls, source: str) -> SourceFile:
        lines = source.splitlines()
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError):
            return cls(lines)
        scopes: list[tuple[int, int, str]] = []

        def visit(node: ast.AST, prefix: str) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    name = f"{prefix}{child.name}"
                    first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                    scopes.append((first, child.end_lineno or child.lineno, name))
                    visit(child, name + ".")
                else:
                    visit(child, prefix)

        try:
            visit(tree, "")
        except RecursionError:
            scopes = []
        scopes.sort()
        return cls(lines, scopes)

    def line(self, number: int) -> str:
        """Physical line ``number`` (1-based) without its newline; ``""`` when out of range."""
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    def qualname_at(self, number: int) -> str:
        """Qualified name of the innermost def/class around line ``number``; ``""`` at module level."""
        end = bisect.bisect_right(self.scopes, (number, float("inf"), ""))
        innermost = ""
        for first, last, name in self.scopes[:end]:
            if first <= number <= last and len(name) >= len(innermost):
                innermost = name
        return innermost


class SourceCache:
    """Reads each reported file once."""

    def __init__(self) -> None:
        self._files: dict[str, SourceFile] = {}

    def get(self, path: str) -> SourceFile:
        if path not in self._files:
            try:
                source = read_source(Path(path))
            except (ParseError, OSError):
                source = ""
            self._files[path] = SourceFile.from_source(source)
        return self._files[path]
