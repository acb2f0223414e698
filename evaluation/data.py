"""Read Rasa NLU YAML files: one reader for the evaluation script, the overlap check and the data tests."""

from __future__ import annotations

from pathlib import Path

import yaml


def nlu_examples(path: Path) -> list[tuple[str, str]]:
    """(intent, text) for every example of every intent block; lookup and regex blocks are skipped."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return [
        (block["intent"], line.strip()[2:].strip())
        for block in data.get("nlu", [])
        if "intent" in block
        for line in block.get("examples", "").splitlines()
        if line.strip().startswith("- ")
    ]
