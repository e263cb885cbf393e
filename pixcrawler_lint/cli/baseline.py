"""The baseline ("freeze"): today's findings, keyed so that line shifts do not invalidate it.

A key is (file relative to the baseline file, code, enclosing function/class qualname,
normalised source of the offending line) — never a line number. Identical keys are counted.
``check --baseline`` reports only the findings beyond those counts; entries that no longer
occur are *fixed*. The file is JSON, sorted, so that its diffs review well.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pixcrawler_lint import __version__
from pixcrawler_lint.cli.output import write_atomic
from pixcrawler_lint.cli.sources import SourceCache, normalise_line
from pixcrawler_lint.findings import Finding

__all__ = ["BaselineError", "BaselineKey", "Baseline", "key_of", "compare", "DEFAULT_BASELINE"]

DEFAULT_BASELINE = ".pixcrawler-lint-baseline.json"
FORMAT_VERSION = 1
_MAX_COUNT = 1_000_000  # more identical findings than that is not a baseline but a corrupt file


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a count")


class BaselineError(Exception):
    """The baseline file cannot be read or is not a pixcrawler-lint baseline."""


@dataclass(frozen=True, order=True)
class BaselineKey:
    """What identifies a finding across unrelated edits."""

    path: str  # posix, relative to the baseline file's directory
    code: str
    scope: str  # "Class.method", "function", or "" at module level
    source: str  # the offending line, whitespace-normalised


def _relative(path: str, base: Path) -> str:
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, base)).as_posix()


def key_of(finding: Finding, base: Path, sources: SourceCache) -> BaselineKey:
    """The baseline key of ``finding``; ``base`` is the baseline file's directory."""
    source = sources.get(finding.path)
    return BaselineKey(
        _relative(finding.path, base), finding.code, source.qualname_at(finding.line),
        normalise_line(source.line(finding.line)),
    )


class Baseline:
    """Counts of baselined findings per key."""

    def __init__(self, counts: Counter[BaselineKey] | None = None) -> None:
        self.counts: Counter[BaselineKey] = counts if counts is not None else Counter()

    @classmethod
    def from_findings(cls, findings: list[Finding], base: Path, sources: SourceCache) -> Baseline:
        return cls(Counter(key_of(f, base, sources) for f in findings))

    @classmethod
    def load(cls, file: Path) -> Baseline:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise BaselineError(f"{file}: cannot read baseline: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise BaselineError(f"{file}: not a JSON baseline: {exc}") from None
        try:
            data = json.loads(text, parse_constant=_reject_constant)
        except RecursionError:
            raise BaselineError(f"{file}: not a JSON baseline: nested too deeply") from None
        except ValueError as exc:  # incl. JSONDecodeError, Infinity/NaN, integers of thousands of digits
            raise BaselineError(f"{file}: not a JSON baseline: {str(exc).splitlines()[0]}") from None
        try:
            if not isinstance(data, dict):
                raise BaselineError(f"{file}: not a pixcrawler-lint baseline (a JSON object is expected)")
            if data.get("version") != FORMAT_VERSION:
                raise BaselineError(f"{file}: unsupported baseline version {data.get('version')!r}"[:300])
            if not isinstance(data.get("findings"), list):
                raise BaselineError(f"{file}: malformed baseline: 'findings' must be a list")
            counts: Counter[BaselineKey] = Counter()
            for entry in data["findings"]:
                fields = [entry["path"], entry["code"], entry["scope"], entry["source"]]
                if not all(isinstance(value, str) for value in fields):
                    raise BaselineError(f"{file}: malformed baseline entry: path, code, scope and source are strings")
                count = entry.get("count", 1)
                if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= _MAX_COUNT:
                    raise BaselineError(
                        f"{file}: malformed baseline entry: count must be a whole number from 0 to {_MAX_COUNT}, "
                        f"got {str(count)[:40]}"
                    )
                counts[BaselineKey(*fields)] += count
        except (AttributeError, KeyError, TypeError) as exc:
            raise BaselineError(f"{file}: malformed baseline entry: {exc!r}"[:300]) from None
        return cls(counts)

    def dump(self, file: Path) -> None:
        entries: list[dict[str, Any]] = [
            {"path": k.path, "code": k.code, "scope": k.scope, "source": k.source, "count": n}
            for k, n in sorted(self.counts.items()) if n > 0
        ]
        payload = {"tool": "pixcrawler-lint", "tool_version": __version__, "version": FORMAT_VERSION,
                   "findings": entries}
        write_atomic(file, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")

    def total(self) -> int:
        return sum(n for n in self.counts.values() if n > 0)


@dataclass
class Comparison:
    """Findings beyond the baseline, and baseline entries (with counts) that no longer occur."""

    new: list[Finding]
    fixed: Counter[BaselineKey]
    current: Counter[BaselineKey]


def compare(
    findings: list[Finding], baseline: Baseline, base: Path, sources: SourceCache, analysed: set[str]
) -> Comparison:
    """Split ``findings`` into baselined and new; only entries of ``analysed`` files can be fixed.

    When a key occurs more often than baselined, the later occurrences count as new.
    """
    remaining = Counter(baseline.counts)
    current: Counter[BaselineKey] = Counter()
    new: list[Finding] = []
    for finding in sorted(findings):
        key = key_of(finding, base, sources)
        current[key] += 1
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    analysed_relative = {_relative(path, base) for path in analysed}
    fixed = Counter({k: n for k, n in remaining.items() if n > 0 and k.path in analysed_relative})
    return Comparison(new, fixed, current)
