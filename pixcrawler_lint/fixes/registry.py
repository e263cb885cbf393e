"""The fixers: rule code → function ``(FixContext, findings of that code) -> list[Fix]``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pixcrawler_lint.findings import Finding
from pixcrawler_lint.fixes.calls import (
    fix_column_called,
    fix_repository_create_positional,
    fix_unknown_collaborator_method,
)
from pixcrawler_lint.fixes.catalog import FIXABLE
from pixcrawler_lint.fixes.context import FixContext
from pixcrawler_lint.fixes.current_user import fix_untyped_current_user
from pixcrawler_lint.fixes.edits import Fix
from pixcrawler_lint.fixes.modules import fix_missing_dunder_all, fix_string_column_in_index
from pixcrawler_lint.fixes.route_keywords import (
    fix_missing_operation_id,
    fix_missing_route_summary,
    fix_missing_status_code,
)
from pixcrawler_lint.fixes.status_alias import fix_shadowed_status_module, fix_unaliased_status_import

__all__ = ["Fixer", "FIXERS"]

Fixer = Callable[[FixContext, Sequence[Finding]], list[Fix]]

FIXERS: dict[str, Fixer] = {
    "PXL201": fix_missing_operation_id,
    "PXL203": fix_missing_route_summary,
    "PXL204": fix_shadowed_status_module,
    "PXL205": fix_unaliased_status_import,
    "PXL207": fix_untyped_current_user,
    "PXL210": fix_missing_status_code,
    "PXL401": fix_repository_create_positional,
    "PXL403": fix_unknown_collaborator_method,
    "PXL501": fix_string_column_in_index,
    "PXL502": fix_column_called,
    "PXL604": fix_missing_dunder_all,
}

assert set(FIXERS) == set(FIXABLE), "every fixable code has a fixer and a safety"
