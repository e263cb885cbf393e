"""``pixcrawler-lint init``: read a tree and propose its ``[tool.pixcrawler_lint]`` table.

:mod:`~pixcrawler_lint.init.survey` reads the tree (syntax only), :mod:`~pixcrawler_lint.init.propose`
turns what it read into keys with a reason each, :mod:`~pixcrawler_lint.init.render` prints them or
writes them into the nearest ``pyproject.toml``, and :mod:`~pixcrawler_lint.init.command` is the
sub-command the CLI mounts.
"""

from __future__ import annotations

from pixcrawler_lint.init.command import add_init_command, run_init

# Only the sub-command here: the CLI imports this package for every `check` (to mount `init` on
# its parser), and only `init` itself needs tomlkit and the survey. Import the steps from their
# modules: `pixcrawler_lint.init.survey.survey`, `.propose.propose`, `.render.render_proposal`.
__all__ = ["add_init_command", "run_init"]
