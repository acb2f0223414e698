"""Reframe as it runs at scale, for tests: PostgreSQL, Redis, nginx, several Rasa and action servers.

Every server is a child process in its own process group, on the port the caller gives, with its files
in a folder the caller gives (nginx and PostgreSQL need no system folders and no system service).

    ensure_packages()                                   # Debian's postgresql, redis-server, nginx
    pg = Postgres(tmp / "pg", 55432); pg.start()        # pg.env(): REFRAME_DB_*
    red = Redis(tmp / "redis", 56379); red.start()      # red.env(): REFRAME_REDIS_*
    actions = ActionServer(5455, env); actions.start(); actions.wait_ready(300)
    rasa = RasaServer(5405, ROOT / "endpoints.scale.yml", {**pg.env(), **red.env(), "REFRAME_ACTIONS_URL": ...})
    proxy = Nginx(tmp / "nginx", 58080, [5405, 5406], 58055, [5455, 5456]); proxy.start()
    proxy.served_by()                                   # which upstream answered each request (access log)

A client may send an `X-Reframe-Sender` header; nginx logs it (never the body), so `served_by()` can tell
which server answered which conversation.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import requests

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "reframe.tar.gz"
BIN = ROOT / ".venv" / "bin"
NGINX = Path("/usr/sbin/nginx")
REDIS_SERVER = Path("/usr/bin/redis-server")
RUNUSER = ["runuser", "-u", "postgres", "--"]
SENDER_HEADER = "X-Reframe-Sender"

# The same conventions as scripts/run.sh and tests/e2e_stack.py.
SERVER_ENV = {"TF_CPP_MIN_LOG_LEVEL": "3", "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


# ---- packages ------------------------------------------------------------------------------------


def _postgres_bin() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin that has both initdb and postgres."""
    found = [Path(d) for d in glob.glob("/usr/lib/postgresql/*/bin") if (Path(d) / "initdb").exists() and (Path(d) / "postgres").exists()]
    found.sort(key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0)
    return found[-1] if found else None


def _missing_packages() -> list[str]:
    checks = {"postgresql": _postgres_bin() is not None, "redis-server": REDIS_SERVER.exists(), "nginx": NGINX.exists()}
    return [package for package, present in checks.items() if not present]


def ensure_packages() -> None:
    """Install Debian's postgresql, redis-server and nginx if their binaries are missing (apt-get; sudo if not root).

    `apt-get update` runs only if the first install fails. Raises RuntimeError if they still cannot be had.
    Services are not started by this (Debian containers ship a policy-rc.d that forbids it; we start our own).
    """
    missing = _missing_packages()
    if not missing:
        return
    if os.geteuid() == 0:
        prefix = ["env", "DEBIAN_FRONTEND=noninteractive"]
    elif shutil.which("sudo"):
        prefix = ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive"]  # -n: fail rather than wait for a password
    else:
        raise RuntimeError(f"{', '.join(missing)} missing, not root and no sudo: install them with apt-get install {' '.join(missing)}")
    apt = [*prefix, "apt-get", "-o", "DPkg::Lock::Timeout=300", "-y", "-q"]
    install = [*apt, "install", "--no-install-recommends", *missing]
    errors = []
    for attempt in ("install", "update"):
        if attempt == "update":
            done = subprocess.run([*apt, "update"], capture_output=True, text=True, timeout=900)
            if done.returncode:
                errors.append(f"apt-get update: {done.stderr.strip()[-1500:]}")
        done = subprocess.run(install, capture_output=True, text=True, timeout=1800)
        if done.returncode == 0 and not _missing_packages():
            return
        errors.append(f"apt-get install ({attempt}): exit {done.returncode}: {done.stderr.strip()[-1500:]}")
    still = _missing_packages()
    raise RuntimeError(f"could not install {', '.join(still or missing)} with apt-get:\n" + "\n".join(errors))


# ---- processes -----------------------------------------------------------------------------------


class _Process:
    """A child in its own process group, with its output in a log file."""

    name = "process"

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None
        self._log: IO[bytes] | None = None

    def _spawn(self, cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
        if self.running():
            raise RuntimeError(f"{self.name} is already running (pid {self.proc.pid})")
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "ab")  # noqa: SIM115 (closed in _reap)
        self.proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def _signal_group(self, sig: int) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            pass

    def _reap(self, timeout: float) -> None:
        """Wait for the child; SIGKILL its whole group if it takes longer than timeout."""
        if self.proc is None:
            return
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self._signal_group(signal.SIGKILL)
            self.proc.wait(timeout=30)
        self._signal_group(signal.SIGKILL)  # anything the child left behind in its group
        self.proc = None
        if self._log:
            self._log.close()
            self._log = None

    def _terminate(self, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
        if self.running():
            self._signal_group(sig)
        self._reap(timeout)

    def pause(self) -> None:
        """SIGSTOP the group: the process hangs (a frozen server) until resume()."""
        self._signal_group(signal.SIGSTOP)

    def resume(self) -> None:
        self._signal_group(signal.SIGCONT)

    def kill(self) -> None:
        """SIGKILL the whole process group at once: a crash, no clean shutdown."""
        self._signal_group(signal.SIGKILL)
        self._reap(30)

    def _wait_until(self, check: Any, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode} before {what}:\n{self.log_tail()}")
            if check():
                return
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} not {what} within {timeout:.0f} s:\n{self.log_tail()}")


# ---- PostgreSQL ----------------------------------------------------------------------------------


class Postgres(_Process):
    """A private PostgreSQL on 127.0.0.1:port (trust auth on loopback) with database `reframe` owned by `reframe`.

    As root it runs as the `postgres` OS user (PostgreSQL refuses root). If that user cannot reach workdir (a
    pytest tmp_path lives under /tmp/pytest-of-root, mode 0700), the data goes to a private folder under /tmp
    instead (`data_root`), removed by stop() (kill() keeps it, so start() after a crash recovers the data).
    """

    name = "postgres"
    database = user = "reframe"

    def __init__(self, workdir: Path, port: int) -> None:
        self.workdir = Path(workdir)
        self.port = port
        self.workdir.mkdir(parents=True, exist_ok=True)
        super().__init__(self.workdir / "postgres.log")
        bindir = _postgres_bin()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): call ensure_packages()")
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        self.data_root = self.workdir
        self._private_root: Path | None = None

    @property
    def data_dir(self) -> Path:
        return self.data_root / "data"

    def _run_as(self) -> list[str]:
        return RUNUSER if self.as_root else []

    def _prepare_dirs(self) -> None:
        if not self.as_root:
            return
        shutil.chown(self.workdir, "postgres", "postgres")
        reachable = subprocess.run([*RUNUSER, "test", "-w", str(self.workdir)], capture_output=True, timeout=30).returncode == 0
        if reachable:
            self.data_root = self.workdir
        else:
            if self._private_root is None:
                self._private_root = Path(tempfile.mkdtemp(prefix="reframe-pg-"))
                shutil.chown(self._private_root, "postgres", "postgres")
            self.data_root = self._private_root

    def _postmaster_pid(self) -> int | None:
        try:
            return int((self.data_dir / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def start(self) -> None:
        self._prepare_dirs()
        stale = self._postmaster_pid()  # after kill(): wait until the dead postmaster is really gone (not even a zombie)
        deadline = time.monotonic() + 30
        while stale and Path(f"/proc/{stale}").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        if not (self.data_dir / "PG_VERSION").exists():
            cmd = [*self._run_as(), str(self.bindir / "initdb"), "-D", str(self.data_dir), "-U", "postgres"]
            cmd += ["--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--no-locale", "--no-sync"]
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
            if done.returncode:
                raise RuntimeError(f"initdb failed ({done.returncode}):\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}")
        cmd = [*self._run_as(), str(self.bindir / "postgres"), "-D", str(self.data_dir), "-p", str(self.port)]
        cmd += ["-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={self.data_root}", "-c", "max_connections=300"]
        self._spawn(cmd)
        self._wait_until(self.is_up, 120, "accepting connections")
        self._create_database()

    def _connect(self, user: str = "reframe", dbname: str = "reframe") -> Any:
        import psycopg2

        return psycopg2.connect(host="127.0.0.1", port=self.port, user=user, dbname=dbname, connect_timeout=3)

    def is_up(self) -> bool:
        try:
            self._connect("postgres", "postgres").close()
            return True
        except Exception:
            return False

    def _create_database(self) -> None:
        conn = self._connect("postgres", "postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (self.user,))
                if not cur.fetchone():
                    cur.execute(f"CREATE ROLE {self.user} LOGIN")
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.database,))
                if not cur.fetchone():
                    cur.execute(f"CREATE DATABASE {self.database} OWNER {self.user}")
        finally:
            conn.close()

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Rows of one query in database `reframe` as user `reframe`."""
        conn = self._connect()
        try:
            with conn.cursor() as cur:
                cur.execute(sql, params)
                return cur.fetchall() if cur.description else []
        finally:
            conn.close()

    def _has_events_table(self) -> bool:
        return self.query("SELECT to_regclass('public.events') IS NOT NULL")[0][0]

    def count_events(self, sender_id: str | None = None) -> int:
        """Rows in Rasa's `events` table (SQLTrackerStore), for one conversation or all; 0 before Rasa made the table."""
        if not self._has_events_table():
            return 0
        if sender_id is None:
            return self.query("SELECT count(*) FROM events")[0][0]
        return self.query("SELECT count(*) FROM events WHERE sender_id = %s", (sender_id,))[0][0]

    def events(self, sender_id: str) -> list[dict]:
        """One conversation's events as Rasa stored them, in the order Rasa reads them back (by id)."""
        if not self._has_events_table():
            return []
        rows = self.query("SELECT id, type_name, action_name, intent_name, data FROM events WHERE sender_id = %s ORDER BY id", (sender_id,))
        return [{"id": i, "type": t, "action": a, "intent": n, "data": json.loads(d)} for i, t, a, n, d in rows]

    def env(self) -> dict[str, str]:
        return {
            "REFRAME_DB_HOST": "127.0.0.1",
            "REFRAME_DB_PORT": str(self.port),
            "REFRAME_DB_NAME": self.database,
            "REFRAME_DB_USER": self.user,
            "REFRAME_DB_PASSWORD": "",  # trust auth on loopback
        }

    def kill(self) -> None:
        """SIGKILL the postmaster (a crash: no checkpoint, no clean shutdown), then whatever is left of its group.

        The postmaster goes first so that runuser, its parent, reaps it: a zombie postmaster would keep its PID
        alive and block the next start ("lock file postmaster.pid already exists")."""
        pid = self._postmaster_pid()
        if self.running() and pid:
            try:
                os.kill(pid, signal.SIGKILL)
                self.proc.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        super().kill()

    def stop(self) -> None:
        """Fast shutdown (pg_ctl stop -m fast), then remove the private data folder if one was made."""
        if self.running():
            cmd = [*self._run_as(), str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "stop", "-m", "fast", "-w", "-t", "60"]
            subprocess.run(cmd, capture_output=True, timeout=90)
        self._reap(60)
        if self._private_root is not None:
            shutil.rmtree(self._private_root, ignore_errors=True)
            self._private_root = None
            self.data_root = self.workdir


# ---- Redis ---------------------------------------------------------------------------------------


class Redis(_Process):
    """redis-server on 127.0.0.1:port, nothing written to disk (no RDB snapshots, no AOF)."""

    name = "redis"
    db = 1
    prefix = "reframe"

    def __init__(self, workdir: Path, port: int) -> None:
        self.workdir = Path(workdir)
        self.port = port
        self.workdir.mkdir(parents=True, exist_ok=True)
        super().__init__(self.workdir / "redis.log")

    def start(self) -> None:
        if not REDIS_SERVER.exists():
            raise RuntimeError(f"{REDIS_SERVER} is missing: call ensure_packages()")
        cmd = [str(REDIS_SERVER), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        cmd += ["--dir", str(self.workdir), "--daemonize", "no"]
        self._spawn(cmd)
        self._wait_until(self.is_up, 60, "answering PING")

    def _client(self) -> Any:
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, db=self.db, socket_timeout=3, socket_connect_timeout=3)

    def is_up(self) -> bool:
        try:
            return bool(self._client().ping())
        except Exception:
            return False

    def keys(self, pattern: str = "*") -> list[str]:
        """Keys in the lock store's database matching pattern (e.g. 'reframe:lock:*')."""
        return sorted(k.decode() for k in self._client().keys(pattern))

    def get(self, key: str) -> str | None:
        value = self._client().get(key)
        return value.decode() if value is not None else None

    def env(self) -> dict[str, str]:
        return {
            "REFRAME_REDIS_HOST": "127.0.0.1",
            "REFRAME_REDIS_PORT": str(self.port),
            "REFRAME_REDIS_DB": str(self.db),
            "REFRAME_REDIS_PASSWORD": "",  # none: redis-py sends no AUTH for an empty password
            "REFRAME_REDIS_PREFIX": self.prefix,
        }

    def stop(self) -> None:
        self._terminate(signal.SIGTERM, 30)


# ---- nginx ---------------------------------------------------------------------------------------

_NGINX_CONF = """\
# Written by tests/scale/services.py: round robin in front of the Rasa servers and the action servers.
worker_processes 1;
{user}pid {wd}/nginx.pid;
error_log {wd}/error.log warn;
events {{ worker_connections 1024; }}

http {{
    client_body_temp_path {wd}/tmp/client_body;
    proxy_temp_path {wd}/tmp/proxy;
    fastcgi_temp_path {wd}/tmp/fastcgi;
    uwsgi_temp_path {wd}/tmp/uwsgi;
    scgi_temp_path {wd}/tmp/scgi;
    client_body_buffer_size 1m;  # action calls carry the tracker: keep it in memory, not in a temp file

    # One JSON object a line; never the body (people's words stay out of the log).
    log_format upstreams escape=json '{{"time":"$time_iso8601","port":"$server_port","method":"$request_method",'
        '"uri":"$request_uri","status":"$status","upstream":"$upstream_addr","upstream_status":"$upstream_status",'
        '"request_time":"$request_time","upstream_time":"$upstream_response_time","sender":"$http_x_reframe_sender"}}';
    access_log {wd}/access.log upstreams;

    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}

    upstream rasa {{
{rasa_servers}
    }}
    # socket.io's long-polling handshake keeps its session in the server that made it: the same client must
    # stay on the same server, so this one is sticky (hash of the client address) rather than round robin.
    upstream rasa_socketio {{
        hash $remote_addr consistent;
{rasa_servers}
    }}
    upstream actions {{
{action_servers}
    }}

    # A dead server (connection refused, timeout, 502/503) is skipped and the request goes to the next one.
    # Never "non_idempotent": a POST the dead server may already have handled is not sent twice.
    proxy_next_upstream error timeout http_502 http_503;
    proxy_next_upstream_tries 0;
    proxy_connect_timeout 3s;
    proxy_read_timeout 180s;
    proxy_send_timeout 60s;
    proxy_http_version 1.1;
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;

    server {{
        listen 127.0.0.1:{listen};
        client_max_body_size 2m;
        location / {{
            proxy_pass http://rasa;
            proxy_set_header Connection "";
        }}
        location /socket.io {{
            proxy_pass http://rasa_socketio;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }}
    }}

    server {{
        listen 127.0.0.1:{actions_listen};
        # Rasa sends the whole tracker (the session, which here never expires) with every action call: about
        # 4 KB a message, so 2m would refuse a conversation's action calls after some 500 messages.
        client_max_body_size {actions_body};
        location / {{
            proxy_pass http://actions;
            proxy_set_header Connection "";
        }}
    }}
}}
"""


class Nginx(_Process):
    """nginx (Debian's) in front of the Rasa servers and the action servers, everything inside workdir."""

    name = "nginx"

    def __init__(
        self,
        workdir: Path,
        listen_port: int,
        upstream_ports: list[int],
        actions_listen_port: int,
        actions_upstream_ports: list[int],
        actions_body: str = "16m",
    ) -> None:
        self.workdir = Path(workdir)
        self.listen_port, self.upstream_ports = listen_port, list(upstream_ports)
        self.actions_listen_port, self.actions_upstream_ports = actions_listen_port, list(actions_upstream_ports)
        self.actions_body = actions_body
        self.workdir.mkdir(parents=True, exist_ok=True)
        super().__init__(self.workdir / "nginx.out")
        self.conf = self.workdir / "nginx.conf"
        self.access_log = self.workdir / "access.log"
        self.error_log = self.workdir / "error.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listen_port}"

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.actions_listen_port}/webhook"

    def write_config(self) -> Path:
        def servers(ports: list[int]) -> str:
            return "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in ports)

        tmp = self.workdir / "tmp"
        for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (tmp / sub).mkdir(parents=True, exist_ok=True)
        # As root, nginx's worker would drop to `nobody`, who cannot reach a folder under /tmp/pytest-of-root (0700)
        # for its temp files: keep the worker as root (it listens on 127.0.0.1 only).
        user = "user root root;\n" if os.geteuid() == 0 else ""
        self.conf.write_text(
            _NGINX_CONF.format(
                wd=self.workdir,
                user=user,
                listen=self.listen_port,
                actions_listen=self.actions_listen_port,
                rasa_servers=servers(self.upstream_ports),
                action_servers=servers(self.actions_upstream_ports),
                actions_body=self.actions_body,
            ),
            encoding="utf-8",
        )
        return self.conf

    def start(self) -> None:
        if not NGINX.exists():
            raise RuntimeError(f"{NGINX} is missing: call ensure_packages()")
        self.write_config()
        base = [str(NGINX), "-p", str(self.workdir), "-e", str(self.error_log), "-c", str(self.conf)]
        test = subprocess.run([*base, "-t"], capture_output=True, text=True, timeout=30)
        if test.returncode:
            raise RuntimeError(f"nginx -t failed:\n{test.stderr}")
        self._spawn([*base, "-g", "daemon off;"])
        self._wait_until(self.is_up, 30, "listening")

    def is_up(self) -> bool:
        import socket

        for port in (self.listen_port, self.actions_listen_port):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except OSError:
                return False
        return True

    def stop(self) -> None:
        self._terminate(signal.SIGQUIT, 30)  # graceful: finish the requests in flight

    def served_by(self, listen_port: int | None = None) -> list[dict]:
        """The access log: one dict a request with `upstream` (the server that answered, "host:port"),
        `upstreams` (every server tried, in order), `status`, `uri`, `port` (nginx's) and `sender` (the
        X-Reframe-Sender header, "" if none). listen_port filters by nginx's port (default: the Rasa one)."""
        port = str(listen_port or self.listen_port)
        entries = []
        try:
            lines = self.access_log.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []
        for line in lines:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if entry.get("port") != port:
                continue
            tried = [u.strip() for u in entry.get("upstream", "").replace(" : ", ", ").split(",") if u.strip()]
            entry["upstreams"] = tried
            entry["upstream"] = tried[-1] if tried else ""
            entries.append(entry)
        return entries


# ---- Rasa and the action server ------------------------------------------------------------------


def _server_env(env: dict[str, str]) -> dict[str, str]:
    merged = dict(os.environ)
    merged.setdefault("TF_CPP_MIN_LOG_LEVEL", SERVER_ENV["TF_CPP_MIN_LOG_LEVEL"])
    merged.update({k: v for k, v in SERVER_ENV.items() if k != "TF_CPP_MIN_LOG_LEVEL"})
    merged.update(env)
    return merged


class _HttpServer(_Process):
    health_path = "/"

    def __init__(self, port: int, env: dict[str, str], log_dir: Path | None) -> None:
        self.port = port
        self.env = dict(env)
        log_dir = Path(log_dir) if log_dir else Path(tempfile.gettempdir())
        super().__init__(log_dir / f"reframe-{self.name}-{port}.log")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> None:
        """Start in the background; wait_ready() waits for it."""
        self._spawn(self.command(), env=_server_env(self.env), cwd=ROOT)

    def is_up(self) -> bool:
        try:
            return requests.get(self.url + self.health_path, timeout=2).ok
        except requests.RequestException:
            return False

    def wait_ready(self, timeout: float = 300) -> None:
        self._wait_until(self.is_up, timeout, f"answering GET {self.health_path}")

    def stop(self) -> None:
        """SIGTERM (what a service manager sends), SIGKILL after 30 s."""
        self._terminate(signal.SIGTERM, 30)


class RasaServer(_HttpServer):
    """`rasa run` with the trained model, the given endpoints file and credentials.yml."""

    name = "rasa"
    health_path = "/"

    def __init__(self, port: int, endpoints: Path, env: dict[str, str], log_dir: Path | None = None, model: Path = MODEL) -> None:
        self.endpoints = Path(endpoints)
        self.model = Path(model)
        super().__init__(port, env, log_dir)

    def command(self) -> list[str]:
        return [
            str(BIN / "rasa"), "run", "--model", str(self.model), "--port", str(self.port),
            "--endpoints", str(self.endpoints), "--credentials", str(ROOT / "credentials.yml"),
        ]  # fmt: skip


class ActionServer(_HttpServer):
    """`rasa run actions` with the project's actions package."""

    name = "actions"
    health_path = "/health"

    def __init__(self, port: int, env: dict[str, str], log_dir: Path | None = None) -> None:
        super().__init__(port, env, log_dir)

    def command(self) -> list[str]:
        return [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(self.port)]
