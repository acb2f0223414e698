"""End to end through the REST channel: the real Rasa server, the real action server, the trained model.

Run with `make e2e` (part of `make test`). Starts both servers on spare ports with a SQLite tracker
store in a temporary folder, and restarts them once to prove a conversation survives a restart.
"""

from __future__ import annotations

import os
import uuid

import pytest
import requests
from e2e_stack import MODEL, Servers

RASA_PORT = int(os.environ.get("E2E_RASA_PORT", "5105"))
ACTIONS_PORT = int(os.environ.get("E2E_ACTIONS_PORT", "5155"))
URL = f"http://localhost:{RASA_PORT}/webhooks/rest/webhook"

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not MODEL.exists(), reason="train first: make train")]


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    s = Servers(tmp_path_factory.mktemp("e2e"), RASA_PORT, ACTIONS_PORT)
    s.start()
    yield s
    s.stop()


def say(sender: str, text: str) -> list[dict]:
    r = requests.post(URL, json={"sender": sender, "message": text}, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def joined(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def new_user() -> str:
    return f"e2e-{uuid.uuid4().hex[:8]}"


def test_causal_blame_is_reframed_with_why_and_strategy(servers):
    out = say(new_user(), "You make me so angry when you ignore my texts.")
    text = joined(out)
    assert "When you ignore my texts, I feel angry." in text
    assert "Why it helps:" in text
    assert "Don't take a powerless approach" in text
    buttons = [b for m in out for b in m.get("buttons", [])]
    assert any("more_info" in b["payload"] for b in buttons)


def test_absolute_asks_for_the_feeling_then_finishes(servers):
    user = new_user()
    out = say(user, "You never listen to me!")
    assert "When you don't listen to me, I feel …" in joined(out)
    buttons = [b for m in out for b in m.get("buttons", [])]
    assert 3 <= len(buttons) <= 4
    out = say(user, buttons[0]["payload"])
    assert f"When you don't listen to me, I feel {buttons[0]['title']}." in joined(out)
    more = [b for m in out for b in m.get("buttons", [])][0]
    assert "One thing to try:" in joined(say(user, more["payload"]))


def test_a_new_complaint_while_the_feeling_is_asked_is_the_one_reframed(servers):
    """The person moves on to something else: the assistant follows, instead of asking about the old one again."""
    user = new_user()
    say(user, "You never listen to me!")
    out = joined(say(user, "and my wife leaves her wet towels on the bed every morning"))
    assert "When you leave your wet towels on the bed every morning, I feel …" in out
    assert "listen" not in out
    assert "When you leave your wet towels on the bed every morning, I feel frustrated." in joined(say(user, "frustrated"))


def test_praise_while_the_feeling_is_asked_is_welcomed_and_ends_the_question(servers):
    user = new_user()
    say(user, "You never listen to me!")
    out = joined(say(user, "you always make me laugh though"))
    assert "lovely to hear" in out
    assert "I feel …" not in out and "leave this one" not in out
    assert "When you ignore my texts, I feel angry." in joined(say(user, "You make me so angry when you ignore my texts."))


def test_a_feeling_after_the_reframe_gets_one_answer_not_a_loop(servers):
    """Once 'annoyed' after a finished reframe got ten copies of the same reply (the fallback predicted itself again)."""
    user = new_user()
    say(user, "why do you always leave your socks on the floor?")
    assert "I feel idk" not in joined(say(user, "idk"))
    assert "I feel annoyed." in joined(say(user, "annoyed"))
    out = say(user, "annoyed")
    assert len(out) == 1 and "What happened" in out[0]["text"]


def test_skip_in_practice_is_the_next_drill(servers):
    """The drill's own hint says 'say skip for a new drill'; typed 'skip' once ended practice instead."""
    user = new_user()
    first = joined(say(user, "let's practise"))
    out = joined(say(user, "skip"))
    assert "Drill (" in out and "Practice finished" not in out
    assert out.split("Drill (")[1] != first.split("Drill (")[1]  # a different drill


def test_label_asks_what_they_did_and_builds_from_the_answer(servers):
    user = new_user()
    assert "What did they actually do?" in joined(say(user, "You're so selfish."))
    assert "When you ate the last slice without asking, I felt …" in joined(say(user, "he ate the last slice without asking"))
    out = joined(say(user, "hurt"))
    assert "When you ate the last slice without asking, I felt hurt." in out


def test_third_person_becomes_what_to_say_to_them(servers):
    user = new_user()
    out = joined(say(user, "My husband never listens"))
    assert "your husband" in out
    assert "When you don't listen, I feel …" in out
    assert "You could say to your husband:" in joined(say(user, "lonely"))


@pytest.mark.parametrize("text", ["You make me want to kill myself", "You hit me", "he forces me to have sex"])
def test_crisis_gets_resources_and_no_reframe(servers, text):
    out = joined(say(new_user(), text))
    assert "988" in out and "1-800-799-7233" in out
    assert "When you" not in out


def test_crisis_in_the_middle_of_a_reframe(servers):
    user = new_user()
    say(user, "You never help with the kids")
    out = joined(say(user, "he pushed me against the wall last night"))
    assert "1-800-799-7233" in out and "When you" not in out
    assert "When you" not in joined(say(user, "hurt"))  # the reframe was stopped, not resumed


def test_questions_about_strategies(servers):
    out = joined(say(new_user(), "what is building a case?"))
    assert out.startswith("Don't build a case") and "One thing to try:" in out


@pytest.mark.parametrize("text", ["you make me so happy", "you always make me laugh"])
def test_praise_is_welcomed_not_corrected(servers, text):
    out = joined(say(new_user(), text))
    assert "When you" not in out and "lovely" in out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "empty"),
        ("Nunca me escuchas y siempre llegas tarde", "English"),
        ("<img src=x onerror=alert(1)>", "empty"),
        ("You never listen to me. " * 420, "long message"),
        ("🙂🙂🙂", "empty"),
    ],
)
def test_bad_input_gets_a_kind_answer(servers, text, expected):
    out = joined(say(new_user(), text))
    assert expected in out
    assert "Traceback" not in out and "<img" not in out


def test_a_conversation_survives_a_restart(servers):
    user = new_user()
    assert "I feel …" in joined(say(user, "you always leave your dishes in the sink"))
    servers.stop()
    servers.start()
    assert "When you leave your dishes in the sink, I feel frustrated." in joined(say(user, "frustrated"))


def test_pseudo_feeling_answer_gets_the_feeling_underneath(servers):
    user = new_user()
    assert "When I had to wait an hour, I felt …" in joined(say(user, "You made me wait an hour"))
    assert "describes what they did" in joined(say(user, "ignored"))
    out = joined(say(user, "hurt"))
    assert "When I had to wait an hour, I felt hurt." in out
    assert "Don't take a powerless approach" in out


def test_practice_scores_a_try_hints_a_non_answer_and_keeps_progress_through_a_restart(servers):
    user = new_user()
    drill = joined(say(user, "/practice_start"))
    assert "Drill (level 1)" in drill and "When you …, I feel …" in drill
    hint = joined(say(user, "🙂"))  # emoji only: a hint, not a score
    assert "I didn't catch" in hint and "/100" not in hint
    out = joined(say(user, "When you leave your plate in the sink overnight, I feel tired. Could you rinse it before bed?"))
    assert "/100" in out and "One way to say it" in out
    assert "Drill" in joined(say(user, "/practice_next"))
    out = joined(say(user, "he hit me last night and I'm scared"))
    assert "/100" not in out and ("988" in out or "1-800-799-7233" in out)
    servers.stop()
    servers.start()
    progress = joined(say(user, "/practice_progress"))
    assert "Drills done: 1" in progress, progress
    assert "Practice finished" in joined(say(user, "/stop"))


@pytest.mark.parametrize("method, path", [("GET", "/conversations/someone/tracker"), ("POST", "/model/parse"), ("PUT", "/model"), ("GET", "/status")])
def test_rasa_http_api_is_off(servers, method, path):
    """Only the channels answer: nobody can read conversations, parse text or swap the model over HTTP."""
    r = requests.request(method, f"http://localhost:{RASA_PORT}{path}", json={"text": "hi"}, timeout=30)
    assert r.status_code in (403, 404, 405), (path, r.status_code)
