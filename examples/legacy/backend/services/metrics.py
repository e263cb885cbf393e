"""Processing counters exported for monitoring."""

from collections import Counter

__all__ = ["MetricsService"]


class MetricsService:  # expect: PXL303
    """In-memory counters of processed images per user (a process-wide singleton)."""

    def __init__(self) -> None:
        self._images: Counter[int] = Counter()
        self._jobs: Counter[int] = Counter()

    async def record_processing(self, user_id: int, images: int = 0) -> None:
        """Count one processing run of ``user_id`` and the images it produced."""
        self._jobs[user_id] += 1
        self._images[user_id] += images

    def snapshot(self) -> dict[str, int]:
        """Return global totals."""
        return {"jobs": sum(self._jobs.values()), "images": sum(self._images.values())}
