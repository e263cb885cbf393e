"""Limits shared by the resolvers: recursion depth and the errors that mean "not certain"."""

from __future__ import annotations

__all__ = ["ERRORS", "MAX_DEPTH"]

MAX_DEPTH = 12
ERRORS = (Exception, RecursionError)
