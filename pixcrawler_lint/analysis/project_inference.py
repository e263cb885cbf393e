"""Inference for rules that look for project objects, stopping at the library boundary.

:func:`infer_project` is :func:`~pixcrawler_lint.analysis.inference.infer_one` for callers
that want a service class, a repository, a model instance or a project function: it answers
``None`` at once for an expression whose value a library makes (see
:mod:`pixcrawler_lint.analysis.origins`), which astroid could only infer by building that
library, and which is never what those callers look for.
"""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.inference import infer_one
from pixcrawler_lint.analysis.name_definitions import definition_of
from pixcrawler_lint.analysis.origins import (
    every_assigned,
    is_library_value,
    library_name,
    library_root,
    parameter_binding,
    root_name,
)

__all__ = ["infer_project", "is_library_made", "library_member", "rooted_in_plain_parameter"]


def library_member(func: nodes.Attribute) -> bool:
    """``Schema.model_validate`` / ``Project.id`` read on a project class, where the attribute
    is the library's: no project class of the MRO defines it (a library base does), or the
    class body assigns it from a library call (``id: Mapped[int] = mapped_column(...)``)."""
    definition = definition_of(func.expr)
    if definition is None or not isinstance(definition.value, nodes.ClassDef):
        return False
    pending, seen, library_base = [definition.value], set(), False
    while pending:
        klass = pending.pop()
        if id(klass) in seen:
            continue
        seen.add(id(klass))
        if func.attrname in klass.locals:
            definitions = klass.locals[func.attrname]
            return all(
                isinstance(d, nodes.AssignName)
                and isinstance(d.parent, (nodes.Assign, nodes.AnnAssign))
                and d.parent.value is not None
                and library_root(d.parent.value) is not None
                for d in definitions
            )
        for base in klass.bases:
            target = base.value if isinstance(base, nodes.Subscript) else base
            if library_name(target) is not None:
                library_base = True
                continue
            found = definition_of(target)
            if found is None or not isinstance(found.value, nodes.ClassDef):
                return False
            pending.append(found.value)
    return library_base


def infer_project(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """:func:`infer_one` for callers that look for project objects (a service class, a model
    instance, a project function): ``None`` at once for a library's value, so that inference
    does not walk into (and build) the library. See :mod:`pixcrawler_lint.analysis.origins`."""
    if is_library_made(node) or rooted_in_plain_parameter(node):
        return None
    return infer_one(node)


def is_library_made(expr: nodes.NodeNG) -> bool:
    """:func:`~pixcrawler_lint.analysis.origins.is_library_value`, plus values made by a
    library member of a project class (:func:`library_member`): ``Schema.model_validate(x)``,
    ``listed`` after ``listed = Schema.model_validate(x)``, ``Project.id.desc()``."""
    return is_library_value(expr, member=library_member)


_MAX_ASSIGNMENT_DEPTH = 4


def rooted_in_plain_parameter(node: nodes.NodeNG, depth: int = 0) -> bool:
    """``service.create(...)`` where ``service`` is only a parameter (not a method's
    ``self``/``cls``) that has no default, or whose default a library makes
    (``session: AsyncSession = Depends(get_session)``). astroid infers such a parameter as
    unknown, or from that default, but only after inferring the function's decorators
    (``@router.post(...)`` builds fastapi) to tell methods apart. So is a name whose every
    binding assigns such a value (``item = session.get(Item, id)``): astroid infers it from
    those values."""
    root = root_name(node)
    if root is None:
        return False
    found = parameter_binding(root)
    if found is None:
        return depth < _MAX_ASSIGNMENT_DEPTH and _assigned_plain_parameter_values(root, depth + 1)
    parameter, arguments, positional = found
    default: nodes.NodeNG | None
    if parameter in positional:
        index = positional.index(parameter)
        if index == 0 and isinstance(arguments.parent.parent, nodes.ClassDef):
            return False  # self / cls
        defaults = list(arguments.defaults or [])
        offset = index - (len(positional) - len(defaults))
        default = defaults[offset] if offset >= 0 else None
    elif parameter in (arguments.kwonlyargs or []):
        index = arguments.kwonlyargs.index(parameter)
        kw_defaults = list(arguments.kw_defaults or [])
        default = kw_defaults[index] if index < len(kw_defaults) else None
    else:
        return False
    return default is None or is_library_made(default)


def _assigned_plain_parameter_values(name: nodes.Name, depth: int) -> bool:
    # unsure (a binding of another kind): False, and inference decides
    return every_assigned(name, lambda value: is_library_made(value) or rooted_in_plain_parameter(value, depth))
