#!/usr/bin/env python3
"""Regenerate docs/rules.md from the rule docstrings (``--check``: fail if it is stale)."""

from __future__ import annotations

import sys
from pathlib import Path

from pixcrawler_lint.docs import rules_markdown

TARGET = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def main() -> int:
    text = rules_markdown()
    if "--check" in sys.argv[1:]:
        if not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is out of date: run scripts/gen_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
