"""Text edits in (line, column) coordinates, and applying many of them without overlap.

Lines are 1-based, columns 0-based in characters (as libcst reports them). A :class:`Fix`
groups the edits that repair one finding: it is applied whole or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pixcrawler_lint.findings import Finding

__all__ = ["Edit", "Fix", "apply_fixes", "LineIndex"]


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``start..end`` (end exclusive) by ``text``; ``start == end`` inserts."""

    start: tuple[int, int]
    end: tuple[int, int]
    text: str


@dataclass(frozen=True)
class Fix:
    """The edits that repair ``finding``; ``title`` is what an editor shows as the quick fix."""

    finding: Finding
    title: str
    edits: tuple[Edit, ...]


class LineIndex:
    """(line, column) ↔ offset in one source text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = [0]
        for index, char in enumerate(source):
            if char == "\n":
                self.starts.append(index + 1)

    def offset(self, position: tuple[int, int]) -> int:
        line, col = position
        if line - 1 >= len(self.starts):
            return len(self.source)
        return min(self.starts[line - 1] + col, len(self.source))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a == b and a[0] == a[1]:
        return False  # two insertions at one point: both go in
    return a[0] < b[1] and b[0] < a[1]


def apply_fixes(source: str, fixes: Sequence[Fix]) -> tuple[str, list[Fix]]:
    """Apply every fix whose edits overlap no edit of an earlier fix; return the text and the applied fixes.

    Identical edits of two fixes (the same import added twice) are applied once.
    """
    index = LineIndex(source)
    accepted: dict[tuple[int, int, str], int] = {}  # (start, end, text) -> order
    applied: list[Fix] = []
    for fix in fixes:
        spans = [(index.offset(e.start), index.offset(e.end), e.text) for e in fix.edits]
        new = [span for span in spans if span not in accepted]
        if any(_overlaps((s, e), (s2, e2)) for s, e, _ in new for (s2, e2, _t) in accepted):
            continue
        if any(_overlaps((a[0], a[1]), (b[0], b[1])) for i, a in enumerate(new) for b in new[i + 1:]):
            continue
        for span in new:
            accepted[span] = len(accepted)
        applied.append(fix)
    text = source
    # From the end backwards; at one point a replacement goes before an insertion, and
    # insertions keep the order they were accepted in.
    for start, end, replacement in sorted(accepted, key=lambda s: (s[0], s[1], accepted[s]), reverse=True):
        if start > len(text):
            start = end = len(text)
        if start == len(text) and text and not text.endswith("\n") and replacement:
            replacement = "\n" + replacement
        text = text[:start] + replacement + text[end:]
    return text, applied
