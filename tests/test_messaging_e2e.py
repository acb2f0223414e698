"""The messaging apps end to end, offline: the real Rasa and action servers, started by `make run-messaging`'s
own script with all four apps switched on, receive payloads signed the way each app signs them; every call
back to an app's API lands in a local fake (tests/fake_apps.py) and no request may leave the machine
(tests/offline/sitecustomize.py refuses and records any that tries).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import pytest
import requests
from e2e_stack import MODEL, ROOT, Servers
from fake_apps import FakeApps
from twilio.request_validator import RequestValidator

from reframe_channels.formatting import LIMITS

RASA_PORT = int(os.environ.get("E2E_MSG_RASA_PORT", "5305"))
ACTIONS_PORT = int(os.environ.get("E2E_MSG_ACTIONS_PORT", "5355"))
BASE = f"http://localhost:{RASA_PORT}"
PUBLIC = BASE  # what the apps would call: here the tests are the apps

SECRETS = {
    "SLACK_BOT_TOKEN": "xoxb-offline-test-token",
    "SLACK_SIGNING_SECRET": "slack-signing-secret-for-tests",
    "TELEGRAM_TOKEN": "123456789:offline-test-token_ABCdef",
    "TELEGRAM_WEBHOOK_SECRET": "telegram-webhook-secret-for-tests",
    "FACEBOOK_VERIFY_TOKEN": "facebook-verify-token",
    "FACEBOOK_APP_SECRET": "facebook-app-secret-for-tests",
    "FACEBOOK_PAGE_ACCESS_TOKEN": "facebook-page-token",
    "TWILIO_ACCOUNT_SID": "AC" + "0123456789abcdef" * 2,
    "TWILIO_AUTH_TOKEN": "twilio-auth-token-for-tests",
    "TWILIO_WHATSAPP_NUMBER": "whatsapp:+14155238886",
    "REFRAME_PUBLIC_URL": PUBLIC,
}

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not MODEL.exists(), reason="train first: make train")]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    work = tmp_path_factory.mktemp("messaging")
    fake = FakeApps().start()
    blocked = work / "blocked.txt"
    blocked.write_text("")
    env = dict(
        SECRETS,
        REFRAME_RUN_DIR=str(work / "run"),
        REFRAME_FAKE_APPS=fake.url,
        REFRAME_FAKE_APPS_BLOCKED=str(blocked),
        PYTHONPATH=os.pathsep.join(p for p in [str(ROOT / "tests" / "offline"), os.environ.get("PYTHONPATH", "")] if p),
    )
    servers = Servers(work, RASA_PORT, ACTIONS_PORT, command="run_messaging.py", **env)
    servers.start()
    yield servers, fake, blocked
    servers.stop()
    fake.stop()


def events_for(servers: Servers, sender: str) -> int:
    """How many events the tracker store holds for this sender: 0 means nothing reached the assistant."""
    db = servers.workdir / "tracker.db"
    if not db.exists():
        return 0
    with sqlite3.connect(db) as con:
        return con.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


# --- how each app signs and sends ----------------------------------------------------------------------------


def slack_post(body: bytes, content_type: str, ts: int | None = None, secret: str | None = None, headers: dict | None = None):
    ts = int(time.time()) if ts is None else ts
    secret = SECRETS["SLACK_SIGNING_SECRET"] if secret is None else secret
    sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    h = {"Content-Type": content_type, "X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": sig, **(headers or {})}
    return requests.post(f"{BASE}/webhooks/slack/webhook", data=body, headers=h, timeout=30)


def slack_event(user: str, channel: str, text: str) -> bytes:
    return json.dumps(
        {
            "type": "event_callback",
            "team_id": "T1",
            "api_app_id": "A1",
            "event_id": new_id("Ev"),
            "event_time": int(time.time()),
            "authorizations": [{"user_id": "UBOT"}],
            "event": {"type": "message", "channel_type": "im", "channel": channel, "user": user, "text": text, "ts": f"{time.time():.6f}"},
        }
    ).encode()


def slack_click(user: str, channel: str, value: str) -> bytes:
    payload = {
        "type": "block_actions",
        "user": {"id": user},
        "channel": {"id": channel},
        "message": {"ts": f"{time.time():.6f}"},
        "actions": [{"type": "button", "action_id": "a1", "value": value, "text": {"type": "plain_text", "text": "x"}}],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


def telegram_post(update: dict, secret: str | None = "default"):
    secret = SECRETS["TELEGRAM_WEBHOOK_SECRET"] if secret == "default" else secret
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    return requests.post(f"{BASE}/webhooks/telegram/webhook", data=json.dumps(update), headers=headers, timeout=60)


def telegram_text(chat: int, text: str) -> dict:
    now = int(time.time())
    return {
        "update_id": now % 100000 + chat % 1000,
        "message": {"message_id": now, "date": now, "chat": {"id": chat, "type": "private"}, "from": {"id": chat, "is_bot": False, "first_name": "Sam"}, "text": text},
    }


def fb_post(payload: dict, secret: str | None = None, header: str = "X-Hub-Signature-256", body: bytes | None = None):
    raw = json.dumps(payload).encode()
    secret = SECRETS["FACEBOOK_APP_SECRET"] if secret is None else secret
    algo, prefix = (hashlib.sha256, "sha256=") if header.endswith("256") else (hashlib.sha1, "sha1=")
    sig = prefix + hmac.new(secret.encode(), raw, algo).hexdigest()
    return requests.post(
        f"{BASE}/webhooks/facebook/webhook", data=body if body is not None else raw, headers={"Content-Type": "application/json", header: sig}, timeout=60
    )


def fb_event(psid: str, text: str, quick_reply: str | None = None) -> dict:
    message: dict = {"mid": new_id("m_"), "text": text}
    if quick_reply:
        message["quick_reply"] = {"payload": quick_reply}
    return {"sender": {"id": psid}, "recipient": {"id": "PAGE1"}, "timestamp": int(time.time() * 1000), "message": message}


def fb_payload(*events: dict) -> dict:
    return {"object": "page", "entry": [{"id": "PAGE1", "time": int(time.time() * 1000), "messaging": list(events)}]}


TWILIO_URL = f"{PUBLIC}/webhooks/twilio/webhook"


def twilio_post(phone: str, text: str, token: str | None = None, signed: bool = True, tamper: bool = False):
    params = {
        "SmsMessageSid": new_id("SM"),
        "MessageSid": new_id("SM"),
        "AccountSid": SECRETS["TWILIO_ACCOUNT_SID"],
        "From": phone,
        "To": SECRETS["TWILIO_WHATSAPP_NUMBER"],
        "Body": text,
        "NumMedia": "0",
        "ProfileName": "Sam",
    }
    headers = {}
    if signed:
        headers["X-Twilio-Signature"] = RequestValidator(token or SECRETS["TWILIO_AUTH_TOKEN"]).compute_signature(TWILIO_URL, params)
    if tamper:
        params["Body"] = text + " (changed on the way)"
    return requests.post(TWILIO_URL, data=params, headers=headers, timeout=60)


def twilio_bodies(calls: list, phone: str) -> list[str]:
    return [c["body"]["Body"] for c in calls if c["method"] == "POST" and c["path"].endswith("/Messages.json") and c["body"].get("To") == phone]


def fb_messages(calls: list, psid: str) -> list[dict]:
    return [c["body"]["message"] for c in calls if isinstance(c["body"], dict) and "message" in c["body"] and c["body"]["recipient"]["id"] == psid]


def tg_sent(calls: list, chat: int) -> list[dict]:
    return [c["body"] for c in calls if c["path"].endswith("/sendMessage") and str(c["body"].get("chat_id")) == str(chat)]


# --- start-up ------------------------------------------------------------------------------------------------


def test_log_says_which_apps_are_on_and_no_secret_is_written(stack):
    servers, fake, _ = stack
    log = servers.log_path.read_text(errors="ignore")
    for app in ("slack", "telegram", "facebook", "twilio"):
        assert f"messaging: {app} on" in log
    written = (servers.workdir / "run" / "credentials.messaging.yml").read_text()
    assert "${TWILIO_AUTH_TOKEN}" in written
    for value in SECRETS.values():
        if value != PUBLIC:
            assert value not in written and value not in log


def test_telegram_webhook_is_registered_with_its_secret(stack):
    _, fake, _ = stack
    calls = fake.wait("telegram", lambda c: c["path"].endswith("/setWebhook"), timeout=30)
    hook = next(c for c in calls if c["path"].endswith("/setWebhook"))["body"]
    assert hook["url"] == f"{PUBLIC}/webhooks/telegram/webhook"
    assert hook["secret_token"] == SECRETS["TELEGRAM_WEBHOOK_SECRET"]


# --- Slack ---------------------------------------------------------------------------------------------------


def test_slack_blame_gets_buttons_and_a_click_finishes_the_reframe(stack):
    servers, fake, _ = stack
    user, channel = new_id("U"), new_id("D")
    since = len(fake.calls("slack"))
    assert slack_post(slack_event(user, channel, "You never listen to me!"), "application/json").status_code == 200
    calls = fake.wait("slack", lambda c: c["body"].get("channel") == channel and "blocks" in c["body"], since=since)
    ask = next(c["body"] for c in calls if c["body"].get("channel") == channel and "blocks" in c["body"])
    assert "When you don't listen to me, I feel …" in ask["blocks"][0]["text"]["text"]
    assert "as_user" not in ask
    buttons = ask["blocks"][1]["elements"]
    assert 3 <= len(buttons) <= 4 and all(b["type"] == "button" for b in buttons)
    first = buttons[0]
    since = len(fake.calls("slack"))
    assert slack_post(slack_click(user, channel, first["value"]), "application/x-www-form-urlencoded").status_code == 200
    sentence = f"When you don't listen to me, I feel {first['text']['text']}."
    calls = fake.wait("slack", lambda c: sentence in json.dumps(c["body"]), since=since)
    assert any("Tell me more" in json.dumps(c["body"].get("blocks", [])) for c in calls)
    assert all(len(c["body"].get("text", "")) <= LIMITS["slack"] for c in fake.calls("slack"))


@pytest.mark.parametrize(
    "how",
    ["unsigned", "wrong secret", "tampered body", "timestamp ten minutes old"],
)
def test_slack_refuses_requests_not_signed_by_slack(stack, how):
    servers, fake, _ = stack
    user, channel = new_id("U"), new_id("D")
    body = slack_event(user, channel, "You never listen to me!")
    since = len(fake.calls("slack"))
    if how == "unsigned":
        r = requests.post(f"{BASE}/webhooks/slack/webhook", data=body, headers={"Content-Type": "application/json"}, timeout=30)
    elif how == "wrong secret":
        r = slack_post(body, "application/json", secret="not-the-secret")
    elif how == "tampered body":
        ts = int(time.time())
        sig = "v0=" + hmac.new(SECRETS["SLACK_SIGNING_SECRET"].encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
        r = requests.post(
            f"{BASE}/webhooks/slack/webhook",
            data=body.replace(b"listen", b"LISTEN"),
            headers={"Content-Type": "application/json", "X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": sig},
            timeout=30,
        )
    else:
        r = slack_post(body, "application/json", ts=int(time.time()) - 600)
    assert r.status_code == 400
    time.sleep(2)
    assert events_for(servers, user) == 0
    assert not [c for c in fake.calls("slack")[since:] if c["body"].get("channel") == channel]


def test_slack_retry_after_a_timeout_is_not_answered_twice(stack):
    servers, fake, _ = stack
    user, channel = new_id("U"), new_id("D")
    r = slack_post(slack_event(user, channel, "hello"), "application/json", headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert r.status_code == 201 and r.headers.get("X-Slack-No-Retry") == "1"
    time.sleep(2)
    assert events_for(servers, user) == 0


# --- Telegram ------------------------------------------------------------------------------------------------


def test_telegram_reply_keyboard_and_a_tapped_label_finishes_the_reframe(stack):
    servers, fake, _ = stack
    chat = int(time.time() * 1000) % 10_000_000 + 1000
    since = len(fake.calls("telegram"))
    assert telegram_post(telegram_text(chat, "You never listen to me!")).status_code == 200
    sent = tg_sent(fake.wait("telegram", lambda c: "reply_markup" in c["body"] and str(c["body"].get("chat_id")) == str(chat), since=since), chat)
    ask = next(m for m in sent if "reply_markup" in m)
    assert "When you don't listen to me, I feel …" in ask["text"]
    keyboard = json.loads(ask["reply_markup"])
    assert keyboard["one_time_keyboard"] is True
    labels = [row[0]["text"] for row in keyboard["keyboard"]]
    assert 3 <= len(labels) <= 4
    since = len(fake.calls("telegram"))
    telegram_post(telegram_text(chat, labels[1]))  # a tap on the keyboard sends the label as text
    sentence = f"When you don't listen to me, I feel {labels[1]}."
    sent = tg_sent(fake.wait("telegram", lambda c: sentence in str(c["body"].get("text", "")), since=since), chat)
    more = next(m for m in sent if "reply_markup" in m)
    tell_me_more = next(row[0]["text"] for row in json.loads(more["reply_markup"])["keyboard"] if row[0]["text"].startswith("Tell me more"))
    since = len(fake.calls("telegram"))
    telegram_post(telegram_text(chat, tell_me_more))
    fake.wait("telegram", lambda c: "One thing to try:" in str(c["body"].get("text", "")), since=since)
    assert all(len(str(m.get("text", ""))) <= LIMITS["telegram"] for m in tg_sent(fake.calls("telegram"), chat))


def test_telegram_practice_mode_scores_a_try(stack):
    _, fake, _ = stack
    chat = int(time.time() * 1000) % 10_000_000 + 2000
    since = len(fake.calls("telegram"))
    telegram_post(telegram_text(chat, "let's practise"))
    fake.wait("telegram", lambda c: str(c["body"].get("chat_id")) == str(chat) and "reply_markup" in c["body"], since=since)
    since = len(fake.calls("telegram"))
    telegram_post(telegram_text(chat, "When you leave your plate on the table after dinner, I feel tired. Could you take it to the sink?"))
    fake.wait("telegram", lambda c: str(c["body"].get("chat_id")) == str(chat) and "/100" in str(c["body"].get("text", "")), since=since)


def test_telegram_start_command_and_a_sticker_get_a_kind_reply(stack):
    _, fake, _ = stack
    chat = int(time.time() * 1000) % 10_000_000 + 3000
    since = len(fake.calls("telegram"))
    telegram_post(telegram_text(chat, "/start"))
    fake.wait("telegram", lambda c: str(c["body"].get("chat_id")) == str(chat), since=since)
    update = telegram_text(chat, "x")
    del update["message"]["text"]
    update["message"]["sticker"] = {"file_id": "f", "file_unique_id": "u", "width": 1, "height": 1, "is_animated": False}
    since = len(fake.calls("telegram"))
    assert telegram_post(update).status_code == 200
    fake.wait("telegram", lambda c: "only read text" in str(c["body"].get("text", "")), since=since)


@pytest.mark.parametrize("secret", [None, "wrong-secret"], ids=["no secret", "wrong secret"])
def test_telegram_refuses_requests_without_the_webhook_secret(stack, secret):
    servers, fake, _ = stack
    chat = int(time.time() * 1000) % 10_000_000 + 4000
    since = len(fake.calls("telegram"))
    assert telegram_post(telegram_text(chat, "You never listen to me!"), secret=secret).status_code == 403
    time.sleep(2)
    assert events_for(servers, str(chat)) == 0
    assert not tg_sent(fake.calls("telegram")[since:], chat)


def test_telegram_malformed_update_is_a_400_not_a_crash(stack):
    r = requests.post(
        f"{BASE}/webhooks/telegram/webhook",
        data=b"{not json",
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRETS["TELEGRAM_WEBHOOK_SECRET"], "Content-Type": "application/json"},
        timeout=30,
    )
    assert r.status_code == 400


# --- Facebook Messenger --------------------------------------------------------------------------------------


def test_messenger_quick_replies_and_a_pressed_one_finishes_the_reframe(stack):
    _, fake, _ = stack
    psid = new_id("P")
    since = len(fake.calls("facebook"))
    assert fb_post(fb_payload(fb_event(psid, "You never listen to me!"))).status_code == 200
    msgs = fb_messages(fake.wait("facebook", lambda c: "quick_replies" in json.dumps(c["body"]) and psid in json.dumps(c["body"]), since=since), psid)
    ask = next(m for m in msgs if "quick_replies" in m)
    assert "When you don't listen to me, I feel …" in ask["text"]
    quick = ask["quick_replies"]
    assert 3 <= len(quick) <= 4 and all(q["content_type"] == "text" and len(q["title"]) <= 20 for q in quick)
    since = len(fake.calls("facebook"))
    fb_post(fb_payload(fb_event(psid, quick[0]["title"], quick_reply=quick[0]["payload"])))
    sentence = f"When you don't listen to me, I feel {quick[0]['title']}."
    msgs = fb_messages(fake.wait("facebook", lambda c: sentence in json.dumps(c["body"]), since=since), psid)
    more = next(m for m in msgs if "quick_replies" in m)
    assert "Tell me more" in [q["title"] for q in more["quick_replies"]]  # "Tell me more: <name>" shortened to fit
    assert all(len(m.get("text", "")) <= LIMITS["facebook"] for m in fb_messages(fake.calls("facebook"), psid))


def test_messenger_answers_every_event_of_a_batched_delivery_and_the_older_signature(stack):
    _, fake, _ = stack
    a, b = new_id("P"), new_id("P")
    since = len(fake.calls("facebook"))
    assert fb_post(fb_payload(fb_event(a, "hello"), fb_event(b, "You make me so angry when you ignore my texts")), header="X-Hub-Signature").status_code == 200
    fake.wait("facebook", lambda c: "When you ignore my texts, I feel angry." in json.dumps(c["body"]), since=since)
    assert fb_messages(fake.calls("facebook")[since:], a)


@pytest.mark.parametrize("how", ["unsigned", "wrong secret", "tampered body", "unknown algorithm"])
def test_messenger_refuses_requests_not_signed_with_the_app_secret(stack, how):
    servers, fake, _ = stack
    psid = new_id("P")
    payload = fb_payload(fb_event(psid, "You never listen to me!"))
    since = len(fake.calls("facebook"))
    if how == "unsigned":
        r = requests.post(f"{BASE}/webhooks/facebook/webhook", json=payload, timeout=30)
    elif how == "wrong secret":
        r = fb_post(payload, secret="not-the-secret")
    elif how == "tampered body":
        r = fb_post(payload, body=json.dumps(payload).replace("listen", "LISTEN").encode())
    else:
        r = requests.post(f"{BASE}/webhooks/facebook/webhook", json=payload, headers={"X-Hub-Signature": "md5=abc"}, timeout=30)
    assert r.status_code == 403
    time.sleep(2)
    assert events_for(servers, psid) == 0
    assert not fb_messages(fake.calls("facebook")[since:], psid)


def test_messenger_webhook_verification(stack):
    ok = requests.get(
        f"{BASE}/webhooks/facebook/webhook",
        params={"hub.mode": "subscribe", "hub.verify_token": SECRETS["FACEBOOK_VERIFY_TOKEN"], "hub.challenge": "12345"},
        timeout=30,
    )
    assert ok.status_code == 200 and ok.text == "12345"
    bad = requests.get(f"{BASE}/webhooks/facebook/webhook", params={"hub.verify_token": "nope", "hub.challenge": "1"}, timeout=30)
    assert bad.status_code == 403


# --- WhatsApp through Twilio ---------------------------------------------------------------------------------


def test_whatsapp_numbered_choices_and_a_number_finishes_the_reframe(stack):
    _, fake, _ = stack
    phone = f"whatsapp:+1555{int(time.time() * 1000) % 10_000_000:07d}"
    since = len(fake.calls("twilio"))
    assert twilio_post(phone, "You never listen to me!").status_code == 204
    calls = fake.wait("twilio", lambda c: "Reply with a number" in str(c["body"].get("Body", "")) and c["body"].get("To") == phone, since=since)
    ask = next(b for b in twilio_bodies(calls, phone) if "Reply with a number" in b)
    assert "When you don't listen to me, I feel …" in ask
    assert "/inform" not in ask  # the payload is never shown
    options = [line.split(". ", 1)[1] for line in ask.splitlines() if line[:1].isdigit()]
    assert 3 <= len(options) <= 4
    assert all(c["body"].get("From") == SECRETS["TWILIO_WHATSAPP_NUMBER"] for c in calls if c["path"].endswith("Messages.json"))
    since = len(fake.calls("twilio"))
    twilio_post(phone, "2")
    fake.wait("twilio", lambda c: f"When you don't listen to me, I feel {options[1]}." in str(c["body"].get("Body", "")), since=since)
    assert all(len(b) <= LIMITS["twilio"] for b in twilio_bodies(fake.calls("twilio"), phone))


def test_whatsapp_crisis_message_gets_the_safety_reply_not_a_reframe(stack):
    _, fake, _ = stack
    phone = f"whatsapp:+1556{int(time.time() * 1000) % 10_000_000:07d}"
    since = len(fake.calls("twilio"))
    twilio_post(phone, "You make me want to kill myself")
    calls = fake.wait("twilio", lambda c: "988" in str(c["body"].get("Body", "")) and c["body"].get("To") == phone, since=since)
    text = "\n".join(twilio_bodies(calls, phone))
    assert "When you" not in text and "I feel" not in text


def test_whatsapp_very_long_message_gets_replies_within_the_limit(stack):
    _, fake, _ = stack
    phone = f"whatsapp:+1557{int(time.time() * 1000) % 10_000_000:07d}"
    since = len(fake.calls("twilio"))
    long = "You never listen to me when I talk about my day, " + "and I keep telling you about work and the kids and the car, " * 170
    assert len(long) > 10_000
    assert twilio_post(phone, long).status_code == 204
    calls = fake.wait("twilio", lambda c: c["body"].get("To") == phone and "long message" in str(c["body"].get("Body", "")), since=since)
    bodies = twilio_bodies(calls, phone)
    assert bodies and all(0 < len(b) <= LIMITS["twilio"] for b in bodies)


@pytest.mark.parametrize("how", ["unsigned", "wrong token", "tampered body"])
def test_whatsapp_refuses_requests_not_signed_by_twilio(stack, how):
    servers, fake, _ = stack
    phone = f"whatsapp:+1558{uuid.uuid4().int % 10_000_000:07d}"
    since = len(fake.calls("twilio"))
    if how == "unsigned":
        r = twilio_post(phone, "You never listen to me!", signed=False)
    elif how == "wrong token":
        r = twilio_post(phone, "You never listen to me!", token="not-the-token")
    else:
        r = twilio_post(phone, "You never listen to me!", tamper=True)
    assert r.status_code == 403
    time.sleep(2)
    assert events_for(servers, phone) == 0
    assert not twilio_bodies(fake.calls("twilio")[since:], phone)


# --- nothing left the machine ----------------------------------------------------------------------------------


def test_no_request_tried_to_leave_the_machine(stack):
    servers, fake, blocked = stack
    assert fake.calls("slack") and fake.calls("telegram") and fake.calls("facebook") and fake.calls("twilio")
    assert Path(blocked).read_text() == "", Path(blocked).read_text()[:2000]


def test_what_people_wrote_stays_out_of_the_log(stack):
    servers, _, _ = stack
    log = servers.log_path.read_text(errors="ignore").lower()
    for said in ("never listen to me", "kill myself", "ignore my texts", "take it to the sink", "work and the kids"):
        assert said not in log
