"""The simulators read uploaded images with the app's own header reader (one copy)."""

from app.core.image_header import JPEG, PNG, WEBP, ImageError, ImageInfo, read_image_info, sniff_mime

__all__ = ["JPEG", "PNG", "WEBP", "ImageError", "ImageInfo", "read_image_info", "sniff_mime"]
