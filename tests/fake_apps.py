"""A local stand-in for the Slack, Telegram, Graph (Messenger) and Twilio APIs, for the offline messaging tests.

The servers under test reach it through tests/offline/sitecustomize.py, which sends
`https://<api host>/<path>` to `http://127.0.0.1:<port>/<api host>/<path>`. Every call is recorded, and
answered the way the real API answers, so the connectors' own client libraries accept the reply.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List
from urllib.parse import parse_qs, urlsplit

APP_OF_HOST = {"slack.com": "slack", "api.telegram.org": "telegram", "graph.facebook.com": "facebook", "api.twilio.com": "twilio"}


class FakeApps:
    """Records outgoing API calls; `calls(app)` lists them, `wait(...)` waits for one that matches."""

    def __init__(self) -> None:
        self._calls: List[Dict[str, Any]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> FakeApps:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()

    def calls(self, app: str | None = None) -> List[Dict[str, Any]]:
        with self._lock:
            return [c for c in self._calls if app is None or c["app"] == app]

    def wait(self, app: str, match: Callable[[Dict[str, Any]], bool], timeout: float = 60, since: int = 0) -> List[Dict[str, Any]]:
        """Calls to `app` (after the first `since`) once one matches; fails after `timeout` seconds."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = self.calls(app)[since:]
            if any(match(c) for c in found):
                time.sleep(0.5)  # let the rest of the same reply arrive
                return self.calls(app)[since:]
            time.sleep(0.2)
        raise AssertionError(f"no matching call to {app} within {timeout} s; got {json.dumps(self.calls(app)[since:])[:3000]}")

    def _record(self, call: Dict[str, Any]) -> None:
        with self._lock:
            self._calls.append(call)

    def _handler(self) -> type:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def _handle(self) -> None:
                parts = urlsplit(self.path)
                host, _, path = parts.path.lstrip("/").partition("/")
                path = "/" + path
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                ctype = self.headers.get("Content-Type", "")
                if "json" in ctype:
                    body: Any = json.loads(raw or b"{}")
                elif "urlencoded" in ctype:
                    body = {k: v[0] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}
                elif "multipart" in ctype:
                    body = _multipart(raw, ctype)
                else:
                    body = raw.decode(errors="replace")
                call = {"app": APP_OF_HOST.get(host, host), "method": self.command, "path": path,
                        "query": {k: v[0] for k, v in parse_qs(parts.query).items()}, "headers": dict(self.headers), "body": body}
                fake._record(call)
                status, reply = _answer(call)
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _multipart(raw: bytes, ctype: str) -> Dict[str, str]:
    boundary = ctype.split("boundary=", 1)[1].strip('"').encode()
    out: Dict[str, str] = {}
    for part in raw.split(b"--" + boundary):
        head, _, value = part.partition(b"\r\n\r\n")
        if b'name="' in head:
            name = head.split(b'name="', 1)[1].split(b'"', 1)[0].decode()
            out[name] = value.rstrip(b"\r\n").decode(errors="replace")
    return out


def _answer(call: Dict[str, Any]) -> tuple[int, Any]:
    app, path, body = call["app"], call["path"], call["body"] if isinstance(call["body"], dict) else {}
    now = int(time.time())
    if app == "slack":
        return 200, {"ok": True, "channel": body.get("channel"), "ts": f"{now}.000100", "message": {"text": body.get("text", "")}}
    if app == "telegram":
        method = path.rsplit("/", 1)[-1]
        if method == "getMe":
            return 200, {"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "Reframe", "username": "reframe_test_bot"}}
        if method in ("sendMessage",):
            chat = int(body.get("chat_id", 0))
            return 200, {"ok": True, "result": {"message_id": now, "date": now, "chat": {"id": chat, "type": "private"}, "text": body.get("text", "")}}
        return 200, {"ok": True, "result": True}
    if app == "facebook":
        return 200, {"recipient_id": (body.get("recipient") or {}).get("id"), "message_id": f"m_{now}"}
    if app == "twilio":
        return 201, {"sid": f"SM{now:032d}"[:34], "account_sid": path.split("/")[3] if path.count("/") > 3 else "",
                     "to": body.get("To"), "from": body.get("From"), "body": body.get("Body"), "status": "queued",
                     "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01",
                     "date_created": None, "date_updated": None, "date_sent": None, "uri": path}
    return 404, {"error": "unknown api"}
