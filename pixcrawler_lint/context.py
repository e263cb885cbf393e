"""What a rule sees: the astroid module, its layer and settings, and one way to report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

from astroid import nodes

from pixcrawler_lint.architecture.layer import Layer
from pixcrawler_lint.architecture.model import Architecture, architecture_of
from pixcrawler_lint.config import Config
from pixcrawler_lint.findings import Finding
from pixcrawler_lint.registry import Rule

__all__ = ["ModuleContext"]

NodeT = TypeVar("NodeT", bound=nodes.NodeNG)
T = TypeVar("T")


class ModuleContext:
    """One module under analysis. Rules report through :meth:`report` only.

    ``architecture`` is the model of the configuration (layers, policy, selection); rules ask it
    rather than reading the raw settings. Building the context raises ``ConfigError`` when the
    module matches two layers equally specifically.
    """

    def __init__(self, module: nodes.Module, path: str, config: Config) -> None:
        self.module = module
        self.path = path
        self.modname: str = module.name
        self.config = config
        self.architecture: Architecture = architecture_of(config)
        self.layer: Layer | None = self.architecture.layer_of(self.modname)
        self.findings: list[Finding] = []
        self._by_type: dict[type, list[nodes.NodeNG]] | None = None
        self._cache: dict[str, Any] = {}

    def report(self, rule: Rule | type[Rule], node: nodes.NodeNG | int, **args: Any) -> None:
        """Report ``rule`` at ``node`` (or at a line number), filling its message template."""
        if isinstance(node, int):
            line, col, end_line, end_col = node, 0, None, None
        else:
            line = node.fromlineno or 1
            col = node.col_offset or 0
            end_line, end_col = node.end_lineno, node.end_col_offset
        self.findings.append(
            Finding(
                path=self.path,
                line=line,
                col=col,
                code=rule.code,
                symbol=rule.symbol,
                message=rule.message.format(**args),
                severity=self.architecture.severity(rule.code, rule.severity),
                end_line=end_line,
                end_col=end_col,
            )
        )

    def nodes_of(self, node_type: type[NodeT]) -> list[NodeT]:
        """Every node of ``node_type`` in the module, in source order (one shared walk)."""
        if self._by_type is None:
            by_type: dict[type, list[nodes.NodeNG]] = defaultdict(list)
            stack: list[nodes.NodeNG] = [self.module]
            while stack:
                node = stack.pop()
                by_type[type(node)].append(node)
                stack.extend(reversed(list(node.get_children())))
            self._by_type = by_type
        found: list[NodeT] = []
        for klass, members in self._by_type.items():
            if issubclass(klass, node_type):
                found.extend(members)
        if len({type(n) for n in found}) > 1:
            found.sort(key=lambda n: (n.fromlineno or 0, n.col_offset or 0))
        return found

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        """Memoise a per-module analysis shared by several rules (e.g. the routes)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]  # type: ignore[no-any-return]
