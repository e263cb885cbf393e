"""Model rules PXL501–PXL503 on small projects written to a temporary directory.

The fixture trees show the documented cases; these tests pin the edges: other ways to
declare models, names out of scope, receivers that cannot be known, and odd code that must
neither be reported nor crash a rule.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pixcrawler_lint.engine import lint_file
from pixcrawler_lint.registry import rule_by_code

MIXIN_BASE = '''
"""Base and mixin."""
from datetime import datetime
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
__all__ = ["Base", "TimestampMixin"]
class Base(DeclarativeBase):
    """Base."""
class TimestampMixin:
    """Timestamps."""
    created_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()
'''


def write_project(root: Path, files: dict[str, str]) -> None:
    """Write ``files`` (relative path -> source) under ``root``; packages get an ``__init__``."""
    (root / "pyproject.toml").write_text('[project]\nname = "t"\nversion = "0"\n', encoding="utf-8")
    for relative, source in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source).lstrip("\n"), encoding="utf-8")
        for package in path.relative_to(root).parents:
            init = root / package / "__init__.py"
            if package != Path(".") and not init.exists():
                init.write_text('"""Package."""\n', encoding="utf-8")


def findings(root: Path, relative: str, *codes: str) -> list[tuple[int, str]]:
    """``(line, code)`` of ``codes`` (and of any internal error) in one file of the project."""
    rules = [rule_by_code(code) for code in codes]
    result = lint_file(root / relative, rules=[rule for rule in rules if rule is not None])
    return sorted((f.line, f.code) for f in result)


def messages(root: Path, relative: str, code: str) -> list[str]:
    rule = rule_by_code(code)
    assert rule is not None
    return [f.message for f in lint_file(root / relative, rules=[rule])]


# --- PXL501 ---------------------------------------------------------------------------------


def test_pxl501_declarative_base_result_imported_and_classic_columns(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/models/base.py": '''
            """Base."""
            from sqlalchemy.orm import declarative_base
            __all__ = ["Base"]
            Base = declarative_base()
        ''',
        "backend/models/tag.py": '''
            """Tag."""
            from sqlalchemy import Column, Index, Integer, String
            from backend.models.base import Base
            __all__ = ["Tag"]
            class Tag(Base):
                id = Column(Integer, primary_key=True)
                label = Column(String(50))
                __table_args__ = (Index("ix_tags_label", "label"),)
        ''',
    })
    assert findings(tmp_path, "backend/models/tag.py", "PXL501") == [(8, "PXL501")]


def test_pxl501_matches_the_table_column_name_and_suggests_the_attribute(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/models/base.py": MIXIN_BASE,
        "backend/models/job.py": '''
            """Job."""
            from sqlalchemy import Index, String
            from sqlalchemy.orm import Mapped, mapped_column
            from backend.models.base import Base
            __all__ = ["Job"]
            class Job(Base):
                __tablename__ = "jobs"
                id: Mapped[int] = mapped_column(primary_key=True)
                kind: Mapped[str] = mapped_column("type", String(20))
                __table_args__ = (Index("ix_jobs_type", "type"), Index("ix_jobs_kind", "kind"))
        ''',
    })
    assert messages(tmp_path, "backend/models/job.py", "PXL501") == [
        "Index() names column \"type\" of Job by string: pass the column object, "
        "Index('ix_jobs_type', kind)"
    ]


def test_pxl501_silent_for_columns_below_table_args_and_unknown_strings(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/models/base.py": MIXIN_BASE,
        "backend/models/job.py": '''
            """Job."""
            from sqlalchemy import Index, String, text
            from sqlalchemy.orm import Mapped, mapped_column
            from backend.models.base import Base, TimestampMixin
            __all__ = ["Job"]
            class Job(TimestampMixin, Base):
                __tablename__ = "jobs"
                id: Mapped[int] = mapped_column(primary_key=True)
                __table_args__ = (
                    Index("ix_jobs_name", "name"),
                    Index("ix_jobs_created", "created_at"),
                    Index("ix_jobs_lower", text("lower(name)")),
                    {"sqlite_autoincrement": True},
                )
                name: Mapped[str] = mapped_column(String(20))
        ''',
    })
    assert findings(tmp_path, "backend/models/job.py", "PXL501") == []


@pytest.mark.parametrize(
    "table_args",
    [
        '{"schema": "crawl"}',
        "(Index(*COLUMNS),)",
        "(Index(),)",
        "tuple(Index(name, name) for name in COLUMNS)",
        '(Index("ix", "id", postgresql_using="gin"), *EXTRA)',
    ],
)
def test_pxl501_odd_table_args_never_crash(tmp_path: Path, table_args: str) -> None:
    write_project(tmp_path, {
        "backend/models/odd.py": f'''
            """Odd."""
            from sqlalchemy import Column, Index, Integer
            from sqlalchemy.orm import declarative_base
            __all__ = ["Odd"]
            Base = declarative_base()
            COLUMNS = ["id"]
            EXTRA = ()
            class Odd(Base):
                __tablename__ = "odd"
                id = Column(Integer, primary_key=True)
                __table_args__ = {table_args}
        ''',
    })
    found = findings(tmp_path, "backend/models/odd.py", "PXL501", "PXL502", "PXL503")
    assert all(code != "PXL900" for _, code in found)
    assert found == ([(11, "PXL501")] if "postgresql_using" in table_args else [])


# --- PXL502 ---------------------------------------------------------------------------------


def test_pxl502_self_inside_a_model_and_a_mixin_column(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/models/base.py": MIXIN_BASE,
        "backend/models/log.py": '''
            """Log."""
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from backend.models.base import Base, TimestampMixin
            __all__ = ["Log"]
            class Log(TimestampMixin, Base):
                __tablename__ = "logs"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Log"]] = relationship()
                def age(self) -> str:
                    return str(self.created_at())
                def first_child(self) -> "Log":
                    return self.children()
                def describe(self) -> str:
                    return self.age()
        ''',
    })
    assert findings(tmp_path, "backend/models/log.py", "PXL502") == [(10, "PXL502")]


def test_pxl502_sources_of_the_receiver_type(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/models/base.py": MIXIN_BASE,
        "backend/models/log.py": '''
            """Log."""
            from sqlalchemy.orm import Mapped, mapped_column
            from backend.models.base import Base, TimestampMixin
            __all__ = ["Log"]
            class Log(TimestampMixin, Base):
                __tablename__ = "logs"
                id: Mapped[int] = mapped_column(primary_key=True)
        ''',
        "backend/core/logs.py": '''
            """Helpers."""
            from typing import Optional, Sequence
            from backend.models.log import Log
            __all__ = ["load", "load_all", "use"]
            def load() -> Optional[Log]:
                return None
            async def load_all() -> Sequence[Log]:
                return []
            async def use(entries: list[Log], maybe) -> None:
                entry = load()
                entry.updated_at()
                for item in await load_all():
                    item.created_at()
                for item2 in entries:
                    item2.id()
                copy: Log | None = entry
                copy.created_at()
                maybe.created_at()
                for item3 in load_all():
                    item3.created_at()
                again = Log()
                again.created_at()
        ''',
    })
    assert findings(tmp_path, "backend/core/logs.py", "PXL502") == [
        (11, "PXL502"), (13, "PXL502"), (15, "PXL502"), (17, "PXL502"), (22, "PXL502"),
    ]


def test_pxl502_rebound_name_of_another_type_is_silent(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/models/base.py": MIXIN_BASE,
        "backend/models/log.py": '''
            """Log."""
            from sqlalchemy.orm import Mapped, mapped_column
            from backend.models.base import Base, TimestampMixin
            __all__ = ["Log", "Clock", "use"]
            class Log(TimestampMixin, Base):
                __tablename__ = "logs"
                id: Mapped[int] = mapped_column(primary_key=True)
            class Clock:
                def created_at(self) -> int:
                    return 0
            def use(flag: bool) -> None:
                value = Log() if flag else Clock()
                value.created_at()
                other = Log()
                other = Clock()
                other.created_at()
        ''',
    })
    assert findings(tmp_path, "backend/models/log.py", "PXL502") == []


# --- PXL503 ---------------------------------------------------------------------------------

OWN_TIMESTAMPS = '''
    """Note."""
    from datetime import datetime
    from sqlalchemy.orm import Mapped, mapped_column
    from backend.models.base import Base
    __all__ = ["Note"]
    class Note(Base):
        __tablename__ = "notes"
        id: Mapped[int] = mapped_column(primary_key=True)
        created_at: Mapped[datetime] = mapped_column()
'''


def test_pxl503_mixin_found_in_another_models_module(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/models/base.py": MIXIN_BASE.replace("class TimestampMixin", "class Unused")
        .replace('"TimestampMixin"]', '"Unused"]'),
        "backend/models/mixins.py": '''
            """Mixins."""
            __all__ = ["TimestampMixin"]
            class TimestampMixin:
                """Timestamps."""
        ''',
        "backend/models/note.py": OWN_TIMESTAMPS,
    })
    assert findings(tmp_path, "backend/models/note.py", "PXL503") == [(9, "PXL503")]


def test_pxl503_silent_without_mixin_or_when_inheriting_it(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/models/base.py": MIXIN_BASE.replace("TimestampMixin", "AuditMixin"),
        "backend/models/note.py": OWN_TIMESTAMPS,
    })
    assert findings(tmp_path, "backend/models/note.py", "PXL503") == []


def test_pxl503_follows_the_configured_mixin_name(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/models/base.py": MIXIN_BASE.replace("TimestampMixin", "AuditMixin"),
        "backend/models/note.py": OWN_TIMESTAMPS,
    })
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "t"\nversion = "0"\n'
        '[tool.pixcrawler_lint]\ntimestamp-mixin = "AuditMixin"\n',
        encoding="utf-8",
    )
    assert findings(tmp_path, "backend/models/note.py", "PXL503") == [(9, "PXL503")]


def test_pxl503_silent_when_the_models_layer_cannot_be_parsed(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/models/broken.py": "class TimestampMixin(:\n",
        "backend/models/base.py": MIXIN_BASE.replace("TimestampMixin", "AuditMixin"),
        "backend/models/note.py": OWN_TIMESTAMPS,
    })
    assert findings(tmp_path, "backend/models/note.py", "PXL503") == []


def test_pxl502_sees_a_column_only_an_editor_buffer_has(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PXL502 skips calls of names no project class body assigns (a scan of the files on
    disk, once a process has checked enough calls); a column added in the buffer being
    linted, not saved yet, still counts."""
    from pixcrawler_lint.engine import lint_source
    from pixcrawler_lint.rules.models import column_called

    monkeypatch.setattr(column_called, "_SCAN_AFTER_CALLS", 0)

    write_project(tmp_path, {
        "backend/models/base.py": MIXIN_BASE,
        "backend/models/log.py": '''
            """Log."""
            from sqlalchemy.orm import Mapped, mapped_column
            from backend.models.base import Base
            __all__ = ["Log"]
            class Log(Base):
                __tablename__ = "logs"
                id: Mapped[int] = mapped_column(primary_key=True)
        ''',
    })
    path = tmp_path / "backend/models/log.py"
    buffer = path.read_text(encoding="utf-8") + (
        "    archived_on: Mapped[int] = mapped_column()\n"
        "    def stamp(self) -> int:\n"
        "        return self.archived_on()\n"
    )
    rule = rule_by_code("PXL502")
    assert rule is not None
    assert [(f.line, f.code) for f in lint_source(buffer, str(path), [rule])] == [(10, "PXL502")]
