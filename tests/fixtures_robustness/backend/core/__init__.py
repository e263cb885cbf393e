"""Robustness inputs: odd code in a PixCrawler layout (core)."""
