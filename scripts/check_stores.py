#!/usr/bin/env python3
"""Before Rasa starts: are the tracker store and the lock store in the endpoints file reachable?

Rasa 3.6's SQLTrackerStore retries for ever while its database is down, so a server can hang at start
without saying why. scripts/run.sh calls this first: it tries each store for up to $REFRAME_STORE_WAIT
seconds (default 30), then says plainly which one is down and exits 1. SQLite and the in-memory stores
need no server and pass at once. Exit codes: 0 reachable, 1 not reachable, 2 the file could not be read.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import yaml

_VAR = re.compile(r"\$\{([^}]+)\}")


def expand(value: Any, env: Dict[str, str]) -> Any:
    """Fill ${VAR} the way Rasa does when it reads the file (an unset variable is an error)."""
    if isinstance(value, dict):
        return {k: expand(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [expand(v, env) for v in value]
    if isinstance(value, str):
        missing = [name for name in _VAR.findall(value) if name not in env]
        if missing:
            raise KeyError(f"environment variable {', '.join(missing)} is not set")
        return _VAR.sub(lambda m: env[m.group(1)], value)
    return value


def stores(endpoints: Dict[str, Any]) -> List[Tuple[str, str, Callable[[], None]]]:
    """(name, where, probe) for each store that needs a server; a probe raises when it cannot connect."""
    out: List[Tuple[str, str, Callable[[], None]]] = []
    tracker = endpoints.get("tracker_store") or {}
    if str(tracker.get("type", "")).lower() == "sql" and str(tracker.get("dialect", "sqlite")).lower().startswith("postgres"):
        host, port = str(tracker.get("url") or "localhost"), int(tracker.get("port") or 5432)

        def pg() -> None:
            import psycopg2

            psycopg2.connect(
                host=host,
                port=port,
                dbname=str(tracker.get("login_db") or tracker.get("db") or "rasa"),
                user=str(tracker.get("username") or "") or None,
                password=str(tracker.get("password") or "") or None,
                connect_timeout=3,
            ).close()

        out.append(("PostgreSQL tracker store", f"{host}:{port}", pg))
    lock = endpoints.get("lock_store") or {}
    kind = str(lock.get("type", ""))
    if kind.lower() == "redis" or kind.endswith("RedisLockStore"):  # Rasa's, or a subclass named by module path
        rhost, rport = str(lock.get("url") or "localhost"), int(lock.get("port") or 6379)

        def rd() -> None:
            import redis

            redis.StrictRedis(
                host=rhost,
                port=rport,
                db=int(lock.get("db") or 0),
                password=str(lock.get("password") or "") or None,
                socket_connect_timeout=3,
                socket_timeout=3,
            ).ping()

        out.append(("Redis lock store", f"{rhost}:{rport}", rd))
    return out


def wait_for(probe: Callable[[], None], seconds: float, pause: float = 1.0) -> str | None:
    """None once the probe succeeds, else the last error after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            probe()
            return None
        except Exception as e:  # any failure to connect is "not reachable yet"
            last = f"{type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}"
        if time.monotonic() >= deadline:
            return last
        time.sleep(pause)


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("endpoints", nargs="?", default=os.environ.get("REFRAME_ENDPOINTS", "endpoints.yml"))
    parser.add_argument("--wait", type=float, default=float(os.environ.get("REFRAME_STORE_WAIT", "30")))
    args = parser.parse_args(argv)
    try:
        endpoints = expand(yaml.safe_load(Path(args.endpoints).read_text(encoding="utf-8")) or {}, dict(os.environ))
    except (OSError, yaml.YAMLError, KeyError) as e:
        print(f"reframe: cannot read the endpoints file {args.endpoints}: {e}", file=sys.stderr)
        return 2
    failed = False
    for name, where, probe in stores(endpoints):
        error = wait_for(probe, args.wait)
        if error:
            failed = True
            print(
                f"reframe: the {name} at {where} is not reachable after {args.wait:g} s ({error}). "
                "Start it, or fix its settings in the endpoints file, then start Reframe again.",
                file=sys.stderr,
            )
        else:
            print(f"reframe: {name} at {where} is reachable")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
