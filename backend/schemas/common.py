"""Schema building blocks shared by the resource schemas."""

from pydantic import BaseModel, ConfigDict

__all__ = ["CountResponse", "ORMModel"]


class ORMModel(BaseModel):
    """Base of response schemas read from ORM objects."""

    model_config = ConfigDict(from_attributes=True)


class CountResponse(BaseModel):
    """How many records an operation affected."""

    count: int
