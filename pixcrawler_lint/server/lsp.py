"""The pygls server: diagnostics on open/change/save, quick fixes, ``# noqa`` actions, hover docs.

Diagnostics come from the same engine and suppression comments as ``check``, for the unsaved
buffer linted as the file at its path (whole-project rules resolve from the project on disk).
A change is linted after a short pause in typing, on one worker thread whose astroid caches
stay warm; a changed ``pyproject.toml`` rereads the configuration and re-lints open documents.
"""

from __future__ import annotations

import functools

import astroid
from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from pixcrawler_lint import __version__
from pixcrawler_lint import config as configuration
from pixcrawler_lint.cli.explain import explain_text
from pixcrawler_lint.config import ConfigError, config_for_path
from pixcrawler_lint.findings import Finding
from pixcrawler_lint.fixes.apply import fix_source, fixes_for
from pixcrawler_lint.fixes.catalog import Safety, fix_safety
from pixcrawler_lint.fixes.edits import Fix
from pixcrawler_lint.registry import rule_by_code
from pixcrawler_lint.server.documents import DocumentLinter, LintResult, lint_text
from pixcrawler_lint.server.noqa import noqa_edit
from pixcrawler_lint.server.positions import LineText, edit_to_lsp, finding_range, to_diagnostic

__all__ = ["build_server", "PixcrawlerLanguageServer"]

FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.pixcrawler-lint"


class PixcrawlerLanguageServer(LanguageServer):
    """A LanguageServer with a :class:`DocumentLinter`."""

    def __init__(self) -> None:
        super().__init__("pixcrawler-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.linter = DocumentLinter(self._publish)

    def _publish(self, uri: str, result: LintResult) -> None:
        lines = LineText(result.text)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=result.version, diagnostics=[to_diagnostic(f, lines) for f in result.findings],
        ))

    def lint(self, uri: str, delay: float | None = None) -> None:
        path = _python_path(uri)
        if path is None:
            return
        document = self.workspace.get_text_document(uri)
        self.linter.schedule(uri, path, document.source, document.version, delay)

    def reload_configuration(self) -> None:
        """A pyproject.toml changed: forget where settings were found, and what was inferred."""
        configuration._find_pyproject_in.cache_clear()  # pylint: disable=protected-access
        configuration._load_cached.cache_clear()  # pylint: disable=protected-access
        self.linter.run(astroid.MANAGER.clear_cache)
        for uri in list(self.workspace.text_documents):
            self.lint(uri, delay=0)


def _python_path(uri: str) -> str | None:
    path = to_fs_path(uri)
    return path if path is not None and path.endswith((".py", ".pyi")) else None


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _findings_in(result: LintResult, wanted: types.Range) -> list[Finding]:
    lines = LineText(result.text)
    return [finding for finding in result.findings if _overlaps(finding_range(finding, lines), wanted)]


def _workspace_edit(uri: str, result: LintResult, fix_edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: fix_edits})


def _fix_actions(
    uri: str, result: LintResult, finding: Finding, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    try:
        config = config_for_path(result.path)
    except ConfigError:
        return []
    lines = LineText(result.text)
    fixes: list[Fix] = fixes_for(result.text, result.path, [finding], config, unsafe=True)
    actions = []
    for fix in fixes:
        unsafe = fix_safety(finding.code) is Safety.UNSAFE
        actions.append(types.CodeAction(
            title=f"{fix.title} ({finding.code}{', unsafe' if unsafe else ''})",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            is_preferred=not unsafe,
            edit=_workspace_edit(uri, result, [edit_to_lsp(edit, lines) for edit in fix.edits]),
        ))
    return actions


def _noqa_action(
    uri: str, result: LintResult, finding: Finding, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    edit = noqa_edit(result.text, finding)
    if edit is None:
        return []
    return [types.CodeAction(
        title=f"Silence {finding.code} on this line (# noqa: {finding.code})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=_workspace_edit(uri, result, [edit_to_lsp(edit, LineText(result.text))]),
    )]


def _whole_document(text: str) -> types.Range:
    lines = text.split("\n")
    return types.Range(start=types.Position(line=0, character=0),
                       end=types.Position(line=len(lines) - 1, character=len(lines[-1].encode("utf-16-le")) // 2))


def build_server() -> PixcrawlerLanguageServer:
    """The server with every feature registered."""
    server = PixcrawlerLanguageServer()

    @server.feature(types.INITIALIZED)
    def initialized(ls: PixcrawlerLanguageServer, params: types.InitializedParams) -> None:
        workspace = ls.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace is not None else None
        if watched is not None and watched.dynamic_registration:
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="pixcrawler-lint-pyproject",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                    watchers=[types.FileSystemWatcher(glob_pattern="**/pyproject.toml")]),
            )]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PixcrawlerLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri, delay=0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PixcrawlerLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PixcrawlerLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri.endswith("pyproject.toml"):
            ls.reload_configuration()
        else:
            ls.lint(params.text_document.uri, delay=0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PixcrawlerLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.linter.forget(params.text_document.uri)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                            diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: PixcrawlerLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.endswith("pyproject.toml") for change in params.changes):
            ls.reload_configuration()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND],
                                resolve_provider=True),
    )
    async def code_action(ls: PixcrawlerLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        result = ls.linter.results.get(uri)
        if result is None:
            return []
        only = params.context.only
        actions: list[types.CodeAction] = []
        if not only or any(kind.startswith(types.CodeActionKind.QuickFix.value) for kind in only):
            lines = LineText(result.text)
            for finding in _findings_in(result, params.range):
                diagnostic = to_diagnostic(finding, lines)
                actions += _fix_actions(uri, result, finding, diagnostic)
                actions += _noqa_action(uri, result, finding, diagnostic)
        wants_fix_all = not only or any(FIX_ALL_KIND.startswith(kind) for kind in only)
        if wants_fix_all and any(fix_safety(f.code) is Safety.SAFE for f in result.findings):
            action = types.CodeAction(
                title="Fix all safely fixable pixcrawler-lint findings", kind=FIX_ALL_KIND,
                data={"uri": uri, "version": result.version},
            )
            if _resolves_edits(ls):
                actions.append(action)  # the edit is computed on codeAction/resolve: it re-lints
            else:
                resolved = await _resolve_fix_all(ls, action)
                if resolved.edit is not None:
                    actions.append(resolved)
        return actions

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: PixcrawlerLanguageServer, action: types.CodeAction) -> types.CodeAction:
        return await _resolve_fix_all(ls, action)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PixcrawlerLanguageServer, params: types.HoverParams) -> types.Hover | None:
        result = ls.linter.results.get(params.text_document.uri)
        if result is None:
            return None
        here = types.Range(start=params.position, end=params.position)
        pages = []
        for code in dict.fromkeys(f.code for f in _findings_in(result, here)):
            rule = rule_by_code(code)
            if rule is not None:
                pages.append(explain_text(rule))
        if not pages:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n---\n".join(pages)))

    return server


def _resolves_edits(ls: PixcrawlerLanguageServer) -> bool:
    document = ls.client_capabilities.text_document
    code_action = document.code_action if document is not None else None
    support = code_action.resolve_support if code_action is not None else None
    return support is not None and "edit" in support.properties


async def _resolve_fix_all(ls: PixcrawlerLanguageServer, action: types.CodeAction) -> types.CodeAction:
    """Fill in the edit of the fix-all action (every safe fix, applied and re-linted)."""
    data = action.data if isinstance(action.data, dict) else {}
    uri = data.get("uri")
    result = ls.linter.results.get(uri) if isinstance(uri, str) else None
    if result is None or action.kind != FIX_ALL_KIND:
        return action
    fixed = await ls.linter.run(functools.partial(_fix_all, result))
    if isinstance(fixed, str) and fixed != result.text and isinstance(uri, str):
        action.edit = _workspace_edit(uri, result, [types.TextEdit(range=_whole_document(result.text),
                                                                   new_text=fixed)])
    return action


def _fix_all(result: LintResult) -> str | None:
    """The document with every safe fix applied (on the lint thread: it re-lints)."""
    try:
        config = config_for_path(result.path)
    except ConfigError:
        return None
    fixed = fix_source(result.text, result.path, list(result.findings), config,
                       relint=lambda text: lint_text(result.path, text))
    return fixed.fixed
