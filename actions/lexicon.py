"""Word lists from content/feelings.yml, loaded once.

Kept apart from the rules so that adding a feeling, label or topic is a content change,
not a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CONTENT = Path(__file__).parent / "content"


@dataclass(frozen=True)
class PseudoFeeling:
    """A word that sounds like a feeling but says what the other person did."""

    word: str
    underlying: tuple[str, ...]
    behaviour: str


@dataclass(frozen=True)
class Lexicon:
    """Every word list the language rules use."""

    feelings: frozenset[str]
    pseudo: dict[str, PseudoFeeling]
    outcomes: dict[str, str]
    suggestions: dict[str, tuple[str, ...]]
    topics: dict[str, tuple[str, ...]]
    emoji: dict[str, str]
    labels: frozenset[str]
    contempt: tuple[str, ...]

    def topic_of(self, text: str) -> str | None:
        """The first topic whose words appear in the text (order in the YAML is priority)."""
        low = f" {text.lower()} "
        for topic, words in self.topics.items():
            for w in words:
                if re.search(rf"\b{re.escape(w)}\b", low):
                    return topic
        return None

    def suggest(self, topic: str | None, first: str | None = None, k: int = 4) -> list[str]:
        """Up to k feelings to offer as buttons, most likely first."""
        pool = list(self.suggestions.get(topic or "default", self.suggestions["default"]))
        out: list[str] = []
        for f in ([first] if first else []) + pool + list(self.suggestions["default"]):
            if f and f not in out:
                out.append(f)
        return out[:k]

    def find_feeling(self, text: str) -> tuple[str | None, PseudoFeeling | None]:
        """Find a real feeling or a pseudo-feeling named in free text (first by position)."""
        low = f" {text.lower()} "
        best: tuple[int, str | None, PseudoFeeling | None] = (10**9, None, None)
        for word in self.feelings:
            m = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", low)
            if m and m.start() < best[0]:
                best = (m.start(), word, None)
        for word, pf in self.pseudo.items():
            m = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", low)
            if m and (m.start() < best[0] or (m.start() == best[0] and len(word) > len(best[1] or ""))):
                best = (m.start(), None, pf)
        return best[1], best[2]


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Read content/feelings.yml once per process."""
    with open(CONTENT / "feelings.yml", encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    pseudo = {
        w.lower(): PseudoFeeling(w.lower(), tuple(v.get("underlying", [])), v.get("behaviour", "") or "")
        for w, v in raw["pseudo_feelings"].items()
    }
    feelings = frozenset(f.lower() for f in raw["feelings"]) - set(pseudo)
    return Lexicon(
        feelings=feelings,
        pseudo=pseudo,
        outcomes={k.lower(): v for k, v in raw["outcomes"].items()},
        suggestions={k: tuple(v) for k, v in raw["suggestions"].items()},
        topics={k: tuple(v) for k, v in raw["topics"].items()},
        emoji=dict(raw["emoji"]),
        labels=frozenset(w.lower() for w in raw["labels"]),
        contempt=tuple(c.lower() for c in raw["contempt"]),
    )
