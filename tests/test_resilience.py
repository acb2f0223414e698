"""A custom action that fails (action server down, erroring or slow) still gets the person an answer.

Runs Rasa's own RemoteAction against a closed port, a server that answers 500, and one that is too slow,
with the fallback from reframe_nlu/resilience.py installed (as the model's guard component installs it).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, FollowupAction, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from reframe_nlu import resilience

resilience.install()
DOMAIN = Domain.from_yaml("version: '3.1'\nactions:\n  - action_analyse_blame\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server(status: int, delay: float = 0.0, body: bytes = b'{"events": [], "responses": []}') -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            time.sleep(delay)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/webhook"


@contextlib.contextmanager
def _serving(status: int, delay: float = 0.0, body: bytes = b'{"events": [], "responses": []}') -> Iterator[str]:
    """An action server answering `status` (after `delay` s) while the block runs; yields its URL."""
    server, url = _server(status, delay, body)
    try:
        yield url
    finally:
        server.shutdown()


def _tracker(text: str, intent: str = "blame", extra: list | None = None) -> DialogueStateTracker:
    events = [ActionExecuted("action_listen"), UserUttered(text, {"name": intent, "confidence": 1.0}), *(extra or [])]
    return DialogueStateTracker.from_events("someone", events)


def _run(url: str, tracker: DialogueStateTracker) -> tuple[list, list]:
    out = CollectingOutputChannel()
    events = asyncio.new_event_loop().run_until_complete(
        RemoteAction("action_analyse_blame", EndpointConfig(url)).run(out, TemplatedNaturalLanguageGenerator(DOMAIN.responses), tracker, DOMAIN)
    )
    # What the person sees: the processor sends every BotUttered an action returns.
    return events, [e.text for e in events if isinstance(e, BotUttered)]


def test_action_server_down_gets_one_apology_and_the_conversation_waits_for_the_next_message():
    events, said = _run(f"http://127.0.0.1:{_free_port()}/webhook", _tracker("You never listen to me!"))
    assert said == [resilience.APOLOGY]
    assert isinstance(events[0], BotUttered) and events[0].text == resilience.APOLOGY
    assert events[-1] == FollowupAction("action_listen")


def test_a_second_failing_action_in_the_same_turn_stays_quiet():
    already = [BotUttered(resilience.APOLOGY, metadata={resilience.MARK: True})]
    events, said = _run(f"http://127.0.0.1:{_free_port()}/webhook", _tracker("You never listen to me!", extra=already))
    assert said == [] and events == [FollowupAction("action_listen")]


@pytest.mark.parametrize("intent", ["safety", "blame"])
def test_a_crisis_message_gets_the_crisis_reply_even_with_the_action_server_down(intent):
    events, said = _run(f"http://127.0.0.1:{_free_port()}/webhook", _tracker("You make me want to kill myself", intent=intent))
    assert len(said) == 1 and "988" in said[0] and "When you" not in said[0]


def test_a_safety_intent_gets_the_crisis_reply_even_when_the_words_are_new():
    _, said = _run(f"http://127.0.0.1:{_free_port()}/webhook", _tracker("some words the rules do not know", intent="safety"))
    assert "988" in said[0]


def test_an_action_server_error_gets_the_apology():
    with _serving(500, body=b'{"error": "boom"}') as url:
        _, said = _run(url, _tracker("You never listen to me!"))
    assert said == [resilience.APOLOGY]


def test_a_slow_action_server_gets_the_apology_after_the_deadline(monkeypatch):
    monkeypatch.setenv("REFRAME_ACTION_TIMEOUT", "0.5")
    with _serving(200, delay=3) as url:
        start = time.perf_counter()
        _, said = _run(url, _tracker("You never listen to me!"))
        took = time.perf_counter() - start
    assert said == [resilience.APOLOGY] and took < 2.5


def test_a_working_action_server_is_untouched():
    with _serving(200, body=b'{"events": [], "responses": [{"text": "hello from the action"}]}') as url:
        events, said = _run(url, _tracker("hi"))
    assert said == ["hello from the action"] and not any(isinstance(e, FollowupAction) for e in events)


def test_a_rejection_from_the_action_server_is_still_a_rejection():
    body = b'{"action_name": "action_analyse_blame", "error": "no"}'
    with _serving(400, body=body) as url:
        with pytest.raises(ActionExecutionRejection):
            _run(url, _tracker("hi"))


@pytest.mark.parametrize("raw, expected", [("3", 3.0), ("0", 10.0), ("soon", 10.0), ("-1", 10.0)])
def test_timeout_setting(monkeypatch, raw, expected):
    monkeypatch.setenv("REFRAME_ACTION_TIMEOUT", raw)
    assert resilience.timeout_seconds() == expected


def test_a_failing_tracker_store_is_refused_not_answered_from_an_empty_memory():
    from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore

    class Down(InMemoryTrackerStore):
        async def retrieve(self, sender_id):
            raise ConnectionError("connection to server at 127.0.0.1 failed")

        async def save(self, tracker):
            raise ConnectionError("connection to server at 127.0.0.1 failed")

    store = FailSafeTrackerStore(Down(DOMAIN))
    loop = asyncio.new_event_loop()
    with pytest.raises(resilience.StoreUnavailable):
        loop.run_until_complete(store.retrieve("someone"))
    with pytest.raises(resilience.StoreUnavailable):
        loop.run_until_complete(store.save(_tracker("hello")))
    assert list(loop.run_until_complete(store.fallback_tracker_store.keys())) == []  # nothing kept only in memory


def test_a_working_tracker_store_is_untouched():
    from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore

    store = FailSafeTrackerStore(InMemoryTrackerStore(DOMAIN))
    loop = asyncio.new_event_loop()
    loop.run_until_complete(store.save(_tracker("hello")))
    assert loop.run_until_complete(store.retrieve("someone")).latest_message.text == "hello"
