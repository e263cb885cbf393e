"""Integrity checks of a downloaded image directory."""

import os
from dataclasses import dataclass, field

__all__ = ["IMAGE_EXTENSIONS", "IntegrityReport", "IntegrityValidator"]

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp")


@dataclass
class IntegrityReport:
    """Outcome of :meth:`IntegrityValidator.check_integrity`."""

    directory: str
    category_name: str
    expected_count: int
    found_count: int = 0
    invalid_files: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        """True when enough files were found and none of them is broken."""
        return self.found_count >= self.expected_count and not self.invalid_files


class IntegrityValidator:
    """Checks that a directory holds the expected number of readable images."""

    def __init__(self, min_bytes: int = 256, extensions: tuple[str, ...] = IMAGE_EXTENSIONS) -> None:
        self.min_bytes = min_bytes
        self.extensions = extensions

    def check_integrity(
        self,
        directory: str,
        expected_count: int,
        category_name: str,
        keyword: str,
    ) -> IntegrityReport:
        """Validate the images of ``category_name`` whose file name contains ``keyword``.

        Args:
            directory: Directory the images were stored in.
            expected_count: Minimum number of images that must be present.
            category_name: Category (sub-directory label) the images belong to.
            keyword: Only files whose name contains this keyword are checked.

        Returns:
            An :class:`IntegrityReport`; blocking I/O, run it in a worker thread.
        """
        report = IntegrityReport(directory=directory, category_name=category_name, expected_count=expected_count)
        if not os.path.isdir(directory):
            return report
        for name in sorted(os.listdir(directory)):
            if keyword not in name or not name.lower().endswith(self.extensions):
                continue
            report.found_count += 1
            if os.path.getsize(os.path.join(directory, name)) < self.min_bytes:
                report.invalid_files.append(name)
        return report
