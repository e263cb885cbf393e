"""Where a dataset's images live in the image store (one collection per dataset)."""

__all__ = ["dataset_collection"]


def dataset_collection(dataset_id: int) -> str:
    """Return the storage collection of a dataset: ``dataset_<id>``."""
    return f"dataset_{dataset_id}"
