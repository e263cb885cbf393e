"""Registration, profiles and API keys through the API."""

from __future__ import annotations

import hashlib

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from backend_api_helpers import Account, register

from backend.core.config import Settings
from backend.main import create_app

pytestmark = pytest.mark.anyio


async def test_registration_returns_profile_and_a_working_key(client: httpx.AsyncClient) -> None:
    """A brand-new user gets a first API key from ``POST /users`` alone."""
    response = await client.post(
        "/api/v1/users", json={"email": "New@Example.com", "full_name": "New Person"}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["user"]["email"] == "new@example.com"
    assert body["user"]["role"] == "admin"  # the first user ever is the admin
    assert body["api_key"].startswith("pxc_")
    assert body["user"]["created_at"].endswith(("Z", "+00:00"))  # timestamps are UTC-aware
    me = await client.get(
        "/api/v1/users/me", headers={"Authorization": f"Bearer {body['api_key']}"}
    )
    assert me.status_code == 200
    assert me.json()["id"] == body["user"]["id"]


async def test_later_users_are_not_admins(user: Account) -> None:
    """Only the first registered user is an admin by default."""
    assert user.user["role"] == "user"


async def test_admin_emails_setting_makes_an_admin(settings: Settings) -> None:
    """``PIXCRAWLER_ADMIN_EMAILS`` promotes listed e-mails at registration."""
    app = create_app(settings.model_copy(update={"admin_emails": ["boss@example.com"]}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            first = await register(client, "first@example.com")
            boss = await register(client, "BOSS@example.com")
            third = await register(client, "third@example.com")
    assert [first.user["role"], boss.user["role"], third.user["role"]] == ["admin", "admin", "user"]


async def test_duplicate_email_is_409(client: httpx.AsyncClient, user: Account) -> None:
    """E-mails are unique, case-insensitively."""
    response = await client.post(
        "/api/v1/users", json={"email": "USER@example.com", "full_name": "Again"}
    )
    assert response.status_code == 409
    assert "already exists" in response.json()["detail"]


@pytest.mark.parametrize(
    "payload",
    [
        {"email": "not-an-email", "full_name": "X"},
        {"email": "a@b.co", "full_name": ""},
        {"full_name": "No Email"},
        {"email": "a@b.co", "full_name": "X", "role": "admin"},
    ],
)
async def test_registration_with_bad_input_is_422(
    client: httpx.AsyncClient, payload: dict[str, str]
) -> None:
    """Invalid e-mail, empty name, missing field, or an attempt to choose one's role."""
    response = await client.post("/api/v1/users", json=payload)
    assert response.status_code == 422, response.text


async def test_update_my_profile(client: httpx.AsyncClient, user: Account) -> None:
    """PATCH changes only the given fields."""
    response = await client.patch(
        "/api/v1/users/me", json={"bio": "I crawl cats."}, headers=user.headers
    )
    assert response.status_code == 200
    assert response.json()["bio"] == "I crawl cats."
    assert response.json()["full_name"] == "Uma User"
    bad = await client.patch("/api/v1/users/me", json={"full_name": ""}, headers=user.headers)
    assert bad.status_code == 422


async def test_api_key_lifecycle(client: httpx.AsyncClient, user: Account) -> None:
    """Create, list, get and revoke a key; a revoked key no longer authenticates."""
    created = await client.post("/api/v1/api-keys", json={"name": "ci"}, headers=user.headers)
    assert created.status_code == 201, created.text
    new_key = created.json()
    assert new_key["key"].startswith(new_key["prefix"])
    new_headers = {"Authorization": f"Bearer {new_key['key']}"}
    assert (await client.get("/api/v1/users/me", headers=new_headers)).status_code == 200

    listed = await client.get("/api/v1/api-keys", headers=user.headers)
    assert listed.status_code == 200
    assert [key["name"] for key in listed.json()] == ["ci", "default"]
    assert all("key" not in key for key in listed.json())

    fetched = await client.get(f"/api/v1/api-keys/{new_key['id']}", headers=user.headers)
    assert fetched.status_code == 200
    assert fetched.json()["last_used_at"] is not None

    revoked = await client.post(f"/api/v1/api-keys/{new_key['id']}/revoke", headers=user.headers)
    assert revoked.status_code == 200
    assert revoked.json()["status"] == "revoked"
    assert (await client.get("/api/v1/users/me", headers=new_headers)).status_code == 401
    again = await client.post(f"/api/v1/api-keys/{new_key['id']}/revoke", headers=user.headers)
    assert again.status_code == 409


async def test_keys_are_stored_hashed(
    app: FastAPI, client: httpx.AsyncClient, user: Account
) -> None:
    """The database holds the SHA-256 of a key, never the key."""
    created = await client.post("/api/v1/api-keys", json={"name": "x"}, headers=user.headers)
    raw_key = created.json()["key"]
    async with app.state.session_factory() as session:
        rows = (await session.execute(text("SELECT key_hash FROM api_keys"))).scalars().all()
    assert len(rows) == 3  # the admin's and the user's default keys, and "x"
    assert hashlib.sha256(raw_key.encode()).hexdigest() in rows
    assert raw_key not in rows


async def test_another_users_key_is_404(
    client: httpx.AsyncClient, user: Account, other_user: Account
) -> None:
    """Keys are private: someone else's key id looks missing."""
    created = await client.post("/api/v1/api-keys", json={"name": "mine"}, headers=user.headers)
    key_id = created.json()["id"]
    fetched = await client.get(f"/api/v1/api-keys/{key_id}", headers=other_user.headers)
    assert fetched.status_code == 404
    revoke = await client.post(f"/api/v1/api-keys/{key_id}/revoke", headers=other_user.headers)
    assert revoke.status_code == 404


@pytest.mark.parametrize("payload", [{}, {"name": ""}, {"name": "x" * 101}])
async def test_api_key_with_bad_input_is_422(
    client: httpx.AsyncClient, user: Account, payload: dict[str, str]
) -> None:
    """A key needs a name of 1 to 100 characters."""
    response = await client.post("/api/v1/api-keys", json=payload, headers=user.headers)
    assert response.status_code == 422


async def test_malformed_authorization_header_is_401(
    client: httpx.AsyncClient, user: Account
) -> None:
    """Only the Bearer scheme is accepted."""
    response = await client.get(
        "/api/v1/users/me", headers={"Authorization": f"Basic {user.api_key}"}
    )
    assert response.status_code == 401
