"""reframe_nlu/locks.py against a real redis-server (port 56390), side by side with Rasa 3.6's RedisLockStore.

Each scenario runs on AtomicRedisLockStore and, where the stock store's failure is deterministic, on the stock
store too, to show the bug being fixed: several servers issuing tickets at once, a cleanup racing a new ticket,
and a message queued behind a ticket whose server died.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from pathlib import Path

import pytest
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LockError, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from reframe_nlu.locks import AtomicRedisLockStore
from tests.scale import services

PORT = 56390
PREFIX = "reframetest"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    if not services.REDIS_SERVER.exists():
        try:
            services.ensure_packages()
        except RuntimeError as e:
            pytest.skip(f"redis-server is not installed and could not be installed: {e}")
    server = services.Redis(tmp_path_factory.mktemp("redis"), PORT)
    for attempt in range(5):  # 56390 is in Linux's ephemeral range: a client socket in TIME_WAIT can hold it for up to 60 s
        try:
            server.start()
            break
        except RuntimeError as e:
            if attempt == 4 or "Address already in use" not in str(e):
                pytest.skip(f"could not start redis-server on port {PORT}: {e}")
            time.sleep(15)
    yield server
    server.stop()


def make(cls: type = AtomicRedisLockStore, **kwargs) -> RedisLockStore:
    return cls(host="127.0.0.1", port=PORT, db=services.Redis.db, key_prefix=PREFIX, **kwargs)


def conversation() -> str:
    return f"c-{uuid.uuid4().hex[:8]}"


def stored(redis_server, conversation_id: str) -> TicketLock | None:
    raw = redis_server.get(f"{PREFIX}:lock:{conversation_id}")
    return TicketLock.from_dict(json.loads(raw)) if raw else None


def issue_at_once(cls: type, threads: int = 16) -> list[int]:
    """`threads` servers (one store, one connection each) take a ticket for the same conversation at the same instant."""
    stores = [make(cls) for _ in range(threads)]
    for s in stores:
        s.red.ping()  # connect first, so the barrier lines up the ticket calls themselves
    conv, barrier, tickets = conversation(), threading.Barrier(threads), []

    def take(store: RedisLockStore) -> None:
        barrier.wait(timeout=10)
        tickets.append(store.issue_ticket(conv, 30))

    workers = [threading.Thread(target=take, args=(s,)) for s in stores]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=30)
    return tickets


# ---- loading and format ---------------------------------------------------------------------------


def test_loaded_by_rasa_from_the_endpoints_keys_of_the_stock_store(redis_server):
    config = EndpointConfig.from_dict(
        {
            "type": "reframe_nlu.locks.AtomicRedisLockStore",
            "url": "127.0.0.1",
            "port": str(PORT),  # ${VAR} values are strings
            "db": "1",
            "password": "",
            "key_prefix": PREFIX,
            "socket_timeout": "5",
            "lock_lifetime": "7",
        }
    )
    store = LockStore.create(config)
    assert isinstance(store, AtomicRedisLockStore) and isinstance(store, RedisLockStore)
    assert store.key_prefix == f"{PREFIX}:lock:" and store.lock_lifetime == 7.0
    assert store.red.ping()


def test_endpoints_scale_yml_selects_it(redis_server, monkeypatch):
    from rasa.core.utils import AvailableEndpoints

    env = {**redis_server.env(), "REFRAME_REDIS_PORT": str(PORT), "REFRAME_ACTIONS_URL": "http://127.0.0.1:1/webhook"}
    env.update({k: "" for k in ["REFRAME_DB_HOST", "REFRAME_DB_PORT", "REFRAME_DB_NAME", "REFRAME_DB_USER", "REFRAME_DB_PASSWORD"]})
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.scale.yml"))
    store = LockStore.create(endpoints.lock_store)
    assert type(store) is AtomicRedisLockStore
    assert store.key_prefix == "reframe:lock:"
    assert store.red.ping()


def test_keys_and_values_are_rasas_so_stock_servers_read_them(redis_server):
    conv = conversation()
    ours, stock = make(), make(RedisLockStore)
    assert ours.issue_ticket(conv, 30) == 0
    assert stock.issue_ticket(conv, 30) == 1  # a stock server in a mixed fleet queues behind ours
    assert ours.issue_ticket(conv, 30) == 2
    raw = json.loads(redis_server.get(f"{PREFIX}:lock:{conv}"))
    assert set(raw) == {"conversation_id", "tickets"} and raw["conversation_id"] == conv
    assert [json.loads(t)["number"] for t in raw["tickets"]] == [0, 1, 2]
    assert stock.get_lock(conv).dumps() == ours.get_lock(conv).dumps()
    for n in range(3):
        ours.cleanup(conv, n)
    assert redis_server.get(f"{PREFIX}:lock:{conv}") is None


# ---- 1. atomic ticket operations --------------------------------------------------------------------


def test_tickets_issued_at_the_same_instant_by_many_servers_are_distinct(redis_server):
    for _ in range(5):
        tickets = issue_at_once(AtomicRedisLockStore)
        assert sorted(tickets) == list(range(16)), tickets


def test_stock_store_hands_out_the_same_ticket_twice_in_the_same_scenario(redis_server):
    duplicated = 0
    for _ in range(5):
        tickets = issue_at_once(RedisLockStore)
        duplicated += len(tickets) - len(set(tickets))
    assert duplicated > 0, "the stock store's GET-then-SET did not race this time"


def _cleanup_racing_a_new_ticket(cls: type, monkeypatch) -> tuple[TicketLock | None, int]:
    """A holder cleans up; another server issues a ticket just after the holder looked for waiters, before it deleted.

    The other server's issue_ticket runs (in its own thread, with its own connection) inside the holder's first
    call of TicketLock.is_someone_waiting(): for the stock store, between its GET and its DELETE; for ours, inside
    the transaction (between WATCH+GET and EXEC)."""
    holder, other = make(cls), make(cls)
    conv = conversation()
    mine = holder.issue_ticket(conv, 30)
    original, issued = TicketLock.is_someone_waiting, []

    def someone_waiting(self: TicketLock) -> bool:
        answer = original(self)
        if not issued:
            t = threading.Thread(target=lambda: issued.append(other.issue_ticket(conv, 30)))
            t.start()
            t.join(timeout=10)
        return answer

    monkeypatch.setattr(TicketLock, "is_someone_waiting", someone_waiting)
    holder.cleanup(conv, mine)
    monkeypatch.setattr(TicketLock, "is_someone_waiting", original)
    return other.get_lock(conv), issued[0]


def test_cleanup_never_deletes_a_lock_someone_is_waiting_on(redis_server, monkeypatch):
    lock, waiting = _cleanup_racing_a_new_ticket(AtomicRedisLockStore, monkeypatch)
    assert lock is not None and [t.number for t in lock.tickets] == [waiting]
    assert not lock.is_locked(waiting)  # and it is its turn now


def test_stock_cleanup_deletes_the_waiters_ticket_in_the_same_scenario(redis_server, monkeypatch):
    lock, _ = _cleanup_racing_a_new_ticket(RedisLockStore, monkeypatch)
    assert lock is None  # the waiter's ticket went with the lock: it will find "no lock" and raise LockError


def test_many_servers_taking_turns_never_overlap_and_never_fail(redis_server):
    """4 threads (4 servers, own store each) x 15 messages of one conversation; each holds the lock a few ms."""
    conv, inside, overlaps, errors, served = conversation(), [0], [], [], []
    guard = threading.Lock()

    def server() -> None:
        store = make(lock_lifetime=10)

        async def messages() -> None:
            for _ in range(15):
                try:
                    async with store.lock(conv, wait_time_in_seconds=0.005):
                        with guard:
                            inside[0] += 1
                            if inside[0] > 1:
                                overlaps.append(inside[0])
                        await asyncio.sleep(0.003)
                        with guard:
                            inside[0] -= 1
                            served.append(1)
                except LockError as e:
                    errors.append(str(e))

        asyncio.run(messages())

    workers = [threading.Thread(target=server) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert not errors and not overlaps and len(served) == 60, (errors[:3], overlaps[:3], len(served))
    assert redis_server.get(f"{PREFIX}:lock:{conv}") is None  # the last one out deleted the lock


# ---- 2. a message queued behind a dead server's ticket ------------------------------------------------

LIFETIME, GAP, POLL = 2.0, 0.2, 1.5  # the dead ticket expires at 2.0 s, the stock waiter's own at 2.2 s; polls at 0.2, 1.7, 3.2 s


async def _behind_a_dead_ticket(cls: type, redis_server) -> tuple[float | None, list[tuple[float, list[int], float]]]:
    """Ticket 0 is never released (its server died); a message queued GAP s later waits for the lock.

    Returns when it was served (None: not within 4 lifetimes) and samples of the stored tickets while it waited:
    (time, ticket numbers, seconds until the waiter's ticket expires)."""
    store, dead = make(cls), make(cls)
    conv = conversation()
    dead.issue_ticket(conv, LIFETIME)
    await asyncio.sleep(GAP)
    start, served, samples = time.monotonic(), [], []

    async def wait() -> None:
        async with store.lock(conv, lock_lifetime=LIFETIME, wait_time_in_seconds=POLL):
            served.append(round(time.monotonic() - start, 2))

    task = asyncio.ensure_future(wait())
    while not task.done() and time.monotonic() - start < 4 * LIFETIME:
        lock = stored(redis_server, conv)
        tickets = list(lock.tickets) if lock else []
        mine = next((t.expires - time.time() for t in tickets if t.number == 1), -1.0)
        samples.append((round(time.monotonic() - start, 2), [t.number for t in tickets], round(mine, 2)))
        await asyncio.sleep(0.1)
    if not task.done():
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
    return (served[0] if served else None), samples


def test_a_message_behind_a_dead_servers_ticket_is_served_once_that_ticket_expires(redis_server):
    served, samples = asyncio.run(_behind_a_dead_ticket(AtomicRedisLockStore, redis_server))
    assert served is not None, samples
    assert LIFETIME - GAP <= served <= LIFETIME - GAP + POLL + 0.5, (served, samples)  # at the first poll after 0 expired
    first = next(i for i, (_, numbers, _) in enumerate(samples) if 1 in numbers)  # the waiter has taken its ticket
    waiting = [s for s in samples[first:] if s[0] < served - 0.15]
    assert waiting and all(1 in numbers and left > 0 for _, numbers, left in waiting), waiting  # never expired while waiting
    assert max(left for *_, left in waiting) > LIFETIME - 0.3  # and was refreshed: issued at 0, it is still ~2 s from expiry at 1.7 s


def test_stock_store_never_serves_it_in_the_same_scenario(redis_server):
    served, samples = asyncio.run(_behind_a_dead_ticket(RedisLockStore, redis_server))
    assert served is None, (served, samples)
    assert any(1 not in numbers for _, numbers, _ in samples)  # its own ticket expired while it waited


def test_a_live_holder_keeps_its_ticket_past_the_lifetime(redis_server):
    """A holder that works three lifetimes long is never overtaken: its ticket is refreshed in the background."""
    holder, other = make(lock_lifetime=1.0), make(lock_lifetime=1.0)
    conv, events = conversation(), []

    async def run() -> None:
        async def hold() -> None:
            async with holder.lock(conv, wait_time_in_seconds=0.1):
                events.append(("holder in", time.monotonic()))
                await asyncio.sleep(3.0)
                events.append(("holder out", time.monotonic()))

        async def next_message() -> None:
            await asyncio.sleep(0.2)
            async with other.lock(conv, wait_time_in_seconds=0.1):
                events.append(("next in", time.monotonic()))

        await asyncio.gather(hold(), next_message())

    asyncio.run(run())
    assert [e[0] for e in events] == ["holder in", "holder out", "next in"], events
