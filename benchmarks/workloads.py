"""The in-process workloads that ``benchmarks/run.py`` times, each in a fresh interpreter.

    python benchmarks/workloads.py floor  <tree> [PKG…]  # astroid-build every file, nothing else
    python benchmarks/workloads.py floor-lazy <tree>     # the same, libraries built lazily as our CLI does
    python benchmarks/workloads.py engine <tree>         # the engine over every file (CLI stand-in)
    python benchmarks/workloads.py flake8 [--bare] ARGS  # flake8's own main(), optionally without PXL

Every workload runs in its own process so that each measurement starts cold (no astroid cache)
and its peak memory is its own. ``flake8 --bare`` runs the same flake8 entry point with the
pixcrawler-lint plugin filtered out of plugin discovery, so the two flake8 runs differ only by
the plugin (flake8 has no switch that stops a plugin from running).
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["python_files", "floor", "engine", "flake8"]


def python_files(tree: Path, packages: list[str] | None = None) -> list[Path]:
    """Every ``.py`` file of the tree's packages (default ``backend``), sorted (the linted set)."""
    return sorted(
        p for package in (packages or ["backend"]) for p in (tree / package).rglob("*.py")
        if "__pycache__" not in p.parts
    )


def floor(tree: Path, lazy: bool = False, packages: list[str] | None = None) -> int:
    """Build an astroid module of every file, as any astroid-based linter must; no inference.

    ``lazy``: with the enum-transform predicate the engine front ends install
    (:mod:`pixcrawler_lint.library_builds`), so building a module does not build its classes'
    library ancestors. This is the floor the CLI and flake8 actually stand on.
    """
    import astroid
    from astroid.builder import AstroidBuilder

    if lazy:
        from pixcrawler_lint import library_builds

        library_builds.install()

    sys.path.insert(0, str(tree.resolve()))
    builder = AstroidBuilder(astroid.MANAGER)
    for path in python_files(tree, packages):
        modname = ".".join(path.relative_to(tree).with_suffix("").parts).removesuffix(".__init__")
        try:
            builder.string_build(path.read_text(encoding="utf-8"), modname=modname, path=str(path))
        except astroid.AstroidSyntaxError:
            pass  # real trees hold files newer than the interpreter (fullstack's 3.14 syntax); every tool skips them
    return 0


def engine(tree: Path) -> int:
    """Run the engine over every file, in one process (what ``pixcrawler-lint check`` does)."""
    from pixcrawler_lint.engine import lint_file

    findings = 0
    for path in python_files(tree):
        findings += len(lint_file(path))
    print(f"findings={findings}")
    return 0


def flake8(args: list[str]) -> int:
    """flake8's command line; with ``--bare`` first, the PXL plugin is not loaded."""
    from flake8.main import cli
    from flake8.plugins import finder

    if args[:1] == ["--bare"]:
        args = args[1:]
        discover = finder.find_plugins

        def find_plugins_without_pxl(*a: object, **k: object) -> list[finder.Plugin]:
            return [p for p in discover(*a, **k) if p.package != "pixcrawler-lint"]  # type: ignore[arg-type]

        finder.find_plugins = find_plugins_without_pxl  # type: ignore[assignment]
    try:
        cli.main(args)
    except SystemExit as exit_:
        return int(exit_.code or 0) if exit_.code in (0, 1, None) else 2
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] in ("floor", "floor-lazy"):
        return floor(Path(argv[1]), lazy=argv[0] == "floor-lazy", packages=argv[2:] or None)
    if len(argv) >= 2 and argv[0] == "engine":
        return engine(Path(argv[1]))
    if argv and argv[0] == "flake8":
        return flake8(argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
