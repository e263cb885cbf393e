"""Image crawling toolkit: downloading, validating and storing images for a dataset."""
