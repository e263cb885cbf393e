"""``python -m pixcrawler_lint.cli``."""

from __future__ import annotations

import sys

from pixcrawler_lint.cli.main import main

sys.exit(main())
