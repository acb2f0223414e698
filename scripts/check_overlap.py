"""Fail if any held-out or blind example also appears in the training data (after normalising case and punctuation)."""

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
    for p in [
        ROOT / "tests" / "heldout" / "nlu_heldout.yml",
        ROOT / "tests" / "blind" / "nlu_blind.yml",
        ROOT / "tests" / "fresh" / "nlu_fresh.yml",
        ROOT / "tests" / "final" / "nlu_final.yml",
        ROOT / "tests" / "tenth" / "nlu_tenth.yml",
        ROOT / "tests" / "eleventh" / "nlu_eleventh.yml",
        ROOT / "tests" / "twelfth" / "nlu_twelfth.yml",
        ROOT / "tests" / "thirteenth" / "nlu_thirteenth.yml",
        ROOT / "tests" / "fourteenth" / "nlu_fourteenth.yml",
        ROOT / "tests" / "fifteenth" / "nlu_fifteenth.yml",
    ]:
        out += [(p.name, t) for t in examples(p) if norm(t) in train]
    return out


if __name__ == "__main__":
    found = overlaps()
    for name, text in found:
        print(f"{name}: {text}")
    sys.exit(1 if found else 0)
