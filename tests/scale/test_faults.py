"""Faults, with the real servers: the action server down or frozen, PostgreSQL or Redis down mid-run.

Each fault gets a clear answer (an apology, the crisis reply, or a 503 with a plain error) instead of
silence, a hang or a 500, and the next message after the fault is over works. Every message that got a
200 is in PostgreSQL afterwards: nothing acknowledged is lost. Figures go to reports/faults.json.
(Stores down at *start* are tests/test_check_stores.py; a Rasa server killed mid-conversation is
tests/scale/test_scale.py.)
"""

from __future__ import annotations

import json
import time
import uuid

import pytest
import requests

from reframe_nlu.resilience import APOLOGY
from tests.scale.services import MODEL, ROOT, ActionServer, Postgres, RasaServer, Redis, ensure_packages

RASA_PORT, ACTIONS_PORT, PG_PORT, REDIS_PORT = 5805, 5855, 55433, 56380
URL = f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook"
REPORT = ROOT / "reports" / "faults.json"
TALLY: dict[str, dict[str, int]] = {}

pytestmark = [pytest.mark.scale, pytest.mark.skipif(not MODEL.exists(), reason="train first: make train")]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    ensure_packages()
    work = tmp_path_factory.mktemp("faults")
    pg, redis = Postgres(work / "pg", PG_PORT), Redis(work / "redis", REDIS_PORT)
    pg.start()
    redis.start()
    actions = ActionServer(ACTIONS_PORT, {}, log_dir=work)
    env = {**pg.env(), **redis.env(), "REFRAME_ACTIONS_URL": f"http://127.0.0.1:{ACTIONS_PORT}/webhook", "REFRAME_ACTION_TIMEOUT": "3"}
    rasa = RasaServer(RASA_PORT, ROOT / "endpoints.scale.yml", env, log_dir=work)
    actions.start()
    rasa.start()
    actions.wait_ready(300)
    rasa.wait_ready(300)
    yield {"pg": pg, "redis": redis, "actions": actions, "rasa": rasa}
    for s in (rasa, actions, redis, pg):
        s.stop()
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(TALLY, indent=2), encoding="utf-8")
    print("\nfault figures:", json.dumps(TALLY))


def post(fault: str, sender: str, text: str, timeout: float = 60) -> requests.Response:
    r = requests.post(URL, json={"sender": sender, "message": text}, timeout=timeout)
    tally = TALLY.setdefault(fault, {"served": 0, "refused": 0, "errors_500": 0})
    tally["served" if r.status_code == 200 else "refused"] += 1
    tally["errors_500"] += r.status_code >= 500 and r.status_code != 503
    return r


def text_of(r: requests.Response) -> str:
    return "\n".join(m.get("text", "") for m in r.json())


def user() -> str:
    return f"fault-{uuid.uuid4().hex[:8]}"


def test_action_server_down_gets_an_apology_then_works_when_it_is_back(stack):
    actions = stack["actions"]
    someone = user()
    assert "When you ignore my texts, I feel angry." in text_of(post("actions_down", someone, "You make me so angry when you ignore my texts"))
    actions.stop()
    try:
        start = time.monotonic()
        r = post("actions_down", someone, "You never listen to me!")
        assert r.status_code == 200 and text_of(r) == APOLOGY  # one apology, not silence, not two
        assert time.monotonic() - start < 20
        crisis = post("actions_down", user(), "I want to kill myself")
        assert "988" in text_of(crisis) and "When you" not in text_of(crisis)  # safety never waits on the action server
    finally:
        actions.start()
        actions.wait_ready(300)
    r = post("actions_down", someone, "You never listen to me!")
    assert "When you don't listen to me, I feel …" in text_of(r)


def test_frozen_action_server_gets_an_apology_after_the_deadline(stack):
    actions = stack["actions"]
    someone = user()
    actions.pause()  # accepts connections, never answers: "slow" taken to the limit
    try:
        start = time.monotonic()
        r = post("actions_frozen", someone, "You never listen to me!")
        took = time.monotonic() - start
        assert r.status_code == 200 and text_of(r) == APOLOGY
        assert took < 15, took  # REFRAME_ACTION_TIMEOUT=3, not Rasa's five minutes
        TALLY["actions_frozen"]["reply_seconds"] = round(took, 1)
    finally:
        actions.resume()
    assert "When you don't listen to me, I feel …" in text_of(post("actions_frozen", someone, "You never listen to me!"))


@pytest.mark.parametrize("store", ["pg", "redis"])
def test_store_down_mid_run_gets_a_clear_error_and_nothing_acknowledged_is_lost(stack, store):
    pg, server = stack["pg"], stack[store]
    fault = f"{store}_down"
    someone = user()
    acknowledged = 0
    for text in ("hello", "You make me so angry when you ignore my texts"):
        assert post(fault, someone, text).status_code == 200
        acknowledged += 1
    server.kill()
    try:
        start = time.monotonic()
        r = post(fault, someone, "You never listen to me!", timeout=120)
        assert r.status_code == 503, (r.status_code, r.text[:300])
        assert "try again" in r.json()["error"].lower()
        assert time.monotonic() - start < 60
    finally:
        server.start()
    deadline, r = time.monotonic() + 60, None
    while time.monotonic() < deadline:  # the first request after a restart may meet a stale pooled connection
        r = post(fault, someone, "You never listen to me!")
        if r.status_code == 200:
            break
        assert r.status_code == 503
        time.sleep(1)
    assert r is not None and r.status_code == 200 and "When you don't listen to me, I feel …" in text_of(r)
    acknowledged += 1
    users = [e for e in pg.events(someone) if e["type"] == "user"]
    assert len(users) == acknowledged, [e["data"].get("text") for e in users]  # every 200 is stored, once
    assert TALLY[fault]["errors_500"] == 0

