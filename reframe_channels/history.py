"""Turn stored conversation events into the messages a chat window shows.

Pure: no Rasa imports, so it is tested in milliseconds. The socket.io channel sends this list when a
browser comes back with a known session id, so a reload shows the conversation the server really has,
including a reply that arrived while the page was away.
"""

from __future__ import annotations

from typing import Any, Iterable

#: How many messages a returning browser gets; older ones stay in the tracker store.
HISTORY_LIMIT = 200


def _buttons(data: dict[str, Any] | None) -> list[dict[str, str]]:
    buttons = (data or {}).get("buttons") or []
    out = []
    for b in buttons:
        if isinstance(b, dict) and b.get("title") and b.get("payload"):
            out.append({"content_type": "text", "title": str(b["title"]), "payload": str(b["payload"])})
    return out


def messages_from_events(events: Iterable[dict[str, Any]], limit: int = HISTORY_LIMIT) -> list[dict[str, Any]]:
    """User and bot messages in order, shaped like the live socket.io messages.

    A button press is stored as its payload ("/inform_feeling{...}"); it is shown as the button's
    title, the words the person actually chose. Bot text is split into bubbles at blank lines, as the
    live channel splits it, with any buttons on the last bubble.
    """
    out: list[dict[str, Any]] = []
    last_buttons: list[dict[str, str]] = []
    for event in events:
        kind = event.get("event")
        if kind == "user":
            text = event.get("text") or ""
            if not isinstance(text, str) or not text.strip():
                continue
            if text.startswith("/"):
                titles = [b["title"] for b in last_buttons if b["payload"] == text]
                if titles:
                    text = titles[0]
                elif text.startswith("/session_start"):
                    continue
            out.append({"sender": "user", "text": text})
            last_buttons = []
        elif kind == "bot":
            text = event.get("text") or ""
            buttons = _buttons(event.get("data"))
            if not isinstance(text, str):
                text = str(text)
            parts = text.strip().split("\n\n")
            for i, part in enumerate(parts):
                msg: dict[str, Any] = {"sender": "bot", "text": part}
                if buttons and i == len(parts) - 1:
                    msg["quick_replies"] = buttons
                out.append(msg)
            if buttons:
                last_buttons = buttons
    return out[-limit:] if limit else out
