"""Several bindings of one name or attribute: resolved only when they all agree."""

from __future__ import annotations

from astroid import nodes

from pixcrawler_lint.analysis.resolution.members import mro

__all__ = ["agreeing"]


def agreeing(classes: list[nodes.ClassDef | None]) -> nodes.ClassDef | None:
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
