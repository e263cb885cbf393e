"""Engine front ends only (CLI, flake8, :mod:`pixcrawler_lint.engine`): build libraries lazily.

astroid's enum brain registers a transform on every ``ClassDef`` whose predicate is
``cls.is_subtype_of("enum.Enum")``. The predicate runs while a module is being built, and it
infers every base of every class, so building one project module builds the modules of all
its classes' ancestors, and each of those builds does the same: building the reference
backend's schemas builds most of pydantic, its models most of sqlalchemy. That cascade is
~80 % of what a cold single-file lint spends (``benchmarks/RESULTS.md``).

:func:`install` swaps the predicate for :func:`is_enum_class`, which answers the same question
from the class's own module and the project's: a base imported from the ``enum`` module is an
enum base, a base defined in the same module or imported from a project module is followed,
and a base imported from any other library module is taken as "not an enum" without building
that module. The one difference from astroid: a library class whose enum base comes from
*another* library module (or a sibling module of its own package) is not given the enum
transform. No rule looks at enum members of library classes, and every fixture and the
legacy example are checked to give the same findings under pylint, which keeps astroid's
predicate: the pylint plugin never calls :func:`install`, because the manager there is
pylint's, shared with its other checkers.
"""

from __future__ import annotations

import threading

from astroid import MANAGER, nodes
from astroid.brain import brain_namedtuple_enum

from pixcrawler_lint.analysis.origins import import_origin, is_library_path

__all__ = ["install", "is_enum_class", "ENUM_BASES"]

# What the ``enum`` module defines that a class can derive an enum from.
ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"})
_MAX_DEPTH = 16
_ERRORS = (Exception, RecursionError)
_lock = threading.Lock()
_installed = False


def _in_library(node: nodes.NodeNG) -> bool:
    file = getattr(node.root(), "file", None)
    return isinstance(file, str) and is_library_path(file)


def _base_classes(base: nodes.NodeNG, library: bool) -> list[nodes.ClassDef] | bool:
    """The classes a base expression names, or ``True``/``False`` when decided by its import."""
    target = base.value if isinstance(base, nodes.Subscript) else base
    if isinstance(target, nodes.Attribute) and isinstance(target.expr, nodes.Name):
        if target.expr.name == "enum" and _binding_is_enum_module(target.expr):
            return target.attrname in ENUM_BASES
        return False
    if not isinstance(target, nodes.Name):
        return False
    _, bindings = target.lookup(target.name)
    classes: list[nodes.ClassDef] = []
    for binding in bindings:
        if isinstance(binding, nodes.ClassDef):
            classes.append(binding)
        elif isinstance(binding, nodes.ImportFrom):
            if binding.modname == "enum" and not binding.level:
                real = next((n for n, alias in binding.names if (alias or n) == target.name), "")
                if real in ENUM_BASES:
                    return True
                continue
            if library or binding.level and _in_library(binding) or import_origin(binding, target.name):
                continue  # another library: not built (see the module docstring)
            real = next((n for n, alias in binding.names if (alias or n) == target.name), None)
            if real is None or real == "*":
                continue
            module = binding.do_import_module(binding.modname)
            classes.extend(c for c in module.locals.get(real, []) if isinstance(c, nodes.ClassDef))
    return classes


def _binding_is_enum_module(name: nodes.Name) -> bool:
    _, bindings = name.lookup(name.name)
    return any(
        isinstance(b, nodes.Import) and any(real == "enum" and alias in (None, "enum") for real, alias in b.names)
        for b in bindings
    )


def _is_enum(cls: nodes.ClassDef, seen: set[int], depth: int) -> bool:
    if cls.qname() == "enum.Enum":
        return True
    if depth > _MAX_DEPTH or id(cls) in seen:
        return False
    seen.add(id(cls))
    library = _in_library(cls)
    for base in cls.bases:
        found = _base_classes(base, library)
        if found is True:
            return True
        if isinstance(found, list) and any(_is_enum(klass, seen, depth + 1) for klass in found):
            return True
    return False


def is_enum_class(cls: nodes.ClassDef) -> bool:
    """True when ``cls`` derives from ``enum.Enum``, judged without building other libraries."""
    try:
        return _is_enum(cls, set(), 0)
    except _ERRORS:
        return False


def install() -> None:
    """Use :func:`is_enum_class` as the enum transform's predicate in this process (idempotent)."""
    global _installed
    with _lock:
        if _installed:
            return
        # pylint: disable-next=protected-access
        transform, predicate = brain_namedtuple_enum.infer_enum_class, brain_namedtuple_enum._is_enum_subclass
        registered = MANAGER._transform.transforms[nodes.ClassDef]  # pylint: disable=protected-access
        # in place: the transforms of a node run in registration order
        for index, entry in enumerate(registered):
            if entry == (transform, predicate):
                registered[index] = (transform, is_enum_class)
        _installed = True
