"""Messaging apps, without servers: splitting, choices, signatures, which apps switch on, and the output classes.

The end-to-end tests with the real servers are in tests/test_messaging_e2e.py.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
from pathlib import Path

import pytest
import yaml

from reframe_channels import setup
from reframe_channels.formatting import (
    LIMITS,
    facebook_signature_ok,
    match_choice,
    numbered_choices,
    pending_choices,
    short_title,
    slack_escape,
    split_text,
    telegram_secret_ok,
)

ROOT = Path(__file__).resolve().parents[1]
FEELINGS = [
    {"title": "hurt", "payload": '/inform{"feeling": "hurt"}'},
    {"title": "lonely", "payload": '/inform{"feeling": "lonely"}'},
    {"title": "frustrated", "payload": '/inform{"feeling": "frustrated"}'},
]
LONG = " ".join(
    f"Sentence number {i} says that when you left the dishes out I felt tired, and it goes on a little." for i in range(200)
)


# --- splitting -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [LIMITS["twilio"], LIMITS["facebook"], LIMITS["slack_block"], LIMITS["telegram"], 120])
def test_split_keeps_every_part_within_the_limit_and_every_sentence_whole(limit):
    parts = split_text(LONG, limit)
    assert len(parts) > 1 and all(0 < len(p) <= limit for p in parts)
    assert all(p.endswith("little.") for p in parts)  # each part ends where a sentence ends
    assert " ".join(parts).split() == LONG.split()  # nothing lost, nothing added


def test_short_reply_is_one_message_and_paragraphs_stay_together_when_they_fit():
    assert split_text("Try saying:\n\"When you ignore my texts, I feel angry.\"", 1600) == ['Try saying:\n"When you ignore my texts, I feel angry."']
    assert split_text("One.\n\nTwo.", 1600) == ["One.\n\nTwo."]
    assert split_text("One.\n\nTwo.", 6) == ["One.", "Two."]


def test_a_sentence_longer_than_the_limit_is_split_between_words_and_a_huge_word_is_cut():
    sentence = "and " * 500 + "that is all"
    parts = split_text(sentence, 100)
    assert all(len(p) <= 100 for p in parts) and " ".join(parts).split() == sentence.split()
    link = "https://example.org/" + "a" * 250
    assert "".join(split_text(link, 100)) == link and all(len(p) <= 100 for p in split_text(link, 100))


def test_split_keeps_closing_quotes_with_their_sentence():
    parts = split_text('He said "stop." Then he left the room without a word. ' * 20, 60)
    assert all(p.count('"') % 2 == 0 for p in parts)


def test_split_of_nothing_is_nothing():
    assert split_text("", 10) == [] and split_text("   \n\n ", 10) == []
    with pytest.raises(ValueError):
        split_text("x", 0)


# --- choices ---------------------------------------------------------------------------------------------------


def test_button_labels_are_shortened_to_fit_without_cutting_a_word():
    assert short_title("Tell me more: Don't take a powerless approach", 20) == "Tell me more"
    assert short_title("hurt", 20) == "hurt"
    cut = short_title("Practise reframing with a longer label", 20)
    assert len(cut) <= 20 and cut.endswith("…") and cut[:-1] in "Practise reframing with a longer label"
    assert short_title("Tell me more: Don't take a powerless approach", 75) == "Tell me more: Don't take a powerless approach"


def test_numbered_choices_show_labels_never_payloads():
    text = numbered_choices("How do you feel when that happens?", FEELINGS)
    assert "1. hurt\n2. lonely\n3. frustrated" in text and "/inform" not in text
    assert numbered_choices("Plain.", []) == "Plain."


@pytest.mark.parametrize("reply, expected", [("2", 1), ("2.", 1), (" #3 ", 2), ("option 1", 0), ("Lonely", 1), ("HURT!", 0)])
def test_a_number_or_a_label_picks_its_choice(reply, expected):
    assert match_choice(reply, FEELINGS, numbered=True) == FEELINGS[expected]["payload"]


@pytest.mark.parametrize("reply", ["4", "0", "22", "I feel hurt and lonely", "", "you never listen"])
def test_other_replies_are_left_for_the_assistant_to_read(reply):
    assert match_choice(reply, FEELINGS, numbered=True) is None


def test_numbers_only_count_where_choices_were_numbered():
    assert match_choice("2", FEELINGS, numbered=False) is None
    assert match_choice("lonely", FEELINGS, numbered=False) == FEELINGS[1]["payload"]


def test_pending_choices_are_those_offered_since_the_person_last_spoke():
    bot = {"event": "bot", "text": "How do you feel?", "data": {"buttons": FEELINGS}}
    assert pending_choices([{"event": "user", "text": "you never listen"}, bot, {"event": "action"}]) == FEELINGS
    assert pending_choices([bot, {"event": "user", "text": "hurt"}]) == []  # already answered
    assert pending_choices([bot, {"event": "user"}, {"event": "bot", "text": "ok", "data": {}}]) == []
    assert pending_choices([]) == []


def test_slack_escapes_what_it_would_read_as_markup():
    assert slack_escape("<script> & <@U123>") == "&lt;script&gt; &amp; &lt;@U123&gt;"


# --- signatures --------------------------------------------------------------------------------------------------


def _fb(secret: str, body: bytes, algo=hashlib.sha256) -> str:
    return hmac.new(secret.encode(), body, algo).hexdigest()


def test_messenger_signature_sha256_and_the_older_sha1():
    body = b'{"object": "page"}'
    assert facebook_signature_ok("s3cret", body, {"X-Hub-Signature-256": "sha256=" + _fb("s3cret", body)})
    assert facebook_signature_ok("s3cret", body, {"x-hub-signature": "sha1=" + _fb("s3cret", body, hashlib.sha1)})
    assert not facebook_signature_ok("s3cret", body + b" ", {"X-Hub-Signature-256": "sha256=" + _fb("s3cret", body)})
    assert not facebook_signature_ok("other", body, {"X-Hub-Signature-256": "sha256=" + _fb("s3cret", body)})
    assert not facebook_signature_ok("s3cret", body, {"X-Hub-Signature": "md5=" + hashlib.md5(body).hexdigest()})
    assert not facebook_signature_ok("s3cret", body, {})
    assert not facebook_signature_ok("", body, {"X-Hub-Signature-256": "sha256=" + _fb("", body)})


def test_telegram_secret_must_match_and_must_exist():
    assert telegram_secret_ok("abc_123", {"X-Telegram-Bot-Api-Secret-Token": "abc_123"})
    assert not telegram_secret_ok("abc_123", {"X-Telegram-Bot-Api-Secret-Token": "abc_124"})
    assert not telegram_secret_ok("abc_123", {})
    assert not telegram_secret_ok("", {"X-Telegram-Bot-Api-Secret-Token": ""})


# --- which apps switch on ------------------------------------------------------------------------------------------

TEMPLATE = (ROOT / "credentials.messaging.yml").read_text()
BASE = (ROOT / "credentials.yml").read_text()
FULL = {
    "SLACK_BOT_TOKEN": "xoxb-value-of-the-slack-token",
    "SLACK_SIGNING_SECRET": "value-of-the-signing-secret",
    "TELEGRAM_TOKEN": "123:value-of-the-telegram-token",
    "TELEGRAM_WEBHOOK_SECRET": "value_of_the_webhook_secret",
    "FACEBOOK_VERIFY_TOKEN": "value-of-the-verify-token",
    "FACEBOOK_APP_SECRET": "value-of-the-app-secret",
    "FACEBOOK_PAGE_ACCESS_TOKEN": "value-of-the-page-token",
    "TWILIO_ACCOUNT_SID": "AC-value-of-the-account-sid",
    "TWILIO_AUTH_TOKEN": "value-of-the-auth-token",
    "TWILIO_WHATSAPP_NUMBER": "whatsapp:+15550001111",
    "REFRAME_PUBLIC_URL": "https://reframe.example.org",
}


def test_every_app_with_all_its_settings_is_on():
    choices, text = setup.plan(TEMPLATE, BASE, FULL)
    assert [c.name for c in choices if c.on] == ["slack", "telegram", "facebook", "twilio"]
    rendered = yaml.safe_load(text)
    assert "reframe_channels.rest.ReframeRest" in rendered and "reframe_channels.socketio.ReframeSocketIO" in rendered
    assert "slack_channel" not in rendered["reframe_channels.messaging.Slack"]  # optional and unset: left out


def test_an_app_with_a_missing_setting_stays_off_and_says_which():
    env = {k: v for k, v in FULL.items() if k != "TWILIO_AUTH_TOKEN"}
    env["TELEGRAM_TOKEN"] = "  "
    choices, text = setup.plan(TEMPLATE, BASE, env)
    lines = setup.summary(choices)
    assert "messaging: slack on" in lines and "messaging: facebook on" in lines
    assert "messaging: twilio off (missing TWILIO_AUTH_TOKEN)" in lines
    assert "messaging: telegram off (missing TELEGRAM_TOKEN)" in lines
    assert "Twilio" not in text and "Telegram" not in text


@pytest.mark.parametrize(
    "change, app, why",
    [
        ({"REFRAME_PUBLIC_URL": "reframe.example.org"}, "twilio", "REFRAME_PUBLIC_URL"),
        ({"TELEGRAM_WEBHOOK_SECRET": "has spaces!"}, "telegram", "TELEGRAM_WEBHOOK_SECRET"),
        ({"SLACK_BOT_TOKEN": "not-a-bot-token"}, "slack", "xoxb"),
    ],
)
def test_settings_that_cannot_work_keep_the_app_off_with_a_reason(change, app, why):
    choices, _ = setup.plan(TEMPLATE, BASE, {**FULL, **change})
    c = next(c for c in choices if c.name == app)
    assert not c.on and why in c.reason


def test_no_secret_is_written_and_rasa_fills_the_placeholders_from_the_environment(tmp_path, monkeypatch):
    from rasa.shared.utils.io import read_config_file

    _, text = setup.plan(TEMPLATE, BASE, FULL)
    for name, value in FULL.items():
        if name != "REFRAME_PUBLIC_URL":
            assert value not in text.replace("${" + name + "}", "")
    path = tmp_path / "credentials.yml"
    path.write_text(text)
    for k, v in FULL.items():
        monkeypatch.setenv(k, v)
    read = read_config_file(str(path))
    assert read["reframe_channels.messaging.Twilio"]["auth_token"] == "value-of-the-auth-token"
    assert read["reframe_channels.messaging.Telegram"]["webhook_url"] == "https://reframe.example.org/webhooks/telegram/webhook"


def test_the_template_holds_only_placeholders():
    template = yaml.safe_load(TEMPLATE)
    for block in template.values():
        for key, value in block.items():
            if key != "conversation_granularity":
                assert re.search(r"\$\{[A-Z_]+\}", str(value)), (key, value)


def test_the_rasa_channels_load_from_the_rendered_file(tmp_path, monkeypatch):
    """What `rasa run` does with the file: every class imports and builds from its credentials."""
    from rasa.core.run import create_http_input_channels

    _, text = setup.plan(TEMPLATE, BASE, FULL)
    path = tmp_path / "credentials.yml"
    path.write_text(text)
    for k, v in FULL.items():
        monkeypatch.setenv(k, v)
    names = sorted(c.name() for c in create_http_input_channels(None, str(path)))
    assert names == sorted(["rest", "socketio", "slack", "telegram", "facebook", "twilio"])


def test_run_messaging_with_no_app_configured_says_so_and_exits_2(tmp_path):
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "REFRAME_RUN_DIR": str(tmp_path)}
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "run_messaging.py")], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "messaging: slack off (missing SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET)" in r.stdout
    assert "nothing to switch on" in r.stderr
    assert not (tmp_path / "credentials.messaging.yml").exists()


# --- the output classes, with the app's client replaced by a recorder ------------------------------------------------


def _run(coro):
    return asyncio.new_event_loop().run_until_complete(coro)


def test_twilio_output_numbers_the_choices_and_splits_long_replies():
    from reframe_channels.messaging import TwilioReplies

    out = TwilioReplies("AC1", "t", "whatsapp:+1")
    sent = []

    async def record(data):
        sent.append(data)

    out._send_message = record
    _run(out.send_text_with_buttons("whatsapp:+2", LONG, FEELINGS))
    assert len(sent) > 1 and all(len(m["body"]) <= LIMITS["twilio"] for m in sent)
    assert sent[-1]["body"].endswith("1. hurt\n2. lonely\n3. frustrated")
    assert all(m["to"] == "whatsapp:+2" and m["from_"] == "whatsapp:+1" for m in sent)


def test_messenger_output_uses_quick_replies_on_the_last_part():
    from reframe_channels.messaging import MessengerReplies

    class Client:
        def __init__(self):
            self.sent = []

        def send(self, payload, recipient, kind):
            self.sent.append(payload)

    client = Client()
    buttons = [*FEELINGS, {"title": "Tell me more: Don't take a powerless approach", "payload": "/more_info"}]
    _run(MessengerReplies(client).send_text_with_buttons("psid", LONG, buttons))
    assert all(len(p["text"]) <= LIMITS["facebook"] for p in client.sent)
    assert "quick_replies" not in client.sent[0] and len(client.sent[-1]["quick_replies"]) == 4
    assert [q["title"] for q in client.sent[-1]["quick_replies"]][-1] == "Tell me more"


def test_slack_output_puts_buttons_under_the_last_part_and_sends_no_legacy_arguments():
    from reframe_channels.messaging import SlackOutput

    out = SlackOutput("xoxb-1", "D1")
    sent = []

    async def post(channel, **kwargs):
        sent.append({"channel": channel, **kwargs})

    out._post_message = post
    eight = [{"title": f"Strategy {i}", "payload": f"/more_info{{\"strategy\": \"s{i}\"}}"} for i in range(8)]
    _run(out.send_text_with_buttons("U1", LONG, eight))
    assert all("as_user" not in m for m in sent)
    last = sent[-1]["blocks"]
    assert len(last[0]["text"]["text"]) <= LIMITS["slack_block"] and len(last[1]["elements"]) == 8  # stock Slack dropped all past 5
    _run(out.send_text_message("U1", "<b>hi</b> & bye"))
    assert sent[-1]["text"] == "&lt;b&gt;hi&lt;/b&gt; &amp; bye"


def test_telegram_output_sends_a_one_time_reply_keyboard():
    from reframe_channels.messaging import TelegramReplies

    out = TelegramReplies("123:abc")
    sent = []

    async def send_message(chat, text, reply_markup=None):
        sent.append((chat, text, reply_markup))

    out.send_message = send_message
    _run(out.send_text_with_buttons("42", "How do you feel?", FEELINGS))
    chat, text, keyboard = sent[-1]
    assert text == "How do you feel?" and keyboard.one_time_keyboard
    assert [row[0].text for row in keyboard.keyboard] == ["hurt", "lonely", "frustrated"]


def test_telegram_that_cannot_be_reached_at_start_is_logged_without_the_token(caplog):
    from reframe_channels.messaging import Telegram

    channel = Telegram("123:secret-bot-token", "s3cret", "https://reframe.example.org/webhooks/telegram/webhook")

    async def unreachable(method, data=None):
        raise ConnectionError("Cannot connect to https://api.telegram.org/bot123:secret-bot-token/setWebhook")

    channel.get_output_channel().request = unreachable
    with caplog.at_level("ERROR"):
        assert _run(channel.register_webhook()) is False
    assert "could not register the webhook" in caplog.text and "secret-bot-token" not in caplog.text
