"""Reframe at scale: two Rasa servers and two action servers behind nginx, one PostgreSQL, one Redis.

    .venv/bin/python -m pytest -q -m scale tests/scale -x -p no:cacheprovider

The Rasa servers use endpoints.scale.yml: Rasa's own SQLTrackerStore (PostgreSQL) and reframe_nlu/locks.py's
AtomicRedisLockStore (Rasa's RedisLockStore made atomic; key prefix `reframe`). nginx sends each request to the next server in turn, so one person's messages alternate between the
servers. 8 people talk at once, 50 messages each; then PostgreSQL must hold exactly one conversation per person:
every message once, the replies in the order they were sent, slots (practice progress) intact. The same load
through one Rasa server gives the latency to compare with and the events one server writes for the same
conversations. Then a Rasa server is SIGKILLed in the middle of a conversation and the other one carries on.

Two bugs of Rasa 3.6's RedisLockStore were found here: two messages of one person arriving at the same instant on
two servers (the ticket is a GET then a SET, so both servers went ahead and the SQL tracker store lost one of the two
turns), and a message waiting behind a server killed mid-message (its own ticket expired together with the dead one
and it was never served). reframe_nlu/locks.py fixes both, so those tests pass. One test runs the stock class itself
and is expected to fail (strict xfail): when Rasa is fixed it XPASSes and fails the run.

Figures go to reports/scale.json (and are printed at the end of the run).
"""

from __future__ import annotations

import json
import math
import os
import re
import socket
import statistics
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from tests.scale.services import (
    MODEL,
    ROOT,
    SENDER_HEADER,
    ActionServer,
    Nginx,
    Postgres,
    RasaServer,
    Redis,
    ensure_packages,
)

pytestmark = [pytest.mark.scale, pytest.mark.skipif(not MODEL.exists(), reason="no trained model at models/reframe.tar.gz: make train")]

PG_PORT, REDIS_PORT = 55432, 56379
NGINX_PORT, NGINX_ACTIONS_PORT = 58080, 58055
RASA_PORTS, ACTION_PORTS = [5405, 5406], [5455, 5456]
USERS, MESSAGES = 8, 50
REQUEST_TIMEOUT = 150  # per message; nginx gives up on a server after 180 s
LOAD_DEADLINE = 300  # per load of 8 x 50 messages (about 40-60 s on 2 cores)
REPORT = ROOT / "reports" / "scale.json"
ENDPOINTS = ROOT / "endpoints.scale.yml"

FIGURES: dict = {}


def record(section: str, figures: dict) -> None:
    FIGURES[section] = figures
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps({"measured": time.strftime("%Y-%m-%d %H:%M:%S"), **FIGURES}, indent=2) + "\n", encoding="utf-8")


# ---- the conversation each person has ------------------------------------------------------------

SCORE = re.compile(r"\b\d{1,3}/100\b")
FEELINGS = ["hurt", "lonely", "sad", "frustrated"]
ANSWERS = [
    "When you leave your plate on the table, I feel tired. Could you take it to the sink?",
    "When you leave your socks on the floor, I feel frustrated. Could you put them in the basket?",
    "When you don't call, I feel lonely. Could you text me when you're late?",
    "When you check your phone at dinner, I feel lonely. Could we keep phones away while we eat?",
    "When you're late and don't text, I feel worried. Could you send a quick message next time?",
]


@dataclass
class Step:
    message: str
    expect: list[str | re.Pattern]  # every one must be in the reply (a string) or match it (a pattern)
    drill: bool = False  # a scored try: one more drill done

    def check(self, reply: str) -> list[str]:
        missing = []
        for e in self.expect:
            if (isinstance(e, str) and e not in reply) or (isinstance(e, re.Pattern) and not e.search(reply)):
                missing.append(e if isinstance(e, str) else e.pattern)
        return missing


def script(user: int) -> list[Step]:
    """50 messages: three rounds of greeting, blame then a feeling, practice (a try, next, try again), progress,
    a question, a full reframe, stop, thanks, bye; then hello and "how am I doing?". Feelings and answers vary by
    person."""
    steps: list[Step] = []
    drills = 0

    def answer() -> Step:
        nonlocal drills
        drills += 1
        return Step(ANSWERS[(user + drills) % len(ANSWERS)], [SCORE], drill=True)

    def progress() -> Step:
        return Step("how am I doing?", [f"Drills done: {drills}."])

    for r in range(3):
        feeling = FEELINGS[(user + r) % len(FEELINGS)]
        steps += [
            Step("hi", ["I'm Reframe"]),
            Step("You never listen to me!", ["When you don't listen to me, I feel …"]),
            Step(feeling, [f"When you don't listen to me, I feel {feeling}."]),
            Step("let's practise", ["Drill (level"]),
        ]
        steps += [answer(), progress(), Step("what is building a case?", ["Don't build a case"]), Step("next", ["Drill (level"])]
        steps += [answer(), Step("try again", ["Drill (level"])]
        steps += [answer(), Step("You make me so angry when you ignore my texts", ["When you ignore my texts, I feel angry."])]
        steps += [progress(), Step("stop", ["Practice finished", f"Drills done: {drills}."]), Step("thanks", ["welcome"])]
        steps += [Step("bye", ["Take care"])]
    steps += [Step("hi", ["I'm Reframe"]), progress()]
    assert len(steps) == MESSAGES
    return steps


def drills_in(steps: list[Step]) -> int:
    return sum(s.drill for s in steps)


# ---- sending ---------------------------------------------------------------------------------------


@dataclass
class Turn:
    message: str
    status: int
    replies: list[dict]
    seconds: float
    error: str = ""

    @property
    def text(self) -> str:
        return "\n".join(r.get("text", "") for r in self.replies)


def say(base: str, sender: str, message: str) -> Turn:
    start = time.perf_counter()
    try:
        r = requests.post(
            f"{base}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            headers={SENDER_HEADER: sender},
            timeout=REQUEST_TIMEOUT,
        )
        seconds = time.perf_counter() - start
        try:
            replies = r.json() if r.status_code == 200 else []
        except ValueError:
            return Turn(message, r.status_code, [], seconds, f"not JSON: {r.text[:200]}")
        return Turn(message, r.status_code, replies, seconds, "" if r.status_code == 200 else r.text[:300])
    except requests.RequestException as e:
        return Turn(message, 0, [], time.perf_counter() - start, repr(e))


@dataclass
class Load:
    base: str
    senders: list[str]
    turns: dict[str, list[Turn]] = field(default_factory=dict)
    wall: float = 0.0

    def latencies(self) -> list[float]:
        return [t.seconds for turns in self.turns.values() for t in turns]


def run_load(base: str, label: str, users: int = USERS) -> Load:
    """`users` people at once, each sending their script() one message after the other."""
    run = uuid.uuid4().hex[:6]
    load = Load(base, [f"{label}-{run}-{i}" for i in range(users)])

    deadline = time.monotonic() + LOAD_DEADLINE

    def talk(i: int) -> None:
        sender = load.senders[i]
        load.turns[sender] = turns = []
        for step in script(i):
            if time.monotonic() > deadline:  # a hung server must not hang the run: the checks then name what was not sent
                turns.append(Turn(step.message, 0, [], 0.0, f"not sent: the load took over {LOAD_DEADLINE} s"))
            else:
                turns.append(say(base, sender, step.message))

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        list(pool.map(talk, range(users), timeout=LOAD_DEADLINE + REQUEST_TIMEOUT + 30))
    load.wall = time.perf_counter() - start
    return load


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def latency_figures(load: Load) -> dict:
    lat = load.latencies()
    return {
        "messages": len(lat),
        "median_ms": round(statistics.median(lat) * 1000, 1),
        "p95_ms": round(pct(lat, 95) * 1000, 1),
        "max_ms": round(max(lat) * 1000, 1),
        "wall_s": round(load.wall, 1),
        "messages_per_s": round(len(lat) / load.wall, 2),
    }


# ---- what PostgreSQL holds ---------------------------------------------------------------------------


def conversation_problems(pg: Postgres, sender: str, steps: list[Step], turns: list[Turn]) -> list[str]:
    """Everything wrong with one person's conversation, as stored in PostgreSQL, compared with what was sent
    and what came back over HTTP. Empty: consistent."""
    problems = []
    for n, (step, turn) in enumerate(zip(steps, turns), 1):
        if turn.status != 200 or not turn.replies:
            problems.append(f"message {n} {step.message!r}: HTTP {turn.status}, {len(turn.replies)} replies {turn.error}")
        elif missing := step.check(turn.text):
            problems.append(f"message {n} {step.message!r}: reply lacks {missing}: {turn.text[:300]!r}")
    events = pg.events(sender)
    users = [e for e in events if e["type"] == "user"]
    if [e["data"].get("text") for e in users] != [s.message for s in steps]:
        problems.append(f"user events: {len(users)} stored for {len(steps)} sent, or not in the order sent")
    listens = sum(e["type"] == "action" and e["action"] == "action_listen" for e in events)
    if listens != len(users) + 1:
        problems.append(f"{listens} action_listen for {len(users)} user messages (expected one more than messages)")
    kinds = Counter(e["type"] for e in events)
    if kinds["session_started"] != 1 or sum(e["type"] == "action" and e["action"] == "action_session_start" for e in events) != 1:
        problems.append(f"session starts: {kinds['session_started']}")
    stamps = [e["data"].get("timestamp") or 0 for e in events]
    if any(b < a for a, b in zip(stamps, stamps[1:])):
        problems.append("timestamps go backwards in id order")
    # Each turn's bot events, in id order, against that turn's HTTP replies (the REST channel splits a plain text
    # on blank lines; joined with blank lines both read the same).
    per_turn: list[list[dict]] = []
    for e in events:
        if e["type"] == "user":
            per_turn.append([])
        elif e["type"] == "bot" and per_turn:
            per_turn[-1].append(e["data"])
    for n, (bots, turn) in enumerate(zip(per_turn, turns), 1):
        stored = "\n\n".join((b.get("text") or "").strip() for b in bots)
        sent = "\n\n".join(r.get("text", "") for r in turn.replies)
        buttons_stored = [b["payload"] for d in bots for b in (d.get("data") or {}).get("buttons") or []]
        buttons_sent = [b["payload"] for r in turn.replies for b in r.get("buttons", [])]
        if turn.status == 200 and (stored != sent or buttons_stored != buttons_sent):
            problems.append(f"turn {n}: stored bot replies differ from the HTTP reply: {stored[:120]!r} vs {sent[:120]!r}")
    return problems


def signature(pg: Postgres, sender: str) -> list[tuple]:
    """The conversation without its timestamps: what a second run of the same script must write again."""
    return [(e["type"], e["action"], e["intent"], e["data"].get("text"), e["data"].get("name")) for e in pg.events(sender)]


# ---- the servers -------------------------------------------------------------------------------------


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


@dataclass
class Stack:
    pg: Postgres
    redis: Redis
    nginx: Nginx
    rasa: list[RasaServer]
    actions: list[ActionServer]
    workdir: Path
    started_s: float = 0.0

    def rasa_on(self, port: int) -> RasaServer:
        return next(r for r in self.rasa if r.port == port)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    ensure_packages()
    busy = [p for p in [PG_PORT, REDIS_PORT, NGINX_PORT, NGINX_ACTIONS_PORT, *RASA_PORTS, *ACTION_PORTS] if not port_free(p)]
    assert not busy, f"ports in use (another scale run?): {busy}"
    wd = tmp_path_factory.mktemp("scale")
    pg, red = Postgres(wd / "postgres", PG_PORT), Redis(wd / "redis", REDIS_PORT)
    nginx = Nginx(wd / "nginx", NGINX_PORT, RASA_PORTS, NGINX_ACTIONS_PORT, ACTION_PORTS)
    env = {**pg.env(), **red.env(), "REFRAME_ACTIONS_URL": nginx.actions_url}
    actions = [ActionServer(p, {}, log_dir=wd) for p in ACTION_PORTS]
    rasa = [RasaServer(p, ENDPOINTS, env, log_dir=wd) for p in RASA_PORTS]
    s = Stack(pg, red, nginx, rasa, actions, wd)
    everything = [pg, red, *actions, *rasa, nginx]
    try:
        start = time.monotonic()
        pg.start()
        red.start()
        for server in [*actions, *rasa]:  # all four load at once; the CPU is the limit
            server.start()
        nginx.start()
        for server in [*actions, *rasa]:
            server.wait_ready(timeout=420)
        s.started_s = round(time.monotonic() - start, 1)
        yield s
    finally:
        for server in reversed(everything):
            try:
                server.stop()
            except Exception as e:  # keep stopping the rest
                print(f"stopping {server.name}: {e}")


@pytest.fixture(scope="module")
def two_server_load(stack):
    """8 people at once through nginx: each person's messages go to both Rasa servers in turn."""
    return run_load(stack.nginx.url, "nginx")


# ---- the tests ----------------------------------------------------------------------------------------


def test_eight_people_across_two_servers_each_get_one_consistent_conversation(stack, two_server_load):
    load = two_server_load
    problems = {}
    for i, sender in enumerate(load.senders):
        found = conversation_problems(stack.pg, sender, script(i), load.turns[sender])
        if found:
            problems[sender] = found[:8]
    sent = sum(len(t) for t in load.turns.values())
    users = sum(sum(e["type"] == "user" for e in stack.pg.events(s)) for s in load.senders)
    written = sum(stack.pg.count_events(s) for s in load.senders)
    final = {s: load.turns[s][-1].text.split("\n")[0] for s in load.senders}
    locks_left = [k for k in stack.redis.keys(f"{stack.redis.prefix}:lock:*") if k.rsplit(":", 1)[-1] in load.turns]
    record(
        "two_servers_consistency",
        {
            "people": USERS,
            "messages_each": MESSAGES,
            "messages_sent": sent,
            "http_200_with_reply": sum(t.status == 200 and bool(t.replies) for ts in load.turns.values() for t in ts),
            "user_events_stored": users,
            "events_written": written,
            "drills_each": drills_in(script(0)),
            "final_progress": final,
            "redis_locks_left": locks_left,
            "servers_ready_after_s": stack.started_s,
            "problems": problems,
        },
    )
    assert not problems, json.dumps(problems, indent=2, ensure_ascii=False)
    assert users == sent == USERS * MESSAGES
    assert not locks_left, f"locks still held in Redis after every conversation ended: {locks_left}"
    for i, sender in enumerate(load.senders):  # practice progress survived every switch of server
        assert f"Drills done: {drills_in(script(i))}." in load.turns[sender][-1].text


def test_each_persons_messages_alternated_between_both_servers(stack, two_server_load):
    load = two_server_load
    entries = [e for e in stack.nginx.served_by() if e["sender"] in load.turns]
    upstreams = {f"127.0.0.1:{p}" for p in RASA_PORTS}
    per_person = {}
    for sender in load.senders:
        served = [e["upstream"] for e in entries if e["sender"] == sender]
        switches = sum(a != b for a, b in zip(served, served[1:]))
        per_person[sender] = {**Counter(served), "switches": switches}
    total = Counter(e["upstream"] for e in entries)
    actions_total = Counter(e["upstream"] for e in stack.nginx.served_by(NGINX_ACTIONS_PORT))
    record("requests_per_server", {"rasa": dict(total), "actions": dict(actions_total), "per_person": per_person})
    assert len(entries) == USERS * MESSAGES, f"{len(entries)} logged for {USERS * MESSAGES} sent"
    assert set(total) == upstreams, total
    for sender, counts in per_person.items():
        assert all(counts.get(u, 0) > 0 for u in upstreams), f"{sender} was served by one server only: {counts}"
        assert counts["switches"] > 0
    assert all(actions_total.get(f"127.0.0.1:{p}", 0) > 0 for p in ACTION_PORTS), actions_total


def test_latency_one_server_vs_two_and_the_same_events_either_way(stack, two_server_load):
    one = run_load(stack.rasa[0].url, "single")  # straight to one Rasa server, no nginx in front
    assert all(t.status == 200 and t.replies for ts in one.turns.values() for t in ts)
    # The same script through one server is the reference: the events it writes are what two must write.
    expected = sum(stack.pg.count_events(s) for s in one.senders)
    written = sum(stack.pg.count_events(s) for s in two_server_load.senders)
    differ = [
        two for one_s, two in zip(one.senders, two_server_load.senders) if signature(stack.pg, one_s) != signature(stack.pg, two)
    ]
    by_type = Counter(e["type"] for s in two_server_load.senders for e in stack.pg.events(s))
    record(
        "latency",
        {
            "load": f"{USERS} people at once x {MESSAGES} messages",
            "one_rasa_server_direct": latency_figures(one),
            "two_rasa_servers_nginx": latency_figures(two_server_load),
            "cores": _cores(),
        },
    )
    record(
        "events",
        {
            "written_two_servers": written,
            "expected_from_one_server_same_script": expected,
            "total_in_postgres": stack.pg.count_events(),
            "by_type_two_servers": dict(by_type),
            "conversations_differing_from_reference": differ,
        },
    )
    for i, sender in enumerate(one.senders):
        assert not conversation_problems(stack.pg, sender, script(i), one.turns[sender])
    assert written == expected, f"two servers wrote {written} events, one server {expected} for the same conversations"
    assert not differ, f"conversations stored differently from the one-server reference: {differ}"


def test_a_server_killed_mid_conversation_the_other_carries_on(stack):
    nginx, pg = stack.nginx, stack.pg
    sender = f"kill-{uuid.uuid4().hex[:6]}"
    before = [
        Step("let's practise", ["Drill (level"]),
        Step(ANSWERS[0], [SCORE], drill=True),
        Step("You never listen to me!", ["When you don't listen to me, I feel …"]),  # the reframe starts here...
    ]
    after = [
        Step("lonely", ["When you don't listen to me, I feel lonely."]),  # ... and is finished by the other server
        Step("how am I doing?", ["Drills done: 1."]),
        Step("let's practise", ["Drill (level"]),
        Step(ANSWERS[1], [SCORE], drill=True),
        Step("how am I doing?", ["Drills done: 2."]),
        Step("You make me so angry when you ignore my texts", ["When you ignore my texts, I feel angry."]),
    ]
    turns = [say(nginx.url, sender, s.message) for s in before]
    last = [e for e in nginx.served_by() if e["sender"] == sender][-1]["upstream"]
    victim = stack.rasa_on(int(last.rsplit(":", 1)[1]))
    survivor = next(r for r in stack.rasa if r is not victim)
    victim.kill()  # SIGKILL: no shutdown, no goodbye to nginx
    killed_at = len(turns)
    turns += [say(nginx.url, sender, s.message) for s in after]
    served_after = [e for e in nginx.served_by() if e["sender"] == sender][killed_at:]
    skipped = sum(len(e["upstreams"]) > 1 for e in served_after)
    problems = conversation_problems(pg, sender, before + after, turns)
    record(
        "kill",
        {
            "killed": f"127.0.0.1:{victim.port} (SIGKILL, after message {killed_at}: a reframe waiting for the feeling)",
            "messages_after_kill": len(after),
            "http_status_after_kill": [t.status for t in turns[killed_at:]],
            "served_after_kill_by": dict(Counter(e["upstream"] for e in served_after)),
            "requests_that_tried_the_dead_server_first": skipped,
            "latency_after_kill_ms": [round(t.seconds * 1000) for t in turns[killed_at:]],
            "events_stored": pg.count_events(sender),
            "problems": problems,
        },
    )
    assert not problems, problems
    assert {e["upstream"] for e in served_after} == {f"127.0.0.1:{survivor.port}"}
    assert not victim.running()

    # Back in service, the restarted server knows the conversation it never saw the end of.
    start = time.monotonic()
    victim.start()
    victim.wait_ready(timeout=420)
    FIGURES["kill"]["restarted_ready_after_s"] = round(time.monotonic() - start, 1)
    turn = say(victim.url, sender, "how am I doing?")
    record("kill", {**FIGURES["kill"], "restarted_server_reports": turn.text.split("\n")[0]})
    assert turn.status == 200 and "Drills done: 2." in turn.text, turn


RASA_LOCK_BUG = (
    "Rasa 3.6 RedisLockStore/TicketLock: issue_ticket() is a GET then a SET (not atomic across servers), and a waiting "
    "ticket that expires while it waits can never be served (now_serving falls back to 0). See reports/scale.json."
)


def test_two_messages_at_the_same_instant_on_two_servers_are_both_stored(stack):
    """A person sends two messages at once (a double tap; two quick messages from a messaging app) and the load
    balancer gives one to each server. Both answers are acknowledged (HTTP 200), so both must be stored, in turn.

    With Rasa 3.6's RedisLockStore both servers got ticket 0 (a GET then a SET) and one turn was lost in most tries
    (15/20); fixed by reframe_nlu/locks.py (AtomicRedisLockStore: each ticket change is one Redis transaction)."""
    tries, broken = 20, []  # 30-60 % of tries break on 2 cores: 20 make a spurious pass (XPASS) very unlikely
    for n in range(tries):
        sender = f"race-{uuid.uuid4().hex[:6]}-{n}"
        say(stack.rasa[0].url, sender, "hi")
        barrier, out = threading.Barrier(2), {}

        def send(server: RasaServer, text: str, sender: str = sender, barrier: threading.Barrier = barrier, out: dict = out) -> None:
            barrier.wait(timeout=30)
            out[text] = say(server.url, sender, text)

        pair = [(stack.rasa[0], "You never listen to me!"), (stack.rasa[1], "what is building a case?")]
        threads = [threading.Thread(target=send, args=p, daemon=True) for p in pair]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=REQUEST_TIMEOUT + 10)
        acknowledged = sorted(text for text, turn in out.items() if turn.status == 200 and turn.replies)
        events = stack.pg.events(sender)
        stored = sorted(e["data"].get("text") for e in events[1:] if e["type"] == "user" and e["data"].get("text") != "hi")
        listens = sum(e["type"] == "action" and e["action"] == "action_listen" for e in events)
        if stored != acknowledged or listens != 4:
            broken.append({"sender": sender, "acknowledged": acknowledged, "stored": stored, "action_listen": listens})
    record("same_instant_on_two_servers", {"tries": tries, "inconsistent": len(broken), "examples": broken[:3]})
    assert not broken, f"{len(broken)}/{tries} conversations lost an acknowledged message: {broken[:2]}"


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=RASA_LOCK_BUG)
def test_rasa_lock_serves_a_message_queued_behind_a_dead_servers_ticket(stack):
    """Rasa's own RedisLockStore on our Redis, no servers: a ticket that is never released (its server died) and a
    message queued behind it. Once the dead ticket expires the queued one must be served. It is when it queued
    1.5 s after the dead one; when it queued 0.5 s after, its own ticket expires first (polls are 1 s apart, both
    lifetimes count from issue) and it is never served.

    Still expected to fail: it tests the stock class on purpose (the Rasa bug stays). Reframe's servers use
    reframe_nlu/locks.py, whose waiters refresh their own ticket; tests/test_locks.py runs this scenario on both."""
    import asyncio

    from rasa.core.lock_store import RedisLockStore

    red = stack.redis
    store = RedisLockStore(host="127.0.0.1", port=red.port, db=red.db, key_prefix=red.prefix)
    lifetime = 3.0

    async def queued(gap: float) -> float | None:
        conversation = f"deadticket-{uuid.uuid4().hex[:6]}"
        store.issue_ticket(conversation, lifetime)  # the server that took this ticket died: it is never released
        await asyncio.sleep(gap)
        start = time.monotonic()

        async def take() -> float:
            async with store.lock(conversation, lock_lifetime=lifetime):
                return round(time.monotonic() - start, 2)

        try:
            return await asyncio.wait_for(take(), timeout=3 * lifetime)
        except asyncio.TimeoutError:
            return None

    late, early = asyncio.run(queued(1.5)), asyncio.run(queued(0.5))
    record(
        "lock_behind_dead_ticket",
        {"lifetime_s": lifetime, "queued_1.5_s_after_served_after_s": late, "queued_0.5_s_after_served_after_s": early},
    )
    if late is None:
        pytest.fail("control: a message queued 1.5 s behind a dead ticket must get the lock once that ticket expires")
    assert early is not None, f"queued 0.5 s behind a dead ticket: not served within {3 * lifetime:.0f} s (a ticket lives {lifetime} s)"


def test_a_server_killed_while_answering_does_not_lose_the_next_message(stack):
    """SIGKILL while a message is being handled, with the person's next message already waiting on the other
    server. The request on the dead server fails and nothing of it is stored (right). Its Redis lock ticket
    outlives the server, so the waiting message must wait for it to expire (endpoints.scale.yml's lock_lifetime,
    20 s after the dead server's last refresh); then it must be answered and stored once, and the conversation go on.

    With Rasa 3.6's RedisLockStore the waiting ticket expired with the dead one and was never served (HTTP 503 at
    Sanic's 60 s response timeout); fixed by reframe_nlu/locks.py, whose live tickets (waiting or held) are kept fresh."""
    nginx, pg, red = stack.nginx, stack.pg, stack.redis
    assert all(r.running() for r in stack.rasa), "the kill test restarts the server it killed"
    victim, survivor = stack.rasa
    sender = f"inflight-{uuid.uuid4().hex[:6]}"
    key = f"{red.prefix}:lock:{sender}"
    first = say(nginx.url, sender, "You never listen to me!")
    assert "I feel …" in first.text, first
    on_victim: list[Turn] = []
    on_survivor: list[Turn] = []

    def tickets() -> list[int] | None:
        value = red.get(key)
        return [json.loads(t)["number"] for t in json.loads(value)["tickets"]] if value else None

    def wait_for(numbers: list[int]) -> list[int] | None:
        deadline = time.monotonic() + 60
        while tickets() != numbers and time.monotonic() < deadline:
            time.sleep(0.05)
        return tickets()

    for a in stack.actions:  # freeze the action servers: the victim holds the conversation's lock while it waits
        a.pause()
    try:
        held = threading.Thread(target=lambda: on_victim.append(say(victim.url, sender, "hurt")), daemon=True)
        held.start()
        seen_first = wait_for([0])
        waiting = threading.Thread(target=lambda: on_survivor.append(say(survivor.url, sender, "hurt")), daemon=True)
        waiting.start()  # the person sent it again; the load balancer gave it to the other server
        seen_both = wait_for([0, 1])
        victim.kill()
        killed = time.monotonic()
    finally:
        for a in stack.actions:
            a.resume()
    samples: list[tuple[float, list[int] | None]] = []
    while waiting.is_alive() and time.monotonic() - killed < REQUEST_TIMEOUT:
        samples.append((round(time.monotonic() - killed, 1), tickets()))
        waiting.join(timeout=1.0)
    held.join(timeout=10)
    retry = on_survivor[0] if on_survivor else Turn("hurt", 0, [], 0.0, "no answer")
    final = say(nginx.url, sender, "what is building a case?")
    stored = [e["data"].get("text") for e in pg.events(sender) if e["type"] == "user"]
    steps = [Step("You never listen to me!", []), Step("hurt", ["When you don't listen to me, I feel hurt."])]
    steps.append(Step("what is building a case?", ["Don't build a case"]))
    problems = conversation_problems(pg, sender, steps, [first, retry, final])
    record(
        "kill_in_flight",
        {
            "lock_tickets": {"while_the_victim_handled_it": seen_first, "with_the_next_message_waiting": seen_both},
            "request_on_killed_server": {"status": on_victim[0].status, "error": on_victim[0].error[:120]} if on_victim else "no answer",
            "waiting_message": {"status": retry.status, "replies": len(retry.replies), "seconds": round(retry.seconds, 1), "error": retry.error[:120]},
            "lock_tickets_after_kill": _runs(samples),
            "user_events_stored": stored,
            "next_message_after_that": {"status": final.status, "answered": bool(final.replies)},
            "problems": problems,
        },
    )
    # What holds either way (pytest.fail, not assert: only the known bug below may count as the expected failure).
    if seen_first != [0] or seen_both != [0, 1]:
        pytest.fail(f"no Redis lock tickets under {key}: {seen_first} {seen_both}")
    if not on_victim or on_victim[0].status == 200:
        pytest.fail("the request on the killed server cannot have been answered")
    if final.status != 200 or not final.replies or stored.count("hurt") > 1:
        pytest.fail(f"the conversation must go on after the crash, nothing doubled: {final} {stored}")
    assert retry.status == 200 and retry.replies, (
        f"the message waiting behind the crashed server got HTTP {retry.status} {retry.error[:80]!r} after "
        f"{retry.seconds:.0f} s and was not stored (stored: {stored}); lock tickets after the kill: {_runs(samples)}. "
        "Its own ticket (1) expired with the dead one (0); then TicketLock.now_serving is 0, never 1, so it waited until "
        "Sanic's 60 s response timeout (which `rasa run` without --enable-api does not raise) cancelled it."
    )
    if problems:
        pytest.fail(f"{problems}")


def _runs(samples: list[tuple[float, list[int] | None]]) -> list[str]:
    """[(t, tickets)] as 'tickets from t1 to t2' runs, short enough to read."""
    runs: list[list] = []
    for t, tickets in samples:
        if runs and runs[-1][2] == tickets:
            runs[-1][1] = t
        else:
            runs.append([t, t, tickets])
    return [f"{a}-{b} s: {'no lock' if k is None else k}" for a, b, k in runs]


def _cores() -> int:
    return len(os.sched_getaffinity(0))
