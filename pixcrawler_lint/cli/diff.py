"""``--diff REV``: which lines changed since a git revision, and the revision checked out beside.

The base revision is checked out with ``git worktree add --detach`` so that ``check`` can lint
it too and report findings that the change caused in *other* files (a deleted factory, a
changed signature). With the cache on, the checkout sits in
``.pixcrawler_lint_cache/worktrees/<commit>`` at the repository top and is kept, so a second
run against the same base reuses both the checkout and its cached findings; with
``--no-cache`` it is a temporary folder removed afterwards.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["DiffError", "changed_lines", "parse_unified_diff", "repository_top", "base_checkout"]

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")


class DiffError(Exception):
    """git is missing, the directory is no repository, or the revision is unknown."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, text=True, check=False,
        )
    except OSError as exc:
        raise DiffError(f"cannot run git: {exc}") from None
    if proc.returncode != 0:
        detail = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        raise DiffError(f"git {' '.join(args[:2])} failed: {detail}")
    return proc.stdout


def _unquote(name: str) -> str:
    if name.startswith('"') and name.endswith('"'):
        return name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode(
            "utf-8", "replace"
        )
    return name


def parse_unified_diff(text: str) -> dict[str, set[int]]:
    """Repository-relative path → line numbers (in the new file) added or changed, from ``-U0`` output."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            target = _unquote(line[4:].rstrip("\t"))
            if target == "/dev/null":
                current = None
            else:
                current = changed.setdefault(target[2:] if target.startswith("b/") else target, set())
            continue
        match = _HUNK.match(line)
        if match and current is not None:
            start = int(match.group("start"))
            count = int(match.group("count")) if match.group("count") is not None else 1
            current.update(range(start, start + count))
    return changed


def changed_lines(revision: str, cwd: Path) -> dict[Path, set[int] | None]:
    """Absolute path → changed lines since ``revision`` (``None``: a new untracked file, all lines).

    Compares the working tree with ``revision`` (``git diff -U0 REV``); untracked files that
    git does not ignore count as entirely new. Raises :class:`DiffError`.
    """
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd)
    except DiffError:
        raise DiffError(f"unknown git revision {revision!r}") from None
    diff = _git(["diff", "--no-ext-diff", "--no-color", "-U0", revision, "--"], top)
    result: dict[Path, set[int] | None] = {
        (top / name).resolve(): lines for name, lines in parse_unified_diff(diff).items()
    }
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"):
        if name:
            result[(top / name).resolve()] = None
    return result


def repository_top(cwd: Path) -> Path:
    """The top folder of the git repository holding ``cwd``; raises :class:`DiffError`."""
    return Path(_git(["rev-parse", "--show-toplevel"], cwd).strip()).resolve()


def _checked_out(folder: Path, commit: str) -> bool:
    try:
        return _git(["rev-parse", "HEAD"], folder).strip() == commit and not _git(["status", "--porcelain"], folder)
    except DiffError:
        return False


@contextlib.contextmanager
def base_checkout(revision: str, cwd: Path, keep: bool) -> Iterator[Path]:
    """The top of a checkout of ``revision`` (a git worktree, detached); raises :class:`DiffError`."""
    top = repository_top(cwd)
    commit = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd).strip()
    if keep:
        home = top / ".pixcrawler_lint_cache" / "worktrees"
        folder = home / commit
        if _checked_out(folder, commit):
            yield folder
            return
        home.mkdir(parents=True, exist_ok=True)
        ignore = home.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by pixcrawler-lint.\n*\n", encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        _git(["worktree", "prune"], top)
        _git(["worktree", "add", "--detach", "--quiet", str(folder), commit], top)
        yield folder
        return
    scratch = Path(tempfile.mkdtemp(prefix="pixcrawler-lint-base-"))
    folder = scratch / "base"
    try:
        _git(["worktree", "add", "--detach", "--quiet", str(folder), commit], top)
        yield folder
    finally:
        with contextlib.suppress(DiffError):
            _git(["worktree", "remove", "--force", str(folder)], top)
        shutil.rmtree(scratch, ignore_errors=True)
        with contextlib.suppress(DiffError):
            _git(["worktree", "prune"], top)
