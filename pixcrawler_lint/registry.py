"""The rule registry: every rule is a small class that carries its own documentation.

A rule has a code (``PXLfnn``: family ``f``), a symbol (its name, also the pylint symbol),
a severity, a message template (``str.format`` placeholders filled by ``ctx.report``) and a
docstring with the sections *What it does / Why is this bad? / Example / Use instead*.
Rules live in ``pixcrawler_lint/rules/<family>/<symbol>.py`` and register themselves with
``@register``; :func:`all_rules` imports them all.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import TYPE_CHECKING, ClassVar

from pixcrawler_lint.findings import Severity

if TYPE_CHECKING:
    from pixcrawler_lint.context import ModuleContext

__all__ = [
    "Rule", "register", "all_rules", "rule_by_code", "rule_by_symbol", "FAMILIES", "DOC_SECTIONS",
    "PRESETS", "RECOMMENDED", "RESERVED_CODES", "presets_of", "known_code_prefix",
]

# family digit -> (name, pylint checker title)
FAMILIES: dict[str, str] = {
    "1": "layering",
    "2": "endpoints",
    "3": "services",
    "4": "repositories",
    "5": "models",
    "6": "wiring",
    "9": "internal",
}
DOC_SECTIONS: tuple[str, ...] = ("What it does", "Why is this bad?", "Example", "Use instead")
_CODE = re.compile(r"^PXL(\d)(\d\d)$")
_SYMBOL = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement check()."""

    code: ClassVar[str]
    symbol: ClassVar[str]
    severity: ClassVar[Severity]
    message: ClassVar[str]

    def check(self, ctx: ModuleContext) -> None:
        """Inspect ``ctx.module`` and call ``ctx.report(self, node, **args)`` per finding."""
        raise NotImplementedError

    @classmethod
    def family(cls) -> str:
        """The family name, from the code's first digit (``PXL204`` → ``endpoints``)."""
        return FAMILIES[cls.code[3]]

    @classmethod
    def pylint_id(cls) -> str:
        """Severity letter + ``7`` + the code's digits: ``PXL204`` → ``E7204``."""
        return f"{cls.severity.value}7{cls.code[3:]}"

    @classmethod
    def summary(cls) -> str:
        """First line of the docstring."""
        return (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""


_RULES: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator adding a rule to the registry (validates code, symbol and family)."""
    match = _CODE.match(getattr(cls, "code", ""))
    if not match or match.group(1) not in FAMILIES:
        raise ValueError(f"{cls.__name__}: code {getattr(cls, 'code', None)!r} is not PXLfnn of a known family")
    if not _SYMBOL.match(getattr(cls, "symbol", "")):
        raise ValueError(f"{cls.__name__}: symbol {getattr(cls, 'symbol', None)!r} is not kebab-case")
    previous = _RULES.get(cls.code)
    if previous is not None and previous.__qualname__ != cls.__qualname__:
        raise ValueError(f"{cls.__name__}: code {cls.code} already used by {previous.__name__}")
    _RULES[cls.code] = cls
    return cls


_loaded = False


def _import_rule_modules() -> None:
    global _loaded
    if _loaded:
        return
    import pixcrawler_lint.rules as package

    for info in pkgutil.walk_packages(package.__path__, prefix=package.__name__ + "."):
        importlib.import_module(info.name)
    _loaded = True


def all_rules() -> list[type[Rule]]:
    """Every registered rule class, sorted by code."""
    _import_rule_modules()
    return [_RULES[code] for code in sorted(_RULES)]


def rule_by_code(code: str) -> type[Rule] | None:
    """The rule registered under ``code`` (e.g. ``PXL204``), if any."""
    _import_rule_modules()
    return _RULES.get(code.upper())


def rule_by_symbol(symbol: str) -> type[Rule] | None:
    """The rule named ``symbol`` (e.g. ``shadowed-status-module``), if any."""
    return next((rule for rule in all_rules() if rule.symbol == symbol), None)


# --- presets ------------------------------------------------------------------------------
# "pixcrawler": every rule (PixCrawler's own house rules; the zero-configuration default on the
# PixCrawler layout). "recommended": the rules that held up on the real code of other layered
# FastAPI backends (docs/configuration.md, "Presets", says why each one is in or out). A code
# may be listed before its rule exists on this branch: it simply selects nothing yet.
RECOMMENDED: frozenset[str] = frozenset({
    "PXL101",  # upward import: a lower layer importing a higher one is wrong in every layout
    "PXL105",  # fastapi/starlette below the api layer: HTTP leaks into the domain everywhere
    "PXL204",  # a name shadowing the status module: a crash at run time
    "PXL401",  # repository create() called with positional fields: a TypeError at run time
    "PXL402",  # repository update() with a wrong signature: a TypeError at run time
    "PXL403",  # a method the collaborator does not have: an AttributeError at run time
    "PXL404",  # a call that does not fit the callee's signature: a TypeError at run time
    "PXL406",  # repository delete() given an id: the row is never deleted, a crash at run time
    "PXL502",  # Column(...)() called: a TypeError at import time
})
PRESETS: tuple[str, ...] = ("pixcrawler", "recommended")
# Codes other branches of this wave add; a configuration may name them before they land.
RESERVED_CODES: frozenset[str] = frozenset({"PXL903"})


def presets_of(code: str) -> tuple[str, ...]:
    """The presets that hold ``code`` (internal PXL9xx codes belong to every preset)."""
    if code.startswith("PXL9") or code in RECOMMENDED:
        return PRESETS
    return ("pixcrawler",)


def known_code_prefix(prefix: str) -> bool:
    """True when ``prefix`` (``PXL``, ``PXL2``, ``PXL204``) names at least one rule or reserved code."""
    prefix = prefix.upper()
    if not re.match(r"^PXL\d{0,3}$", prefix):
        return False
    return any(rule.code.startswith(prefix) for rule in all_rules()) or any(
        code.startswith(prefix) for code in RESERVED_CODES
    )
