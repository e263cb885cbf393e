"""The proposal as text (TOML with a reason per key) and into a ``pyproject.toml`` (tomlkit)."""

from __future__ import annotations

import json
from pathlib import Path

import tomlkit
from tomlkit.items import Table

from pixcrawler_lint.init.propose import Proposal

__all__ = ["render_proposal", "write_proposal", "TABLE"]

TABLE = "pixcrawler_lint"


def _value(value: str | list[str]) -> str:
    if isinstance(value, str):
        return json.dumps(value)
    return "[" + ", ".join(json.dumps(item) for item in value) + "]"


def render_proposal(proposal: Proposal, where: str) -> str:
    """What ``pixcrawler-lint init`` prints."""
    lines = [f"# pixcrawler-lint init: {where}"]
    lines += [f"# note: {note}" for note in proposal.notes]
    if proposal.nothing_because is not None:
        lines.append(f"# Nothing to propose: {proposal.nothing_because}.")
        return "\n".join(lines) + "\n"
    lines.append(f"[tool.{TABLE}]")
    lines += [f"{key.key} = {_value(key.value)}  # {key.reason}" for key in proposal.keys]
    return "\n".join(lines) + "\n"


def write_proposal(proposal: Proposal, pyproject: Path) -> None:
    """Put the proposed table into ``pyproject`` (created when absent), keeping the rest of the
    file — comments, order, spacing — as it was. An existing table is replaced."""
    text = pyproject.read_text(encoding="utf-8") if pyproject.is_file() else ""
    document = tomlkit.parse(text)
    table = tomlkit.table()
    for key in proposal.keys:
        value = key.value if isinstance(key.value, str) else list(key.value)
        table.add(key.key, value)
        table[key.key].comment(key.reason)
    tool = document.get("tool")
    if tool is None:
        tool = tomlkit.table(is_super_table=True)
        document.add("tool", tool)
    if isinstance(tool, Table) and TABLE in tool:
        tool[TABLE] = table
    else:
        tool.add(TABLE, table)
    pyproject.write_text(tomlkit.dumps(document), encoding="utf-8")
