"""The application model: which app or router mounts each router, with what, across the project.

A route's guards and OpenAPI settings are often not on its decorator: ``FastAPI(dependencies=
[...])``, ``app.include_router(router, prefix="/admin", dependencies=[...],
include_in_schema=False)`` in a main module, ``parent.mount("/v1", app=api)``. This module
indexes every ``include_router``/``mount`` call of the project once, from the files on disk,
so that pylint (which sees every module), flake8 and an editor (one file at a time) agree.

It reads source text with the standard :mod:`ast` module, never astroid: a file that does not
spell ``include_router`` or ``.mount(`` is not even parsed, and no imported module is built.
A router is named by a :data:`RouterId`: the module that binds it and its variable name,
following ``from x import router`` re-exports. The index is cached per project root and
rebuilt when a ``.py`` file of the project changes (mtime or size), appears or disappears.

Nothing here raises; what cannot be read is simply not in the index.
"""

from __future__ import annotations

import ast
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "RouterId", "RouterSettings", "Mount", "MountPath", "ApplicationIndex", "application_index",
    "mount_paths", "dependency_names", "file_stamps",
]

RouterId = tuple[str, str]  # (module that binds it, variable name)

_MARKERS = ("include_router", ".mount(")
_DEPENDENCY_MARKERS = frozenset({"Depends", "Security"})
_MAX_FILES = 5000
_MAX_HOPS = 8
_MAX_DEPTH = 16
_SKIPPED_DIRECTORIES = frozenset({"__pycache__", "node_modules", "site-packages", "tests", "test"})


@dataclass(frozen=True)
class RouterSettings:
    """What one ``APIRouter(...)``/``FastAPI(...)``/``include_router(...)`` call says.

    ``prefix`` is ``""`` when absent and ``None`` when it is not a string literal.
    ``dependencies`` are the names ``Depends(...)``/``Security(...)`` point at.
    """

    prefix: str | None = ""
    dependencies: tuple[str, ...] = ()
    hidden: bool = False  # include_in_schema=False
    unique_id: bool = False  # generate_unique_id_function=...
    openapi_disabled: bool = False  # FastAPI(openapi_url=None) or ""
    is_app: bool = False


@dataclass(frozen=True)
class Mount:
    """``parent.include_router(child, ...)`` (``kind="include"``) or ``parent.mount(path, child)``."""

    parent: RouterId
    kind: str
    settings: RouterSettings
    module: str
    line: int


@dataclass(frozen=True)
class MountPath:
    """One chain of mounts from a router up to the app (or router) nobody mounts.

    ``dependencies`` and ``hidden``/``unique_id`` gather what every ``include_router`` and
    parent on the chain adds, up to the first app (a mounted sub-app keeps its own settings);
    ``prefixes`` run from the top down (``None`` where a prefix is not a literal).
    """

    dependencies: tuple[str, ...]
    hidden: bool
    unique_id: bool
    openapi_disabled: bool
    reaches_app: bool
    prefixes: tuple[str | None, ...]
    routers: tuple[RouterId, ...]  # the parents on the chain, from the nearest up


@dataclass
class ApplicationIndex:
    """Every mount of the project, by the router mounted; and the settings each parent was built with."""

    mounts: dict[RouterId, list[Mount]] = field(default_factory=dict)
    parents: dict[RouterId, RouterSettings] = field(default_factory=dict)

    def mounts_of(self, router: RouterId) -> list[Mount]:
        """The mounts of ``router`` (empty when nothing mounts it)."""
        return self.mounts.get(router, [])


# --- reading calls ---------------------------------------------------------------------------


def _spelled(expr: ast.expr) -> str | None:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return None


def dependency_names(elements: list[ast.expr]) -> tuple[str, ...]:
    """``[Depends(require_admin), Security(auth.check)]`` → ``("require_admin", "check")``."""
    names = []
    for element in elements:
        if isinstance(element, ast.Call) and _spelled(element.func) in _DEPENDENCY_MARKERS:
            target = element.args[0] if element.args else next(
                (k.value for k in element.keywords if k.arg == "dependency"), None
            )
            name = _spelled(target) if target is not None else None
            if name:
                names.append(name)
    return tuple(names)


def _is_none_or_empty(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Constant) and expr.value in (None, "")


def call_settings(call: ast.Call, is_app: bool = False, prefix_arg: ast.expr | None = None) -> RouterSettings:
    """The settings a call passes as keywords (``prefix_arg``: a positional path, for ``mount``)."""
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    prefix_expr = prefix_arg if prefix_arg is not None else keywords.get("prefix")
    prefix: str | None = ""
    if prefix_expr is not None:
        is_text = isinstance(prefix_expr, ast.Constant) and isinstance(prefix_expr.value, str)
        prefix = str(prefix_expr.value) if isinstance(prefix_expr, ast.Constant) and is_text else None
    dependencies = keywords.get("dependencies")
    schema = keywords.get("include_in_schema")
    openapi = keywords.get("openapi_url")
    return RouterSettings(
        prefix=prefix,
        dependencies=dependency_names(list(dependencies.elts))
        if isinstance(dependencies, (ast.List, ast.Tuple)) else (),
        hidden=isinstance(schema, ast.Constant) and schema.value is False,
        unique_id="generate_unique_id_function" in keywords,
        openapi_disabled=is_app and openapi is not None and _is_none_or_empty(openapi),
        is_app=is_app,
    )


# --- modules on disk -------------------------------------------------------------------------


class _Project:
    """The project's modules by name, parsed lazily with :mod:`ast`."""

    def __init__(self, root: Path, files: dict[str, Path]) -> None:
        self.root = root
        self.files = files
        self._trees: dict[str, ast.Module | None] = {}

    def tree(self, modname: str) -> ast.Module | None:
        if modname not in self._trees:
            path = self.files.get(modname)
            tree: ast.Module | None = None
            if path is not None:
                try:
                    tree = ast.parse(path.read_bytes(), str(path))
                except (OSError, SyntaxError, ValueError, RecursionError):
                    tree = None
            self._trees[modname] = tree
        return self._trees[modname]

    def package_of(self, modname: str) -> str:
        path = self.files.get(modname)
        if path is not None and path.name == "__init__.py":
            return modname
        return modname.rpartition(".")[0]

    def absolute(self, modname: str, node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        package = self.package_of(modname)
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        return f"{package}.{node.module}" if node.module else package

    def binding(self, modname: str, name: str) -> ast.stmt | None:
        """The last top-level statement of ``modname`` that binds ``name`` (assignment or import)."""
        tree = self.tree(modname)
        if tree is None:
            return None
        found: ast.stmt | None = None
        for statement in _top_level(tree.body):
            if name in _bound_names(statement):
                found = statement
        return found

    def resolve(self, modname: str, name: str, hops: int = 0) -> RouterId:
        """Follow ``from x import name`` re-exports to the module that assigns ``name``."""
        statement = self.binding(modname, name)
        if hops < _MAX_HOPS and isinstance(statement, ast.ImportFrom):
            source = self.absolute(modname, statement)
            real = next((a.name for a in statement.names if (a.asname or a.name) == name), name)
            if f"{source}.{real}" in self.files and self.tree(f"{source}.{real}") is not None:
                return (f"{source}.{real}", "")  # a module, not a router
            if source in self.files:
                return self.resolve(source, real, hops + 1)
        return (modname, name)

    def reference(self, modname: str, expr: ast.expr) -> RouterId | None:
        """The router an expression names: ``router``, ``users.router``, ``pkg.users.router``."""
        if isinstance(expr, ast.Name):
            return self.resolve(modname, expr.id)
        if isinstance(expr, ast.Attribute):
            owner = self._module_named(modname, expr.value)
            if owner is not None:
                return self.resolve(owner, expr.attr)
        return None

    def _module_named(self, modname: str, expr: ast.expr) -> str | None:
        if isinstance(expr, ast.Name):
            statement = self.binding(modname, expr.id)
            if isinstance(statement, ast.ImportFrom):
                source = self.absolute(modname, statement)
                real = next((a.name for a in statement.names if (a.asname or a.name) == expr.id), expr.id)
                candidate = f"{source}.{real}"
                return candidate if candidate in self.files else None
            if isinstance(statement, ast.Import):
                for alias in statement.names:
                    if alias.asname == expr.id and alias.name in self.files:
                        return alias.name
            return None
        if isinstance(expr, ast.Attribute):
            dotted = _dotted(expr)
            return dotted if dotted in self.files else None
        return None

    def settings(self, router: RouterId) -> RouterSettings | None:
        """The settings the router was built with: ``name = APIRouter(...)``/``FastAPI(...)``."""
        statement = self.binding(*router)
        value = statement.value if isinstance(statement, (ast.Assign, ast.AnnAssign)) else None
        if not isinstance(value, ast.Call):
            return None
        return call_settings(value, is_app=_spelled(value.func) == "FastAPI")


def _dotted(expr: ast.expr) -> str | None:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        owner = _dotted(expr.value)
        return f"{owner}.{expr.attr}" if owner else None
    return None


def _top_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Module-level statements, looking into ``if``/``try`` blocks (``if settings.DEBUG:``)."""
    for statement in body:
        yield statement
        if isinstance(statement, ast.If):
            yield from _top_level(statement.body)
            yield from _top_level(statement.orelse)
        elif isinstance(statement, ast.Try):
            for block in (statement.body, statement.orelse, statement.finalbody):
                yield from _top_level(block)


def _bound_names(statement: ast.stmt) -> set[str]:
    if isinstance(statement, ast.Assign):
        return {t.id for t in statement.targets if isinstance(t, ast.Name)}
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return {statement.target.id}
    if isinstance(statement, (ast.ImportFrom, ast.Import)):
        return {(a.asname or a.name).split(".")[0] for a in statement.names}
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {statement.name}
    return set()


def _project_files(root: Path) -> dict[str, Path] | None:
    """Every module of the project under ``root`` (test folders and files left out: a test app
    that mounts a router without its guards says nothing about production). ``None`` if huge."""
    found: dict[str, Path] = {}
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(
            d for d in subdirectories if not d.startswith(".") and d not in _SKIPPED_DIRECTORIES
        )
        here = Path(directory)
        relative = here.relative_to(root).parts
        if relative and not (here / "__init__.py").is_file():
            subdirectories[:] = []
            continue
        for name in files:
            if not name.endswith(".py") or name.startswith("test_") or name == "conftest.py":
                continue
            parts = [*relative] if name == "__init__.py" else [*relative, name[:-3]]
            if parts:
                found[".".join(parts)] = here / name
        if len(found) > _MAX_FILES:
            return None
    return found


def file_stamps(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """``(path, mtime_ns, size)`` per file, ``-1`` for a file that cannot be read: what the
    project indexes compare to know a file changed. The size too: two saves within one
    filesystem timestamp tick keep the same mtime."""
    stamps = []
    for path in paths:
        try:
            stat = path.stat()
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((str(path), -1, -1))
    return tuple(stamps)


# --- the index -------------------------------------------------------------------------------


_Function = ast.FunctionDef | ast.AsyncFunctionDef


def _mount_calls(tree: ast.Module) -> Iterator[tuple[ast.Call, _Function | None]]:
    """Every ``x.include_router(...)``/``x.mount(...)`` call, with the function it is in (the
    innermost), if any: an app factory (``def create_app(): app = FastAPI(...)``)."""
    enclosing: dict[int, _Function] = {}
    for node in ast.walk(tree):  # breadth first: inner functions come later and win
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                enclosing[id(inner)] = node
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("include_router", "mount")
        ):
            yield node, enclosing.get(id(node))


def _local_call(function: _Function, name: str) -> ast.Call | None:
    """The call a function-local ``name`` is bound to (``app = FastAPI(...)``), if it is one."""
    found: ast.Call | None = None
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            found = node.value if isinstance(node.value, ast.Call) else None
    return found


def _child_of(call: ast.Call) -> tuple[ast.expr | None, ast.expr | None]:
    """The router or app a mount call mounts, and (for ``mount``) the path it mounts it at."""
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    if call.func.attr == "include_router":  # type: ignore[attr-defined]
        return (call.args[0] if call.args else keywords.get("router")), None
    path = call.args[0] if call.args else keywords.get("path")
    child = call.args[1] if len(call.args) > 1 else keywords.get("app")
    return child, path


def _build(root: Path, files: dict[str, Path]) -> ApplicationIndex:
    project = _Project(root, files)
    index = ApplicationIndex()
    for modname, path in files.items():
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if not any(marker in text for marker in _MARKERS):
            continue
        tree = project.tree(modname)
        if tree is None:
            continue
        for call, function in _mount_calls(tree):
            parent_expr = call.func.value  # type: ignore[attr-defined]
            local = None
            if function is not None and isinstance(parent_expr, ast.Name):
                local = _local_call(function, parent_expr.id)
            if local is not None and function is not None and isinstance(parent_expr, ast.Name):
                parent: RouterId | None = (modname, f"{function.name}.<locals>.{parent_expr.id}")
            else:
                parent = project.reference(modname, parent_expr)
            child_expr, path_expr = _child_of(call)
            child = project.reference(modname, child_expr) if child_expr is not None else None
            if parent is None or child is None or not parent[1] or not child[1]:
                continue
            if local is not None and parent not in index.parents:
                index.parents[parent] = call_settings(local, is_app=_spelled(local.func) == "FastAPI")
            kind = "include" if call.func.attr == "include_router" else "mount"  # type: ignore[attr-defined]
            settings = call_settings(call, prefix_arg=path_expr) if kind == "mount" else call_settings(call)
            if kind == "mount":  # a mount passes a path only: the sub-app keeps its own settings
                settings = RouterSettings(prefix=settings.prefix)
            index.mounts.setdefault(child, []).append(Mount(parent, kind, settings, modname, call.lineno))
            if parent not in index.parents:
                index.parents[parent] = project.settings(parent) or RouterSettings()
    return index


_lock = threading.Lock()
_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], ApplicationIndex]] = {}


def application_index(root: Path | None) -> ApplicationIndex | None:
    """The mounts of the project at ``root``; ``None`` when unknown (no root, a huge tree)."""
    if root is None:
        return None
    try:
        files = _project_files(root)
    except OSError:
        return None
    if files is None:
        return None
    signature = file_stamps(files.values())
    with _lock:
        cached = _cache.get(root)
        if cached is not None and cached[0] == signature:
            return cached[1]
        try:
            index = _build(root, files)
        except (RecursionError, ValueError, OSError):
            return None
        _cache[root] = (signature, index)
        return index


def mount_paths(index: ApplicationIndex, router: RouterId) -> list[MountPath]:
    """Every chain that mounts ``router``, each summarised; ``[]`` when nothing mounts it."""
    found: list[MountPath] = []

    def walk(current: RouterId, chain: list[tuple[Mount, RouterSettings]], seen: set[RouterId]) -> None:
        mounts = index.mounts_of(current)
        if not mounts or len(chain) >= _MAX_DEPTH:
            if chain:
                found.append(_summary(chain))
            return
        for mount in mounts:
            if mount.parent in seen:
                continue
            parent = index.parents.get(mount.parent, RouterSettings())
            walk(mount.parent, [*chain, (mount, parent)], seen | {mount.parent})

    walk(router, [], {router})
    return found


def _summary(chain: list[tuple[Mount, RouterSettings]]) -> MountPath:
    dependencies: list[str] = []
    hidden = unique_id = openapi_disabled = reaches_app = False
    owner_found = False
    prefixes: list[str | None] = []
    for mount, parent in chain:
        prefixes += [mount.settings.prefix, parent.prefix]
        if owner_found:
            continue
        if mount.kind == "include":
            dependencies += mount.settings.dependencies
            hidden = hidden or mount.settings.hidden
            unique_id = unique_id or mount.settings.unique_id
        else:
            owner_found = True  # a mount: the settings above belong to another application
            continue
        dependencies += parent.dependencies
        hidden = hidden or parent.hidden
        unique_id = unique_id or parent.unique_id
        if parent.is_app:
            owner_found = reaches_app = True
            openapi_disabled = parent.openapi_disabled
    return MountPath(
        tuple(dependencies), hidden, unique_id, openapi_disabled, reaches_app,
        tuple(reversed(prefixes)), tuple(mount.parent for mount, _ in chain),
    )
