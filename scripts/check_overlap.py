"""Fail if any evaluation example (tests/*/nlu_*.yml) also appears in the training data (after normalising case and punctuation)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.data import nlu_examples  # noqa: E402


def examples(path: Path) -> list[str]:
    return [text for _, text in nlu_examples(path)]


def norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def overlaps() -> list[tuple[str, str]]:
    train = {norm(t) for p in (ROOT / "data" / "nlu").glob("*.yml") for t in examples(p)}
    out = []
    for p in sorted((ROOT / "tests").glob("*/nlu_*.yml")):  # every evaluation set not yet trained on
        out += [(p.name, t) for t in examples(p) if norm(t) in train]
    return out


if __name__ == "__main__":
    found = overlaps()
    for name, text in found:
        print(f"{name}: {text}")
    sys.exit(1 if found else 0)
