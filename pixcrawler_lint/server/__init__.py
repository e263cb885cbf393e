"""``pixcrawler-lint server``: a Language Server (pygls) over stdio with the engine's findings,
quick fixes, ``# noqa`` actions and the rules' documentation on hover."""

from __future__ import annotations

__all__ = ["serve"]


def serve() -> int:
    """Run the server on stdin/stdout until the client says exit."""
    from pixcrawler_lint.server.lsp import build_server

    build_server().start_io()
    return 0
