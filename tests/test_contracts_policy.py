"""The pixcrawler_layers contract follows the configured patterns, policy and selection (in-memory graphs)."""

from __future__ import annotations

from pathlib import Path

import grimp
import pytest

from pixcrawler_lint.config import ConfigError, config_from_table
from pixcrawler_lint.contracts import LayerMapContract, check_architecture


def graph_of(*imports: tuple[str, str], externals: tuple[str, ...] = ("sqlalchemy", "fastapi")) -> grimp.ImportGraph:
    graph = grimp.ImportGraph()
    for importer, imported in imports:
        for module in (importer, imported):
            if module not in graph.modules:
                graph.add_module(module, is_squashed=module in externals)
        graph.add_import(importer=importer, imported=imported)
    return graph


DISPATCH = {
    "api": ["dispatch.*.views"], "services": ["dispatch.**.service"], "models": ["dispatch.*.models"],
    "layers": ["api", "services", "models"],
}


def test_wildcard_layers_and_a_policy_without_repositories() -> None:
    config = config_from_table(DISPATCH)
    graph = graph_of(
        ("dispatch.incident.views", "dispatch.incident.service"),
        ("dispatch.incident.service", "sqlalchemy"),  # services own the queries: no repositories layer
        ("dispatch.incident.service", "dispatch.incident.models"),
        ("dispatch.case.type.service", "dispatch.incident.views"),  # upward
        ("dispatch.incident.views", "dispatch.incident.models"),  # api below services: a bypass
        ("dispatch.incident.models", "fastapi"),
    )
    found = {(v.importer, v.code, v.imported) for v in check_architecture(graph, config)}
    assert found == {
        ("dispatch.case.type.service", "PXL101", "dispatch.incident.views"),
        ("dispatch.incident.views", "PXL102", "dispatch.incident.models"),
    }


def test_allowed_edges_open_the_contract_too() -> None:
    config = config_from_table({**DISPATCH, "allow": ["api -> models"]})
    graph = graph_of(("dispatch.incident.views", "dispatch.incident.models"))
    assert check_architecture(graph, config) == []


def test_equal_layer_matches_are_a_configuration_error_in_the_contract() -> None:
    config = config_from_table({"api": ["app.*.x"], "services": ["app.x.*"]})
    with pytest.raises(ConfigError, match="equally specifically"):
        check_architecture(graph_of(("app.x.x", "app.y")), config)


def test_the_contract_honours_the_rule_selection(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.pixcrawler_lint]\napi = ["app.web"]\nrepositories = ["app.data"]\nservices = ["app.logic"]\n',
        encoding="utf-8",
    )
    graph = graph_of(("app.web.views", "app.data.albums"), ("app.data.albums", "app.web.views"))

    def broken(text: str) -> set[str]:
        pyproject.write_text(text, encoding="utf-8")
        contract = LayerMapContract(
            name="layer map", session_options={"root_packages": ["app"], "include_external_packages": "True"},
            contract_options={"type": "pixcrawler_layers", "pyproject": str(pyproject)},
        )
        return {v.code for v in contract.check(graph, verbose=False).metadata["violations"]}

    base = '[tool.pixcrawler_lint]\napi = ["app.web"]\nrepositories = ["app.data"]\nservices = ["app.logic"]\n'
    assert broken(base) == {"PXL101"}  # recommended: PXL102 is opt-in
    assert broken(base + 'preset = "pixcrawler"\n') == {"PXL101", "PXL102"}
    assert broken(base + 'extend-select = ["PXL102"]\nignore = ["PXL101"]\n') == {"PXL102"}


def test_the_contract_reports_an_equal_match_as_broken_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.pixcrawler_lint]\napi = ["app.*.x"]\nservices = ["app.x.*"]\n', encoding="utf-8")
    contract = LayerMapContract(
        name="layer map", session_options={"root_packages": ["app"], "include_external_packages": "True"},
        contract_options={"type": "pixcrawler_layers", "pyproject": str(pyproject)},
    )
    check = contract.check(graph_of(("app.x.x", "app.y")), verbose=False)
    assert not check.kept
    contract.render_broken_contract(check)
    assert "equally specifically" in capsys.readouterr().out
