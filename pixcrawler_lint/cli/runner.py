"""Lint many files in parallel: a process pool whose tasks are chunks of one project root.

Each worker puts the chunk's project root first on ``sys.path`` (astroid resolves imports
from there and drops its cache when the root changes), so chunks are cut per root and a
worker keeps its astroid cache warm across the files of one chunk.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import signal
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from pixcrawler_lint.cli.cache import ProjectCache, pragmas_from_json, recording
from pixcrawler_lint.architecture.selection import CommandLine
from pixcrawler_lint.cli.discovery import group_by_project_root
from pixcrawler_lint.cli.suppression import Pragmas, parse_pragmas
from pixcrawler_lint.engine import internal_error, lint_module
from pixcrawler_lint.findings import Finding
from pixcrawler_lint.modules import (
    ParseError, activate_project_root, build_module, forget_project_root, locate_module, read_source,
)
from pixcrawler_lint.registry import Rule, all_rules
from pixcrawler_lint.rules.internal.syntax_error import syntax_error_finding

__all__ = ["FileResult", "lint_files", "lint_one", "default_jobs"]

# Below this many files a pool costs more than it saves.
_MIN_FILES_FOR_POOL = 8


@dataclass
class FileResult:
    """What one file yielded: engine findings and its suppression comments.

    A file that cannot be read or parsed yields one PXL903 finding, and ``skipped`` says why
    (printed as a warning instead when PXL903 is not selected).
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    pragmas: Pragmas = field(default_factory=Pragmas)
    skipped: str | None = None  # e.g. "syntax error at line 3: invalid syntax"
    loaded: list[str] = field(default_factory=list)  # files astroid loaded for it (the cache's dependencies)
    cached: bool = False  # taken from the cache, not linted


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _rules(codes: Sequence[str] | None) -> list[type[Rule]] | None:
    if codes is None:
        return None
    wanted = set(codes)
    return [rule for rule in all_rules() if rule.code in wanted]


def lint_one(path: Path, codes: Sequence[str] | None = None, command_line: CommandLine | None = None) -> FileResult:
    """Lint one file with the rules of ``codes`` (None: all) that its configuration enables
    (``command_line`` overrides it); never raises (a crash is PXL900). ``loaded`` records the
    project modules astroid handed out meanwhile (the cache's dependencies)."""
    with recording() as loaded:
        result = _lint_one(path, codes, command_line)
    result.loaded = sorted(loaded)
    return result


def _lint_one(path: Path, codes: Sequence[str] | None, command_line: CommandLine | None) -> FileResult:
    name = str(path)
    try:
        source = read_source(path)
    except (ParseError, OSError) as exc:
        why = f"cannot read: {exc.strerror or exc}" if isinstance(exc, OSError) else str(exc)
        return FileResult(name, [syntax_error_finding(name, why)], skipped=why)
    # One parse: the module astroid builds (or already built, importing the file from another
    # one) is what the rules read; its syntax error is the finding.
    try:
        location = locate_module(path)
        activate_project_root(location.root)
        module = build_module(source, name, location.modname, on_disk=True)
    except ParseError as exc:
        return _unparsed(name, exc.cause)
    except Exception as exc:  # pylint: disable=broad-exception-caught  # a crash must not end the run
        return FileResult(name, [internal_error(name, "engine", "engine", exc)])
    pragmas = parse_pragmas(source)
    try:
        findings = lint_module(module, name, rules=_rules(codes), command_line=command_line)
    except Exception as exc:  # pylint: disable=broad-exception-caught  # a crash must not end the run
        findings = [internal_error(name, "engine", "engine", exc)]
    return FileResult(name, findings, pragmas)


def _unparsed(name: str, cause: BaseException | None) -> FileResult:
    """The result of a file that does not parse: one PXL903 finding saying why (none when the
    parser did not fail, astroid did: the host tools' own checks report that)."""
    if isinstance(cause, SyntaxError):  # incl. IndentationError, TabError
        where = f" at line {cause.lineno}" if cause.lineno else ""
        why = f"{type(cause).__name__}{where}: {cause.msg}"
        return FileResult(name, [syntax_error_finding(name, why, cause.lineno or 1, (cause.offset or 1) - 1)],
                          skipped=why)
    if isinstance(cause, (ValueError, RecursionError, MemoryError)):  # a NUL byte; nesting past the limit
        why = f"cannot parse: {cause}" if isinstance(cause, ValueError) else f"cannot parse: {type(cause).__name__}"
        return FileResult(name, [syntax_error_finding(name, why)], skipped=why)
    return FileResult(name)


def _init_worker() -> None:
    # Ctrl-C is handled once, by the parent; rule modules are imported once per worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    all_rules()


def _pool_context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where available: forking a process that runs threads (a test runner, an
    IDE host) can deadlock the child; the server imports the engine once and forks from there."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context()
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pixcrawler_lint.cli.runner"])
    return context


def _lint_chunk(
    root: Path, files: Sequence[Path], codes: Sequence[str] | None, command_line: CommandLine | None = None,
) -> list[FileResult]:
    activate_project_root(root)
    return [lint_one(path, codes, command_line) for path in files]


def _chunks(files: list[Path], jobs: int) -> list[list[Path]]:
    size = max(1, min(32, len(files) // (jobs * 4) or 1))
    return [files[i:i + size] for i in range(0, len(files), size)]


def lint_files(
    files: Sequence[Path],
    jobs: int,
    on_done: Callable[[FileResult], None] | None = None,
    codes: Sequence[str] | None = None,
    command_line: CommandLine | None = None,
    caches: Mapping[Path, ProjectCache] | None = None,
) -> list[FileResult]:
    """Lint ``files`` with ``jobs`` processes (1: in this process); results in input order.

    ``codes`` limits the rules that run (None: every rule); each file's configuration then
    selects among them, with ``command_line`` (``--select`` / ``--ignore``) on top. With
    ``caches`` (one per project root, :mod:`pixcrawler_lint.cli.cache`) the results of
    unchanged files come from the cache and only the others are linted.
    """
    forget_project_root()  # files may have changed since an earlier run in this process
    groups = group_by_project_root(files)
    results: dict[str, FileResult] = {}
    owners: dict[str, ProjectCache] = {}
    for root, members in list(groups.items()):
        project_cache = caches.get(root) if caches else None
        if project_cache is None:
            continue
        todo = []
        for path in members:
            hit = project_cache.load(path)
            if hit is None:
                todo.append(path)
                owners[str(path)] = project_cache
            else:
                results[str(path)] = FileResult(str(path), hit[0], pragmas_from_json(hit[1]), cached=True)
                if on_done is not None:
                    on_done(results[str(path)])
        groups[root] = todo
    groups = {root: members for root, members in groups.items() if members}
    pending = sum(len(members) for members in groups.values())

    def done(result: FileResult) -> None:
        results[result.path] = result
        if on_done is not None:
            on_done(result)
        owner = owners.get(result.path)
        if owner is not None and not any(f.code == "PXL900" for f in result.findings):
            owner.store(Path(result.path), result.findings, result.pragmas, result.loaded)

    if jobs <= 1 or pending < _MIN_FILES_FOR_POOL:
        for root, members in groups.items():
            for result in _lint_chunk(root, members, codes, command_line):
                done(result)
    else:
        tasks = [(root, chunk) for root, members in groups.items() for chunk in _chunks(members, jobs)]
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(tasks)), mp_context=_pool_context(), initializer=_init_worker
        ) as pool:
            futures: dict[Future[list[FileResult]], list[Path]] = {
                pool.submit(_lint_chunk, root, chunk, codes, command_line): chunk for root, chunk in tasks
            }
            for future in as_completed(futures):
                try:
                    chunk_results = future.result()
                except (BrokenProcessPool, Exception) as exc:  # pylint: disable=broad-exception-caught
                    chunk_results = [
                        FileResult(str(p), [internal_error(str(p), "engine", "worker", exc)]) for p in futures[future]
                    ]
                for result in chunk_results:
                    done(result)
    return [results[str(path)] for path in files if str(path) in results]
