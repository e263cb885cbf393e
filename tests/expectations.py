"""Expected findings written inline in fixture files: ``x = 1  # expect: PXL201, PXL203``."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

__all__ = ["parse_expectations", "EXPECT"]

EXPECT = re.compile(r"#\s*expect:\s*(PXL\d{3}(?:\s*,\s*PXL\d{3})*)")


def parse_expectations(path: str | Path) -> set[tuple[int, str]]:
    """The ``(line, code)`` pairs announced by ``# expect:`` comments in ``path``."""
    expected: set[tuple[int, str]] = set()
    source = Path(path).read_bytes()
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return expected
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        match = EXPECT.search(token.string)
        if match:
            for code in match.group(1).split(","):
                expected.add((token.start[0], code.strip()))
    return expected
