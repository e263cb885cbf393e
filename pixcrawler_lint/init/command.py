"""The ``init`` sub-command: ``pixcrawler-lint init [PATH] [--write]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from pixcrawler_lint.config import find_pyproject

__all__ = ["add_init_command", "run_init", "InitError"]


class InitError(Exception):
    """A PATH that cannot be read; the message is one line."""


def add_init_command(commands: Any) -> None:
    """Mount ``init`` on the CLI's sub-command parsers."""
    init = commands.add_parser("init", help="propose a [tool.pixcrawler_lint] table for a tree")
    init.add_argument("path", nargs="?", default=".", type=Path, help="project directory (default: .)")
    init.add_argument("--write", action="store_true",
                      help="put the proposal into the nearest pyproject.toml (keeping its formatting)")


def run_init(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Print the proposal; with ``--write`` also put it into the nearest ``pyproject.toml``."""
    # Imported here: every `check` builds the parser, and only `init` needs tomlkit and the survey.
    from pixcrawler_lint.init.propose import propose  # pylint: disable=import-outside-toplevel
    from pixcrawler_lint.init.render import render_proposal, write_proposal  # pylint: disable=import-outside-toplevel
    from pixcrawler_lint.init.survey import survey  # pylint: disable=import-outside-toplevel

    path: Path = args.path
    if not path.is_dir():
        raise InitError(f"{path}: not a directory")
    found = survey(path)
    existing = find_pyproject(found.root)
    pyproject = existing if existing is not None else found.root / "pyproject.toml"
    proposal = propose(found, pyproject.parent)
    where = f"{len(found.modules)} modules of {', '.join(found.packages) or 'no package'} under {found.root}"
    stdout.write(render_proposal(proposal, where))
    if args.write and proposal.nothing_because is None:
        write_proposal(proposal, pyproject)
        stderr.write(f"pixcrawler-lint: wrote [tool.pixcrawler_lint] to {pyproject}\n")
    return 0
