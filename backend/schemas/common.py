"""Schema building blocks shared by the resource schemas."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

__all__ = ["CountResponse", "NonBlankStr", "ORMModel"]

NonBlankStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A name: surrounding whitespace is stripped, and what is left may not be empty."""


class ORMModel(BaseModel):
    """Base of response schemas read from ORM objects."""

    model_config = ConfigDict(from_attributes=True)


class CountResponse(BaseModel):
    """How many records an operation affected."""

    count: int
