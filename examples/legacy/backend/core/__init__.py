"""Cross-cutting core: settings, database engine, security helpers and domain errors."""
