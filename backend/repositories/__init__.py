"""Repositories: the only layer that talks SQL (each extends ``BaseRepository[Model]``)."""

__all__: list[str] = []
