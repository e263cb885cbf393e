"""A one-line progress indicator on stderr for long runs on a terminal."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """``[37/120] files checked`` redrawn in place; silent unless ``stream`` is a terminal.

    Nothing is drawn during the first ``delay`` seconds (short runs stay quiet), and the
    line is redrawn at most every ``interval`` seconds; :meth:`close` erases it.
    """

    def __init__(
        self,
        total: int,
        stream: TextIO,
        enabled: bool = True,
        delay: float = 0.5,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled and _is_tty(stream)
        self.clock = clock
        self.start = clock()
        self.delay = delay
        self.interval = interval
        self.done = 0
        self._last_draw: float | None = None
        self._width = 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = self.clock()
        if now - self.start < self.delay:
            return
        if self._last_draw is not None and now - self._last_draw < self.interval and self.done < self.total:
            return
        self._draw(f"pixcrawler-lint: [{self.done}/{self.total}] files checked")
        self._last_draw = now

    def _draw(self, text: str) -> None:
        padding = " " * max(0, self._width - len(text))
        self.stream.write(f"\r{text}{padding}")
        self.stream.flush()
        self._width = len(text)

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def _is_tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
