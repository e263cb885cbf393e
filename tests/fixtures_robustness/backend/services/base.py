"""Base service of the robustness tree."""

__all__ = ["BaseService"]


class BaseService:
    """Services call super().__init__()."""

    def __init__(self) -> None:
        self.ready = True
