"""The progress indicator: drawn only on a terminal, after a delay, throttled, erased at the end."""

from __future__ import annotations

import io
from pathlib import Path

from test_cli_support import ROUTES_WITHOUT_OPERATION_ID, cli_subprocess, make_project

from pixcrawler_lint.cli.progress import Progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_draws_on_a_terminal_after_the_delay_and_erases_itself() -> None:
    stream, clock = FakeTerminal(), FakeClock()
    progress = Progress(3, stream, delay=1.0, interval=0.5, clock=clock)
    progress.advance()
    assert stream.getvalue() == ""  # a short run stays silent
    clock.now = 1.2
    progress.advance()
    assert stream.getvalue() == "\rpixcrawler-lint: [2/3] files checked"
    clock.now = 1.3
    progress.advance()  # throttled, but the last file is always drawn
    assert stream.getvalue().endswith("[3/3] files checked")
    progress.close()
    assert stream.getvalue().endswith("\r" + " " * len("pixcrawler-lint: [3/3] files checked") + "\r")


def test_throttles_redraws() -> None:
    stream, clock = FakeTerminal(), FakeClock()
    progress = Progress(100, stream, delay=0.0, interval=1.0, clock=clock)
    for _ in range(10):
        progress.advance()
    assert stream.getvalue().count("\r") == 1


def test_silent_when_not_a_terminal_or_disabled() -> None:
    plain, clock = io.StringIO(), FakeClock()
    Progress(2, plain, delay=0.0, clock=clock).advance()
    terminal = FakeTerminal()
    quiet = Progress(2, terminal, enabled=False, delay=0.0, clock=clock)
    quiet.advance()
    quiet.close()
    assert plain.getvalue() == "" and terminal.getvalue() == ""


def test_cli_writes_no_progress_to_a_pipe(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"backend/api/v1/endpoints/projects.py": ROUTES_WITHOUT_OPERATION_ID})
    run = cli_subprocess("check", "--select", "PXL201", cwd=project)
    assert run.status == 1
    assert "files checked" not in run.err and "\r" not in run.err
