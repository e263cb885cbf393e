"""A rule that crashes does not stop pylint or flake8: it becomes PXL900 / F7900, the others still report.

A test-only rule that raises is injected into the registry in-process (monkeypatch), then
pylint (``pylint.lint.Run`` with a collecting reporter) and flake8 (``flake8.main.cli.main``)
run in this process over a small project.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import astroid
import pytest
from flake8.main import cli as flake8_cli
from pylint.lint import Run
from pylint.reporters import CollectingReporter

from pixcrawler_lint import registry
from pixcrawler_lint.context import ModuleContext
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.registry import Rule, all_rules

SOURCE = '''"""Endpoints."""

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter()


@router.get("/a", response_model=int, summary="A")
def route_a() -> int:
    return 1
'''
SEP = "::"


class ExplodingRule(Rule):
    """A rule that always crashes (test only).

    ## What it does
    Raises.

    ## Why is this bad?
    It is a bug.

    ## Example
    Any file.

    ## Use instead
    A rule that works.
    """

    code = "PXL299"
    symbol = "exploding-rule"
    severity = Severity.CONVENTION
    message = "never reported"

    def check(self, ctx: ModuleContext) -> None:
        raise RuntimeError("deliberately broken")


@pytest.fixture()
def broken_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    all_rules()  # load the real rules first, so the injected one is added to a complete registry
    monkeypatch.setitem(registry._RULES, ExplodingRule.code, ExplodingRule)  # pylint: disable=protected-access


@pytest.fixture()
def module_file(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "broken"\nversion = "0"\n', encoding="utf-8")
    package = tmp_path / "backend" / "api"
    package.mkdir(parents=True)
    for directory in (tmp_path / "backend", package):
        (directory / "__init__.py").write_text('"""Package."""\n', encoding="utf-8")
    path = package / "routes.py"
    path.write_text(SOURCE, encoding="utf-8")
    yield path
    # in-process pylint cached this project's `backend` package: later tests lint other `backend`s
    astroid.MANAGER.clear_cache()


def test_pylint_reports_the_others_and_the_crash(broken_registry: None, module_file: Path) -> None:
    reporter = CollectingReporter()
    Run(
        [
            "--load-plugins=pixcrawler_lint", "--disable=all",
            "--enable=pixcrawler-endpoints,pixcrawler-internal", "--persistent=n", "--score=n",
            str(module_file),
        ],
        reporter=reporter,
        exit=False,
    )
    by_id = {(message.msg_id, message.line): message for message in reporter.messages}
    assert ("C7201", 11) in by_id  # missing operation_id: another rule still ran
    crash = by_id.get(("F7900", 1))
    assert crash is not None, sorted(by_id)
    assert "PXL299" in crash.msg and "exploding-rule" in crash.msg and "deliberately broken" in crash.msg
    assert str(module_file) in crash.msg or "routes.py" in crash.msg


def test_flake8_reports_the_others_and_the_crash(
    broken_registry: None, module_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(module_file.parents[2])
    exit_code = flake8_cli.main(
        [
            "--isolated", "--select=PXL", "-j", "1",
            f"--format=%(path)s{SEP}%(row)d{SEP}%(code)s{SEP}%(text)s", str(module_file),
        ]
    )
    rows = [line.split(SEP) for line in capsys.readouterr().out.splitlines() if line.count(SEP) >= 3]
    assert exit_code == 1
    codes = {(code, int(row)) for _, row, code, _ in rows}
    assert ("PXL201", 11) in codes
    crashes = [text for _, row, code, text in rows if code == "PXL900"]
    assert len(crashes) == 1, rows
    assert "PXL299" in crashes[0] and "exploding-rule" in crashes[0] and "routes.py" in crashes[0]
