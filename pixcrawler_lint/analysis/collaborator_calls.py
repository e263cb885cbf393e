"""Calls on collaborators, checked once per module and shared by PXL401–PXL404.

Each call gets at most one verdict, the most specific one: a repository ``create()`` with a
positional argument is PXL401, a broken ``update(instance, **updates)`` is PXL402, an id given
to ``delete(instance)`` is PXL406, a method the class does not define is PXL403, any other
binding failure is PXL404 (which also judges the module-level functions of the services and
repositories layers: ``crud.create_item(session=s, item_in=x)``). A call is only judged when
the collaborator's class, its bases and the method (or the function) are all known and trusted.
"""

from __future__ import annotations

import difflib
import keyword
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from astroid import nodes

from pixcrawler_lint.analysis.classes import ancestor_names, has_unknown_bases, open_library_bases, syntactic_base_name
from pixcrawler_lint.analysis.collaborators import (
    collaborator_class,
    is_project_class,
    lookup_member,
    mro,
    self_class,
)
from pixcrawler_lint.analysis.inference import infer_one
from pixcrawler_lint.analysis.origins import library_name
from pixcrawler_lint.analysis.project_inference import infer_project
from pixcrawler_lint.analysis.resolution.accessors import is_accessor
from pixcrawler_lint.analysis.resolution.bindings import parameter_annotation
from pixcrawler_lint.analysis.resolution.module_functions import is_layer_function, module_function
from pixcrawler_lint.analysis.signatures import (
    CallShape,
    Mismatch,
    MismatchKind,
    Signature,
    bind,
    first_problem,
    signature_of,
)
from pixcrawler_lint.context import ModuleContext

__all__ = ["CallVerdict", "collaborator_call_verdicts", "verdicts_for"]

# Classes whose attributes are made up at run time.
_DYNAMIC_BASES = frozenset({
    "Mock", "MagicMock", "AsyncMock", "NonCallableMock", "NonCallableMagicMock", "PropertyMock",
    "TypedDict", "NamedTuple",
})
_DYNAMIC_HOOKS = ("__getattr__", "__getattribute__")
# Class decorators that add no ordinary methods.
_SAFE_CLASS_DECORATORS = frozenset({"dataclass", "final", "total_ordering", "runtime_checkable", "unique"})
# Callables that call their argument later with the arguments that follow it.
_HANDOFF_FUNCTIONS = {
    "asyncio.threads.to_thread": "asyncio.to_thread",
    "starlette.concurrency.run_in_threadpool": "run_in_threadpool",
}
# The same callables as imported: ``from fastapi.concurrency import run_in_threadpool``.
_HANDOFF_IMPORTS = {
    **_HANDOFF_FUNCTIONS,
    "asyncio.to_thread": "asyncio.to_thread",
    "fastapi.concurrency.run_in_threadpool": "run_in_threadpool",
}
_ID_SUFFIXES = ("_id", "_uuid", "_pk")
_ID_NAMES = frozenset({"id", "pk", "uuid"})
# Annotations under which a parameter may be given an id.
_ID_TYPES = frozenset({"int", "str", "UUID"})


@dataclass(frozen=True)
class CallVerdict:
    """One call that certainly fails, with the code of the rule that reports it and its message args."""

    code: str
    node: nodes.Call
    args: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def _is_trusted_class(cls: nodes.ClassDef, ctx: ModuleContext) -> bool:
    """A project class whose members are all visible: known bases, no ``__getattr__``, no mocks.

    Memoised per module: the same collaborator class is asked about at every call.
    """
    memo: dict[int, tuple[nodes.ClassDef, bool]] = ctx.cached("collaborator_calls.trusted", dict)
    known = memo.get(id(cls))
    if known is None or known[0] is not cls:
        known = (cls, _members_are_visible(cls))
        memo[id(cls)] = known
    return known[1]


def _members_are_visible(cls: nodes.ClassDef) -> bool:
    if not is_project_class(cls) or open_library_bases(cls):
        return False  # members inherited from a library are not judged (and not built)
    if has_unknown_bases(cls):
        return False
    if ancestor_names(cls) & _DYNAMIC_BASES or cls.name in _DYNAMIC_BASES:
        return False
    for klass in mro(cls):
        if klass.root().name == "builtins":
            continue
        if any(hook in klass.locals for hook in _DYNAMIC_HOOKS):
            return False
        decorators = klass.decorators.nodes if klass.decorators else []
        for decorator in decorators:
            target = decorator.func if isinstance(decorator, nodes.Call) else decorator
            if syntactic_base_name(target) not in _SAFE_CLASS_DECORATORS:
                return False
    return True


def _public_methods(cls: nodes.ClassDef) -> list[str]:
    names: list[str] = []
    for klass in mro(cls):
        if klass.root().name == "builtins":
            continue
        for name, definitions in klass.locals.items():
            if name.startswith("_") or name in names:
                continue
            if any(isinstance(d, nodes.FunctionDef) and not is_accessor(d) for d in definitions):
                names.append(name)  # a @property is not a method to suggest calling
    return names


def closest_method(name: str, candidates: list[str]) -> str | None:
    """The method meant by ``name``: one that extends it (``get`` → ``get_by_id``, shortest
    first), else the most similar spelling."""
    extending = sorted((c for c in candidates if c.startswith(name + "_")), key=lambda c: (len(c), c))
    if extending:
        return extending[0]
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def _is_repository(cls: nodes.ClassDef, ctx: ModuleContext) -> bool:
    """The base repository, a subclass of it, or a ``*Repository`` class (in any layer: a call that
    breaks the house signature fails either way; this only picks the more telling code)."""
    base = ctx.config.base_repository
    return cls.name == base or cls.name.endswith("Repository") or base in ancestor_names(cls)


def _is_id_name(name: str | None) -> bool:
    return name is not None and (name in _ID_NAMES or name.endswith(_ID_SUFFIXES))


def _looks_like_id(expr: nodes.NodeNG) -> bool:
    if isinstance(expr, nodes.Const):
        return isinstance(expr.value, (int, str)) and not isinstance(expr.value, bool)
    return _is_id_name(syntactic_base_name(expr) if isinstance(expr, (nodes.Name, nodes.Attribute)) else None)


def _is_house_create(signature: Signature) -> bool:
    return not signature.positional and signature.var_positional is None and signature.var_keyword is not None


def _takes_one_instance(signature: Signature) -> bool:
    """One required positional parameter that is not named like an id, and no ``*args``."""
    positional = signature.positional
    return (
        len(positional) == 1
        and not positional[0].has_default
        and not _is_id_name(positional[0].name)
        and signature.var_positional is None
    )


def _is_house_update(signature: Signature) -> bool:
    """``update(self, instance, **updates)`` — not an override such as ``update(self, project_id, **changes)``."""
    return _takes_one_instance(signature) and signature.var_keyword is not None


def _is_house_delete(signature: Signature, function: nodes.FunctionDef) -> bool:
    """``delete(self, instance)`` — not an override such as ``delete(self, project_id)``, nor one
    whose parameter is annotated to take an id (``delete(self, target: int | Project)``)."""
    return _takes_one_instance(signature) and not _annotated_as_id(function, signature.positional[0].name)


def _annotated_as_id(function: nodes.FunctionDef, parameter: str) -> bool:
    _, annotation = parameter_annotation(function.args, parameter)
    if annotation is None:
        return False
    spelled = {syntactic_base_name(n) for n in annotation.nodes_of_class((nodes.Name, nodes.Attribute))}
    if isinstance(annotation, nodes.Const) and isinstance(annotation.value, str):
        spelled |= set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", annotation.value))
    return bool(spelled & _ID_TYPES)


def _receiver_source(call: nodes.Call) -> str:
    func = call.func
    return func.expr.as_string() if isinstance(func, nodes.Attribute) else "repository"


def _as_keywords(expr: nodes.NodeNG) -> str | None:
    """``{"name": x, "size": 2}`` → ``name=x, size=2``: a dict literal whose keys are all
    identifier strings, spelled as the keyword arguments it stands for."""
    if not isinstance(expr, nodes.Dict) or not expr.items:
        return None
    parts = []
    for key, value in expr.items:
        if not (isinstance(key, nodes.Const) and isinstance(key.value, str) and key.value.isidentifier()):
            return None
        if keyword.iskeyword(key.value):
            return None
        parts.append(f"{key.value}={value.as_string()}")
    return ", ".join(parts)


def _create_verdict(call: nodes.Call) -> CallVerdict | None:
    explicit = [arg for arg in call.args or [] if not isinstance(arg, nodes.Starred)]
    if not explicit:
        return None
    if len(explicit) == 1:
        keywords = _as_keywords(explicit[0])
        suggestion = f"create({keywords})" if keywords else f"create(**{explicit[0].as_string()})"
    else:
        suggestion = "create(field=value, ...)"
    return CallVerdict("PXL401", call, {"suggestion": suggestion})


def _update_verdict(call: nodes.Call, mismatches: list[Mismatch]) -> CallVerdict | None:
    args = [arg for arg in call.args or [] if not isinstance(arg, nodes.Starred)]
    receiver = _receiver_source(call)
    first = args[0].as_string() if args else None
    rest = args[1].as_string() if len(args) > 1 else None
    spread = next((k.value.as_string() for k in call.keywords or [] if k.arg is None), None)
    updates = f"**{rest}" if rest else f"**{spread}" if spread else "**updates"
    if first is not None and _looks_like_id(args[0]):
        problem = f"{first} is an id, not the instance to change"
        suggestion = f"instance = await {receiver}.get_by_id({first}), then update(instance, {updates})"
    elif any(m.kind is MismatchKind.MISSING for m in mismatches) and not args:
        problem = "no instance is passed, only keywords"
        suggestion = (
            f"load it first (e.g. instance = await {receiver}.get_by_id(...)), "
            "then update(instance, field=value, ...)"
        )
    elif any(m.kind is MismatchKind.TOO_MANY_POSITIONAL for m in mismatches) and first is not None and rest is not None:
        problem = f"{rest} is passed positionally"
        suggestion = f"update({first}, {updates})"
    else:
        return None
    return CallVerdict("PXL402", call, {"problem": problem, "suggestion": suggestion})


def _delete_verdict(call: nodes.Call, cls: nodes.ClassDef, signature: Signature, is_async: bool) -> CallVerdict | None:
    """``repo.delete(project_id)`` / ``delete(job.id)`` / ``delete(3)`` where ``delete`` takes the instance."""
    parameter = signature.positional[0].name
    args = [arg for arg in call.args or [] if not isinstance(arg, nodes.Starred)]
    given = args[0] if args else next((k.value for k in call.keywords or [] if k.arg == parameter), None)
    if given is None or not _looks_like_id(given):
        return None
    receiver = _receiver_source(call)
    loader = next((name for name in ("get_by_id", "get") if lookup_member(cls, name).function is not None), None)
    awaiting = "await " if is_async else ""
    spelled = given.as_string()
    load = f"{awaiting}{receiver}.{loader}({spelled})" if loader else f"the {parameter} for {spelled}"
    return CallVerdict(
        "PXL406", call,
        {"given": given.as_string(), "parameter": parameter, "suggestion": f"{parameter} = {load}, then "
         f"{awaiting}{receiver}.delete({parameter})"},
    )


def _signature_verdict(call: nodes.Call, label: str, signature: Signature, shape: CallShape) -> CallVerdict | None:
    problem = first_problem(bind(signature, shape))
    if problem is None:
        return None
    if problem.kind is MismatchKind.MISSING:
        fix = "pass " + ", ".join(f"{name}=..." for name in problem.names)
    elif problem.kind is MismatchKind.UNEXPECTED_KEYWORD:
        fix = "drop or rename " + ", ".join(problem.names)
    elif problem.kind is MismatchKind.TOO_MANY_POSITIONAL:
        fix = "drop the extra arguments or pass them by keyword"
    elif problem.kind is MismatchKind.MULTIPLE_VALUES:
        fix = "pass " + ", ".join(problem.names) + " once"
    else:
        fix = "pass " + ", ".join(problem.names) + " positionally"
    return CallVerdict(
        "PXL404",
        call,
        {"callee": label, "problem": problem.describe(), "fix": fix, "signature": signature.render()},
    )


def _method_verdict(call: nodes.Call, receiver: nodes.NodeNG, method: str, shape: CallShape | None,
                    ctx: ModuleContext, label: str) -> CallVerdict | None:
    """The verdict on ``receiver.method(<shape>)``; ``None``: fine or not certain."""
    if method.startswith("__") and method.endswith("__"):
        return None
    cls = collaborator_class(receiver, ctx)
    if cls is None or not _is_trusted_class(cls, ctx):
        return None
    member = lookup_member(cls, method)
    if not member.found:
        methods = _public_methods(cls)
        suggestion = closest_method(method, methods)
        if suggestion:
            hint = f"use {receiver.as_string()}.{suggestion}(...)"
        elif methods:
            hint = "use one of its methods: " + ", ".join(sorted(methods)[:6])
        else:
            hint = f"define {method}() on {cls.name}"
        return CallVerdict(
            "PXL403", call, {"receiver": receiver.as_string(), "method": method, "cls": cls.name, "hint": hint}
        )
    function = member.function
    if function is None or shape is None or member.owner is None or not is_project_class(member.owner):
        return None
    signature = signature_of(function, bound=True)
    if signature is None:
        return None
    if label == "" and _is_repository(cls, ctx):
        if method == "create" and _is_house_create(signature) and shape.positional:
            return _create_verdict(call)
        if method == "update" and _is_house_update(signature):
            verdict = _update_verdict(call, bind(signature, shape))
            if verdict is not None:
                return verdict
        if method == "delete" and _is_house_delete(signature, function):
            verdict = _delete_verdict(call, cls, signature, isinstance(function, nodes.AsyncFunctionDef))
            if verdict is not None:
                return verdict
    return _signature_verdict(call, label or f"{receiver.as_string()}.{method}()", signature, shape)


# --------------------------------------------------------------------------- hand-offs


def _handoff(call: nodes.Call) -> tuple[str, int] | None:
    """(how the callable is handed over, index of the callable) for ``to_thread(fn, ...)`` & co."""
    func = call.func
    name = syntactic_base_name(func) if isinstance(func, (nodes.Name, nodes.Attribute)) else None
    if name == "run_in_executor" and isinstance(func, nodes.Attribute):
        return ("loop.run_in_executor", 1) if not call.keywords else None
    if name == "add_task" and isinstance(func, nodes.Attribute):
        owner = collaborator_class(func.expr)
        if owner is not None and owner.name == "BackgroundTasks":
            return ("BackgroundTasks.add_task", 0)
        return None
    if name in ("to_thread", "run_in_threadpool"):
        imported = library_name(func)
        if imported is not None:  # decided by the import, without building asyncio/starlette
            spelled = _HANDOFF_IMPORTS.get(imported.dotted)
            return (spelled, 0) if spelled else None
        callee = infer_one(func)
        if isinstance(callee, nodes.FunctionDef):
            spelled = _HANDOFF_FUNCTIONS.get(callee.qname())
            return (spelled, 0) if spelled else None
        if isinstance(func, nodes.Attribute) and func.as_string() == "asyncio.to_thread":
            return ("asyncio.to_thread", 0)
    return None


def _handoff_verdict(call: nodes.Call, ctx: ModuleContext) -> CallVerdict | None:
    handoff = _handoff(call)
    if handoff is None:
        return None
    how, index = handoff
    args = list(call.args or [])
    if len(args) <= index or any(isinstance(a, nodes.Starred) for a in args[: index + 1]):
        return None
    target = args[index]
    shape = CallShape.of(call, skip=index + 1)
    if shape is None:
        return None
    if isinstance(target, nodes.Attribute) and not _is_self(target.expr):
        label = f"{target.as_string()}() (handed to {how})"
        return _method_verdict(call, target.expr, target.attrname, shape, ctx, label)
    if isinstance(target, nodes.Name):
        function = infer_project(target)
        if (
            isinstance(function, nodes.FunctionDef)
            and not isinstance(function.parent, nodes.ClassDef)
            and is_project_class(function)
        ):
            signature = signature_of(function, bound=False)
            if signature is not None:
                return _signature_verdict(call, f"{target.name}() (handed to {how})", signature, shape)
    return None


def _module_function_verdict(call: nodes.Call, ctx: ModuleContext) -> CallVerdict | None:
    """``crud.create_item(...)`` / ``create_item(...)``: a project function of the services or
    repositories layer, bound to its real signature (untrusted decorators: no signature)."""
    function = module_function(call.func)
    if function is None or not is_layer_function(function, ctx.architecture):
        return None
    shape = CallShape.of(call)
    signature = signature_of(function, bound=False)
    if shape is None or signature is None:
        return None
    return _signature_verdict(call, f"{call.func.as_string()}()", signature, shape)


def _is_self(expr: nodes.NodeNG) -> bool:
    return isinstance(expr, nodes.Name) and self_class(expr) is not None


def _is_super_call(expr: nodes.NodeNG) -> bool:
    return isinstance(expr, nodes.Call) and isinstance(expr.func, nodes.Name) and expr.func.name == "super"


# --------------------------------------------------------------------------- module pass


def _verdicts(ctx: ModuleContext) -> Iterator[CallVerdict]:
    for call in ctx.nodes_of(nodes.Call):
        verdict = _handoff_verdict(call, ctx)
        func = call.func
        if verdict is None and isinstance(func, (nodes.Name, nodes.Attribute)):
            verdict = _module_function_verdict(call, ctx)
        if verdict is None:
            if not isinstance(func, nodes.Attribute) or _is_self(func.expr) or _is_super_call(func.expr):
                continue
            verdict = _method_verdict(call, func.expr, func.attrname, CallShape.of(call), ctx, "")
        if verdict is not None:
            yield verdict


def collaborator_call_verdicts(ctx: ModuleContext) -> list[CallVerdict]:
    """Every failing collaborator call of the module, one verdict per call (computed once)."""
    return ctx.cached("collaborator_calls.verdicts", lambda: list(_verdicts(ctx)))


def verdicts_for(ctx: ModuleContext, code: str) -> list[CallVerdict]:
    """The verdicts a rule with ``code`` reports."""
    return [verdict for verdict in collaborator_call_verdicts(ctx) if verdict.code == code]
