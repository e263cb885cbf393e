"""The project's own words for the suggestions of the rule messages.

A message tells the reader what to write instead, so it should name *their* types module, *their*
alias for a class (``UowDep``, ``CallerDep``), *their* composition root and exceptions module —
not PixCrawler's. :func:`vocabulary` reads the configured types modules and composition roots of
the linted project (syntax only, with :mod:`ast`: no inference, no import) and answers the
questions the messages ask.

On the PixCrawler layout (the layer and wiring keys at their defaults) the words are exactly the
ones the messages always used, whatever the tree holds, so that zero configuration keeps today's
findings byte for byte.

Nothing here raises: an unreadable or unparsable module just contributes no words.
"""

from __future__ import annotations

import ast
import fnmatch
import functools
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pixcrawler_lint.analysis.project import factory_name, layer_module_files, project_root
from pixcrawler_lint.config import DEFAULT_CONFIG, Config
from pixcrawler_lint.context import ModuleContext

__all__ = [
    "DependencyAlias", "Vocabulary", "vocabulary", "dependency_aliases", "is_pixcrawler_layout", "module_files",
    "pattern_matches", "breach_words",
]

# The keys that say where things are: all at their defaults means the PixCrawler layout.
_LAYOUT_KEYS: tuple[str, ...] = (
    "api", "services", "repositories", "models", "composition_roots", "types_modules", "layers",
)
_DEPENDENCY_MARKERS = frozenset({"Depends", "Security"})
_DEFAULT_SUFFIX = "Dep"  # FastAPI's own docs spell aliases SessionDep, TokenDep
_MAX_FILES = 2000
_PIXCRAWLER_EXCEPTIONS = "backend.core.exceptions"
_PIXCRAWLER_CRAWLER_HOME = "builder"


def is_pixcrawler_layout(config: Config) -> bool:
    """True when every layout key is at its default: the messages keep PixCrawler's words."""
    return all(getattr(config, key) == getattr(DEFAULT_CONFIG, key) for key in _LAYOUT_KEYS)


@dataclass(frozen=True)
class DependencyAlias:
    """``name = Annotated[target, Depends(provider)]`` at the top of a types module."""

    name: str
    target: str
    provider: str | None
    module: str


@dataclass(frozen=True)
class Vocabulary:
    """What the messages call things in this project."""

    types_module: str = "backend.api.types"
    composition_root: str = "backend.api.dependencies"
    aliases: tuple[DependencyAlias, ...] = ()
    # service class name -> the composition-root function that returns it
    factories: dict[str, str] = field(default_factory=dict)
    alias_suffix: str = _DEFAULT_SUFFIX
    current_user: str = "CurrentUser"
    exceptions_module: str | None = _PIXCRAWLER_EXCEPTIONS
    crawler_home: str | None = _PIXCRAWLER_CRAWLER_HOME
    has_services: bool = True
    has_repositories: bool = True
    pixcrawler: bool = True
    excluded_targets: frozenset[str] = frozenset()

    def alias_for(self, class_name: str) -> str:
        """The project's alias for ``class_name``, or the name its aliases' pattern gives it."""
        if not self.pixcrawler:
            for alias in self.aliases:
                if alias.target == class_name:
                    return alias.name
        if class_name.endswith(self.alias_suffix):
            return class_name  # already an alias name (a bare alias spelled inline): not ``XDepDep``
        return f"{class_name}{self.alias_suffix}"

    def pattern(self, placeholder: str) -> str:
        """``<Service>Dep`` in the project's alias pattern."""
        return f"{placeholder}{self.alias_suffix}"

    def service_alias_example(self, modname: str = "") -> str:
        """An alias of a service to show in ``e.g. `service: …```: one for the module's resource
        when the types modules have it, else any service alias, else the pattern."""
        if self.pixcrawler:
            return "ProjectServiceDep"
        candidates = [
            alias for alias in self.aliases
            if alias.target[:1].isupper() and alias.name != self.current_user
            and alias.target not in self.excluded_targets and alias.name not in self.excluded_targets
        ]
        resource = _resource(modname)
        for alias in candidates:
            if resource and resource in alias.target.lower():
                return alias.name
        services = [alias for alias in candidates if alias.target.endswith("Service")]
        chosen = services or candidates
        return chosen[0].name if chosen else self.pattern("<Resource>Service")

    def factory_for(self, service: str) -> str:
        """The composition-root function that builds ``service``, or ``get_<service>``."""
        return self.factories.get(service) or factory_name(service)

    def exception_hint(self) -> str:
        """`` (backend.core.exceptions)`` or nothing when the project has no exceptions module."""
        return f" ({self.exceptions_module})" if self.exceptions_module else ""

    def crawler_words(self) -> dict[str, str]:
        """Where crawling and HTTP belong: PixCrawler's ``builder`` package when there is one."""
        if self.crawler_home:
            return {"home": f"the {self.crawler_home} package", "callee": self.crawler_home}
        return {"home": "a client module outside the services layer", "callee": "that client"}

    def query_home(self) -> str:
        """Where a query belongs, given the layers the project has."""
        if self.has_repositories:
            return "a repository method the service calls" if self.has_services else "a repository function"
        return "the service" if self.has_services else "a function outside the route"


_PIXCRAWLER = Vocabulary()


def _resource(modname: str) -> str:
    """``backend.api.v1.endpoints.projects`` → ``project``; ``dispatch.case.views`` → ``case``."""
    parts = [p for p in modname.split(".") if p not in {"views", "endpoints", "routes", "api", "router", "routers"}]
    last = parts[-1] if parts else ""
    return last[:-1] if last.endswith("s") and len(last) > 3 else last


# --- finding the modules --------------------------------------------------------------------


def pattern_matches(modname: str, pattern: str) -> bool:
    """``dispatch.**.views`` matches ``dispatch.case.views`` (and what is below it); ``*`` is one
    segment, ``**`` any number, a plain pattern is a dotted prefix."""
    return _segments_match(modname.split("."), pattern.split("."))


def _segments_match(parts: list[str], segments: list[str]) -> bool:
    if not segments:
        return True
    head, rest = segments[0], segments[1:]
    if head == "**":
        return any(_segments_match(parts[i:], rest) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], head) and _segments_match(parts[1:], rest)


def module_files(root: Path, patterns: Iterable[str]) -> list[tuple[str, Path]]:
    """``(modname, file)`` of the modules under ``patterns`` (dotted prefixes or wildcards)."""
    plain = [p for p in patterns if "*" not in p]
    wild = [p for p in patterns if "*" in p]
    found: dict[str, Path] = dict(layer_module_files(root, plain) or [])
    if wild:
        tops = {p.split(".")[0] for p in wild if "*" not in p.split(".")[0]}
        bases = [root / top for top in sorted(tops)] if tops else [root]
        count = 0
        for base in bases:
            for path in sorted(base.rglob("*.py")) if base.is_dir() else []:
                count += 1
                if count > _MAX_FILES:
                    break
                if "__pycache__" in path.parts:
                    continue
                parts = list(path.relative_to(root).with_suffix("").parts)
                if parts[-1] == "__init__":
                    parts.pop()
                modname = ".".join(parts)
                if any(pattern_matches(modname, p) for p in wild):
                    found[modname] = path
    return sorted(found.items())


# --- reading them ---------------------------------------------------------------------------


def _spelled(expr: ast.expr | None) -> str | None:
    """The class an annotation names: ``Session``, ``orm.Session``, ``User | None``, ``"User"``."""
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
        left = _spelled(expr.left)
        return left if left not in (None, "None") else _spelled(expr.right)
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value.strip() or None
    return None


def _call_name(call: ast.expr) -> str | None:
    return _spelled(call.func) if isinstance(call, ast.Call) else None


def _read(path: Path) -> ast.Module | None:
    try:
        return ast.parse(path.read_text(encoding="utf-8", errors="replace"), filename=str(path))
    except (OSError, SyntaxError, ValueError, RecursionError):
        return None


def dependency_aliases(module: ast.Module, modname: str) -> list[DependencyAlias]:
    """The module-level ``X = Annotated[C, Depends(p)]`` of ``module``."""
    found = []
    for statement in module.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if not isinstance(target, ast.Name) or not isinstance(value, ast.Subscript):
            continue
        if _spelled(value.value) != "Annotated" or not isinstance(value.slice, ast.Tuple):
            continue
        first, *rest = value.slice.elts
        markers = [arg for arg in rest if isinstance(arg, ast.Call) and _call_name(arg) in _DEPENDENCY_MARKERS]
        cls = _spelled(first)
        if not markers or cls is None:
            continue
        marker = markers[0]
        provider = _spelled(marker.args[0]) if isinstance(marker, ast.Call) and marker.args else None
        found.append(DependencyAlias(target.id, cls, provider, modname))
    return found


def _factories(module: ast.Module) -> dict[str, str]:
    """Service class → the first function of a composition root annotated to return it."""
    found: dict[str, str] = {}
    for node in ast.walk(module):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            returned = node.returns
            if isinstance(returned, ast.Subscript):  # AsyncIterator[Service]
                returned = returned.slice
            name = _spelled(returned)
            if name and name[:1].isupper():
                found.setdefault(name, node.name)
    return found


def _suffix(aliases: Iterable[DependencyAlias]) -> str:
    """The suffix the aliases add to their class: ``SessionDep`` for ``Session`` → ``Dep``."""
    suffixes = Counter(
        alias.name[len(alias.target):]
        for alias in aliases
        if alias.name.startswith(alias.target) and len(alias.name) > len(alias.target)
    )
    return suffixes.most_common(1)[0][0] if suffixes else _DEFAULT_SUFFIX


def _current_user(aliases: list[DependencyAlias], config: Config) -> str:
    names = [alias.name for alias in aliases]
    if "CurrentUser" in names:
        return "CurrentUser"
    for alias in aliases:
        provider = (alias.provider or "").lower()
        if "current_user" in provider or any(n.lower() in provider for n in config.current_user_names):
            return alias.name
    return "CurrentUser"


def _first_existing(files: list[tuple[str, Path]], patterns: tuple[str, ...], fallback: str) -> str:
    if files:
        return files[0][0]
    plain = [p for p in patterns if "*" not in p]
    return plain[0] if plain else fallback


def _exceptions_module(root: Path, config: Config, layer_modules: list[str]) -> str | None:
    """``<shared prefix>.exceptions`` or ``<top package>.exceptions`` (or ``errors``) on disk."""
    tops = sorted({name.split(".")[0] for name in layer_modules})
    candidates = [*(p for p in config.shared if "*" not in p), *tops]
    for prefix in candidates:
        for leaf in ("exceptions", "errors"):
            base = root.joinpath(*prefix.split("."), leaf)
            if base.with_suffix(".py").is_file() or (base / "__init__.py").is_file():
                return f"{prefix}.{leaf}"
    return None


def _build(root: Path, config: Config) -> Vocabulary:
    types_files = module_files(root, config.types_modules)
    root_files = module_files(root, config.composition_roots)
    aliases: list[DependencyAlias] = []
    for modname, path in types_files:
        module = _read(path)
        if module is not None:
            aliases.extend(dependency_aliases(module, modname))
    factories: dict[str, str] = {}
    for _, path in root_files:
        module = _read(path)
        if module is not None:
            for cls, function in _factories(module).items():
                factories.setdefault(cls, function)
    services = module_files(root, config.services)
    repositories = module_files(root, config.repositories)
    layer_modules = [name for name, _ in (*types_files, *root_files, *services, *repositories)]
    layer_modules += [name for name, _ in module_files(root, config.api)]
    return Vocabulary(
        types_module=_first_existing(types_files, config.types_modules, "a types module"),
        composition_root=_first_existing(root_files, config.composition_roots, "a composition root"),
        aliases=tuple(aliases),
        factories=factories,
        alias_suffix=_suffix(aliases),
        current_user=_current_user(aliases, config),
        exceptions_module=_exceptions_module(root, config, layer_modules),
        crawler_home=_PIXCRAWLER_CRAWLER_HOME if (root / _PIXCRAWLER_CRAWLER_HOME / "__init__.py").is_file() else None,
        has_services=bool(services) and "services" in config.layers,
        has_repositories=bool(repositories) and "repositories" in config.layers,
        pixcrawler=False,
        excluded_targets=frozenset((*config.session_types, *config.admin_aliases)),
    )


_lock = threading.Lock()
_cache: dict[tuple[Path, Config], tuple[tuple[tuple[str, int], ...], Vocabulary]] = {}


def _stamp(root: Path, config: Config) -> tuple[tuple[str, int], ...]:
    stamps = []
    for _, path in module_files(root, (*config.types_modules, *config.composition_roots)):
        try:
            stamps.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            stamps.append((str(path), -1))
    return tuple(stamps)


def vocabulary(ctx: ModuleContext) -> Vocabulary:
    """The words of ctx's project (PixCrawler's on the PixCrawler layout); cached per module."""
    return ctx.cached("vocabulary", lambda: _vocabulary(ctx))


def _vocabulary(ctx: ModuleContext) -> Vocabulary:
    config: Config = ctx.config
    if is_pixcrawler_layout(config):
        return _PIXCRAWLER
    try:
        root = project_root(ctx)
        if root is None:
            return _build_without_tree(config)
        stamp = _stamp(root, config)
        key = (root, config)
        with _lock:
            cached = _cache.get(key)
            if cached is not None and cached[0] == stamp:
                return cached[1]
        words = _build(root, config)
        with _lock:
            _cache[key] = (stamp, words)
        return words
    except Exception:  # pylint: disable=broad-exception-caught  # words are a nicety, never a crash
        return _build_without_tree(config)


def breach_words(config: Config) -> dict[str, str]:
    """The project words of the import-rule messages (PXL104, PXL105) for a front end without a
    module at hand (the import contracts): the project is found from the ``pyproject.toml``
    directory and its ``source-roots``."""
    if is_pixcrawler_layout(config):
        words = _PIXCRAWLER
    else:
        words = _project_words(config)
    return {"exceptions": words.exception_hint(), **words.crawler_words()}


@functools.lru_cache(maxsize=32)
def _project_words(config: Config) -> Vocabulary:
    if config.source is None:
        return _build_without_tree(config)
    base = config.source.parent
    for root in (*(base / entry for entry in config.source_roots), base):
        try:
            if module_files(root, (*config.api, *config.services)):
                return _build(root, config)
        except Exception:  # pylint: disable=broad-exception-caught  # words are a nicety, never a crash
            break
    return _build_without_tree(config)


def _build_without_tree(config: Config) -> Vocabulary:
    return Vocabulary(
        types_module=_first_existing([], config.types_modules, "a types module"),
        composition_root=_first_existing([], config.composition_roots, "a composition root"),
        exceptions_module=None, crawler_home=None, pixcrawler=False,
        excluded_targets=frozenset((*config.session_types, *config.admin_aliases)),
    )
