"""Lint open documents from the buffer text: one worker thread (astroid is not thread-safe, and
its caches stay warm between keystrokes), debounced per document."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from pixcrawler_lint.cli.suppression import parse_pragmas
from pixcrawler_lint.engine import lint_source
from pixcrawler_lint.findings import Finding

__all__ = ["LintResult", "DocumentLinter", "lint_text"]

_STACK_SIZE = 64 * 1024 * 1024  # deep inference recursion needs more than a thread's default stack


@dataclass(frozen=True)
class LintResult:
    """The findings of one version of a document's text."""

    path: str
    version: int | None
    text: str
    findings: tuple[Finding, ...]


def lint_text(path: str, text: str) -> list[Finding]:
    """What ``check`` reports for ``text`` as the file at ``path`` (suppression comments honoured)."""
    pragmas = parse_pragmas(text)
    return [finding for finding in lint_source(text, path) if not pragmas.suppresses(finding)]


def _executor() -> ThreadPoolExecutor:
    previous = threading.stack_size()
    try:
        threading.stack_size(_STACK_SIZE)
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pixcrawler-lint")
        executor.submit(lambda: None).result()  # start the thread while the stack size holds
    finally:
        threading.stack_size(previous)
    return executor


class DocumentLinter:
    """Schedules lints of documents; ``publish`` receives each finished result."""

    def __init__(self, publish: Callable[[str, LintResult], None], delay: float = 0.3) -> None:
        self.publish = publish
        self.delay = delay
        self.results: dict[str, LintResult] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._executor = _executor()

    def run(self, function: Callable[[], object]) -> asyncio.Future[object]:
        """Run ``function`` on the lint thread (everything that touches astroid goes there)."""
        return asyncio.get_running_loop().run_in_executor(self._executor, function)

    def schedule(self, uri: str, path: str, text: str, version: int | None, delay: float | None = None) -> None:
        """Lint after ``delay`` seconds unless a newer text of the document arrives first."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        wait = self.delay if delay is None else delay
        self._pending[uri] = asyncio.get_running_loop().create_task(self._lint(uri, path, text, version, wait))

    async def _lint(self, uri: str, path: str, text: str, version: int | None, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        findings = await self.run(lambda: lint_text(path, text))
        assert isinstance(findings, list)
        if self._pending.get(uri) is asyncio.current_task():
            del self._pending[uri]
        result = LintResult(path, version, text, tuple(findings))
        self.results[uri] = result
        self.publish(uri, result)

    def forget(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.results.pop(uri, None)
