"""The web chat's socket.io channel: origins it accepts and the history a returning browser gets."""

import pytest

from reframe_channels.history import messages_from_events
from reframe_channels.socketio import DEFAULT_ORIGINS, ReframeSocketIO, allowed_origins

FEELING_BUTTONS = [
    {"title": "hurt", "payload": '/inform_feeling{"feeling": "hurt"}'},
    {"title": "lonely", "payload": '/inform_feeling{"feeling": "lonely"}'},
]


def test_history_shows_a_button_press_as_the_words_chosen():
    events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "user", "text": "You never listen to me!"},
        {"event": "bot", "text": 'Here\'s the start: "When you don\'t listen to me, I feel …"', "data": {"buttons": FEELING_BUTTONS}},
        {"event": "user", "text": '/inform_feeling{"feeling": "lonely"}'},
        {"event": "slot", "name": "feeling", "value": "lonely"},
        {"event": "bot", "text": "Try saying:\n\"When you don't listen to me, I feel lonely.\"\n\nWhy it helps: …", "data": {}},
    ]
    out = messages_from_events(events)
    assert [m["sender"] for m in out] == ["user", "bot", "user", "bot", "bot"]
    assert out[2]["text"] == "lonely"
    assert out[1]["quick_replies"][0] == {"content_type": "text", "title": "hurt", "payload": FEELING_BUTTONS[0]["payload"]}
    # Split at blank lines, as the live channel sends it.
    assert out[3]["text"].endswith("I feel lonely.\"") and out[4]["text"] == "Why it helps: …"


def test_history_skips_empty_and_internal_events_and_keeps_the_last_ones():
    events = [{"event": "user", "text": ""}, {"event": "user", "text": "/session_start"}, {"event": "bot", "text": None}]
    events += [{"event": "user", "text": f"message {i}"} for i in range(300)]
    out = messages_from_events(events, limit=50)
    assert len(out) == 50 and out[-1]["text"] == "message 299"
    assert all(m["text"] for m in out)


def test_typed_slash_text_that_matches_no_button_is_kept():
    out = messages_from_events([{"event": "user", "text": "/shrug"}])
    assert out == [{"sender": "user", "text": "/shrug"}]


def test_origins_come_from_the_environment_first(monkeypatch):
    monkeypatch.setenv("REFRAME_CORS_ORIGINS", "https://a.example, https://b.example/")
    assert allowed_origins(["http://ignored"]) == ["https://a.example", "https://b.example"]


def test_origins_fall_back_to_credentials_then_localhost(monkeypatch):
    monkeypatch.delenv("REFRAME_CORS_ORIGINS", raising=False)
    assert allowed_origins(["https://site.example"]) == ["https://site.example"]
    assert allowed_origins(None) == DEFAULT_ORIGINS


def test_a_wildcard_origin_is_refused(monkeypatch):
    monkeypatch.setenv("REFRAME_CORS_ORIGINS", "*")
    with pytest.raises(ValueError, match="page origins"):
        allowed_origins(None)


def test_channel_reads_its_settings_from_credentials(monkeypatch):
    monkeypatch.delenv("REFRAME_CORS_ORIGINS", raising=False)
    ch = ReframeSocketIO.from_credentials(
        {"session_persistence": True, "metadata_key": "customData", "cors_allowed_origins": ["https://chat.example"]}
    )
    assert ch.name() == "socketio" and ch.session_persistence and ch.metadata_key == "customData"
    assert ch.origins == ["https://chat.example"]
