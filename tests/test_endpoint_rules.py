"""Corner cases of the endpoint rules, linted in memory as files of the endpoints fixture tree.

The fixture files document the common cases; these pin down the less common forms of the
admin guard, the status scoping, the no-content exemption, and that odd code never crashes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pixcrawler_lint.engine import lint_source

ENDPOINTS = Path(__file__).resolve().parent / "fixtures" / "endpoints" / "backend" / "api" / "v1" / "endpoints"
HEADER = '''"""Snippet."""

from fastapi import APIRouter, Depends, HTTPException, Security
from fastapi import status as http_status

from backend.api.dependencies import require_admin
from backend.api.types import CurrentUser

__all__ = ["router"]

router = APIRouter()
'''
ROUTE = '@router.get("/x", response_model=int, summary="X", operation_id="x")\n'


def findings(body: str, package: Path = ENDPOINTS, header: str = HEADER) -> set[tuple[int, str]]:
    source = header + body
    path = package / "snippet_under_test.py"
    return {(finding.line, finding.code) for finding in lint_source(source, str(path))}


def line_of(body: str, marker: str, header: str = HEADER) -> int:
    return next(number for number, line in enumerate((header + body).splitlines(), 1) if marker in line)


def codes(body: str, package: Path = ENDPOINTS, header: str = HEADER) -> set[str]:
    return {code for _, code in findings(body, package, header)}


ADMIN = ENDPOINTS / "policies"


@pytest.mark.parametrize(
    "check",
    [
        'if current_user.get("role") != "admin":\n        raise HTTPException(status_code=403)',
        'if current_user["role"] != "admin":\n        raise HTTPException(status_code=403)',
        'if "admin" != current_user.role:\n        raise HTTPException(status_code=403)',
        'if current_user.role == "admin":\n        pass\n    else:\n        raise HTTPException(status_code=403)',
        "if current_user.role is not UserRole.ADMIN:\n        raise PermissionError()",
    ],
)
def test_inline_role_checks_that_raise_are_guards(check: str) -> None:
    body = f"\n\n{ROUTE}async def route(current_user: CurrentUser) -> int:\n    {check}\n    return 1\n"
    assert "PXL211" not in codes(body, ADMIN)


@pytest.mark.parametrize(
    "check",
    [
        # raises for admins, lets everybody else through
        'if current_user.role == "admin":\n        raise HTTPException(status_code=403)',
        # a role check on somebody else
        'if other.role != "admin":\n        raise HTTPException(status_code=403)',
        # compares with a role that is not admin
        'if current_user.role != "editor":\n        raise HTTPException(status_code=403)',
    ],
)
def test_checks_that_do_not_guard(check: str) -> None:
    signature = "async def route(current_user: CurrentUser, other: CurrentUser) -> int:"
    body = f"\n\n{ROUTE}{signature}\n    {check}\n    return 1\n"
    assert "PXL211" in codes(body, ADMIN)


def test_guard_as_parameter_dependency() -> None:
    body = f"\n\n{ROUTE}async def route(_: None = Security(require_admin)) -> int:\n    return 1\n"
    assert "PXL211" not in codes(body, ADMIN)
    assert "PXL206" in codes(body, ADMIN)  # still an inline dependency


def test_routes_outside_admin_modules_need_no_guard() -> None:
    body = f"\n\n{ROUTE}async def route(current_user: CurrentUser) -> int:\n    return 1\n"
    assert "PXL211" in codes(body, ADMIN)
    assert "PXL211" not in codes(body, ENDPOINTS)


@pytest.mark.parametrize(
    "body",
    [
        # a default in a nested function: evaluated in the enclosing function, where it is the module
        "\n\ndef outer() -> object:\n    def inner(http_status: int, code: int = http_status.HTTP_200_OK) -> int:\n"
        "        return code\n    return inner\n",
        # a lambda default
        "\n\npick = lambda http_status, code=http_status.HTTP_200_OK: code\n",
        # re-binding the module under the same name keeps the module
        "\n\ndef f() -> int:\n    http_status_copy = http_status\n    http_status2 = http_status_copy\n"
        "    return http_status2.HTTP_200_OK\n",
        # an alias whose value cannot be known: silent
        "\n\ndef f(settings: object) -> int:\n    http_status = settings.codes\n    return http_status.HTTP_200_OK\n",
        # reading something other than HTTP_*
        "\n\ndef f(http_status: str) -> str:\n    return http_status.upper()\n",
    ],
)
def test_status_reads_that_stay_silent(body: str) -> None:
    assert "PXL204" not in codes(body)


def test_status_assigned_from_a_parameter_is_not_the_module() -> None:
    body = "\n\ndef f(value: int) -> int:\n    http_status = value\n    return http_status.HTTP_200_OK  # here\n"
    assert (line_of(body, "# here"), "PXL204") in findings(body)


def test_fallback_import_of_either_status_module_is_fine() -> None:
    header = '"""Snippet."""\n\n__all__ = ["CODE"]\n\ntry:\n    from fastapi import status as http_status\n' \
             "except ImportError:\n    from starlette import status as http_status\n"
    body = "\nCODE = http_status.HTTP_200_OK\n"
    assert codes(body, header=header) == set()


@pytest.mark.parametrize(
    "status_code", ["204", "http_status.HTTP_204_NO_CONTENT", "fastapi_status.HTTP_204_NO_CONTENT"]
)
def test_no_content_routes_need_no_response_model(status_code: str) -> None:
    header = HEADER + "import fastapi.status as fastapi_status\n"
    body = (
        f'\n\n@router.delete("/x", status_code={status_code}, summary="X", operation_id="x")\n'
        "async def route():\n    return None\n"
    )
    assert "PXL202" not in codes(body, header=header)


@pytest.mark.parametrize(
    "body",
    [
        "\n\n@router.get()\ndef a(): ...\n",
        "\n\n@router.get(*[], **{})\ndef b(*status, **kwargs):\n    return status.HTTP_200_OK\n",
        "\n\n@router.post('/c')\n"
        "def c(x=Depends(), y: 'Annotated' = None, z: 'CurrentUser' = Depends(lambda: 1)): ...\n",
        "\n\nA = B = None\nrouter.get('/d')(lambda: 1)\n"
        "@router.get('/e')\nasync def e(p: A, q: B.C[int], r: (lambda: 1)()): ...\n",
        "\n\nglobal status\nstatus = status.HTTP_200_OK if False else 0\n",
        "\n\nfrom fastapi import *\nfrom . import status\n"
        "class K(status.Base, metaclass=status.Meta):\n    x = status.HTTP_1\n",
        "\n\nX = X\n@router.get('/f', dependencies=[Depends(X)], status_code=X)\ndef f(current_user: X) -> X: ...\n",
    ],
)
def test_odd_code_never_crashes_a_rule(body: str) -> None:
    assert not {code for code in codes(body) if code.startswith("PXL9")}
    assert not {code for code in codes(body, ADMIN) if code.startswith("PXL9")}
