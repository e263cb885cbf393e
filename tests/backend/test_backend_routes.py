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
WITH_BODY = [(m, p) for m, p, op in OPERATIONS if "requestBody" in op]
WITH_LIMIT = [
    (m, p)
    for m, p, op in OPERATIONS
    if any(param["name"] == "limit" for param in op.get("parameters", []))
]


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


async def _sweep(
    client: httpx.AsyncClient,
    routes: list[tuple[str, str]],
    path_value: str,
    headers: dict[str, str] | None,
) -> dict[tuple[str, str], httpx.Response]:
    """Call every route once (one app, one database) and collect the responses."""
    responses: dict[tuple[str, str], httpx.Response] = {}
    for method, path in routes:
        responses[(method, path)] = await client.request(
            method, _fill(path, path_value), json=_body_for(method), headers=headers
        )
    return responses


def _unexpected(
    responses: dict[tuple[str, str], httpx.Response], status_code: int
) -> list[tuple[str, str, int, str]]:
    """The routes whose response did not have ``status_code``."""
    return [
        (method, path, response.status_code, response.text[:200])
        for (method, path), response in responses.items()
        if response.status_code != status_code
    ]


async def test_every_protected_operation_without_token_is_401(client: httpx.AsyncClient) -> None:
    """No ``Authorization`` header: 401 with a bearer challenge, before any other check."""
    responses = await _sweep(client, PROTECTED, "1", None)
    assert _unexpected(responses, 401) == []
    assert {r.headers.get("www-authenticate") for r in responses.values()} == {"Bearer"}
    assert len(responses) == len(OPERATIONS) - len(PUBLIC_OPERATIONS)


async def test_every_protected_operation_with_unknown_key_is_401(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """A key that was never issued is refused like a missing one."""
    headers = {"Authorization": "Bearer pxc_not-a-real-key"}
    assert _unexpected(await _sweep(client, PROTECTED, "1", headers), 401) == []


async def test_every_policy_operation_for_non_admin_is_403(
    client: httpx.AsyncClient, user: Account
) -> None:
    """Every policy route is admin-only."""
    responses = await _sweep(client, POLICY_ROUTES, "1", user.headers)
    assert _unexpected(responses, 403) == []
    assert {r.json()["detail"] for r in responses.values()} == {"admin access required"}
    assert len(responses) == 14


async def test_every_operation_on_a_missing_resource_is_404(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """An id that does not exist: 404 with a message naming it."""
    responses = await _sweep(client, WITH_ID, "424242", admin.headers)
    assert _unexpected(responses, 404) == []
    assert all("424242 not found" in r.json()["detail"] for r in responses.values())
    assert len(responses) >= 25


async def test_every_operation_with_a_non_integer_id_is_422(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """A path id that is not an integer fails validation."""
    responses = await _sweep(client, WITH_ID, "abc", admin.headers)
    assert _unexpected(responses, 422) == []
    assert {r.json()["detail"][0]["loc"][0] for r in responses.values()} == {"path"}


async def test_every_operation_with_a_body_rejects_a_non_object_body_with_422(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """Every request body is a JSON object; anything else fails validation."""
    assert len(WITH_BODY) >= 12
    for method, path in WITH_BODY:
        response = await client.request(method, _fill(path, "1"), json=[1], headers=admin.headers)
        assert response.status_code == 422, (method, path, response.text)
        assert response.json()["detail"][0]["loc"][0] == "body", (method, path)


async def test_every_paginated_operation_rejects_a_zero_limit_with_422(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """``limit`` must be at least 1 on every list operation."""
    assert len(WITH_LIMIT) >= 9
    for method, path in WITH_LIMIT:
        response = await client.request(
            method, _fill(path, "1"), params={"limit": 0}, headers=admin.headers
        )
        assert response.status_code == 422, (method, path, response.text)
        assert response.json()["detail"][0]["loc"] == ["query", "limit"], (method, path)
