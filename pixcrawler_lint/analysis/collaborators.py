"""Collaborators (SPEC "collaborator"): objects whose class is known from DI typing.

A collaborator is a parameter annotated with a class (``repo: ProjectRepository``,
``Optional[X]``, ``X | None``, ``Annotated[X, Depends(...)]`` or a named alias of those such as
``service: ProjectServiceDep`` imported from a types module), ``self.x`` assigned from such a
parameter (or annotated ``self.x: X = ...``, or a class-level ``x: X``), or a local assigned
from a constructor call. Every function here answers ``None`` when it cannot be sure, and
never raises.

Public API (stable, other rule families depend on it):

- :func:`annotation_class` — the class an annotation names (``element=True``: the element class
  of ``list[X]``/``Sequence[X]``/…, for iteration).
- :func:`collaborator_class` — the class of an expression such as ``self.repository``.
- :func:`lookup_member` — a class attribute through the MRO (incl. generic bases).
- :func:`annotated_return` — the class named by a method's return annotation, TypeVars of
  generic bases (``BaseRepository[Project]``) substituted.
- :func:`method_return_class` — ``annotated_return`` of ``receiver.method``.
- :func:`is_project_class` — defined in the linted project (not stdlib / site-packages).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from astroid import nodes

from pixcrawler_lint.analysis.classes import (
    ancestor_classes,
    open_library_bases,
    project_ancestors,
    syntactic_base_name,
)
from pixcrawler_lint.analysis.inference import infer_one
from pixcrawler_lint.analysis.origins import (
    LibraryModule,
    import_origin,
    is_library_path,
    library_class,
    library_name,
    parameter_binding,
)
from pixcrawler_lint.analysis.project_inference import infer_project

if TYPE_CHECKING:
    from pixcrawler_lint.context import ModuleContext

__all__ = [
    "annotation_class",
    "collaborator_class",
    "instance_attribute_class",
    "self_class",
    "lookup_member",
    "Member",
    "annotated_return",
    "method_return_class",
    "is_project_class",
    "is_project_module",
    "mro",
    "visible_mro",
]

_MAX_DEPTH = 12
_OPTIONAL = frozenset({"Optional"})
_UNION = frozenset({"Union"})
_ANNOTATED = frozenset({"Annotated"})
_WRAPPERS = frozenset({"Final", "ClassVar", "Required", "NotRequired", "ReadOnly"})
# Containers whose first type argument is what iterating them yields.
_ITERABLES = frozenset({
    "list", "List", "set", "Set", "frozenset", "FrozenSet", "AbstractSet", "MutableSet",
    "Sequence", "MutableSequence", "Iterable", "Iterator", "Collection", "Reversible",
    "AsyncIterable", "AsyncIterator", "Generator", "AsyncGenerator", "tuple", "Tuple", "deque", "Deque",
})
# Annotations that say "anything": not a class whose members are known.
_UNKNOWN_TYPES = frozenset({"typing.Any", "typing_extensions.Any", "_typeshed.Incomplete"})
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_ERRORS = (Exception, RecursionError)


def is_project_module(module: nodes.Module) -> bool:
    """True when ``module`` belongs to the linted project, not the stdlib or an installed package."""
    if not isinstance(module, nodes.Module) or isinstance(module, LibraryModule):
        return False
    if not module.pure_python or module.name == "builtins":
        return False
    file = module.file
    if not file:
        return True  # built from a string (editor buffer, tests)
    return not is_library_path(file)


def is_project_class(cls: nodes.ClassDef | nodes.FunctionDef) -> bool:
    """True when ``cls`` (or a function) is written in the linted project, not in the stdlib or
    an installed package. Signatures of library code are full of overloads and decorators;
    rules that check calls only trust project code.
    """
    try:
        return is_project_module(cls.root())
    except _ERRORS:
        return False


def mro(cls: nodes.ClassDef) -> list[nodes.ClassDef]:
    """``cls`` and its ancestors in method resolution order (astroid's MRO, else ancestors)."""
    try:
        return list(cls.mro())
    except _ERRORS:
        return [cls, *ancestor_classes(cls)]


def visible_mro(cls: nodes.ClassDef) -> list[nodes.ClassDef]:
    """:func:`mro`, or only ``cls`` and its project ancestors when a library base other than
    ``Generic``/``Protocol``/``ABC`` is involved: members a library class adds
    (``model_dump`` of a pydantic model) are not looked up, and the library is not built."""
    ancestors = project_ancestors(cls)
    if open_library_bases(cls, ancestors):
        return [cls, *ancestors]
    return mro(cls)


# --------------------------------------------------------------------------- annotations


def _string_annotation(const: nodes.Const) -> nodes.NodeNG | None:
    """``"ProjectRepository"`` → a ``Name`` looked up from where the string is written."""
    text = const.value.strip() if isinstance(const.value, str) else ""
    if not _IDENTIFIER.match(text):
        return None
    head, *rest = text.split(".")
    expr: nodes.NodeNG = nodes.Name(
        name=head, lineno=const.lineno, col_offset=const.col_offset, parent=const.parent,
        end_lineno=const.end_lineno, end_col_offset=const.end_col_offset,
    )
    for attr in rest:
        attribute = nodes.Attribute(
            attrname=attr, lineno=const.lineno, col_offset=const.col_offset, parent=const.parent,
            end_lineno=const.end_lineno, end_col_offset=const.end_col_offset,
        )
        attribute.postinit(expr)
        expr.parent = attribute
        expr = attribute
    return expr


def _is_none(node: nodes.NodeNG) -> bool:
    return (isinstance(node, nodes.Const) and node.value is None) or (
        isinstance(node, nodes.Name) and node.name == "NoneType"
    )


def _union_members(node: nodes.NodeNG) -> list[nodes.NodeNG]:
    if isinstance(node, nodes.BinOp) and node.op == "|":
        return [*_union_members(node.left), *_union_members(node.right)]
    return [node]


def _subscript_args(node: nodes.Subscript) -> list[nodes.NodeNG]:
    if isinstance(node.slice, nodes.Tuple):
        return list(node.slice.elts)
    return [node.slice]


def _definitions(name: str, scope: nodes.NodeNG, depth: int) -> list[nodes.NodeNG] | None:
    """The statements binding ``name`` as seen from ``scope`` (imports followed)."""
    try:
        _, assignments = scope.lookup(name)
    except _ERRORS:
        return None
    found: list[nodes.NodeNG] = []
    for assignment in assignments:
        if isinstance(assignment, nodes.ImportFrom):
            followed = _follow_import(assignment, name, depth)
            if followed is None:
                return None
            found.extend(followed)
        else:
            found.append(assignment)
    return found


def _follow_import(statement: nodes.ImportFrom, asname: str, depth: int) -> list[nodes.NodeNG] | None:
    if depth > _MAX_DEPTH:
        return None
    imported = import_origin(statement, asname)
    if imported is not None:
        return [library_class(imported)]  # the library boundary: named, not built
    try:
        real = statement.real_name(asname)
        module = statement.do_import_module(statement.modname)
        return _definitions(real, module, depth + 1) if real in module.locals else None
    except _ERRORS:
        return None


def _alias_value(definition: nodes.NodeNG) -> nodes.NodeNG | None:
    """``Alias = <expr>`` / ``Alias: TypeAlias = <expr>`` / ``type Alias = <expr>`` → ``<expr>``."""
    parent = definition.parent
    if isinstance(definition, nodes.AssignName):
        if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 and parent.targets[0] is definition:
            return parent.value
        if isinstance(parent, nodes.AnnAssign) and parent.value is not None:
            if syntactic_base_name(parent.annotation) == "TypeAlias":
                return parent.value
        type_alias = getattr(nodes, "TypeAlias", None)
        if type_alias is not None and isinstance(parent, type_alias):
            return parent.value
    return None


def _name_annotation_class(node: nodes.Name | nodes.Attribute, element: bool, depth: int) -> nodes.ClassDef | None:
    if isinstance(node, nodes.Name):
        definitions = _definitions(node.name, node, depth)
        if definitions is not None and len(definitions) == 1:
            definition = definitions[0]
            if isinstance(definition, nodes.ClassDef):
                return None if element else definition
            value = _alias_value(definition)
            if value is not None:
                return _annotation_class(value, element, depth + 1)
            if isinstance(definition, nodes.AssignName):
                return None  # a variable, a TypeVar, … — not a class we can name
    if element:
        return None
    imported = library_name(node)
    if imported is not None:
        return library_class(imported) if imported.path else None
    value = infer_project(node)
    return value if isinstance(value, nodes.ClassDef) else None


def _annotation_class(annotation: nodes.NodeNG | None, element: bool, depth: int) -> nodes.ClassDef | None:
    if annotation is None or depth > _MAX_DEPTH:
        return None
    if isinstance(annotation, nodes.Const) and isinstance(annotation.value, str):
        return _annotation_class(_string_annotation(annotation), element, depth + 1)
    if isinstance(annotation, nodes.BinOp):
        members = [m for m in _union_members(annotation) if not _is_none(m)]
        return _annotation_class(members[0], element, depth + 1) if len(members) == 1 else None
    if isinstance(annotation, nodes.Subscript):
        kind = syntactic_base_name(annotation.value)
        args = _subscript_args(annotation)
        if kind in _OPTIONAL and len(args) == 1:
            return _annotation_class(args[0], element, depth + 1)
        if kind in _UNION:
            members = [m for m in args if not _is_none(m)]
            return _annotation_class(members[0], element, depth + 1) if len(members) == 1 else None
        if kind in _ANNOTATED or kind in _WRAPPERS:
            return _annotation_class(args[0], element, depth + 1)
        if element:
            if kind not in _ITERABLES:
                return None
            if kind in ("tuple", "Tuple") and not (
                len(args) == 2 and isinstance(args[1], nodes.Const) and args[1].value is Ellipsis
            ):
                return None
            return _annotation_class(args[0], False, depth + 1)
        return _annotation_class(annotation.value, False, depth + 1)
    if isinstance(annotation, (nodes.Name, nodes.Attribute)):
        return _name_annotation_class(annotation, element, depth)
    return None


def annotation_class(annotation: nodes.NodeNG | None, *, element: bool = False) -> nodes.ClassDef | None:
    """The class an annotation names, or ``None`` when it is not one certain class.

    Unwraps ``Optional[X]``, ``X | None``, ``Union[X, None]``, ``Annotated[X, ...]``, string
    forward references and named aliases (``ProjectServiceDep = Annotated[ProjectService,
    Depends(...)]``, followed through imports). ``list[X]`` names ``list``; with
    ``element=True`` it names ``X`` (what iterating yields) for ``list``/``Sequence``/``set``/
    ``Iterable``/``tuple[X, ...]``/… and ``None`` for anything that is not such a container.
    """
    try:
        resolved = _annotation_class(annotation, element, 0)
    except _ERRORS:
        return None
    if resolved is not None and resolved.qname() in _UNKNOWN_TYPES:
        return None
    return resolved


# --------------------------------------------------------------------------- collaborators


@dataclass
class _Memo:
    """Per-module memo: each class attribute is resolved once."""

    attributes: dict[tuple[int, str], nodes.ClassDef | None]
    active: set[tuple[int, str]]


def _memo(ctx: ModuleContext | None) -> _Memo:
    if ctx is None:
        return _Memo({}, set())
    return ctx.cached("collaborators.memo", lambda: _Memo({}, set()))


def _parameter_annotation(arguments: nodes.Arguments, name: str) -> tuple[bool, nodes.NodeNG | None]:
    """(is a named parameter, its annotation); ``*args``/``**kwargs`` are not resolvable."""
    groups = (
        (arguments.posonlyargs or [], arguments.posonlyargs_annotations or []),
        (arguments.args or [], arguments.annotations or []),
        (arguments.kwonlyargs or [], arguments.kwonlyargs_annotations or []),
    )
    for params, param_annotations in groups:
        for index, param in enumerate(params):
            if param.name == name:
                return True, param_annotations[index] if index < len(param_annotations) else None
    return False, None


def _assignment_class(target: nodes.NodeNG, memo: _Memo, depth: int) -> nodes.ClassDef | None:
    """The class of the value bound by one assignment target (a parameter, ``x = X()``, ``x: X``)."""
    parent = target.parent
    if isinstance(parent, nodes.Arguments):
        is_param, annotation = _parameter_annotation(parent, getattr(target, "name", ""))
        return annotation_class(annotation) if is_param else None
    if isinstance(parent, nodes.AnnAssign) and parent.target is target:
        return annotation_class(parent.annotation)
    if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 and parent.targets[0] is target:
        return _value_class(parent.value, memo, depth + 1)
    return None


def _value_class(value: nodes.NodeNG, memo: _Memo, depth: int) -> nodes.ClassDef | None:
    """The class of an assigned value: a constructor call, or another collaborator."""
    if isinstance(value, nodes.Call):
        imported = library_name(value.func)
        if imported is not None:
            return library_class(imported) if imported.path else None
        callee = infer_project(value.func)
        return callee if isinstance(callee, nodes.ClassDef) else None
    if isinstance(value, (nodes.Name, nodes.Attribute)):
        return _expression_class(value, memo, depth + 1)
    return None


def _agreeing(classes: list[nodes.ClassDef | None]) -> nodes.ClassDef | None:
    """The most derived class when every candidate is known and they form one chain, else ``None``."""
    if not classes or any(c is None for c in classes):
        return None
    known: list[nodes.ClassDef] = [c for c in classes if c is not None]
    if all(c is known[0] for c in known):
        return known[0]  # one class: no MRO to compute (it may lead into a library)
    for candidate in known:
        lineage = mro(candidate)
        if all(other in lineage for other in known):
            return candidate
    return None


def self_class(name: nodes.Name) -> nodes.ClassDef | None:
    """The class whose instance ``name`` is, when it is the first parameter of a plain method."""
    found = parameter_binding(name)
    if found is None:
        return None
    parameter, arguments, positional = found
    function = arguments.parent
    if not positional or positional[0] is not parameter:
        return None
    if not isinstance(function, nodes.FunctionDef) or not isinstance(function.parent, nodes.ClassDef):
        return None
    try:
        if function.type != "method":
            return None
    except _ERRORS:
        return None
    return function.parent


def _attribute_candidates(cls: nodes.ClassDef, attr: str, memo: _Memo, depth: int) -> list[nodes.ClassDef | None]:
    candidates: list[nodes.ClassDef | None] = []
    for klass in visible_mro(cls):
        for definition in klass.locals.get(attr, []):
            parent = definition.parent
            if isinstance(parent, nodes.AnnAssign) and parent.target is definition:
                candidates.append(annotation_class(parent.annotation))
            else:
                candidates.append(None)  # a method, property or class-level value: not an instance collaborator
        for definition in klass.instance_attrs.get(attr, []):
            parent = definition.parent
            if isinstance(parent, nodes.AnnAssign) and parent.target is definition:
                candidates.append(annotation_class(parent.annotation))
            elif isinstance(parent, nodes.Assign) and len(parent.targets) == 1 and parent.targets[0] is definition:
                candidates.append(_value_class(parent.value, memo, depth + 1))
            else:
                candidates.append(None)
    return candidates


def instance_attribute_class(cls: nodes.ClassDef, attr: str, ctx: ModuleContext | None = None) -> nodes.ClassDef | None:
    """The class of ``self.<attr>`` on instances of ``cls``, from every assignment in its MRO.

    Each assignment must be known (``self.x = param`` with an annotated parameter,
    ``self.x: X = ...``, ``self.x = X(...)``, a class-level ``x: X``) and all must agree.
    """
    try:
        return _instance_attribute(cls, attr, _memo(ctx), 0)
    except _ERRORS:
        return None


def _expression_class(expr: nodes.NodeNG, memo: _Memo, depth: int) -> nodes.ClassDef | None:
    if depth > _MAX_DEPTH:
        return None
    if isinstance(expr, nodes.Name):
        if self_class(expr) is not None:
            return None  # `self` is the class under analysis, not a collaborator
        try:
            _, assignments = expr.lookup(expr.name)
        except _ERRORS:
            return None
        return _agreeing([_assignment_class(target, memo, depth) for target in assignments])
    if isinstance(expr, nodes.Attribute):
        owner: nodes.ClassDef | None
        if isinstance(expr.expr, nodes.Name) and self_class(expr.expr) is not None:
            owner = self_class(expr.expr)
        else:
            owner = _expression_class(expr.expr, memo, depth + 1)
        if owner is None:
            return None
        return _instance_attribute(owner, expr.attrname, memo, depth + 1)
    return None


def _instance_attribute(cls: nodes.ClassDef, attr: str, memo: _Memo, depth: int) -> nodes.ClassDef | None:
    key = (id(cls), attr)
    if key in memo.attributes:
        return memo.attributes[key]
    if key in memo.active or depth > _MAX_DEPTH:
        return None
    memo.active.add(key)
    try:
        result = _agreeing(_attribute_candidates(cls, attr, memo, depth))
    except _ERRORS:
        result = None
    finally:
        memo.active.discard(key)
    memo.attributes[key] = result
    return result


def collaborator_class(expr: nodes.NodeNG, ctx: ModuleContext | None = None) -> nodes.ClassDef | None:
    """The class of the object ``expr`` denotes, known from DI typing, or ``None``.

    ``service`` (a parameter typed ``ProjectServiceDep``), ``self.repository`` (assigned from
    an annotated ``__init__`` parameter), ``repo`` (``repo = ProjectRepository(session)``),
    ``self.service.repository`` (chained). ``self`` itself is not a collaborator.
    """
    try:
        return _expression_class(expr, _memo(ctx), 0)
    except _ERRORS:
        return None


# --------------------------------------------------------------------------- members


@dataclass(frozen=True)
class Member:
    """The result of looking an attribute up on instances of a class."""

    found: bool  # the class (with bases) certainly defines it
    definitions: tuple[nodes.NodeNG, ...]  # where, in the first class of the MRO that has it
    owner: nodes.ClassDef | None  # that class

    @property
    def function(self) -> nodes.FunctionDef | None:
        """The method, when the attribute is exactly one ``def``."""
        if len(self.definitions) == 1 and isinstance(self.definitions[0], nodes.FunctionDef):
            return self.definitions[0]
        return None


def _members_in(klass: nodes.ClassDef, name: str) -> Iterator[nodes.NodeNG]:
    yield from klass.locals.get(name, [])
    yield from klass.instance_attrs.get(name, [])


def lookup_member(cls: nodes.ClassDef, name: str) -> Member:
    """``name`` on instances of ``cls``, through the MRO (generic bases such as
    ``BaseRepository[Project]`` included). Instance attributes (``self.name = ...``) count."""
    try:
        for klass in visible_mro(cls):
            definitions = tuple(_members_in(klass, name))
            if definitions:
                return Member(True, definitions, klass)
    except _ERRORS:
        pass
    return Member(False, (), None)


# --------------------------------------------------------------------------- return annotations


def _generic_parameters(cls: nodes.ClassDef) -> list[str]:
    """TypeVar names of ``class C(Generic[T, U])`` / ``Protocol[T]`` / ``Base[T]`` in order."""
    for base in cls.bases:
        if isinstance(base, nodes.Subscript) and syntactic_base_name(base.value) in ("Generic", "Protocol"):
            return [arg.name if isinstance(arg, nodes.Name) else "" for arg in _subscript_args(base)]
    for base in cls.bases:
        if isinstance(base, nodes.Subscript):
            return [arg.name for arg in _subscript_args(base) if isinstance(arg, nodes.Name) and _is_typevar(arg)]
    return []


def _is_typevar(name: nodes.Name) -> bool:
    definitions = _definitions(name.name, name, 0)
    if not definitions or len(definitions) != 1:
        return False
    value = _alias_value(definitions[0])
    return isinstance(value, nodes.Call) and syntactic_base_name(value.func) == "TypeVar"


def _substitute_typevar(typevar: nodes.Name, owner: nodes.ClassDef, cls: nodes.ClassDef) -> nodes.NodeNG | None:
    """The argument ``cls`` gives ``owner``'s type parameter ``typevar`` (``BaseRepository[Project]``)."""
    parameters = _generic_parameters(owner)
    if typevar.name not in parameters:
        return None
    index = parameters.index(typevar.name)
    for klass in mro(cls):
        for base in klass.bases:
            if not isinstance(base, nodes.Subscript) or library_name(base.value) is not None:
                continue
            if infer_one(base.value) is not owner:
                continue
            args = _subscript_args(base)
            if index < len(args):
                argument = args[index]
                if isinstance(argument, nodes.Name) and _is_typevar(argument) and klass is not cls:
                    return _substitute_typevar(argument, klass, cls)
                return argument
    return None


def _with_typevars(
    annotation: nodes.NodeNG, owner: nodes.ClassDef, cls: nodes.ClassDef, element: bool
) -> nodes.ClassDef | None:
    """``annotation_class`` where a TypeVar of ``owner`` (bare, in ``T | None``, ``list[T]``) is
    replaced by what ``cls``'s generic base passes for it."""
    node: Any = annotation
    if isinstance(node, nodes.BinOp):
        members = [m for m in _union_members(node) if not _is_none(m)]
        if len(members) != 1:
            return None
        node = members[0]
    if isinstance(node, nodes.Subscript):
        kind = syntactic_base_name(node.value)
        args = _subscript_args(node)
        if kind in _OPTIONAL and len(args) == 1:
            return _with_typevars(args[0], owner, cls, element)
        if element and kind in _ITERABLES and args:
            return _with_typevars(args[0], owner, cls, False)
    if isinstance(node, nodes.Name) and _is_typevar(node):
        argument = _substitute_typevar(node, owner, cls)
        return annotation_class(argument) if argument is not None and not element else None
    return annotation_class(annotation, element=element)


def annotated_return(
    method: nodes.FunctionDef, cls: nodes.ClassDef | None = None, *, element: bool = False
) -> nodes.ClassDef | None:
    """The class named by ``method``'s return annotation (the awaited value for ``async def``).

    ``X | None`` and ``Optional[X]`` name ``X``; with ``element=True``, ``list[X]``/
    ``Sequence[X]``/… name ``X`` (what a ``for`` loop over the result yields). When ``cls``
    (the receiver's class) is given, a TypeVar of a generic base is substituted:
    ``get_by_id(...) -> ModelT | None`` on a ``BaseRepository[Project]`` names ``Project``.
    """
    try:
        annotation = method.returns
        if annotation is None:
            return None
        owner = method.parent if isinstance(method.parent, nodes.ClassDef) else None
        if cls is not None and owner is not None:
            return _with_typevars(annotation, owner, cls, element)
        return annotation_class(annotation, element=element)
    except _ERRORS:
        return None


def method_return_class(
    receiver: nodes.NodeNG, method_name: str, ctx: ModuleContext | None = None, *, element: bool = False
) -> nodes.ClassDef | None:
    """The annotated return class of ``receiver.method_name(...)`` when ``receiver`` is a
    collaborator: ``self.repository.recent(...)`` with ``recent(...) -> list[ActivityLog]``
    names ``ActivityLog`` when ``element=True``."""
    cls = collaborator_class(receiver, ctx)
    if cls is None:
        return None
    function = lookup_member(cls, method_name).function
    if function is None:
        return None
    return annotated_return(function, cls, element=element)
