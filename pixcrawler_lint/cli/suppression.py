"""Suppression comments honoured by the CLI: flake8's ``# noqa`` and pylint's ``disable``.

* ``# noqa`` silences every finding of its logical line; ``# noqa: PXL201,PXL2`` only the
  codes it lists (a listed code is a prefix, as in flake8); ``# flake8: noqa`` the whole file.
* ``# pylint: disable=missing-operation-id`` (symbol, pylint id ``C7201`` or code ``PXL201``,
  or ``all``) follows pylint: trailing a simple statement it covers that line; trailing the
  first line of a ``def``/``class``/``if``/… it covers the whole block; alone on its line it
  covers the rest of the enclosing block (the module: the rest of the file), until a matching
  ``# pylint: enable=``. ``disable-next`` covers the next line; ``skip-file`` the file.

:func:`parse_pragmas` runs in the worker processes; the result is small and picklable.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass, field

from pixcrawler_lint.findings import Finding
from pixcrawler_lint.registry import Rule, all_rules

__all__ = ["NoqaComment", "Pragmas", "parse_pragmas", "apply_suppressions", "rule_names"]

# flake8's own pattern (flake8.defaults.NOQA_INLINE_REGEXP), so both front ends agree.
NOQA = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
NOQA_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)
PYLINT = re.compile(r"#\s*pylint\s*:\s*(?P<body>.*)$")
PYLINT_ACTION = re.compile(r"(?P<action>disable-next|disable|enable|skip-file)\s*(?:=\s*(?P<names>[\w\-,\s]*))?")

_COMPOUND = (
    ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor, ast.While,
    ast.With, ast.AsyncWith, ast.Try, ast.Match,
) + ((ast.TryStar,) if hasattr(ast, "TryStar") else ())


@dataclass(frozen=True)
class NoqaComment:
    """One ``# noqa`` comment; ``codes`` empty means bare ``# noqa`` (every code)."""

    line: int
    col: int
    codes: tuple[str, ...]
    covers: tuple[int, int]  # first and last physical line of its logical line

    def silences(self, finding: Finding) -> str | None:
        """The listed code that silences ``finding`` (``""`` for bare noqa), else None."""
        if not self.covers[0] <= finding.line <= self.covers[1]:
            return None
        if not self.codes:
            return ""
        return next((code for code in self.codes if finding.code.startswith(code)), None)


@dataclass(frozen=True)
class DisabledRange:
    """Lines ``first..last`` where the rules in ``names`` (lower-case identifiers) are off."""

    first: int
    last: int
    names: frozenset[str]


@dataclass
class Pragmas:
    """Every suppression comment of one file."""

    noqa: list[NoqaComment] = field(default_factory=list)
    disabled: list[DisabledRange] = field(default_factory=list)
    skip_file: bool = False

    def suppresses(self, finding: Finding, used: set[tuple[int, str]] | None = None) -> bool:
        """True when a comment silences ``finding``; records the noqa codes that did in ``used``."""
        if self.skip_file:
            return True
        silenced = False
        for comment in self.noqa:
            code = comment.silences(finding)
            if code is not None:
                silenced = True
                if used is not None:
                    used.add((comment.line, code))
        if silenced:
            return True
        covering = [r for r in self.disabled if r.first <= finding.line <= r.last]
        if not covering:  # the usual case: no rule module need be imported to say so
            return False
        names = rule_names(finding.code, finding.symbol)
        return any(r.names & names for r in covering)


def rule_names(code: str, symbol: str) -> frozenset[str]:
    """Every spelling of a rule a ``pylint: disable`` may use, lower-cased."""
    names = {code.lower(), symbol.lower(), "all"}
    rule = _rules_by_code().get(code)
    if rule is not None:
        names.add(rule.pylint_id().lower())
    return frozenset(names)


_RULES: dict[str, type[Rule]] = {}


def _rules_by_code() -> dict[str, type[Rule]]:
    if not _RULES:
        _RULES.update({rule.code: rule for rule in all_rules()})
    return _RULES


def _logical_lines(tokens: list[tokenize.TokenInfo]) -> dict[int, tuple[int, int]]:
    """Physical line → (first, last) line of its logical line, for lines that hold comments."""
    spans: dict[int, tuple[int, int]] = {}
    start: int | None = None
    pending: list[int] = []
    for token in tokens:
        if token.type in (tokenize.ENCODING, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER):
            continue
        if start is None and token.type not in (tokenize.NL, tokenize.COMMENT):
            start = token.start[0]
        if token.type == tokenize.COMMENT:
            pending.append(token.start[0])
        if token.type == tokenize.NEWLINE or (token.type == tokenize.NL and start is None):
            first = start if start is not None else token.start[0]
            for line in pending:
                spans[line] = (min(first, line), max(token.end[0], line))
            start, pending = None, []
    for line in pending:
        spans[line] = (line, line)
    return spans


def _blocks(tree: ast.AST | None) -> list[tuple[int, int, int]]:
    """(first line, body start line, last line) of every compound statement."""
    if tree is None:
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, _COMPOUND):
            body = getattr(node, "body", None) or [node]
            found.append((node.lineno, body[0].lineno if body else node.lineno, node.end_lineno or node.lineno))
    return found


def _disable_range(line: int, standalone: bool, blocks: list[tuple[int, int, int]], last_line: int) -> tuple[int, int]:
    if not standalone:
        opener = [b for b in blocks if b[0] == line]
        if opener:
            return line, max(b[2] for b in opener)
        return line, line
    # Alone on its line: to the end of the innermost block whose body holds the comment.
    enclosing = [b for b in blocks if b[0] < line <= b[2]]
    if not enclosing:
        return line, last_line
    innermost = max(enclosing, key=lambda b: b[0])
    return line, innermost[2]


def _names(raw: str | None) -> frozenset[str]:
    return frozenset(part.strip().lower() for part in (raw or "").split(",") if part.strip())


def parse_pragmas(source: str, tree: ast.AST | None = None) -> Pragmas:
    """Every ``noqa`` and ``pylint:`` comment of ``source``; never raises."""
    pragmas = Pragmas()
    lowered = source.lower()
    if "noqa" not in lowered and "pylint" not in lowered:
        return pragmas  # no comment can be a pragma: not worth tokenizing (most files)
    tokens: list[tokenize.TokenInfo] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            tokens.append(token)
    except (tokenize.TokenError, SyntaxError):
        pass  # keep the comments read before the error
    spans = _logical_lines(tokens)
    found_blocks: list[list[tuple[int, int, int]]] = []

    def blocks() -> list[tuple[int, int, int]]:
        """The compound statements, parsed only for a ``disable`` (most pragmas are noqa)."""
        if not found_blocks:
            parsed = tree
            if parsed is None:
                try:
                    parsed = ast.parse(source)
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    parsed = None
            found_blocks.append(_blocks(parsed))
        return found_blocks[0]

    last_line = max(1, source.count("\n") + 1)
    code_lines = {t.start[0] for t in tokens if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE,
                                                               tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)}
    enables: list[tuple[int, frozenset[str]]] = []
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        line, text = token.start[0], token.string
        if NOQA_FILE.match(text):
            pragmas.skip_file = True
            continue
        noqa = NOQA.search(text)
        if noqa:
            codes = tuple(c.upper() for c in re.split(r"[,\s]+", noqa.group("codes") or "") if c)
            pragmas.noqa.append(NoqaComment(line, token.start[1] + noqa.start(), codes, spans.get(line, (line, line))))
        pylint = PYLINT.search(text)
        if not pylint:
            continue
        for action in PYLINT_ACTION.finditer(pylint.group("body")):
            kind, names = action.group("action"), _names(action.group("names"))
            if kind == "skip-file":
                pragmas.skip_file = True
            elif kind == "disable-next" and names:
                pragmas.disabled.append(DisabledRange(line + 1, line + 1, names))
            elif kind == "disable" and names:
                first, last = _disable_range(line, line not in code_lines, blocks(), last_line)
                pragmas.disabled.append(DisabledRange(first, last, names))
            elif kind == "enable" and names:
                enables.append((line, names))
    for line, names in enables:
        pragmas.disabled = [part for r in pragmas.disabled for part in _cut(r, line, names)]
    return pragmas


def _cut(disabled: DisabledRange, enable_line: int, names: frozenset[str]) -> list[DisabledRange]:
    """An ``enable`` inside a disabled range ends it for the names it re-enables."""
    if not (disabled.first < enable_line <= disabled.last):
        return [disabled]
    ended = disabled.names if "all" in names else disabled.names & names
    if not ended:
        return [disabled]
    parts = [DisabledRange(disabled.first, enable_line - 1, ended)]
    if disabled.names - ended:
        parts.append(DisabledRange(enable_line, disabled.last, disabled.names - ended))
    return parts


def apply_suppressions(
    findings: list[Finding], pragmas: Pragmas, used: set[tuple[int, str]] | None = None
) -> list[Finding]:
    """The findings no comment silences; noqa codes that silenced something go into ``used``."""
    return [finding for finding in findings if not pragmas.suppresses(finding, used)]
