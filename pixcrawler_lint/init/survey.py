"""What ``init`` reads from a tree: packages and modules, routes, aliases, classes, sessions.

Syntax only (:mod:`ast`): nothing is imported or inferred, so a tree of a thousand modules is
read in about a second, and a file that does not parse is recorded, not fatal.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pixcrawler_lint.analysis.vocabulary import DependencyAlias, dependency_aliases

__all__ = ["ModuleFacts", "Survey", "survey"]

# Directories that hold no application code.
_SKIPPED = frozenset({
    "tests", "test", "alembic", "migrations", "revisions", "__pycache__", "node_modules", "venv", ".venv",
    "build", "dist", "docs", "scripts", "site-packages",
})
_ROUTE_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "api_route", "websocket"})
_DEPENDENCY_MARKERS = frozenset({"Depends", "Security"})
_SESSION_CLASSES = frozenset({"Session", "AsyncSession"})
_SESSION_FACTORIES = frozenset({"sessionmaker", "async_sessionmaker", "scoped_session", "create_engine",
                                "create_async_engine"})
_ORM_PACKAGES = ("sqlalchemy", "sqlmodel")
_MAX_FILES = 5000


@dataclass
class ModuleFacts:
    """What one module shows."""

    name: str
    path: Path
    # per route: (parameter, the class its annotation names, the provider its Depends names)
    routes: list[list[tuple[str, str | None, str | None]]] = field(default_factory=list)
    aliases: list[DependencyAlias] = field(default_factory=list)
    classes: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)
    session_makers: list[str] = field(default_factory=list)  # "sessionmaker", "Session(engine)"…
    session_generators: list[str] = field(default_factory=list)
    imports: set[str] = field(default_factory=set)
    defines_tables: bool = False
    is_package: bool = False
    syntax_error: str | None = None

    @property
    def leaf(self) -> str:
        """The last segment of the name: ``views`` of ``dispatch.case.views``."""
        return self.name.rsplit(".", 1)[-1]

    def imports_package(self, package: str) -> bool:
        """True when the module imports ``package`` or something inside it."""
        return any(name == package or name.startswith(package + ".") for name in self.imports)


@dataclass
class Survey:
    """The tree ``init`` proposes a configuration for."""

    root: Path
    packages: list[str]
    modules: dict[str, ModuleFacts]

    def with_routes(self) -> list[ModuleFacts]:
        """Modules with at least one route."""
        return [m for m in self.modules.values() if m.routes]

    @property
    def aliases(self) -> list[DependencyAlias]:
        """Every ``Annotated[..., Depends(...)]`` alias of the tree."""
        return [alias for module in self.modules.values() for alias in module.aliases]

    def session_generators(self) -> set[str]:
        """Functions that yield a session (``get_db``)."""
        return {g for module in self.modules.values() for g in module.session_generators}

    def session_aliases(self) -> list[DependencyAlias]:
        """Aliases of a session: ``DbSession = Annotated[Session, Depends(get_db)]``."""
        generators = self.session_generators()
        return [a for a in self.aliases if a.target in _SESSION_CLASSES or a.provider in generators]

    def session_routes(self, module: ModuleFacts) -> int:
        """Routes of ``module`` that take a database session."""
        aliases = {a.name for a in self.session_aliases()}
        providers = self.session_generators() | {"get_db", "get_session"}
        return sum(
            any(target in _SESSION_CLASSES or target in aliases or provider in providers
                or (target is not None and "Session" in target)
                for _, target, provider in route)
            for route in module.routes
        )


def _project_root(path: Path) -> Path:
    """``path`` itself, or the directory above it when ``path`` is a package."""
    path = path.resolve()
    while (path / "__init__.py").is_file():
        path = path.parent
    return path


def _top_packages(root: Path) -> list[str]:
    return sorted(
        entry.name for entry in root.iterdir()
        if entry.is_dir() and entry.name not in _SKIPPED and (entry / "__init__.py").is_file()
        and entry.name.isidentifier()
    )


def _module_paths(root: Path, package: str) -> Iterator[tuple[str, Path]]:
    for directory, subdirectories, files in os.walk(root / package):
        here = Path(directory)
        subdirectories[:] = sorted(
            d for d in subdirectories if d not in _SKIPPED and (here / d / "__init__.py").is_file()
        )
        for file in sorted(files):
            if not file.endswith(".py"):
                continue
            parts = list((here / file).relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            yield ".".join(parts), here / file


def survey(path: Path) -> Survey:
    """Read the packages under ``path`` (or the package ``path`` is in)."""
    root = _project_root(path)
    packages = _top_packages(root)
    modules: dict[str, ModuleFacts] = {}
    for package in packages:
        for name, file in _module_paths(root, package):
            if len(modules) >= _MAX_FILES:
                break
            modules[name] = read_module(name, file)
    return Survey(root, packages, modules)


# --- one module -----------------------------------------------------------------------------


def _spelled(expr: ast.expr | None) -> str | None:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    if isinstance(expr, ast.Subscript):
        return _spelled(expr.value)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
        left = _spelled(expr.left)
        return left if left not in (None, "None") else _spelled(expr.right)
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value.strip() or None
    return None


def _annotated_parts(expr: ast.expr | None) -> tuple[str | None, str | None]:
    """``Annotated[Session, Depends(get_db)]`` → ``("Session", "get_db")``."""
    if isinstance(expr, ast.Subscript) and _spelled(expr.value) == "Annotated" and isinstance(expr.slice, ast.Tuple):
        first, *rest = expr.slice.elts
        for arg in rest:
            if isinstance(arg, ast.Call) and _spelled(arg.func) in _DEPENDENCY_MARKERS:
                return _spelled(first), _spelled(arg.args[0]) if arg.args else None
        return _spelled(first), None
    return _spelled(expr), None


def _is_route(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute):
            if decorator.func.attr in _ROUTE_VERBS and isinstance(decorator.func.value, (ast.Name, ast.Attribute)):
                return True
    return False


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[tuple[ast.arg, ast.expr | None]]:
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    yield from zip(positional, defaults)
    yield from zip(arguments.kwonlyargs, arguments.kw_defaults)


def _yields(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(node, (ast.Yield, ast.YieldFrom)) for node in ast.walk(function))


def _makes_session(node: ast.AST) -> str | None:
    """``sessionmaker(...)``, ``create_engine(...)``, ``Session(engine)``: what it is, else None."""
    if not isinstance(node, ast.Call):
        return None
    name = _spelled(node.func)
    if name in _SESSION_FACTORIES:
        return name
    if name in _SESSION_CLASSES and node.args:
        return f"{name}({ast.unparse(node.args[0])})"
    return None


def _imported_names(tree: ast.Module, modname: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = modname.split(".")[: -node.level] if node.level else []
                base = ".".join([*package, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def read_module(name: str, path: Path) -> ModuleFacts:
    """The facts of one file; a file that does not parse gets ``syntax_error`` set."""
    facts = ModuleFacts(name, path, is_package=path.name == "__init__.py")
    try:
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"), filename=str(path))
    except (SyntaxError, ValueError, RecursionError) as exc:
        facts.syntax_error = f"{type(exc).__name__}: {exc}"
        facts.aliases = _aliases_by_text(path, name)
        return facts
    except OSError as exc:
        facts.syntax_error = f"cannot read: {exc}"
        return facts
    facts.imports = _imported_names(tree, name)
    facts.aliases = dependency_aliases(tree, name)
    for node in ast.walk(tree):
        made = _makes_session(node)
        if made:
            facts.session_makers.append(made)
        if isinstance(node, ast.ClassDef):
            facts.classes.append((node.name, tuple(filter(None, (_spelled(b) for b in node.bases)))))
            if _defines_table(node):
                facts.defines_tables = True
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            facts.functions.append(node.name)
            returns = _spelled(node.returns.slice) if isinstance(node.returns, ast.Subscript) else None
            if _yields(node) and (returns in _SESSION_CLASSES or any(
                _makes_session(call) or _spelled(getattr(call, "func", None)) in {"SessionLocal", "session_factory"}
                for call in ast.walk(node)
            )):
                facts.session_generators.append(node.name)
            if _is_route(node):
                facts.routes.append([_parameter(argument, default) for argument, default in _parameters(node)])
    return facts


_ALIAS_LINE = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*(?::[^=]*)?=\s*(?:typing\.)?Annotated\[\s*(?P<target>[\w.]+)[^,\]]*,\s*"
    r"(?:fastapi\.)?(?:Depends|Security)\(\s*(?P<provider>[\w.]*)",
    re.MULTILINE,
)


def _aliases_by_text(path: Path, modname: str) -> list[DependencyAlias]:
    """The aliases of a file that does not parse (newer syntax than this interpreter), by text."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [
        DependencyAlias(m["name"], m["target"].rsplit(".", 1)[-1], m["provider"].rsplit(".", 1)[-1] or None, modname)
        for m in _ALIAS_LINE.finditer(text)
    ]


def _parameter(argument: ast.arg, default: ast.expr | None) -> tuple[str, str | None, str | None]:
    target, provider = _annotated_parts(argument.annotation)
    if isinstance(default, ast.Call) and _spelled(default.func) in _DEPENDENCY_MARKERS and default.args:
        provider = _spelled(default.args[0])
    return argument.arg, target, provider


def _defines_table(node: ast.ClassDef) -> bool:
    """``__tablename__``, ``SQLModel, table=True`` or a ``Mapped[...]`` column in the body."""
    if any(keyword.arg == "table" for keyword in node.keywords):
        return True
    for statement in node.body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__tablename__" for t in statement.targets
        ):
            return True
        if isinstance(statement, ast.AnnAssign) and _spelled(statement.annotation) == "Mapped":
            return True
        if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call) and _spelled(
            statement.value.func
        ) in {"Column", "mapped_column"}:
            return True
    return False


def orm_packages() -> tuple[str, ...]:
    """The ORM packages whose import marks data access."""
    return _ORM_PACKAGES
