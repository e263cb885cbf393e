"""ruff's FastAPI rules (``FAST``) sit beside ours: the reference backend passes them too.

The house rule PXL202 wants ``response_model=`` *or* a return annotation; ruff's FAST001
flags ``response_model=`` that repeats the annotation. The backend keeps the annotation only,
which satisfies both. A negative control proves the ruff gate is live.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUFF = Path(sys.executable).parent / "ruff"
SETTINGS = ["--isolated", "--target-version", "py311", "--no-cache", "--line-length", "100"]
# The profile docs/gate-profile.md recommends beside ours (pycodestyle, pyflakes, bugbear,
# pyupgrade, isort and the FastAPI rules).
PROFILE = "E,F,W,B,UP,I,FAST"


def _ruff(*paths: str, select: str = "FAST", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RUFF), "check", *SETTINGS, "--select", select, "--output-format", "concise", *paths],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_ruff_fastapi_rules_report_nothing_on_the_reference_backend() -> None:
    """``ruff check --select FAST backend builder``: no finding."""
    result = _ruff("backend", "builder")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All checks passed" in result.stdout


def test_the_documented_ruff_profile_is_clean_on_the_reference_backend() -> None:
    """The ruff settings of docs/gate-profile.md report nothing either."""
    result = _ruff("backend", "builder", select=PROFILE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert PROFILE in (ROOT / "docs" / "gate-profile.md").read_text()


def test_ruff_fastapi_rules_are_live(tmp_path: Path) -> None:
    """Negative control: a redundant ``response_model=`` and a non-Annotated dependency."""
    (tmp_path / "routes.py").write_text(
        textwrap.dedent('''\
        """Routes."""
        from fastapi import APIRouter, Depends
        from pydantic import BaseModel

        router = APIRouter()


        class Item(BaseModel):
            """An item."""

            id: int


        def get_db() -> str:
            """A dependency."""
            return "db"


        @router.get("/items/{item_id}", response_model=Item)
        async def read_item(item_id: int, db: str = Depends(get_db)) -> Item:
            """Read one."""
            return Item(id=item_id)
        ''')
    )
    result = _ruff("routes.py", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAST001" in result.stdout and "FAST002" in result.stdout, result.stdout
