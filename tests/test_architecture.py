"""The architecture model: layer patterns, the layer policy, rule selection and presets."""

from __future__ import annotations

from pathlib import Path

import pytest

from pixcrawler_lint.analysis.layer_policy import import_breaches
from pixcrawler_lint.architecture import CommandLine, Layer, architecture_of, parse_pattern
from pixcrawler_lint.architecture.patterns import PatternError
from pixcrawler_lint.config import DEFAULT_CONFIG, Config, ConfigError, config_from_table, load_config
from pixcrawler_lint.findings import Severity
from pixcrawler_lint.layers import classify, matches


def table(**values: object) -> Config:
    return config_from_table({key.replace("_", "-"): value for key, value in values.items()})


def codes(importer: str, imported: str, config: Config) -> list[str]:
    return [breach.code for breach in import_breaches(importer, imported, config)]


# --- patterns ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "modname", "expected"),
    [
        ("backend.api", "backend.api", True),
        ("backend.api", "backend.api.v1.users", True),
        ("backend.api", "backend.apix", False),
        ("dispatch.*.views", "dispatch.incident.views", True),
        ("dispatch.*.views", "dispatch.incident.views.admin", True),
        ("dispatch.*.views", "dispatch.views", False),
        ("dispatch.*.views", "dispatch.a.b.views", False),
        ("dispatch.**.service", "dispatch.service", True),
        ("dispatch.**.service", "dispatch.case.type.service", True),
        ("dispatch.**.service", "dispatch.case.services", False),
        ("*.api", "polar.api.routes", True),
        ("app.**", "app", True),
    ],
)
def test_pattern_matching(pattern: str, modname: str, expected: bool) -> None:
    assert parse_pattern(pattern).matches(modname) is expected
    assert matches(modname, pattern) is expected


def test_specificity_literals_beat_wildcards_and_longer_beats_shorter() -> None:
    def spec(pattern: str, modname: str) -> tuple[int, int, int] | None:
        return parse_pattern(pattern).specificity(modname)

    assert spec("backend.api.types", "backend.api.types.x") > spec("backend.api", "backend.api.types.x")
    assert spec("dispatch.incident", "dispatch.incident.views") > spec("*.*.views", "dispatch.incident.views")
    assert spec("dispatch.*.views", "dispatch.a.views") > spec("dispatch.**.views", "dispatch.a.views")
    # equal literals and stars: the pattern covering more of the name wins
    assert spec("dispatch.**.service", "dispatch.database.service") == (2, 0, 3)
    assert spec("dispatch.database", "dispatch.database.service") == (2, 0, 2)
    assert spec("dispatch.api", "dispatch.database") is None


@pytest.mark.parametrize("bad", ["", "a..b", "a.b-c", "**", "*.**", "a.1b"])
def test_bad_patterns(bad: str) -> None:
    with pytest.raises(PatternError):
        parse_pattern(bad)


def test_most_specific_pattern_wins_across_layers() -> None:
    config = table(
        api=["dispatch.*.views"], services=["dispatch.**.service"], repositories=["dispatch.**.repository"],
        models=["dispatch.*.models", "dispatch.database"], shared=["dispatch"],
    )
    assert classify("dispatch.incident.views", config) is Layer.API
    assert classify("dispatch.incident.views.admin", config) is Layer.API
    assert classify("dispatch.case.type.service", config) is Layer.SERVICES
    assert classify("dispatch.incident.models.Incident", config) is Layer.MODELS
    assert classify("dispatch.config", config) is Layer.SHARED  # only the shared pattern matches
    assert classify("other.views", config) is None
    both = table(models=["dispatch.database"], services=["dispatch.**.service"])
    assert classify("dispatch.database.service", both) is Layer.SERVICES
    assert classify("dispatch.database.core", both) is Layer.MODELS


def test_equal_matches_in_two_layers_are_a_config_error_naming_both_patterns() -> None:
    config = table(api=["app.*.x"], services=["app.x.*"])
    with pytest.raises(ConfigError) as error:
        classify("app.x.x", config)
    message = str(error.value)
    assert "'app.*.x'" in message and "'app.x.*'" in message and "api" in message and "services" in message
    assert "\n" not in message
    assert classify("app.y.x", config) is Layer.API


def test_the_same_pattern_in_two_layers_is_rejected_at_load() -> None:
    with pytest.raises(ConfigError, match="'app.core' is in both 'services' and 'shared'"):
        table(services=["app.core"], shared=["app.core"])


def test_bad_pattern_names_the_key(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pixcrawler_lint]\napi = ["app..web"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"key 'api': 'app\.\.web' is not a dotted module name"):
        load_config(tmp_path / "pyproject.toml")


# --- policy -----------------------------------------------------------------------------------


def test_default_policy_is_todays() -> None:
    c = DEFAULT_CONFIG
    assert codes("backend.repositories.x", "backend.services.y", c) == ["PXL101"]
    assert codes("backend.schemas.x", "backend.repositories.y", c) == ["PXL101"]
    assert codes("backend.schemas.x", "backend.models.y", c) == []
    assert codes("backend.api.v1.x", "backend.models.y", c) == ["PXL102"]
    assert codes("backend.api.v1.x", "sqlalchemy.orm", c) == ["PXL102"]
    assert codes("backend.api.types", "backend.models.y", c) == []
    assert codes("backend.api.dependencies", "backend.repositories.y", c) == []
    assert codes("backend.services.x", "sqlalchemy", c) == ["PXL103"]
    assert codes("backend.services.x", "httpx", c) == ["PXL104"]
    assert codes("backend.services.x", "fastapi.params", c) == ["PXL105"]
    assert codes("backend.repositories.x", "starlette", c) == ["PXL105"]
    assert codes("backend.services.x", "backend.models.y", c) == []
    model = architecture_of(c)
    assert not model.policy.routes_own_session and not model.policy.api_builds_services
    assert not model.policy.services_own_queries


def test_no_services_layer() -> None:
    config = table(layers=["api", "repositories", "models"], api=["app.routes"], repositories=["app.crud"],
                   models=["app.models"])
    assert codes("app.routes.users", "app.crud.user", config) == []
    assert codes("app.routes.users", "app.models", config) == []
    assert codes("app.crud.user", "app.routes.users", config) == ["PXL101"]
    assert codes("app.routes.users", "sqlalchemy", config) == []  # routes own the session
    policy = architecture_of(config).policy
    assert policy.routes_own_session and policy.api_builds_services and not policy.services_own_queries
    assert classify("backend.services.x", config) is None  # an absent layer classifies nothing


def test_routes_own_the_session() -> None:
    config = table(api=["app.api"], services=["app.services"], models=["app.models"],
                   allow=["api -> models", "api -> sqlalchemy"])
    assert codes("app.api.users", "sqlalchemy.orm", config) == []
    assert codes("app.api.users", "app.models.user", config) == []
    assert architecture_of(config).policy.routes_own_session


def test_services_own_the_queries_and_a_forbid_edge() -> None:
    config = table(services=["app.services"], allow=["services -> sqlalchemy"], forbid=["services -> boto3"])
    assert codes("app.services.x", "sqlalchemy", config) == []
    assert codes("app.services.x", "boto3.s3", config) == ["PXL104"]
    assert architecture_of(config).policy.services_own_queries


def test_no_repositories_layer_lets_services_query() -> None:
    config = table(layers=["api", "services", "models"], services=["app.services"])
    assert codes("app.services.x", "sqlalchemy", config) == []
    assert architecture_of(config).policy.services_own_queries


def test_a_longer_allowed_package_beats_a_shorter_forbidden_one() -> None:
    config = table(services=["app.services"], allow=["services -> sqlalchemy.exc"])
    assert codes("app.services.x", "sqlalchemy.exc.NoResultFound", config) == []
    assert codes("app.services.x", "sqlalchemy.orm", config) == ["PXL103"]


def test_forbidden_layer_edge_downwards() -> None:
    config = table(services=["app.services"], models=["app.models"], forbid=["services -> models"])
    breaches = import_breaches("app.services.x", "app.models.y", config)
    assert [b.code for b in breaches] == ["PXL101"]
    assert "forbids services -> models" in breaches[0].args["fix"] and breaches[0].args["above"] == ""


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"layers": ["api", "domain"]}, "key 'layers': 'domain' is not one of"),
        ({"layers": ["api", "api"]}, "listed twice"),
        ({"allow": ["api => models"]}, "key 'allow': 'api => models' is not an edge"),
        ({"forbid": ["web -> models"]}, "key 'forbid': 'web -> models': 'web' is not a layer"),
        ({"layers": ["api", "models"], "allow": ["api -> services"]}, "layer 'services' is not in `layers`"),
        ({"allow": ["api -> x"], "forbid": ["api -> x"]}, "both allowed and forbidden"),
        ({"layers": ["api", "models"], "services": ["app.services"]}, "key 'services' is set but"),
    ],
)
def test_policy_errors_name_the_key(values: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        table(**values)


# --- selection and presets ----------------------------------------------------------------------


def test_presets_and_the_automatic_choice(tmp_path: Path) -> None:
    assert architecture_of(DEFAULT_CONFIG).preset == "pixcrawler"
    assert architecture_of(table(api=["app.web"])).preset == "recommended"
    assert architecture_of(table(api=["app.web"], preset="pixcrawler")).preset == "pixcrawler"
    no_table = "[project]\nname = 'x'\n"
    names_only = "[tool.pixcrawler_lint]\ntypes-modules = ['app.deps']\n"
    for name, layout, text, preset in (
        ("other", "app/web", no_table, "recommended"),
        ("pixcrawler", "backend/api", no_table, "pixcrawler"),
        ("src", "src/backend/services", no_table, "pixcrawler"),
        ("names-only", "app/web", names_only, "pixcrawler"),
    ):
        (tmp_path / name / layout).mkdir(parents=True)
        (tmp_path / name / "pyproject.toml").write_text(text, encoding="utf-8")
        assert architecture_of(load_config(tmp_path / name / "pyproject.toml")).preset == preset, name


def test_recommended_preset_membership() -> None:
    model = architecture_of(table(api=["app.web"]))
    assert model.enabled("PXL204") and model.enabled("PXL101") and model.enabled("PXL105")
    assert not model.enabled("PXL201") and not model.enabled("PXL604")
    assert model.enabled("PXL900") and model.enabled("PXL901")


def test_select_extend_select_ignore_by_specificity() -> None:
    model = architecture_of(table(select=["PXL2"], ignore=["PXL20"], extend_select=["PXL204", "PXL6"]))
    assert model.enabled("PXL204") and model.enabled("PXL210") and model.enabled("PXL601")
    assert not model.enabled("PXL201") and not model.enabled("PXL101")
    assert model.enabled("PXL900") and model.enabled("PXL901")  # internal codes stay on under select
    model = architecture_of(table(ignore=["PXL2"]))
    assert not model.enabled("PXL204") and model.enabled("PXL101")


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pixcrawler_lint]\n[tool.pixcrawler_lint.per-file-ignores]\n'
        '"backend/api/legacy/*" = ["PXL2"]\n"__init__.py" = ["PXL604"]\n"scripts" = ["PXL"]\n',
        encoding="utf-8",
    )
    model = architecture_of(load_config(tmp_path / "pyproject.toml"))
    assert not model.enabled("PXL204", str(tmp_path / "backend/api/legacy/old.py"))
    assert model.enabled("PXL204", str(tmp_path / "backend/api/new.py"))
    assert not model.enabled("PXL604", str(tmp_path / "backend/api/__init__.py"))
    assert not model.enabled("PXL101", str(tmp_path / "scripts/deep/x.py"))
    assert model.enabled("PXL101", str(tmp_path / "backend/scripts_x.py"))


def test_command_line_overrides_configuration() -> None:
    model = architecture_of(table(ignore=["PXL201"], preset="recommended"))
    assert not model.enabled("PXL201")
    assert model.enabled("PXL201", None, CommandLine(select=("PXL201",)))
    assert not model.enabled("PXL204", None, CommandLine(select=("PXL201",)))
    assert not model.enabled("PXL204", None, CommandLine(ignore=("PXL2",)))


def test_severity_override() -> None:
    model = architecture_of(table(severity={"PXL204": "W", "PXL101": "E"}))
    assert model.severity("PXL204", Severity.ERROR) is Severity.WARNING
    assert model.severity("PXL101", Severity.WARNING) is Severity.ERROR
    assert model.severity("PXL105", Severity.WARNING) is Severity.WARNING
    with pytest.raises(ConfigError, match="key 'severity': PXL204 must be one of"):
        table(severity={"PXL204": "X"})


@pytest.mark.parametrize("key", ["select", "extend-select", "ignore"])
def test_unknown_codes_are_errors(key: str) -> None:
    with pytest.raises(ConfigError, match=f"key '{key}': unknown rule code or prefix 'PXL999'"):
        config_from_table({key: ["PXL999"]})
    with pytest.raises(ConfigError, match="unknown rule code or prefix 'E501'"):
        config_from_table({key: ["E501"]})


def test_reserved_and_prefix_codes_are_accepted() -> None:
    config_from_table({"select": ["PXL", "PXL4", "PXL406"], "per-file-ignores": {"x/*": ["PXL20"]}})
    with pytest.raises(ConfigError, match="key 'per-file-ignores': unknown rule code or prefix 'PXL77'"):
        config_from_table({"per-file-ignores": {"x/*": ["PXL77"]}})
