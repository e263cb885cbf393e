"""Configuration: the ``[tool.pixcrawler_lint]`` table of the nearest ``pyproject.toml``.

Zero configuration works on the PixCrawler layout; every key has the default of the spec.
A bad key or a wrong type raises :class:`ConfigError` with a one-line message naming the key.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Config", "ConfigError", "DEFAULT_CONFIG", "find_pyproject", "load_config", "config_for_path"]


class ConfigError(Exception):
    """A ``[tool.pixcrawler_lint]`` table that cannot be used; the message is one line."""


def _strings(*values: str) -> tuple[str, ...]:
    return tuple(values)


@dataclass(frozen=True)
class Config:
    """Every setting of the spec. Field ``foo_bar`` is TOML key ``foo-bar``."""

    api: tuple[str, ...] = _strings("backend.api")
    services: tuple[str, ...] = _strings("backend.services")
    repositories: tuple[str, ...] = _strings("backend.repositories", "backend.storage")
    models: tuple[str, ...] = _strings("backend.models", "backend.database")
    shared: tuple[str, ...] = _strings("backend.schemas", "backend.core", "backend.utils")
    composition_roots: tuple[str, ...] = _strings("backend.api.dependencies")
    types_modules: tuple[str, ...] = _strings("backend.api.types")
    admin_modules: tuple[str, ...] = _strings("backend.api.v1.endpoints.policies")
    # Admin scope by router (`module.variable`) and by the route's full mounted path.
    admin_routers: tuple[str, ...] = ()
    admin_path_prefixes: tuple[str, ...] = ()
    admin_guards: tuple[str, ...] = _strings("require_admin")
    admin_aliases: tuple[str, ...] = _strings("AdminUser")
    current_user_names: tuple[str, ...] = _strings("current_user")
    status_alias: str = "http_status"
    base_service: str = "BaseService"
    base_repository: str = "BaseRepository"
    timestamp_mixin: str = "TimestampMixin"
    session_types: tuple[str, ...] = _strings("AsyncSession", "Session", "DBSession")
    session_providers: tuple[str, ...] = _strings("get_session", "get_db")
    service_forbidden_imports: tuple[str, ...] = _strings(
        "requests", "httpx", "aiohttp", "urllib.request", "urllib3", "bs4", "lxml",
        "selenium", "playwright", "scrapy", "icrawler",
    )
    # "count" (default): imports under `if TYPE_CHECKING:` are checked like any other;
    # "ignore": they are skipped by the layer rules and contracts.
    type_checking_imports: str = "count"
    # --- the layer policy (docs/configuration.md, "Layer policy") ---
    layers: tuple[str, ...] = _strings("api", "services", "repositories", "models")
    allow: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    # --- rule selection (docs/configuration.md, "Rule selection") ---
    preset: str = ""  # "": automatic (see pixcrawler_lint.architecture.model.resolve_preset)
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    # The TOML keys the table sets (the others keep their defaults); not a TOML key.
    explicit: frozenset[str] = frozenset()
    # Folders (relative to the pyproject.toml) that the project runs with on sys.path.
    source_roots: tuple[str, ...] = ()
    # Where the settings came from (None: built-in defaults); not a TOML key.
    source: Path | None = field(default=None, compare=False)

    @staticmethod
    def keys() -> list[str]:
        """The TOML keys accepted in ``[tool.pixcrawler_lint]``."""
        return [f.name.replace("_", "-") for f in dataclasses.fields(Config) if f.name not in _NOT_KEYS]

    def is_set(self, key: str) -> bool:
        """True when the table sets ``key`` (TOML spelling or field name) itself."""
        return key.replace("-", "_") in self.explicit


_NOT_KEYS = frozenset({"source", "explicit"})

DEFAULT_CONFIG = Config()

_CHOICES: dict[str, tuple[str, ...]] = {
    "type_checking_imports": ("count", "ignore"),
    "preset": ("pixcrawler", "recommended"),
}
_SEVERITY_LETTERS = ("E", "W", "C")


def _code_table(key: str, value: Any, where: str, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(
            f"{where}: [tool.pixcrawler_lint] key '{key}' must be a table of {what}, "
            f"got {type(value).__name__} {value!r}"
        )
    return value


def _convert_table(key: str, name: str, value: Any, where: str) -> Any:
    if name == "per_file_ignores":
        table = _code_table(key, value, where, "path glob = [codes]")
        pairs = []
        for glob, codes in table.items():
            codes = [codes] if isinstance(codes, str) else codes
            if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                raise ConfigError(
                    f"{where}: [tool.pixcrawler_lint] key '{key}': '{glob}' must be a list of codes, got {codes!r}"
                )
            pairs.append((str(glob), tuple(codes)))
        return tuple(pairs)
    table = _code_table(key, value, where, 'code = "E" | "W" | "C"')
    for code, letter in table.items():
        if letter not in _SEVERITY_LETTERS:
            raise ConfigError(
                f"{where}: [tool.pixcrawler_lint] key '{key}': {code} must be one of "
                f"{', '.join(repr(c) for c in _SEVERITY_LETTERS)}, got {letter!r}"
            )
    return tuple((str(code), str(letter)) for code, letter in table.items())


def _check_items(key: str, name: str, value: list[str], where: str) -> None:
    """The admin scope keys have a shape: ``module.router`` names and ``/absolute`` paths."""
    for item in value:
        if name == "admin_routers" and (item.count(".") < 1 or not all(item.split("."))):
            raise ConfigError(
                f"{where}: [tool.pixcrawler_lint] key '{key}' names a router as 'module.variable', "
                f"got {item!r}"
            )
        if name == "admin_path_prefixes" and not item.startswith("/"):
            raise ConfigError(
                f"{where}: [tool.pixcrawler_lint] key '{key}' takes paths starting with '/', got {item!r}"
            )


def _convert(key: str, name: str, value: Any, where: str) -> Any:
    if name in ("per_file_ignores", "severity"):
        return _convert_table(key, name, value, where)
    default = getattr(DEFAULT_CONFIG, name)
    if isinstance(default, tuple):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(
                f"{where}: [tool.pixcrawler_lint] key '{key}' must be a list of strings, "
                f"got {type(value).__name__} {value!r}"
            )
        _check_items(key, name, value, where)
        return tuple(value)
    if not isinstance(value, str):
        raise ConfigError(
            f"{where}: [tool.pixcrawler_lint] key '{key}' must be a string, "
            f"got {type(value).__name__} {value!r}"
        )
    choices = _CHOICES.get(name)
    if choices and value not in choices:
        raise ConfigError(
            f"{where}: [tool.pixcrawler_lint] key '{key}' must be one of "
            f"{', '.join(repr(c) for c in choices)}, got {value!r}"
        )
    return value


def config_from_table(table: Any, where: str = "pyproject.toml", source: Path | None = None) -> Config:
    """Validate a ``[tool.pixcrawler_lint]`` table (a dict) and build a :class:`Config`."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [tool.pixcrawler_lint] must be a table, got {type(table).__name__}")
    known = Config.keys()
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            close = difflib.get_close_matches(key.replace("_", "-"), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(known)})"
            raise ConfigError(f"{where}: unknown key '{key}' in [tool.pixcrawler_lint]{hint}")
        name = key.replace("-", "_")
        values[name] = _convert(key, name, value, where)
        if name == "source_roots" and any(not item or Path(item).is_absolute() for item in values[name]):
            raise ConfigError(
                f"{where}: [tool.pixcrawler_lint] key '{key}' must list folders relative to pyproject.toml"
            )
    config = dataclasses.replace(DEFAULT_CONFIG, source=source, explicit=frozenset(values), **values)
    _validate_model(config)
    return config


def _validate_model(config: Config) -> None:
    """Patterns, edges and rule codes are checked by building the architecture model once."""
    from pixcrawler_lint.architecture.model import architecture_of  # pylint: disable=import-outside-toplevel

    architecture_of(config)


def load_config(pyproject: Path) -> Config:
    """Read ``pyproject`` and return its settings (defaults where the table is absent)."""
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{pyproject}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{pyproject}: invalid TOML: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{pyproject}: 'tool' must be a table, got {type(tool).__name__} {tool!r}")
    table = tool.get("pixcrawler_lint")
    if table is None:
        return dataclasses.replace(DEFAULT_CONFIG, source=pyproject)
    return config_from_table(table, where=str(pyproject), source=pyproject)


@functools.lru_cache(maxsize=1024)
def _find_pyproject_in(directory: Path) -> Path | None:
    for candidate in (directory, *directory.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            return pyproject
    return None


def find_pyproject(path: str | Path) -> Path | None:
    """The ``pyproject.toml`` nearest to ``path`` (a file or a directory), if any."""
    try:
        start = Path(path).resolve()
    except (OSError, RuntimeError):  # a symlink loop: its folder still has a pyproject.toml
        start = Path(path).absolute().parent.resolve()
        return _find_pyproject_in(start)
    return _find_pyproject_in(start if start.is_dir() else start.parent)


@functools.lru_cache(maxsize=256)
def _load_cached(pyproject: Path, mtime_ns: int) -> Config:
    return load_config(pyproject)


def config_for_path(path: str | Path) -> Config:
    """The settings that apply to the file at ``path``; raises :class:`ConfigError`."""
    pyproject = find_pyproject(path)
    if pyproject is None:
        return DEFAULT_CONFIG
    try:
        mtime = pyproject.stat().st_mtime_ns
    except OSError:
        return DEFAULT_CONFIG
    return _load_cached(pyproject, mtime)
