"""Signature binding: does a call certainly fail to bind to the callee's parameters?

Understands positional-only, keyword-only, defaults, ``*args``/``**kwargs``, bound methods
(``self`` skipped), staticmethods and classmethods, and calls that spread ``*x``/``**x`` (then
only what is certain is reported). A callee whose signature cannot be trusted — a decorator
that is not known to keep the signature, ``@overload``, ``@property`` — has no
:class:`Signature` (``signature_of`` returns ``None``) and so is never reported.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from astroid import nodes

from pixcrawler_lint.analysis.classes import syntactic_base_name
from pixcrawler_lint.analysis.project_inference import infer_project

__all__ = [
    "ParamKind",
    "Parameter",
    "Signature",
    "CallShape",
    "MismatchKind",
    "Mismatch",
    "signature_of",
    "bind",
    "is_transparent_decorator",
    "first_problem",
]

# Decorators that return the function itself or a wrapper calling it with the same arguments.
_TRANSPARENT_DECORATORS = frozenset({
    "staticmethod", "classmethod", "abstractmethod", "override", "final",
    "cache", "lru_cache", "contextmanager", "asynccontextmanager", "wraps",
})
_ERRORS = (Exception, RecursionError)


class ParamKind(enum.Enum):
    """How a named parameter can be passed."""

    POSITIONAL_ONLY = "positional-only"
    POSITIONAL_OR_KEYWORD = "positional-or-keyword"
    KEYWORD_ONLY = "keyword-only"


@dataclass(frozen=True)
class Parameter:
    """A named parameter of a callee."""

    name: str
    kind: ParamKind
    has_default: bool

    @property
    def positional(self) -> bool:
        """True when the parameter can be filled by a positional argument."""
        return self.kind is not ParamKind.KEYWORD_ONLY


@dataclass(frozen=True)
class Signature:
    """The parameters a call must bind to (``self``/``cls`` of a bound method already removed)."""

    name: str
    parameters: tuple[Parameter, ...]
    var_positional: str | None
    var_keyword: str | None

    @property
    def positional(self) -> tuple[Parameter, ...]:
        """Parameters that positional arguments fill, in order."""
        return tuple(p for p in self.parameters if p.positional)

    def by_name(self, name: str) -> Parameter | None:
        """The named parameter ``name``, if any."""
        return next((p for p in self.parameters if p.name == name), None)

    def render(self) -> str:
        """``(instance, /, *, limit=..., **updates)`` — for messages."""

        def spell(parameter: Parameter) -> str:
            return parameter.name + ("=..." if parameter.has_default else "")

        kinds = {kind: [spell(p) for p in self.parameters if p.kind is kind] for kind in ParamKind}
        parts = list(kinds[ParamKind.POSITIONAL_ONLY])
        if parts:
            parts.append("/")
        parts.extend(kinds[ParamKind.POSITIONAL_OR_KEYWORD])
        if self.var_positional is not None:
            parts.append("*" + self.var_positional)
        elif kinds[ParamKind.KEYWORD_ONLY]:
            parts.append("*")
        parts.extend(kinds[ParamKind.KEYWORD_ONLY])
        if self.var_keyword is not None:
            parts.append("**" + self.var_keyword)
        return "(" + ", ".join(parts) + ")"


@dataclass(frozen=True)
class CallShape:
    """What a call passes: explicit positional count, keyword names, and any ``*x``/``**x``."""

    positional: int
    keywords: tuple[str, ...]
    star_args: bool = False
    star_kwargs: bool = False

    @classmethod
    def of(cls, call: nodes.Call, skip: int = 0) -> CallShape | None:
        """The shape of ``call`` without its first ``skip`` positional arguments (``to_thread(fn, …)``).

        ``None`` when a skipped argument is itself ``*x`` (the callable is then unknown).
        """
        args = list(call.args or [])
        if any(isinstance(arg, nodes.Starred) for arg in args[:skip]) or len(args) < skip:
            return None
        rest = args[skip:]
        keywords = list(call.keywords or [])
        return cls(
            positional=sum(1 for arg in rest if not isinstance(arg, nodes.Starred)),
            keywords=tuple(k.arg for k in keywords if k.arg is not None),
            star_args=any(isinstance(arg, nodes.Starred) for arg in rest),
            star_kwargs=any(k.arg is None for k in keywords),
        )


class MismatchKind(enum.Enum):
    """Why a call cannot bind."""

    MISSING = "missing"
    UNEXPECTED_KEYWORD = "unexpected-keyword"
    TOO_MANY_POSITIONAL = "too-many-positional"
    MULTIPLE_VALUES = "multiple-values"
    POSITIONAL_ONLY_AS_KEYWORD = "positional-only-as-keyword"


@dataclass(frozen=True)
class Mismatch:
    """One certain binding failure, with the parameter names concerned."""

    kind: MismatchKind
    names: tuple[str, ...] = ()
    given: int = 0  # positional arguments given (TOO_MANY_POSITIONAL)
    accepted: int = 0  # positional parameters accepted (TOO_MANY_POSITIONAL)

    def describe(self) -> str:
        """A sentence fragment: ``is missing required argument user_id``."""
        names = ", ".join(self.names)
        plural = "s" if len(self.names) > 1 else ""
        if self.kind is MismatchKind.MISSING:
            return f"is missing required argument{plural} {names}"
        if self.kind is MismatchKind.UNEXPECTED_KEYWORD:
            return f"got unexpected keyword argument{plural} {names}"
        if self.kind is MismatchKind.TOO_MANY_POSITIONAL:
            accepted = f"{self.accepted} positional argument{'s' if self.accepted != 1 else ''}"
            return f"takes {accepted} but {self.given} were given"
        if self.kind is MismatchKind.MULTIPLE_VALUES:
            return f"got multiple values for argument{plural} {names}"
        return f"got positional-only argument{plural} {names} by keyword"


# --------------------------------------------------------------------------- trust


def _decorator_name(decorator: nodes.NodeNG) -> str | None:
    target = decorator.func if isinstance(decorator, nodes.Call) else decorator
    return syntactic_base_name(target)


def _passes_everything_through(wrapper: nodes.FunctionDef) -> bool:
    """``def wrapper(*args, **kwargs)`` (``self`` first allowed): a wrapper with parameters of
    its own (``attempts: int = 3``) changes the signature even under ``functools.wraps``."""
    arguments = wrapper.args
    named = [*(arguments.posonlyargs or []), *(arguments.args or []), *(arguments.kwonlyargs or [])]
    if len(named) > 1 or (named and named[0].name not in ("self", "cls")):
        return False
    return arguments.vararg is not None and arguments.kwarg is not None


def _preserves_arguments(decorator: nodes.NodeNG) -> bool:
    """A project decorator whose wrapper is ``@functools.wraps(func)``-decorated and passes
    every argument through."""
    target = decorator.func if isinstance(decorator, nodes.Call) else decorator
    function = infer_project(target)
    if not isinstance(function, nodes.FunctionDef):
        return False
    try:
        for inner in function.nodes_of_class(nodes.FunctionDef):
            if inner is function or not inner.decorators:
                continue
            if any(_decorator_name(d) == "wraps" for d in inner.decorators.nodes):
                return _passes_everything_through(inner)
    except _ERRORS:
        return False
    return False


def is_transparent_decorator(decorator: nodes.NodeNG) -> bool:
    """True for decorators known to keep the call signature (see module docstring)."""
    name = _decorator_name(decorator)
    if name in _TRANSPARENT_DECORATORS:
        return True
    return _preserves_arguments(decorator)


def _parameters(arguments: nodes.Arguments) -> list[Parameter]:
    posonly = list(arguments.posonlyargs or [])
    regular = list(arguments.args or [])
    kwonly = list(arguments.kwonlyargs or [])
    # Defaults belong to the last positional parameters (posonly + regular), in order.
    positional = posonly + regular
    defaults = len(arguments.defaults or [])
    first_default = len(positional) - defaults
    parameters = [
        Parameter(
            arg.name,
            ParamKind.POSITIONAL_ONLY if index < len(posonly) else ParamKind.POSITIONAL_OR_KEYWORD,
            index >= first_default,
        )
        for index, arg in enumerate(positional)
    ]
    kw_defaults = list(arguments.kw_defaults or [])
    parameters.extend(
        Parameter(arg.name, ParamKind.KEYWORD_ONLY, index < len(kw_defaults) and kw_defaults[index] is not None)
        for index, arg in enumerate(kwonly)
    )
    return parameters


def signature_of(function: nodes.FunctionDef, *, bound: bool) -> Signature | None:
    """The signature a call binds to; ``bound``: called through an instance (``obj.method(...)``).

    ``None`` when it cannot be trusted: an unknown decorator, ``@property``, ``@overload``, a
    bound method without a parameter for ``self``.
    """
    try:
        decorators = function.decorators.nodes if function.decorators else []
        if not all(is_transparent_decorator(d) for d in decorators):
            return None
        arguments = function.args
        if arguments is None or arguments.args is None:
            return None  # a function built from a living object: no Python signature
        parameters = _parameters(arguments)
        kind = function.type if isinstance(function.parent, nodes.ClassDef) else "function"
        if bound and kind in ("method", "classmethod"):
            if parameters and parameters[0].positional:
                parameters = parameters[1:]
            elif arguments.vararg is None:
                return None  # `def f()` in a class: calling it through an instance always fails
        return Signature(function.name, tuple(parameters), arguments.vararg, arguments.kwarg)
    except _ERRORS:
        return None


# --------------------------------------------------------------------------- binding


def bind(signature: Signature, shape: CallShape) -> list[Mismatch]:
    """The certain binding failures of a call of ``shape`` against ``signature`` (``[]``: binds,
    or may bind — ``*x``/``**x`` in the call make unknowable what they fill)."""
    mismatches: list[Mismatch] = []
    positional = signature.positional
    if signature.var_positional is None and shape.positional > len(positional):
        mismatches.append(
            Mismatch(MismatchKind.TOO_MANY_POSITIONAL, given=shape.positional, accepted=len(positional))
        )
    filled = {p.name for p in positional[: shape.positional]}
    unexpected: list[str] = []
    multiple: list[str] = []
    positional_only: list[str] = []
    for keyword in shape.keywords:
        parameter = signature.by_name(keyword)
        if parameter is None or parameter.kind is ParamKind.POSITIONAL_ONLY:
            if signature.var_keyword is not None:
                continue  # goes into **kwargs
            if parameter is None:
                unexpected.append(keyword)
            else:
                positional_only.append(keyword)
            continue
        if parameter.name in filled:
            multiple.append(keyword)
        filled.add(parameter.name)
    missing = [
        p.name
        for p in signature.parameters
        if not p.has_default and p.name not in filled and not _may_be_filled(p, shape)
    ]
    if missing:
        mismatches.append(Mismatch(MismatchKind.MISSING, tuple(missing)))
    if unexpected:
        mismatches.append(Mismatch(MismatchKind.UNEXPECTED_KEYWORD, tuple(unexpected)))
    if multiple:
        mismatches.append(Mismatch(MismatchKind.MULTIPLE_VALUES, tuple(multiple)))
    if positional_only:
        mismatches.append(Mismatch(MismatchKind.POSITIONAL_ONLY_AS_KEYWORD, tuple(positional_only)))
    return mismatches


def _may_be_filled(parameter: Parameter, shape: CallShape) -> bool:
    """Whether ``*x``/``**x`` in the call might supply ``parameter``."""
    if shape.star_args and parameter.positional:
        return True
    return shape.star_kwargs and parameter.kind is not ParamKind.POSITIONAL_ONLY


def first_problem(mismatches: Sequence[Mismatch]) -> Mismatch | None:
    """The mismatch a message should lead with (missing arguments first)."""
    order = list(MismatchKind)
    return min(mismatches, key=lambda m: order.index(m.kind)) if mismatches else None
