"""Serve the Reframe chat page on $WEB_PORT (default 8000): the page, the widget bundle, and its settings.

Standard library only, so it starts in well under a second and stays up when Rasa is down (the widget
then says the assistant can't be reached, instead of the page failing to load). Only the files listed
in ROUTES are served: no directory listing, nothing else from the repository.

The page gets a Content-Security-Policy: scripts only from this server plus the page's own inline
init script (allowed by hash), connections only to this server and the Rasa server. The widget never
builds HTML from message text anyway; the policy is a second lock on the same door.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "web"
ROUTES = {
    "/": (WEB / "index.html", "text/html; charset=utf-8"),
    "/index.html": (WEB / "index.html", "text/html; charset=utf-8"),
    "/embed.html": (WEB / "embed.html", "text/html; charset=utf-8"),
    "/reframe-widget.js": (WEB / "dist" / "reframe-widget.js", "text/javascript; charset=utf-8"),
}
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def server_url() -> str:
    """Where the browser finds Rasa: $REFRAME_SERVER_URL, else localhost on $RASA_PORT."""
    url = os.environ.get("REFRAME_SERVER_URL") or f"http://localhost:{os.environ.get('RASA_PORT', '5005')}"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SystemExit(f"REFRAME_SERVER_URL must be an http(s) URL, got {url!r}")
    return url.rstrip("/")


def csp_for(html: str, rasa: str) -> str:
    """A policy that allows exactly the page's inline scripts (by hash) and the Rasa server."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'" for body in INLINE_SCRIPT.findall(html)
    )
    parts = urlsplit(rasa)
    ws = ("wss://" if parts.scheme == "https" else "ws://") + parts.netloc
    return (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        f"connect-src 'self' {rasa} {ws}; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'"
    )


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD for the listed routes; everything else is 404 or 405."""

    server_version = "reframe-web"
    rasa = "http://localhost:5005"

    def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = urlsplit(self.path).path
        if path == "/healthz":
            self._send(200, b'{"status":"ok"}', "application/json")
            return
        if path == "/favicon.ico":
            self._send(204, b"", "image/x-icon")
            return
        if path == "/config.js":
            body = f"window.REFRAME_SERVER_URL = {json.dumps(self.rasa)};\n".encode()
            self._send(200, body, "text/javascript; charset=utf-8")
            return
        route = ROUTES.get(path)
        if route is None or not route[0].is_file():
            hint = " (run `make web` to build the widget)" if route else ""
            self._send(404, f"Not found{hint}\n".encode(), "text/plain; charset=utf-8")
            return
        file, ctype = route
        body = file.read_bytes()
        extra = {}
        if ctype.startswith("text/html"):
            extra["Content-Security-Policy"] = csp_for(body.decode("utf-8"), self.rasa)
        self._send(200, body, ctype, extra)

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"Method not allowed\n", "text/plain; charset=utf-8", {"Allow": "GET, HEAD"})

    do_PUT = do_DELETE = do_PATCH = do_POST

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from http.server
        if os.environ.get("REFRAME_WEB_LOG"):
            super().log_message(format, *args)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=int(os.environ.get("WEB_PORT", "8000")))
    ap.add_argument("--host", default=os.environ.get("WEB_HOST", "127.0.0.1"))
    args = ap.parse_args(argv)
    Handler.rasa = server_url()
    if not ROUTES["/reframe-widget.js"][0].is_file():
        print("reframe: web/dist/reframe-widget.js is missing; run `make web`", file=sys.stderr)
        return 2
    httpd = ThreadingHTTPServer((args.host, args.port), Handler)
    print(f"reframe: chat page on http://localhost:{args.port}/ (talks to {Handler.rasa})", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
