"""Configuration loading, validation and layer classification."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pixcrawler_lint.config import DEFAULT_CONFIG, Config, ConfigError, config_for_path, load_config
from pixcrawler_lint.engine import lint_source
from pixcrawler_lint.layers import Layer, classify, is_admin_module, is_composition_root, is_types_module
from pixcrawler_lint.modules import locate_module


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_match_the_spec() -> None:
    assert DEFAULT_CONFIG.api == ("backend.api",)
    assert DEFAULT_CONFIG.repositories == ("backend.repositories", "backend.storage")
    assert DEFAULT_CONFIG.composition_roots == ("backend.api.dependencies",)
    assert DEFAULT_CONFIG.status_alias == "http_status"
    assert "icrawler" in DEFAULT_CONFIG.service_forbidden_imports
    assert "type-checking-imports" in Config.keys()
    assert "composition-roots" in Config.keys()


def test_table_overrides_defaults(tmp_path: Path) -> None:
    pyproject = write(
        tmp_path / "pyproject.toml",
        '[tool.pixcrawler_lint]\napi = ["shop.web"]\nstatus-alias = "st"\nadmin-guards = "ensure_admin"\n',
    )
    config = load_config(pyproject)
    assert config.api == ("shop.web",)
    assert config.status_alias == "st"
    assert config.admin_guards == ("ensure_admin",)
    assert config.services == DEFAULT_CONFIG.services


def test_pyproject_without_table_gives_defaults(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    module = write(tmp_path / "pkg" / "mod.py", "")
    assert config_for_path(module) == DEFAULT_CONFIG


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("composition-root = ['a']", "unknown key 'composition-root' in [tool.pixcrawler_lint] (did you mean 'composition-roots'?)"),
        ("api = 3", "key 'api' must be a list of strings, got int 3"),
        ("api = ['a', 1]", "key 'api' must be a list of strings"),
        ("status-alias = ['x']", "key 'status-alias' must be a string"),
        ("type-checking-imports = 'skip'", "key 'type-checking-imports' must be one of 'count', 'ignore'"),
        ("zzz = 1", "unknown key 'zzz' in [tool.pixcrawler_lint] (known keys: api, services"),
    ],
)
def test_bad_keys_and_types_give_one_line_error_naming_the_key(tmp_path: Path, table: str, expected: str) -> None:
    pyproject = write(tmp_path / "pyproject.toml", f"[tool.pixcrawler_lint]\n{table}\n")
    with pytest.raises(ConfigError) as info:
        load_config(pyproject)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message
    assert str(pyproject) in message


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", "[tool.pixcrawler_lint\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(pyproject)


def test_invalid_config_becomes_one_finding_not_a_traceback(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.pixcrawler_lint]\napis = ['x']\n")
    module = write(tmp_path / "backend" / "api" / "x.py", "")
    write(tmp_path / "backend" / "__init__.py", "")
    write(tmp_path / "backend" / "api" / "__init__.py", "")
    findings = lint_source("import os\n", str(module))
    assert [(f.code, f.line) for f in findings] == [("PXL901", 1)]
    assert "unknown key 'apis'" in findings[0].message


@pytest.mark.parametrize("frontend", ["flake8", "pylint"])
def test_front_ends_report_invalid_config_cleanly(tmp_path: Path, frontend: str) -> None:
    write(tmp_path / "pyproject.toml", "[tool.pixcrawler_lint]\nservices = 1\n")
    write(tmp_path / "backend" / "__init__.py", "")
    write(tmp_path / "backend" / "services" / "__init__.py", "")
    write(tmp_path / "backend" / "services" / "x.py", '"""Doc."""\nimport os\n')
    if frontend == "flake8":
        cmd = [sys.executable, "-m", "flake8", "--isolated", "--select=PXL", "backend/services/x.py"]
    else:
        cmd = [sys.executable, "-m", "pylint", "--load-plugins=pixcrawler_lint", "--disable=all",
               "--enable=invalid-configuration", "--persistent=n", "--score=n", "backend/services/x.py"]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, check=False)
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output
    assert "key 'services' must be a list of strings" in output
    assert ("PXL901" if frontend == "flake8" else "F7901") in output


@pytest.mark.parametrize(
    ("modname", "layer"),
    [
        ("backend.api.v1.endpoints.projects", Layer.API),
        ("backend.api", Layer.API),
        ("backend.apis", None),
        ("backend.services.project", Layer.SERVICES),
        ("backend.storage.azure_blob", Layer.REPOSITORIES),
        ("backend.database.models", Layer.MODELS),
        ("backend.schemas.project", Layer.SHARED),
        ("builder.tasks", None),
    ],
)
def test_classify_by_dotted_name(modname: str, layer: Layer | None) -> None:
    assert classify(modname, DEFAULT_CONFIG) is layer


def test_longest_prefix_wins_and_special_modules() -> None:
    config = Config(api=("app",), shared=("app.schemas",))
    assert classify("app.schemas.user", config) is Layer.SHARED
    assert classify("app.routes", config) is Layer.API
    assert is_composition_root("backend.api.dependencies", DEFAULT_CONFIG)
    assert is_types_module("backend.api.types", DEFAULT_CONFIG)
    assert is_admin_module("backend.api.v1.endpoints.policies", DEFAULT_CONFIG)
    assert not is_admin_module("backend.api.v1.endpoints.policies_extra", DEFAULT_CONFIG)
    assert Layer.API.is_above(Layer.SERVICES) and not Layer.MODELS.is_above(Layer.API)
    assert not Layer.SHARED.is_above(Layer.MODELS)


def test_module_name_from_init_packages(tmp_path: Path) -> None:
    write(tmp_path / "backend" / "__init__.py", "")
    write(tmp_path / "backend" / "api" / "__init__.py", "")
    module = write(tmp_path / "backend" / "api" / "types.py", "")
    location = locate_module(module)
    assert location.modname == "backend.api.types"
    assert location.root == tmp_path
    assert locate_module(tmp_path / "backend" / "api" / "__init__.py").modname == "backend.api"
    assert locate_module(write(tmp_path / "script.py", "")).modname == "script"
