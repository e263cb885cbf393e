"""Services: business logic over repositories (each extends ``BaseService``)."""

__all__: list[str] = []
