"""A schema module with a computed __all__."""

from pydantic import BaseModel

__all__ = [name for name in ("OddResponse", "Nothing") if name != "Nothing"]


class OddResponse(BaseModel):
    """A response."""

    value: int
