"""The architecture model: one typed object per configuration, asked by every rule.

``architecture_of(config)`` builds it once (memoised) from ``[tool.pixcrawler_lint]``: the layer
patterns, the composition roots, types and admin modules, the layer policy (order, ``allow``,
``forbid``) and the rule selection (preset, ``select``, ``ignore``, ``per-file-ignores``,
``severity``). Rules ask it (``ctx.architecture.layer_of(name)``, ``.policy.allows(...)``,
``.enabled(code, path)``) instead of re-deriving the answer from the raw settings.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from pixcrawler_lint.architecture.layer import Layer
from pixcrawler_lint.architecture.patterns import Pattern, PatternError, parse_pattern
from pixcrawler_lint.architecture.policy import LAYER_NAMES, Edge, Policy, PolicyError
from pixcrawler_lint.architecture.selection import CommandLine, Selection
from pixcrawler_lint.config import DEFAULT_CONFIG, Config, ConfigError
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import known_code_prefix

__all__ = ["Architecture", "architecture_of", "resolve_preset", "LAYER_KEYS", "MODULE_KEYS"]

LAYER_KEYS: tuple[str, ...] = ("api", "services", "repositories", "models", "shared")
# Every key whose values are module patterns (source-roots, folders, is judged in misconfiguration.py).
MODULE_KEYS: tuple[str, ...] = (*LAYER_KEYS, "composition-roots", "types-modules", "admin-modules")
# The top package of the PixCrawler default layout: a project that has it is laid out that way.
_PIXCRAWLER_PACKAGE = "backend"


def resolve_preset(config: Config) -> str:
    """The preset in force when ``preset`` is not set (docs/configuration.md, "Presets"):

    1. the table sets a layer key or ``layers``: ``recommended`` (a layout of its own);
    2. the table sets other keys only: ``pixcrawler`` (it tunes the PixCrawler names);
    3. no table, or no ``pyproject.toml``: ``pixcrawler`` when there is no pyproject or a
       ``backend`` package lies next to it (or under ``src/``), else ``recommended``.
    """
    if config.preset:
        return config.preset
    if any(config.is_set(key) for key in (*LAYER_KEYS, "layers")):
        return "recommended"
    if config.explicit or config.source is None:
        return "pixcrawler"
    base = config.source.parent
    laid_out = any((root / _PIXCRAWLER_PACKAGE).is_dir() for root in (base, base / "src"))
    return "pixcrawler" if laid_out else "recommended"


def _where(config: Config) -> str:
    return str(config.source) if config.source is not None else "pyproject.toml"


class Architecture:
    """Layers, special modules, policy and selection of one configuration."""

    def __init__(self, config: Config) -> None:
        self.config = config
        where = _where(config)
        self.order: tuple[Layer, ...] = self._order(config, where)
        self.policy = self._policy(config, where)
        self._layer_patterns: list[tuple[Pattern, Layer, str]] = []
        for key in LAYER_KEYS:
            layer = LAYER_NAMES[key]
            patterns = self._patterns(config, key, where)
            if layer is not Layer.SHARED and layer not in self.order:
                if patterns and config.is_set(key):
                    raise ConfigError(
                        f"{where}: [tool.pixcrawler_lint] key '{key}' is set but '{key}' is not in `layers`"
                    )
                continue
            self._layer_patterns += [(pattern, layer, key) for pattern in patterns]
        self.composition_roots = self._patterns(config, "composition-roots", where)
        self.types_modules = self._patterns(config, "types-modules", where)
        self.admin_modules = self._patterns(config, "admin-modules", where)
        self._check_duplicates(where)
        self.preset = resolve_preset(config)
        self.selection = self._selection(config, where)
        self._layers: dict[str, Layer | None] = {}
        self._lock = threading.Lock()

    # --- construction ---

    @staticmethod
    def _order(config: Config, where: str) -> tuple[Layer, ...]:
        order: list[Layer] = []
        for name in config.layers:
            layer = LAYER_NAMES.get(name)
            if layer is None or layer is Layer.SHARED:
                raise ConfigError(
                    f"{where}: [tool.pixcrawler_lint] key 'layers': {name!r} is not one of "
                    "'api', 'services', 'repositories', 'models' (shared modules sit outside the order)"
                )
            if layer in order:
                raise ConfigError(f"{where}: [tool.pixcrawler_lint] key 'layers': {name!r} is listed twice")
            order.append(layer)
        return tuple(order)

    def _policy(self, config: Config, where: str) -> Policy:
        try:
            return Policy(self.order, config.allow, config.forbid, config.service_forbidden_imports)
        except PolicyError as error:
            key = "forbid" if any(str(e) in str(error) for e in config.forbid) else "allow"
            raise ConfigError(f"{where}: [tool.pixcrawler_lint] key '{key}': {error}") from None

    @staticmethod
    def _patterns(config: Config, key: str, where: str) -> tuple[Pattern, ...]:
        values: tuple[str, ...] = getattr(config, key.replace("-", "_"))
        try:
            return tuple(parse_pattern(value) for value in values)
        except PatternError as error:
            raise ConfigError(f"{where}: [tool.pixcrawler_lint] key '{key}': {error}") from None

    def _check_duplicates(self, where: str) -> None:
        seen: dict[tuple[str, ...], tuple[Layer, str]] = {}
        for pattern, layer, key in self._layer_patterns:
            other = seen.get(pattern.segments)
            if other is not None and other[0] is not layer:
                raise ConfigError(
                    f"{where}: [tool.pixcrawler_lint] pattern '{pattern}' is in both '{other[1]}' and '{key}'"
                )
            seen[pattern.segments] = (layer, key)

    @staticmethod
    def _selection(config: Config, where: str) -> Selection:
        lists = {
            "select": config.select, "extend-select": config.extend_select, "ignore": config.ignore,
            "per-file-ignores": tuple(c for _glob, codes in config.per_file_ignores for c in codes),
            "severity": tuple(code for code, _letter in config.severity),
        }
        for key, codes in lists.items():
            unknown = [code for code in codes if not known_code_prefix(code)]
            if unknown:
                raise ConfigError(
                    f"{where}: [tool.pixcrawler_lint] key '{key}': unknown rule code or prefix "
                    f"{', '.join(repr(c) for c in unknown)} (see `pixcrawler-lint rules`)"
                )
        base = config.source.parent if config.source is not None else None
        return Selection(
            resolve_preset(config), config.select, config.extend_select, config.ignore,
            config.per_file_ignores, config.severity, base,
        )

    # --- layers and special modules ---

    def layer_of(self, modname: str) -> Layer | None:
        """The layer of ``modname`` (an attribute ``pkg.mod.Name`` counts as its module);
        the most specific pattern wins; ``None``: the module belongs to no layer.

        Raises :class:`ConfigError` when two layers' patterns match it equally specifically.
        """
        if modname in self._layers:
            return self._layers[modname]
        best: list[tuple[Pattern, Layer, str]] = []
        best_specificity: tuple[int, int, int] | None = None
        for entry in self._layer_patterns:
            specificity = entry[0].specificity(modname)
            if specificity is None:
                continue
            if best_specificity is None or specificity > best_specificity:
                best, best_specificity = [entry], specificity
            elif specificity == best_specificity:
                best.append(entry)
        layers = {layer for _p, layer, _k in best}
        if len(layers) > 1:
            (first, _l1, key1), (second, _l2, key2) = [
                next(e for e in best if e[1] is layer) for layer in sorted(layers, key=lambda found: found.value)
            ][:2]
            raise ConfigError(
                f"{_where(self.config)}: [tool.pixcrawler_lint] module {modname} matches '{key1}' pattern "
                f"'{first}' and '{key2}' pattern '{second}' equally specifically; make one of them more specific"
            )
        layer = best[0][1] if best else None
        with self._lock:
            self._layers[modname] = layer
        return layer

    def is_composition_root(self, modname: str) -> bool:
        """Composition roots may import every layer and build services."""
        return any(p.matches(modname) for p in self.composition_roots)

    def is_types_module(self, modname: str) -> bool:
        """Types modules hold the ``*Dep`` / ``CurrentUser`` aliases."""
        return any(p.matches(modname) for p in self.types_modules)

    def is_admin_module(self, modname: str) -> bool:
        """Every route of an admin module must be guarded."""
        return any(p.matches(modname) for p in self.admin_modules)

    def top_packages(self) -> list[str]:
        """The literal top-level packages the patterns name (``backend``); wildcard tops are skipped."""
        patterns = (*(p for p, _l, _k in self._layer_patterns), *self.composition_roots, *self.types_modules)
        return sorted({p.top_package for p in patterns if p.top_package})

    def patterns_of(self, key: str) -> tuple[Pattern, ...]:
        """The patterns of one module key (``api``, ``composition-roots``…)."""
        if key in LAYER_KEYS:
            return tuple(p for p, _l, k in self._layer_patterns if k == key)
        return {"composition-roots": self.composition_roots, "types-modules": self.types_modules,
                "admin-modules": self.admin_modules}.get(key, ())

    # --- policy ---

    def allows(self, importer: Layer, imported: str) -> bool:
        """May a module of layer ``importer`` import ``imported`` (a layer name or a package)?"""
        return self.policy.allows(importer, imported)

    def forbidden_edges(self, importer: Layer, imported: str) -> list[Edge]:
        """The forbidden edges an import of the module or package ``imported`` breaks."""
        target = self.layer_of(imported)
        if target is not None:
            edge = self.policy.layer_edge(importer, target)
            return [edge] if edge is not None else []
        return self.policy.package_edges(importer, imported)

    # --- selection ---

    def enabled(self, code: str, path: str | None = None, command_line: CommandLine | None = None) -> bool:
        """Does rule ``code`` run on the file at ``path`` (``None``: anywhere)?"""
        return self.selection.enabled(code, path, command_line)

    def severity(self, code: str, default: Severity) -> Severity:
        """The severity findings of ``code`` are reported with."""
        return self.selection.severity(code, default)

    # --- loud misconfiguration ---

    def unmatched_patterns(self, modules: Iterable[str]) -> list[str]:
        """One line per configured pattern that matches none of ``modules`` (the project's).

        Only keys the table sets are judged: the built-in defaults are silent on a project that
        does not use them.
        """
        names = list(modules)
        lines = []
        for key in MODULE_KEYS:
            if not self.config.is_set(key):
                continue
            for pattern in self.patterns_of(key):
                if not any(pattern.matches(name) for name in names):
                    lines.append(f"[tool.pixcrawler_lint] {key}: pattern '{pattern}' matches no module of the project")
        return lines


_cache: dict[tuple[Config, Path | None], Architecture] = {}
_cache_lock = threading.Lock()


def architecture_of(config: Config | None = None) -> Architecture:
    """The architecture of ``config`` (default: the built-in one), built once per configuration."""
    config = config if config is not None else DEFAULT_CONFIG
    key = (config, config.source)
    found = _cache.get(key)
    if found is None:
        found = Architecture(config)
        with _cache_lock:
            if len(_cache) > 256:
                _cache.clear()
            _cache[key] = found
    return found
