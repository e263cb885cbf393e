"""What a fixer works on: one file's libcst tree with positions, scopes and parents.

Findings carry astroid positions (column in UTF-8 bytes); :meth:`FixContext.node_at`
turns them into the libcst node the finding is about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import libcst as cst
from libcst.metadata import (
    Assignment,
    CodeRange,
    GlobalScope,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    Scope,
    ScopeProvider,
)

from pixcrawler_lint.config import Config
from pixcrawler_lint.findings import Finding
from pixcrawler_lint.fixes.edits import Edit

__all__ = ["FixContext", "ProjectNames"]

NodeT = TypeVar("NodeT", bound=cst.CSTNode)


_OPERATION_ID = re.compile(r"""operation_id\s*=\s*['"]([^'"]+)['"]""")


@dataclass
class ProjectNames:
    """The operation ids of the project's files (they must stay unique in the app), kept up to
    date as a ``--fix`` run rewrites files."""

    ids_by_file: dict[Path, set[str]] = field(default_factory=dict)
    scanned_roots: set[Path] = field(default_factory=set)

    def record(self, path: str | Path, text: str) -> None:
        """``path`` now reads ``text``."""
        self.ids_by_file[Path(path).resolve()] = set(_OPERATION_ID.findall(text))

    def scan(self, root: Path) -> None:
        """Read the operation ids of every Python file under ``root`` once."""
        if root in self.scanned_roots:
            return
        self.scanned_roots.add(root)
        for file in root.rglob("*.py"):
            if any(part.startswith(".") or part in ("node_modules", "__pycache__") for part in file.parts):
                continue
            resolved = file.resolve()
            if resolved in self.ids_by_file:
                continue
            try:
                text = file.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            self.ids_by_file[resolved] = set(_OPERATION_ID.findall(text)) if "operation_id" in text else set()

    def operation_ids(self, root: Path, path: str, source: str) -> set[str]:
        """Every operation id of the project, with ``path`` read as ``source``."""
        self.scan(root)
        own = Path(path).resolve()
        taken = {name for file, names in self.ids_by_file.items() if file != own for name in names}
        return taken | set(_OPERATION_ID.findall(source))


class FixContext:
    """One file: source, tree, metadata; raises ``libcst.ParserSyntaxError`` on unparseable source."""

    def __init__(self, source: str, path: str, config: Config, names: ProjectNames | None = None) -> None:
        self.source = source
        self.path = path
        self.config = config
        self.names = names if names is not None else ProjectNames()
        self.findings: list[Finding] = []  # every finding of the file (fixers may weigh the others)
        self.wrapper = MetadataWrapper(cst.parse_module(source), unsafe_skip_copy=True)
        self.module = self.wrapper.module
        self.positions = self.wrapper.resolve(PositionProvider)
        self._lines = source.splitlines()
        self._by_start: dict[tuple[int, int], list[cst.CSTNode]] = {}
        for node, where in self.positions.items():
            self._by_start.setdefault((where.start.line, where.start.column), []).append(node)
        self._scopes: dict[cst.CSTNode, Scope | None] | None = None
        self._parents: dict[cst.CSTNode, cst.CSTNode] | None = None

    # -- positions ---------------------------------------------------------------------------
    def char_col(self, line: int, byte_col: int) -> int:
        """An astroid column (UTF-8 bytes) as a character column."""
        if not 0 < line <= len(self._lines):
            return byte_col
        text = self._lines[line - 1]
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))

    def range_of(self, node: cst.CSTNode) -> CodeRange:
        return self.positions[node]

    def start(self, node: cst.CSTNode) -> tuple[int, int]:
        where = self.positions[node].start
        return where.line, where.column

    def end(self, node: cst.CSTNode) -> tuple[int, int]:
        where = self.positions[node].end
        return where.line, where.column

    def node_at(self, finding: Finding, kinds: type[NodeT] | tuple[type[NodeT], ...]) -> list[NodeT]:
        """Nodes of ``kinds`` starting where ``finding`` starts; the one ending where it ends first."""
        start = (finding.line, self.char_col(finding.line, finding.col))
        found = [node for node in self._by_start.get(start, []) if isinstance(node, kinds)]
        if finding.end_line is not None and finding.end_col is not None:
            end = (finding.end_line, self.char_col(finding.end_line, finding.end_col))
            found.sort(key=lambda node: self.end(node) != end)
        return found

    def nodes_on_line(self, line: int, kinds: type[NodeT] | tuple[type[NodeT], ...]) -> list[NodeT]:
        return [node for (row, _col), nodes in self._by_start.items() if row == line
                for node in nodes if isinstance(node, kinds)]

    def line_text(self, line: int) -> str:
        return self._lines[line - 1] if 0 < line <= len(self._lines) else ""

    # -- scopes and parents ------------------------------------------------------------------
    @property
    def scopes(self) -> dict[cst.CSTNode, Scope | None]:
        if self._scopes is None:
            self._scopes = dict(self.wrapper.resolve(ScopeProvider))
        return self._scopes

    @property
    def parents(self) -> dict[cst.CSTNode, cst.CSTNode]:
        if self._parents is None:
            self._parents = dict(self.wrapper.resolve(ParentNodeProvider))
        return self._parents

    @property
    def global_scope(self) -> GlobalScope:
        scope = self.scopes.get(self.module)
        assert isinstance(scope, GlobalScope)
        return scope

    def bound_below_global(self, node: cst.CSTNode, name: str) -> bool:
        """True when ``name`` is assigned in a scope between ``node`` and the module."""
        scope = self.scopes.get(node)
        while scope is not None and not isinstance(scope, GlobalScope):
            if scope.assignments[name]:
                return True
            scope = scope.parent
        return False

    def global_bindings(self, name: str) -> list[cst.CSTNode]:
        """The nodes that assign ``name`` at module level (imports: the import statement)."""
        return [assignment.node for assignment in self.global_scope.assignments[name]
                if isinstance(assignment, Assignment)]

    # -- code --------------------------------------------------------------------------------
    def code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def replace(self, node: cst.CSTNode, text: str) -> Edit:
        return Edit(self.start(node), self.end(node), text)

    def top_imports(self) -> list[cst.SimpleStatementLine]:
        """The module-level import lines before the first other statement (docstring aside)."""
        found: list[cst.SimpleStatementLine] = []
        for index, statement in enumerate(self.module.body):
            if isinstance(statement, cst.SimpleStatementLine):
                if all(isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body):
                    found.append(statement)
                    continue
                if index == 0 and _is_docstring(statement):
                    continue
            break
        return found

    def ensure_import(self, statement: str, near_module: str | None = None) -> Edit:
        """Insert ``statement`` (one line) after the top imports: after the last import of
        ``near_module`` when there is one, else after the last import, else after the docstring."""
        imports = self.top_imports()
        anchor: cst.CSTNode | None = None
        if near_module is not None:
            near = [line for line in imports if any(_imports_from(small, near_module) for small in line.body)]
            anchor = near[-1] if near else None
        if anchor is None and imports:
            anchor = imports[-1]
        if anchor is None:
            first = self.module.body[0] if self.module.body else None
            if first is not None and isinstance(first, cst.SimpleStatementLine) and _is_docstring(first):
                return Edit((self.end(first)[0] + 1, 0), (self.end(first)[0] + 1, 0), "\n" + statement + "\n")
            line = 1
            while line <= len(self._lines) and (self._lines[line - 1].startswith("#")):
                line += 1  # after a shebang, encoding or licence header
            return Edit((line, 0), (line, 0), statement + "\n")
        row = self.end(anchor)[0] + 1
        return Edit((row, 0), (row, 0), statement + "\n")

    def delete_line(self, statement: cst.CSTNode) -> Edit:
        """Delete the physical lines of a whole statement."""
        first, last = self.start(statement)[0], self.end(statement)[0]
        return Edit((first, 0), (last + 1, 0), "")


def _is_docstring(statement: cst.SimpleStatementLine) -> bool:
    return (len(statement.body) == 1 and isinstance(statement.body[0], cst.Expr)
            and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))


def dotted(node: cst.BaseExpression | cst.ImportFrom | None) -> str:
    """``a.b.c`` of a Name/Attribute chain ("" when it is something else)."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = dotted(node.value)
        return f"{head}.{node.attr.value}" if head else ""
    return ""


def _imports_from(small: cst.BaseSmallStatement, module: str) -> bool:
    if isinstance(small, cst.ImportFrom):
        return not small.relative and dotted(small.module) == module
    if isinstance(small, cst.Import):
        return any(dotted(alias.name) == module or dotted(alias.name).startswith(module + ".") for alias in small.names)
    return False


def keyword_names(call: cst.Call) -> set[str]:
    return {arg.keyword.value for arg in call.args if arg.keyword is not None}


def sequence_of(values: Sequence[str]) -> str:
    return ", ".join(values)
