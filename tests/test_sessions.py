"""One definition of "a parameter that receives a session", shared by the endpoint, service and
wiring rules (PXL208/PXL210, PXL302, PXL603)."""

from __future__ import annotations

import textwrap

import astroid
from astroid import nodes

from pixcrawler_lint.analysis.sessions import session_parameters
from pixcrawler_lint.config import DEFAULT_CONFIG

SOURCE = """
from typing import Annotated, Optional
from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

def get_session(): ...
def get_db(): ...
def get_settings(): ...
class Settings: ...

SessionDep = Annotated[AsyncSession, Depends(get_session)]

def factory(
    plain: AsyncSession,
    optional: Optional[AsyncSession],
    union: AsyncSession | None,
    aliased: SessionDep,
    provided=Depends(get_session),
    inline: Annotated[object, Depends(get_db)] = None,
    quoted: "AsyncSession" = None,
    settings: Annotated[Settings, Depends(get_settings)] = None,
    count: int = 0,
    *,
    keyword_only: AsyncSession,
): ...
"""


def test_every_spelling_of_a_session_parameter_is_recognised() -> None:
    module = astroid.parse(textwrap.dedent(SOURCE), module_name="backend.api.dependencies")
    function = next(f for f in module.nodes_of_class(nodes.FunctionDef) if f.name == "factory")
    names = [p.name for p in session_parameters(function, DEFAULT_CONFIG)]
    assert names == ["plain", "optional", "union", "aliased", "provided", "inline", "quoted", "keyword_only"]
