"""Image validation with Pillow: the bytes must decode as an image of an accepted format."""

import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from builder.messages import describe_error

__all__ = ["ACCEPTED_FORMATS", "ImageInfo", "InvalidImageError", "validate_image"]

ACCEPTED_FORMATS: frozenset[str] = frozenset({"JPEG", "PNG", "GIF", "WEBP", "BMP"})


class InvalidImageError(ValueError):
    """The bytes are not an acceptable image."""


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """What Pillow found in valid image bytes."""

    image_format: str
    width: int
    height: int

    @property
    def extension(self) -> str:
        """File extension for the format (``jpg`` for JPEG)."""
        return "jpg" if self.image_format == "JPEG" else self.image_format.lower()


def validate_image(data: bytes, *, min_width: int = 1, min_height: int = 1) -> ImageInfo:
    """Check that ``data`` is a complete image of an accepted format and at least the given size.

    Raises:
        InvalidImageError: with a human-readable reason.
    """
    if not data:
        raise InvalidImageError("empty response body")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image_format = image.format or ""
            width, height = image.size
    except UnidentifiedImageError as error:
        raise InvalidImageError("not a decodable image: unrecognised image data") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise InvalidImageError(f"not a decodable image: {describe_error(error)}") from error
    if image_format not in ACCEPTED_FORMATS:
        raise InvalidImageError(f"unsupported image format {image_format or 'unknown'}")
    if width < min_width or height < min_height:
        raise InvalidImageError(
            f"image is {width}x{height}, smaller than the minimum {min_width}x{min_height}"
        )
    return ImageInfo(image_format=image_format, width=width, height=height)
