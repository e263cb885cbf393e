"""``pixcrawler-lint init``: read a tree and propose its ``[tool.pixcrawler_lint]`` table.

:mod:`~pixcrawler_lint.init.survey` reads the tree (syntax only), :mod:`~pixcrawler_lint.init.propose`
turns what it read into keys with a reason each, :mod:`~pixcrawler_lint.init.render` prints them or
writes them into the nearest ``pyproject.toml``, and :mod:`~pixcrawler_lint.init.command` is the
sub-command the CLI mounts.
"""

from __future__ import annotations

from pixcrawler_lint.init.command import add_init_command, run_init
from pixcrawler_lint.init.propose import Proposal, ProposedKey, propose
from pixcrawler_lint.init.render import render_proposal, write_proposal
from pixcrawler_lint.init.survey import Survey, survey

__all__ = [
    "add_init_command", "run_init", "Proposal", "ProposedKey", "propose", "render_proposal", "write_proposal",
    "Survey", "survey",
]
