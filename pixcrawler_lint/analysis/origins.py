"""Where a name comes from, decided from import statements alone: the library boundary.

The rules judge project code. What they need to know about installed libraries and the
standard library is a name — ``fastapi.APIRouter``, ``sqlalchemy.ext.asyncio.AsyncSession``,
``fastapi.BackgroundTasks`` — and that name is written in the project's own ``import``
statements. Following it into the library instead makes astroid build the library module,
and astroid's brain transforms then build most of what that module imports: reaching
``fastapi.routing`` costs about three seconds of CPU, ~85 % of a cold single-file lint.

So resolution stops at the boundary. :func:`library_name` says which library name an
expression spells, without building anything (the module is only *located*, as Python's
import system would, to tell a library from the project). :func:`library_class` turns such a
name into a :class:`LibraryClass`: a childless ``ClassDef`` standing for it, so that
resolution code written for classes (``resolved.name in session_types``) keeps working and
nothing treats it as project code. The decision depends only on the project's source and on
where modules are installed, never on what astroid has already built, so every front end
(pylint builds the libraries anyway; flake8 and the CLI do not) reaches the same verdict.
"""

from __future__ import annotations

import functools
import sysconfig
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from astroid import MANAGER, nodes

__all__ = [
    "LibraryName", "LibraryClass", "LibraryModule", "import_origin", "imported_name", "library_name", "library_root",
    "library_class",
    "is_library_module", "is_missing_module", "is_library_path", "is_library_value", "root_name", "assigned_values",
    "every_assigned",
    "parameter_binding",
]

_ERRORS = (Exception, RecursionError)
MemberTest = Callable[[nodes.Attribute], bool]


def _library_roots() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    roots = {paths.get(key) for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    return tuple(str(Path(p).resolve()) for p in roots if p)


_LIBRARY_ROOTS = _library_roots()


@functools.lru_cache(maxsize=65536)
def is_library_path(file: str) -> bool:
    """True when ``file`` lies in the standard library or an installed package's directory
    (remembered per path: asked ~100,000 times in one check of a 655-file project, and each
    answer resolves the path)."""
    try:
        resolved = str(Path(file).resolve())
    except (OSError, ValueError):
        return False
    return any(resolved == root or resolved.startswith(root + "/") for root in _LIBRARY_ROOTS)


def is_library_module(modname: str, context_file: str | None = None) -> bool:
    """True when the absolute module ``modname`` certainly is a library module: found, and
    either built into the interpreter or installed under a library root. Only locates it."""
    try:
        spec = MANAGER.file_from_module_name(modname, context_file)
    except _ERRORS:
        return _absent_library(modname, context_file)
    location = spec.location
    if location is None:
        return spec.type is not None and spec.type.name == "C_BUILTIN"
    return is_library_path(location)


# Libraries the rules reason about: absent where the linter runs, they are libraries all the same.
KNOWN_LIBRARIES = frozenset({
    "fastapi", "starlette", "sqlalchemy", "pydantic", "pydantic_settings", "sqlmodel", "typing_extensions",
})


def _absent_library(modname: str, context_file: str | None) -> bool:
    """A module of :data:`KNOWN_LIBRARIES` that is not installed where the linter runs
    (``fastapi`` in a bare pre-commit environment) is a library all the same, unless it names a
    package of the project: so the verdict does not depend on which of them happen to be
    installed. Any other module that is not found stays unknown. A missing submodule of a
    package that is found is decided by that package."""
    top = modname.split(".", 1)[0]
    if top != modname:
        try:
            spec = MANAGER.file_from_module_name(top, context_file)
        except _ERRORS:
            spec = None
        if spec is not None:
            return spec.location is not None and is_library_path(spec.location)
    if top not in KNOWN_LIBRARIES:
        return False
    # Late import: modules builds astroid modules and imports nothing of the analysis.
    from pixcrawler_lint.modules import import_root_prefix  # pylint: disable=import-outside-toplevel

    return context_file is None or import_root_prefix(top, context_file) is None


def is_missing_module(modname: str, context_file: str | None = None) -> bool:
    """True when the absolute module ``modname`` is nowhere to be found: not installed (a
    library the linter's environment lacks, ``sqlalchemy_utils``), not in the project, not under
    one of its import roots. astroid infers every name imported from it as ``Uninferable``."""
    top = modname.split(".", 1)[0]
    try:
        MANAGER.file_from_module_name(top, context_file)
    except _ERRORS:
        # Late import: modules builds astroid modules and imports nothing of the analysis.
        from pixcrawler_lint.modules import import_root_prefix  # pylint: disable=import-outside-toplevel

        return context_file is not None and import_root_prefix(top, context_file) is None
    return False


@dataclass(frozen=True)
class LibraryName:
    """A dotted name imported from a library: ``module`` as imported, ``path`` inside it.

    ``from fastapi import APIRouter`` gives ``LibraryName("fastapi", "APIRouter")``;
    ``import sqlalchemy as sa`` then ``sa.orm.Session`` gives ``LibraryName("sqlalchemy",
    "orm.Session")``.
    """

    module: str
    path: str = ""

    @property
    def dotted(self) -> str:
        """``fastapi.APIRouter``."""
        return f"{self.module}.{self.path}" if self.path else self.module

    @property
    def last(self) -> str:
        """The last component: the name the object is usually known by (``APIRouter``)."""
        return self.dotted.rsplit(".", 1)[-1]


def _context_file(node: nodes.NodeNG) -> str | None:
    file = getattr(node.root(), "file", None)
    return file if isinstance(file, str) else None


def imported_name(binding: nodes.NodeNG, local: str) -> LibraryName | None:
    """The absolute name an ``import``/``from … import`` statement binds to ``local``, whatever
    the module is (``None`` for a relative or star import, or another kind of binding)."""
    if isinstance(binding, nodes.ImportFrom):
        if binding.level:  # relative: inside the importing package
            return None
        real = next((name for name, alias in binding.names if (alias or name) == local), None)
        return None if real is None or real == "*" else LibraryName(binding.modname, real)
    if isinstance(binding, nodes.Import):
        for name, alias in binding.names:
            if alias == local:
                return LibraryName(name)
            if alias is None and name.split(".", 1)[0] == local:
                return LibraryName(local)  # ``import a.b`` binds ``a``
    return None


def import_origin(binding: nodes.NodeNG, local: str) -> LibraryName | None:
    """The library name an ``import``/``from … import`` statement binds to ``local``, if any."""
    found = imported_name(binding, local)
    return found if found is not None and is_library_module(found.module, _context_file(binding)) else None


def library_name(expr: nodes.NodeNG) -> LibraryName | None:
    """The library name ``expr`` spells (``APIRouter``, ``fastapi.APIRouter``, ``sa.orm.Session``)
    when its first name is bound, in every path, by one import from a library; else ``None``."""
    try:
        if isinstance(expr, nodes.Attribute):
            owner = library_name(expr.expr)
            if owner is None:
                return None
            return LibraryName(owner.module, f"{owner.path}.{expr.attrname}" if owner.path else expr.attrname)
        if isinstance(expr, nodes.Name):
            _, bindings = expr.lookup(expr.name)
            if len(bindings) != 1:
                return None
            return import_origin(bindings[0], expr.name)
    except _ERRORS:
        return None
    return None


class LibraryModule(nodes.Module):  # type: ignore[misc]  # astroid is untyped here
    """The module of a :class:`LibraryClass`: named, never built."""


class LibraryClass(nodes.ClassDef):  # type: ignore[misc]  # astroid is untyped here
    """A library object known only by the name it is imported under; its module is not built.

    It has no bases and no members, and its module is a :class:`LibraryModule`, which never
    counts as the project's: rules that trust only project classes ignore it, and rules that
    compare names (``AsyncSession`` in ``session-types``) read :attr:`name`.
    """


_STUBS: dict[LibraryName, LibraryClass] = {}


def library_class(name: LibraryName) -> LibraryClass:
    """The :class:`LibraryClass` standing for ``name`` (one object per name, so identity holds)."""
    stub = _STUBS.get(name)
    if stub is None:
        module_name, _, class_name = name.dotted.rpartition(".")
        module = LibraryModule(module_name or name.module, pure_python=False)
        module.postinit(body=[], doc_node=None)
        stub = LibraryClass(class_name, 0, 0, module, end_lineno=0, end_col_offset=0)
        stub.postinit(bases=[], body=[], decorators=None)
        module.body.append(stub)
        module.locals[class_name] = [stub]
        _STUBS[name] = stub
    return stub


def library_root(expr: nodes.NodeNG) -> LibraryName | None:
    """The library name at the root of a chain of calls, attributes, subscripts and awaits:
    ``select(Project).where(...)`` and ``hashlib.sha256(data).hexdigest()`` are rooted in the
    libraries; ``self.repository.get_by_id(1)`` is not."""
    root = root_name(expr)
    return library_name(root) if root is not None else None


def root_name(expr: nodes.NodeNG) -> nodes.Name | None:
    """The name a chain of calls, attributes, subscripts and awaits starts from."""
    node = expr
    for _ in range(64):
        if isinstance(node, nodes.Call):
            node = node.func
        elif isinstance(node, nodes.Attribute):
            node = node.expr
        elif isinstance(node, (nodes.Subscript, nodes.Await)):
            node = node.value
        else:
            break
    return node if isinstance(node, nodes.Name) else None


def assigned_values(bindings: list[nodes.NodeNG] | tuple[nodes.NodeNG, ...]) -> list[nodes.NodeNG] | None:
    """The right-hand sides of plain ``x = value`` / ``x: T = value`` bindings (and the context
    manager of ``with value as x``); ``None`` if any binding is of another kind (a parameter,
    a loop target, an import, a ``def``)."""
    values: list[nodes.NodeNG] = []
    for binding in bindings:
        parent = binding.parent
        if isinstance(binding, nodes.AssignName) and isinstance(parent, nodes.Assign) and parent.targets == [binding]:
            values.append(parent.value)
        elif isinstance(binding, nodes.AssignName) and isinstance(parent, nodes.AnnAssign) and parent.value is not None:
            values.append(parent.value)
        elif isinstance(binding, nodes.AssignName) and isinstance(parent, nodes.With):
            # ``with X() as x`` / ``async with X() as x``: what ``x`` is comes from ``X()``
            manager = next((item for item, target in parent.items if target is binding), None)
            if manager is None:
                return None
            values.append(manager)
        else:
            return None
    return values or None


def every_assigned(name: nodes.Name, test: Callable[[nodes.NodeNG], bool]) -> bool:
    """True when every binding of ``name`` is a plain assignment (:func:`assigned_values`)
    whose value passes ``test``; False when a binding is of another kind or cannot be looked up."""
    try:
        _, bindings = name.lookup(name.name)
    except _ERRORS:
        return False
    values = assigned_values(bindings)
    return values is not None and all(test(value) for value in values)


_MAX_IMPORT_HOPS = 4


def _bound_values(bindings: list[nodes.NodeNG] | tuple[nodes.NodeNG, ...], name: str) -> list[nodes.NodeNG] | None:
    """:func:`assigned_values`, following ``from project.module import name`` (and re-exports)
    to the module-level assignments of ``name`` there."""
    for _ in range(_MAX_IMPORT_HOPS):
        if len(bindings) != 1 or not isinstance(bindings[0], nodes.ImportFrom):
            return assigned_values(bindings)
        binding = bindings[0]
        real = next((real for real, alias in binding.names if (alias or real) == name), None)
        if real is None or real == "*":
            return None
        module = binding.do_import_module(binding.modname)
        bindings, name = module.locals.get(real, []), real
    return None


def _library_valued(expr: nodes.NodeNG, seen: frozenset[str], depth: int, member: MemberTest | None) -> bool:
    root = root_name(expr)
    if root is None or depth > 8:
        return False
    if library_name(root) is not None:
        return True
    key = f"{root.root().name}:{root.name}"
    if key in seen:
        return True  # ``query = query.where(...)``: as library-made as the other assignments
    if member is not None and isinstance(root.parent, nodes.Attribute) and member(root.parent):
        return True
    try:
        _, bindings = root.lookup(root.name)
        # ``assoc_table.join(...)`` after ``from .models import assoc_table``, where
        # ``assoc_table = Table(...)``: inference would build sqlalchemy to say so
        values = _bound_values(bindings, root.name)
    except _ERRORS:
        return False
    inner = seen | {key}
    return values is not None and all(_library_valued(value, inner, depth + 1, member) for value in values)


def is_library_value(expr: nodes.NodeNG, member: MemberTest | None = None) -> bool:
    """True when ``expr`` certainly evaluates to something a library made: it is rooted in a
    library name (:func:`library_root`), or in a variable every assignment of which is
    (``engine = create_async_engine(...)`` then ``engine.dispose()``; ``query = select(X)``
    then ``query = query.where(...)``). ``member`` extends the roots with ``Owner.attr``
    reads it accepts (:func:`~pixcrawler_lint.analysis.project_inference.library_member`:
    a library's member of a project class). Rules that look for project objects (services,
    repositories, models) skip such expressions instead of letting inference walk through
    the library."""
    try:
        return _library_valued(expr, frozenset(), 0, member)
    except _ERRORS:
        return False


def parameter_binding(name: nodes.Name) -> tuple[nodes.AssignName, nodes.Arguments, list[nodes.AssignName]] | None:
    """When ``name``'s only binding is a parameter: (that parameter, the ``Arguments`` node,
    the positional parameters in order)."""
    try:
        _, bindings = name.lookup(name.name)
    except _ERRORS:
        return None
    if len(bindings) != 1 or not isinstance(bindings[0].parent, nodes.Arguments):
        return None
    arguments = bindings[0].parent
    return bindings[0], arguments, [*(arguments.posonlyargs or []), *(arguments.args or [])]
