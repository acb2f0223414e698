"""Strategies and patterns: which one fits a blame, and what to say when someone asks.

Content lives in content/strategies.yml; this module only chooses and looks up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CONTENT = Path(__file__).parent / "content"

_STOP = {
    "the",
    "a",
    "an",
    "is",
    "are",
    "was",
    "what",
    "why",
    "how",
    "do",
    "does",
    "i",
    "we",
    "you",
    "my",
    "our",
    "me",
    "it",
    "to",
    "of",
    "and",
    "or",
    "in",
    "on",
    "about",
    "when",
    "should",
    "can",
    "could",
    "would",
    "that",
    "this",
    "be",
    "tell",
    "explain",
    "mean",
    "means",
    "meaning",
    "more",
    "so",
    "someone",
    "something",
    "get",
    "gets",
    "with",
    "at",
    "for",
    "s",
    "t",
    "don",
    "doesn",
    "keep",
    "always",
    "never",
    "partner",
    "relationship",
    "us",
}

_DISTANCE = re.compile(
    r"\b(?:pull(?:s|ing)? away|pulled away|withdraw\w*|distant|distance|shut(?:s|ting)? (?:me out|down)|ignor\w+|cold|space|"
    r"text(?:s|ing)? back|never (?:call|text|reply|answer)|don'?t (?:call|text|reply|answer)|go(?:es)? quiet|silent treatment|leave me on read)\b",
    re.I,
)
_HEATED = re.compile(r"\b(?:yell\w*|shout\w*|scream\w*|slam\w*|right now|fight\w*|argu\w+|shut up|stop talking)\b|!{2,}|[A-Z]{5,}")


@dataclass(frozen=True)
class Entry:
    """One strategy or pattern."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]
    why: str
    summary: str
    try_this: str
    forms: tuple[str, ...]
    topics: tuple[str, ...]


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """All strategies and patterns by id, in file order."""
    with open(CONTENT / "strategies.yml", encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    out: dict[str, Entry] = {}
    for e in raw["entries"]:
        out[e["id"]] = Entry(
            id=e["id"],
            kind=e["kind"],
            name=e["name"],
            aliases=tuple(a.lower() for a in e.get("aliases", [])),
            keywords=tuple(k.lower() for k in e.get("keywords", [])),
            why=" ".join(e["why"].split()),
            summary=" ".join(e["summary"].split()),
            try_this=" ".join(e["try"].split()),
            forms=tuple(e.get("forms", [])),
            topics=tuple(e.get("topics", [])),
        )
    return out


def get(entry_id: str | None) -> Entry | None:
    """Look up by id; None for unknown ids (a stale button, a typo in a payload)."""
    if not entry_id:
        return None
    return entries().get(str(entry_id).strip().lower())


def choose_for_blame(forms: list[str], text: str, topic: str | None = None) -> Entry:
    """The one strategy or pattern that fits this blame best.

    Order matters: "you make me…" is about power first; a partner pulling away is a pattern;
    a fight in progress needs a calmer moment; absolutes, labels and accusing questions build a case.
    """
    e = entries()
    if "causal" in forms:
        return e["not_powerless"]
    if _DISTANCE.search(text) or topic == "distance":
        return e["pursue_withdraw"]
    if _HEATED.search(text) or topic == "fight":
        return e["non_heated_moments"]
    if {"absolute", "label", "question", "disguised"} & set(forms):
        return e["dont_build_a_case"]
    if {"fault", "third_person"} & set(forms):
        return e["look_at_ourselves"]
    if "command" in forms:
        return e["non_heated_moments"]
    return e["dont_build_a_case"]


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower()) if w not in _STOP]


def _spelled(text: str) -> str:
    return " " + re.sub(r"\s+", " ", re.sub(r"[^a-z' -]+", " ", text.lower())) + " "


def _name_score(entry: Entry, low: str) -> float:
    """10 plus its length in words for the longest name or alias of the entry spelled out in `low`, else 0."""
    score = 0.0
    for alias in (entry.name.lower(), *entry.aliases):
        alias_clean = re.sub(r"[^a-z' -]+", " ", alias).strip()
        if alias_clean and f" {alias_clean} " in low:
            score = max(score, 10.0 + len(alias_clean.split()))
    return score


def named(text: str) -> Entry | None:
    """The entry whose name or alias the text spells out ("Tell me more: Identify patterns"), else None."""
    low = _spelled(text)
    return next((e for e in entries().values() if _name_score(e, low)), None)


def lookup(question: str) -> Entry | None:
    """Find the entry a plain-language question is about, or None when nothing fits.

    Names and aliases win outright; otherwise keywords are scored, with multi-word keywords
    counting more because they are more specific ("pull away" beats "away").
    """
    low = _spelled(question)
    best: tuple[float, Entry | None] = (0.0, None)
    for entry in entries().values():
        score = _name_score(entry, low)
        for kw in entry.keywords:
            if re.search(rf"\b{re.escape(kw)}\w*\b", low):
                score += 1.0 + 0.5 * (len(kw.split()) - 1)
        if score > best[0]:
            best = (score, entry)
    return best[1] if best[0] >= 1.0 else None


def explain(entry: Entry) -> str:
    """The short explanation plus one thing to try."""
    return f"{entry.name}: {entry.summary}\n\nOne thing to try: {entry.try_this}"


def menu() -> list[Entry]:
    """Every entry, for a 'what can I ask about?' list."""
    return list(entries().values())
