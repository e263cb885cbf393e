"""The proposal as text (TOML with a reason per key) and into a ``pyproject.toml`` (tomlkit)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import tomlkit

from pixcrawler_lint.init.propose import Proposal, TomlValue

__all__ = ["render_proposal", "write_proposal", "TABLE"]

TABLE = "pixcrawler_lint"


def _value(value: TomlValue) -> str:
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(key)} = {_value(item)}" for key, item in value.items()) + " }"
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
        value: Any = key.value
        if isinstance(value, dict):
            inline = tomlkit.inline_table()
            inline.update({glob: list(codes) for glob, codes in value.items()})
            value = inline
        elif isinstance(value, list):
            value = list(value)
        table.add(key.key, value)
        table[key.key].comment(key.reason)
    table.add(tomlkit.nl())  # a blank line before whatever table follows
    tool = document.get("tool")
    if tool is None:
        tool = tomlkit.table(is_super_table=True)
        document.add("tool", tool)
    # [tool.x] tables spread over the file come back as a proxy that takes item assignment only
    tool[TABLE] = table
    text = tomlkit.dumps(document)
    pyproject.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
