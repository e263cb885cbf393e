"""A whole-project index for the wiring and model rules, the same for every front end.

pylint sees every module of a run, flake8 (and an editor) one file at a time. So that both
report the same, the index does not depend on what the front end has seen: it loads the
configured composition roots and types modules — and, for the timestamp mixin, the models
layer — from the project on disk with astroid, starting at the project root of the file
being linted. The index is cached per project root and settings, and rebuilt when a file
it read changes (its mtime or size) or appears or disappears.

Nothing here raises. A module that cannot be read or parsed makes the index "unknown"
(``None``) for what it would have told, and the rules that need it stay silent.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import astroid
from astroid import nodes

from pixcrawler_lint.analysis.applications import file_stamps
from pixcrawler_lint.analysis.classes import is_service_class, syntactic_base_name
from pixcrawler_lint.analysis.collaborators import annotation_class
from pixcrawler_lint.analysis.inference import call_name, infer_all, own_returns
from pixcrawler_lint.analysis.project_inference import infer_project
from pixcrawler_lint.config import Config
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.layers import Layer
from pixcrawler_lint.modules import locate_module

__all__ = [
    "ClassRefs",
    "WiringIndex",
    "project_root",
    "layer_module_files",
    "wiring_index",
    "project_defines_class",
    "factory_refs",
    "alias_refs",
    "module_services",
    "unwired_services",
    "factory_name",
]

# Dependency-style factories yield the service: ``-> AsyncIterator[Service]``.
_GENERATOR_WRAPPERS = frozenset(
    {"Iterator", "AsyncIterator", "Generator", "AsyncGenerator", "Iterable", "AsyncIterable"}
)
_OPTIONAL_WRAPPERS = frozenset({"Optional", "Annotated"})
_DEPENDENCY_MARKERS = frozenset({"Depends", "Security"})
_MAX_FILES = 2000  # a configured prefix matching a huge tree is a misconfiguration, not a project


@dataclass(frozen=True)
class ClassRefs:
    """Classes named somewhere: resolved ones by qualified name, unresolved ones by spelling.

    An unresolvable reference (an import astroid cannot follow) still counts by its name, so
    that the rules stay silent rather than report a class that is probably wired.
    """

    qualified: frozenset[str]
    spelled: frozenset[str]

    def covers(self, cls: nodes.ClassDef) -> bool:
        """True when ``cls`` is one of the referenced classes."""
        try:
            qualified = cls.qname()
        except Exception:  # pylint: disable=broad-exception-caught
            return True  # cannot tell: count it as covered (silence)
        return qualified in self.qualified or cls.name in self.spelled


@dataclass(frozen=True)
class WiringIndex:
    """What the composition roots build and the types modules alias.

    ``None`` for a side means unknown: no configured module of that kind exists in the
    project, or one could not be parsed.
    """

    factories: ClassRefs | None
    aliases: ClassRefs | None


def project_root(ctx: ModuleContext) -> Path | None:
    """The directory the top package of the linted file lives in."""
    try:
        return locate_module(ctx.path).root.resolve()
    except (OSError, ValueError, RuntimeError):
        return None


def layer_module_files(root: Path, prefixes: Iterable[str]) -> list[tuple[str, Path]] | None:
    """``(modname, file)`` of every module under the dotted ``prefixes``, found on disk.

    A prefix may name a module (``backend/api/types.py``) or a package (every ``.py`` below
    it). ``None`` when the tree is too large to be a plausible configuration.
    """
    found: dict[str, Path] = {}
    for prefix in prefixes:
        base = root.joinpath(*prefix.split("."))
        if base.with_suffix(".py").is_file():
            found[prefix] = base.with_suffix(".py")
        if (base / "__init__.py").is_file():
            for path in sorted(base.rglob("*.py")):
                if "__pycache__" in path.parts or not _in_package(base, path):
                    continue
                parts = list(path.relative_to(root).with_suffix("").parts)
                if parts[-1] == "__init__":
                    parts.pop()
                found[".".join(parts)] = path
                if len(found) > _MAX_FILES:
                    return None
    return sorted(found.items())


def _in_package(base: Path, path: Path) -> bool:
    """Every directory from ``base`` down to ``path`` is a package (has ``__init__.py``)."""
    directory = path.parent
    while directory != base:
        if not (directory / "__init__.py").is_file():
            return False
        directory = directory.parent
    return True


def _signature(files: list[tuple[str, Path]]) -> tuple[tuple[str, int, int], ...]:
    return file_stamps(path for _, path in files)


def _load(modname: str, path: Path, stale: bool = False) -> nodes.Module | None:
    """The astroid module of ``path``. astroid caches modules by name: a cached copy is dropped
    when it came from another file, or when ``stale`` (the file changed since it was read)."""
    try:
        cached = astroid.MANAGER.astroid_cache.get(modname)
        other_file = bool(cached is not None and cached.file) and (
            Path(cached.file).resolve() != path.resolve()
        )
        if cached is not None and (stale or other_file):
            del astroid.MANAGER.astroid_cache[modname]
        return astroid.MANAGER.ast_from_file(str(path), modname, source=True)
    # Unreadable, syntax error, astroid bug: all mean "unknown".
    except Exception:  # pylint: disable=broad-exception-caught
        return None


def _changed(
    signature: tuple[tuple[str, int, int], ...], previous: tuple[tuple[str, int, int], ...] | None
) -> set[str]:
    """Files whose stamp differs from the previous build (none on a first build: astroid's
    copies were read just now, possibly by the linter itself)."""
    if previous is None:
        return set()
    return {stamp[0] for stamp in set(signature) - set(previous)}


# --- references to classes ------------------------------------------------------------------


class _RefCollector:
    def __init__(self) -> None:
        self.qualified: set[str] = set()
        self.spelled: set[str] = set()

    def add_class_expr(self, expr: nodes.NodeNG | None) -> None:
        """A class named in an annotation: ``Service``, ``mod.Service``, ``Service | None``."""
        if expr is None:
            return
        if isinstance(expr, nodes.BinOp) and expr.op == "|":
            self.add_class_expr(expr.left)
            self.add_class_expr(expr.right)
            return
        if isinstance(expr, nodes.Subscript):
            wrapper = syntactic_base_name(expr.value)
            index = expr.slice
            args = list(index.elts) if isinstance(index, nodes.Tuple) else [index]
            if wrapper in _GENERATOR_WRAPPERS | _OPTIONAL_WRAPPERS and args:
                self.add_class_expr(args[0])
            elif wrapper == "Union":
                for arg in args:
                    self.add_class_expr(arg)
            return
        if isinstance(expr, nodes.Const) and isinstance(expr.value, str):
            self._add_forward_reference(expr)
            return
        if not isinstance(expr, (nodes.Name, nodes.Attribute)):
            return
        value = infer_project(expr)
        if isinstance(value, nodes.ClassDef):
            self.qualified.add(value.qname())
        elif value is None:
            name = syntactic_base_name(expr)
            if name:
                self.spelled.add(name)

    def _add_forward_reference(self, expr: nodes.Const) -> None:
        """A quoted annotation (``"ProjectService"``): resolved, else each name it spells."""
        resolved = annotation_class(expr)
        if resolved is not None:
            self.qualified.add(resolved.qname())
            return
        self.spelled.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", str(expr.value)))

    def add_built_value(self, expr: nodes.NodeNG | None) -> None:
        """A value a factory returns or yields: ``Service(...)`` or a name bound to one."""
        if expr is None:
            return
        values = infer_all(expr)
        if values is None:
            # Unknown: count the constructors it spells (``A(...) if x else B(...)``).
            for call in (expr, *expr.nodes_of_class(nodes.Call)):
                name = call_name(call) if isinstance(call, nodes.Call) else None
                if name:
                    self.spelled.add(name)
            return
        for value in values:
            proxied = getattr(value, "_proxied", None)
            if not isinstance(value, nodes.ClassDef) and isinstance(proxied, nodes.ClassDef):
                self.qualified.add(proxied.qname())

    def refs(self) -> ClassRefs:
        return ClassRefs(frozenset(self.qualified), frozenset(self.spelled))


def factory_refs(module: nodes.Module, into: _RefCollector | None = None) -> ClassRefs:
    """Classes that the functions of a composition root return or yield.

    Every function counts, methods and nested functions too: a class the module builds
    anywhere is not reported as unbuilt (precision over recall).
    """
    collector = into or _RefCollector()
    for function in module.nodes_of_class(nodes.FunctionDef):
        collector.add_class_expr(function.returns)
        for value in own_returns(function, yields=True):
            collector.add_built_value(value)
    return collector.refs()


def _alias_value(statement: nodes.NodeNG) -> nodes.NodeNG | None:
    if isinstance(statement, (nodes.Assign, nodes.AnnAssign)):
        return statement.value
    type_alias = getattr(nodes, "TypeAlias", None)
    if type_alias is not None and isinstance(statement, type_alias):
        return statement.value
    return None


def alias_refs(module: nodes.Module, into: _RefCollector | None = None) -> ClassRefs:
    """Classes ``C`` of the module-level ``X = Annotated[C, Depends(...)]`` of a types module."""
    collector = into or _RefCollector()
    for statement in module.body:
        value = _alias_value(statement)
        if not isinstance(value, nodes.Subscript):
            continue
        if syntactic_base_name(value.value) != "Annotated":
            continue
        index = value.slice
        args = list(index.elts) if isinstance(index, nodes.Tuple) else []
        if len(args) >= 2 and any(
            isinstance(arg, nodes.Call) and call_name(arg) in _DEPENDENCY_MARKERS
            for arg in args[1:]
        ):
            collector.add_class_expr(args[0])
    return collector.refs()


# --- cached project-level lookups -----------------------------------------------------------

_lock = threading.Lock()
_Signature = tuple[tuple[str, int, int], ...]
_WiringKey = tuple[Path, tuple[str, ...], tuple[str, ...]]
_wiring_cache: dict[_WiringKey, tuple[_Signature, WiringIndex]] = {}
_class_cache: dict[tuple[Path, tuple[str, ...], str], tuple[_Signature, bool | None]] = {}


def _refs_of(
    files: list[tuple[str, Path]] | None,
    collect: Callable[[nodes.Module, _RefCollector], ClassRefs],
    stale: set[str],
) -> ClassRefs | None:
    if not files:
        return None
    collector = _RefCollector()
    for modname, path in files:
        module = _load(modname, path, str(path) in stale)
        if module is None:
            return None
        try:
            collect(module, collector)
        except Exception:  # pylint: disable=broad-exception-caught  # astroid bug on odd code
            return None
    return collector.refs()


def wiring_index(ctx: ModuleContext) -> WiringIndex:
    """Factories of the composition roots and aliases of the types modules of ctx's project."""
    root = project_root(ctx)
    if root is None:
        return WiringIndex(None, None)
    config: Config = ctx.config
    roots = layer_module_files(root, config.composition_roots)
    types = layer_module_files(root, config.types_modules)
    key = (root, config.composition_roots, config.types_modules)
    signature = _signature(roots or []) + _signature(types or [])
    with _lock:
        cached = _wiring_cache.get(key)
        if cached is not None and cached[0] == signature:
            return cached[1]
        stale = _changed(signature, cached[0] if cached else None)
        index = WiringIndex(
            _refs_of(roots, factory_refs, stale), _refs_of(types, alias_refs, stale)
        )
        _wiring_cache[key] = (signature, index)
        return index


def project_defines_class(
    ctx: ModuleContext, prefixes: tuple[str, ...], class_name: str
) -> bool | None:
    """Whether a module under ``prefixes`` defines a top-level class ``class_name``.

    ``None`` when unknown: no such module on disk, or a candidate file cannot be parsed.
    """
    root = project_root(ctx)
    if root is None:
        return None
    files = layer_module_files(root, prefixes)
    if not files:
        return None
    key = (root, prefixes, class_name)
    signature = _signature(files)
    with _lock:
        cached = _class_cache.get(key)
        if cached is not None and cached[0] == signature:
            return cached[1]
        stale = _changed(signature, cached[0] if cached else None)
        answer = _defines_class(files, class_name, stale)
        _class_cache[key] = (signature, answer)
        return answer


def _defines_class(files: list[tuple[str, Path]], class_name: str, stale: set[str]) -> bool | None:
    # Reading text is cheap; only files that spell the class are parsed to confirm it.
    spelled = re.compile(rf"^\s*class\s+{re.escape(class_name)}\b", re.MULTILINE)
    unknown = False
    for modname, path in files:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            unknown = True
            continue
        if not spelled.search(text):
            continue
        module = _load(modname, path, str(path) in stale)
        if module is None:
            unknown = True
            continue
        if any(isinstance(n, nodes.ClassDef) and n.name == class_name for n in module.body):
            return True
    return None if unknown else False


# --- services --------------------------------------------------------------------------------


def module_services(ctx: ModuleContext) -> list[nodes.ClassDef]:
    """The concrete services defined at the top level of a services-layer module."""
    if ctx.layer is not Layer.SERVICES:
        return []
    return [
        statement
        for statement in ctx.module.body
        if isinstance(statement, nodes.ClassDef)
        and is_service_class(statement, ctx.config, ctx.modname)
    ]


def unwired_services(ctx: ModuleContext, side: str) -> list[nodes.ClassDef]:
    """The module's services that the composition roots (``side="factories"``) or the types
    modules (``side="aliases"``) do not name; ``[]`` when that side does not exist or is unknown
    (the wiring rules stay silent rather than guess)."""
    services = module_services(ctx)
    if not services:
        return []
    index = wiring_index(ctx)
    refs = index.factories if side == "factories" else index.aliases
    if refs is None:
        return []
    return [service for service in services if not refs.covers(service)]


def factory_name(service: str) -> str:
    """``ProjectService`` → ``get_project_service``."""
    return "get_" + re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", service).lower()
