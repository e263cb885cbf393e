"""HTTP API of the PixCrawler backend."""
