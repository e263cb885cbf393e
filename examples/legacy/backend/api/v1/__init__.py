"""Version 1 of the public REST API."""
