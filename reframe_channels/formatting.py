"""How a reply is fitted to a messaging app: length limits, choices, and typed answers to choices.

Pure functions (no Rasa, no network) so every rule here is unit-tested in milliseconds. The connectors in
`reframe_channels/messaging.py` call them.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import Any, Dict, Iterable, List, Mapping

# Characters one message may hold. Slack: 3,000 in a section block (the text above buttons); plain text is
# allowed far more, but Slack advises 4,000. Telegram: 4,096. Messenger: 2,000. Twilio (SMS and WhatsApp): 1,600.
LIMITS: Dict[str, int] = {"slack": 4000, "slack_block": 3000, "telegram": 4096, "facebook": 2000, "twilio": 1600}
# Button labels: Slack 75, Messenger quick replies 20, Telegram keyboard buttons have no hard limit (keep them short).
TITLE_LIMITS: Dict[str, int] = {"slack": 75, "facebook": 20, "telegram": 64}
# A typed reply longer than this is never a choice (labels are short), so no conversation needs reading for it.
MAX_CHOICE_CHARS = 200

_PARAGRAPH = re.compile(r"\n\s*\n")
# A sentence ends with . ! ? or … (optionally closed by quotes or brackets) and is followed by white space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")


def split_text(text: str, limit: int) -> List[str]:
    """Split `text` into parts of at most `limit` characters without cutting a sentence.

    Paragraphs are packed together while they fit; a paragraph that does not fit is split into lines, then
    sentences, then words. Only a single word longer than the limit (a very long link) is cut inside.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    text = (text or "").strip()
    if not text:
        return []
    pieces: List[str] = []
    for paragraph in _PARAGRAPH.split(text):
        paragraph = paragraph.strip()
        if paragraph:
            pieces.extend(_fit(paragraph, limit))
    return _pack(pieces, "\n\n", limit)


def _fit(block: str, limit: int) -> List[str]:
    """Parts of one paragraph, each within the limit."""
    if len(block) <= limit:
        return [block]
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) > 1:
        return _pack([p for line in lines for p in _fit(line, limit)], "\n", limit)
    sentences = _sentences(block)
    if len(sentences) > 1:
        return _pack([p for s in sentences for p in _fit(s, limit)], " ", limit)
    return _pack(_words(block, limit), " ", limit)


def _sentences(block: str) -> List[str]:
    """Sentences of a line, each with its own closing punctuation and quotes."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(block):
        end = m.start() + len(m.group(0).rstrip())
        out.append(block[start:end].strip())
        start = m.end()
    out.append(block[start:].strip())
    return [s for s in out if s]


def _words(block: str, limit: int) -> List[str]:
    """Words of a sentence; a word longer than the limit is cut into limit-sized pieces."""
    out: List[str] = []
    for word in block.split():
        while len(word) > limit:
            out.append(word[:limit])
            word = word[limit:]
        if word:
            out.append(word)
    return out


def _pack(pieces: Iterable[str], joiner: str, limit: int) -> List[str]:
    """Join consecutive pieces while the result stays within the limit."""
    parts: List[str] = []
    for piece in pieces:
        if parts and len(parts[-1]) + len(joiner) + len(piece) <= limit:
            parts[-1] = parts[-1] + joiner + piece
        else:
            parts.append(piece)
    return parts


def short_title(title: str, limit: int) -> str:
    """A button label that fits the app: "Tell me more: <name>" keeps "Tell me more"; else cut at a word."""
    title = " ".join((title or "").split())
    if len(title) <= limit:
        return title
    head = title.split(":", 1)[0].strip()
    if ":" in title and 0 < len(head) <= limit:
        return head
    cut = title[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-") or title[: limit - 1]
    return cut + "…"


def numbered_choices(text: str, buttons: List[Mapping[str, Any]]) -> str:
    """The reply with its choices as a numbered list, for apps without buttons (WhatsApp, SMS)."""
    if not buttons:
        return text
    lines = [f"{i}. {b.get('title', '')}" for i, b in enumerate(buttons, start=1)]
    return f"{text.rstrip()}\n\nReply with a number:\n" + "\n".join(lines)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", (text or "").lower()).split())


def match_choice(reply: str, buttons: List[Mapping[str, Any]], numbered: bool = False) -> str | None:
    """The payload of the choice a typed reply picks, or None when it is ordinary text.

    A reply picks a choice when it is that choice's label (any case or punctuation: a Telegram keyboard
    sends the label) or, where choices were numbered, its number ("2", "2.", "#2", "option 2").
    """
    if not buttons or not reply or len(reply) > MAX_CHOICE_CHARS:
        return None
    said = _norm(reply)
    if numbered:
        m = re.fullmatch(r"(?:option |number |no )?(\d{1,2})", said)
        if m:
            n = int(m.group(1))
            return str(buttons[n - 1].get("payload")) if 1 <= n <= len(buttons) else None
    for b in buttons:
        if said and said == _norm(str(b.get("title", ""))):
            return str(b.get("payload"))
    return None


def pending_choices(events: List[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    """The choices offered since the person last spoke (the latest bot message with buttons), else none."""
    for event in reversed(events):
        kind = event.get("event")
        if kind == "user":
            return []
        if kind == "bot":
            buttons = (event.get("data") or {}).get("buttons")
            if buttons:
                return [dict(b) for b in buttons]
    return []


def slack_escape(text: str) -> str:
    """Slack reads <, > and & as markup; the person's own words must show as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def facebook_signature_ok(app_secret: str, body: bytes, headers: Mapping[str, str]) -> bool:
    """True when Meta signed this body with the app secret (X-Hub-Signature-256, else the older SHA-1 one)."""
    if not app_secret:
        return False
    for header, algo in (("x-hub-signature-256", hashlib.sha256), ("x-hub-signature", hashlib.sha1)):
        value = _header(headers, header)
        if value:
            prefix = "sha256=" if algo is hashlib.sha256 else "sha1="
            if not value.startswith(prefix):
                return False
            expected = hmac.new(app_secret.encode("utf-8"), body, algo).hexdigest()
            return hmac.compare_digest(expected, value[len(prefix) :].strip().lower())
    return False


def telegram_secret_ok(expected: str, headers: Mapping[str, str]) -> bool:
    """True when Telegram sent the secret token Reframe registered with the webhook."""
    given = _header(headers, "x-telegram-bot-api-secret-token")
    return bool(expected) and bool(given) and hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return str(value)
    return ""
