"""PixCrawler reference backend: FastAPI + SQLAlchemy 2 (async), written to the house architecture.

Layers, top to bottom: ``backend.api`` → ``backend.services`` → ``backend.repositories`` →
``backend.models``; ``backend.schemas`` and ``backend.core`` are shared by every layer.
"""

__all__: list[str] = []
