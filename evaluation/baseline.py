"""Keyword-rule baseline: what a careful afternoon of regexes gets you.

Used only to show how much the trained model and the parser add on the same held-out set.
"""

from __future__ import annotations

import re

_BLAME = re.compile(
    r"\byou (?:always|never)\b|\byou(?:'re| are) (?:so|such|a|an|the)\b|\byou make me\b|\byou made me\b|\byour fault\b"
    r"|\bbecause of you\b|\bthanks to you\b|\bwhy (?:do|don't|can't|won't) you\b|\bgrow up\b|\byou ruined\b"
    r"|\b(?:he|she|husband|wife|partner|boyfriend|girlfriend) (?:always|never)\b|\bi feel (?:like|that) you\b",
    re.I,
)
_PRAISE = re.compile(r"\b(?:happy|laugh|love|best|amazing|wonderful|thank|kind|sweet|great)\b", re.I)
_SAFETY = re.compile(r"\b(?:kill|suicide|die|hit|hurt|threat\w*|force[sd]?|rape|abuse\w*|stalk\w*|weapon|gun|knife)\b", re.I)


def is_blame(text: str) -> bool:
    """Blame if a blame phrase appears and no praise word does."""
    return bool(_BLAME.search(text)) and not _PRAISE.search(text)


def is_safety(text: str) -> bool:
    """Crisis if any alarm word appears."""
    return bool(_SAFETY.search(text))


_STRIP = re.compile(r"\b(?:always|never|constantly|ever|so|really|just)\b\s*", re.I)


def reframe(text: str) -> str:
    """Template reframe: drop absolutes, keep the rest after "you", add a stock feeling."""
    t = text.strip().rstrip("!?.")
    m = re.search(r"\byou\b(.*)$", t, re.I)
    rest = _STRIP.sub("", m.group(1)).strip() if m else _STRIP.sub("", t)
    return f"When you {rest}, I feel hurt."


_REQUEST = re.compile(r"\b(?:could you|would you|can you|can we|could we|i need|i'd like|i would like|please)\b", re.I)
_PRACTICE_BANDS = (("excellent", 85), ("good", 65), ("fair", 40), ("poor", 0))


def practice_band(answer: str) -> str:
    """Band a practice answer by its shape alone: "When you" 40, "I feel" 40, a request 20."""
    text = answer.strip().lower()
    total = 40 * text.startswith("when you") + 40 * ("i feel" in text) + 20 * bool(_REQUEST.search(text))
    return next(name for name, floor in _PRACTICE_BANDS if total >= floor)
