"""The dispatch between the resolvers, and the per-module memo they share.

A :class:`Resolver` answers "which class is the object this expression denotes?" by handing
each shape to the module that knows it: a name to :mod:`.bindings`, ``a.b`` to :mod:`.chains`,
a call to :mod:`.factories` / :mod:`.helper_returns` (or a constructor). One resolver lives per
linted module (``ctx.cached``), so a class attribute or a module singleton is resolved once
however many calls go through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from astroid import nodes

from pixcrawler_lint.analysis.resolution.guards import ERRORS, MAX_DEPTH

__all__ = ["Resolver"]

Key = tuple[str, int, str]


@dataclass
class Resolver:
    """Memoised resolution of expressions to the class of the value they denote."""

    memo: dict[Key, nodes.ClassDef | None] = field(default_factory=dict)
    active: set[Key] = field(default_factory=set)

    def expression(self, expr: nodes.NodeNG, depth: int) -> nodes.ClassDef | None:
        """The class of the object ``expr`` denotes, or ``None`` when not certain."""
        # Imported here: the shape modules import this one for the type only.
        from pixcrawler_lint.analysis.resolution import bindings, calls, chains

        if depth > MAX_DEPTH:
            return None
        if isinstance(expr, nodes.Name):
            return bindings.name_class(expr, self, depth + 1)
        if isinstance(expr, nodes.Attribute):
            return chains.attribute_class(expr, self, depth + 1)
        if isinstance(expr, nodes.Call):
            return calls.call_class(expr, self, depth + 1, awaited=False)
        if isinstance(expr, nodes.Await) and isinstance(expr.value, nodes.Call):
            return calls.call_class(expr.value, self, depth + 1, awaited=True)
        return None

    def remembered(
        self, kind: str, owner: nodes.NodeNG, name: str, compute: Callable[[], nodes.ClassDef | None]
    ) -> nodes.ClassDef | None:
        """``compute()`` once per (``kind``, ``owner``, ``name``); ``None`` while it is being
        computed (a cycle such as ``self.a = self.b; self.b = self.a`` is not certain)."""
        key = (kind, id(owner), name)
        if key in self.memo:
            return self.memo[key]
        if key in self.active:
            return None
        self.active.add(key)
        try:
            result = compute()
        except ERRORS:
            result = None
        finally:
            self.active.discard(key)
        self.memo[key] = result
        return result
