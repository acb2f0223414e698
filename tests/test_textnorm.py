"""Cleaning user text: HTML, emoji, text-speak, length, other languages."""

import pytest

from actions.textnorm import MAX_ANALYSED_CHARS, clean, looks_non_english


def test_html_tags_and_scripts_are_removed():
    c = clean("<b>you never</b> listen<script>alert('x')</script>")
    assert c.text == "you never listen"
    assert c.had_html


def test_emoji_are_kept_aside():
    c = clean("you never text back 😡")
    assert c.text == "you never text back"
    assert c.emoji == ["😡"]


def test_text_speak_is_expanded():
    assert clean("u nevr lisen to me").text == "you never listen to me"
    assert clean("ur so lazy").text == "you're so lazy"


def test_long_text_is_capped_at_a_sentence_end():
    c = clean("You never listen. " * 1000)
    assert c.truncated
    assert len(c.text) <= MAX_ANALYSED_CHARS
    assert c.text.endswith(".")


@pytest.mark.parametrize("raw", [None, 3, {"a": 1}, "", "   ", "\x00\x01"])
def test_anything_is_accepted(raw):
    assert isinstance(clean(raw).text, str)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nunca me escuchas y siempre llegas tarde", True),
        ("Tu ne m'écoutes jamais et tu es toujours en retard", True),
        ("Du hörst mir nie zu und bist immer zu spät", True),
        ("你从来不听我说话", True),
        ("You never listen to me", False),
        ("ok", False),
        ("my husband el jefe never listens to me", False),
    ],
)
def test_language_guess(text, expected):
    assert looks_non_english(text) is expected
