#!/usr/bin/env bash
# The whole test suite: installs everything into .venv (scripts/bootstrap.sh), then runs pytest.
# Extra arguments go to pytest (e.g. scripts/test.sh -k endpoints).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/python -m pytest -p no:cacheprovider -n "${PYTEST_WORKERS:-2}" --dist loadfile "$@"
