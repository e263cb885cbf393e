"""``# noqa``, ``# pylint: disable`` and ``--warn-unused-noqa`` in the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_support import cli, make_project

from pixcrawler_lint.cli.suppression import parse_pragmas
from pixcrawler_lint.findings import Finding, Severity

ENDPOINT = "backend/api/v1/endpoints/projects.py"

# Each route lacks operation_id (PXL201); the comments decide which findings survive.
SUPPRESSED = '''"""Projects."""

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter()


@router.get("/a", summary="A", response_model=str)
async def noqa_code() -> str:  # noqa: PXL201
    return "a"


@router.get("/b", summary="B", response_model=str)
async def noqa_bare() -> str:  # noqa
    return "b"


@router.get("/c", summary="C", response_model=str)
async def noqa_other_code() -> str:  # noqa: PXL203
    return "c"


@router.get("/d", summary="D", response_model=str)
async def disabled_symbol() -> str:  # pylint: disable=missing-operation-id
    return "d"


@router.get("/e", summary="E", response_model=str)
async def disabled_pylint_id() -> str:  # pylint: disable=C7201
    return "e"


# pylint: disable=missing-operation-id
@router.get("/f", summary="F", response_model=str)
async def block_disabled() -> str:
    return "f"


# pylint: enable=missing-operation-id
@router.get("/g", summary="G", response_model=str)
async def reenabled() -> str:
    return "g"


@router.get("/h", summary="H", response_model=str)
async def noqa_prefix() -> str:  # noqa: PXL2
    return "h"
'''


def _findings(run_out: str) -> list[tuple[int, str]]:
    return [(f["line"], f["code"]) for f in json.loads(run_out)["findings"]]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("suppression") / "p", {ENDPOINT: SUPPRESSED})


def test_noqa_and_pylint_disable_are_honoured(project: Path) -> None:
    run = cli("check", "--select", "PXL201", "--format", "json", cwd=project)
    assert _findings(run.out) == [(21, "PXL201"), (43, "PXL201")]
    assert json.loads(run.out)["summary"]["suppressed"] == 6
    assert run.status == 1


def test_warn_unused_noqa_reports_codes_that_silenced_nothing(project: Path) -> None:
    run = cli("check", "--select", "PXL201,PXL902", "--warn-unused-noqa", "--format", "json", cwd=project)
    payload = json.loads(run.out)
    assert _findings(run.out) == [(21, "PXL201"), (43, "PXL201")]  # PXL203 was not checked: not unused
    everything = cli("check", "--select", "PXL201,PXL203,PXL902", "--warn-unused-noqa", "--format", "json", cwd=project)
    assert (21, "PXL902") in _findings(everything.out)
    unused = next(f for f in json.loads(everything.out)["findings"] if f["code"] == "PXL902")
    assert "noqa: PXL203" in unused["message"] and unused["symbol"] == "unused-noqa"
    assert payload["summary"]["suppressed"] == 6


def _finding(line: int, code: str = "PXL201", symbol: str = "missing-operation-id") -> Finding:
    return Finding("f.py", line, 0, code, symbol, "m", Severity.CONVENTION)


def test_noqa_covers_its_whole_logical_line() -> None:
    pragmas = parse_pragmas("x = call(\n    a,\n    b,\n)  # noqa: PXL401\ny = 2\n")
    assert [pragmas.suppresses(_finding(n, "PXL401", "repository-create-positional")) for n in (1, 2, 4, 5)] == [
        True, True, True, False,
    ]


def test_pylint_disable_on_def_line_covers_the_function_only() -> None:
    source = (
        "def f():  # pylint: disable=missing-operation-id\n"
        "    x = 1\n"
        "    return x\n"
        "\n"
        "def g():\n"
        "    return 2\n"
    )
    pragmas = parse_pragmas(source)
    assert [pragmas.suppresses(_finding(n)) for n in (1, 2, 3, 5, 6)] == [True, True, True, False, False]


def test_standalone_disable_inside_a_block_ends_with_the_block() -> None:
    source = (
        "class A:\n"
        "    x = 1\n"
        "    # pylint: disable=PXL201,unused-noqa\n"
        "    def f(self):\n"
        "        return 1\n"
        "\n"
        "def g():\n"
        "    return 2\n"
    )
    pragmas = parse_pragmas(source)
    assert [pragmas.suppresses(_finding(n)) for n in (2, 3, 4, 5, 7)] == [False, True, True, True, False]


def test_disable_next_enable_all_and_skip_file() -> None:
    source = "# pylint: disable-next=missing-operation-id\nx = 1\ny = 2\n"
    pragmas = parse_pragmas(source)
    assert [pragmas.suppresses(_finding(n)) for n in (1, 2, 3)] == [False, True, False]
    everything = parse_pragmas("# pylint: disable=all\nx = 1\n# pylint: enable=all\ny = 2\n")
    assert [everything.suppresses(_finding(n)) for n in (2, 4)] == [True, False]
    partial = parse_pragmas("# pylint: disable=PXL201,PXL203\nx = 1\n# pylint: enable=PXL201\ny = 2\n")
    assert partial.suppresses(_finding(2)) and not partial.suppresses(_finding(4))
    assert partial.suppresses(_finding(4, "PXL203", "missing-route-summary"))
    assert parse_pragmas("# flake8: noqa\nx = 1\n").suppresses(_finding(2))
    assert parse_pragmas("# pylint: skip-file\nx = 1\n").suppresses(_finding(2))


def test_noqa_in_a_string_is_not_a_comment_and_odd_source_never_raises() -> None:
    assert not parse_pragmas('x = "# noqa"\n').suppresses(_finding(1))
    assert parse_pragmas("def (:\n  # noqa\n").noqa  # tokenizes although it does not parse
    assert parse_pragmas('x = """\n').noqa == []  # unterminated string: nothing, no exception


def test_a_file_without_pragmas_is_not_tokenized(monkeypatch: pytest.MonkeyPatch) -> None:
    from pixcrawler_lint.cli import suppression  # pylint: disable=import-outside-toplevel

    upper = parse_pragmas("x = 1  # NOQA: PXL401\n# Pylint: disable=PXL402\ny = 2  # pylint: disable=PXL403\n")
    assert [c.codes for c in upper.noqa] == [("PXL401",)] and len(upper.disabled) == 1
    monkeypatch.setattr(suppression.tokenize, "generate_tokens", lambda *_: (_ for _ in ()).throw(AssertionError))
    plain = parse_pragmas("# An ordinary comment.\nx = 1  # why x is one\n")
    assert plain.noqa == [] and plain.disabled == [] and not plain.skip_file
