"""Human-readable error messages: what went wrong, without Python object reprs."""

import re

__all__ = ["describe_error"]

_OBJECT_REPR = re.compile(r"\s*<[^<>]*\bat 0x[0-9A-Fa-f]+>")
_SPACES = re.compile(r"\s+")


def describe_error(error: BaseException) -> str:
    """Return ``str(error)`` without object reprs (``<_io.BytesIO object at 0x…>``).

    An exception whose message is empty (or only a repr) is described by its class name.
    """
    text = _SPACES.sub(" ", _OBJECT_REPR.sub("", str(error))).strip()
    return text or type(error).__name__
