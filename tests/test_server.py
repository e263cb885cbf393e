"""``pixcrawler-lint server`` end to end over stdio (pytest-lsp drives a real client): initialize,
open a file with findings, receive the diagnostics, request and apply a code action, receive
the cleared diagnostics; hover shows the rule's page; ``# noqa`` actions; config reload."""

from __future__ import annotations

import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MODELS_BAD = "backend/services/pxl502_column_called_bad.py"

pytestmark = pytest.mark.xdist_group("lsp-server")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("lsp") / "models"
    shutil.copytree(FIXTURES / "models", copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "pixcrawler_lint.cli", "server"]),
)
async def client(lsp_client: LanguageClient, tree: Path) -> AsyncIterator[None]:
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=tree.as_uri(),
    ))
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, path: Path, text: str | None = None) -> list[types.Diagnostic]:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="python", version=1, text=text if text is not None else path.read_text("utf-8"),
    )))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(position: types.Position) -> int:
        return offsets[position.line] + position.character  # ASCII fixtures: UTF-16 == characters

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def _change(client: LanguageClient, path: Path, text: str, version: int) -> list[types.Diagnostic]:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    ))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[path.as_uri()]


@pytest.mark.asyncio
async def test_diagnostics_code_action_and_cleared_diagnostics(client: LanguageClient, tree: Path) -> None:
    path = tree / MODELS_BAD
    text = path.read_text("utf-8")
    diagnostics = await _open(client, path)
    column_called = [d for d in diagnostics if d.code == "PXL502"]
    assert len(column_called) == text.count("# expect: PXL502")
    first = column_called[0]
    assert first.severity == types.DiagnosticSeverity.Error and first.source == "pixcrawler-lint"
    assert (first.range.start.line, first.range.start.character) == (21, 12)  # entry.created_at()

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), range=first.range,
        context=types.CodeActionContext(diagnostics=[first], only=[types.CodeActionKind.QuickFix]),
    ))
    assert actions is not None
    titles = [action.title for action in actions if isinstance(action, types.CodeAction)]
    assert any("without ()" in title for title in titles) and any("# noqa: PXL502" in title for title in titles)
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and "without ()" in a.title)
    assert fix.edit is not None and fix.edit.changes is not None
    fixed = _apply(text, fix.edit.changes[path.as_uri()])
    assert "entry.created_at.isoformat()" in fixed

    after = await _change(client, path, fixed, 2)
    assert len([d for d in after if d.code == "PXL502"]) == len(column_called) - 1
    assert not any(d.range.start.line == 21 for d in after)

    # The noqa action silences the next one.
    second = next(d for d in after if d.code == "PXL502")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), range=second.range,
        context=types.CodeActionContext(diagnostics=[second]),
    ))
    noqa = next(a for a in actions or [] if isinstance(a, types.CodeAction) and "# noqa" in a.title)
    assert noqa.edit is not None and noqa.edit.changes is not None
    silenced = _apply(fixed, noqa.edit.changes[path.as_uri()])
    assert "# noqa: PXL502" in silenced.splitlines()[second.range.start.line]
    after = await _change(client, path, silenced, 3)
    assert len([d for d in after if d.code == "PXL502"]) == len(column_called) - 2


@pytest.mark.asyncio
async def test_fix_all_source_action(client: LanguageClient, tree: Path) -> None:
    path = tree / "backend/models/pxl501_string_column_in_index_bad.py"
    text = path.read_text("utf-8")
    diagnostics = await _open(client, path)
    assert [d.code for d in diagnostics].count("PXL501") == 3
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
    ))
    fix_all = [a for a in actions or [] if isinstance(a, types.CodeAction)]
    assert [a.kind for a in fix_all] == ["source.fixAll.pixcrawler-lint"]
    assert fix_all[0].edit is not None and fix_all[0].edit.changes is not None
    fixed = _apply(text, fix_all[0].edit.changes[path.as_uri()])
    assert 'Index("ix_datasets_user_id", user_id)' in fixed
    after = await _change(client, path, fixed, 2)
    assert not [d for d in after if d.code == "PXL501"]


@pytest.mark.asyncio
async def test_hover_shows_the_rule_page(client: LanguageClient, tree: Path) -> None:
    path = tree / "backend/models/pxl501_string_column_in_index_bad.py"
    diagnostics = await _open(client, path)
    finding = next(d for d in diagnostics if d.code == "PXL501")
    assert finding.severity == types.DiagnosticSeverity.Information  # a convention
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=finding.range.start,
    ))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("# PXL501 `string-column-in-index`")
    assert "## Use instead" in hover.contents.value


@pytest.mark.asyncio
async def test_changed_pyproject_is_reread(client: LanguageClient, tree: Path) -> None:
    path = tree / "backend/models/pxl501_string_column_in_index_bad.py"
    diagnostics = await _open(client, path)
    assert any(d.code == "PXL501" for d in diagnostics)
    pyproject = tree / "pyproject.toml"
    original = pyproject.read_text("utf-8")
    try:
        pyproject.write_text(original + '\n[tool.pixcrawler_lint]\nno-such-key = 1\n', "utf-8")
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
            uri=pyproject.as_uri(), type=types.FileChangeType.Changed)]))
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        assert [d.code for d in client.diagnostics[path.as_uri()]] == ["PXL901"]
    finally:
        pyproject.write_text(original, "utf-8")
