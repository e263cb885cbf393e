"""The layer policy: may module ``importer`` import module ``imported``? One answer for all.

Both the inline rules (PXL101–PXL105, one import statement at a time) and the import-linter
contract of :mod:`pixcrawler_lint.contracts` (whole graph, indirect chains) ask this module, so
they cannot disagree. Semantics (SPEC, "Layers and configuration"):

- layer order api → services → repositories → models; importing a layer above is PXL101;
- shared modules are importable by every layer and may import models only (else PXL101);
- composition roots may import every layer; types modules may import services and the root;
- PXL102: an api module other than a composition root or types module imports the
  repositories or models layer, or ``sqlalchemy``;
- PXL103/104/105: a service imports ``sqlalchemy`` / a ``service-forbidden-imports`` library;
  a service or repository imports ``fastapi`` or ``starlette``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pixcrawler_lint.config import Config
from pixcrawler_lint.layers import Layer, classify, is_composition_root, is_types_module, matches_any

__all__ = ["Breach", "import_breaches", "ORM_PACKAGES", "HTTP_FRAMEWORKS"]

ORM_PACKAGES: tuple[str, ...] = ("sqlalchemy",)
HTTP_FRAMEWORKS: tuple[str, ...] = ("fastapi", "starlette")


@dataclass(frozen=True)
class Breach:
    """One broken rule of the architecture; ``args`` fill the rule's message template."""

    code: str
    args: dict[str, str] = field(hash=False, compare=False)


def _upward(importer_layer: Layer, target: Layer | None) -> bool:
    if target is None or target is Layer.SHARED:
        return False
    if importer_layer is Layer.SHARED:
        return target is not Layer.MODELS
    return target.is_above(importer_layer)


def _upward_fix(importer_layer: Layer, target: Layer) -> str:
    if importer_layer is Layer.SHARED:
        return (
            f"shared modules may import models only; move this code into the {target.value} layer "
            "or move what it needs into a shared module"
        )
    return (
        "depend downwards only (api → services → repositories → models): move what both need "
        f"into a shared module or hand it in from the {target.value} layer"
    )


def import_breaches(importer: str, imported: str, config: Config) -> list[Breach]:
    """Every rule that ``importer`` importing ``imported`` breaks (empty: the import is fine).

    Both names are absolute dotted module names; ``imported`` may also name an attribute inside
    a module (``backend.models.user.User``), which belongs to the same layer as its module.
    """
    layer = classify(importer, config)
    if layer is None or is_composition_root(importer, config):
        return []
    target = classify(imported, config)
    breaches: list[Breach] = []
    if target is not None and _upward(layer, target):
        breaches.append(Breach("PXL101", {
            "imported": imported, "layer": layer.value, "target": target.value, "fix": _upward_fix(layer, target),
        }))
    if layer is Layer.API and not is_types_module(importer, config):
        if target in (Layer.REPOSITORIES, Layer.MODELS):
            breaches.append(Breach("PXL102", {
                "imported": imported, "target": f"{target.value} layer",
                "fix": "call a service through its *Dep alias from the types module instead",
            }))
        elif matches_any(imported, ORM_PACKAGES):
            breaches.append(Breach("PXL102", {
                "imported": imported, "target": "the ORM",
                "fix": "move the query into a repository and reach it through a service *Dep alias",
            }))
    if layer is Layer.SERVICES:
        if matches_any(imported, ORM_PACKAGES):
            breaches.append(Breach("PXL103", {"imported": imported}))
        if matches_any(imported, config.service_forbidden_imports):
            breaches.append(Breach("PXL104", {"imported": imported}))
    if layer in (Layer.SERVICES, Layer.REPOSITORIES) and matches_any(imported, HTTP_FRAMEWORKS):
        breaches.append(Breach("PXL105", {"imported": imported, "layer": layer.value}))
    return breaches
