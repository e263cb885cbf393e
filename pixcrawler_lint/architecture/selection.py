"""Which rules run where, and at which severity: preset, select, ignore, per-file ignores.

Resolution for one code (ruff-style):

1. On the command line, ``--select`` replaces the preset, ``select`` and ``extend-select`` of
   the configuration; ``--ignore`` always removes.
2. Otherwise a code is on when the most specific matching entry is positive: an entry of
   ``select`` / ``extend-select`` counts its prefix length (``PXL2`` = 4), membership of the
   preset counts 0 (only when ``select`` is not given), an ``ignore`` entry counts its prefix
   length and wins ties. So ``ignore = ["PXL2"]`` + ``extend-select = ["PXL204"]`` keeps PXL204.
3. ``per-file-ignores`` then removes codes for the files its globs match (paths relative to the
   directory of the ``pyproject.toml``; a glob without ``/`` matches a file or directory name
   anywhere; a glob also matches everything below a directory it names).

Internal codes (PXL9xx: internal error, invalid configuration) are in every preset and stay on
under ``select``; only ``ignore`` (or ``--select`` / ``--ignore``) removes them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import RECOMMENDED

__all__ = ["CommandLine", "Selection", "glob_regex"]


@dataclass(frozen=True)
class CommandLine:
    """``--select`` / ``--ignore`` of the CLI: they override the configuration."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def _longest(code: str, prefixes: Sequence[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


@functools.lru_cache(maxsize=512)
def glob_regex(glob: str) -> re.Pattern[str]:
    """A path glob (``**`` any directories, ``*`` / ``?`` within one name) as a regex."""
    glob = glob.strip()
    glob = (glob[2:] if glob.startswith("./") else glob).rstrip("/")
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    body = "".join(out)
    if "/" not in glob:
        body = "(?:.*/)?" + body  # a bare name matches at any depth
    return re.compile(f"^{body}(?:/.*)?$")


class Selection:
    """The rule selection of one configuration."""

    def __init__(
        self,
        preset: str,
        select: Sequence[str] = (),
        extend_select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        per_file_ignores: Sequence[tuple[str, Sequence[str]]] = (),
        severity: Sequence[tuple[str, str]] = (),
        base_dir: Path | None = None,
    ) -> None:
        self.preset = preset
        self.select = tuple(c.upper() for c in select)
        self.extend_select = tuple(c.upper() for c in extend_select)
        self.ignore = tuple(c.upper() for c in ignore)
        self.per_file_ignores = tuple((glob, tuple(c.upper() for c in codes)) for glob, codes in per_file_ignores)
        self.severities = {code.upper(): Severity(letter) for code, letter in severity}
        self.base_dir = base_dir
        self._by_code: dict[str, bool] = {}
        self._by_path: dict[str, tuple[str, ...]] = {}

    def in_preset(self, code: str) -> bool:
        """Whether the preset alone holds ``code``."""
        return self.preset == "pixcrawler" or code.startswith("PXL9") or code in RECOMMENDED

    def configured(self, code: str) -> bool:
        """The configuration's verdict for ``code``, before per-file ignores and the command line."""
        code = code.upper()
        if code not in self._by_code:
            positive = _longest(code, (*self.select, *self.extend_select))
            if (not self.select and self.in_preset(code)) or code.startswith("PXL9"):
                positive = max(positive, 0)  # internal codes stay on under `select` unless ignored
            self._by_code[code] = positive >= 0 and positive > _longest(code, self.ignore)
        return self._by_code[code]

    def ignored_in(self, path: str) -> tuple[str, ...]:
        """The code prefixes ``per-file-ignores`` removes for the file at ``path``."""
        if not self.per_file_ignores:
            return ()
        if path not in self._by_path:
            relative = self._relative(path)
            self._by_path[path] = tuple(
                code for glob, codes in self.per_file_ignores if glob_regex(glob).match(relative) for code in codes
            )
        return self._by_path[path]

    def _relative(self, path: str) -> str:
        absolute = Path(path).absolute()
        if self.base_dir is not None:
            try:
                return absolute.relative_to(self.base_dir.absolute()).as_posix()
            except ValueError:
                pass
            try:
                return absolute.resolve().relative_to(self.base_dir.resolve()).as_posix()
            except ValueError:
                pass
        return PurePosixPath(Path(path).as_posix()).as_posix()

    def enabled(self, code: str, path: str | None = None, command_line: CommandLine | None = None) -> bool:
        """Does ``code`` run (and report) on the file at ``path``?"""
        code = code.upper()
        if command_line is not None and command_line.select:
            on = _longest(code, command_line.select) >= 0
        else:
            on = self.configured(code)
        if on and command_line is not None and _longest(code, command_line.ignore) >= 0:
            on = False
        if on and path is not None and _longest(code, self.ignored_in(path)) >= 0:
            on = False
        return on

    def severity(self, code: str, default: Severity) -> Severity:
        """The reported severity of ``code``: the ``severity`` table, else the rule's own."""
        return self.severities.get(code.upper(), default)
