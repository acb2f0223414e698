"""A Redis lock store that is safe with several Rasa servers: `lock_store: type: reframe_nlu.locks.AtomicRedisLockStore`.

Rasa 3.6's RedisLockStore has two bugs once more than one server shares a Redis (tests/scale/test_scale.py):

1. Every change of a conversation's lock is a GET, a change in Python and a SET. Two servers that take a ticket
   a few ms apart both read "no tickets" and both get ticket 0, so both handle the conversation at once and the
   SQL tracker store keeps only one of the two turns. `cleanup` (finish, then "anyone waiting?", then DELETE) can
   also delete a ticket issued in between; its waiter then finds no lock and raises LockError.
2. Tickets expire `lock_lifetime` after they were issued, waiting or not. A message queued behind a server that
   died mid-message can see its own ticket expire before (or with) the dead one; then it is never served.

Here every read-change-write of a lock is one Redis transaction (WATCH / MULTI / EXEC, retried when another
server changed the key in between), and a ticket whose owner is alive never expires: a waiter refreshes its own
ticket (now + lifetime) each time it looks, and the holder refreshes its ticket in the background while it
works. Only a ticket whose server died (or froze for longer than the lifetime) expires, and the next one is then
served. Because live tickets are kept fresh, the lifetime only bounds how long a dead server blocks its
conversation, so it can be much shorter than Rasa's 60 s: the optional endpoints key `lock_lifetime` sets it
(default: Rasa's, i.e. TICKET_LOCK_LIFETIME or 60 s).

Keys (`<prefix>:lock:<conversation_id>`) and values (TicketLock.dumps()) are exactly Rasa's, so stock servers,
`redis-cli` and other tools read them as before. Limit: the holder's refresh runs on the server's event loop; a
loop blocked for longer than the lifetime (CPU-bound work, SIGSTOP) lets its ticket expire, as in stock Rasa.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, AsyncGenerator, Callable, Tuple, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

T = TypeVar("T")
_DELETE = object()  # a change's verdict: delete the key (in the same transaction)
MAX_RETRIES = 1000  # WATCH conflicts before giving up (each one means another server made progress)


@dataclass
class _Turn:
    """This message's place in the queue; `number` changes only if the ticket had to be re-issued."""

    number: int
    lifetime: float


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose ticket operations are atomic across servers and whose live tickets never expire."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, lock_lifetime: float | None = None, **kwargs: Any) -> None:
        """Built by Rasa as `cls(endpoint_config=...)`; takes the same keys as `type: redis` plus `lock_lifetime`.

        Direct use (tests): `AtomicRedisLockStore(host=..., port=..., db=..., key_prefix=..., lock_lifetime=...)`.
        """
        if endpoint_config is not None:
            kwargs = {**dict(endpoint_config.kwargs or {}), **kwargs}
            lock_lifetime = kwargs.pop("lock_lifetime", lock_lifetime)
            kwargs.setdefault("host", endpoint_config.url)  # exactly what the stock factory passes as host
        if kwargs.get("socket_timeout") is not None:
            kwargs["socket_timeout"] = float(kwargs["socket_timeout"])  # ${VAR} values arrive as strings
        super().__init__(**kwargs)
        self.lock_lifetime = float(lock_lifetime) if lock_lifetime not in (None, "") else float(LOCK_LIFETIME)
        if self.lock_lifetime <= 0:
            raise ValueError(f"lock_lifetime must be positive, not {lock_lifetime!r}")

    # ---- one atomic read-change-write --------------------------------------------------------------

    def _transact(self, conversation_id: str, change: Callable[[TicketLock | None], Tuple[Any, T]]) -> T:
        """Apply `change` to the stored lock atomically and return its result.

        `change(lock)` gets the current lock (None if there is none) and returns (verdict, result): verdict is a
        TicketLock to store, `_DELETE` to delete the key, or None to leave it. If another client writes the key
        between our read and our write, Redis refuses the write (WatchError) and we start over with a fresh read.
        """
        from redis.exceptions import WatchError

        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            for _ in range(MAX_RETRIES):
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    verdict, result = change(lock)
                    if verdict is None:
                        pipe.unwatch()
                        return result
                    pipe.multi()
                    if verdict is _DELETE:
                        pipe.delete(key)
                    else:
                        pipe.set(key, verdict.dumps())
                    pipe.execute()
                    return result
                except WatchError:
                    continue
                finally:
                    pipe.reset()
        raise LockError(f"Could not update the lock for conversation '{conversation_id}': too many concurrent changes.")

    # ---- the ticket operations, each one transaction ------------------------------------------------

    def issue_ticket(self, conversation_id: str, lock_lifetime: float | None = None) -> int:
        """Issue the next ticket atomically (after removing expired ones), creating the lock if there is none.

        `lock_lifetime` defaults to the store's (`lock_lifetime` in endpoints, else Rasa's)."""
        lock_lifetime = lock_lifetime or self.lock_lifetime

        def change(lock: TicketLock | None) -> Tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        logger.debug(f"Issuing ticket for conversation '{conversation_id}'.")
        try:
            return self._transact(conversation_id, change)
        except Exception as e:
            raise LockError(f"Error while acquiring lock. Error:\n{e}") from e

    def update_lock(self, conversation_id: str, ticket_number: int | None = None, lock_lifetime: float | None = None) -> None:
        """Remove expired tickets atomically; with `ticket_number`, first refresh that ticket (see `refresh_ticket`)."""
        if ticket_number is not None:
            self.refresh_ticket(conversation_id, ticket_number, lock_lifetime or self.lock_lifetime)
            return

        def change(lock: TicketLock | None) -> Tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_expired_tickets()
            return lock, None

        self._transact(conversation_id, change)

    def refresh_ticket(
        self, conversation_id: str, ticket_number: int, lock_lifetime: float, requeue: bool = False
    ) -> Tuple[TicketLock | None, int | None]:
        """Set my ticket to expire `lock_lifetime` from now and drop *other* expired tickets, atomically.

        Returns the lock as stored and my ticket number. If my ticket is gone (this process stalled for longer than
        its lifetime), `requeue=True` issues a new one at the back of the queue, so the message is still handled
        (a waiter); otherwise the number is None (a holder that lost its turn: we cannot take it back safely).
        """

        def change(lock: TicketLock | None) -> Tuple[TicketLock | None, Tuple[TicketLock | None, int | None]]:
            mine = next((t for t in lock.tickets if t.number == ticket_number), None) if lock else None
            if mine is not None:
                mine.expires = time.time() + lock_lifetime
                lock.remove_expired_tickets()
                return lock, (lock, ticket_number)
            if not requeue:
                return None, (lock, None)
            lock = lock or self.create_lock(conversation_id)
            number = lock.issue_ticket(lock_lifetime)
            logger.warning(f"Lock ticket {ticket_number} for conversation '{conversation_id}' had expired; queued again as {number}.")
            return lock, (lock, number)

        return self._transact(conversation_id, change)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Remove my ticket atomically (the lock stays, even if empty, as in Rasa)."""

        def change(lock: TicketLock | None) -> Tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return lock, None

        self._transact(conversation_id, change)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Remove my ticket and, in the same transaction, delete the lock only if no (unexpired) ticket is left."""

        def change(lock: TicketLock | None) -> Tuple[Any, bool]:
            if lock is None:
                return None, False
            lock.remove_ticket_for(ticket_number)  # also drops expired tickets
            if lock.is_someone_waiting():
                return lock, False
            return _DELETE, True

        deleted = self._transact(conversation_id, change)
        if deleted:
            self._log_deletion(conversation_id, True)

    # ---- waiting and holding ------------------------------------------------------------------------

    @asynccontextmanager
    async def lock(
        self, conversation_id: str, lock_lifetime: float | None = None, wait_time_in_seconds: float = 1
    ) -> AsyncGenerator[TicketLock, None]:
        """Take a ticket, wait for its turn (keeping it fresh), hold it fresh in the background, release it atomically.

        `lock_lifetime` defaults to the store's (`lock_lifetime` in endpoints); Rasa itself never passes one.
        """
        turn = _Turn(self.issue_ticket(conversation_id, lock_lifetime or self.lock_lifetime), float(lock_lifetime or self.lock_lifetime))
        heartbeat: asyncio.Task | None = None
        try:
            lock = await self._wait_for_turn(conversation_id, turn, wait_time_in_seconds)
            heartbeat = asyncio.ensure_future(self._keep_fresh(conversation_id, turn))
            yield lock
        finally:
            if heartbeat is not None:
                heartbeat.cancel()
            self.cleanup(conversation_id, turn.number)

    async def _acquire_lock(self, conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        """Rasa's hook, kept for callers of the stock API: waits like `lock()` does, with the store's lifetime."""
        return await self._wait_for_turn(conversation_id, _Turn(ticket, self.lock_lifetime), wait_time_in_seconds)

    async def _wait_for_turn(self, conversation_id: str, turn: _Turn, wait_time_in_seconds: float) -> TicketLock:
        """Poll until my ticket is the first one; each poll refreshes it, so only dead servers' tickets expire."""
        logger.debug(f"Acquiring lock for conversation '{conversation_id}'.")
        while True:
            lock, number = self.refresh_ticket(conversation_id, turn.number, turn.lifetime, requeue=True)
            turn.number = number
            if lock is not None and not lock.is_locked(number):
                logger.debug(f"Acquired lock for conversation '{conversation_id}'.")
                return lock
            ahead = number - (lock.now_serving or 0) if lock else 0
            logger.debug(f"Lock for conversation '{conversation_id}' busy ({ahead} ticket(s) ahead); retrying in {wait_time_in_seconds} s.")
            await asyncio.sleep(wait_time_in_seconds)

    async def _keep_fresh(self, conversation_id: str, turn: _Turn) -> None:
        """While the holder works, refresh its ticket a few times per lifetime so a live holder is never overtaken."""
        interval = max(0.1, turn.lifetime / 4)
        while True:
            await asyncio.sleep(interval)
            try:
                _, number = self.refresh_ticket(conversation_id, turn.number, turn.lifetime)  # sync, like all of Rasa's lock calls
            except Exception as e:  # Redis hiccup: try again next time; the ticket lives on until its expiry
                logger.warning(f"Could not refresh the lock ticket for conversation '{conversation_id}': {type(e).__name__}.")
                continue
            if number is None:
                logger.warning(f"Lock ticket {turn.number} for conversation '{conversation_id}' expired while it was being served.")
                return


__all__ = ["AtomicRedisLockStore"]
