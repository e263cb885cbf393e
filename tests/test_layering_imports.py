"""The shared import analysis: every import form, resolved to absolute module names."""

from __future__ import annotations

import textwrap

import astroid
import pytest

from pixcrawler_lint.analysis.imports import ModuleImport, imports_of, resolve_relative


def _imports(
    source: str, modname: str = "backend.api.v1.endpoints.projects", package: bool = False
) -> list[ModuleImport]:
    path = "/project/" + modname.replace(".", "/") + ("/__init__.py" if package else ".py")
    return imports_of(astroid.parse(textwrap.dedent(source), module_name=modname, path=path))


@pytest.mark.parametrize(
    ("modname", "is_package", "level", "relative", "expected"),
    [
        ("backend.api.v1.endpoints.projects", False, 1, "", "backend.api.v1.endpoints"),
        ("backend.api.v1.endpoints.projects", False, 2, "schemas", "backend.api.v1.schemas"),
        ("backend.api.v1.endpoints.projects", False, 4, "services", "backend.services"),
        ("backend.api", True, 1, "types", "backend.api.types"),
        ("backend.api", True, 2, "services", "backend.services"),
        ("backend.api", True, 3, "services", None),
        ("backend.repositories.project", False, 3, "x", None),
    ],
)
def test_resolve_relative(modname: str, is_package: bool, level: int, relative: str, expected: str | None) -> None:
    assert resolve_relative(modname, is_package, level, relative) == expected


def test_every_import_form_gets_its_absolute_module_and_bound_name() -> None:
    found = _imports(
        """
        import backend.services.project
        import backend.services.project as project_services
        from backend import services
        from backend.repositories.project import ProjectRepository as Repo
        from ....models import project
        from fastapi import *
        """
    )
    assert [(i.module, i.source, i.name, i.bound_as) for i in found] == [
        ("backend.services.project", "backend.services.project", None, "backend"),
        ("backend.services.project", "backend.services.project", None, "project_services"),
        ("backend.services", "backend", "services", "services"),
        ("backend.repositories.project.ProjectRepository", "backend.repositories.project", "ProjectRepository", "Repo"),
        ("backend.models.project", "backend.models", "project", "project"),
        ("fastapi", "fastapi", "*", None),
    ]
    assert [i.node.fromlineno for i in found] == [2, 3, 4, 5, 6, 7]


def test_one_record_per_name_of_a_multi_name_statement() -> None:
    found = _imports("from fastapi import Depends, status as http_status\nimport os, sys as system\n")
    assert [(i.module, i.bound_as) for i in found] == [
        ("fastapi.Depends", "Depends"), ("fastapi.status", "http_status"), ("os", "os"), ("sys", "system"),
    ]
    assert found[0].node is found[1].node


def test_relative_import_in_a_package_init_resolves_from_the_package_itself() -> None:
    found = _imports("from . import types\nfrom .. import services\n", modname="backend.api", package=True)
    assert [i.module for i in found] == ["backend.api.types", "backend.services"]


def test_relative_import_above_the_top_package_is_left_out() -> None:
    assert _imports("from ..... import anything\nimport os\n", modname="backend.api.v1.x")[0].module == "os"
    assert len(_imports("from ..... import anything\n", modname="backend.api.v1.x")) == 0


def test_type_checking_and_function_placement_flags() -> None:
    found = _imports(
        """
        import typing
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from backend.models import a
        else:
            from backend.models import b
        if typing.TYPE_CHECKING:
            import backend.models.c

        def load():
            if TYPE_CHECKING:
                from backend.models import d
            from backend.models import e
            return lambda: __import__("x")

        class Holder:
            from backend.models import f
        """
    )
    flags = {i.module: (i.type_checking, i.in_function) for i in found if i.module.startswith("backend")}
    assert flags == {
        "backend.models.a": (True, False),
        "backend.models.b": (False, False),
        "backend.models.c": (True, False),
        "backend.models.d": (True, True),
        "backend.models.e": (False, True),
        "backend.models.f": (False, False),
    }
