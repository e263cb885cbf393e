"""Module patterns: import-linter wildcards over dotted module names, with a specificity.

A pattern is a dotted name whose segments may be ``*`` (exactly one segment) or ``**`` (any
number of segments, none included). A pattern matches a module when it matches the module's
name or the name of one of its packages: ``backend.api`` matches ``backend.api`` and
``backend.api.v1.users`` (not ``backend.apix``), ``dispatch.*.views`` matches
``dispatch.incident.views`` and ``dispatch.incident.views.admin``, ``dispatch.**.service``
matches ``dispatch.service``, ``dispatch.case.service`` and ``dispatch.case.type.service``.

**Specificity** decides between patterns that match the same module. It is the triple
*(literal segments, ``*`` segments, segments of the module name covered)*, compared in that
order: the pattern with more literal segments wins; then the one with more ``*`` segments;
then the one that covers more of the module's name (``dispatch.**.service`` covers all three
segments of ``dispatch.database.service``, ``dispatch.database`` only two); ``**`` itself counts
for nothing. So ``backend.api.types`` beats ``backend.api``, ``dispatch.incident`` beats
``*.*.views``, ``dispatch.*.views`` beats ``dispatch.**.views`` and ``dispatch``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["Pattern", "Specificity", "parse_pattern", "PatternError"]

Specificity = tuple[int, int, int]  # (literal segments, `*` segments, module segments covered)

_SEGMENT = re.compile(r"^(\*\*|\*|[A-Za-z_][A-Za-z0-9_]*)$")


class PatternError(ValueError):
    """A pattern that is not a dotted name of identifiers, ``*`` and ``**``."""


@dataclass(frozen=True)
class Pattern:
    """One module pattern of a configuration key (``text`` as written)."""

    text: str
    segments: tuple[str, ...]

    def specificity(self, modname: str) -> Specificity | None:
        """How specifically this pattern names ``modname`` (larger wins); ``None``: no match."""
        name = tuple(modname.split("."))
        covered = next((end for end in range(len(name), 0, -1) if _full_match(self.segments, name[:end])), None)
        if covered is None:
            return None
        literals = sum(1 for s in self.segments if s not in ("*", "**"))
        return literals, sum(1 for s in self.segments if s == "*"), covered

    @property
    def is_literal(self) -> bool:
        """True for a plain dotted name without wildcards."""
        return all(s not in ("*", "**") for s in self.segments)

    @property
    def top_package(self) -> str | None:
        """The first segment when it is literal (``backend``), else ``None``."""
        first = self.segments[0]
        return None if first in ("*", "**") else first

    def matches(self, modname: str) -> bool:
        """True when ``modname`` or one of its packages is named by this pattern."""
        return _prefix_match(self.segments, tuple(modname.split(".")))

    def names_exactly(self, modname: str) -> bool:
        """True when the pattern names ``modname`` itself (not only one of its packages)."""
        return _full_match(self.segments, tuple(modname.split(".")))

    def __str__(self) -> str:
        return self.text


@functools.lru_cache(maxsize=4096)
def _prefix_match(pattern: tuple[str, ...], name: tuple[str, ...]) -> bool:
    return any(_full_match(pattern, name[:end]) for end in range(1, len(name) + 1))


@functools.lru_cache(maxsize=8192)
def _full_match(pattern: tuple[str, ...], name: tuple[str, ...]) -> bool:
    if not pattern:
        return not name
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_full_match(rest, name[skip:]) for skip in range(len(name) + 1))
    if not name:
        return False
    return (head == "*" or head == name[0]) and _full_match(rest, name[1:])


@functools.lru_cache(maxsize=1024)
def parse_pattern(text: str) -> Pattern:
    """Parse ``text``; raises :class:`PatternError` naming what is wrong."""
    segments = tuple(text.strip().split("."))
    bad = [s for s in segments if not _SEGMENT.match(s)]
    if not text.strip() or bad:
        raise PatternError(f"{text!r} is not a dotted module name or pattern (segments: names, '*', '**')")
    if all(s in ("*", "**") for s in segments):
        raise PatternError(f"{text!r} would match every module")
    return Pattern(text.strip(), segments)
