"""Output formats of ``check``: ``text`` (default), ``json``, ``sarif``, ``github``, ``gitlab`` and ``junit``."""

from __future__ import annotations

from collections.abc import Callable

from pixcrawler_lint.cli.formatters.github import render_github
from pixcrawler_lint.cli.formatters.gitlab import render_gitlab
from pixcrawler_lint.cli.formatters.json_format import render_json
from pixcrawler_lint.cli.formatters.junit import render_junit
from pixcrawler_lint.cli.formatters.sarif import render_sarif
from pixcrawler_lint.cli.formatters.text import render_text
from pixcrawler_lint.cli.report import Report

__all__ = ["FORMATS", "render"]

FORMATS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "gitlab": render_gitlab,
    "junit": render_junit,
}


def render(format_name: str, report: Report) -> str:
    """The whole report in ``format_name``, ending with a newline."""
    return FORMATS[format_name](report)
