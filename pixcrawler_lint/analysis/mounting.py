"""What applies to a route from above: its router, and every app/router that mounts that router.

Joins a route (astroid, this module) with the project's :mod:`.applications` index (every
``include_router``/``mount`` call, from disk). A route mounted in several places gets the
benefit of a setting only when every chain that mounts it carries it; a route whose router
nobody mounts (or whose router is unknown) has only what its decorator and router say.
"""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes

from pixcrawler_lint.analysis.applications import (
    MountPath,
    RouterId,
    RouterSettings,
    application_index,
    mount_paths,
)
from pixcrawler_lint.analysis.project import project_root
from pixcrawler_lint.analysis.routers import router_id, router_settings
from pixcrawler_lint.analysis.routes import Route, find_routes
from pixcrawler_lint.context import ModuleContext

__all__ = ["Mounting", "mounting_of", "route_path", "schema_routes"]


def route_path(route: Route) -> str | None:
    """The path the decorator declares (``"/items/{id}"``), when it is a string literal."""
    value = route.decorator.args[0] if route.decorator.args else route.keyword("path")
    if isinstance(value, nodes.Const) and isinstance(value.value, str):
        return value.value
    return None


@dataclass(frozen=True)
class Mounting:
    """A route's router (its id and settings) and the chains that mount it."""

    router: RouterId | None
    settings: RouterSettings | None
    paths: tuple[MountPath, ...]

    def hidden(self, route: Route) -> bool:
        """Out of the OpenAPI schema: ``include_in_schema=False`` on the decorator, the router or
        every chain, or an app with ``openapi_url=None`` serves it."""
        schema = route.keyword("include_in_schema")
        if isinstance(schema, nodes.Const) and schema.value is False:
            return True
        own = self.settings
        if own is not None and (own.hidden or own.openapi_disabled):
            return True
        return bool(self.paths) and all(
            path.hidden or (path.reaches_app and path.openapi_disabled) for path in self.paths
        )

    def unique_id(self, route: Route) -> bool:
        """``generate_unique_id_function=`` on the decorator, the router or every chain."""
        if route.has_keyword("generate_unique_id_function"):
            return True
        if self.settings is not None and self.settings.unique_id:
            return True
        return bool(self.paths) and all(path.unique_id for path in self.paths)

    def dependency_sets(self) -> list[tuple[str, ...]]:
        """The dependencies of the router plus those of each chain (one set per chain)."""
        own = self.settings.dependencies if self.settings is not None else ()
        if not self.paths:
            return [own]
        return [own + path.dependencies for path in self.paths]

    def routers(self) -> list[str]:
        """``module.name`` of the route's router and of every router above it."""
        found = [f"{self.router[0]}.{self.router[1]}"] if self.router else []
        found += [f"{m}.{n}" for path in self.paths for m, n in path.routers]
        return found

    def full_paths(self, route: Route) -> list[tuple[str | None, ...]]:
        """Each mounted path of the route, as parts from the top (``None``: not a literal)."""
        own = (self.settings.prefix if self.settings is not None else "", route_path(route))
        if not self.paths:
            return [own]
        return [path.prefixes + own for path in self.paths]


def mounting_of(ctx: ModuleContext, route: Route) -> Mounting:
    """The :class:`Mounting` of ``route`` (the index is looked up once per router and module)."""
    identity = router_id(route.router)

    def compute() -> Mounting:
        settings = router_settings(route.router)
        paths: tuple[MountPath, ...] = ()
        if identity is not None:
            index = application_index(project_root(ctx))
            if index is not None:
                paths = tuple(mount_paths(index, identity))
        return Mounting(identity, settings, paths)

    if identity is None:
        return compute()
    return ctx.cached(f"mounting:{identity[0]}:{identity[1]}", compute)


def schema_routes(ctx: ModuleContext) -> list[Route]:
    """The routes of the module that the OpenAPI schema documents (hidden ones left out)."""
    def compute() -> list[Route]:
        return [route for route in find_routes(ctx) if not mounting_of(ctx, route).hidden(route)]

    return ctx.cached("schema-routes", compute)
