"""The REST channel's checks and answers (reframe_channels/rest.py) and the socket.io frame checks, without a server."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
from rasa.core.channels.channel import UserMessage

from reframe_channels.rest import (
    DEFAULT_SENDER,
    MAX_BODY_BYTES,
    BadRequest,
    ReframeRest,
    RestRequest,
    check_payload,
    json_kind,
    parse_body,
    read_request,
)
from reframe_channels.socketio import (
    MAX_MESSAGE_CHARS,
    TOO_LONG,
    UNAVAILABLE,
    clean_text,
    readable_event,
    readable_frame,
    readable_polling_body,
    usable_id,
)


def body(value: object) -> bytes:
    return json.dumps(value).encode()


def refused(raw: bytes) -> BadRequest:
    with pytest.raises(BadRequest) as e:
        read_request(raw)
    return e.value


# --- the body -----------------------------------------------------------------------------------------------------


def test_an_ordinary_request_reads_as_stock_rasa_reads_it():
    req = read_request(body({"sender": "me", "message": "You never listen", "metadata": {"lang": "en"}, "input_channel": "app"}))
    assert req == RestRequest(sender="me", message="You never listen", metadata={"lang": "en"}, input_channel="app")


def test_missing_sender_is_default_and_a_numeric_sender_is_its_digits():
    assert read_request(body({"message": "hi"})).sender == DEFAULT_SENDER == "default"
    assert read_request(body({"message": "hi", "sender": None})).sender == "default"
    assert read_request(body({"message": "hi", "sender": ""})).sender == "default"  # as stock
    assert read_request(body({"message": "hi", "sender": 42})).sender == "42"


def test_a_utf8_bom_and_any_content_type_are_fine():
    assert read_request(b"\xef\xbb\xbf" + body({"message": "hi"})).message == "hi"


BODIES = {
    "empty": (b"", 400, "empty"),
    "whitespace": (b"  \n ", 400, "empty"),
    "malformed JSON": (b'{"message": "zebra"', 400, "not valid JSON"),
    "form-encoded": (b"sender=zebra&message=zebra", 400, "not valid JSON"),
    "plain text": (b"zebra zebra", 400, "not valid JSON"),
    "not UTF-8": (b'{"message": "zebra\xe9"}', 400, "not UTF-8"),
    "nested 50,000 deep": (b"[" * 50_000 + b"]" * 50_000, 400, "nested too deeply"),
    "a 5,000-digit number": (b'{"message": ' + b"1" * 5000 + b"}", 400, "not valid JSON"),  # over Python's int digit limit
    "a JSON array": (body([{"message": "zebra"}]), 400, "not a JSON array"),
    "a JSON string": (body("zebra"), 400, "not a string"),
    "null": (b"null", 400, "not null"),
    "a number": (b"42", 400, "not a number"),
    "true": (b"true", 400, "not true or false"),
    "over 100 KB": (body({"message": "zebra" * (MAX_BODY_BYTES // 5)}), 413, "100 KB"),
}


@pytest.mark.parametrize("raw, status, says", BODIES.values(), ids=BODIES.keys())
def test_a_body_that_is_not_a_json_object_is_refused_with_what_to_send(raw, status, says):
    e = refused(raw)
    assert e.status == status and says in e.message
    if status == 400:
        assert "Content-Type: application/json" in e.message
    assert "zebra" not in e.message  # never quotes the body


def test_the_size_limit_is_on_the_body_not_the_message():
    assert read_request(body({"message": "a" * (MAX_BODY_BYTES - 100)})).message
    with pytest.raises(BadRequest):
        parse_body(b" " * (MAX_BODY_BYTES + 1))


# --- the fields ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload, says",
    [
        ({"sender": "me"}, '"message" is missing'),
        ({"message": None}, '"message" must be a string (the text the person typed), not null'),
        ({"message": 42}, "not a number"),
        ({"message": {"text": "hi"}}, "not a JSON object"),
        ({"message": ["hi"]}, "not a JSON array"),
        ({"message": True}, "not true or false"),
        ({"message": "hi", "sender": ["me"]}, '"sender" must be a string'),
        ({"message": "hi", "sender": True}, '"sender" must be a string'),
        ({"message": "hi", "sender": 1.5}, '"sender" must be a string'),
        ({"message": "hi", "sender": "   "}, '"sender" is blank'),
        ({"message": "hi", "sender": "x" * 129}, "129 characters long; the most is 128"),
        ({"message": "hi", "sender": "x" * 10_000}, "10,000 characters long"),
        ({"message": "hi", "sender": "me\x00"}, "control characters"),
        ({"message": "hi", "sender": "me\nyou"}, "control characters"),
        ({"message": "hi", "sender": "me\ud800"}, "control characters"),
        ({"message": "hi", "metadata": "lang=en"}, '"metadata" must be a JSON object'),
        ({"message": "hi", "metadata": [1]}, '"metadata" must be a JSON object'),
        ({"message": "hi", "input_channel": 3}, '"input_channel" must be a string'),
        ({"message": "hi", "input_channel": "x" * 200}, '"input_channel" must be a string'),
    ],
)
def test_a_wrong_field_is_named_in_a_400(payload, says):
    with pytest.raises(BadRequest) as e:
        check_payload(payload)
    assert e.value.status == 400 and says in e.value.message


def test_sender_of_128_characters_of_any_script_is_fine():
    assert check_payload({"message": "hi", "sender": "é" * 128}).sender == "é" * 128
    assert check_payload({"message": "hi", "sender": "محمد-42"}).sender == "محمد-42"


def test_null_metadata_and_input_channel_are_left_out():
    req = check_payload({"message": "hi", "metadata": None, "input_channel": ""})
    assert req.metadata is None and req.input_channel is None


def test_json_kind_reads_like_english():
    assert [json_kind(v) for v in (None, True, 1, 1.5, "s", [], {})] == [
        "null",
        "true or false",
        "a number",
        "a number",
        "a string",
        "a JSON array",
        "a JSON object",
    ]


# --- cleaning the message -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("You never\x00 listen", "You never listen"),
        ("a\x07b\x1bc\x7fd\x85e", "abcde"),  # C0, DEL and C1
        ("line one\nline two\ttabbed", "line one\nline two\ttabbed"),
        ("windows\r\nline", "windows\nline"),
        ("old mac\rline", "old mac\nline"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("🙂 ❤️ 👩‍👩‍👧 أنت לא 你 तुम \u200f", "🙂 ❤️ 👩‍👩‍👧 أنت לא 你 तुम \u200f"),  # emoji joiners and RTL marks stay
        ("", ""),
    ],
)
def test_control_characters_are_dropped_but_new_lines_tabs_and_scripts_stay(raw, clean):
    assert clean_text(raw) == clean
    assert check_payload({"message": raw}).message == clean


@pytest.mark.parametrize(
    "value, ok",
    [
        ("abc", True),
        ("a" * 128, True),
        ("a" * 129, False),
        ("", False),
        ("  ", False),
        ("a\x00", False),
        ("a\tb", False),
        (7, False),
        (None, False),
    ],
)
def test_usable_ids(value, ok):
    assert usable_id(value) is ok


# --- answers (the channel's own code, with a fake assistant) ------------------------------------------------------


class Writer:
    def __init__(self) -> None:
        self.lines: list[dict] = []

    async def write(self, data: str) -> None:
        self.lines += [json.loads(line) for line in data.splitlines() if line.strip()]


async def reframe(message: UserMessage) -> None:
    await message.output_channel.send_text_message(message.sender_id, f"heard: {message.text}")


async def store_down(message: UserMessage) -> None:
    raise ConnectionError(f"could not save the tracker for {message.text!r}")


def run_answer(handler, text: str = "You never listen", stream: bool = False):
    return asyncio.run(ReframeRest().answer(handler, text, "me", "rest", None, stream=stream))


def test_the_assistants_replies_come_back_as_stock():
    r = run_answer(reframe)
    assert r.status == 200 and json.loads(r.body) == [{"recipient_id": "me", "text": "heard: You never listen"}]


def test_a_failing_assistant_is_a_503_and_the_log_has_no_words(caplog):
    with caplog.at_level(logging.INFO):
        r = run_answer(store_down, "my secret words")
    assert r.status == 503 and json.loads(r.body) == {"error": UNAVAILABLE}
    assert "ConnectionError" in caplog.text and "store_down" in caplog.text
    assert "secret" not in caplog.text


def test_a_cancelled_answer_is_a_503():
    async def slow(message: UserMessage) -> None:
        raise asyncio.CancelledError

    assert run_answer(slow).status == 503


def test_a_message_over_the_limit_gets_the_kind_reply_and_never_reaches_the_assistant():
    called: list[str] = []

    async def spy(message: UserMessage) -> None:
        called.append(message.text)

    r = run_answer(spy, "a" * (MAX_MESSAGE_CHARS + 1))
    assert r.status == 200 and json.loads(r.body) == [{"recipient_id": "me", "text": TOO_LONG}]
    assert not called
    run_answer(spy, "a" * MAX_MESSAGE_CHARS)
    assert called == ["a" * MAX_MESSAGE_CHARS]


def test_streaming_writes_one_reply_per_line():
    async def go() -> Writer:
        r = await ReframeRest().answer(reframe, "You never listen", "me", "rest", None, stream=True)
        w = Writer()
        await r.streaming_fn(w)
        return w

    assert asyncio.run(go()).lines == [{"recipient_id": "me", "text": "heard: You never listen"}]


def test_a_failing_assistant_ends_the_stream_with_an_error_line_instead_of_hanging():
    async def go() -> Writer:
        r = await ReframeRest().answer(store_down, "You never listen", "me", "rest", None, stream=True)
        w = Writer()
        await asyncio.wait_for(r.streaming_fn(w), timeout=5)
        return w

    assert asyncio.run(go()).lines == [{"error": UNAVAILABLE}]


def test_a_too_long_message_is_streamed_as_one_line():
    async def go() -> Writer:
        r = await ReframeRest().answer(reframe, "a" * 30_000, "me", "rest", None, stream=True)
        w = Writer()
        await r.streaming_fn(w)
        return w

    assert asyncio.run(go()).lines == [{"recipient_id": "me", "text": TOO_LONG}]


def test_the_channel_keeps_the_stock_name_and_url():
    channel = ReframeRest.from_credentials(None)
    assert channel.name() == "rest" and channel.url_prefix() == "rest"
    bp = channel.blueprint(reframe)
    assert sorted(r.uri for r in bp._future_routes) == ["/", "/webhook"]


# --- the socket.io channel's frame checks (reframe_channels/socketio.py; tests/test_bad_input.py runs them live) ----


@pytest.mark.parametrize(
    "frame, ok",
    [
        ("2", True),
        ("3", True),
        ('42["user_uttered", {}]', True),
        ("b4AAE=", True),
        (b"\x00\x01", True),
        ("", False),
        ("9hello", False),
        ("hello", False),
        (None, False),
    ],
)
def test_readable_frame(frame, ok):
    assert readable_frame(frame) is ok


@pytest.mark.parametrize(
    "body, ok",
    [
        (b"", True),
        (b"40", True),
        (b'42["user_uttered",{"message":"hi"}]\x1e3', True),
        (b"9x", False),
        (b"x", False),
        (b"\xff", False),
        (b"4\x1e", False),
    ],
)
def test_readable_polling_body(body, ok):
    assert readable_polling_body(body) is ok


@pytest.mark.parametrize(
    "data, ok",
    [
        (["user_uttered", {}], True),
        (["session_request"], True),
        ([], False),
        ([42], False),
        ({}, False),
        ("user_uttered", False),
        (None, False),
    ],
)
def test_readable_event(data, ok):
    assert readable_event(data) is ok
