#!/usr/bin/env bash
# The main job: lint the bundled backends and show the findings.
#   1. the reference backend (backend/, builder/) must be clean;
#   2. the legacy example (examples/legacy/) shows every rule of the catalog firing.
# Exit status: non-zero only if the reference backend is not clean or the linter fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
lint=.venv/bin/pixcrawler-lint

printf '\n== Reference backend: backend/ builder/ (expected: clean) ==\n'
"$lint" check backend builder

printf '\n== Legacy example: examples/legacy/ (expected: findings) ==\n'
set +e
"$lint" check examples/legacy
status=$?
set -e
if [ "$status" -ne 1 ]; then
    echo "unexpected exit status $status on the legacy example" >&2
    exit 1
fi
printf '\nSee docs/rules.md (or: %s explain PXL204) for what each code means and how to fix it.\n' "$lint"
