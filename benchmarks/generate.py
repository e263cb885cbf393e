"""Write a synthetic PixCrawler-style backend of a given size for the benchmarks.

Per resource: a model, a repository, a schema module, a service and an endpoint module; plus the
shared base classes, core helpers, the composition root (``backend/api/dependencies.py``), the
types module (``backend/api/types.py``) and a v1 router that includes every endpoint router.
Most code follows the house rules; a deterministic share of the resources carries violations of
the rule catalog (chosen by the resource index, so two runs write byte-identical trees). The
intended violations are listed in ``violations.json`` next to ``pyproject.toml``.

The shapes follow what made real backends slow to lint (issue 16, the dispatch corpus): wide
classes (models of ~24 columns, response schemas of ~20 fields mirroring them), many library
imports per module (fastapi, pydantic, sqlalchemy, typing, uuid, decimal), enums, validators,
and deep project inheritance (models on a four-level mixin chain, services on a three-level
base chain). ``--plain`` writes the earlier, narrower shapes.

    python benchmarks/generate.py --resources 40 --out /tmp/bench-tree
"""

from __future__ import annotations

import argparse
import json
import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Resource", "generate", "main"]

NOUNS = (
    "album", "annotation", "bucket", "collection", "comment", "export", "gallery", "invoice",
    "label", "mirror", "quota", "report", "schedule", "snapshot", "source", "tag", "team",
    "template", "thumbnail", "webhook",
)


@dataclass(frozen=True)
class Resource:
    """One generated resource: ``album_3`` → class ``Album3``, table ``album_3s``."""

    index: int

    @property
    def name(self) -> str:
        return f"{NOUNS[self.index % len(NOUNS)]}_{self.index}"

    @property
    def cls(self) -> str:
        return "".join(part.capitalize() for part in self.name.split("_"))

    @property
    def camel(self) -> str:
        return self.cls[0].lower() + self.cls[1:]

    def has(self, violation: str) -> bool:
        """True when this resource carries ``violation`` (every ``VIOLATIONS[v]``-th resource)."""
        period = VIOLATIONS[violation][0]
        return self.index % period == period - 1


# violation -> (period, codes it is meant to trigger). Periods are distinct primes-ish so that
# violations are spread and combine differently across resources; about 60% of resources are clean.
VIOLATIONS: dict[str, tuple[int, tuple[str, ...]]] = {
    "endpoint-no-operation-id": (3, ("PXL201",)),
    "endpoint-no-summary": (4, ("PXL203",)),
    "endpoint-inline-depends": (5, ("PXL206",)),
    "endpoint-unaliased-status": (7, ("PXL205",)),
    "endpoint-session": (11, ("PXL102", "PXL208")),
    "endpoint-builds-repository": (13, ("PXL102", "PXL209")),
    "service-create-positional": (4, ("PXL401",)),
    "service-update-by-id": (6, ("PXL402",)),
    "service-unknown-method": (5, ("PXL403",)),
    "service-sqlalchemy": (8, ("PXL103", "PXL302")),
    "service-http-client": (9, ("PXL104",)),
    "service-session": (10, ("PXL301", "PXL603")),
    "service-column-called": (7, ("PXL502",)),
    "service-no-base": (17, ("PXL303",)),
    "repository-no-base": (6, ("PXL405",)),
    "repository-upward-import": (19, ("PXL101",)),
    "model-string-index": (5, ("PXL501",)),
    "model-own-timestamps": (7, ("PXL503",)),
    "types-missing-alias": (12, ("PXL602",)),
    "module-no-dunder-all": (14, ("PXL604",)),
}


def _dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def _all(names: list[str], res: Resource | None = None) -> str:
    if res is not None and res.has("module-no-dunder-all"):
        return ""
    return "__all__ = [" + ", ".join(f'"{n}"' for n in sorted(names)) + "]\n"


# --------------------------------------------------------------------------- shared modules

STATIC_FILES: dict[str, str] = {
    "backend/__init__.py": '"""Synthetic PixCrawler backend written by benchmarks/generate.py."""\n',
    "backend/api/__init__.py": '"""HTTP layer."""\n',
    "backend/api/v1/__init__.py": '"""Version 1 of the API."""\n',
    "backend/api/v1/endpoints/__init__.py": '"""One module per resource."""\n',
    "backend/services/__init__.py": '"""Business logic."""\n',
    "backend/repositories/__init__.py": '"""Data access."""\n',
    "backend/models/__init__.py": '"""ORM models."""\n',
    "backend/schemas/__init__.py": '"""Request and response schemas."""\n',
    "backend/core/__init__.py": '"""Shared helpers."""\n',
    "backend/core/clock.py": _dedent('''
        """Time helpers: every timestamp is timezone-aware UTC."""

        from datetime import UTC, datetime

        __all__ = ["utcnow"]


        def utcnow() -> datetime:
            """Return the current time in UTC."""
            return datetime.now(UTC)
    '''),
    "backend/core/exceptions.py": _dedent('''
        """Domain exceptions; the API maps them to status codes in one place."""

        __all__ = ["ConflictError", "DomainError", "NotFoundError"]


        class DomainError(Exception):
            """Base of every domain error."""

            def __init__(self, message: str) -> None:
                super().__init__(message)
                self.message = message


        class NotFoundError(DomainError):
            """The resource does not exist or is not visible to the caller."""

            def __init__(self, resource: str, resource_id: int) -> None:
                super().__init__(f"{resource} {resource_id} not found")


        class ConflictError(DomainError):
            """The request conflicts with the current state."""
    '''),
    "backend/models/base.py": _dedent('''
        """Declarative base and the timestamp mixin."""

        from datetime import datetime

        from sqlalchemy import DateTime
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        from backend.core.clock import utcnow

        __all__ = ["Base", "TimestampMixin"]


        class Base(DeclarativeBase):
            """Declarative base of every model."""


        class TimestampMixin:
            """``created_at`` / ``updated_at`` columns set by the ORM."""

            created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
            updated_at: Mapped[datetime] = mapped_column(
                DateTime(timezone=True), default=utcnow, onupdate=utcnow
            )
    '''),
    "backend/models/user.py": _dedent('''
        """User model: the owner of every resource."""

        from sqlalchemy import String
        from sqlalchemy.orm import Mapped, mapped_column

        from backend.models.base import Base, TimestampMixin

        __all__ = ["User"]


        class User(TimestampMixin, Base):
            """A registered user."""

            __tablename__ = "users"

            id: Mapped[int] = mapped_column(primary_key=True)
            email: Mapped[str] = mapped_column(String(320), unique=True)
            is_admin: Mapped[bool] = mapped_column(default=False)
    '''),
    "backend/models/mixins.py": _dedent('''
        """Column mixins stacked the way real models stack them (deep project inheritance)."""

        from sqlalchemy import Boolean, Integer, String
        from sqlalchemy.orm import Mapped, mapped_column

        from backend.models.base import TimestampMixin

        __all__ = ["AuditMixin", "ResourceMixin", "SoftDeleteMixin", "VersionedMixin"]


        class AuditMixin(TimestampMixin):
            """Who created the row."""

            created_by: Mapped[str | None] = mapped_column(String(320), default=None)


        class SoftDeleteMixin(AuditMixin):
            """Rows are flagged, not deleted."""

            is_deleted: Mapped[bool] = mapped_column(Boolean, default=False)


        class VersionedMixin(SoftDeleteMixin):
            """An optimistic-locking counter."""

            version: Mapped[int] = mapped_column(Integer, default=1)


        class ResourceMixin(VersionedMixin):
            """Everything a user-owned resource carries."""

            external_ref: Mapped[str | None] = mapped_column(String(64), default=None)
    '''),
    "backend/repositories/base.py": _dedent('''
        """Generic async repository: create(**kwargs), get_by_id, update(instance, **updates)."""

        from collections.abc import Sequence
        from typing import Any, Generic, TypeVar

        from sqlalchemy import func, select
        from sqlalchemy.ext.asyncio import AsyncSession

        from backend.models.base import Base

        __all__ = ["BaseRepository", "ModelT"]

        ModelT = TypeVar("ModelT", bound=Base)


        class BaseRepository(Generic[ModelT]):
            """CRUD for one model class over an async session."""

            def __init__(self, session: AsyncSession, model: type[ModelT]) -> None:
                self.session = session
                self.model = model

            async def create(self, **kwargs: Any) -> ModelT:
                """Insert a row built from keyword arguments."""
                instance = self.model(**kwargs)
                self.session.add(instance)
                await self.session.commit()
                await self.session.refresh(instance)
                return instance

            async def get_by_id(self, id: int) -> ModelT | None:  # pylint: disable=redefined-builtin
                """The row with this primary key, or None."""
                return await self.session.get(self.model, id)

            async def update(self, instance: ModelT, **updates: Any) -> ModelT:
                """Set attributes on ``instance`` and commit."""
                for field, value in updates.items():
                    setattr(instance, field, value)
                await self.session.commit()
                await self.session.refresh(instance)
                return instance

            async def delete(self, instance: ModelT) -> None:
                """Delete ``instance``."""
                await self.session.delete(instance)
                await self.session.commit()

            async def list(self, *, offset: int = 0, limit: int = 100, **filters: Any) -> Sequence[ModelT]:
                """Rows whose columns equal ``filters``, paginated."""
                query = select(self.model).filter_by(**filters).offset(offset).limit(limit)
                result = await self.session.execute(query)
                return result.scalars().all()

            async def count(self, **filters: Any) -> int:
                """How many rows match ``filters``."""
                query = select(func.count()).select_from(self.model).filter_by(**filters)
                result = await self.session.execute(query)
                return int(result.scalar_one())
    '''),
    "backend/services/base.py": _dedent('''
        """Base class of every service."""

        import logging

        __all__ = ["AuditedService", "BaseService", "OwnedResourceService"]


        class BaseService:
            """Common behaviour of services; subclasses call super().__init__()."""

            def __init__(self) -> None:
                self.logger = logging.getLogger(type(self).__name__)

            def log_operation(self, operation: str, **context: object) -> None:
                """Log an operation with its context."""
                self.logger.info("%s %s", operation, context)


        class AuditedService(BaseService):
            """Services whose operations are audited."""

            def audit(self, operation: str, owner_id: int) -> None:
                """Record who did what."""
                self.log_operation(operation, owner_id=owner_id)


        class OwnedResourceService(AuditedService):
            """Services of resources that belong to one user."""

            def check_owner(self, owner_id: int, actual_owner_id: int) -> bool:
                """True when the caller owns the resource."""
                return owner_id == actual_owner_id
    '''),
    "backend/schemas/common.py": _dedent('''
        """Schema building blocks."""

        from pydantic import BaseModel, ConfigDict

        __all__ = ["AuthenticatedUser", "ORMModel"]


        class ORMModel(BaseModel):
            """Base of response schemas read from ORM objects."""

            model_config = ConfigDict(from_attributes=True)


        class AuthenticatedUser(BaseModel):
            """The caller, resolved from the bearer token."""

            id: int
            email: str
            is_admin: bool = False
    '''),
}


# --------------------------------------------------------------------------- per resource


# Wide classes (issue 16): real models carry a couple of dozen columns, and their response
# schemas mirror them field for field.
WIDE_FIELDS: tuple[tuple[str, str, str], ...] = tuple(
    (f"{kind}_{k}", annotation, column)
    for k in range(3)
    for kind, annotation, column in (
        ("label", "str | None", "String(64), default=None"),
        ("note", "str | None", "Text, default=None"),
        ("count", "int", "Integer, default=0"),
        ("total", "int", "BigInteger, default=0"),
        ("flag", "bool", "Boolean, default=False"),
        ("amount", "Decimal | None", "Numeric(12, 2), default=None"),
        ("token", "UUID | None", "Uuid, default=None"),
        ("extra", "dict[str, Any] | None", "JSON, default=None"),
    )
)
WIDE_COLUMNS = "".join(
    f"    {name}: Mapped[{annotation}] = mapped_column({column})\n" for name, annotation, column in WIDE_FIELDS
)
PLAIN = False  # set by generate(): the narrower shapes of the first benchmark


def model_module(res: Resource) -> str:
    parent_fk = "users.id" if res.index == 0 else f"{Resource(res.index - 1).name}s.id"
    own_timestamps = res.has("model-own-timestamps")
    bases = "Base" if own_timestamps else ("TimestampMixin, Base" if PLAIN else "ResourceMixin, Base")
    imports = "from backend.models.base import Base" if own_timestamps else (
        "from backend.models.base import Base, TimestampMixin" if PLAIN
        else "from backend.models.base import Base\nfrom backend.models.mixins import ResourceMixin"
    )
    timestamps = ""
    if own_timestamps:
        timestamps = (
            "    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)\n"
            "    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)\n"
        )
    index_args = '"owner_id", "name"' if res.has("model-string-index") else "owner_id, name"
    sa_names = "ForeignKey, Index, String, Text" if PLAIN else (
        "JSON, BigInteger, Boolean, ForeignKey, Index, Integer, Numeric, String, Text, Uuid"
    )
    header = (
        f"from datetime import datetime\n\nfrom sqlalchemy import DateTime, {sa_names}\n"
        if own_timestamps else f"from sqlalchemy import {sa_names}\n"
    )
    if not PLAIN:
        header = "from decimal import Decimal\nfrom typing import Any\nfrom uuid import UUID\n\n" + header.replace(
            "from datetime import datetime\n\n", "from datetime import datetime\n")
        if own_timestamps:
            header = "from datetime import datetime\n" + header.replace("from datetime import datetime\n", "")
    clock = "from backend.core.clock import utcnow\n" if own_timestamps else ""
    return (
        f'"""{res.cls} model."""\n\n{header}from sqlalchemy.orm import Mapped, mapped_column\n\n'
        f"{clock}{imports}\n\n{_all([res.cls], res)}\n\n"
        f"class {res.cls}({bases}):\n"
        f'    """A {res.name.replace("_", " ")} owned by a user."""\n\n'
        f'    __tablename__ = "{res.name}s"\n\n'
        "    id: Mapped[int] = mapped_column(primary_key=True)\n"
        '    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))\n'
        f'    parent_id: Mapped[int | None] = mapped_column(ForeignKey("{parent_fk}"), default=None)\n'
        "    name: Mapped[str] = mapped_column(String(200))\n"
        "    description: Mapped[str | None] = mapped_column(Text, default=None)\n"
        "    position: Mapped[int] = mapped_column(default=0)\n"
        f"{'' if PLAIN else WIDE_COLUMNS}"
        f"{timestamps}\n"
        f'    __table_args__ = (Index("ix_{res.name}s_owner_name", {index_args}),)\n'
    )


def wide_schemas(res: Resource) -> str:
    """An enum, a validator, a wide detail schema on a three-level chain and a page of them."""
    c = res.cls
    kinds = "".join(f'    KIND_{k} = "kind_{k}"\n' for k in range(12))
    fields = "".join(f"    {name}: {annotation}\n" for name, annotation, _ in WIDE_FIELDS)
    return (
        f"\n\nclass {c}Kind(str, Enum):\n    \"\"\"What a {res.name} is used for.\"\"\"\n\n{kinds}"
        f"\n\nclass {c}Detail({c}Response):\n    \"\"\"A {res.name} with every column.\"\"\"\n\n"
        f"    created_by: str | None = None\n    is_deleted: bool = False\n    version: int = 1\n"
        f"    external_ref: str | None = None\n{fields}"
        f"    kind: {c}Kind | None = None\n    tags: list[str] = Field(default_factory=list)\n"
        f"    status: Literal[\"draft\", \"active\", \"archived\"] = \"draft\"\n\n"
        "    @field_validator(\"tags\")\n    @classmethod\n"
        "    def unique_tags(cls, value: list[str]) -> list[str]:\n"
        "        \"\"\"Tags are kept once each, in order.\"\"\"\n"
        "        return list(dict.fromkeys(value))\n"
        f"\n\nclass {c}Page(BaseModel):\n    \"\"\"One page of {res.name}s.\"\"\"\n\n"
        f"    items: list[{c}Detail]\n    total: int = Field(ge=0)\n    offset: int = 0\n    limit: int = 50\n"
    )


def schema_module(res: Resource) -> str:
    c = res.cls
    if not PLAIN:
        names = [f"{c}Create", f"{c}Detail", f"{c}Kind", f"{c}Page", f"{c}Response", f"{c}Update"]
        header = _dedent(f'''
            """{c} schemas."""

            from datetime import datetime
            from decimal import Decimal
            from enum import Enum
            from typing import Any, Literal
            from uuid import UUID

            from pydantic import BaseModel, ConfigDict, Field, field_validator

            from backend.schemas.common import ORMModel

        ''') + _all(names, res)
        plain = schema_module_plain(res)
        body = plain[plain.index(f"class {c}Create("):]
        return header + "\n\n" + body + wide_schemas(res)
    return schema_module_plain(res)


def schema_module_plain(res: Resource) -> str:
    c = res.cls
    return _dedent(f'''
        """{c} schemas."""

        from datetime import datetime

        from pydantic import BaseModel, ConfigDict, Field

        from backend.schemas.common import ORMModel

    ''') + _all([f"{c}Create", f"{c}Response", f"{c}Update"], res) + _dedent(f'''


        class {c}Create(BaseModel):
            """Request to create a {res.name}."""

            model_config = ConfigDict(extra="forbid")

            name: str = Field(min_length=1, max_length=200)
            description: str | None = Field(default=None, max_length=5000)
            parent_id: int | None = None


        class {c}Update(BaseModel):
            """Partial update: only the given fields change."""

            model_config = ConfigDict(extra="forbid")

            name: str | None = Field(default=None, min_length=1, max_length=200)
            description: str | None = None
            position: int | None = Field(default=None, ge=0)


        class {c}Response(ORMModel):
            """A {res.name}."""

            id: int
            owner_id: int
            parent_id: int | None
            name: str
            description: str | None
            position: int
            created_at: datetime
            updated_at: datetime
    ''')


def repository_module(res: Resource) -> str:
    c = res.cls
    upward = "from backend.services.base import BaseService\n" if res.has("repository-upward-import") else ""
    if res.has("repository-no-base"):
        base_import = ""
        class_line = f"class {c}Repository:"
        init_body = "        self.session = session\n        self.model = " + c
    else:
        base_import = "from backend.repositories.base import BaseRepository\n"
        class_line = f"class {c}Repository(BaseRepository[{c}]):"
        init_body = f"        super().__init__(session, {c})"
    return (
        f'"""{c} repository."""\n\nfrom collections.abc import Sequence\n\n'
        "from sqlalchemy import select\nfrom sqlalchemy.ext.asyncio import AsyncSession\n\n"
        f"from backend.models.{res.name} import {c}\n{base_import}{upward}\n"
        f"{_all([f'{c}Repository'], res)}\n\n"
        f"{class_line}\n"
        f'    """Data access for {res.name}s."""\n\n'
        "    def __init__(self, session: AsyncSession) -> None:\n"
        f"{init_body}\n\n"
        f"    async def get_by_owner_and_name(self, owner_id: int, name: str) -> {c} | None:\n"
        f'        """The owner\'s {res.name} with this name, or None."""\n'
        f"        query = select({c}).where({c}.owner_id == owner_id, {c}.name == name)\n"
        "        result = await self.session.execute(query)\n"
        "        return result.scalar_one_or_none()\n\n"
        f"    async def list_for_owner(self, owner_id: int, *, offset: int, limit: int) -> Sequence[{c}]:\n"
        f'        """The owner\'s {res.name}s, by position."""\n'
        f"        query = select({c}).where({c}.owner_id == owner_id).order_by({c}.position)\n"
        "        result = await self.session.execute(query.offset(offset).limit(limit))\n"
        "        return result.scalars().all()\n"
    )


def service_module(res: Resource) -> str:
    c, n = res.cls, res.name
    imports = ["from collections.abc import Sequence", ""]
    if res.has("service-http-client"):
        imports[1:1] = ["", "import httpx"]
    if res.has("service-sqlalchemy"):
        imports += ["from sqlalchemy import select", ""]
    if res.has("service-session"):
        imports += ["from sqlalchemy.ext.asyncio import AsyncSession", ""]
    imports += [
        "from backend.core.exceptions import ConflictError, NotFoundError",
        f"from backend.models.{n} import {c}",
        f"from backend.repositories.{n} import {c}Repository",
        f"from backend.schemas.{n} import {c}Create, {c}Update",
    ]
    no_base = res.has("service-no-base")
    service_base = "BaseService" if PLAIN else "OwnedResourceService"
    if not no_base:
        imports.append(f"from backend.services.base import {service_base}")
    session_param = ", session: AsyncSession" if res.has("service-session") else ""
    session_keep = "\n        self.session = session" if res.has("service-session") else ""
    super_call = "" if no_base else "        super().__init__()\n"
    create_call = (
        f"await self.repo.create({n}_in.model_dump())" if res.has("service-create-positional")
        else f"await self.repo.create(owner_id=owner_id, **{n}_in.model_dump())"
    )
    update_call = (
        f"await self.repo.update({n}_id, **updates)" if res.has("service-update-by-id")
        else f"await self.repo.update({n}, **updates)"
    )
    lookup = "self.repo.get" if res.has("service-unknown-method") else "self.repo.get_by_id"
    created = f"{n}.created_at()" if res.has("service-column-called") else f"{n}.created_at"
    sql_count = ""
    if res.has("service-sqlalchemy"):
        sql_count = _dedent(f'''

            async def count_named(self, name: str) -> int:
                """How many {n}s carry ``name`` (raw SQL, for the benchmark)."""
                query = select({c}).where({c}.name == name)
                return len((await self.repo.session.execute(query)).all())
        ''')
        sql_count = textwrap.indent(sql_count, "    ")
    fetch = ""
    if res.has("service-http-client"):
        fetch = textwrap.indent(_dedent('''

            async def fetch_preview(self, url: str) -> bytes:
                """Download a preview image (crawling belongs to the builder package)."""
                async with httpx.AsyncClient() as client:
                    return (await client.get(url)).content
        '''), "    ")
    log = "" if no_base else f'        self.log_operation("create_{n}", owner_id=owner_id)\n'
    return (
        f'"""{c} service."""\n\n' + "\n".join(imports) + "\n\n" + _all([f"{c}Service"], res) + "\n\n"
        f"class {c}Service{'' if no_base else f'({service_base})'}:\n"
        f'    """Creates and manages {n}s (names are unique per owner)."""\n\n'
        f"    def __init__(self, repo: {c}Repository{session_param}) -> None:\n"
        f"{super_call}        self.repo = repo{session_keep}\n\n"
        f"    async def create_{n}(self, owner_id: int, {n}_in: {c}Create) -> {c}:\n"
        f'        """Create a {n} for ``owner_id``."""\n'
        f"{log}"
        f"        if await self.repo.get_by_owner_and_name(owner_id, {n}_in.name) is not None:\n"
        f'            raise ConflictError(f"a {n} named {{{n}_in.name!r}} exists")\n'
        f"        return {create_call}\n\n"
        f"    async def list_{n}s(self, owner_id: int, *, offset: int, limit: int) -> Sequence[{c}]:\n"
        f'        """The owner\'s {n}s."""\n'
        "        return await self.repo.list_for_owner(owner_id, offset=offset, limit=limit)\n\n"
        f"    async def get_{n}(self, owner_id: int, {n}_id: int) -> {c}:\n"
        f'        """One of the owner\'s {n}s."""\n'
        f"        {n} = await {lookup}({n}_id)\n"
        f"        if {n} is None or {n}.owner_id != owner_id:\n"
        f'            raise NotFoundError("{c}", {n}_id)\n'
        f"        return {n}\n\n"
        f"    async def update_{n}(self, owner_id: int, {n}_id: int, {n}_in: {c}Update) -> {c}:\n"
        f'        """Change the given fields."""\n'
        f"        {n} = await self.get_{n}(owner_id, {n}_id)\n"
        f"        updates = {n}_in.model_dump(exclude_unset=True)\n"
        f"        return {update_call}\n\n"
        f"    async def delete_{n}(self, owner_id: int, {n}_id: int) -> None:\n"
        f'        """Delete one of the owner\'s {n}s."""\n'
        f"        {n} = await self.get_{n}(owner_id, {n}_id)\n"
        f"        await self.repo.delete({n})\n\n"
        f"    async def age_seconds(self, owner_id: int, {n}_id: int) -> float:\n"
        f'        """Seconds since the {n} was created."""\n'
        f"        {n} = await self.get_{n}(owner_id, {n}_id)\n"
        f"        return ({n}.updated_at - {created}).total_seconds()\n"
        f"{sql_count}{fetch}"
    )


def _route(res: Resource, method: str, path: str, func: str, summary: str, extra: list[str]) -> list[str]:
    lines = [f'@router.{method}(', f'    "{path}",', *[f"    {e}," for e in extra]]
    if not res.has("endpoint-no-summary") or method != "get":
        lines.append(f'    summary="{summary}",')
    if not (res.has("endpoint-no-operation-id") and method == "delete"):
        camel = func.split("_")[0] + "".join(p.capitalize() for p in func.split("_")[1:])
        lines.append(f'    operation_id="{camel}",')
    lines.append(")")
    return lines


def endpoint_module(res: Resource) -> str:
    c, n = res.cls, res.name
    status = "status" if res.has("endpoint-unaliased-status") else "http_status"
    status_import = (
        "from fastapi import status" if status == "status" else "from fastapi import status as http_status"
    )
    fastapi_names = ["APIRouter", "Query"]
    if res.has("endpoint-inline-depends") or res.has("endpoint-session"):
        fastapi_names.insert(1, "Depends")
    if not PLAIN:
        fastapi_names = sorted({*fastapi_names, "Header", "Path", "Request"})
    head = [
        f'"""{c} endpoints: create, list, read, update and delete {n}s."""', "",
        "from typing import Annotated", "", f"from fastapi import {', '.join(fastapi_names)}", status_import,
    ]
    if res.has("endpoint-session"):
        head += ["from sqlalchemy.ext.asyncio import AsyncSession", ""]
    else:
        head.append("")
    if res.has("endpoint-inline-depends"):
        head.append(f"from backend.api.dependencies import get_{n}_service")
    if res.has("endpoint-session"):
        head.append("from backend.api.dependencies import get_session")
    head.append(f"from backend.api.types import CurrentUser, {c}ServiceDep")
    if res.has("endpoint-builds-repository"):
        head.append(f"from backend.repositories.{n} import {c}Repository")
    detail = "" if PLAIN else f"{c}Detail, "
    head.append(f"from backend.schemas.{n} import {c}Create, {detail}{c}Response, {c}Update")
    if res.has("endpoint-inline-depends"):
        head.append(f"from backend.services.{n} import {c}Service")
    head += ["", _all(["router"], res), f'router = APIRouter(prefix="/{n}s", tags=["{c}"])', "", ""]
    service_param = (
        f"service: {c}Service = Depends(get_{n}_service)" if res.has("endpoint-inline-depends")
        else f"service: {c}ServiceDep"
    )
    body: list[str] = []
    body += _route(res, "post", "", f"create_{n}", f"Create a {n}",
                   [f"response_model={c}Response", f"status_code={status}.HTTP_201_CREATED"])
    body += [
        f"async def create_{n}(",
        f"    {n}_in: {c}Create, current_user: CurrentUser, {service_param}",
        f") -> {c}Response:",
        f'    """Create a {n} owned by the caller."""',
        f"    return {c}Response.model_validate(await service.create_{n}(current_user.id, {n}_in))",
        "", "",
    ]
    body += _route(res, "get", "", f"list_{n}s", f"List my {n}s", [f"response_model=list[{c}Response]"])
    body += [
        f"async def list_{n}s(",
        "    current_user: CurrentUser,",
        f"    service: {c}ServiceDep,",
        "    offset: Annotated[int, Query(ge=0)] = 0,",
        "    limit: Annotated[int, Query(ge=1, le=200)] = 50,",
        f") -> list[{c}Response]:",
        f'    """The caller\'s {n}s."""',
        f"    items = await service.list_{n}s(current_user.id, offset=offset, limit=limit)",
        f"    return [{c}Response.model_validate(item) for item in items]",
        "", "",
    ]
    if res.has("endpoint-session"):
        body += _route(res, "get", "/count", f"count_{n}s", f"Count my {n}s", ["response_model=int"])
        body += [
            f"async def count_{n}s(",
            "    current_user: CurrentUser, session: AsyncSession = Depends(get_session)",
            ") -> int:",
            f'    """How many {n}s the caller has (reads the session directly)."""',
            f'    result = await session.execute("SELECT count(*) FROM {n}s")',
            "    return int(result.scalar_one())",
            "", "",
        ]
    body += _route(res, "get", f"/{{{n}_id}}", f"get_{n}", f"Get a {n}", [f"response_model={c}Response"])
    if res.has("endpoint-builds-repository"):
        body += [
            f"async def get_{n}({n}_id: int, current_user: CurrentUser, service: {c}ServiceDep) -> {c}Response:",
            f'    """One of the caller\'s {n}s (builds a repository in the endpoint)."""',
            f"    repo = {c}Repository(service.repo.session)",
            f"    return {c}Response.model_validate(await repo.get_by_id({n}_id))",
            "", "",
        ]
    else:
        body += [
            f"async def get_{n}({n}_id: int, current_user: CurrentUser, service: {c}ServiceDep) -> {c}Response:",
            f'    """One of the caller\'s {n}s."""',
            f"    return {c}Response.model_validate(await service.get_{n}(current_user.id, {n}_id))",
            "", "",
        ]
    body += _route(res, "patch", f"/{{{n}_id}}", f"update_{n}", f"Update a {n}", [f"response_model={c}Response"])
    body += [
        f"async def update_{n}(",
        f"    {n}_id: int, {n}_in: {c}Update, current_user: CurrentUser, service: {c}ServiceDep",
        f") -> {c}Response:",
        f'    """Change the given fields of one of the caller\'s {n}s."""',
        f"    return {c}Response.model_validate(await service.update_{n}(current_user.id, {n}_id, {n}_in))",
        "", "",
    ]
    if not PLAIN:
        body += [
            "@router.get(",
            f'    "/{{{n}_id}}/detail",',
            f"    response_model={c}Detail,",
            f'    summary="Get a {n} with every field",',
            f'    operation_id="get{c}Detail",',
            ")",
            f"async def get_{n}_detail(",
            f"    {n}_id: Annotated[int, Path(ge=1)],",
            "    request: Request,",
            "    current_user: CurrentUser,",
            f"    service: {c}ServiceDep,",
            "    x_request_id: Annotated[str | None, Header()] = None,",
            f") -> {c}Detail:",
            f'    """One of the caller\'s {n}s, every column (logged with the request id)."""',
            f"    item = await service.get_{n}(current_user.id, {n}_id)",
            '    request.state.request_id = x_request_id',
            f"    return {c}Detail.model_validate(item)",
            "", "",
        ]
    body += _route(res, "delete", f"/{{{n}_id}}", f"delete_{n}", f"Delete a {n}",
                   [f"status_code={status}.HTTP_204_NO_CONTENT"])
    body += [
        f"async def delete_{n}({n}_id: int, current_user: CurrentUser, service: {c}ServiceDep) -> None:",
        f'    """Delete one of the caller\'s {n}s."""',
        f"    await service.delete_{n}(current_user.id, {n}_id)",
    ]
    return "\n".join(head + body) + "\n"


# --------------------------------------------------------------------------- wiring


def dependencies_module(resources: list[Resource]) -> str:
    lines = [
        '"""Composition root: the session provider and one factory per service."""', "",
        "from collections.abc import AsyncIterator", "from typing import Annotated", "",
        "from fastapi import Depends, Request", "from sqlalchemy.ext.asyncio import AsyncSession", "",
        "from backend.schemas.common import AuthenticatedUser",
    ]
    for res in resources:
        lines.append(f"from backend.repositories.{res.name} import {res.cls}Repository")
        lines.append(f"from backend.services.{res.name} import {res.cls}Service")
    names = ["get_current_user", "get_session", "require_admin"] + [f"get_{r.name}_service" for r in resources]
    lines += ["", _all(names)]
    lines += [
        "async def get_session(request: Request) -> AsyncIterator[AsyncSession]:",
        '    """One session per request."""',
        "    async with request.app.state.session_factory() as session:",
        "        yield session", "", "",
        "SessionDep = Annotated[AsyncSession, Depends(get_session)]", "", "",
        "async def get_current_user(request: Request) -> AuthenticatedUser:",
        '    """The caller, from the request state set by the auth middleware."""',
        "    user: AuthenticatedUser = request.state.user",
        "    return user", "", "",
        "async def require_admin(",
        "    current_user: Annotated[AuthenticatedUser, Depends(get_current_user)],",
        ") -> AuthenticatedUser:",
        '    """The caller if they are an admin."""',
        "    if not current_user.is_admin:",
        '        raise PermissionError("admin access required")',
        "    return current_user", "",
    ]
    for res in resources:
        args = f"{res.cls}Repository(session)"
        if res.has("service-session"):
            args += ", session"
        lines += [
            "",
            f"async def get_{res.name}_service(session: SessionDep) -> {res.cls}Service:",
            f'    """Build the {res.name} service."""',
            f"    return {res.cls}Service({args})", "",
        ]
    return "\n".join(lines)


def types_module(resources: list[Resource]) -> str:
    lines = [
        '"""Typed dependency aliases: the only way endpoints receive services and the caller."""', "",
        "from typing import Annotated", "", "from fastapi import Depends", "",
        "from backend.api.dependencies import (",
        "    get_current_user,",
        *[f"    get_{r.name}_service," for r in resources],
        "    require_admin,", ")",
        "from backend.schemas.common import AuthenticatedUser",
        *[f"from backend.services.{r.name} import {r.cls}Service" for r in resources], "",
    ]
    aliased = [r for r in resources if not r.has("types-missing-alias")]
    lines += [_all(["AdminUser", "CurrentUser"] + [f"{r.cls}ServiceDep" for r in aliased])]
    lines += [
        "CurrentUser = Annotated[AuthenticatedUser, Depends(get_current_user)]",
        "AdminUser = Annotated[AuthenticatedUser, Depends(require_admin)]", "",
    ]
    for res in resources:
        alias = f"{res.cls}ServiceDep = Annotated[{res.cls}Service, Depends(get_{res.name}_service)]"
        if res.has("types-missing-alias"):
            # The endpoints still need a name to import; a bare re-export is not a DI alias.
            alias = f"{res.cls}ServiceDep = {res.cls}Service"
        lines.append(alias)
    return "\n".join(lines) + "\n"


def router_module(resources: list[Resource]) -> str:
    lines = ['"""The v1 API router: every endpoint router under /api/v1."""', "", "from fastapi import APIRouter", ""]
    lines += [f"from backend.api.v1.endpoints import {r.name}" for r in resources]
    lines += ["", _all(["api_router"]), 'api_router = APIRouter(prefix="/api/v1")']
    lines += [f"api_router.include_router({r.name}.router)" for r in resources]
    return "\n".join(lines) + "\n"


PER_RESOURCE: dict[str, Callable[[Resource], str]] = {
    "backend/models/{name}.py": model_module,
    "backend/schemas/{name}.py": schema_module,
    "backend/repositories/{name}.py": repository_module,
    "backend/services/{name}.py": service_module,
    "backend/api/v1/endpoints/{name}.py": endpoint_module,
}


def generate(out: Path, resources: int, plain: bool = False) -> list[Path]:
    """Write a backend with ``resources`` resources under ``out`` (replaced); return its files.

    ``plain``: the narrower shapes of the first benchmark (no wide classes, mixin chains, enums).
    """
    global PLAIN
    PLAIN = plain
    if out.exists():
        shutil.rmtree(out)
    items = [Resource(i) for i in range(resources)]
    files: dict[str, str] = dict(STATIC_FILES)
    if plain:
        del files["backend/models/mixins.py"]
    files["pyproject.toml"] = f'[project]\nname = "bench-backend-{resources}"\nversion = "0"\n'
    for res in items:
        for pattern, render in PER_RESOURCE.items():
            files[pattern.format(name=res.name)] = render(res)
    files["backend/api/dependencies.py"] = dependencies_module(items)
    files["backend/api/types.py"] = types_module(items)
    files["backend/api/v1/router.py"] = router_module(items)
    files["violations.json"] = json.dumps(
        {
            res.name: {v: list(VIOLATIONS[v][1]) for v in VIOLATIONS if res.has(v)}
            for res in items
        },
        indent=1,
        sort_keys=True,
    ) + "\n"
    written = []
    for relative, text in sorted(files.items()):
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=40, help="number of resources (default 40)")
    parser.add_argument("--out", type=Path, required=True, help="directory to (re)create")
    parser.add_argument("--plain", action="store_true", help="the narrower shapes of the first benchmark")
    args = parser.parse_args(argv)
    files = generate(args.out, args.resources, plain=args.plain)
    py = [f for f in files if f.suffix == ".py"]
    lines = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in py)
    print(f"wrote {len(py)} modules, {lines} lines, to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
