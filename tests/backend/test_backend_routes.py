"""Route-wide checks over the OpenAPI schema: documentation, auth, admin guard, 404 and 422."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from backend_api_helpers import Account

from backend.main import create_app

pytestmark = pytest.mark.anyio

PUBLIC_OPERATIONS = {"registerUser"}


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    """Every (method, path, operation) of the v1 API."""
    schema = create_app().openapi()
    return [
        (method.upper(), path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]


OPERATIONS = _operations()
PROTECTED = [(m, p) for m, p, op in OPERATIONS if op["operationId"] not in PUBLIC_OPERATIONS]
POLICY_ROUTES = [(m, p) for m, p, _ in OPERATIONS if p.startswith("/api/v1/policies")]
WITH_ID = [(m, p) for m, p, _ in OPERATIONS if "{" in p]


def _fill(path: str, value: str) -> str:
    """Replace every path parameter of ``path`` with ``value``."""
    return re.sub(r"\{[^}]+\}", value, path)


def _body_for(method: str) -> dict[str, Any] | None:
    """A body that is valid for every PATCH (all fields optional); none otherwise."""
    return {} if method == "PATCH" else None


def test_the_api_has_every_resource() -> None:
    """Users, API keys, projects, datasets, crawl jobs, notifications, activity, policies."""
    prefixes = {path.split("/")[3] for _, path, _ in OPERATIONS}
    assert prefixes == {
        "users",
        "api-keys",
        "projects",
        "datasets",
        "crawl-jobs",
        "notifications",
        "activity",
        "policies",
    }
    assert len(OPERATIONS) >= 40


def test_every_operation_has_an_operation_id_and_a_summary() -> None:
    """``app.openapi()`` documents every operation with a unique operationId and a summary."""
    operation_ids = [operation.get("operationId") for _, _, operation in OPERATIONS]
    assert all(operation_ids), [p for (_, p, op) in OPERATIONS if not op.get("operationId")]
    assert len(set(operation_ids)) == len(operation_ids)
    missing_summary = [(m, p) for m, p, op in OPERATIONS if not op.get("summary")]
    assert missing_summary == []


def test_every_protected_operation_declares_bearer_security() -> None:
    """The schema tells clients which operations need ``Authorization: Bearer``."""
    for method, path, operation in OPERATIONS:
        if operation["operationId"] in PUBLIC_OPERATIONS:
            assert "security" not in operation, (method, path)
        else:
            assert operation.get("security") == [{"HTTPBearer": []}], (method, path)


@pytest.mark.parametrize(("method", "path"), PROTECTED)
async def test_protected_operation_without_token_is_401(
    client: httpx.AsyncClient, method: str, path: str
) -> None:
    """No ``Authorization`` header: 401 with a bearer challenge, before any other check."""
    response = await client.request(method, _fill(path, "1"), json=_body_for(method))
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(("method", "path"), PROTECTED[::3])
async def test_protected_operation_with_unknown_key_is_401(
    client: httpx.AsyncClient, admin: Account, method: str, path: str
) -> None:
    """A key that was never issued is refused like a missing one."""
    response = await client.request(
        method,
        _fill(path, "1"),
        json=_body_for(method),
        headers={"Authorization": "Bearer pxc_not-a-real-key"},
    )
    assert response.status_code == 401, response.text


@pytest.mark.parametrize(("method", "path"), POLICY_ROUTES)
async def test_policy_operation_for_non_admin_is_403(
    client: httpx.AsyncClient, user: Account, method: str, path: str
) -> None:
    """Every policy route is admin-only."""
    response = await client.request(
        method, _fill(path, "1"), json=_body_for(method), headers=user.headers
    )
    assert response.status_code == 403, response.text
    assert response.json() == {"detail": "admin access required"}


@pytest.mark.parametrize(("method", "path"), WITH_ID)
async def test_operation_on_missing_resource_is_404(
    client: httpx.AsyncClient, admin: Account, method: str, path: str
) -> None:
    """An id that does not exist: 404 with a message naming it."""
    response = await client.request(
        method, _fill(path, "424242"), json=_body_for(method), headers=admin.headers
    )
    assert response.status_code == 404, response.text
    assert "424242 not found" in response.json()["detail"]


@pytest.mark.parametrize(("method", "path"), WITH_ID)
async def test_operation_with_non_integer_id_is_422(
    client: httpx.AsyncClient, admin: Account, method: str, path: str
) -> None:
    """A path id that is not an integer fails validation."""
    response = await client.request(
        method, _fill(path, "abc"), json=_body_for(method), headers=admin.headers
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][0] == "path"
