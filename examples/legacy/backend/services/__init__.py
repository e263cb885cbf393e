"""Business logic layer: services orchestrate repositories and the builder package."""
