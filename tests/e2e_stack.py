"""The real servers for end-to-end tests: scripts/run.sh in the background, exactly as `make run` starts it.

Each test module gets its own ports and a SQLite tracker store in a temporary folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "reframe.tar.gz"


class Servers:
    """Rasa, the action server and (unless web_port is None) the chat page."""

    def __init__(
        self, workdir: Path, rasa_port: int, actions_port: int, web_port: int | None = None, command: str = "run.sh", **env: str
    ) -> None:
        self.workdir = workdir
        self.command = command
        self.rasa_port, self.actions_port, self.web_port = rasa_port, actions_port, web_port
        self.endpoints = workdir / "endpoints.yml"
        self.endpoints.write_text(
            f'action_endpoint:\n  url: "http://localhost:{actions_port}/webhook"\n'
            f'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "{workdir / "tracker.db"}"\n',
            encoding="utf-8",
        )
        self.env = env
        self.proc: subprocess.Popen | None = None
        self.log_path = workdir / "servers.log"
        self.log = open(self.log_path, "ab")  # noqa: SIM115

    def start(self) -> None:
        env = dict(
            os.environ,
            RASA_PORT=str(self.rasa_port),
            ACTIONS_PORT=str(self.actions_port),
            WEB_PORT=str(self.web_port) if self.web_port else "off",
            REFRAME_ENDPOINTS=str(self.endpoints),
            **self.env,
        )
        self.proc = subprocess.Popen(
            [str(ROOT / "scripts" / self.command)], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        urls = [f"http://localhost:{self.rasa_port}/", f"http://localhost:{self.actions_port}/health"]
        if self.web_port:
            urls.append(f"http://localhost:{self.web_port}/healthz")
        deadline = time.time() + 240
        while time.time() < deadline:
            assert self.proc.poll() is None, self.log_path.read_text(errors="ignore")[-3000:]
            try:
                if all(requests.get(u, timeout=2).ok for u in urls):
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        raise AssertionError("servers did not start within 240 s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # what a service manager sends
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                raise
        self.proc = None
