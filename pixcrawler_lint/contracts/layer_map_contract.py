"""The import-linter contract type that reads the ``[tool.pixcrawler_lint]`` layer map.

Register it in the import-linter configuration and add one contract::

    [importlinter]
    root_packages = backend
    include_external_packages = True
    contract_types =
        pixcrawler_layers: pixcrawler_lint.contracts.LayerMapContract

    [importlinter:contract:layer-map]
    name = Layer map of [tool.pixcrawler_lint] (PXL101-PXL105)
    type = pixcrawler_layers
    # pyproject = path/to/pyproject.toml   (default: the one nearest the working directory)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck, InvalidContractOptions

from pixcrawler_lint.architecture.model import architecture_of
from pixcrawler_lint.config import Config, ConfigError, config_for_path, load_config
from pixcrawler_lint.contracts.architecture import Violation, check_architecture
from pixcrawler_lint.contracts.graph import rerooted

__all__ = ["LayerMapContract"]


class LayerMapContract(Contract):
    """Kept when no layered module breaks an enabled rule of PXL101–PXL105, directly or through
    helper modules."""

    type_name = "pixcrawler_layers"

    pyproject = fields.StringField(required=False)

    def validate(self) -> None:
        try:
            self.config = self._load_config()
        except ConfigError as error:
            raise InvalidContractOptions({"pyproject": str(error)}) from None

    def _load_config(self) -> Config:
        given = getattr(self, "pyproject", None)  # set from the contract options by import-linter
        if given:
            path = Path(str(given))
            if not path.is_file():
                raise ConfigError(f"{path}: no such file")
            return load_config(path)
        return config_for_path(Path.cwd())

    def _warnings(self) -> list[str]:
        warnings = []
        excluded = str(self.session_options.get("exclude_type_checking_imports")).lower() == "true"
        if self.config.type_checking_imports == "ignore" and not excluded:
            warnings.append(
                'type-checking-imports = "ignore" in [tool.pixcrawler_lint]: set '
                "exclude_type_checking_imports = True in [importlinter] so the contract agrees"
            )
        if str(self.session_options.get("include_external_packages")).lower() != "true":
            warnings.append(
                "include_external_packages is not True: imports of sqlalchemy, fastapi and "
                "crawling libraries (PXL102-PXL105) cannot be checked"
            )
        return warnings

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        # the rule selection of the table applies (preset, select, ignore; per-file-ignores do not:
        # a contract judges modules, not files)
        model = architecture_of(self.config)
        try:
            violations = [v for v in check_architecture(rerooted(graph), self.config) if model.enabled(v.code)]
        except ConfigError as error:  # a module matching two layers equally: broken, never a traceback
            return ContractCheck(kept=False, metadata={"violations": [], "error": str(error)})
        output.verbose_print(verbose, f"{len(violations)} layer-map violation(s).")
        metadata: dict[str, Any] = {"violations": violations}
        return ContractCheck(kept=not violations, metadata=metadata, warnings=self._warnings())

    def render_broken_contract(self, check: ContractCheck) -> None:
        violations: list[Violation] = check.metadata["violations"]
        if check.metadata.get("error"):
            output.print_error(f"invalid configuration: {check.metadata['error']}")
            return
        for violation in violations:
            head, *rest = violation.render().splitlines()
            output.print_error(f"- {head}")
            for line in rest:
                output.print_error(f"  {line}", bold=False)
            output.new_line()
        direct = sum(v.is_direct for v in violations)
        output.print_error(
            f"{direct} direct import(s) (also reported inline by flake8/pylint as PXL101-PXL105) "
            f"and {len(violations) - direct} indirect chain(s) through helper modules.",
            bold=False,
        )
