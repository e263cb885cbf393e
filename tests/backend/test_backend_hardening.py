"""Hardening of the reference backend: out-of-range integers, JSON errors, deletion of image
files, plain messages, relative storage paths, blank names, re-crawl counts, total counts and
offline docs. Every test here runs on SQLite and on PostgreSQL (see conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from backend_api_helpers import Account, ImageServer
from fastapi import FastAPI

from backend.core.config import Settings
from backend.core.limits import MAX_DB_INT
from backend.main import create_app
from backend.services.project import ProjectService

pytestmark = pytest.mark.anyio

OPERATIONS = [
    (method.upper(), path, operation)
    for path, item in create_app().openapi()["paths"].items()
    for method, operation in item.items()
]
WITH_ID = [(m, p) for m, p, _ in OPERATIONS if "{" in p]
LISTS = [
    (p, op)
    for m, p, op in OPERATIONS
    if m == "GET" and any(param["name"] == "offset" for param in op.get("parameters", []))
]
HUGE = [2**63, 2**64 + 1, MAX_DB_INT + 1, 10**30]


def _fill(path: str, value: int | str) -> str:
    return re.sub(r"\{[^}]+\}", str(value), path)


def _is_validation_error(response: httpx.Response) -> bool:
    """A 422 with FastAPI's usual JSON body: ``{"detail": [{"loc": …, "msg": …}, …]}``."""
    if response.status_code != 422 or not response.headers["content-type"].startswith(
        "application/json"
    ):
        return False
    detail = response.json()["detail"]
    return isinstance(detail, list) and all("loc" in item and "msg" in item for item in detail)


async def _dataset(client: httpx.AsyncClient, account: Account, name: str = "D") -> dict[str, Any]:
    project = await client.post(
        "/api/v1/projects", json={"name": f"P-{name}"}, headers=account.headers
    )
    dataset = await client.post(
        "/api/v1/datasets",
        json={"project_id": project.json()["id"], "name": name},
        headers=account.headers,
    )
    assert dataset.status_code == 201, dataset.text
    body: dict[str, Any] = dataset.json()
    return body


async def _crawl(
    client: httpx.AsyncClient, account: Account, dataset_id: int, urls: list[str]
) -> dict[str, Any]:
    job = await client.post(
        "/api/v1/crawl-jobs", json={"dataset_id": dataset_id, "urls": urls}, headers=account.headers
    )
    assert job.status_code == 201, job.text
    started = await client.post(
        f"/api/v1/crawl-jobs/{job.json()['id']}/start", headers=account.headers
    )
    assert started.status_code == 202, started.text
    finished = await client.get(f"/api/v1/crawl-jobs/{job.json()['id']}", headers=account.headers)
    body: dict[str, Any] = finished.json()
    return body


# 1. integers outside the database's range, and JSON on every error ---------------------------


async def test_ids_beyond_the_database_range_are_422_on_every_operation(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """Path ids ≥ 2^31 (PostgreSQL's integer), ≥ 2^63 (SQLite's) or ≤ 0: a JSON 422."""
    wrong: list[tuple[str, str, int]] = []
    for method, path in WITH_ID:
        for value in [*HUGE, 0, -1]:
            body = {} if method == "PATCH" else None
            response = await client.request(
                method, _fill(path, value), json=body, headers=admin.headers
            )
            if not _is_validation_error(response):
                wrong.append((method, path, response.status_code))
    assert wrong == []


async def test_the_largest_accepted_id_reaches_the_database_and_is_404(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """``MAX_DB_INT`` itself is a valid id: the query runs (on PostgreSQL too) and finds nothing."""
    wrong = []
    for method, path in WITH_ID:
        response = await client.request(
            method,
            _fill(path, MAX_DB_INT),
            json={} if method == "PATCH" else None,
            headers=admin.headers,
        )
        if response.status_code != 404 or "detail" not in response.json():
            wrong.append((method, path, response.status_code))
    assert wrong == []


async def test_offsets_and_id_filters_beyond_the_range_are_422(
    client: httpx.AsyncClient, admin: Account
) -> None:
    """``offset`` ≥ 2^31 and ``?dataset_id=``/``?project_id=`` filters out of range: 422."""
    wrong = []
    for path, operation in LISTS:
        names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        url = _fill(path, 1)
        for value in HUGE:
            queries = [{"offset": value}] + [
                {name: value} for name in ("dataset_id", "project_id") if name in names
            ]
            for query in queries:
                response = await client.get(url, params=query, headers=admin.headers)
                if not _is_validation_error(response):
                    wrong.append((path, query, response.status_code))
    assert LISTS and wrong == []
    largest = await client.get(
        "/api/v1/projects", params={"offset": MAX_DB_INT}, headers=admin.headers
    )
    assert (largest.status_code, largest.json()) == (200, [])


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/datasets", {"project_id": 2**63, "name": "D"}),
        ("/api/v1/datasets", {"project_id": MAX_DB_INT + 1, "name": "D"}),
        ("/api/v1/crawl-jobs", {"dataset_id": 2**63, "urls": ["http://127.0.0.1/a.png"]}),
        ("/api/v1/crawl-jobs", {"dataset_id": 10**40, "urls": ["http://127.0.0.1/a.png"]}),
    ],
)
async def test_body_ids_beyond_the_range_are_422(
    client: httpx.AsyncClient, user: Account, path: str, body: dict[str, Any]
) -> None:
    """Ids in request bodies are bounded like path ids."""
    response = await client.post(path, json=body, headers=user.headers)
    assert _is_validation_error(response), response.text


async def test_an_unexpected_error_is_a_json_500(
    app: FastAPI, user: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception no handler knows becomes ``{"detail": "internal server error"}``, JSON."""

    async def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internals <object at 0xdeadbeef>")

    monkeypatch.setattr(ProjectService, "list_projects", explode)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.get("/api/v1/projects", headers=user.headers)
        missing = await client.get("/api/v1/no-such-route", headers=user.headers)
        wrong_method = await client.put("/api/v1/projects", headers=user.headers)
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"detail": "internal server error"}
    for other in (missing, wrong_method):
        assert other.status_code in (404, 405)
        assert other.headers["content-type"] == "application/json"


# 3. deleting a dataset (or a project) removes its image files ---------------------------------


async def test_deleting_a_dataset_removes_its_images_from_disk(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer, settings: Settings
) -> None:
    """After DELETE /datasets/{id} nothing of the dataset is left under the storage root."""
    keep = await _dataset(client, user, "keep")
    drop = await _dataset(client, user, "drop")
    urls = [image_server.url("/red.png"), image_server.url("/green.jpg")]
    for dataset in (keep, drop):
        assert (await _crawl(client, user, dataset["id"], urls))["downloaded_images"] == 2
    drop_dir = settings.storage_dir / f"dataset_{drop['id']}"
    assert len(list(drop_dir.iterdir())) == 2

    deleted = await client.delete(f"/api/v1/datasets/{drop['id']}", headers=user.headers)
    assert deleted.status_code == 204
    assert not drop_dir.exists()
    left = sorted(
        path.relative_to(settings.storage_dir).as_posix()
        for path in settings.storage_dir.rglob("*")
        if path.is_file()
    )
    assert len(left) == 2 and all(p.startswith(f"dataset_{keep['id']}/") for p in left), left
    images = await client.get(f"/api/v1/datasets/{keep['id']}/images", headers=user.headers)
    assert all((settings.storage_dir / image["storage_path"]).is_file() for image in images.json())


async def test_deleting_a_project_removes_the_images_of_its_datasets(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer, settings: Settings
) -> None:
    """A project's deletion cascades to its datasets, and so to their files."""
    dataset = await _dataset(client, user)
    await _crawl(client, user, dataset["id"], [image_server.url("/blue.png")])
    assert any(settings.storage_dir.rglob("*.png"))
    response = await client.delete(
        f"/api/v1/projects/{dataset['project_id']}", headers=user.headers
    )
    assert response.status_code == 204
    assert [path for path in settings.storage_dir.rglob("*") if path.is_file()] == []


# 4. plain messages, relative paths, blank names, honest re-crawl counts -----------------------


async def test_failure_reasons_carry_no_python_object_reprs(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer
) -> None:
    """A text body and a truncated PNG fail with readable reasons, not ``<_io.BytesIO …>``."""
    dataset = await _dataset(client, user)
    job = await _crawl(
        client,
        user,
        dataset["id"],
        [
            image_server.url("/notes.txt"),
            image_server.url("/broken.png"),
            "http://127.0.0.1:1/x.png",
        ],
    )
    message = job["error_message"]
    assert "not a decodable image" in message and "ConnectError" in message
    assert not re.search(r"<[^>]*>|0x[0-9a-f]{6,}|object at", message), message
    notifications = (await client.get("/api/v1/notifications", headers=user.headers)).json()
    assert not any("object at" in n["message"] for n in notifications)


async def test_storage_paths_are_relative_to_the_storage_root(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer, settings: Settings
) -> None:
    """``storage_path`` is ``dataset_<id>/<sha256>.<ext>``, never an absolute server path."""
    dataset = await _dataset(client, user)
    await _crawl(client, user, dataset["id"], [image_server.url("/red.png")])
    (image,) = (
        await client.get(f"/api/v1/datasets/{dataset['id']}/images", headers=user.headers)
    ).json()
    assert image["storage_path"] == f"dataset_{dataset['id']}/{image['sha256']}.png"
    assert not Path(image["storage_path"]).is_absolute()
    assert str(settings.storage_dir.resolve()) not in str(image)


@pytest.mark.parametrize("name", ["   ", "\t\n", "\u00a0 \u2003"])
async def test_names_that_are_only_whitespace_are_rejected(
    client: httpx.AsyncClient, admin: Account, name: str
) -> None:
    """Project, dataset, API key, policy and user names must have a visible character."""
    project = await client.post("/api/v1/projects", json={"name": "Real"}, headers=admin.headers)
    project_id = project.json()["id"]
    attempts = [
        ("POST", "/api/v1/projects", {"name": name}),
        ("PATCH", f"/api/v1/projects/{project_id}", {"name": name}),
        ("POST", "/api/v1/datasets", {"project_id": project_id, "name": name}),
        ("POST", "/api/v1/api-keys", {"name": name}),
        ("POST", "/api/v1/policies/archival", {"name": name, "days_inactive": 1}),
        (
            "POST",
            "/api/v1/policies/cleanup",
            {"name": name, "target": "activity_logs", "days_old": 1},
        ),
        ("PATCH", "/api/v1/users/me", {"full_name": name}),
        ("POST", "/api/v1/users", {"email": "blank@example.com", "full_name": name}),
    ]
    wrong = []
    for method, path, body in attempts:
        response = await client.request(method, path, json=body, headers=admin.headers)
        if not _is_validation_error(response):
            wrong.append((method, path, response.status_code))
    assert wrong == []
    padded = await client.post("/api/v1/projects", json={"name": "  Cats  "}, headers=admin.headers)
    assert padded.json()["name"] == "Cats"


async def test_a_recrawl_reports_what_was_really_stored(
    client: httpx.AsyncClient, user: Account, image_server: ImageServer
) -> None:
    """Images the dataset already has count as duplicates, not as downloaded."""
    dataset = await _dataset(client, user)
    first = await _crawl(client, user, dataset["id"], [image_server.url("/red.png")])
    assert (first["downloaded_images"], first["duplicate_images"]) == (1, 0)
    again = await _crawl(
        client, user, dataset["id"], [image_server.url("/red.png"), image_server.url("/blue.png")]
    )
    assert again["status"] == "completed"
    assert (again["downloaded_images"], again["duplicate_images"], again["failed_urls"]) == (
        1,
        1,
        0,
    )
    notifications = (await client.get("/api/v1/notifications", headers=user.headers)).json()
    assert notifications[0]["message"].startswith(
        "1 new image(s) stored, 1 already in the dataset, 0 URL(s) failed."
    )
    images = await client.get(f"/api/v1/datasets/{dataset['id']}/images", headers=user.headers)
    assert len(images.json()) == 2


# 7. total counts on list endpoints -------------------------------------------------------------


async def test_list_endpoints_return_the_total_count(
    client: httpx.AsyncClient, user: Account, other_user: Account
) -> None:
    """``X-Total-Count`` is the number of matching items across all pages, per user and filter."""
    for index in range(5):
        await client.post("/api/v1/projects", json={"name": f"P{index}"}, headers=user.headers)
    await client.post("/api/v1/projects", json={"name": "theirs"}, headers=other_user.headers)
    page = await client.get("/api/v1/projects?offset=1&limit=2", headers=user.headers)
    assert [p["name"] for p in page.json()] == ["P1", "P2"]
    assert page.headers["X-Total-Count"] == "5"
    beyond = await client.get("/api/v1/projects?offset=10", headers=user.headers)
    assert (beyond.json(), beyond.headers["X-Total-Count"]) == ([], "5")

    projects = page.json()
    await client.post(
        "/api/v1/datasets",
        json={"project_id": projects[0]["id"], "name": "A"},
        headers=user.headers,
    )
    for name in ("B", "C"):
        await client.post(
            "/api/v1/datasets",
            json={"project_id": projects[1]["id"], "name": name},
            headers=user.headers,
        )
    filtered = await client.get(
        f"/api/v1/datasets?project_id={projects[1]['id']}&limit=1", headers=user.headers
    )
    assert (len(filtered.json()), filtered.headers["X-Total-Count"]) == (1, "2")
    activity = await client.get("/api/v1/activity?resource_type=dataset", headers=user.headers)
    assert activity.headers["X-Total-Count"] == "3"
    keys = await client.get("/api/v1/api-keys?limit=1", headers=user.headers)
    assert (len(keys.json()), keys.headers["X-Total-Count"]) == (1, "1")


async def test_every_list_endpoint_sends_and_documents_the_total_count(
    app: FastAPI, client: httpx.AsyncClient, admin: Account
) -> None:
    """Each list route answers with ``X-Total-Count`` and declares the header in OpenAPI."""
    await _dataset(client, admin)
    schema = app.openapi()
    for path, _ in LISTS:
        response = await client.get(_fill(path, 1), headers=admin.headers)
        assert response.status_code == 200, (path, response.text)
        assert int(response.headers["X-Total-Count"]) >= len(response.json()), path
        headers = schema["paths"][path]["get"]["responses"]["200"]["headers"]
        assert "X-Total-Count" in headers, path
    assert len(LISTS) == 10


# 5. /docs and /redoc work offline ---------------------------------------------------------------


async def test_docs_pages_reference_no_external_host(client: httpx.AsyncClient) -> None:
    """Swagger UI and ReDoc load every script, style and icon from the app itself."""
    for page in ("/docs", "/redoc"):
        response = await client.get(page)
        assert response.status_code == 200
        html = response.text
        references = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)
        references += re.findall(r"""url\s*:\s*['"]([^'"]+)['"]""", html)
        assert references, page
        external = [ref for ref in references if urlsplit(ref).netloc]
        assert external == [], (page, external)
        assert not re.search(r"https?://|//cdn|jsdelivr|unpkg|fonts\.googleapis", html), page
        for reference in references:
            asset = await client.get(reference)
            assert asset.status_code == 200, (page, reference)
            assert asset.content, reference
