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

Three more cascades of the same shape are cut the same way (issue 16: on SQLModel/pydantic
code they were what a cold lint spent, not the rules):

* ``AstroidBuilder.delayed_assattr`` infers the object of every ``x.attr = …`` of a built
  module to record the attribute; for ``self`` that asks ``ClassDef.type``, which infers the
  class's bases to tell a metaclass, so building one library module built its ancestors'
  modules. :func:`delayed_assattr` skips it for modules of the standard library and installed
  packages: no rule reads the instance attributes of a library class (they stop at the
  library boundary, :mod:`pixcrawler_lint.analysis.origins`). Project modules keep it.
* the **dataclass** brain infers every class decorator (``is_decorated_with_dataclass``) and
  every annotation of a dataclass (``is_class_var``, ``_is_init_var``,
  ``_is_keyword_only_sentinel``). :func:`is_dataclass_class` says no for library classes and
  reads a project class's decorators from its imports; the annotation tests answer from the
  import for a name imported from a library (``ClassVar`` is ``ClassVar``; ``Mapped`` is not)
  and defer to astroid otherwise.
* the **attrs** brain ``safe_infer``s every class decorator of every built class to compare it
  with ``attr._next_gen``. :func:`is_attrs_class` says no for library classes and for a
  decorator imported from a library other than ``attr``/``attrs``, and defers to astroid for
  the rest.
"""

from __future__ import annotations

import functools
import os
import threading

from collections.abc import Callable

from astroid import MANAGER, nodes
from astroid.brain import brain_attrs, brain_dataclasses, brain_namedtuple_enum, helpers
from astroid.builder import AstroidBuilder
from astroid.exceptions import AstroidSyntaxError

from pixcrawler_lint.analysis.name_definitions import definition_of
from pixcrawler_lint.analysis.origins import (
    LibraryName, every_assigned, import_origin, imported_name, is_library_path, is_library_value, is_missing_module,
    library_name,
    library_root,
)
from pixcrawler_lint.analysis.project_inference import rooted_in_plain_parameter

__all__ = [
    "install", "is_enum_class", "is_dataclass_class", "is_attrs_class", "is_class_var", "is_init_var",
    "is_keyword_only_sentinel", "is_dataclasses_replace", "delayed_assattr", "file_build", "built_from_file",
    "ENUM_BASES",
]

# What the ``enum`` module defines that a class can derive an enum from.
ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"})
_MAX_DEPTH = 16
_ERRORS = (Exception, RecursionError)
_lock = threading.Lock()


def _in_library(node: nodes.NodeNG) -> bool:
    file = getattr(node.root(), "file", None)
    return isinstance(file, str) and _is_library_file(file)


@functools.lru_cache(maxsize=4096)
def _is_library_file(file: str) -> bool:
    return is_library_path(file)


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


# astroid's own functions, kept before :func:`install` replaces them (the fallbacks below).
# pylint: disable=protected-access
_ASTROID_IS_DATACLASS = brain_dataclasses.is_decorated_with_dataclass
_ASTROID_IS_ATTRS = brain_attrs.is_decorated_with_attrs
_ASTROID_IS_CLASS_VAR = helpers.is_class_var
_ASTROID_IS_INIT_VAR = brain_dataclasses._is_init_var
_ASTROID_IS_KW_ONLY = brain_dataclasses._is_keyword_only_sentinel
_ASTROID_DELAYED_ASSATTR = AstroidBuilder.delayed_assattr
# pylint: enable=protected-access
_ATTRS_MODULES = frozenset({"attr", "attrs"})
_DATACLASS_MODULES = brain_dataclasses.DATACLASS_MODULES


def _library_head(annotation: nodes.NodeNG) -> str | None | bool:
    """The last name of the library object an annotation (or its subscripted head) spells;
    ``False`` for a ``|`` union (never a ``ClassVar``/``InitVar``/``KW_ONLY``); ``None`` when
    the annotation is not a library name (astroid decides)."""
    if isinstance(annotation, nodes.BinOp) and annotation.op == "|":
        return False
    head = annotation.value if isinstance(annotation, nodes.Subscript) else annotation
    if not isinstance(head, (nodes.Name, nodes.Attribute)):
        return None
    name = library_name(head)
    return None if name is None else name.last


def _annotation_test(special: str, fallback: Callable[[nodes.NodeNG], bool]) -> Callable[[nodes.NodeNG], bool]:
    def test(annotation: nodes.NodeNG) -> bool:
        try:
            head = _library_head(annotation)
        except _ERRORS:
            head = None
        if head is None:
            return fallback(annotation)
        return head == special

    test.__name__ = f"is_{special.lower()}"
    test.__doc__ = (f"True when the annotation is ``{special}`` (subscripted or not); a name imported from a "
                    "library is judged by its name, without building the library.")
    return test


is_class_var = _annotation_test("ClassVar", _ASTROID_IS_CLASS_VAR)
is_init_var = _annotation_test("InitVar", _ASTROID_IS_INIT_VAR)
is_keyword_only_sentinel = _annotation_test("KW_ONLY", _ASTROID_IS_KW_ONLY)


def _decorator_names(cls: nodes.ClassDef) -> list[tuple[nodes.NodeNG, LibraryName | None]]:
    """Each class decorator with the library name it spells (``None`` when not a library's)."""
    found = []
    for decorator in cls.decorators.nodes:
        target = decorator.func if isinstance(decorator, nodes.Call) else decorator
        try:
            name = library_name(target) if isinstance(target, (nodes.Name, nodes.Attribute)) else None
        except _ERRORS:
            name = None
        found.append((decorator, name))
    return found


def is_dataclass_class(
    node: nodes.ClassDef, decorator_names: frozenset[str] = brain_dataclasses.DATACLASSES_DECORATORS
) -> bool:
    """astroid's ``is_decorated_with_dataclass`` without building libraries: never for a class
    of a library; a decorator imported from a library is a dataclass decorator when its name
    is (``dataclass`` from ``dataclasses``, ``pydantic.dataclasses``, …); other decorators
    are inferred as astroid does."""
    if not (isinstance(node, nodes.ClassDef) and node.decorators) or _in_library(node):
        return False
    for decorator, name in _decorator_names(node):
        if name is None:
            looks_like = brain_dataclasses._looks_like_dataclass_decorator  # pylint: disable=protected-access
            if looks_like(decorator, decorator_names):
                return True
        elif name.last in decorator_names and name.dotted.rpartition(".")[0] in _DATACLASS_MODULES:
            return True
    return False


def is_attrs_class(node: nodes.ClassDef, decorator_names: frozenset[str] = brain_attrs.ATTRS_NAMES) -> bool:
    """astroid's ``is_decorated_with_attrs`` without building libraries: never for a class of
    a library; a decorator imported from a library other than ``attr``/``attrs`` is not one;
    the rest is decided as astroid does."""
    if not node.decorators or _in_library(node):
        return False
    for decorator, name in _decorator_names(node):
        target = decorator.func if isinstance(decorator, nodes.Call) else decorator
        if target.as_string() in decorator_names:
            return True
        if name is not None and name.module.split(".", 1)[0] not in _ATTRS_MODULES:
            continue
        inferred = _safe_infer(target)
        if inferred is not None and inferred.root().name == "attr._next_gen":
            return True
    return False


def _safe_infer(node: nodes.NodeNG) -> nodes.NodeNG | None:
    from astroid.util import safe_infer  # pylint: disable=import-outside-toplevel

    return safe_infer(node)


def _only_binding(expr: nodes.NodeNG) -> nodes.AssignName | None:
    """The one ``AssignName`` a bare name is bound by, if it has exactly one."""
    if not isinstance(expr, nodes.Name):
        return None
    _, bindings = expr.lookup(expr.name)
    return bindings[0] if len(bindings) == 1 and isinstance(bindings[0], nodes.AssignName) else None


def _parameter(expr: nodes.NodeNG) -> tuple[nodes.AssignName, nodes.Arguments, list[nodes.AssignName]] | None:
    """The parameter a bare name is bound to (its only binding), its ``Arguments`` and the
    positional parameters of that signature; ``None`` for anything else."""
    binding = _only_binding(expr)
    arguments = binding.parent if binding is not None else None
    if not isinstance(arguments, nodes.Arguments):
        return None
    return binding, arguments, [*(arguments.posonlyargs or []), *(arguments.args or [])]


_IMPLICIT_CLASSMETHODS = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})
_METACLASS_SUFFIXES = ("Meta", "Metaclass", "MetaClass")


def _self_of_plain_method(expr: nodes.NodeNG) -> nodes.ClassDef | None:
    """The class whose instance ``expr`` is, when it is the ``self`` of an undecorated method
    of a class without ``__slots__`` that is certainly no metaclass (:func:`_metaclass`): then
    astroid's ``delayed_assattr`` records the attribute in that class's ``instance_attrs``,
    after inferring the class's bases to learn that it is not a metaclass."""
    parameter = _parameter(expr)
    if parameter is None:
        return None
    binding, arguments, positional = parameter
    function = arguments.parent
    if not (positional and positional[0] is binding and isinstance(function, nodes.FunctionDef)):
        return None
    cls = function.parent
    if (not isinstance(cls, nodes.ClassDef) or function.name in _IMPLICIT_CLASSMETHODS
            or function.extra_decorators or "__slots__" in cls.locals or cls.name == "type"):
        return None
    if function.decorators and not (expr.name == "self" and _library_method_decorators(function)):
        return None
    return cls if _metaclass(cls, 0) is False else None


def _instance_of_project_class(expr: nodes.NodeNG) -> nodes.ClassDef | None:
    """The class of ``contact`` after ``contact = IndividualContact(...)`` (its only binding),
    or after ``contact = create(...)`` with ``def create(...) -> IndividualContact``
    (:func:`_annotated_return_class`), when that is a project class astroid would instantiate
    plainly: no enum, no metaclass and no ``metaclass=`` of the project's, no ``__slots__``.
    astroid infers the call to learn it, which infers the class's library bases (and builds
    them) to look for a metaclass."""
    binding = _only_binding(expr)
    assign = binding.parent if binding is not None else None
    if not (isinstance(assign, nodes.Assign) and assign.targets == [binding]
            and isinstance(assign.value, nodes.Call) and isinstance(assign.value.func, nodes.Name)):
        return None
    definition = definition_of(assign.value.func)
    cls = definition.value if definition is not None else None
    if isinstance(cls, nodes.FunctionDef):
        cls = _annotated_return_class(cls)
    if not isinstance(cls, nodes.ClassDef) or _in_library(cls) or "__slots__" in cls.locals:
        return None
    if _project_metaclass_keyword(cls, 0) or is_enum_class(cls) or _metaclass(cls, 0) is not False:
        return None
    return cls


def _annotated_return_class(function: nodes.FunctionDef) -> nodes.ClassDef | None:
    """The class a plain project function says it returns (``def create(...) -> Report``: a
    module-level ``def``, undecorated, no generator, ``-> Name``): ``executive_report =
    create(...)`` then ``executive_report.document = …``. astroid infers the body's ``return
    Report(...)``, and with it the model's sqlalchemy bases, to record the same attribute."""
    if (
        isinstance(function, nodes.AsyncFunctionDef) or not isinstance(function.parent, nodes.Module)
        or function.decorators is not None or _in_library(function) or function.is_generator()
        or not isinstance(function.returns, nodes.Name)
    ):
        return None
    definition = definition_of(function.returns)
    return definition.value if definition is not None and isinstance(definition.value, nodes.ClassDef) else None


def _project_metaclass_keyword(cls: nodes.ClassDef, depth: int) -> bool:
    """True when ``cls`` or a project class it derives from says ``metaclass=`` (whose
    ``__call__`` may make anything); True as well when too deep to tell."""
    declared = getattr(cls, "_metaclass", None)  # astroid keeps ``metaclass=`` apart from the keywords
    if depth > _MAX_DEPTH or declared is not None or any(k.arg == "metaclass" for k in cls.keywords or ()):
        return True
    for base in cls.bases:
        found = _base_classes(base, library=False)
        if isinstance(found, list) and any(_project_metaclass_keyword(klass, depth + 1) for klass in found):
            return True
    return False


def _library_method_decorators(function: nodes.FunctionDef) -> bool:
    """True when every decorator of ``function`` is a library's (``@model_validator(...)``,
    ``@cached_property``) whose name says no class or static method: astroid would infer each
    (building the library) to tell; with a first parameter named ``self`` it stays a method."""
    for decorator in function.decorators.nodes:
        target = decorator.func if isinstance(decorator, nodes.Call) else decorator
        name = library_name(target) if isinstance(target, (nodes.Name, nodes.Attribute)) else None
        if name is None:
            if _imported_from_missing_module(target):
                continue  # astroid infers it as Uninferable: the function stays a method
            return False
        last = name.last.lower()
        if "classmethod" in last or "staticmethod" in last:
            return False
    return True


def _imported_from_missing_module(target: nodes.NodeNG) -> bool:
    """``@observes(...)`` after ``from sqlalchemy_utils import observes`` where that library is
    not installed where the linter runs (:func:`~pixcrawler_lint.analysis.origins.is_missing_module`)."""
    while isinstance(target, nodes.Attribute):
        target = target.expr
    if not isinstance(target, nodes.Name):
        return False
    _, bindings = target.lookup(target.name)
    if len(bindings) != 1:
        return False
    imported = imported_name(bindings[0], target.name)
    file = getattr(bindings[0].root(), "file", None)
    return imported is not None and is_missing_module(imported.module, file if isinstance(file, str) else None)


def _metaclass(cls: nodes.ClassDef, depth: int) -> bool | None:
    """Whether a project class is a metaclass, from its bases' imports; ``None`` if unsure.
    A library base is judged by its name (``type``, ``ABCMeta``, ``ModelMetaclass``, …)."""
    cached = cls.__dict__.get("_pxl_metaclass", ...)
    if cached is not ...:
        return cached  # type: ignore[no-any-return]
    verdict: bool | None = False
    if depth > _MAX_DEPTH or cls.name == "type":
        verdict = None if depth > _MAX_DEPTH else True
    for base in cls.bases if verdict is False else ():
        target = base.value if isinstance(base, nodes.Subscript) else base
        name = library_name(target) if isinstance(target, (nodes.Name, nodes.Attribute)) else None
        if name is not None:
            if name.last in {"type", "EnumType"} or name.last.endswith(_METACLASS_SUFFIXES):
                verdict = True
            continue
        if isinstance(target, nodes.Name) and target.name == "type":
            verdict = None  # the builtin, unless rebound: astroid decides
            break
        if isinstance(target, nodes.Name) and _library_made(target):
            continue  # ``Base = declarative_base()``: a class a library made, not a metaclass
        found = _base_classes(target, library=False) if isinstance(target, nodes.Name) else False
        if not isinstance(found, list) or not found:
            verdict = None
            break
        verdicts = {_metaclass(klass, depth + 1) for klass in found}
        if None in verdicts:
            verdict = None
            break
        if True in verdicts:
            verdict = True
    cls._pxl_metaclass = verdict
    return verdict


def _library_made(name: nodes.Name) -> bool:
    """True when every binding of ``name`` in its module is ``name = <call rooted in a library>``
    (``created_at = Column(...)``, ``Base = declarative_base()``), followed through a project
    ``from … import``: astroid would infer the call into the library."""
    _, bindings = name.lookup(name.name)
    if not bindings:
        return False
    for binding in bindings:
        if isinstance(binding, nodes.ImportFrom) and not import_origin(binding, name.name):
            real = next((n for n, alias in binding.names if (alias or n) == name.name), None)
            if real is None or real == "*":
                return False
            module = binding.do_import_module(binding.modname)
            targets = [t for t in module.locals.get(real, []) if isinstance(t, nodes.AssignName)]
            if not targets or len(targets) != len(module.locals.get(real, [])):
                return False
            if not all(_assigned_library_call(t) for t in targets):
                return False
            continue
        if not (isinstance(binding, nodes.AssignName) and _assigned_library_call(binding)):
            return False
    return True


def _assigned_library_call(target: nodes.AssignName) -> bool:
    assign = target.parent
    return (isinstance(assign, nodes.Assign) and assign.targets == [target] and isinstance(assign.value, nodes.Call)
            and library_root(assign.value) is not None)


def delayed_assattr(self: AstroidBuilder, node: nodes.AssignAttr) -> None:
    """astroid's ``delayed_assattr``, skipped for modules of libraries (module docstring) and
    for an attribute set on a library's object or on one astroid cannot infer (rooted in a
    parameter that is no ``self``/``cls`` and has no default, ``request.state.x = …``); for
    ``self.x = …`` in a plain method the attribute is recorded as astroid would
    (:func:`_self_of_plain_method`), without inferring the class's library bases."""
    try:
        if _in_library(node) or is_library_value(node.expr) or rooted_in_plain_parameter(node.expr):
            # ``previous.default = False`` after ``previous = session.query(...).one()`` and
            # ``session = object_session(target)``, or ``session = request.state.db``: astroid
            # would compute the function's type (inferring ``@router.get(...)``) or build the
            # library, to learn nothing a rule reads.
            return
        if isinstance(node.expr, nodes.Name) and _library_made(node.expr):
            return  # an instance of a library class: no rule reads its attributes
        cls = _self_of_plain_method(node.expr) or _instance_of_project_class(node.expr)
    except _ERRORS:
        cls = None
    if cls is None:
        _ASTROID_DELAYED_ASSATTR(self, node)
        return
    values = cls.instance_attrs.setdefault(node.attrname, [])
    if node not in values:
        values.append(node)


_ASTROID_FILE_BUILD = AstroidBuilder.file_build
# (path, module name, mtime, size) of a file that did not parse → the error astroid raised.
_unbuildable: dict[tuple[str, str | None, int, int], AstroidSyntaxError] = {}


def file_build(self: AstroidBuilder, path: str, modname: str | None = None) -> nodes.Module:
    """astroid's ``file_build``, remembering a file that does not parse. astroid caches only the
    modules it built, so every import of a broken module read and parsed it again: 104 times
    in one cold lint of fullstack's ``users.py``, whose ``deps.py`` uses syntax newer than the
    interpreter. The file's size and modification time are part of the key (an editor's save
    builds it afresh)."""
    try:
        stat = os.stat(path)
    except OSError:
        return _ASTROID_FILE_BUILD(self, path, modname)
    key = (os.path.abspath(path), modname, stat.st_mtime_ns, stat.st_size)
    failed = _unbuildable.get(key)
    if failed is not None:
        raise AstroidSyntaxError(failed.message, failed.modname, failed.error, failed.path, failed.source)
    try:
        module = _ASTROID_FILE_BUILD(self, path, modname)
    except AstroidSyntaxError as error:
        _unbuildable[key] = error
        raise
    setattr(module, _READ_AS, (key[0], stat.st_mtime_ns, stat.st_size))
    return module


# The attribute where file_build notes which file, as of which mtime and size, a module was
# built from: a front end about to lint a file it has just read from disk takes that module
# instead of building the file a second time (:func:`pixcrawler_lint.modules.build_module`).
# On the module itself, so that a module astroid drops from its cache is not kept alive.
_READ_AS = "_pixcrawler_lint_read_as"


def built_from_file(module: nodes.Module, path: str) -> bool:
    """Whether ``module`` is what :func:`file_build` made of the file at ``path`` as it is now."""
    read_as = getattr(module, _READ_AS, None)
    if read_as is None or read_as[0] != os.path.abspath(path):
        return False
    try:
        stat = os.stat(path)
    except OSError:
        return False
    return bool((stat.st_mtime_ns, stat.st_size) == read_as[1:])


def _swap_predicate(transform: object, old: object, new: object) -> None:
    registered = MANAGER._transform.transforms[nodes.ClassDef]  # pylint: disable=protected-access
    # in place: the transforms of a node run in registration order
    for index, entry in enumerate(registered):
        if entry == (transform, old):
            registered[index] = (transform, new)


def _swap_call_predicate(old: object, new: object) -> None:
    """Replace the predicate ``old`` of a ``Call`` transform (an inference tip, made when the
    brain registered it, so found by its predicate alone)."""
    registered = MANAGER._transform.transforms[nodes.Call]  # pylint: disable=protected-access
    for index, (transform, predicate) in enumerate(registered):
        if predicate is old:
            registered[index] = (transform, new)


_ASTROID_IS_DATACLASSES_REPLACE: Callable[[nodes.Call], bool] | None = getattr(
    brain_dataclasses, "_looks_like_dataclasses_replace", None
)
# values that are never a module (``"a-b".replace(...)``, ``f"{x}".replace(...)``)
_NEVER_A_MODULE = (nodes.Const, nodes.JoinedStr, nodes.BinOp, nodes.List, nodes.Tuple, nodes.Dict, nodes.Set)


def _assigned_no_module(target: nodes.NodeNG) -> bool:
    """A name every assignment of which is a literal, arithmetic or a library's value
    (``start = datetime.now() - delta`` before ``start.replace(...)``)."""
    return isinstance(target, nodes.Name) and every_assigned(
        target, lambda value: isinstance(value, _NEVER_A_MODULE) or is_library_value(value)
    )


def is_dataclasses_replace(node: nodes.Call) -> bool:
    """astroid's test for a call of ``dataclasses.replace`` (whose inference tip it installs),
    answered from the import where it can: astroid infers the receiver of every ``.replace(...)``
    call to find out (``name.replace("-", "_")``, ``datetime.now().replace(...)``), on every
    module it builds, a library's too. A receiver that a library made, a parameter astroid
    cannot infer, a literal or a library's code: not ``dataclasses``; the rest as astroid
    decides."""
    func = node.func
    try:
        if isinstance(func, nodes.Attribute) and func.attrname == "replace":
            spelled = library_name(func.expr)
            if spelled is not None:
                return spelled.dotted == "dataclasses"
            target = func.expr
            if isinstance(target, _NEVER_A_MODULE) or _in_library(node) or is_library_value(target) \
                    or rooted_in_plain_parameter(target) or _assigned_no_module(target):
                return False
        elif isinstance(func, nodes.Name) and func.name == "replace":
            spelled = library_name(func)
            if spelled is not None:
                return spelled.dotted == "dataclasses.replace"
            if _in_library(node):
                return False
        else:
            return False
    except _ERRORS:
        pass
    return _ASTROID_IS_DATACLASSES_REPLACE is not None and bool(_ASTROID_IS_DATACLASSES_REPLACE(node))


def _predicates_registered() -> bool:
    registered = MANAGER._transform.transforms[nodes.ClassDef]  # pylint: disable=protected-access
    return (brain_namedtuple_enum.infer_enum_class, is_enum_class) in registered


def install() -> None:
    """Make this process build libraries lazily (idempotent): :func:`is_enum_class`,
    :func:`is_dataclass_class` and :func:`is_attrs_class` as the brains' predicates, the
    annotation tests of the dataclass and attrs brains, and :func:`delayed_assattr`.

    ``astroid.MANAGER.clear_cache()`` registers the brains' transforms afresh, with astroid's
    own predicates: the predicates are swapped again whenever they are missing, so a run that
    switches project roots (and clears the cache) keeps building libraries lazily."""
    with _lock:
        if _predicates_registered():
            return
        # pylint: disable=protected-access
        _swap_predicate(brain_namedtuple_enum.infer_enum_class, brain_namedtuple_enum._is_enum_subclass,
                        is_enum_class)
        _swap_predicate(brain_dataclasses.dataclass_transform, _ASTROID_IS_DATACLASS, is_dataclass_class)
        _swap_predicate(brain_attrs.attr_attributes_transform, _ASTROID_IS_ATTRS, is_attrs_class)
        if _ASTROID_IS_DATACLASSES_REPLACE is not None:
            _swap_call_predicate(_ASTROID_IS_DATACLASSES_REPLACE, is_dataclasses_replace)
        # the transforms call these through their modules' globals (the field-call predicate too)
        brain_dataclasses.is_decorated_with_dataclass = is_dataclass_class
        brain_dataclasses.is_class_var = is_class_var
        brain_dataclasses._is_init_var = is_init_var
        brain_dataclasses._is_keyword_only_sentinel = is_keyword_only_sentinel
        brain_attrs.is_decorated_with_attrs = is_attrs_class
        brain_attrs.is_class_var = is_class_var
        AstroidBuilder.delayed_assattr = delayed_assattr
        AstroidBuilder.file_build = file_build
        # pylint: enable=protected-access
