"""PostgreSQL or Redis down at start: scripts/check_stores.py (run by scripts/run.sh) says which, and stops."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import check_stores  # noqa: E402


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _scale_env(pg: int, rd: int) -> dict:
    return {
        "REFRAME_ACTIONS_URL": "http://127.0.0.1:1/webhook",
        "REFRAME_DB_HOST": "127.0.0.1",
        "REFRAME_DB_PORT": str(pg),
        "REFRAME_DB_NAME": "reframe",
        "REFRAME_DB_USER": "reframe",
        "REFRAME_DB_PASSWORD": "",
        "REFRAME_REDIS_HOST": "127.0.0.1",
        "REFRAME_REDIS_PORT": str(rd),
        "REFRAME_REDIS_DB": "0",
        "REFRAME_REDIS_PASSWORD": "",
        "REFRAME_REDIS_PREFIX": "reframe",
    }


def test_sqlite_needs_no_server():
    assert check_stores.main([str(ROOT / "endpoints.yml"), "--wait", "0"]) == 0


def test_the_scale_endpoints_name_both_stores():
    endpoints = check_stores.expand(__import__("yaml").safe_load((ROOT / "endpoints.scale.yml").read_text()), _scale_env(5432, 6379))
    assert [name for name, _, _ in check_stores.stores(endpoints)] == ["PostgreSQL tracker store", "Redis lock store"]


def test_an_unset_variable_is_named():
    with pytest.raises(KeyError, match="REFRAME_DB_HOST"):
        check_stores.expand({"url": "${REFRAME_DB_HOST}"}, {})


def test_both_stores_down_are_each_named_and_the_wait_is_bounded(capsys, monkeypatch):
    for k, v in _scale_env(_closed_port(), _closed_port()).items():
        monkeypatch.setenv(k, v)
    start = time.monotonic()
    assert check_stores.main([str(ROOT / "endpoints.scale.yml"), "--wait", "1.5"]) == 1
    took = time.monotonic() - start
    err = capsys.readouterr().err
    assert "PostgreSQL tracker store at 127.0.0.1:" in err and "Redis lock store at 127.0.0.1:" in err
    assert "not reachable after 1.5 s" in err
    assert took < 12


def test_run_sh_stops_with_a_clear_message_when_postgres_is_down(tmp_path):
    """What an operator sees: `make run` with the scale endpoints and no PostgreSQL exits, saying why."""
    env = dict(os.environ, **_scale_env(_closed_port(), _closed_port()))
    env.update(REFRAME_ENDPOINTS=str(ROOT / "endpoints.scale.yml"), REFRAME_STORE_WAIT="1", WEB_PORT="off", RASA_PORT="5705", ACTIONS_PORT="5755")
    start = time.monotonic()
    r = subprocess.run([str(ROOT / "scripts" / "run.sh")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "the PostgreSQL tracker store at 127.0.0.1:" in r.stderr and "is not reachable after 1 s" in r.stderr
    assert "Rasa on :5705" not in r.stdout  # no server was started
    assert time.monotonic() - start < 60
