"""The scale tests: marker registration (pyproject.toml is not ours to edit) and the figures at the end of the run."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # tests/conftest.py does this too; kept so this folder also runs on its own
    sys.path.insert(0, str(ROOT))

REPORT = ROOT / "reports" / "scale.json"
_STARTED = time.time()


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "scale: starts PostgreSQL, Redis, nginx, two Rasa and two action servers (ports 5405-5456, 55432, 56379, 58055, 58080)"
    )


def pytest_collection_modifyitems(config, items) -> None:
    """Run only when asked for (`-m scale`): `make unit` selects `not e2e`, and this module takes minutes and fixed ports."""
    import pytest

    if "scale" in (config.getoption("markexpr", "") or ""):
        return
    skip = pytest.mark.skip(reason="scale test: run with -m scale (starts PostgreSQL, Redis, nginx and four servers)")
    for item in items:
        if "scale" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if REPORT.exists() and REPORT.stat().st_mtime >= _STARTED:  # written by this run
        terminalreporter.section("scale figures (reports/scale.json)")
        terminalreporter.write_line(json.dumps(json.loads(REPORT.read_text(encoding="utf-8")), indent=2))
