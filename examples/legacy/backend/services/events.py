"""Domain events: one publisher for the whole process, imported where events happen."""

from typing import Any

__all__ = ["EventPublisher", "event_publisher"]


class EventPublisher:
    """Publishes domain events to the in-process subscribers."""

    def __init__(self) -> None:
        self._subscribers: dict[str, list[Any]] = {}

    def publish(self, topic: str, *, payload: dict[str, Any]) -> None:
        """Hand ``payload`` to every subscriber of ``topic``."""
        for subscriber in self._subscribers.get(topic, []):
            subscriber(payload)


event_publisher = EventPublisher()
