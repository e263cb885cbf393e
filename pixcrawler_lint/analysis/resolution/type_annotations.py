"""The class an annotation names: ``Optional[X]``, ``X | None``, ``Annotated[X, Depends(...)]``,
string forward references and named aliases (``ProjectServiceDep``) followed through imports.

Public: :func:`annotation_class`; the small syntax helpers the other resolvers share
(:func:`subscript_args`, :func:`union_members`, :func:`is_none`, :func:`definitions`,
:func:`alias_value`) and the container-name sets.
"""

from __future__ import annotations

import re

from astroid import nodes

from pixcrawler_lint.analysis.classes import syntactic_base_name
from pixcrawler_lint.analysis.origins import import_origin, library_class, library_name
from pixcrawler_lint.analysis.project_inference import infer_project
from pixcrawler_lint.analysis.resolution.guards import ERRORS as _ERRORS
from pixcrawler_lint.analysis.resolution.guards import MAX_DEPTH as _MAX_DEPTH

__all__ = [
    "ITERABLES",
    "OPTIONAL",
    "alias_value",
    "annotation_class",
    "definitions",
    "is_none",
    "subscript_args",
    "union_members",
]

OPTIONAL = frozenset({"Optional"})
_UNION = frozenset({"Union"})
_ANNOTATED = frozenset({"Annotated"})
_WRAPPERS = frozenset({"Final", "ClassVar", "Required", "NotRequired", "ReadOnly"})
# Containers whose first type argument is what iterating them yields.
ITERABLES = frozenset({
    "list", "List", "set", "Set", "frozenset", "FrozenSet", "AbstractSet", "MutableSet",
    "Sequence", "MutableSequence", "Iterable", "Iterator", "Collection", "Reversible",
    "AsyncIterable", "AsyncIterator", "Generator", "AsyncGenerator", "tuple", "Tuple", "deque", "Deque",
})
# Annotations that say "anything": not a class whose members are known.
_UNKNOWN_TYPES = frozenset({"typing.Any", "typing_extensions.Any", "_typeshed.Incomplete"})
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


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


def is_none(node: nodes.NodeNG) -> bool:
    """True for ``None`` / ``NoneType`` in an annotation."""
    return (isinstance(node, nodes.Const) and node.value is None) or (
        isinstance(node, nodes.Name) and node.name == "NoneType"
    )


def union_members(node: nodes.NodeNG) -> list[nodes.NodeNG]:
    """The members of ``A | B | C``."""
    if isinstance(node, nodes.BinOp) and node.op == "|":
        return [*union_members(node.left), *union_members(node.right)]
    return [node]


def subscript_args(node: nodes.Subscript) -> list[nodes.NodeNG]:
    """The type arguments of ``X[A, B]``."""
    if isinstance(node.slice, nodes.Tuple):
        return list(node.slice.elts)
    return [node.slice]


def definitions(name: str, scope: nodes.NodeNG, depth: int) -> list[nodes.NodeNG] | None:
    """The statements binding ``name`` as seen from ``scope`` (project imports followed)."""
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
        return definitions(real, module, depth + 1) if real in module.locals else None
    except _ERRORS:
        return None


def alias_value(definition: nodes.NodeNG) -> nodes.NodeNG | None:
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
        found = definitions(node.name, node, depth)
        if found is not None and len(found) == 1:
            definition = found[0]
            if isinstance(definition, nodes.ClassDef):
                return None if element else definition
            value = alias_value(definition)
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
        members = [m for m in union_members(annotation) if not is_none(m)]
        return _annotation_class(members[0], element, depth + 1) if len(members) == 1 else None
    if isinstance(annotation, nodes.Subscript):
        kind = syntactic_base_name(annotation.value)
        args = subscript_args(annotation)
        if kind in OPTIONAL and len(args) == 1:
            return _annotation_class(args[0], element, depth + 1)
        if kind in _UNION:
            members = [m for m in args if not is_none(m)]
            return _annotation_class(members[0], element, depth + 1) if len(members) == 1 else None
        if kind in _ANNOTATED or kind in _WRAPPERS:
            return _annotation_class(args[0], element, depth + 1)
        if element:
            if kind not in ITERABLES:
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
