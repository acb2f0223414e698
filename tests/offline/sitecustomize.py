"""Loaded only by the servers the messaging tests start (PYTHONPATH=tests/offline): nothing leaves the machine.

- Calls to the four apps' APIs (Slack, Telegram, Graph, Twilio) go to the local fake in $REFRAME_FAKE_APPS
  instead, as `http://127.0.0.1:PORT/<host>/<path>`; the connectors' own code builds and sends them unchanged.
- Any other connection or name lookup outside loopback is refused and written to $REFRAME_FAKE_APPS_BLOCKED,
  which the tests read to prove that no request tried to leave.
"""

import os

FAKE = os.environ.get("REFRAME_FAKE_APPS", "").rstrip("/")
if FAKE:
    import ipaddress
    import socket
    from urllib.parse import urlsplit

    APIS = {"slack.com", "api.telegram.org", "graph.facebook.com", "api.twilio.com"}
    BLOCKED = os.environ.get("REFRAME_FAKE_APPS_BLOCKED", "")

    def _record(what: str) -> None:
        if BLOCKED:
            with open(BLOCKED, "a", encoding="utf-8") as f:
                f.write(what + "\n")

    def _rewrite(url: str) -> str:
        parts = urlsplit(url)
        if parts.hostname in APIS:
            return f"{FAKE}/{parts.hostname}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        return url

    def _local(host: object) -> bool:
        if host in (None, "", "localhost"):
            return True
        try:
            return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
        except ValueError:
            return False

    _connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def connect(self, address):  # noqa: ANN001, ANN201
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            _record(f"connect {address[0]}:{address[1]}")
            raise ConnectionRefusedError(f"offline test: no connection to {address[0]}")
        return _connect(self, address)

    def connect_ex(self, address):  # noqa: ANN001, ANN201
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            _record(f"connect {address[0]}:{address[1]}")
            return 111
        return _connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):  # noqa: ANN001, ANN201
        name = host.decode() if isinstance(host, bytes) else host
        if not _local(name):
            _record(f"lookup {name}")
            raise socket.gaierror(socket.EAI_NONAME, f"offline test: no lookup of {name}")
        return _getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo

    try:
        import requests

        _send = requests.Session.send

        def send(self, request, **kwargs):  # noqa: ANN001, ANN201
            request.url = _rewrite(request.url)
            return _send(self, request, **kwargs)

        requests.Session.send = send
    except ImportError:
        pass

    try:
        import aiohttp

        _request = aiohttp.ClientSession._request

        async def _patched(self, method, str_or_url, *args, **kwargs):  # noqa: ANN001, ANN202
            return await _request(self, method, _rewrite(str(str_or_url)), *args, **kwargs)

        aiohttp.ClientSession._request = _patched
    except ImportError:
        pass
