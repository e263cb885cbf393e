"""The layer policy: which imports between layers and of libraries are forbidden, and why.

This is the ONE place where the policy lives (docs/configuration.md, "Layer policy"). Rules
and the import-linter contract ask it; none spells the policy out itself.

Default forbidden edges, derived from the layer order (``layers``, top first):

=====================================  =======  =============================================
edge                                   rule     when
=====================================  =======  =============================================
``<lower> -> <upper>``                 PXL101   for every pair of the order (upward import)
``shared -> <layer>``                  PXL101   every layer of the order except ``models``
``api -> <layer below services>``      PXL102   the order has a services layer
``api -> sqlalchemy``                  PXL102   the order has services
``services -> sqlalchemy``             PXL103   the order has services and repositories
``services -> <service-forbidden>``    PXL104   the order has services
``services|repositories -> fastapi``   PXL105   also ``starlette``
=====================================  =======  =============================================

``allow = ["a -> b"]`` removes a forbidden edge, ``forbid = ["a -> b"]`` adds one. A target is
a layer name or an external (dotted) package; a package edge covers its submodules; an allowed
package beats the forbidden packages that are not longer than it (``allow = ["services ->
sqlalchemy.exc"]`` keeps ``services -> sqlalchemy`` forbidden for everything else). A
configured ``forbid`` edge is reported by the rule of its target: a layer → PXL101, the ORM →
PXL102 from api and PXL103 otherwise, an HTTP framework → PXL105, any other package → PXL104.

What the edges mean for the rules that are not import rules (the questions below):

- routes own the session (PXL208 silent): ``api -> sqlalchemy`` allowed (the default without a
  services layer);
- the api builds services (PXL209 silent): ``api -> repositories`` allowed, or no services layer;
- services own the queries (PXL301, PXL302 silent): ``services -> sqlalchemy`` allowed
  (the default when there is no repositories layer);
- no services layer: no module is a service, so PXL301–PXL303 and PXL601–PXL603 never fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pixcrawler_lint.architecture.layer import Layer

__all__ = ["Edge", "Policy", "PolicyError", "ORM_PACKAGES", "HTTP_FRAMEWORKS", "LAYER_NAMES", "parse_edge"]

ORM_PACKAGES: tuple[str, ...] = ("sqlalchemy",)
HTTP_FRAMEWORKS: tuple[str, ...] = ("fastapi", "starlette")
LAYER_NAMES: dict[str, Layer] = {layer.value: layer for layer in Layer}

_EDGE = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*->\s*([A-Za-z_][\w.]*)\s*$")


class PolicyError(ValueError):
    """An edge that cannot be used (the message names the edge)."""


@dataclass(frozen=True)
class Edge:
    """``source -> target``: a layer to a layer (``target_layer``) or to an external package."""

    source: Layer
    target: str
    code: str  # the rule that reports an import along this edge when it is forbidden
    origin: str = "default"  # "default", "allow" or "forbid"

    @property
    def target_layer(self) -> Layer | None:
        return LAYER_NAMES.get(self.target)

    def covers(self, imported: str) -> bool:
        """For a package edge: ``imported`` is the package or inside it."""
        return imported == self.target or imported.startswith(self.target + ".")

    def __str__(self) -> str:
        return f"{self.source.value} -> {self.target}"


def _matches_any(name: str, packages: Iterable[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def parse_edge(text: str, order: Sequence[Layer]) -> tuple[Layer, str]:
    """``"api -> repositories"`` → ``(Layer.API, "repositories")``; raises :class:`PolicyError`."""
    match = _EDGE.match(text) if isinstance(text, str) else None
    if match is None:
        raise PolicyError(f"{text!r} is not an edge 'layer -> layer-or-package'")
    source_name, target = match.groups()
    source = LAYER_NAMES.get(source_name)
    if source is None:
        raise PolicyError(f"{text!r}: {source_name!r} is not a layer ({', '.join(LAYER_NAMES)})")
    for name in (source_name, target):
        layer = LAYER_NAMES.get(name)
        if layer is not None and layer is not Layer.SHARED and layer not in order:
            raise PolicyError(f"{text!r}: layer {name!r} is not in `layers` ({', '.join(l.value for l in order)})")
    return source, target


def _code_of_configured(source: Layer, target: str) -> str:
    if target in LAYER_NAMES:
        return "PXL101"
    if _matches_any(target, ORM_PACKAGES):
        return "PXL102" if source is Layer.API else "PXL103"
    if _matches_any(target, HTTP_FRAMEWORKS):
        return "PXL105"
    return "PXL104"


def default_edges(order: Sequence[Layer], service_forbidden: Sequence[str]) -> list[Edge]:
    """The forbidden edges of ``order`` before ``allow`` / ``forbid`` (see the module docstring)."""
    edges: list[Edge] = []
    for upper_index, upper in enumerate(order):
        for lower in order[upper_index + 1:]:
            edges.append(Edge(lower, upper.value, "PXL101"))
    edges += [Edge(Layer.SHARED, layer.value, "PXL101") for layer in order if layer is not Layer.MODELS]
    has = set(order)
    if Layer.API in has and Layer.SERVICES in has:
        below = order[order.index(Layer.SERVICES) + 1:]
        edges += [Edge(Layer.API, layer.value, "PXL102") for layer in below]
    if Layer.API in has and Layer.SERVICES in has:
        edges += [Edge(Layer.API, package, "PXL102") for package in ORM_PACKAGES]
    if Layer.SERVICES in has and Layer.REPOSITORIES in has:
        edges += [Edge(Layer.SERVICES, package, "PXL103") for package in ORM_PACKAGES]
    if Layer.SERVICES in has:
        edges += [Edge(Layer.SERVICES, package, "PXL104") for package in service_forbidden]
    for layer in (Layer.SERVICES, Layer.REPOSITORIES):
        if layer in has:
            edges += [Edge(layer, package, "PXL105") for package in HTTP_FRAMEWORKS]
    return edges


class Policy:
    """The forbidden edges of one configuration, and the questions rules ask about them."""

    def __init__(
        self,
        order: Sequence[Layer],
        allow: Sequence[str] = (),
        forbid: Sequence[str] = (),
        service_forbidden: Sequence[str] = (),
    ) -> None:
        self.order = tuple(order)
        allowed = {(s, t) for s, t in (parse_edge(text, self.order) for text in allow)}
        forbidden = [parse_edge(text, self.order) for text in forbid]
        both = allowed & set(forbidden)
        if both:
            source, target = sorted(both, key=str)[0]
            raise PolicyError(f"'{source.value} -> {target}' is both allowed and forbidden")
        edges = [e for e in default_edges(self.order, service_forbidden) if (e.source, e.target) not in allowed]
        known = {(e.source, e.target) for e in edges}
        edges += [
            Edge(source, target, _code_of_configured(source, target), "forbid")
            for source, target in forbidden if (source, target) not in known
        ]
        self.edges: tuple[Edge, ...] = tuple(edges)
        # allowed package edges still matter: the longest package decides
        self._allowed_packages = {(s, t) for s, t in allowed if t not in LAYER_NAMES}
        self._layer_edges: dict[tuple[Layer, Layer], Edge] = {}
        self._package_edges: dict[Layer, list[Edge]] = {}
        for edge in self.edges:
            target_layer = edge.target_layer
            if target_layer is not None:
                self._layer_edges.setdefault((edge.source, target_layer), edge)
            else:
                self._package_edges.setdefault(edge.source, []).append(edge)

    def has(self, layer: Layer) -> bool:
        """True when ``layer`` is part of the architecture (shared always is)."""
        return layer is Layer.SHARED or layer in self.order

    def is_above(self, upper: Layer, lower: Layer) -> bool:
        """True when both are in the order and ``upper`` comes first."""
        return upper in self.order and lower in self.order and self.order.index(upper) < self.order.index(lower)

    def layer_edge(self, source: Layer, target: Layer) -> Edge | None:
        """The forbidden edge ``source -> target`` (``None``: the import is allowed)."""
        if source is target:
            return None
        return self._layer_edges.get((source, target))

    def package_edges(self, source: Layer, imported: str) -> list[Edge]:
        """The forbidden edges an import of the external name ``imported`` from ``source`` breaks."""
        matching = [edge for edge in self._package_edges.get(source, []) if edge.covers(imported)]
        allowed = [len(t) for s, t in self._allowed_packages if s is source and _matches_any(imported, (t,))]
        if matching and allowed:
            # an allowed package beats every forbidden package it is at least as long as
            matching = [edge for edge in matching if len(edge.target) > max(allowed)]
        return matching

    def allows(self, source: Layer, target: str) -> bool:
        """May ``source`` import ``target`` (a layer name or an external package)?"""
        target_layer = LAYER_NAMES.get(target)
        if target_layer is not None:
            return self.layer_edge(source, target_layer) is None
        return not self.package_edges(source, target)

    # --- the questions of the rules that are not import rules (one mapping, here) ---

    @property
    def routes_own_session(self) -> bool:
        """PXL208 is silent: routes may take a session and query (``api -> sqlalchemy`` allowed)."""
        return self.has(Layer.API) and self.allows(Layer.API, ORM_PACKAGES[0])

    @property
    def api_builds_services(self) -> bool:
        """PXL209 is silent: the api may build services and repositories (``api -> repositories``)."""
        return not self.has(Layer.SERVICES) or (
            self.has(Layer.REPOSITORIES) and self.allows(Layer.API, Layer.REPOSITORIES.value)
        )

    @property
    def services_own_queries(self) -> bool:
        """PXL301/PXL302 are silent: services may hold a session and query (``services -> sqlalchemy``)."""
        return self.has(Layer.SERVICES) and self.allows(Layer.SERVICES, ORM_PACKAGES[0])
