#!/usr/bin/env python3
"""`make run-messaging`: switch on each messaging app whose settings are in the environment, then `make run`.

Writes `$REFRAME_RUN_DIR/credentials.messaging.yml` (default `.run/`, git-ignored) with `${VAR}` placeholders
only, prints one line per app (on, or off and why), and hands over to scripts/run.sh with that file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reframe_channels import setup  # noqa: E402


def main() -> int:
    template = Path(os.environ.get("REFRAME_MESSAGING_TEMPLATE", ROOT / "credentials.messaging.yml"))
    base = Path(os.environ.get("REFRAME_CREDENTIALS", ROOT / "credentials.yml"))
    run_dir = Path(os.environ.get("REFRAME_RUN_DIR", ROOT / ".run"))
    choices, text = setup.plan(template.read_text(encoding="utf-8"), base.read_text(encoding="utf-8"), os.environ)
    for line in setup.summary(choices):
        print(line, flush=True)
    if not any(c.on for c in choices):
        print("messaging: no app has all its settings, so there is nothing to switch on (see docs/messaging.md)", file=sys.stderr)
        return 2
    run_dir.mkdir(parents=True, exist_ok=True)
    path = run_dir / "credentials.messaging.yml"
    path.write_text(text, encoding="utf-8")
    env = dict(os.environ, REFRAME_CREDENTIALS=str(path))
    run = str(ROOT / "scripts" / "run.sh")
    os.execve(run, [run], env)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
