"""Rasa's socket.io channel with the three things the web chat needs that the stock one lacks.

1. Only the configured page origins may connect. The stock channel turns Engine.IO's origin check off
   (`cors_allowed_origins=[]`), so any site could open a WebSocket to the assistant; browsers do not
   apply CORS to WebSockets, so the check has to happen here. Run Rasa with `--cors` set to the same
   origins for the HTTP headers (scripts/run.sh does).
2. History for a returning browser: on `session_request` with a known session id the channel sends
   `session_history`, the messages the tracker store holds, so a reload shows the real conversation.
   Clients that do not know the event (rasa-webchat) ignore it.
3. Bad payloads get a kind reply instead of an exception in the log and silence: a message that is not
   an object, metadata that is not JSON, a missing or huge session id.

Everything else (event names, `session_confirm`, rooms for `session_persistence`, JWT) behaves like
Rasa 3.6's `SocketIOInput`, so rasa-webchat 1.0.x works against it unchanged.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from typing import Any, Awaitable, Callable, Dict, List

import rasa.core.channels.channel
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

BAD_PAYLOAD = "Sorry, I couldn't read that message. Please type it again."
TOO_LONG = "That message is too long for me to read in one go. Could you send the part that matters most?"


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


class _Blueprint(SocketBlueprint):
    """Remembers the app it is registered on: the history handler needs the agent's tracker store."""

    def register(self, app: Sanic, options: Dict[str, Any]) -> None:  # noqa: D102
        self.ctx.app = app
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
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=list(self.origins))
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

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            returning = isinstance(session_id, str) and 0 < len(session_id) <= MAX_SESSION_ID
            if not returning:
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            if returning:
                await self._send_history(sio, bp, sid, session_id)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                await reply(sid, BAD_PAYLOAD)
                return
            text = data.get("message") or ""
            if len(text) > MAX_MESSAGE_CHARS:
                await reply(sid, TOO_LONG)
                return
            sender_id = sid
            if self.session_persistence:
                session_id = data.get("session_id")
                if isinstance(session_id, str) and 0 < len(session_id) <= MAX_SESSION_ID:
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
            await on_new_message(message)

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
