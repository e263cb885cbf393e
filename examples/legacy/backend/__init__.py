"""PixCrawler backend as it was before the architecture review (legacy example)."""
