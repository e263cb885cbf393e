"""The PostgreSQL runs of the API tests are real: they use a PostgreSQL engine, and they
skip without PostgreSQL only outside CI (with ``CI=true`` they fail)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.core.config import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.anyio
async def test_the_app_runs_on_the_database_of_its_parameter(
    app: FastAPI, settings: Settings, request: pytest.FixtureRequest
) -> None:
    """``[postgresql]`` runs talk to a PostgreSQL server (asyncpg), ``[sqlite]`` ones to SQLite."""
    factory: async_sessionmaker[AsyncSession] = app.state.session_factory
    async with factory() as session:
        dialect = session.get_bind().dialect
        version = (await session.execute(_version_query(dialect.name))).scalar_one()
    expected = "postgresql" if "postgresql" in request.node.callspec.id else "sqlite"
    assert dialect.name == expected
    assert settings.database_url.startswith(f"{expected}+")
    if expected == "postgresql":
        assert dialect.driver == "asyncpg"
        assert str(version).startswith("PostgreSQL ")


def _version_query(dialect: str) -> TextClause:
    return text("SELECT version()" if dialect == "postgresql" else "SELECT sqlite_version()")


def _run_without_postgres(ci: str | None, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run one API test in a child pytest whose PostgreSQL binaries are missing."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_XDIST_WORKER")}
    env["PIXCRAWLER_PG_BINDIR"] = str(tmp_path / "no-postgres-here")
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "-n",
            "0",
            "-rs",
            "tests/backend/test_backend_projects_datasets.py::test_project_crud",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_without_postgres_the_runs_skip_with_the_reason_outside_ci(tmp_path: Path) -> None:
    """A developer without PostgreSQL: the SQLite run passes, the PostgreSQL run skips."""
    result = _run_without_postgres(None, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed, 1 skipped" in result.stdout, result.stdout
    assert "PostgreSQL unavailable (no initdb/pg_ctl" in result.stdout, result.stdout


def test_without_postgres_the_runs_fail_under_ci(tmp_path: Path) -> None:
    """With ``CI=true`` a missing PostgreSQL is an error, not a silent skip."""
    result = _run_without_postgres("true", tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 passed, 1 error" in result.stdout, result.stdout
    assert "CI=true but PostgreSQL is unusable" in result.stdout, result.stdout
