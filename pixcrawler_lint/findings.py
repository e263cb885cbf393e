"""What the engine returns: one :class:`Finding` per reported problem."""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["Finding", "Severity"]


class Severity(enum.Enum):
    """Severity letters of the spec; the letter is also the pylint message-id prefix."""

    ERROR = "E"  # a bug that fails at run time
    WARNING = "W"  # an architecture violation
    CONVENTION = "C"  # a house convention
    FATAL = "F"  # the linter itself could not do its job (internal error, bad configuration)


@dataclass(frozen=True, order=True)
class Finding:
    """A problem at ``path:line:col`` (line 1-based, col 0-based, as in ast/astroid)."""

    path: str
    line: int
    col: int
    code: str
    symbol: str
    message: str
    severity: Severity
    end_line: int | None = None
    end_col: int | None = None

    def format(self) -> str:
        """``path:line:col: CODE message`` (column shown 1-based, like flake8 and ruff)."""
        return f"{self.path}:{self.line}:{self.col + 1}: {self.code} {self.message}"
