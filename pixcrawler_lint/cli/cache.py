"""The persistent cache of ``check``: ``.pixcrawler_lint_cache/`` beside the project (as ruff keeps one).

A file's findings (and its suppression comments) are reused when nothing they may depend on
has changed. The key is conservative — when unsure, more goes in:

* the linter version, the whole ``pyproject.toml`` and the resolved configuration, the codes run;
* the file's own bytes;
* every project file it imports, transitively (static imports, relative ones resolved, the
  ``__init__`` of every package on the way);
* the whole-project inputs of the wiring and signature rules — every module of the
  composition roots, the types modules and the models layer;
* the list of the project's files (a file added or removed anywhere invalidates everything);
* every project module astroid loaded while linting the file last time (inference follows
  names that static imports do not show), recorded by :func:`recording`.

Entries are JSON (never pickle: the folder may be writable by others), one per file, written
to a temporary file and renamed, so concurrent runs only ever read whole entries; an entry that
cannot be read is a miss. ``--no-cache`` turns it off.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from astroid import __file__ as astroid_file
from astroid.manager import AstroidManager

from pixcrawler_lint import __version__
from pixcrawler_lint.config import Config, config_for_path, find_pyproject
from pixcrawler_lint.findings import Finding, Severity
from pixcrawler_lint.modules import locate_module

__all__ = ["CACHE_DIR", "ProjectCache", "recording", "pragmas_to_json", "pragmas_from_json"]

CACHE_DIR = ".pixcrawler_lint_cache"
_ENTRY_VERSION = 1

# --- what astroid loads while a file is linted ------------------------------------------------

_recorder = threading.local()
_patch_lock = threading.Lock()
_patched = False


def _record(path: str | None) -> None:
    seen: set[str] | None = getattr(_recorder, "seen", None)
    if seen is not None and path:
        seen.add(path)


def _install_patches() -> None:
    """Wrap the AstroidManager methods that load modules (class level: astroid makes new managers)."""
    global _patched
    with _patch_lock:
        if _patched:
            return
        by_name = AstroidManager.ast_from_module_name
        by_file = AstroidManager.ast_from_file

        def ast_from_module_name(self: AstroidManager, modname: str | None, *args: Any, **kwargs: Any) -> Any:
            module = by_name(self, modname, *args, **kwargs)
            _record(getattr(module, "file", None))
            return module

        def ast_from_file(self: AstroidManager, filepath: str, *args: Any, **kwargs: Any) -> Any:
            _record(filepath)
            return by_file(self, filepath, *args, **kwargs)

        AstroidManager.ast_from_module_name = ast_from_module_name
        AstroidManager.ast_from_file = ast_from_file
        _patched = True


@contextlib.contextmanager
def recording() -> Iterator[set[str]]:
    """The files of the modules astroid hands out inside the block (this thread only)."""
    _install_patches()
    seen: set[str] = set()
    previous = getattr(_recorder, "seen", None)
    _recorder.seen = seen
    try:
        yield seen
    finally:
        _recorder.seen = previous


# --- (de)serialising results ------------------------------------------------------------------


def _finding_to_json(finding: Finding) -> dict[str, Any]:
    data = dataclasses.asdict(finding)
    data["severity"] = finding.severity.value
    return data


def _finding_from_json(data: dict[str, Any]) -> Finding:
    return Finding(**{**data, "severity": Severity(data["severity"])})


def pragmas_to_json(pragmas: Any) -> dict[str, Any]:
    return {
        "noqa": [[c.line, c.col, list(c.codes), list(c.covers)] for c in pragmas.noqa],
        "disabled": [[d.first, d.last, sorted(d.names)] for d in pragmas.disabled],
        "skip_file": pragmas.skip_file,
    }


def pragmas_from_json(data: dict[str, Any]) -> Any:
    from pixcrawler_lint.cli.suppression import DisabledRange, NoqaComment, Pragmas

    return Pragmas(
        noqa=[NoqaComment(line, col, tuple(codes), (covers[0], covers[1]))
              for line, col, codes, covers in data["noqa"]],
        disabled=[DisabledRange(first, last, frozenset(names)) for first, last, names in data["disabled"]],
        skip_file=bool(data["skip_file"]),
    )


# --- the project index: hashes and static imports of every project file -----------------------


def _resolved(path: Path) -> Path:
    """``path.resolve()``, or the absolute path for a symlink loop (pathlib raises RuntimeError)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _top_packages(files: Iterable[Path], root: Path) -> set[str]:
    tops = set()
    for file in files:
        tops.add(locate_module(file).modname.split(".")[0])
    return {top for top in tops if (root / top / "__init__.py").is_file() or (root / f"{top}.py").is_file()}


def _project_files(root: Path, tops: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for top in sorted(tops):
        if (root / f"{top}.py").is_file():
            found.append(root / f"{top}.py")
        for current, dirnames, filenames in os.walk(root / top):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            found += [Path(current) / name for name in sorted(filenames) if name.endswith(".py")]
    return found


def _modname(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_names(tree: ast.AST, modname: str, is_package: bool) -> set[str]:
    names: set[str] = set()
    package = modname if is_package else modname.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".") if package else []
                anchor = anchor[:len(anchor) - (node.level - 1)] if node.level > 1 else anchor
                base = ".".join([*anchor, *([base] if base else [])])
            if base:
                names.add(base)
            names.update(f"{base}.{alias.name}" if base else alias.name for alias in node.names)
    return names


_IMPORT_START = re.compile(rb"^[ \t]*(?:from[ \t]+\.*[\w.]*[ \t]+import\b|import[ \t]+\w)")
_IMPORT_WORD = re.compile(rb"\bimport\b")


def _import_statements(data: bytes) -> bytes | None:
    """The import statements of a file's source, each dedented onto its own lines (a
    parenthesised name list and backslash continuations kept whole), for :func:`_import_tree`;
    ``None`` when a line uses ``import`` in any other way (``if X: import y``, ``x = 1; import
    y``, a continued ``from a \\ import b``, prose in a string): then the whole file is parsed."""
    lines = data.split(b"\n")
    found: list[bytes] = []
    index, previous_continues = 0, False
    while index < len(lines):
        line = lines[index]
        code = line.split(b"#", 1)[0]
        if _IMPORT_START.match(line) and not previous_continues:
            statement = [line.strip()]
            depth = code.count(b"(") - code.count(b")")
            while (depth > 0 or code.rstrip().endswith(b"\\")) and index + 1 < len(lines):
                index += 1
                code = lines[index].split(b"#", 1)[0]
                statement.append(lines[index])
                depth += code.count(b"(") - code.count(b")")
            found.append(b"\n".join(statement))
            previous_continues = False
        elif _IMPORT_WORD.search(code):
            return None
        else:
            previous_continues = code.rstrip().endswith(b"\\")
        index += 1
    return b"\n".join(found)


def _import_tree(data: bytes) -> ast.AST:
    """A tree holding at least every import statement of the file (parsing only those is a
    tenth of parsing the file); raises what ``ast.parse`` raises for the whole file. A line of
    prose that reads as an import only adds a dependency (a more conservative key)."""
    statements = _import_statements(data)
    if statements is not None:
        with contextlib.suppress(SyntaxError, ValueError):
            return ast.parse(statements)
    return ast.parse(data)


@dataclass
class _Index:
    root: Path
    hashes: dict[Path, str]
    by_module: dict[str, Path]
    imports: dict[Path, set[Path]] = field(default_factory=dict)
    listing: str = ""

    def file_of(self, name: str) -> list[Path]:
        """The project files ``name`` loads: the module and the ``__init__`` of each package on the way."""
        parts = name.split(".")
        return [self.by_module[prefix] for i in range(1, len(parts) + 1)
                if (prefix := ".".join(parts[:i])) in self.by_module]

    def closure(self, starts: Iterable[Path]) -> set[Path]:
        seen: set[Path] = set()
        stack = list(starts)
        while stack:
            path = stack.pop()
            if path in seen or path not in self.hashes:
                continue
            seen.add(path)
            stack.extend(self.imports.get(path, ()))
        return seen


def _build_index(root: Path, tops: Iterable[str], known: dict[str, list[str]]) -> tuple[_Index, bool]:
    """The index of the project; ``known`` maps content hashes to imported names (updated here)."""
    files = _project_files(root, tops)
    index = _Index(root, {}, {_modname(root, path): path for path in files})
    added = False
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            index.hashes[path] = "unreadable"
            continue
        digest = hashlib.sha256(data).hexdigest()
        index.hashes[path] = digest
        modname = _modname(root, path)
        cache_key = _digest(digest, modname, path.name)
        names = known.get(cache_key)
        if names is None:
            try:
                tree = _import_tree(data)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue
            names = sorted(_imported_names(tree, modname, path.name == "__init__.py"))
            known[cache_key] = names
            added = True
        index.imports[path] = {dep for name in names for dep in index.file_of(name)} - {path}
    index.listing = _digest(*(path.relative_to(root).as_posix() for path in files))
    return index, added


def _prefix_files(index: _Index, prefixes: Iterable[str]) -> list[Path]:
    wanted = [prefix.replace("*", "") .rstrip(".") for prefix in prefixes]
    return [path for name, path in index.by_module.items()
            if any(name == prefix or name.startswith(prefix + ".") for prefix in wanted if prefix)]


def _canonical(value: object) -> str:
    """``repr`` with every set in sorted order: the key must be the same in every process, and
    a set of strings iterates in an order that changes with each interpreter's hash seed (the
    configuration's ``explicit`` keys made every entry of a configured project a miss)."""
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(_canonical(item) for item in value)) + "}"
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(_canonical(item) for item in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(sorted(f"{_canonical(k)}: {_canonical(v)}" for k, v in value.items())) + "}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ", ".join(f"{f.name}={_canonical(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__name__}({fields})"
    return repr(value)


# --- the cache ----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def linter_fingerprint() -> str:
    """The version plus size and mtime of every module of the linter (a development checkout
    changes its rules without changing its version) and of astroid, which does the inference."""
    parts = [__version__]
    for package in (Path(__file__).resolve().parents[1], Path(astroid_file).resolve().parent):
        for path in sorted(package.rglob("*.py")):
            with contextlib.suppress(OSError):
                stat = path.stat()
                parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return _digest(*parts)


class ProjectCache:
    """The cache of one project root for one run of ``check``."""

    def __init__(self, root: Path, files: Sequence[Path], codes: Sequence[str] | None) -> None:
        root = root.resolve()
        self.root = root
        self._resolved: dict[Path, Path] = {}
        self._keys: dict[Path, str | None] = {}
        pyproject = find_pyproject(root)
        self.directory = (pyproject.parent if pyproject is not None else root) / CACHE_DIR
        self.enabled = True
        known = self._read_json("imports.json")
        if not isinstance(known, dict):
            known = {}
        self.index, added = _build_index(root, _top_packages(files, root), known)
        if added:
            self._write_json("imports.json", known)
        config: Config = config_for_path(files[0]) if files else config_for_path(root / "__probe__.py")
        try:
            pyproject_text = pyproject.read_text(encoding="utf-8", errors="replace") if pyproject else ""
        except OSError:
            pyproject_text = "unreadable"
        # The modules themselves; what they import counts for a file only when it imports (or
        # last time loaded) it too, else editing any service would re-lint the whole project.
        shared = set(_prefix_files(self.index, [*config.composition_roots, *config.types_modules, *config.models]))
        self.base_key = _digest(
            linter_fingerprint(), str(_ENTRY_VERSION), pyproject_text, _canonical(config),
            ",".join(codes) if codes else "*",
            self.index.listing, *(f"{p}={self.index.hashes[p]}" for p in sorted(shared)),
        )
        self.project_key = _digest(self.base_key, *(f"{p}={h}" for p, h in sorted(self.index.hashes.items())))

    def _read_json(self, name: str) -> Any:
        try:
            return json.loads((self.directory / f"v{_ENTRY_VERSION}" / name).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return None

    def _write_json(self, name: str, data: Any) -> None:
        self._write(self.directory / f"v{_ENTRY_VERSION}" / name, json.dumps(data))

    def _write(self, target: Path, payload: str) -> None:
        """Write through a temporary file and a rename; a cache that cannot be written is off."""
        if not self.enabled:
            return
        try:
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False,
                                             prefix=".", suffix=".tmp") as handle:
                handle.write(payload)
            os.replace(handle.name, target)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(handle.name)
            self.enabled = False

    def load_contracts(self, linted: Sequence[Path]) -> list[Finding] | None:
        """The contract findings of the last run when no project file changed since."""
        data = self._read_json(self._contracts_file())
        try:
            if data is None or data["key"] != self._contracts_key(linted):
                return None
            return [_finding_from_json(f) for f in data["findings"]]
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def store_contracts(self, linted: Sequence[Path], findings: Sequence[Finding]) -> None:
        self._write_json(self._contracts_file(), {
            "key": self._contracts_key(linted), "findings": [_finding_to_json(f) for f in findings],
        })

    def _contracts_file(self) -> str:
        """One file per project root: the roots of one project share its cache folder (dispatch
        has 19), and with one file each root's findings overwrote the others'."""
        return f"contracts-{_digest(str(self.root))[:16]}.json"

    def _contracts_key(self, linted: Sequence[Path]) -> str:
        return _digest(self.project_key, *sorted(str(path) for path in linted))

    def _resolve(self, path: Path) -> Path:
        if path not in self._resolved:
            self._resolved[path] = _resolved(path)
        return self._resolved[path]

    def _key(self, path: Path) -> str | None:
        """The key of ``path``'s entry; computed once per run (``load`` and ``store`` both ask,
        and the closure of a file's imports spans most of a big project)."""
        path = self._resolve(path)
        if path not in self._keys:
            self._keys[path] = self._compute_key(path)
        return self._keys[path]

    def _compute_key(self, path: Path) -> str | None:
        own = self.index.hashes.get(path)
        if own is None:  # not below a project package (a loose script): content only
            try:
                own = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                return None
        deps = self.index.closure(self.index.imports.get(path, ())) - {path}
        # sorted as strings: comparing hundreds of Paths part by part cost more than the digest
        return _digest(self.base_key, str(path), own, *sorted(f"{p}={self.index.hashes[p]}" for p in deps))

    def _entry_path(self, path: Path) -> Path:
        name = hashlib.sha256(str(self._resolve(path)).encode("utf-8", "surrogateescape")).hexdigest()
        return self.directory / f"v{_ENTRY_VERSION}" / name[:2] / f"{name}.json"

    def load(self, path: Path) -> tuple[list[Finding], dict[str, Any]] | None:
        """The cached findings and pragmas (JSON) of ``path``, or None on a miss."""
        key = self._key(path)
        if key is None:
            return None
        try:
            data = json.loads(self._entry_path(path).read_text(encoding="utf-8"))
            if data["key"] != key:
                return None
            for relative, digest in data["loaded"].items():
                if self.index.hashes.get(self.root / relative) != digest:
                    return None
            return [_finding_from_json(f) for f in data["findings"]], data["pragmas"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def store(self, path: Path, findings: Sequence[Finding], pragmas: Any, loaded: Iterable[str]) -> None:
        """Remember the result of ``path``; a cache that cannot be written is silently off."""
        key = self._key(path)
        if key is None or not self.enabled:
            return
        recorded = {}
        for name in loaded:
            file = _resolved(Path(name))
            if file in self.index.hashes and file != self._resolve(path):
                recorded[file.relative_to(self.root).as_posix()] = self.index.hashes[file]
        payload = json.dumps({
            "key": key, "loaded": recorded, "findings": [_finding_to_json(f) for f in findings],
            "pragmas": pragmas_to_json(pragmas),
        })
        self._write(self._entry_path(path), payload)

    def _prepare(self) -> None:
        if (self.directory / ".gitignore").is_file():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / ".gitignore").write_text("# Created by pixcrawler-lint.\n*\n", encoding="utf-8")
        (self.directory / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# pixcrawler-lint cache, see https://bford.info/cachedir/\n",
            encoding="utf-8",
        )
