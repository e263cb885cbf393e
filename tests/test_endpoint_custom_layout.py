"""The endpoint rules follow [tool.pixcrawler_lint]: the custom_layout tree, linted with and without it.

``test_fixtures`` proves each front end reports exactly the ``# expect:`` marks of the tree
under its own configuration; here the same files are linted once more with the built-in
defaults, to prove that those verdicts come from the configuration and not from the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pixcrawler_lint.config import DEFAULT_CONFIG, config_for_path
from pixcrawler_lint.engine import lint_file, lint_source
from pixcrawler_lint.findings import Finding

WEB = Path(__file__).resolve().parent / "fixtures" / "custom_layout" / "shop" / "web"


def _configured(path: Path) -> list[Finding]:
    return lint_file(path)


def _defaults(path: Path) -> list[Finding]:
    return lint_source(path.read_text(encoding="utf-8"), str(path), config=DEFAULT_CONFIG)


def _pairs(findings: list[Finding]) -> set[tuple[int, str]]:
    return {(finding.line, finding.code) for finding in findings}


def test_tree_is_configured() -> None:
    config = config_for_path(WEB / "orders.py")
    assert config.api == ("shop.web",)
    assert config.status_alias == "codes"


@pytest.mark.parametrize(
    ("name", "only_configured", "only_defaults"),
    [
        # codes is the alias, http_status is not; the defaults say the opposite
        ("status_imports.py", {(4, "PXL205")}, {(3, "PXL205")}),
        # a `codes` parameter shadows the configured alias; UnitOfWork is a session; PlaceOrder a service;
        # under the defaults shop.web.deps is no types module, so its aliases count as inline
        ("orders.py", {(46, "PXL204"), (32, "PXL208"), (33, "PXL208")}, {(18, "PXL206"), (6, "PXL205")}),
        # shop.web is an api layer and PlaceOrder / OrderStore are a service and a repository only by configuration
        ("checkout.py", {(11, "PXL209"), (4, "PXL102")}, set()),
        # shop.web.backoffice is the admin module and StaffMember / ensure_staff its guards
        ("backoffice.py", {(34, "PXL211")}, {(15, "PXL206")}),
    ],
)
def test_verdict_comes_from_configuration(
    name: str, only_configured: set[tuple[int, str]], only_defaults: set[tuple[int, str]]
) -> None:
    path = WEB / name
    configured, defaults = _pairs(_configured(path)), _pairs(_defaults(path))
    assert only_configured <= configured - defaults
    assert only_defaults <= defaults - configured


def test_bare_service_class_depends_on_base_service() -> None:
    configured = _pairs(_configured(WEB / "orders.py"))
    defaults = _pairs(_defaults(WEB / "orders.py"))
    assert (38, "PXL206") in configured
    # under the defaults line 38 reports only the alias of a foreign types module, not the bare class
    bare = [f for f in _defaults(WEB / "orders.py") if f.line == 38 and "bare service class" in f.message]
    assert (38, "PXL206") in defaults and bare == []


def test_current_user_names_are_configured() -> None:
    configured = [f.message for f in _configured(WEB / "orders.py") if f.code == "PXL207"]
    defaults = [f.message for f in _defaults(WEB / "orders.py") if f.code == "PXL207"]
    assert len(configured) == 1 and "'caller'" in configured[0]
    assert len(defaults) == 1 and "'current_user'" in defaults[0]


def test_messages_name_the_configured_fix() -> None:
    messages = {f.code: f.message for f in _configured(WEB / "orders.py")}
    assert "status_code=codes.HTTP_200_OK" in messages["PXL210"]  # check_codes() is an action
    assert "from fastapi import status as codes" in messages["PXL204"]
    guard = next(f.message for f in _configured(WEB / "backoffice.py") if f.code == "PXL211")
    assert "caller: StaffMember" in guard and "Depends(ensure_staff)" in guard
