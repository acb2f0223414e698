"""Bad input through every entry point gets a clear reply or a 4xx, never a 500, and the server keeps serving.

The REST channel (`reframe_channels/rest.py`) and the web chat's socket.io channel (`reframe_channels/socketio.py`),
against the real Rasa server, the real action server and the trained model. After every bad request another
person's ordinary message still gets its reframe. Ports: $BAD_INPUT_RASA_PORT / $BAD_INPUT_ACTIONS_PORT.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List

import pytest
import requests
from e2e_stack import MODEL, Servers

from reframe_channels.socketio import BAD_PAYLOAD, TOO_LONG

RASA_PORT = int(os.environ.get("BAD_INPUT_RASA_PORT", "5605"))
ACTIONS_PORT = int(os.environ.get("BAD_INPUT_ACTIONS_PORT", "5655"))
BASE = f"http://localhost:{RASA_PORT}"
URL = f"{BASE}/webhooks/rest/webhook"
ORIGIN = "http://localhost:8000"

NORMAL = "You make me so angry when you ignore my texts"
REFRAME = "When you ignore my texts, I feel angry."
EMPTY = "That message looks empty."
NOT_ENGLISH = "I can only work in English for now"
LONG = "That's a long message, so I worked with the first part of it."

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not MODEL.exists(), reason="train first: make train")]

STATUSES: List[int] = []  # every status the server answered in this module: no 500, ever


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    s = Servers(tmp_path_factory.mktemp("bad-input"), RASA_PORT, ACTIONS_PORT, REFRAME_CORS_ORIGINS=ORIGIN)
    s.start()
    yield s
    s.stop()


def new_user() -> str:
    return f"bad-{uuid.uuid4().hex[:8]}"


def post(**kwargs: Any) -> requests.Response:
    r = requests.post(URL, timeout=120, **kwargs)
    STATUSES.append(r.status_code)
    return r


def joined(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def assert_still_serving() -> None:
    """Another person's ordinary message still gets its reframe."""
    r = post(json={"sender": new_user(), "message": NORMAL})
    assert r.status_code == 200, r.text
    assert REFRAME in joined(r.json())


# --- REST ---------------------------------------------------------------------------------------------------------


@dataclass
class Rest:
    """One bad request: what to send (`sender` is filled in), the status we expect, and what the reply says."""

    name: str
    body: Any = None  # a JSON value (sent as JSON) ...
    raw: bytes | str | Dict[str, str] | None = None  # ... or the raw body (a dict is sent form-encoded)
    headers: Dict[str, str] = field(default_factory=dict)
    status: int = 200
    says: str = ""  # in the reply text (200) or in "error" (4xx)
    check: Callable[[Any], None] | None = None


def msg(text: Any) -> Dict[str, Any]:
    return {"sender": "SENDER", "message": text}


def no_markup(out: List[Dict[str, Any]]) -> None:
    assert "<script" not in joined(out) and "<img" not in joined(out)


REST_CASES = [
    Rest("empty message", msg(""), says=EMPTY),
    Rest("whitespace only", msg("  \n\t   \n "), says=EMPTY),
    Rest("10,000 characters", msg(("You never listen to me. " * 420)[:10_000]), says=LONG),
    Rest("25,000 characters", msg("You never listen to me. " * 1042), says=TOO_LONG),
    Rest("1 MB body", msg("a" * 1_000_000), status=413, says="100 KB"),
    Rest(
        "malformed JSON",
        raw='{"sender": "SENDER", "message": "hi"',
        headers={"Content-Type": "application/json"},
        status=400,
        says="not valid JSON",
    ),
    Rest("empty body", raw=b"", headers={"Content-Type": "application/json"}, status=400, says="empty"),
    Rest(
        "not UTF-8",
        raw=b'{"sender": "SENDER", "message": "caf\xe9"}',
        headers={"Content-Type": "application/json"},
        status=400,
        says="UTF-8",
    ),
    Rest(
        "text/plain",
        raw="You make me so angry when you ignore my texts",
        headers={"Content-Type": "text/plain"},
        status=400,
        says="not valid JSON",
    ),
    # curl -d without -H sends form-encoded: a JSON body is still read, as stock Rasa does.
    Rest("JSON sent as text/plain", raw=json.dumps(msg(NORMAL)), headers={"Content-Type": "text/plain"}, says=REFRAME),
    Rest("form-encoded", raw={"sender": "SENDER", "message": NORMAL}, status=400, says="not valid JSON"),
    Rest("a JSON array", [msg(NORMAL)], status=400, says="JSON object"),
    Rest("a JSON string", "You make me so angry", status=400, says="JSON object"),
    Rest("JSON null", raw="null", headers={"Content-Type": "application/json"}, status=400, says="JSON object"),
    Rest("message is a number", msg(42), status=400, says='"message" must be a string'),
    Rest("message is null", msg(None), status=400, says='"message" must be a string'),
    Rest("message is an object", msg({"text": NORMAL}), status=400, says='"message" must be a string'),
    Rest("message is a list", msg([NORMAL]), status=400, says='"message" must be a string'),
    Rest("message missing", {"sender": "SENDER"}, status=400, says='"message" is missing'),
    Rest("emoji only", msg("🙂🙂🙂😡😡"), says=EMPTY),
    Rest("Arabic", msg("أنت لا تستمع إلي أبدا"), says=NOT_ENGLISH),
    Rest("Hebrew", msg("אתה אף פעם לא מקשיב לי"), says=NOT_ENGLISH),
    Rest("Chinese", msg("你从来不听我说话"), says=NOT_ENGLISH),
    Rest("Hindi", msg("तुम कभी मेरी बात नहीं सुनते"), says=NOT_ENGLISH),
    Rest("control characters", msg("You make me so angry\x07 when you\x1b ignore my\x08 texts\r"), says=REFRAME),
    Rest("NUL bytes", msg("You make me so angry\x00 when you ignore my texts\x00"), says=REFRAME),
    Rest("only control characters", msg("\x00\x01\x02\x7f"), says=EMPTY),
    Rest(
        "a lone surrogate",
        raw='{"sender": "SENDER", "message": "You make me so angry when you ignore my texts\\ud800"}',
        headers={"Content-Type": "application/json"},
        says=REFRAME,
    ),
    Rest("HTML", msg("<img src=x onerror=alert(1)>"), says=EMPTY, check=no_markup),
    Rest("a script", msg("<script>alert('hi')</script>"), says=EMPTY, check=no_markup),
    Rest("blame inside HTML", msg("<b>You make me so angry when you ignore my texts</b>"), says=REFRAME, check=no_markup),
    Rest("missing sender", {"message": NORMAL}, says=REFRAME, check=lambda out: assert_recipient(out, "default")),
    Rest("sender of 10,000 characters", {"sender": "x" * 10_000, "message": NORMAL}, status=400, says="128"),
    Rest("sender of 129 characters", {"sender": "x" * 129, "message": NORMAL}, status=400, says="128"),
    Rest("sender is a list", {"sender": ["me"], "message": NORMAL}, status=400, says='"sender" must be a string'),
    Rest("sender is empty", {"sender": "", "message": NORMAL}, says=REFRAME, check=lambda out: assert_recipient(out, "default")),
    Rest("sender is blank", {"sender": "   ", "message": NORMAL}, status=400, says='"sender" is blank'),
    Rest("sender with a NUL", {"sender": "me\x00you", "message": NORMAL}, status=400, says="control characters"),
    Rest("metadata is a string", {"sender": "SENDER", "message": NORMAL, "metadata": "lang=en"}, status=400, says='"metadata"'),
]


def assert_recipient(out: List[Dict[str, Any]], recipient: str) -> None:
    assert out and all(m["recipient_id"] == recipient for m in out)


def fill(value: Any, sender: str) -> Any:
    if isinstance(value, dict):
        return {k: fill(v, sender) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, sender) for v in value]
    return sender if value == "SENDER" else value


def send(case: Rest, sender: str) -> requests.Response:
    if case.raw is not None:
        raw = case.raw.replace("SENDER", sender) if isinstance(case.raw, str) else case.raw
        raw = fill(raw, sender) if isinstance(raw, dict) else raw
        return post(data=raw, headers=case.headers)
    return post(data=json.dumps(fill(case.body, sender)), headers={"Content-Type": "application/json", **case.headers})


@pytest.mark.parametrize("case", REST_CASES, ids=[c.name for c in REST_CASES])
def test_rest_bad_input_gets_a_clear_answer_and_the_server_keeps_serving(servers, case):
    r = send(case, new_user())
    assert r.status_code == case.status, r.text[:500]
    assert r.headers["Content-Type"].startswith("application/json")
    if case.status == 200:
        out = r.json()
        assert isinstance(out, list) and out, r.text[:500]
        assert case.says in joined(out)
        assert "Traceback" not in r.text
    else:
        error = r.json()["error"]
        assert case.says in error, error
    if case.check:
        case.check(r.json())
    assert_still_serving()


def test_rest_sender_of_128_characters_is_fine(servers):
    sender = "é" * 128
    r = post(json={"sender": sender, "message": NORMAL})
    assert r.status_code == 200 and REFRAME in joined(r.json())
    assert_recipient(r.json(), sender)


def test_rest_numeric_sender_and_metadata_and_input_channel_work_as_stock(servers):
    sender = int(uuid.uuid4().int % 10**12)
    r = post(json={"sender": sender, "message": NORMAL, "metadata": {"lang": "en"}, "input_channel": "my_app"})
    assert r.status_code == 200 and REFRAME in joined(r.json())
    assert_recipient(r.json(), str(sender))
    tracker = requests.get(f"{BASE}/conversations/{sender}/tracker", timeout=30)
    if tracker.status_code == 200:  # the HTTP API is on only with --enable-api
        user = [e for e in tracker.json()["events"] if e["event"] == "user"][-1]
        assert user["input_channel"] == "my_app" and user["metadata"] == {"lang": "en"}


def test_rest_stream_still_streams(servers):
    r = requests.post(URL + "?stream=true", json={"sender": new_user(), "message": NORMAL}, timeout=120)
    STATUSES.append(r.status_code)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/event-stream")
    lines = [json.loads(line) for line in r.text.splitlines() if line.strip()]
    assert REFRAME in joined(lines)


def test_rest_too_long_is_streamed_too(servers):
    r = requests.post(URL + "?stream=true", json={"sender": new_user(), "message": "a" * 30_000}, timeout=120)
    STATUSES.append(r.status_code)
    assert r.status_code == 200
    assert [json.loads(line)["text"] for line in r.text.splitlines() if line.strip()] == [TOO_LONG]


# --- socket.io ----------------------------------------------------------------------------------------------------


class Chat:
    """One web chat connection over a WebSocket, speaking Engine.IO 4 / socket.io 5 directly.

    python-socketio's own AsyncClient cannot open WebSockets here (python-engineio 4.15 wants aiohttp >= 3.10, the
    venv has 3.9.5), and speaking the protocol directly also lets a test send frames no client library would.
    """

    def __init__(self) -> None:
        self.ws: Any = None
        self.events: List[tuple] = []
        self.closed = False
        self._reader: asyncio.Task | None = None

    async def open(self, session_id: Any = "fresh") -> str:
        """Connect, join the default namespace and (unless session_id is None) ask for a session."""
        import websockets

        url = f"ws://localhost:{RASA_PORT}/socket.io/?EIO=4&transport=websocket"
        self.ws = await websockets.connect(url, extra_headers={"Origin": ORIGIN}, max_size=None, open_timeout=30)
        assert (await self.ws.recv()).startswith("0")  # Engine.IO open
        await self.ws.send("40")  # socket.io connect
        assert (await self.ws.recv()).startswith("40")
        self._reader = asyncio.ensure_future(self._read())
        if session_id is None:
            return ""
        await self.emit("session_request", {"session_id": uuid.uuid4().hex if session_id == "fresh" else session_id})
        return (await self.next_event("session_confirm"))[0]

    async def _read(self) -> None:
        try:
            async for frame in self.ws:
                if frame == "2":
                    await self.ws.send("3")  # pong
                elif isinstance(frame, str) and frame.startswith("42"):
                    event, *args = json.loads(frame[2:])
                    self.events.append((event, args))
                elif isinstance(frame, str) and frame.startswith(("41", "1")):
                    break
        except Exception:  # noqa: BLE001 - a closed connection is what the caller checks
            pass
        self.closed = True

    async def emit(self, event: str, *args: Any) -> None:
        await self.send_frame("42" + json.dumps([event, *args]))

    async def send_frame(self, frame: str) -> None:
        await self.ws.send(frame)

    async def next_event(self, name: str, timeout: float = 60.0) -> list:
        await until(lambda: any(e == name for e, _ in self.events) or self.closed, timeout)
        for i, (event, args) in enumerate(self.events):
            if event == name:
                del self.events[i]
                return args
        raise AssertionError(f"the connection closed before {name}")

    async def say(self, *args: Any) -> str:
        """Emit user_uttered with `args` and return the text of the replies (waits for at least one)."""
        self.events = [e for e in self.events if e[0] != "bot_uttered"]
        await self.emit("user_uttered", *args)
        return await self.replies()

    async def replies(self) -> str:
        await until(lambda: any(e == "bot_uttered" for e, _ in self.events) or self.closed)
        await asyncio.sleep(1.0)  # the rest of the replies to this message
        texts = [args[0].get("text", "") for e, args in self.events if e == "bot_uttered"]
        assert texts, "no reply before the connection closed"
        return "\n".join(texts)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await self._reader




async def until(check: Callable[[], Any], timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out waiting for the server")


@dataclass
class Sock:
    name: str
    args: tuple  # what is emitted as user_uttered ("SESSION" is replaced by the session id) ...
    says: str
    frame: str | None = None  # ... or a raw socket.io frame


def sock_msg(text: Any) -> tuple:
    return ({"message": text, "session_id": "SESSION"},)


SOCKET_CASES = [
    Sock("empty message", sock_msg(""), EMPTY),
    Sock("whitespace only", sock_msg("  \n\t "), EMPTY),
    Sock("10,000 characters", sock_msg(("You never listen to me. " * 420)[:10_000]), LONG),
    Sock("25,000 characters", sock_msg("You never listen to me. " * 1042), TOO_LONG),
    Sock("1 MB message", sock_msg("a" * 1_048_576), TOO_LONG),
    Sock("a string instead of an object", ("You make me so angry",), BAD_PAYLOAD),
    Sock("a list instead of an object", ([NORMAL],), BAD_PAYLOAD),
    Sock("a number instead of an object", (42,), BAD_PAYLOAD),
    Sock("null instead of an object", (None,), BAD_PAYLOAD),
    Sock("no argument", (), BAD_PAYLOAD),
    Sock("two arguments", ({"message": NORMAL, "session_id": "SESSION"}, "extra"), BAD_PAYLOAD),
    Sock("message is a number", sock_msg(42), BAD_PAYLOAD),
    Sock("message is null", sock_msg(None), BAD_PAYLOAD),
    Sock("message is an object", sock_msg({"text": NORMAL}), BAD_PAYLOAD),
    Sock("message is a list", sock_msg([NORMAL]), BAD_PAYLOAD),
    Sock("emoji only", sock_msg("🙂🙂🙂😡"), EMPTY),
    Sock("Arabic", sock_msg("أنت لا تستمع إلي أبدا"), NOT_ENGLISH),
    Sock("Hebrew", sock_msg("אתה אף פעם לא מקשיב לי"), NOT_ENGLISH),
    Sock("Chinese", sock_msg("你从来不听我说话"), NOT_ENGLISH),
    Sock("Hindi", sock_msg("तुम कभी मेरी बात नहीं सुनते"), NOT_ENGLISH),
    Sock("control characters", sock_msg("You make me so angry\x07 when you\x1b ignore my\x08 texts"), REFRAME),
    Sock("NUL bytes", sock_msg("You make me so angry\x00 when you ignore my texts\x00"), REFRAME),
    Sock("a lone surrogate", sock_msg("You make me so angry when you ignore my texts\ud800"), REFRAME),
    Sock("HTML", sock_msg("<img src=x onerror=alert(1)>"), EMPTY),
    Sock("a script", sock_msg("<script>alert('hi')</script>"), EMPTY),
    Sock("missing session id", ({"message": NORMAL},), REFRAME),
    Sock("session id of 10,000 characters", ({"message": NORMAL, "session_id": "x" * 10_000},), REFRAME),
    Sock("session id with a NUL", ({"message": NORMAL, "session_id": "abc\x00def"},), REFRAME),
    Sock("session id is a number", ({"message": NORMAL, "session_id": 12345},), REFRAME),
    Sock("metadata is not JSON", ({"message": NORMAL, "session_id": "SESSION", "customData": "{not json"},), REFRAME),
    Sock("metadata is a list", ({"message": NORMAL, "session_id": "SESSION", "customData": [1, 2]},), REFRAME),
]


def with_session(value: Any, session: str) -> Any:
    if isinstance(value, dict):
        return {k: with_session(v, session) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(with_session(v, session) for v in value)
    return session if value == "SESSION" else value


async def assert_socket_still_serving(chat: Chat, session: str) -> None:
    """The same connection still works (in a fresh conversation: the bad one may be waiting for a feeling), and
    so does someone else's."""
    assert not chat.closed
    await chat.emit("session_request", {"session_id": uuid.uuid4().hex})
    fresh = (await chat.next_event("session_confirm"))[0]
    assert REFRAME in await chat.say({"message": NORMAL, "session_id": fresh})
    await assert_fresh_chat_works()


async def socket_case(case: Sock) -> None:
    chat = Chat()
    try:
        session = await chat.open()
        text = await chat.say(*with_session(case.args, session))
        assert case.says in text, text[:500]
        assert "<script" not in text and "<img" not in text
        await assert_socket_still_serving(chat, session)
    finally:
        await chat.close()


@pytest.mark.parametrize("case", SOCKET_CASES, ids=[c.name for c in SOCKET_CASES])
def test_socketio_bad_payload_gets_a_kind_reply_and_the_socket_keeps_working(servers, case):
    asyncio.run(socket_case(case))


SESSION_REQUESTS = {
    "no argument": (),
    "a string": ("just a string",),
    "a list": ([1, 2],),
    "10,000 characters": ({"session_id": "x" * 10_000},),
    "a NUL": ({"session_id": "a\x00b"},),
    "empty": ({"session_id": ""},),
    "a number": ({"session_id": 7},),
    "two arguments": ({"session_id": "abc"}, "extra"),
}


async def session_request_case(args: tuple) -> None:
    chat = Chat()
    try:
        await chat.open(session_id=None)
        await chat.emit("session_request", *args)
        session = (await chat.next_event("session_confirm"))[0]
        if args and isinstance(args[0], dict) and args[0].get("session_id") == "abc":
            assert session == "abc"  # a usable id is kept; the extra argument is ignored
        else:
            assert isinstance(session, str) and len(session) == 32  # a fresh id
        await assert_socket_still_serving(chat, session)
    finally:
        await chat.close()


@pytest.mark.parametrize("args", SESSION_REQUESTS.values(), ids=SESSION_REQUESTS.keys())
def test_socketio_bad_session_request_gets_a_session_all_the_same(servers, args):
    asyncio.run(session_request_case(args))


MALFORMED_FRAMES = {
    "not JSON": '42["user_uttered", {not json',
    "an object instead of [name, ...]": '42{"message": "hi"}',
    "an empty event": "42[]",
    "null event": "42null",
    "a string event": '42"user_uttered"',
    "an event that is not a string": '42[42, {"message": "hi"}]',
    "an unknown event": '42["no_such_event", {"message": "hi"}]',
    "an unknown socket.io packet type": '49["user_uttered"]',
    "an unknown Engine.IO packet type": "9hello",
    "not Engine.IO at all": "hello",
    "an empty frame": "",
}


async def malformed_frame_case(frame: str) -> None:
    """A frame no client would send: the server may drop that connection, but it never stops serving."""
    chat = Chat()
    try:
        session = await chat.open()
        await chat.send_frame(frame)
        await asyncio.sleep(1.0)
        if not chat.closed:
            assert REFRAME in await chat.say({"message": NORMAL, "session_id": session})
        await assert_fresh_chat_works()
    finally:
        await chat.close()


@pytest.mark.parametrize("frame", MALFORMED_FRAMES.values(), ids=MALFORMED_FRAMES.keys())
def test_socketio_malformed_frames_never_stop_the_server(servers, frame):
    asyncio.run(malformed_frame_case(frame))


def polling_session() -> str:
    """Open a long-polling Engine.IO session by hand and join the default namespace; returns its sid."""
    r = requests.get(f"{BASE}/socket.io/?EIO=4&transport=polling", headers={"Origin": ORIGIN}, timeout=30)
    STATUSES.append(r.status_code)
    assert r.status_code == 200 and r.text.startswith("0"), r.text[:200]
    sid = json.loads(r.text[1:])["sid"]
    r = requests.post(f"{BASE}/socket.io/?EIO=4&transport=polling&sid={sid}", data="40", headers={"Origin": ORIGIN}, timeout=30)
    STATUSES.append(r.status_code)
    assert r.status_code == 200
    return sid


MALFORMED_POLLING_BODIES = {
    "an unknown Engine.IO packet type": b"9hello",
    "not Engine.IO at all": b"hello",
    "not UTF-8": b'42["user_uttered", "caf\xe9"]',
    "an empty packet among others": b'42["user_uttered", "hi"]\x1e',
}


@pytest.mark.parametrize("raw", MALFORMED_POLLING_BODIES.values(), ids=MALFORMED_POLLING_BODIES.keys())
def test_socketio_malformed_polling_bodies_are_a_400(servers, raw):
    sid = polling_session()
    r = requests.post(f"{BASE}/socket.io/?EIO=4&transport=polling&sid={sid}", data=raw, headers={"Origin": ORIGIN}, timeout=30)
    STATUSES.append(r.status_code)
    assert r.status_code == 400, r.text[:200]
    asyncio.run(assert_fresh_chat_works())


BAD_HANDSHAKES = {
    "an old protocol": ("GET", "EIO=3&transport=polling", 400),
    "an unknown transport": ("GET", "EIO=4&transport=carrier-pigeon", 400),
    "an unknown session": ("GET", "EIO=4&transport=polling&sid=no-such-session", 400),
    "a POST to an unknown session": ("POST", "EIO=4&transport=polling&sid=no-such-session", 400),
    "a session id of 10,000 characters": ("POST", "EIO=4&transport=polling&sid=" + "x" * 10_000, 413),  # Sanic: URL over 8 KB
}


@pytest.mark.parametrize("method, query, status", BAD_HANDSHAKES.values(), ids=BAD_HANDSHAKES.keys())
def test_socketio_bad_handshakes_are_a_4xx(servers, method, query, status):
    r = requests.request(
        method, f"{BASE}/socket.io/?{query}", data="40" if method == "POST" else None, headers={"Origin": ORIGIN}, timeout=30
    )
    STATUSES.append(r.status_code)
    assert r.status_code == status, r.text[:200]


async def assert_fresh_chat_works() -> None:
    chat = Chat()
    try:
        session = await chat.open()
        assert REFRAME in await chat.say({"message": NORMAL, "session_id": session})
    finally:
        await chat.close()


def polling_client() -> Any:
    import socketio

    return socketio.AsyncClient(reconnection=False)


async def polling_case(payload: Any, says: str) -> None:
    """The same through HTTP long-polling (what socket.io-client starts with), with python-socketio's client."""
    sio = polling_client()
    replies: List[dict] = []
    confirmed: List[str] = []
    sio.on("bot_uttered", replies.append)
    sio.on("session_confirm", confirmed.append)
    await sio.connect(BASE, headers={"Origin": ORIGIN}, transports=["polling"], socketio_path="/socket.io")
    try:
        await sio.emit("session_request", {"session_id": uuid.uuid4().hex})
        await until(lambda: confirmed)
        await sio.emit("user_uttered", with_session(payload, confirmed[0]))
        await until(lambda: replies)
        assert says in replies[0]["text"]
        replies.clear()
        await sio.emit("user_uttered", {"message": NORMAL, "session_id": confirmed[0]})
        await until(lambda: any(REFRAME in r.get("text", "") for r in replies))
    finally:
        await sio.disconnect()


POLLING_CASES = {
    "1 MB message": ({"message": "a" * 1_048_576, "session_id": "SESSION"}, TOO_LONG),
    "message is bytes": ({"message": b"You never listen", "session_id": "SESSION"}, BAD_PAYLOAD),
    "a string": ("You make me so angry", BAD_PAYLOAD),
    "control characters": ({"message": "You make me so angry\x00 when you\x07 ignore my texts", "session_id": "SESSION"}, REFRAME),
}


@pytest.mark.parametrize("payload, says", POLLING_CASES.values(), ids=POLLING_CASES.keys())
def test_socketio_over_polling(servers, payload, says):
    asyncio.run(polling_case(payload, says))


async def oversize_websocket() -> None:
    big = Chat()
    try:
        session = await big.open()
        try:
            await big.emit("user_uttered", {"message": "a" * 5_000_000, "session_id": session})
        except Exception:  # noqa: BLE001 - the close may arrive while the frame is still being sent
            pass
        await until(lambda: big.closed, timeout=30)
        await assert_fresh_chat_works()
    finally:
        await big.close()


async def oversize_polling() -> None:
    sio = polling_client()
    await sio.connect(BASE, headers={"Origin": ORIGIN}, transports=["polling"], socketio_path="/socket.io")
    try:
        await sio.emit("user_uttered", {"message": "a" * 5_000_000})
        await until(lambda: not sio.connected, timeout=30)
    finally:
        await sio.disconnect()
    chat = Chat()
    try:
        session = await chat.open()
        assert REFRAME in await chat.say({"message": NORMAL, "session_id": session})
    finally:
        await chat.close()


@pytest.mark.parametrize("run", [oversize_websocket, oversize_polling], ids=["websocket", "polling"])
def test_socketio_a_packet_over_2_mb_closes_only_that_connection(servers, run):
    """Above the packet limit the transport itself closes that one connection; everyone else carries on."""
    asyncio.run(run())


# --- the assistant itself failing --------------------------------------------------------------------------------


class tracker_store_locked:
    """Hold an exclusive lock on the SQLite tracker store: Rasa's reads and writes fail after its busy timeout."""

    def __init__(self, servers: Servers) -> None:
        self.path = servers.workdir / "tracker.db"

    def __enter__(self) -> None:
        import sqlite3

        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.execute("BEGIN EXCLUSIVE")

    def __exit__(self, *exc: Any) -> None:
        self.db.execute("ROLLBACK")
        self.db.close()


SECRET = "zebracorn"  # in the messages sent while the store is down: it must not reach the log


def test_rest_tracker_store_down_is_a_503_then_it_recovers(servers):
    with tracker_store_locked(servers):
        r = post(json={"sender": new_user(), "message": f"{NORMAL} {SECRET}"})
    assert r.status_code == 503, r.text[:500]
    assert r.json() == {"error": "Reframe can't answer right now. Please try again in a moment."}
    assert_still_serving()


def test_socketio_tracker_store_down_gets_a_kind_reply_then_it_recovers(servers):
    async def run() -> None:
        chat = Chat()
        try:
            session = await chat.open()
            with tracker_store_locked(servers):
                text = await chat.say({"message": f"{NORMAL} {SECRET}", "session_id": session})
            assert "Reframe can't answer right now" in text
            await assert_socket_still_serving(chat, session)
        finally:
            await chat.close()

    asyncio.run(run())


# --- afterwards ---------------------------------------------------------------------------------------------------


# Sanic's own trace when it writes to a websocket the client has already closed (seen once in 2026-12-02's fresh-clone
# runs, in sanic/response.py, after the test's socket.io client hung up): not a crash of ours and nothing a user sees,
# so it alone is ignored. Any other traceback still fails the test.
_SANIC_CLOSED_WEBSOCKET = re.compile(
    r"Exception occurred while handling uri: 'ws://[^\n]*\nTraceback \(most recent call last\):\n(?:[ \t][^\n]*\n)+"
    r"AttributeError: 'NoneType' object has no attribute 'is_closing'\n"
)


def test_no_500_and_no_traceback_after_all_of_it(servers):
    assert_still_serving()
    # 503 only from the two tests that take the tracker store down on purpose.
    assert STATUSES and all(s < 500 or s == 503 for s in STATUSES) and STATUSES.count(503) == 1, sorted(set(STATUSES))
    log = _SANIC_CLOSED_WEBSOCKET.sub("", servers.log_path.read_text(errors="ignore"))
    assert "Traceback" not in log, log[log.find("Traceback") - 2000 : log.find("Traceback") + 3000]
    for sign in ("Exception occurred while handling uri", "500 Internal Server Error", "handler error", "Unknown receive error", SECRET):
        assert sign not in log, sign
