"""The training and evaluation data keep their promises: size, spread, and no leaks."""

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from check_overlap import examples, overlaps  # noqa: E402

from evaluation.data import nlu_examples  # noqa: E402


def _intents(paths) -> Counter:
    return Counter(intent for p in paths for intent, _ in nlu_examples(p))


def test_no_held_out_or_blind_example_is_in_the_training_data():
    assert overlaps() == []


def test_training_data_is_big_enough_on_both_sides():
    c = _intents((ROOT / "data" / "nlu").glob("*.yml"))
    assert c["blame"] >= 300
    near_misses = c["i_statement"] + c["praise"] + c["self_talk"] + c["ask_strategy"]
    assert near_misses >= 300
    assert c["safety"] >= 80


def test_held_out_sets_are_big_enough():
    for path in [
        ROOT / "tests" / "heldout" / "nlu_heldout.yml",
        ROOT / "tests" / "blind" / "nlu_blind.yml",
        ROOT / "tests" / "fresh" / "nlu_fresh.yml",
        ROOT / "tests" / "final" / "nlu_final.yml",
    ]:
        assert len(examples(path)) >= 150


def test_every_held_out_blame_example_has_a_gold_reframe():
    for folder, name in [
        ("heldout", "nlu_heldout.yml"),
        ("blind", "nlu_blind.yml"),
        ("fresh", "nlu_fresh.yml"),
        ("final", "nlu_final.yml"),
    ]:
        data = yaml.safe_load((ROOT / "tests" / folder / name).read_text(encoding="utf-8"))
        blame = {line.strip()[2:] for b in data["nlu"] if b["intent"] == "blame" for line in b["examples"].splitlines() if line.strip()}
        gold = yaml.safe_load((ROOT / "tests" / folder / "reframe_gold.yml").read_text(encoding="utf-8"))["items"]
        assert {g["text"] for g in gold} == blame
