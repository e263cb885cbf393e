"""Shared astroid analyses used by several rules (routes, imports, collaborators, …)."""
