"""Corner cases of the endpoint rules, linted in memory as files of the endpoints fixture tree.

The fixture files document the common cases; these pin down the less common forms of the
admin guard, the status scoping, the no-content exemption, and that odd code never crashes.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pixcrawler_lint.config import ConfigError, config_from_table
from pixcrawler_lint.engine import lint_file, lint_source

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


# --- the application model: chains of include_router/mount calls across modules ------------

ADMIN_ROUTES = '''"""Admin routes without a guard of their own."""

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter(prefix="/quotas")


@router.delete("/{user_id}", status_code=204, summary="Reset", operation_id="reset")
async def reset(user_id: int):
    return None
'''
MAIN = '''"""Main module."""

from fastapi import Depends, FastAPI

from app.deps import require_admin
from app.routes import admin

__all__ = ["app"]

app = FastAPI()
{mounts}
'''
DEPS = '''"""Guards."""

__all__ = ["require_admin"]


def require_admin() -> None:
    return None
'''
GUARDED = 'app.include_router(admin.router, prefix="/admin", dependencies=[Depends(require_admin)])'


def _app_project(tmp_path: Path, mounts: str, table: str = 'admin-path-prefixes = ["/admin"]') -> Path:
    root = tmp_path / "project"
    (root / "app" / "routes").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "p"\nversion = "0"\n\n[tool.pixcrawler_lint]\npreset = "pixcrawler"\n{table}\n', encoding="utf-8"
    )
    for name, text in {
        "app/__init__.py": '"""App."""\n', "app/routes/__init__.py": '"""Routes."""\n',
        "app/deps.py": DEPS, "app/routes/admin.py": ADMIN_ROUTES,
        "app/main.py": MAIN.format(mounts=mounts),
    }.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _codes_of(path: Path) -> set[str]:
    return {finding.code for finding in lint_file(path)}


def test_a_guard_on_include_router_in_the_main_module_guards_the_routes(tmp_path: Path) -> None:
    root = _app_project(tmp_path, GUARDED)
    assert "PXL211" not in _codes_of(root / "app/routes/admin.py")


def test_the_index_follows_edits_of_the_main_module(tmp_path: Path) -> None:
    root = _app_project(tmp_path, GUARDED)
    route_file = root / "app/routes/admin.py"
    assert "PXL211" not in _codes_of(route_file)
    (root / "app/main.py").write_text(MAIN.format(mounts='app.include_router(admin.router, prefix="/admin")'))
    assert "PXL211" in _codes_of(route_file)  # the guard is gone: rebuilt, not served from the cache


def test_a_router_mounted_twice_needs_the_guard_on_both_chains(tmp_path: Path) -> None:
    root = _app_project(tmp_path, GUARDED + '\napp.include_router(admin.router, prefix="/admin/v2")')
    assert "PXL211" in _codes_of(root / "app/routes/admin.py")


def test_a_test_app_that_mounts_the_router_unguarded_does_not_count(tmp_path: Path) -> None:
    root = _app_project(tmp_path, GUARDED)
    (root / "tests").mkdir()
    (root / "tests/test_admin.py").write_text(
        "from fastapi import FastAPI\nfrom app.routes import admin\n\n"
        'app = FastAPI()\napp.include_router(admin.router, prefix="/admin")\n', encoding="utf-8"
    )
    assert "PXL211" not in _codes_of(root / "app/routes/admin.py")


@pytest.mark.parametrize(
    ("mounts", "table", "reported"),
    [
        # a prefix that is not a literal is never guessed; the literal path below it is matched
        ('app.include_router(admin.router, prefix=settings.API + "/admin")', 'admin-path-prefixes = ["/admin"]', False),
        ("app.include_router(admin.router, prefix=settings.API_PREFIX)", 'admin-path-prefixes = ["/quotas"]', True),
        ('app.include_router(admin.router, prefix="/administration")', 'admin-path-prefixes = ["/admin"]', False),
        ('app.include_router(admin.router, prefix="/admin")', 'admin-path-prefixes = ["/admin"]', True),
        ("app.include_router(admin.router)", 'admin-routers = ["app.routes.admin.router"]', True),
        ("app.include_router(admin.router)", 'admin-routers = ["app.routes.other.router"]', False),
    ],
)
def test_admin_scope_by_path_and_by_router(tmp_path: Path, mounts: str, table: str, reported: bool) -> None:
    root = _app_project(tmp_path, mounts, table)
    assert ("PXL211" in _codes_of(root / "app/routes/admin.py")) is reported


def test_app_dependencies_guard_only_the_routes_of_that_app(tmp_path: Path) -> None:
    mounts = (
        "sub = FastAPI(dependencies=[Depends(require_admin)])\nsub.include_router(admin.router)\n"
        'app.mount("/admin", sub)'
    )
    root = _app_project(tmp_path, mounts)
    assert "PXL211" not in _codes_of(root / "app/routes/admin.py")
    # the parent app's dependencies do not reach through a mount
    mounts = (
        "app2 = FastAPI(dependencies=[Depends(require_admin)])\nsub = FastAPI()\n"
        'sub.include_router(admin.router)\napp2.mount("/admin", sub)'
    )
    root = _app_project(tmp_path / "second", mounts)
    assert "PXL211" in _codes_of(root / "app/routes/admin.py")


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("create_project", "status_code=http_status.HTTP_201_CREATED to"),
        ("register", "status_code=http_status.HTTP_201_CREATED to"),
        ("login_access_token", "status_code=http_status.HTTP_200_OK (an action"),
        ("cancel_job", "status_code=http_status.HTTP_200_OK (an action"),
        ("project_members", "HTTP_201_CREATED when it creates, http_status.HTTP_200_OK for an action"),
    ],
)
def test_status_code_advice_follows_what_the_route_does(name: str, advice: str) -> None:
    body = f'\n\n@router.post("/x", response_model=int, summary="X", operation_id="x")\nasync def {name}() -> int:\n' \
           "    return 1\n"
    message = next(
        f.message for f in lint_source(HEADER + body, str(ENDPOINTS / "snippet_under_test.py")) if f.code == "PXL210"
    )
    assert advice in message


@pytest.mark.parametrize(
    ("table", "key"),
    [('admin-routers = ["router"]', "admin-routers"), ('admin-path-prefixes = ["admin"]', "admin-path-prefixes")],
)
def test_admin_scope_keys_are_validated(table: str, key: str) -> None:
    with pytest.raises(ConfigError, match=key):
        config_from_table(tomllib.loads(table))


def test_an_app_built_in_a_factory_function_guards_what_it_includes(tmp_path: Path) -> None:
    mounts = (
        "\n\ndef create_app() -> FastAPI:\n    application = FastAPI(dependencies=[Depends(require_admin)])\n"
        '    application.include_router(admin.router, prefix="/admin")\n    return application\n'
    )
    root = _app_project(tmp_path, mounts)
    assert "PXL211" not in _codes_of(root / "app/routes/admin.py")
    root = _app_project(tmp_path / "unguarded", mounts.replace("dependencies=[Depends(require_admin)]", ""))
    assert "PXL211" in _codes_of(root / "app/routes/admin.py")
