"""Domain exceptions raised by services and auth dependencies.

They carry no HTTP knowledge: ``backend.api.errors`` maps each class to a status code in one
place (a single exception handler registered on the app).
"""

__all__ = [
    "AuthenticationError",
    "ConflictError",
    "DomainError",
    "InvalidOperationError",
    "NotFoundError",
    "PermissionDeniedError",
]


class DomainError(Exception):
    """Base class of every error the domain reports to a caller."""

    def __init__(self, message: str) -> None:
        """Keep the human-readable message."""
        super().__init__(message)
        self.message = message


class NotFoundError(DomainError):
    """The requested resource does not exist (or is not visible to the caller)."""

    def __init__(self, resource: str, resource_id: int | str) -> None:
        """Build the message from the resource kind and its id."""
        super().__init__(f"{resource} {resource_id} not found")
        self.resource = resource
        self.resource_id = resource_id


class ConflictError(DomainError):
    """The operation would create a duplicate (e.g. an e-mail or a name already taken)."""


class InvalidOperationError(DomainError):
    """The operation is not allowed in the resource's current state."""


class AuthenticationError(DomainError):
    """No valid credentials were presented."""


class PermissionDeniedError(DomainError):
    """The caller is authenticated but not allowed to do this."""
