"""Rasa's REST channel with the request checked before the assistant sees it.

Same URL (`POST /webhooks/rest/webhook`), same body (`sender`, `message`, optional `metadata` and `input_channel`),
same replies and the same `?stream=true`. What stock Rasa 3.6 got wrong, and what this channel does instead:

- a body that is not a JSON object (a JSON array or string, `null`, malformed JSON, form fields, an empty body)
  was a 500 (`'list' object has no attribute 'get'`); now a 400 with `{"error": "..."}` saying what to send;
- a `message` that is not a string, or `metadata` that is not an object, failed inside Rasa and came back as
  200 `[]` with the person's words and a long traceback in the log; now a 400 saying which field is wrong;
- a body over 100 KB is refused with a 413 (a person's message is a few hundred bytes; stock ran the NLU over
  a 1 MB message for 12 s), and a message over 20,000 characters gets the kind "too long" reply the web chat
  gives, without running the NLU over it;
- control characters (except new lines and tabs) and lone surrogates are dropped from the message (a lone
  surrogate crashed spaCy); a sender id must be 1 to 128 printable characters (Rasa's SQL tracker store
  column is VARCHAR(255), and only SQLite lets a longer one through);
- when the assistant fails (the tracker store is down, say) the answer is a 503 that says to try again, and
  the log gets the exception type and where it happened, never the person's words (stock logged them).

The checks are pure functions (`read_request`), so they are tested without a server (tests/test_rest_channel.py).
"""

from __future__ import annotations

import asyncio
import json
import logging
from asyncio import CancelledError, Queue
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.constants import DEFAULT_SENDER_ID
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from reframe_channels.socketio import MAX_MESSAGE_CHARS, MAX_SESSION_ID, TOO_LONG, UNAVAILABLE, clean_text, failure_summary, has_control

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 100 * 1024
MAX_SENDER_CHARS = MAX_SESSION_ID
DEFAULT_SENDER = DEFAULT_SENDER_ID  # "default": what stock Rasa uses when there is no sender
EXAMPLE = '{"sender": "a-conversation-id", "message": "You never listen to me"}'
_SEND = f"Send a JSON object like {EXAMPLE} with Content-Type: application/json."


class BadRequest(ValueError):
    """A request we answer with `status` and `{"error": message}`; the message never quotes the body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class RestRequest:
    """A checked request: what the stock channel would have read from the body, cleaned."""

    sender: str
    message: str
    metadata: Dict[str, Any] | None = None
    input_channel: str | None = None


def json_kind(value: Any) -> str:
    """How a JSON value reads in an error message: 'a JSON array', 'a number', …"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a JSON array"
    if isinstance(value, dict):
        return "a JSON object"
    return type(value).__name__


def parse_body(body: bytes) -> Dict[str, Any]:
    """The body as a JSON object, or BadRequest (413 when too big, else 400). Any Content-Type, like stock."""
    if len(body) > MAX_BODY_BYTES:
        raise BadRequest(
            413,
            f"The request body is {len(body) / 1024:,.0f} KB; this webhook accepts up to 100 KB. "
            "Send one message at a time (messages over 20,000 characters get a short reply asking for the main part).",
        )
    if not body.strip():
        raise BadRequest(400, f"The request body is empty. {_SEND}")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BadRequest(400, f"The request body is not UTF-8 text (a bad byte at position {e.start}). {_SEND}") from None
    try:
        value = json.loads(text)
    except RecursionError:
        raise BadRequest(400, f"The request body is JSON nested too deeply to read. {_SEND}") from None
    except ValueError as e:
        where = f" ({e.msg} at line {e.lineno}, column {e.colno})" if isinstance(e, json.JSONDecodeError) else ""
        raise BadRequest(400, f"The request body is not valid JSON{where}. {_SEND}") from None
    if not isinstance(value, dict):
        raise BadRequest(400, f"The request body must be a JSON object, not {json_kind(value)}. {_SEND}")
    return value


def check_payload(payload: Dict[str, Any]) -> RestRequest:
    """The fields of a JSON object body, checked; BadRequest (400) names the field that is wrong."""
    if "message" not in payload:
        raise BadRequest(400, f'"message" is missing: add the text the person typed, as a string. {_SEND}')
    message = payload["message"]
    if not isinstance(message, str):
        raise BadRequest(400, f'"message" must be a string (the text the person typed), not {json_kind(message)}.')

    sender = payload.get("sender")
    if sender is None or sender == "":
        sender = DEFAULT_SENDER  # stock Rasa answers both as "default"
    elif isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)  # stock Rasa accepts numeric ids as their digits
    if not isinstance(sender, str):
        raise BadRequest(400, f'"sender" must be a string (one id per conversation), not {json_kind(sender)}.')
    if not sender.strip():
        raise BadRequest(400, '"sender" is blank: send an id for the conversation, or leave "sender" out to use "default".')
    if len(sender) > MAX_SENDER_CHARS:
        raise BadRequest(
            400, f'"sender" is {len(sender):,} characters long; the most is {MAX_SENDER_CHARS}. A UUID (36 characters) works well.'
        )
    if has_control(sender):
        raise BadRequest(400, '"sender" contains control characters (new lines, tabs or NUL, say); use printable characters only.')

    metadata = payload.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest(400, f'"metadata" must be a JSON object (or left out), not {json_kind(metadata)}.')

    input_channel = payload.get("input_channel")
    if input_channel is not None and not (isinstance(input_channel, str) and len(input_channel) <= MAX_SENDER_CHARS):
        raise BadRequest(400, f'"input_channel" must be a string of up to {MAX_SENDER_CHARS} characters (or left out).')

    return RestRequest(sender=sender, message=clean_text(message), metadata=metadata, input_channel=input_channel or None)


def read_request(body: bytes) -> RestRequest:
    """The checked request from a raw body, or BadRequest with the status and the error to send."""
    return check_payload(parse_body(body))


def too_long_reply(sender: str) -> List[Dict[str, Any]]:
    """What a message over MAX_MESSAGE_CHARS gets instead of the assistant's answer (as the web chat does)."""
    return [{"recipient_id": sender, "text": TOO_LONG}]


def error_body(message: str) -> Dict[str, str]:
    return {"error": message}


class ReframeRest(RestInput):
    """`POST /webhooks/rest/webhook` with the body checked first (see the module docstring)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    # The stock extractors read `request.json`; ours read the checked request.
    async def _extract_sender(self, req: Request) -> str | None:
        return req.ctx.reframe.sender

    def _extract_message(self, req: Request) -> str | None:
        return req.ctx.reframe.message

    def _extract_input_channel(self, req: Request) -> str:
        return req.ctx.reframe.input_channel or self.name()

    def get_metadata(self, request: Request) -> Dict[str, Any] | None:
        return request.ctx.reframe.metadata

    def stream_response(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[None]],
        text: str,
        sender_id: str,
        input_channel: str,
        metadata: Dict[str, Any] | None,
    ) -> Callable[[Any], Awaitable[None]]:
        """Stock streaming (one JSON reply per line), plus an error line if the assistant fails.

        Stock waited forever for the end of a stream whose assistant had failed.
        """

        async def stream(resp: Any) -> None:
            q: Queue = Queue()

            async def run() -> None:
                try:
                    await self.on_message_wrapper(on_new_message, text, q, sender_id, input_channel, metadata)
                except Exception as e:  # noqa: BLE001 - reported on the stream, the status is already sent
                    logger.error("rest: the assistant could not answer a streamed message (%s)", failure_summary(e))
                    q.put_nowait(error_body(UNAVAILABLE))
                    q.put_nowait("DONE")
                except CancelledError:
                    q.put_nowait("DONE")
                    raise

            task = asyncio.ensure_future(run())
            while True:
                result = await q.get()
                if result == "DONE":
                    break
                await resp.write(json.dumps(result) + "\n")
            await task

        return stream

    async def answer(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender_id: str,
        input_channel: str,
        metadata: Dict[str, Any] | None,
        stream: bool = False,
    ) -> HTTPResponse | ResponseStream:
        """The reply to a checked request: the assistant's messages, TOO_LONG, or a 503 if the assistant fails."""
        if len(text) > MAX_MESSAGE_CHARS:
            replies = too_long_reply(sender_id)
            if stream:

                async def write(resp: Any) -> None:
                    for reply in replies:
                        await resp.write(json.dumps(reply) + "\n")

                return response.stream(write, content_type="text/event-stream")
            return response.json(replies)
        if stream:
            return response.stream(
                self.stream_response(on_new_message, text, sender_id, input_channel, metadata), content_type="text/event-stream"
            )
        collector = CollectingOutputChannel()
        try:
            await on_new_message(UserMessage(text, collector, sender_id, input_channel=input_channel, metadata=metadata))
        except CancelledError:
            logger.error("rest: the assistant took too long to answer a message; answered 503")
            return response.json(error_body(UNAVAILABLE), status=503)
        except Exception as e:  # noqa: BLE001 - a 503 the client can retry, not a 500 with the words in the log
            logger.error("rest: the assistant could not answer a message (%s); answered 503", failure_summary(e))
            return response.json(error_body(UNAVAILABLE), status=503)
        return response.json(collector.messages)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        """The stock endpoints (`GET /`, `POST /webhook`), with the body checked before the assistant sees it."""
        bp = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse | ResponseStream:
            try:
                request.ctx.reframe = read_request(request.body or b"")
            except BadRequest as e:
                logger.info("rest: answered %s to a request it could not use: %s", e.status, e.message)
                return response.json(error_body(e.message), status=e.status)
            return await self.answer(
                on_new_message,
                self._extract_message(request) or "",
                await self._extract_sender(request) or DEFAULT_SENDER,
                self._extract_input_channel(request),
                self.get_metadata(request),
                stream=rasa.utils.endpoints.bool_arg(request, "stream", default=False),
            )

        return bp
