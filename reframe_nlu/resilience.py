"""When the action server is down or slow, the person still gets an answer, and a crisis still gets help.

Stock Rasa 3.6 waits up to five minutes for a custom action, then logs the error, drops the action's
events and goes on predicting, which usually calls the action server again: the person waits and then
gets silence. Installed with the model (reframe_nlu/guard.py), this wraps `RemoteAction.run`:

- the call has a deadline, `REFRAME_ACTION_TIMEOUT` seconds (default 10);
- if it fails (no connection, an error status, the deadline), the person gets one short apology for this
  turn, and the conversation waits for their next message (`action_listen`) with its state unchanged, so a
  form in progress goes on where it was once the action server answers again;
- if the message was a crisis (the deterministic screen in actions/safety.py, or the `safety` intent),
  the reply is the crisis reply itself, made here in the Rasa server: safety never depends on the action
  server being up.

And when the tracker store (PostgreSQL, SQLite) fails, Rasa 3.6's FailSafeTrackerStore answers from an empty
in-memory tracker instead: the person gets a reply with no memory of the conversation, and what they said
lives only in that one server's memory, so it is lost on a restart and unseen by the other servers. Here a
failing store raises `StoreUnavailable` instead; the channels turn it into a clear "try again" (REST: 503),
and nothing is acknowledged that was not stored. The log names the error's type, never the SQL (whose
parameters hold what people wrote).
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, List

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.events import BotUttered, Event, FollowupAction, UserUttered

from actions import safety

logger = logging.getLogger(__name__)

APOLOGY = "Sorry, I can't finish my answer right now. Please send that again in a moment; what you've written so far is kept."
MARK = "reframe_action_unavailable"

_original_run = RemoteAction.run


def timeout_seconds() -> float:
    """The deadline for one custom action call, from REFRAME_ACTION_TIMEOUT (seconds, default 10)."""
    try:
        value = float(os.environ.get("REFRAME_ACTION_TIMEOUT", "10"))
    except ValueError:
        value = 10.0
    return value if value > 0 else 10.0


def _answered_this_turn(tracker: Any) -> bool:
    """True when this turn already got the fallback reply (a second failing action must stay quiet)."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and (event.metadata or {}).get(MARK):
            return True
    return False


def fallback_text(tracker: Any) -> str:
    """What to say instead: the crisis reply for a crisis message, otherwise a short apology."""
    user = tracker.latest_message  # the latest UserUttered, as Rasa keeps it
    text = (user.text or "") if user else ""
    intent = ((user.intent or {}).get("name") if user else None) or ""
    result = safety.check(text)
    if result.flagged or intent.startswith("safety"):
        return safety.safety_reply(result.categories)
    return APOLOGY


async def _run_with_fallback(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Event]:
    try:
        return await asyncio.wait_for(_original_run(self, output_channel, nlg, tracker, domain), timeout=timeout_seconds())
    except ActionExecutionRejection:
        raise  # the action server answered: it declined, and the policies choose again, as in stock Rasa
    except Exception as e:  # no connection, an error status, or the deadline (asyncio.TimeoutError)
        logger.error(f"custom action '{self.name()}' failed ({type(e).__name__}); the person gets the fallback reply")
        if _answered_this_turn(tracker):
            return [FollowupAction("action_listen")]
        # Rasa's processor sends the BotUttered events an action returns, as it does for a working action.
        return [BotUttered(fallback_text(tracker), metadata={MARK: True}), FollowupAction("action_listen")]


_run_with_fallback.reframe_fallback = True  # type: ignore[attr-defined]


class StoreUnavailable(RuntimeError):
    """The tracker store could not be read or written: answer "try again", never from an empty memory."""


def _strict(name: str) -> Any:
    async def call(self: FailSafeTrackerStore, *args: Any) -> Any:
        try:
            return await getattr(self._tracker_store, name)(*args)
        except Exception as e:
            first = (str(e).strip().splitlines() or [""])[0][:200]
            logger.error(f"tracker store {name} failed ({type(e).__name__}: {first}); the message is refused, not answered from memory")
            raise StoreUnavailable(f"tracker store {name} failed") from e

    call.__name__ = name
    call.reframe_strict = True  # type: ignore[attr-defined]
    return call


def install() -> bool:
    """Wrap RemoteAction.run and make the tracker store strict; True if installed now, False if it already was."""
    if getattr(RemoteAction.run, "reframe_fallback", False):
        return False
    RemoteAction.run = _run_with_fallback  # type: ignore[method-assign]
    for name in ("retrieve", "retrieve_full_tracker", "save", "keys"):
        setattr(FailSafeTrackerStore, name, _strict(name))
    return True
