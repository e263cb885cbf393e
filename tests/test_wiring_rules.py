"""Wiring rules PXL601–PXL604 on small projects in a temporary directory: the index's edges.

The fixture tree shows the documented cases; these pin what the index does when the
project is incomplete or changes between runs (an editor keeps one process alive).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_models_rules import findings, messages, write_project

from pixcrawler_lint.analysis.project import factory_name

SERVICE = '''
    """Service."""
    __all__ = ["BaseService", "MailService"]
    class BaseService:
        """Base."""
    class MailService(BaseService):
        """Sends mail."""
'''
FACTORY = '''
    """Factories."""
    from backend.services.mail import MailService
    __all__ = ["get_mail_service"]
    def get_mail_service() -> MailService:
        return MailService()
'''
ALIAS = '''
    """Aliases."""
    from typing import Annotated
    from fastapi import Depends
    from backend.api.dependencies import get_mail_service
    from backend.services.mail import MailService
    __all__ = ["MailDep"]
    MailDep = Annotated[MailService, Depends(get_mail_service)]
'''


@pytest.mark.parametrize(
    ("service", "factory"),
    [
        ("ProjectService", "get_project_service"),
        ("APIKeyService", "get_api_key_service"),
        ("X", "get_x"),
    ],
)
def test_factory_name(service: str, factory: str) -> None:
    assert factory_name(service) == factory


def test_wired_service_is_silent_and_missing_roots_mean_silence(tmp_path: Path) -> None:
    write_project(tmp_path, {"backend/services/mail.py": SERVICE})
    # No composition root and no types module in the project: nothing to compare with.
    assert findings(tmp_path, "backend/services/mail.py", "PXL601", "PXL602") == []
    write_project(tmp_path, {"backend/api/dependencies.py": FACTORY, "backend/api/types.py": ALIAS})
    assert findings(tmp_path, "backend/services/mail.py", "PXL601", "PXL602") == []


def test_unparseable_composition_root_means_silence(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/services/mail.py": SERVICE,
        "backend/api/dependencies.py": "def get_mail_service(:\n",
        "backend/api/types.py": '"""No aliases yet."""\n__all__ = []\n',
    })
    assert findings(tmp_path, "backend/services/mail.py", "PXL601", "PXL602") == [(5, "PXL602")]


def test_index_follows_edits_on_disk(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/services/mail.py": SERVICE,
        "backend/api/dependencies.py": '"""Empty for now."""\n__all__ = []\n',
        "backend/api/types.py": ALIAS.replace(
            "from backend.api.dependencies import get_mail_service\n", ""
        ),
    })
    assert findings(tmp_path, "backend/services/mail.py", "PXL601") == [(5, "PXL601")]
    roots = tmp_path / "backend/api/dependencies.py"
    roots.write_text(FACTORY.replace("\n    ", "\n").lstrip("\n"), encoding="utf-8")
    stat = roots.stat()
    os.utime(roots, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))  # a later save
    assert findings(tmp_path, "backend/services/mail.py", "PXL601") == []


def test_composition_root_package_and_configured_names(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "app/logic/mail.py": SERVICE,
        "app/wiring/factories/mail.py": FACTORY.replace("backend.services", "app.logic"),
        "app/web/deps.py": ALIAS.replace("backend.services", "app.logic").replace(
            "backend.api.dependencies", "app.wiring.factories.mail"
        ),
    })
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "t"\nversion = "0"\n[tool.pixcrawler_lint]\npreset = "pixcrawler"\n'
        'api = ["app.web", "app.wiring"]\nservices = ["app.logic"]\n'
        'composition-roots = ["app.wiring.factories"]\ntypes-modules = ["app.web.deps"]\n',
        encoding="utf-8",
    )
    assert findings(tmp_path, "app/logic/mail.py", "PXL601", "PXL602") == []
    (tmp_path / "app/web/deps.py").write_text('"""Nothing."""\n__all__ = []\n', encoding="utf-8")
    assert findings(tmp_path, "app/logic/mail.py", "PXL601", "PXL602") == [(5, "PXL602")]


def test_pxl603_session_through_alias_and_generic_message(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/services/mail.py": '''
            """Service."""
            __all__ = ["BaseService", "MailService"]
            class BaseService:
                """Base."""
            class MailService(BaseService):
                def __init__(self, *collaborators):
                    super().__init__()
        ''',
        "backend/api/dependencies.py": '''
            """Factories."""
            from fastapi import Depends
            from sqlalchemy.orm import Session
            from backend.services.mail import MailService
            __all__ = ["get_mail_service", "get_other"]
            def get_db():
                yield None
            def get_mail_service(db: Session = Depends(get_db), retries: int = 3) -> MailService:
                return MailService(db, retries)
            def get_other(session: "Session") -> MailService:
                def build(session=session):
                    return MailService(session)
                return build()
        ''',
    })
    assert messages(tmp_path, "backend/api/dependencies.py", "PXL603") == [
        "factory passes the session `db` straight into MailService(): "
        "pass the repositories it needs instead"
    ]


@pytest.mark.parametrize(
    ("relative", "source", "expected"),
    [
        ("backend/services/__init__.py", '"""P."""\nfrom backend.services.mail import *\n', [1]),
        ("backend/services/__init__.py", '"""Only a docstring."""\n', []),
        ("backend/services/empty.py", "", []),
        ("backend/services/comment.py", "# just a comment\n", []),
        ("backend/services/dynamic.py", '"""D."""\nif True:\n    __all__ = []\n', []),
        ("backend/services/annotated.py", '"""Typed."""\n__all__: list[str] = []\nX = 1\n', []),
        ("scripts/seed.py", '"""Outside the layers."""\nX = 1\n', []),
    ],
)
def test_pxl604_cases(tmp_path: Path, relative: str, source: str, expected: list[int]) -> None:
    write_project(tmp_path, {"backend/services/mail.py": SERVICE})
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    assert findings(tmp_path, relative, "PXL604") == [(line, "PXL604") for line in expected]


def test_factories_as_methods_and_conditional_builds_count(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "backend/services/mail.py": '''
            """Services."""
            __all__ = ["BaseService", "MailService", "SmsService", "PushService"]
            class BaseService:
                """Base."""
            class MailService(BaseService):
                """Mail."""
            class SmsService(BaseService):
                """SMS."""
            class PushService(BaseService):
                """Push."""
        ''',
        "backend/api/dependencies.py": '''
            """Factories."""
            from backend.services import mail
            from backend.services.mail import MailService, SmsService
            __all__ = ["Container", "get_notifier"]
            class Container:
                def mail(self) -> "MailService":
                    return MailService()
            def get_notifier(flag: bool):
                return SmsService() if flag else mail.PushService()
        ''',
        "backend/api/types.py": '''
            """Aliases."""
            from typing import Annotated
            from fastapi import Depends
            from backend.services.mail import MailService, PushService, SmsService
            __all__ = ["MailDep", "SmsDep", "PushDep"]
            MailDep = Annotated[MailService, Depends(MailService)]
            SmsDep = Annotated["SmsService", Depends(SmsService)]
            PushDep = Annotated[PushService, Depends(PushService)]
        ''',
    })
    assert findings(tmp_path, "backend/services/mail.py", "PXL601", "PXL602") == []
