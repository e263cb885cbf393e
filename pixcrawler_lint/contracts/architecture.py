"""The architecture check on a whole import graph: rules PXL101–PXL105, direct and indirect.

The check is I/O-free: it takes a grimp ``ImportGraph`` (built from disk by
:func:`pixcrawler_lint.contracts.graph.build_graph`, by ``lint-imports``, or in memory by a
test) and a :class:`~pixcrawler_lint.config.Config`, and asks the same layer policy as the
inline rules (:func:`pixcrawler_lint.analysis.layer_policy.import_breaches`).

Which modules are judged: every module of a configured layer (``classify`` is not ``None``).
What they reach: every module they import directly, and every module reached through a chain
of helper modules of the project's own packages: modules of the importer's own layer
(``endpoint → backend.api.v1.helpers → backend.repositories.x``) and modules of no layer
(``backend.helpers``), which the per-file rules cannot see through. Chains stop at modules of
another layer and at composition roots and types modules (their own imports are judged on
their own), and at other top-level packages (``builder`` may crawl). Chains are shortest
chains (breadth-first), as grimp's ``find_shortest_chain`` would give.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from grimp import ImportGraph

from pixcrawler_lint.analysis.layer_policy import Breach, import_breaches
from pixcrawler_lint.analysis.vocabulary import breach_words
from pixcrawler_lint.architecture.model import architecture_of
from pixcrawler_lint.config import Config
from pixcrawler_lint.layers import Layer, classify, is_composition_root, is_types_module
from pixcrawler_lint.registry import rule_by_code

__all__ = ["ImportStep", "Violation", "check_architecture", "layered_packages"]


@dataclass(frozen=True, order=True)
class ImportStep:
    """One direct import of a chain: ``importer`` imports ``imported`` on ``line_numbers``."""

    importer: str
    imported: str
    line_numbers: tuple[int, ...] = ()

    def render(self) -> str:
        """``backend.api.x -> backend.helpers (l.3)``."""
        lines = f" (l.{', '.join(map(str, self.line_numbers))})" if self.line_numbers else ""
        return f"{self.importer} -> {self.imported}{lines}"


@dataclass(frozen=True, order=True)
class Violation:
    """A layered module that reaches, directly or through unlayered helpers, what it must not.

    ``chain`` runs from ``importer`` to the module that breaks the rule; one step means a
    direct import (the inline rule reports it on that line too). ``message`` is the rule's own
    message: what is wrong and what to write instead.
    """

    importer: str
    code: str
    imported: str
    chain: tuple[ImportStep, ...]
    symbol: str
    message: str
    hint: str = ""  # for a chain: where to cut it

    @property
    def is_direct(self) -> bool:
        """True for a single import statement, False for a chain through helper modules."""
        return len(self.chain) == 1

    @property
    def line(self) -> int | None:
        """Line of the first import of the chain in ``importer``, when the graph knows it."""
        numbers = self.chain[0].line_numbers if self.chain else ()
        return min(numbers) if numbers else None

    def render(self) -> str:
        """Several lines: the rule broken, the full chain, and how to fix it."""
        kind = "imports" if self.is_direct else "indirectly imports"
        lines = [f"{self.importer} {kind} {self.imported}: breaks {self.code} {self.symbol}"]
        lines += [f"    {step.render()}" for step in self.chain]
        lines.append(f"    {self.code}: {self.message}")
        if self.hint:
            lines.append(f"    fix: {self.hint}")
        return "\n".join(lines)


def layered_packages(config: Config) -> list[str]:
    """The top-level packages the layer map talks about (``backend`` by default)."""
    return architecture_of(config).top_packages()


_FROM_IMPORT = re.compile(r"^\s*from\s+([\w.]+)\s+import\s+\(?\s*([\w\s,]*)")
_PLAIN_IMPORT = re.compile(r"^\s*import\s+([\w.\s,]+?)(?:\s+as\s+\w+)?\s*$")


def names_in_import_line(line: str, package: str) -> list[str]:
    """The dotted names an import line imports from ``package`` (an external squashed module).

    grimp keeps only the top package of an external import (``urllib``); the line tells
    ``from urllib import request`` (``urllib.request``) from ``from urllib import parse``.
    """
    found: list[str] = []
    match = _FROM_IMPORT.match(line)
    if match:
        source = match.group(1)
        names = [n.strip() for n in match.group(2).split(",")]
        found = [f"{source}.{name.split()[0]}" for name in names if name and name.split()[0] != "*"] or [source]
    else:
        plain = _PLAIN_IMPORT.match(line)
        if plain:
            found = [part.split()[0] for part in plain.group(1).split(",") if part.strip()]
    return [name for name in found if name == package or name.startswith(package + ".")]


def _step(graph: ImportGraph, importer: str, imported: str) -> ImportStep:
    details = graph.get_import_details(importer=importer, imported=imported)
    return ImportStep(importer, imported, tuple(sorted({d["line_number"] for d in details})))


def _is_helper(module: str, layer: Layer | None, graph: ImportGraph, config: Config, own: set[str]) -> bool:
    """A module that chains are followed through: own package, same layer or no layer."""
    if module.split(".")[0] not in own or graph.is_module_squashed(module):
        return False
    if is_composition_root(module, config) or is_types_module(module, config):
        return False
    return classify(module, config) in (None, layer)


def _hint(importer: str, path: list[str], config: Config) -> str:
    if len(path) <= 2:
        return ""
    helper = path[-2]
    if classify(helper, config) is None:
        return f"{helper} belongs to no layer: move it into the layer it serves, or stop importing it from {importer}"
    return f"{helper} -> {path[-1]} breaks the rule itself (reported on its own): fixing that import clears this chain"


def _reachable(graph: ImportGraph, start: str, config: Config, own: set[str]) -> dict[str, list[list[str]]]:
    """Every module reached from ``start`` directly or through unlayered own modules → its paths.

    One shortest path per module; for a squashed external package one path per module that
    imports it (the package is one node, and what each importer takes from it differs).
    """
    layer = classify(start, config)
    paths: dict[str, list[list[str]]] = {}
    queue: deque[list[str]] = deque([[start]])
    seen = {start}
    while queue:
        path = queue.popleft()
        for imported in sorted(graph.find_modules_directly_imported_by(path[-1])):
            if imported in seen:
                if graph.is_module_squashed(imported) and imported in paths:
                    paths[imported].append([*path, imported])
                continue
            seen.add(imported)
            paths[imported] = [[*path, imported]]
            if _is_helper(imported, layer, graph, config, own):
                queue.append(paths[imported][0])
    return paths


# What a module of no layer may import from an HTTP framework without making its importers HTTP
# code: an environment reader, plain data structures, a thread-pool helper, an encoder, and the
# `Request` type (a helper that takes a request cannot be called by a service that has none; a
# service that does take one imports it itself, and that direct import is reported). Only
# chains through such a module are exempt: a service importing these directly is still reported.
_HTTP_NEUTRAL = (
    "starlette.config", "starlette.datastructures", "starlette.concurrency", "starlette.requests",
    "fastapi.datastructures", "fastapi.concurrency", "fastapi.encoders", "fastapi.requests",
    "fastapi.Request",
)


def _is_http_neutral(name: str) -> bool:
    return any(name == n or name.startswith(n + ".") for n in _HTTP_NEUTRAL)


def _candidate_names(graph: ImportGraph, path: list[str]) -> list[str]:
    """The names ``path``'s last step imports, as precisely as the import lines tell.

    For a squashed external package the names on the import lines (``starlette.config.Config``)
    are judged rather than the bare package, so an ``allow`` edge to a subpackage holds, and a
    chain through a module of no layer that imports only what :data:`_HTTP_NEUTRAL` lists
    breaks nothing.
    """
    imported = path[-1]
    if not graph.is_module_squashed(imported):
        return [imported]
    details = graph.get_import_details(importer=path[-2], imported=imported)
    refined = list(dict.fromkeys(name for d in details for name in names_in_import_line(d["line_contents"], imported)))
    if len(path) > 2:
        return [name for name in refined if not _is_http_neutral(name)] if refined else [imported]
    return refined or [imported]


def check_architecture(graph: ImportGraph, config: Config) -> list[Violation]:
    """Every violation of PXL101–PXL105 in ``graph`` under the layer map of ``config``, sorted.

    Never mutates ``graph``. An empty list means the architecture is kept. Whether imports
    under ``if TYPE_CHECKING:`` count is decided when the graph is built
    (``exclude_type_checking_imports``), see :func:`pixcrawler_lint.contracts.graph.build_graph`.
    """
    own = set(layered_packages(config))
    violations: dict[tuple[str, str, str], Violation] = {}
    model = architecture_of(config)
    # What an import breaks depends on the importer's layer (whether it is a composition root or
    # a types module) and the name imported: hundreds of importers share each answer.
    decided: dict[tuple[Layer | None, bool, bool, str], list[Breach]] = {}

    def breaches(importer: str, kind: tuple[Layer | None, bool, bool], name: str) -> list[Breach]:
        key = (*kind, name)
        if key not in decided:
            decided[key] = import_breaches(importer, name, config)
        return decided[key]

    # The names a path's last step imports depend on that step and on the path's length only.
    named: dict[tuple[str, str, bool], list[str]] = {}

    def candidate_names(path: list[str]) -> list[str]:
        key = (path[-2] if len(path) > 1 else "", path[-1], len(path) > 2)
        if key not in named:
            named[key] = _candidate_names(graph, path)
        return named[key]

    for importer in sorted(graph.modules):
        if graph.is_module_squashed(importer) or classify(importer, config) is None:
            continue
        if is_composition_root(importer, config):
            continue  # may import every layer
        kind = (model.layer_of(importer), model.is_composition_root(importer), model.is_types_module(importer))
        for imported, paths in _reachable(graph, importer, config, own).items():
            for path, name in ((p, n) for p in paths for n in candidate_names(p)):
                for breach in breaches(importer, kind, name):
                    key = (importer, breach.code, imported)
                    if key in violations:
                        continue
                    rule = rule_by_code(breach.code)
                    chain = tuple(_step(graph, a, b) for a, b in zip(path, path[1:]))
                    violations[key] = Violation(
                        importer=importer,
                        code=breach.code,
                        imported=name,
                        chain=chain,
                        symbol=rule.symbol if rule else breach.code,
                        message=_message(rule.message, {**breach_words(config), **breach.args})
                        if rule else str(breach.args),
                        hint=_hint(importer, path, config),
                    )
    return sorted(violations.values())


class _Blank(dict[str, str]):
    """Message arguments that only a module's own context can fill (the project's words, e.g.
    PXL105's exceptions module) read as empty in a whole-graph check."""

    def __missing__(self, key: str) -> str:
        return ""


def _message(template: str, args: dict[str, str]) -> str:
    return template.format_map(_Blank(args))
