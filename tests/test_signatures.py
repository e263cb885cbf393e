"""Signature binding: certain mismatches only, checked against what Python itself does."""

from __future__ import annotations

import textwrap

import astroid
import pytest
from astroid import nodes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pixcrawler_lint.analysis.signatures import (
    CallShape,
    MismatchKind,
    ParamKind,
    bind,
    signature_of,
)


def _function(source: str, name: str) -> nodes.FunctionDef:
    module = astroid.parse(textwrap.dedent(source))
    for function in module.nodes_of_class(nodes.FunctionDef):
        if function.name == name:
            return function
    raise LookupError(name)


def _kinds(source: str, call: str, *, bound: bool = False, name: str = "f") -> set[MismatchKind]:
    signature = signature_of(_function(source, name), bound=bound)
    assert signature is not None
    shape = CallShape.of(astroid.extract_node(call))
    assert shape is not None
    return {mismatch.kind for mismatch in bind(signature, shape)}


PARAMS = "def f(a, /, b, c=1, *, d, e=2): ..."


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("f(1, 2, d=3)", set()),
        ("f(1, b=2, d=3, e=4)", set()),
        ("f(1, d=3)", {MismatchKind.MISSING}),
        ("f(1, 2)", {MismatchKind.MISSING}),
        ("f(a=1, b=2, d=3)", {MismatchKind.MISSING, MismatchKind.POSITIONAL_ONLY_AS_KEYWORD}),
        ("f(1, 2, 3, 4, d=5)", {MismatchKind.TOO_MANY_POSITIONAL}),
        ("f(1, 2, b=2, d=3)", {MismatchKind.MULTIPLE_VALUES}),
        ("f(1, 2, d=3, z=4)", {MismatchKind.UNEXPECTED_KEYWORD}),
        # *x may fill every positional parameter, never a keyword-only one.
        ("f(*x)", {MismatchKind.MISSING}),
        ("f(*x, d=1)", set()),
        # **x may fill every parameter that is not positional-only.
        ("f(**x)", {MismatchKind.MISSING}),
        ("f(1, **x)", set()),
        ("f(*x, **y)", set()),
    ],
)
def test_binding_of_every_parameter_kind(call: str, expected: set[MismatchKind]) -> None:
    assert _kinds(PARAMS, call) == expected


def test_star_parameters_absorb_extra_arguments() -> None:
    source = "def f(a, *args, **kwargs): ..."
    assert _kinds(source, "f(1, 2, 3, x=1, a_b=2)") == set()
    assert _kinds(source, "f(x=1)") == {MismatchKind.MISSING}
    # a positional-only name passed by keyword lands in **kwargs
    assert _kinds("def f(a, /, **kwargs): ...", "f(1, a=2)") == set()


def test_bound_methods_skip_self_static_methods_do_not() -> None:
    source = """
    class C:
        def method(self, a): ...
        @staticmethod
        def static(a): ...
        @classmethod
        def klass(cls, a): ...
    """
    assert _kinds(source, "c.method(1)", bound=True, name="method") == set()
    assert _kinds(source, "c.method(1, 2)", bound=True, name="method") == {MismatchKind.TOO_MANY_POSITIONAL}
    assert _kinds(source, "c.static(1)", bound=True, name="static") == set()
    assert _kinds(source, "c.static()", bound=True, name="static") == {MismatchKind.MISSING}
    assert _kinds(source, "c.klass(1)", bound=True, name="klass") == set()


def test_untrusted_decorators_have_no_signature() -> None:
    source = """
    import functools
    from somewhere_unknown import retry

    def keeps(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            return function(*args, **kwargs)
        return wrapper

    def replaces(function):
        return lambda: None

    def adds_attempts(function):
        @functools.wraps(function)
        def wrapper(*args, attempts=3, **kwargs):
            return function(*args, **kwargs)
        return wrapper

    def keeps_method(function):
        @functools.wraps(function)
        def wrapper(self, *args, **kwargs):
            return function(self, *args, **kwargs)
        return wrapper

    class C:
        @keeps
        def kept(self, a): ...
        @keeps_method
        def kept_method(self, a): ...
        @adds_attempts
        def with_attempts(self, a): ...
        @replaces
        def replaced(self, a): ...
        @retry(3)
        def retried(self, a): ...
        @property
        def prop(self): ...
        @functools.lru_cache(maxsize=8)
        def cached(self, a): ...
    """
    assert signature_of(_function(source, "kept"), bound=True) is not None
    assert signature_of(_function(source, "cached"), bound=True) is not None
    assert signature_of(_function(source, "kept_method"), bound=True) is not None
    # functools.wraps, but the wrapper takes a parameter of its own: the signature changes
    for name in ("replaced", "retried", "prop", "with_attempts"):
        assert signature_of(_function(source, name), bound=True) is None, name


def test_signature_render_and_kinds() -> None:
    signature = signature_of(_function(PARAMS, "f"), bound=False)
    assert signature is not None
    assert signature.render() == "(a, /, b, c=..., *, d, e=...)"
    assert [p.kind for p in signature.parameters] == [
        ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD, ParamKind.POSITIONAL_OR_KEYWORD,
        ParamKind.KEYWORD_ONLY, ParamKind.KEYWORD_ONLY,
    ]
    with_stars = signature_of(_function("def f(a, *rest, k, **extra): ...", "f"), bound=False)
    assert with_stars is not None and with_stars.render() == "(a, *rest, k, **extra)"


def test_call_shape_skips_the_handed_over_callable() -> None:
    shape = CallShape.of(astroid.extract_node("to_thread(fn, 1, *xs, k=2, **kw)"), skip=1)
    assert shape == CallShape(positional=1, keywords=("k",), star_args=True, star_kwargs=True)
    assert CallShape.of(astroid.extract_node("to_thread(*everything)"), skip=1) is None


# --------------------------------------------------------------------------- against Python itself

NAMES = ["a", "b", "c", "d", "e"]


@st.composite
def signatures_and_calls(draw: st.DrawFn) -> tuple[str, int, list[str], int, list[str]]:
    """A random ``def f(...)`` and a call: explicit positionals, keywords, *x length, **y names."""
    names = draw(st.permutations(NAMES))[: draw(st.integers(0, len(NAMES)))]
    posonly: list[str] = []
    regular: list[str] = []
    kwonly: list[str] = []
    for name in names:
        draw(st.sampled_from([posonly, regular, kwonly])).append(name)
    first_default = draw(st.integers(0, len(posonly) + len(regular)))  # defaults end the positionals
    positional = [f"{n}=0" if i >= first_default else n for i, n in enumerate(posonly + regular)]
    if posonly:
        positional.insert(len(posonly), "/")
    rest = [draw(st.sampled_from(["*rest"] if not kwonly else ["*", "*rest"]))] if kwonly or draw(st.booleans()) else []
    keyword_only = [f"{n}=0" if draw(st.booleans()) else n for n in kwonly]
    extra = ["**extra"] if draw(st.booleans()) else []
    source = f"def f({', '.join(positional + rest + keyword_only + extra)}): pass"
    given_positional = draw(st.integers(0, 4))
    keywords = draw(st.lists(st.sampled_from([*NAMES, "z"]), unique=True, max_size=4))
    spread_positional = draw(st.integers(0, 3))
    spread_keywords = draw(st.lists(st.sampled_from([*NAMES, "z"]), unique=True, max_size=3))
    return source, given_positional, keywords, spread_positional, spread_keywords


def _python_binds(source: str, args: list[int], kwargs: dict[str, int]) -> bool:
    namespace: dict[str, object] = {}
    exec(source, namespace)  # pylint: disable=exec-used  # a generated, side-effect-free def
    function = namespace["f"]
    assert callable(function)
    try:
        function(*args, **kwargs)  # the body is `pass`: only binding can fail
    except TypeError:
        return False
    return True


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(signatures_and_calls())
def test_bind_agrees_with_python_without_spreading(case: tuple[str, int, list[str], int, list[str]]) -> None:
    source, positional, keywords, _, _ = case
    signature = signature_of(_function(source, "f"), bound=False)
    assert signature is not None
    mismatches = bind(signature, CallShape(positional, tuple(keywords)))
    assert (not mismatches) == _python_binds(source, list(range(positional)), {k: 0 for k in keywords}), source


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(signatures_and_calls(), st.booleans(), st.booleans())
def test_bind_is_certain_with_spreading(
    case: tuple[str, int, list[str], int, list[str]], star: bool, double_star: bool
) -> None:
    """A mismatch reported for ``f(..., *x, **y)`` holds whatever ``x`` and ``y`` contain."""
    source, positional, keywords, spread_positional, spread_keywords = case
    signature = signature_of(_function(source, "f"), bound=False)
    assert signature is not None
    mismatches = bind(signature, CallShape(positional, tuple(keywords), star, double_star))
    if not mismatches:
        return
    extra_args = list(range(spread_positional)) if star else []
    extra_kwargs = {k: 1 for k in spread_keywords if k not in keywords} if double_star else {}
    args = list(range(positional)) + extra_args
    assert not _python_binds(source, args, {**{k: 0 for k in keywords}, **extra_kwargs}), (source, mismatches)
