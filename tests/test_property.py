"""Generated programs through the engine: it never raises and never reports an internal error.

``hypothesmith`` writes syntactically valid Python, from the grammar (odd token soup) and from
libcst node trees (statement-shaped code). Each program is linted as a module of a PixCrawler
project, mostly under ``backend/services/`` and also in the other layers, so the layer rules
run on it. The example count is bounded for CI (``PXL_HYPOTHESIS_EXAMPLES``, default 30 per
strategy) and there is no deadline: astroid's first build of a library may take seconds.
"""

from __future__ import annotations

import os
from pathlib import Path

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pixcrawler_lint.engine import lint_source

pytestmark = [pytest.mark.hypothesis, pytest.mark.xdist_group("hypothesis")]

EXAMPLES = int(os.environ.get("PXL_HYPOTHESIS_EXAMPLES", "30"))
LAYER_DIRS = ("services", "services", "services", "api/v1/endpoints", "repositories", "models")
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # CI sees the same programs on every run; raise the count to explore more
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PixCrawler-shaped project whose layer packages hold the generated modules."""
    root = tmp_path_factory.mktemp("property")
    (root / "pyproject.toml").write_text('[project]\nname = "property"\nversion = "0"\n')
    for layer in LAYER_DIRS:
        directory = root / "backend" / layer
        directory.mkdir(parents=True, exist_ok=True)
        while directory != root:
            (directory / "__init__.py").write_text('"""Package."""\n')
            directory = directory.parent
    return root


def check_program(project: Path, source: str, layer: str) -> None:
    path = project / "backend" / layer / "generated.py"
    findings = lint_source(source, str(path))
    internal = [f.message for f in findings if f.code.startswith("PXL9")]
    assert internal == [], source
    last_line = max(1, source.count("\n") + 1)
    assert all(1 <= f.line <= last_line for f in findings), (source, findings)
    # Linting is a function of the source: the second run (warm astroid caches) agrees.
    assert lint_source(source, str(path)) == findings, source


@SETTINGS
@given(source=hypothesmith.from_node(), layer=st.sampled_from(LAYER_DIRS))
def test_statement_shaped_programs(project: Path, source: str, layer: str) -> None:
    check_program(project, source, layer)


@SETTINGS
@given(source=hypothesmith.from_grammar(), layer=st.sampled_from(LAYER_DIRS))
def test_grammar_generated_programs(project: Path, source: str, layer: str) -> None:
    check_program(project, source, layer)
