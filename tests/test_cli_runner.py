"""File discovery and the parallel runner: same findings with one process or a pool, several roots."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_support import ROUTES_WITHOUT_OPERATION_ID, cli, make_project

from pixcrawler_lint.cli.discovery import discover, group_by_project_root
from pixcrawler_lint.cli.runner import lint_files


def _project_with_many_modules(root: Path, count: int) -> Path:
    files = {f"backend/api/v1/endpoints/module_{i}.py": ROUTES_WITHOUT_OPERATION_ID for i in range(count)}
    return make_project(root, files)


def test_pool_and_single_process_agree_across_two_project_roots(tmp_path: Path) -> None:
    first = _project_with_many_modules(tmp_path / "one", 6)
    second = _project_with_many_modules(tmp_path / "two", 6)
    files = discover([first, second])
    groups = group_by_project_root(files)
    assert set(groups) == {first.resolve(), second.resolve()}
    serial = lint_files(files, jobs=1, codes=["PXL201"])
    parallel = lint_files(files, jobs=2, codes=["PXL201"])
    assert [r.path for r in parallel] == [str(f) for f in files]
    as_pairs = lambda results: {(r.path, f.line, f.code) for r in results for f in r.findings}  # noqa: E731
    assert as_pairs(serial) == as_pairs(parallel)
    assert len(as_pairs(parallel)) == 2 * 6 * 2


def test_cli_with_jobs_reports_each_root(tmp_path: Path) -> None:
    first = _project_with_many_modules(tmp_path / "one", 5)
    second = _project_with_many_modules(tmp_path / "two", 5)
    run = cli("check", "one", "two", "-j", "2", "--select", "PXL201", "--format", "json", cwd=tmp_path)
    assert run.status == 1, run.err
    paths = {f["path"].split("/")[0] for f in json.loads(run.out)["findings"]}
    assert paths == {"one", "two"} and first.is_dir() and second.is_dir()


def test_discovery_skips_hidden_and_excluded_directories_but_not_named_files(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {
        "backend/api/a.py": "x = 1\n",
        "backend/api/generated/b.py": "x = 1\n",
        ".venv/lib/c.py": "x = 1\n",
        "build/d.py": "x = 1\n",
    })
    found = {p.relative_to(project).as_posix() for p in discover([project], exclude=["generated"])}
    assert found == {"backend/__init__.py", "backend/api/__init__.py", "backend/api/a.py"}
    named = discover([project / "build" / "d.py"])
    assert named == [(project / "build" / "d.py").absolute()]


_SERVICE = "class ItemService:\n    def get(self, item_id: int) -> int:\n        return item_id\n"
_ENDPOINT_USING_SERVICE = (
    "from backend.services.items import ItemService\n\n\n"
    "def read(service: ItemService) -> int:\n    return service.fetch(1)\n"
)


def test_a_file_astroid_built_as_an_import_is_linted_from_that_module_not_built_twice(tmp_path: Path) -> None:
    import astroid

    project = make_project(tmp_path / "p", {
        "backend/api/v1/endpoints/items.py": _ENDPOINT_USING_SERVICE,
        "backend/services/items.py": _SERVICE,
    })
    endpoint = project / "backend/api/v1/endpoints/items.py"
    service = project / "backend/services/items.py"
    results = lint_files([endpoint, service], jobs=1, codes=["PXL403"])
    built = astroid.MANAGER.astroid_cache["backend.services.items"]
    # The endpoint's PXL403 needed the service module: astroid built it from the file, and
    # linting the file afterwards kept that module (a second build would have replaced it).
    assert [f.code for f in results[0].findings] == ["PXL403"]
    assert built.file is not None and Path(built.file).resolve() == service.resolve()
    assert getattr(built, "file_bytes", None) is None  # built by file_build, never by string_build


def test_a_file_changed_since_astroid_built_it_is_built_again_from_what_was_read(tmp_path: Path) -> None:
    import astroid

    from pixcrawler_lint.modules import activate_project_root, build_module, locate_module

    project = make_project(tmp_path / "p", {"backend/services/items.py": _SERVICE})
    service = project / "backend/services/items.py"
    activate_project_root(locate_module(service).root)
    first = astroid.MANAGER.ast_from_module_name("backend.services.items")
    assert build_module(_SERVICE, service, "backend.services.items", on_disk=True) is first
    changed = _SERVICE + "\n\ndef extra() -> None:\n    pass\n"
    service.write_text(changed, encoding="utf-8")
    second = build_module(changed, service, "backend.services.items", on_disk=True)
    assert second is not first and "extra" in second.locals
    # an editor buffer (not what is on disk) is always built from the text given
    assert build_module(changed, service, "backend.services.items") is not second
