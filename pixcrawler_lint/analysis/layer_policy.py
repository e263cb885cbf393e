"""The layer policy applied to one import: which rules does ``importer`` importing ``imported`` break?

Both the inline rules (PXL101–PXL105, one import statement at a time) and the import-linter
contract of :mod:`pixcrawler_lint.contracts` (whole graph, indirect chains) ask this module, and
this module only asks the architecture model (:mod:`pixcrawler_lint.architecture.policy` holds
the forbidden edges and which rule reports each), so they cannot disagree.

Composition roots may import every layer; types modules are exempt from PXL102 (they name the
services and the root's factories).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pixcrawler_lint.architecture.layer import Layer
from pixcrawler_lint.architecture.model import Architecture, architecture_of
from pixcrawler_lint.architecture.policy import HTTP_FRAMEWORKS, ORM_PACKAGES, Edge
from pixcrawler_lint.config import Config

__all__ = ["Breach", "import_breaches", "ORM_PACKAGES", "HTTP_FRAMEWORKS"]


@dataclass(frozen=True)
class Breach:
    """One broken rule of the architecture; ``args`` fill the rule's message template."""

    code: str
    args: dict[str, str] = field(hash=False, compare=False)


def _order_text(model: Architecture) -> str:
    return " → ".join(layer.value for layer in model.order)


def _layer_fix(model: Architecture, layer: Layer, target: Layer, edge: Edge) -> str:
    if edge.origin == "forbid":
        return f"the configuration forbids {edge} (`forbid` in [tool.pixcrawler_lint])"
    if layer is Layer.SHARED:
        return (
            f"shared modules may import models only; move this code into the {target.value} layer "
            "or move what it needs into a shared module"
        )
    return (
        f"depend downwards only ({_order_text(model)}): move what both need "
        f"into a shared module or hand it in from the {target.value} layer"
    )


def _breach(model: Architecture, layer: Layer, imported: str, edge: Edge) -> Breach:
    target = model.layer_of(imported)
    if edge.code == "PXL101" and target is not None:
        where = " above it" if model.policy.is_above(target, layer) else ""
        return Breach("PXL101", {
            "imported": imported, "layer": layer.value, "target": target.value, "above": where,
            "fix": _layer_fix(model, layer, target, edge),
        })
    if edge.code == "PXL102":
        if target is not None:
            return Breach("PXL102", {
                "imported": imported, "target": f"{target.value} layer",
                "fix": "call a service through its *Dep alias from the types module instead",
            })
        return Breach("PXL102", {
            "imported": imported, "target": "the ORM",
            "fix": "move the query into a repository and reach it through a service *Dep alias",
        })
    return Breach(edge.code, {"imported": imported, "layer": layer.value})


def import_breaches(importer: str, imported: str, config: Config) -> list[Breach]:
    """Every rule that ``importer`` importing ``imported`` breaks (empty: the import is fine).

    Both names are absolute dotted module names; ``imported`` may also name an attribute inside
    a module (``backend.models.user.User``), which belongs to the same layer as its module.
    """
    model = architecture_of(config)
    layer = model.layer_of(importer)
    if layer is None or model.is_composition_root(importer):
        return []
    breaches = []
    for edge in model.forbidden_edges(layer, imported):
        if edge.code == "PXL102" and model.is_types_module(importer):
            continue
        breaches.append(_breach(model, layer, imported, edge))
    return breaches
