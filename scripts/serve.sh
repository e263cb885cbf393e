#!/usr/bin/env bash
# Serves the reference backend with one command: installs the environment (scripts/bootstrap.sh)
# and runs uvicorn. SQLite under ./data by default; tables are created on startup.
#   DATABASE_URL=postgresql+asyncpg://user:pass@localhost/pixcrawler scripts/serve.sh
#   HOST=0.0.0.0 PORT=8080 scripts/serve.sh        (defaults: 127.0.0.1:8000)
# Extra arguments go to uvicorn, e.g. scripts/serve.sh --reload
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python -m uvicorn backend.main:app --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" "$@"
