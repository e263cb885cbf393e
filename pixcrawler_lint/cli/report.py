"""What ``check`` hands to a formatter: the findings to show and the run's bookkeeping."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pixcrawler_lint.cli.baseline import BaselineKey
from pixcrawler_lint.cli.sources import SourceCache
from pixcrawler_lint.findings import Finding

__all__ = ["Report", "display_path"]


def _plural(count: int) -> str:
    return "" if count == 1 else "s"


def display_path(path: str, cwd: Path) -> str:
    """``path`` relative to ``cwd`` when it lies below it (posix separators), else absolute."""
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(cwd).as_posix()
    except ValueError:
        return absolute.as_posix()


@dataclass
class Report:
    """The outcome of one ``check`` run."""

    findings: list[Finding]
    cwd: Path
    sources: SourceCache = field(default_factory=SourceCache)
    files: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    fixed: Counter[BaselineKey] | None = None  # None: no baseline given
    baselined: int = 0  # findings hidden because the baseline holds them
    baselined_findings: list[Finding] = field(default_factory=list)  # those findings (SARIF marks them)
    suppressed: int = 0  # findings hidden by noqa / pylint: disable
    cached: int = 0  # files whose findings came from .pixcrawler_lint_cache/ (not linted again)
    config_warnings: list[str] = field(default_factory=list)  # patterns that match no module

    def display(self, finding: Finding) -> str:
        return display_path(finding.path, self.cwd)

    def fixed_count(self) -> int:
        return sum(self.fixed.values()) if self.fixed else 0

    def summary(self) -> str:
        """One line: how many findings, and what was hidden or fixed."""
        count = len(self.findings)
        parts = [f"Found {count} finding{_plural(count)} in {self.files} file{_plural(self.files)}"]
        if self.baselined:
            parts.append(f"{self.baselined} in the baseline")
        if self.fixed is not None and self.fixed_count():
            parts.append(
                f"{self.fixed_count()} baselined finding{'s' if self.fixed_count() != 1 else ''} fixed "
                "(run `pixcrawler-lint baseline --update` to prune)"
            )
        if self.suppressed:
            parts.append(f"{self.suppressed} suppressed by comments")
        return "; ".join(parts) + "."
