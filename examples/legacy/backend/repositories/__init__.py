"""Data access layer: one repository per aggregate, all built on BaseRepository."""
