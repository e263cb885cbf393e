"""Services built with metaclasses of every kind."""

import abc
from typing import Any, Protocol

from backend.repositories.circular_repository import CircularRepository
from backend.services.base import BaseService

__all__ = ["AbstractService", "FunctionMetaService", "RegistryMeta", "RegisteredService", "ServiceLike"]


class RegistryMeta(type):
    """Registers every class it builds, and rewrites their namespace."""

    registry: dict[str, type] = {}

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> "RegistryMeta":
        namespace.setdefault("create", lambda self, *args: args)
        cls = super().__new__(mcs, name, bases, namespace)
        mcs.registry[name] = cls
        return cls

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return 42


class RegisteredService(BaseService, metaclass=RegistryMeta):
    """Calling this class returns 42, not an instance."""

    def __init__(self, repo: CircularRepository) -> None:
        super().__init__()
        self.repo = repo

    async def go(self) -> None:
        """Uses a method the metaclass injected."""
        await self.repo.create(1, 2)


def function_metaclass(name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
    """A plain function used as a metaclass."""
    return type(name, bases, namespace)


class FunctionMetaService(BaseService, metaclass=function_metaclass):
    """Built by a function."""


class AbstractService(BaseService, metaclass=abc.ABCMeta):
    """Abstract: not a concrete service."""

    @abc.abstractmethod
    def run(self) -> None:
        """Subclasses run."""


class ServiceLike(Protocol):
    """A Protocol named like a service collaborator."""

    def run(self) -> None:
        """Run."""


DynamicService = type("DynamicService", (BaseService,), {"__init__": lambda self: None})
