"""From a :class:`~pixcrawler_lint.init.survey.Survey` to a proposed ``[tool.pixcrawler_lint]``.

Every key comes with the one-line reason the tree gave for it. Layers are found by role (routes →
api; ``service.py`` / ``*Service`` → services; ``crud.py`` / ``*Repository`` → repositories;
``models.py`` / tables → models) and written as patterns: a module name repeated in many domain
packages becomes ``<top>.**.<name>``, modules under one package become that package. A convention
most modules of a layer follow (routes that take the session, api modules that import the models)
becomes an ``allow`` edge: the linter should report departures from the project's rules, not the
rules themselves. On the PixCrawler layout nothing is proposed: zero configuration fits it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pixcrawler_lint.analysis.vocabulary import pattern_matches
from pixcrawler_lint.config import DEFAULT_CONFIG
from pixcrawler_lint.init.survey import ModuleFacts, Survey

__all__ = ["Proposal", "ProposedKey", "propose", "LAYER_ORDER", "TomlValue"]

TomlValue = str | list[str] | dict[str, list[str]]

LAYER_ORDER: tuple[str, ...] = ("api", "services", "repositories", "models")
_SERVICE_LEAVES = frozenset({"service", "services", "flows", "use_cases", "usecases"})
_REPOSITORY_LEAVES = frozenset({"repository", "repositories", "crud", "repo", "repos", "dal", "store", "stores"})
_MODEL_LEAVES = frozenset({"models", "model", "tables", "orm", "entities"})
_API_PACKAGES = frozenset({"api", "web", "http", "rest", "routes", "routers", "endpoints", "views"})
_ORM = ("sqlalchemy", "sqlmodel")
_SERVICE_BASES = ("Service", "UseCase", "Interactor")
_CONVENTION = 0.25  # a quarter of a layer's modules doing it: a convention, not an accident
_MIN_REPEATS = 3


@dataclass(frozen=True)
class ProposedKey:
    """One key of the proposal: TOML key, value and why."""

    key: str
    value: TomlValue
    reason: str


@dataclass
class Proposal:
    """The proposed table, or why nothing is proposed."""

    keys: list[ProposedKey] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    nothing_because: str | None = None

    def table(self) -> dict[str, TomlValue]:
        """The proposal as a plain TOML table."""
        return {k.key: k.value for k in self.keys}


# --- roles and patterns ---------------------------------------------------------------------


def _is_pixcrawler(survey: Survey) -> bool:
    names = list(survey.modules)
    return all(
        any(pattern_matches(name, prefix) for name in names for prefix in getattr(DEFAULT_CONFIG, key))
        for key in ("api", "services")
    )


def _role_modules(survey: Survey) -> dict[str, list[ModuleFacts]]:
    roles: dict[str, list[ModuleFacts]] = {layer: [] for layer in LAYER_ORDER}
    for module in survey.modules.values():
        parts = set(module.name.split(".")[1:])
        class_names = [name for name, _ in module.classes]
        # by name first (crud.py, service.py, models.py), then by what the module defines; a
        # package is named by its modules (dispatch/service/ is a domain, not a service module)
        if module.routes:
            roles["api"].append(module)
        elif module.is_package and not module.classes:
            continue
        elif module.leaf in _REPOSITORY_LEAVES or "repositories" in parts:
            roles["repositories"].append(module)
        elif module.leaf in _SERVICE_LEAVES or "services" in parts:
            roles["services"].append(module)
        elif module.leaf in _MODEL_LEAVES or parts & {"models", "orm"}:
            roles["models"].append(module)
        elif module.defines_tables:
            roles["models"].append(module)
        elif any(n.endswith(("Repository", "Store", "Dao", "DAO")) for n in class_names):
            roles["repositories"].append(module)
        elif any(n.endswith("Service") and n != "Service" for n in class_names) or any(
            base.endswith(_SERVICE_BASES) for _, bases in module.classes for base in bases
        ):
            roles["services"].append(module)
    return roles


def _common_package(names: list[str]) -> str:
    split = [name.split(".") for name in names]
    common: list[str] = []
    for segments in zip(*split):
        if len(set(segments)) != 1:
            break
        common.append(segments[0])
    return ".".join(common)


def _patterns(modules: list[ModuleFacts], survey: Survey, others: set[str]) -> tuple[list[str], str]:
    """Patterns covering ``modules`` and a few words on how they were found; ``others`` are the
    modules another layer claims (a package is proposed only when none of them is inside it)."""
    names = sorted(m.name for m in modules)
    patterns: list[str] = []
    how: list[str] = []
    remaining = set(names)
    leaves = Counter(name.rsplit(".", 1)[-1] for name in names if name.count(".") >= 2)
    for leaf, count in leaves.most_common():
        holders = [n for n in remaining if n.rsplit(".", 1)[-1] == leaf and n.count(".") >= 2]
        tops = {n.split(".")[0] for n in holders}
        if count < _MIN_REPEATS or len(holders) < _MIN_REPEATS or len(tops) != 1:
            continue
        depths = {n.count(".") for n in holders}
        wildcard = "*" if depths == {2} else "**"
        pattern = f"{tops.pop()}.{wildcard}.{leaf}"
        patterns.append(pattern)
        remaining -= {n for n in remaining if pattern_matches(n, pattern)}
        how.append(f"{leaf}.py in {len(holders)} packages")
    if remaining:
        package = _common_package(sorted(remaining))
        if package in remaining and len(remaining) == 1:
            package = package.rpartition(".")[0]  # a lone module: its package, if that is all ours
        inside = [n for n in survey.modules if pattern_matches(n, package)] if package else []
        if package.count(".") >= 1 and not any(n in others for n in inside):
            parent, _, last = package.rpartition(".")
            if last in _API_PACKAGES and parent.rsplit(".", 1)[-1] in _API_PACKAGES:
                package = parent
            patterns.append(package)
            how.append(f"{len(remaining)} module{'s' if len(remaining) > 1 else ''} under {package}")
            remaining = set()
    for name in sorted(remaining):
        patterns.append(name)
    if remaining:
        how.append(", ".join(sorted(remaining)) if len(remaining) <= 2 else f"{len(remaining)} more modules")
    return patterns, "; ".join(how)


def _specificity(pattern: str) -> tuple[int, int]:
    segments = pattern.split(".")
    return (sum(1 for s in segments if "*" not in s), sum(1 for s in segments if s == "*"))


def _layer_of(name: str, layers: dict[str, list[str]]) -> tuple[str | None, bool]:
    """The layer whose most specific pattern matches ``name``, and whether that is a tie."""
    best: list[tuple[tuple[int, int], str]] = sorted(
        ((_specificity(p), layer) for layer, patterns in layers.items() for p in patterns if pattern_matches(name, p)),
        reverse=True,
    )
    if not best:
        return None, False
    tie = len(best) > 1 and best[0][0] == best[1][0] and best[0][1] != best[1][1]
    return best[0][1], tie


def _settle(survey: Survey, layers: dict[str, list[str]], roles: dict[str, list[ModuleFacts]]) -> int:
    """Name outright the modules that the patterns put in the wrong layer or in two at once
    (``dispatch.service.views``: ``**.views`` and ``**.service`` both match it)."""
    role_of = {m.name: layer for layer, modules in roles.items() for m in modules}
    pinned = 0
    for name in sorted(_known_names(survey)):
        if any(pattern_matches(name, p) and "*" not in p for patterns in layers.values() for p in patterns):
            continue  # named outright already (or inside a module that is)
        layer, tie = _layer_of(name, layers)
        wanted = role_of.get(name)
        if not (tie or (wanted is not None and layer != wanted)):
            continue
        module, target = _pin(name, wanted or layer, layers)
        if target is not None and module not in layers[target]:
            layers[target].append(module)
            pinned += 1
    return pinned


def _known_names(survey: Survey) -> set[str]:
    """The modules of the tree and every project name they import: an import of a namespace
    package that the tree walk does not see (``dispatch.feedback.service.views``) is classified
    by the linter all the same."""
    tops = set(survey.packages)
    names = set(survey.modules)
    for module in survey.modules.values():
        names.update(name for name in module.imports if name.split(".")[0] in tops)
    return names


_LEAF_ROLES: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"views", "endpoints", "routes", "routers", "api"}), "api"),
    (_REPOSITORY_LEAVES, "repositories"),
    (_SERVICE_LEAVES, "services"),
    (_MODEL_LEAVES, "models"),
)


def _pin(name: str, fallback: str | None, layers: dict[str, list[str]]) -> tuple[str, str | None]:
    """The module to name outright for ``name`` and its layer: the prefix of ``name`` up to its
    last segment that names a role (``dispatch.feedback.service.views.router`` → ``…views``, api)."""
    segments = name.split(".")
    for index in range(len(segments) - 1, 0, -1):
        for leaves, layer in _LEAF_ROLES:
            if segments[index] in leaves and layer in layers:
                return ".".join(segments[: index + 1]), layer
    return name, fallback


def _members(survey: Survey, layers: dict[str, list[str]], layer: str) -> list[ModuleFacts]:
    return [m for m in survey.modules.values() if _layer_of(m.name, layers)[0] == layer]


def _share(modules: Iterable[ModuleFacts], test: Callable[[ModuleFacts], bool]) -> tuple[int, int]:
    listed = list(modules)
    return sum(1 for m in listed if test(m)), len(listed)


# --- the proposal ---------------------------------------------------------------------------


def propose(survey: Survey, base: Path | None = None) -> Proposal:
    """The configuration the tree asks for; ``base`` is the directory of the ``pyproject.toml``
    the paths of ``per-file-ignores`` are relative to (default: the project root)."""
    proposal = Proposal()
    if not survey.modules:
        proposal.nothing_because = f"no Python package under {survey.root}"
        return proposal
    if _is_pixcrawler(survey):
        proposal.nothing_because = (
            "the PixCrawler layout (backend.api, backend.services, ...): zero configuration fits it"
        )
        return proposal
    broken = [m for m in survey.modules.values() if m.syntax_error]
    for module in broken:
        proposal.notes.append(f"{module.name} does not parse ({module.syntax_error}); read by its text only")
    roles = _role_modules(survey)
    layers: dict[str, list[str]] = {}
    reasons: dict[str, str] = {}
    for layer in LAYER_ORDER:
        if roles[layer]:
            others = {m.name for other, modules in roles.items() if other != layer for m in modules}
            layers[layer], how = _patterns(roles[layer], survey, others)
            reasons[layer] = how
    if "api" not in layers:
        proposal.nothing_because = "no FastAPI route (@router.get/post/...) in the tree: no api layer to check"
        return proposal
    pinned = _settle(survey, layers, roles)
    if pinned:
        proposal.notes.append(f"{pinned} modules named outright where two layer patterns would match them equally")
    proposal.keys.append(ProposedKey(
        "preset", "recommended", "a layout of its own: the rules that hold on any layered backend"
    ))
    route_total = sum(len(m.routes) for m in survey.with_routes())
    for layer in LAYER_ORDER:
        if layer in layers:
            why = reasons[layer]
            if layer == "api":
                why = f"{route_total} routes in {len(roles['api'])} modules ({why})"
            proposal.keys.append(ProposedKey(layer, layers[layer], why))
    present = [layer for layer in LAYER_ORDER if layer in layers]
    if present != list(LAYER_ORDER):
        absent = [layer for layer in LAYER_ORDER if layer not in layers]
        proposal.keys.append(ProposedKey("layers", present, f"no {' or '.join(absent)} layer in the tree"))
    allow = _conventions(survey, layers, present)
    if allow:
        proposal.keys.append(ProposedKey("allow", [edge for edge, _ in allow], "; ".join(why for _, why in allow)))
    _wiring_keys(survey, layers, proposal)
    _dependency_providers(survey, layers, present, base or survey.root, proposal)
    return proposal


def _dependency_providers(
    survey: Survey, layers: dict[str, list[str]], present: list[str], base: Path, proposal: Proposal
) -> None:
    """Modules below the api layer that define FastAPI dependencies (they import ``Depends``:
    ``CurrentUser = Annotated[User, Depends(get_current_user)]`` in ``auth/service.py``) import
    fastapi by design: PXL105 is ignored for them, by name, and every other module keeps it."""
    if any(key.key == "allow" and "-> fastapi" in str(key.value) for key in proposal.keys):
        return
    providers = [
        module for layer in present if layer != "api" for module in _members(survey, layers, layer)
        if any(module.imports_package(f"fastapi.{name}") for name in ("Depends", "Security"))
    ]
    if not providers or len(providers) > 5:
        return
    globs: dict[str, list[str]] = {}
    for module in sorted(providers, key=lambda m: m.name):
        try:
            globs[module.path.resolve().relative_to(base.resolve()).as_posix()] = ["PXL105"]
        except ValueError:
            return
    proposal.keys.append(ProposedKey(
        "per-file-ignores", globs,
        f"they define FastAPI dependencies: {', '.join(m.name for m in providers)}",
    ))


def _conventions(survey: Survey, layers: dict[str, list[str]], present: list[str]) -> list[tuple[str, str]]:
    """Edges most modules of a layer take: the project's own rules, to be allowed."""
    edges: list[tuple[str, str]] = []
    members = {layer: _members(survey, layers, layer) for layer in present}
    modules_in = {layer: {m.name for m in members[layer]} for layer in present}

    def imports_layer(module: ModuleFacts, layer: str) -> bool:
        return any(name in modules_in[layer] for name in module.imports)

    has_services = "services" in present
    if has_services:
        routes = [m for m in survey.with_routes()]
        with_session = sum(survey.session_routes(m) for m in routes)
        total = sum(len(m.routes) for m in routes)
        if total and with_session / total >= _CONVENTION:
            edges.append(("api -> sqlalchemy", f"{with_session} of {total} routes take a session: routes own it"))
        for lower in [layer for layer in ("repositories", "models") if layer in present]:
            count, size = _share(members["api"], lambda m, lower=lower: imports_layer(m, lower))  # type: ignore[misc]
            if size and count / size >= _CONVENTION:
                edges.append((f"api -> {lower}", f"{count} of {size} api modules import {lower}"))
    if has_services and "repositories" in present:
        count, size = _share(members["services"], lambda m: any(m.imports_package(p) for p in _ORM))
        if size and count / size >= _CONVENTION:
            edges.append(("services -> sqlalchemy", f"{count} of {size} service modules query themselves"))
    for layer in ("services", "repositories"):
        if layer in present:
            count, size = _share(members[layer], lambda m: m.imports_package("fastapi"))
            if size and count / size >= _CONVENTION:
                edges.append((f"{layer} -> fastapi", f"{count} of {size} {layer} modules raise HTTP errors"))
    return edges


def _wiring_keys(survey: Survey, layers: dict[str, list[str]], proposal: Proposal) -> None:
    """types-modules, composition-roots and base classes, when the tree has them."""
    route_modules = {m.name for m in survey.with_routes()}
    by_module = Counter(a.module for a in survey.aliases if a.module not in route_modules)
    if by_module:
        types = [name for name, _ in by_module.most_common(3)]
        names = sorted({a.name for a in survey.aliases if a.module in types})
        proposal.keys.append(ProposedKey(
            "types-modules", types, f"they define the Annotated[..., Depends(...)] aliases {', '.join(names[:4])}"
        ))
    services = [
        (name, bases) for module in _members(survey, layers, "services") for name, bases in module.classes
        if name.endswith("Service")
    ]
    repositories = [
        (name, bases) for module in _members(survey, layers, "repositories") for name, bases in module.classes
        if name.endswith("Repository")
    ]
    for key, classes, default in (
        ("base-service", services, DEFAULT_CONFIG.base_service),
        ("base-repository", repositories, DEFAULT_CONFIG.base_repository),
    ):
        project_classes = {name for module in survey.modules.values() for name, _ in module.classes}
        bases = Counter(base for _, found in classes for base in found if base in project_classes)
        own = bases.most_common(1)
        if own and own[0][0] != default and own[0][1] >= max(2, (len(classes) + 1) // 2):
            proposal.keys.append(ProposedKey(key, own[0][0], f"{own[0][1]} of {len(classes)} classes inherit it"))
    if len(services) >= 2:
        roots = sorted({
            module.name for module in survey.modules.values()
            if module.name not in route_modules
            and sum(f"get_{_snake(name)}" in module.functions for name, _ in services) >= 2
        })
        if roots:
            proposal.keys.append(ProposedKey("composition-roots", roots[:3], "they define the service factories"))


def _snake(name: str) -> str:
    out = []
    for index, char in enumerate(name):
        if char.isupper() and index and not name[index - 1].isupper():
            out.append("_")
        out.append(char.lower())
    return "".join(out)
