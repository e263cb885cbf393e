"""The text scan PXL502 prunes with: every class-body assignment target, never fewer."""

from __future__ import annotations

import ast
import sys
import textwrap
from pathlib import Path

import pytest

from pixcrawler_lint.analysis import assigned_names
from pixcrawler_lint.analysis.assigned_names import class_body_targets, statement_targets

SHAPES = '''
import sqlalchemy as sa

class Base: pass

class One(Base): inline = sa.Column(sa.Integer); other: int = 1

class Header(
        Base,
):
    """A docstring whose text
starts at column 0, and says: fake = Column()
"""
    values = [
  1,
    ]
    after_dedented_bracket: int
    continued \\
        = sa.Column(sa.Integer)
    first = 1; second: str = "x"

    class Inner:
        nested_field: int = 0

    def method(self):
        method_local = 1
        return method_local

    ünïcode_µ: int = 0
    back_in_body = sa.Column("x")

def module_function():
    function_local = 2
    return function_local
'''


def _truth(source: str) -> set[str]:
    found = set()
    for cls in ast.walk(ast.parse(source)):
        if isinstance(cls, ast.ClassDef):
            for statement in cls.body:
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                    found.add(statement.target.id)
                if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                        and isinstance(statement.targets[0], ast.Name):
                    found.add(statement.targets[0].id)
    return found


def test_every_class_body_target_is_found_and_function_locals_are_not() -> None:
    found = class_body_targets(SHAPES)
    assert _truth(SHAPES) <= found
    assert {"inline", "other", "after_dedented_bracket", "continued", "first", "second", "nested_field",
            "back_in_body", "ünïcode_μ"} <= found
    assert not {"method_local", "function_local", "fake"} & found


@pytest.mark.parametrize("path", sorted(Path(__file__).resolve().parents[1].joinpath("backend").rglob("*.py")))
def test_the_reference_backend_scans_as_a_superset(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert _truth(source) <= class_body_targets(source)


def test_the_project_scan_follows_edits_and_gives_up_on_a_huge_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(assigned_names, "_RECHECK_SECONDS", 0.0)
    monkeypatch.setattr(sys, "path", [p for p in sys.path if "site-packages" in p or "python3" in p])
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    models = package / "models.py"
    models.write_text(textwrap.dedent("""
        class Entry:
            created_at = Column()
        def helper():
            local = 1
    """))
    (tmp_path / "not-a-package").mkdir()
    (tmp_path / "not-a-package" / "m.py").write_text("class X:\n    hidden = 1\n")
    names = statement_targets([tmp_path])
    assert names is not None and "created_at" in names
    assert "local" not in names and "hidden" not in names  # not importable from the root
    models.write_text("class Entry:\n    created_at = Column()\n    renamed_at = Column()\n")
    names = statement_targets([tmp_path])
    assert names is not None and "renamed_at" in names
    monkeypatch.setattr(assigned_names, "_MAX_FILES", 1)
    (package / "more.py").write_text("x = 1\n")
    assert statement_targets([tmp_path]) is None  # unknown: PXL502 checks every call
