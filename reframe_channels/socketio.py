"""Rasa's socket.io channel with the three things the web chat needs that the stock one lacks.

1. Only the configured page origins may connect. The stock channel turns Engine.IO's origin check off
   (`cors_allowed_origins=[]`), so any site could open a WebSocket to the assistant; browsers do not
   apply CORS to WebSockets, so the check has to happen here. Run Rasa with `--cors` set to the same
   origins for the HTTP headers (scripts/run.sh does).
2. History for a returning browser: on `session_request` with a known session id the channel sends
   `session_history`, the messages the tracker store holds, so a reload shows the real conversation.
   Clients that do not know the event (rasa-webchat) ignore it.
3. Bad payloads get a kind reply instead of an exception in the log and silence: a message that is not
   an object or not a string, too many or no arguments, metadata that is not JSON, a missing, huge or
   non-printable session id, a message of up to 2 MB (stock: over 1 MB closed the connection). Control
   characters (except new lines and tabs) and lone surrogates are dropped before the NLU sees the text
   (a lone surrogate crashed spaCy). If the assistant itself fails, the person is told to try again.
   Frames no client sends (not Engine.IO, JSON that does not parse, an event that is not `[name, ...]`)
   are dropped with a one-line warning instead of a traceback.

Everything else (event names, `session_confirm`, rooms for `session_persistence`, JWT) behaves like
Rasa 3.6's `SocketIOInput`, so rasa-webchat 1.0.x works against it unchanged.
"""

from __future__ import annotations

import json
import logging
import os
import re
import traceback
import uuid
from typing import Any, Awaitable, Callable, Dict, List

import engineio
import rasa.core.channels.channel
from engineio import packet as eio_packet
from engineio import payload as eio_payload
from engineio.async_drivers.sanic import WebSocket as SanicWebSocket
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from reframe_channels.history import messages_from_events

logger = logging.getLogger(__name__)

DEFAULT_ORIGINS = ["http://localhost:8000", "http://127.0.0.1:8000"]
MAX_SESSION_ID = 128
MAX_MESSAGE_CHARS = 20_000  # the NLU guard answers anything over 10,000 kindly; this only stops abuse
# The largest socket.io packet accepted (Engine.IO's max_http_buffer_size for polling, Sanic's WEBSOCKET_MAX_SIZE
# for WebSockets; both default to 1 MB). A 1 MB message then gets TOO_LONG instead of a closed connection; a bigger
# packet still closes that one connection, which the widget reopens by itself.
MAX_PACKET_BYTES = 2 * 1024 * 1024

BAD_PAYLOAD = "Sorry, I couldn't read that message. Please type it again."
TOO_LONG = "That message is too long for me to read in one go. Could you send the part that matters most?"
UNAVAILABLE = "Reframe can't answer right now. Please try again in a moment."

# C0 and C1 control characters except tab and new line, and lone UTF-16 surrogates (valid in JSON, not in UTF-8).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> str:
    """The text with control characters dropped: new lines (\\r\\n and \\r become \\n) and tabs are kept."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def has_control(text: str) -> bool:
    """Whether `text` holds a character `clean_text` would drop, or a tab or new line (never fine in an id)."""
    return bool(_CONTROL.search(text)) or "\n" in text or "\t" in text or "\r" in text


def usable_id(value: Any, limit: int = MAX_SESSION_ID) -> bool:
    """A session or sender id we can store and send back: a string of 1 to `limit` printable characters."""
    return isinstance(value, str) and 0 < len(value) <= limit and bool(value.strip()) and not has_control(value)


def failure_summary(error: BaseException) -> str:
    """`TypeName at file.py:123 in function`: enough to find a failure, with none of the person's words."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    last = frames[-1]
    return f"{type(error).__name__} at {os.path.basename(last.filename)}:{last.lineno} in {last.name}"


def allowed_origins(configured: Any | None) -> List[str]:
    """Origins allowed to open the socket: $REFRAME_CORS_ORIGINS, else credentials, else localhost:8000.

    Space- or comma-separated, the same variable `scripts/run.sh` passes to `rasa run --cors`.
    """
    raw: Any = os.environ.get("REFRAME_CORS_ORIGINS") or configured
    if not raw:
        return list(DEFAULT_ORIGINS)
    if isinstance(raw, str):
        raw = raw.replace(",", " ").split()
    origins = [str(o).strip().rstrip("/") for o in raw if str(o).strip()]
    if "*" in origins:
        raise ValueError("REFRAME_CORS_ORIGINS must list page origins; '*' would let any site talk to the assistant")
    return origins


_EIO_TYPES = frozenset(str(i) for i in range(len(eio_packet.packet_names))) | {"b"}  # "b": base64 binary


def readable_frame(frame: Any) -> bool:
    """Whether a WebSocket frame is an Engine.IO packet (binary frames are attachments and always are)."""
    return isinstance(frame, bytes) or (isinstance(frame, str) and frame[:1] in _EIO_TYPES)


def readable_polling_body(body: bytes) -> bool:
    """Whether a long-polling POST body is UTF-8 Engine.IO packets that python-engineio can take."""
    try:
        packets = eio_payload.Payload(encoded_payload=body.decode("utf-8")).packets
    except (UnicodeDecodeError, ValueError, IndexError):
        return False
    return all(isinstance(p.packet_type, int) and 0 <= p.packet_type < len(eio_packet.packet_names) for p in packets)


def readable_event(data: Any) -> bool:
    """Whether a socket.io EVENT's data is `[name, *args]` with a string name, as every client sends."""
    return isinstance(data, list) and bool(data) and isinstance(data[0], str)


class _CheckedWebSocket(SanicWebSocket):
    """python-engineio's Sanic WebSocket; a frame that is not Engine.IO ends that one connection quietly.

    Unchecked, an empty frame raised out of the handler (a traceback, and Sanic's 500 path) and an unknown
    packet type logged a traceback on every frame.
    """

    async def wait(self) -> Any:  # noqa: D102
        frame = await super().wait()
        if not readable_frame(frame):
            logger.warning("socket.io: closed a WebSocket that sent a frame that is not Engine.IO")
            return None  # what python-engineio reads as "closed by the client"
        return frame


class _EngineIO(engineio.AsyncServer):
    """python-engineio's server with the two transports' raw input checked before it is decoded."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._async = dict(self._async, websocket=_CheckedWebSocket)

    async def handle_request(self, *args: Any, **kwargs: Any) -> Any:  # noqa: D102
        request = args[0] if args else None
        if getattr(request, "method", "") == "POST" and not readable_polling_body(request.body or b""):
            logger.warning("socket.io: refused a long-polling POST that is not Engine.IO (400)")
            return response.json({"error": "This is not an Engine.IO payload."}, status=400)
        return await super().handle_request(*args, **kwargs)


class _Server(AsyncServer):
    """python-socketio's server; a packet it cannot decode is logged in one line and dropped."""

    def _engineio_server_class(self) -> type:
        return _EngineIO

    async def _handle_eio_message(self, eio_sid: str, data: Any) -> None:
        try:
            await super()._handle_eio_message(eio_sid, data)
        except ValueError as e:  # malformed JSON or an unknown socket.io packet type
            logger.warning("socket.io: dropped a packet it could not read (%s)", type(e).__name__)

    async def _handle_event(self, eio_sid: str, namespace: str | None, id: int | None, data: Any) -> None:
        if not readable_event(data):
            logger.warning("socket.io: dropped an event that is not [name, ...]")
            return
        await super()._handle_event(eio_sid, namespace, id, data)


class _Blueprint(SocketBlueprint):
    """Remembers the app it is registered on: the history handler needs the agent's tracker store."""

    def register(self, app: Sanic, options: Dict[str, Any]) -> None:  # noqa: D102
        self.ctx.app = app
        # Read when the server starts, after the channels are registered; only ever raised, never lowered.
        app.config.WEBSOCKET_MAX_SIZE = max(int(app.config.get("WEBSOCKET_MAX_SIZE") or 0), MAX_PACKET_BYTES)
        super().register(app, options)


class ReframeSocketIO(SocketIOInput):
    """socket.io for the Reframe web chat (see the module docstring for what differs from stock)."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> ReframeSocketIO:
        channel = super().from_credentials(credentials)
        assert isinstance(channel, ReframeSocketIO)
        channel.origins = allowed_origins((credentials or {}).get("cors_allowed_origins"))
        return channel

    origins: List[str] = DEFAULT_ORIGINS

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The stock blueprint's events, with an origin check, history and payload checks."""
        sio = _Server(async_mode="sanic", cors_allowed_origins=list(self.origins), max_http_buffer_size=MAX_PACKET_BYTES)
        # Engine.IO checks the Origin of every request (WebSocket included) against the list, but the
        # CORS headers themselves come from Rasa's `--cors` (same list, see scripts/run.sh): with both,
        # a browser gets Access-Control-Allow-Origin twice and refuses the polling transport.
        sio.eio._cors_headers = lambda environ: []  # python-engineio 4.x, pinned through python-socketio 5.8.0
        bp = _Blueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio
        logger.info("socket.io accepts pages from: %s", ", ".join(self.origins))

        async def reply(sid: str, text: str) -> None:
            await sio.emit(self.bot_message_evt, {"text": text}, room=sid, namespace=self.namespace)

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: Dict, auth: Dict | None) -> bool:
            if not self.jwt_key:
                return True
            token = auth.get("token") if isinstance(auth, dict) else None
            payload = rasa.core.channels.channel.decode_bearer_token(token, self.jwt_key, self.jwt_algorithm) if token else None
            return bool(payload)

        # Handlers take any number of arguments: python-socketio calls them with whatever the client emitted,
        # and a wrong count would be a TypeError in the log and no answer.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any = None, *_: Any) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            returning = usable_id(session_id)
            if not returning:
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            if returning:
                await self._send_history(sio, bp, sid, session_id)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any = None, *extra: Any) -> None:
            if extra or not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                await reply(sid, BAD_PAYLOAD)
                return
            text = clean_text(data.get("message") or "")
            if len(text) > MAX_MESSAGE_CHARS:
                await reply(sid, TOO_LONG)
                return
            sender_id = sid
            if self.session_persistence:
                session_id = data.get("session_id")
                if usable_id(session_id):
                    sender_id = session_id
                else:
                    # Stock Rasa drops such a message silently; answering on the socket loses nothing.
                    logger.warning("socket.io message without a usable session_id; answering on the socket only")
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            message = UserMessage(
                text,
                SocketIOOutput(sio, self.bot_message_evt),
                sender_id,
                input_channel=self.name(),
                metadata=metadata,
            )
            try:
                await on_new_message(message)
            except Exception as e:  # noqa: BLE001 - e.g. the tracker store is down: say so, keep the socket
                logger.error("socket.io: the assistant could not answer a message (%s)", failure_summary(e))
                await reply(sid, UNAVAILABLE)

        return bp

    async def _send_history(self, sio: AsyncServer, bp: _Blueprint, sid: str, session_id: str) -> None:
        """Send what the tracker store holds for this session; a failure here never blocks the chat."""
        try:
            app = getattr(bp.ctx, "app", None)
            agent = getattr(app.ctx, "agent", None) if app else None
            if agent is None or agent.tracker_store is None:
                return
            tracker = await agent.tracker_store.retrieve_full_tracker(session_id)
            if tracker is None:
                messages: List[Dict[str, Any]] = []
            else:
                messages = messages_from_events(e.as_dict() for e in tracker.events)
            await sio.emit("session_history", {"session_id": session_id, "messages": messages}, room=sid, namespace=self.namespace)
        except Exception:  # noqa: BLE001 - the live chat matters more than the replay
            logger.exception("could not load history for a returning session")
