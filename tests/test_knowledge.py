"""Strategy and pattern content: complete, in our own words, and found by plain questions."""

from pathlib import Path

import pytest

from actions import knowledge

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

REQUIRED = {
    "dont_build_a_case",
    "look_at_ourselves",
    "identify_patterns",
    "non_heated_moments",
    "not_powerless",
    "pursue_withdraw",
    "withdraw_harden",
    "pushing_away_closeness",
    "past_hurt",
    "fears_block_closeness",
    "vulnerability",
    "roommates",
    "eggshells",
    "shared_responsibility",
}


def test_every_strategy_and_pattern_from_the_seeds_is_covered():
    assert REQUIRED <= set(knowledge.entries())


@pytest.mark.parametrize("entry", list(knowledge.entries().values()), ids=lambda e: e.id)
def test_each_entry_has_an_explanation_a_thing_to_try_and_a_why(entry):
    assert len(entry.summary.split()) >= 25
    assert len(entry.try_this.split()) >= 8
    assert 8 <= len(entry.why.split()) <= 60


@pytest.mark.skipif(not SEEDS.exists(), reason="seed articles not beside the repo")
def test_explanations_are_in_our_own_words():
    """No run of eight words from the seed articles appears in our content."""
    import re

    def grams(text: str, n: int = 8) -> set:
        words = re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))
        return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}

    seed = set().union(*(grams(p.read_text(encoding="utf-8", errors="ignore")) for p in SEEDS.glob("*.txt")))
    for e in knowledge.entries().values():
        copied = grams(" ".join([e.summary, e.try_this, e.why])) & seed
        assert not copied, (e.id, copied)


@pytest.mark.parametrize(
    "question, entry_id",
    [
        ("why do I pull away when someone gets close?", "pushing_away_closeness"),
        ("my partner pulls away when I try to talk, so I chase them", "pursue_withdraw"),
        ("what is building a case?", "dont_build_a_case"),
        ("when should we talk about it?", "non_heated_moments"),
        ("what does a powerless approach mean", "not_powerless"),
        ("how do old wounds from childhood affect us", "past_hurt"),
        ("why is being vulnerable so scary", "vulnerability"),
        ("we live like roommates", "roommates"),
        ("I'm tired of walking on eggshells", "eggshells"),
        ("who is responsible for the mood at home", "shared_responsibility"),
        ("why do I push away people who are kind to me", "pushing_away_closeness"),
        ("what fears block intimacy", "fears_block_closeness"),
        ("how do I look at my own part in this", "look_at_ourselves"),
    ],
)
def test_plain_questions_find_the_right_entry(question, entry_id):
    found = knowledge.lookup(question)
    assert found is not None and found.id == entry_id


def test_unrelated_question_finds_nothing():
    assert knowledge.lookup("what's the capital of France") is None


@pytest.mark.parametrize(
    "forms, text, expected",
    [
        (["causal"], "you make me so angry when you ignore my texts", "not_powerless"),
        (["absolute"], "you always leave the dishes", "dont_build_a_case"),
        (["label"], "you're so selfish", "dont_build_a_case"),
        (["absolute"], "you always pull away when I want to talk", "pursue_withdraw"),
        (["command"], "stop yelling at me", "non_heated_moments"),
        (["third_person"], "my husband forgot the bins", "look_at_ourselves"),
    ],
)
def test_blame_points_to_the_strategy_that_fits(forms, text, expected):
    assert knowledge.choose_for_blame(forms, text).id == expected
