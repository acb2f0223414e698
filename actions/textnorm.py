"""Clean user text before any analysis.

People type fast, on phones, in lower case, with emoji and text-speak; some paste HTML.
Everything downstream (safety, blame analysis, scoring) sees the same cleaned text, so a
rule written once works for all of these.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

MAX_ANALYSED_CHARS = 1000
"""Longer messages are analysed only up to here; the reply says so."""

_TAG = re.compile(r"<[^>]{0,200}>")
_SCRIPT = re.compile(r"<(script|style)\b[^>]{0,200}>.*?(?:</\1\s*>|$)", re.I | re.S)
_SPACE = re.compile(r"\s+")
_REPEAT = re.compile(r"([!?.])\1+")

# Text-speak and the typos people make most on the words our rules depend on.
_WORD_FIXES = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "youre": "you're",
    "ur": "you're",
    "yr": "your",
    "urself": "yourself",
    "r": "are",
    "im": "I'm",
    "i": "I",
    "ive": "I've",
    "id": "I'd",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "wont": "won't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "couldnt": "couldn't",
    "its": "it's",
    "thats": "that's",
    "whats": "what's",
    "hes": "he's",
    "shes": "she's",
    "theyre": "they're",
    "nevr": "never",
    "nvr": "never",
    "alwys": "always",
    "alwayz": "always",
    "fone": "phone",
    "talkin": "talking",
    "leavin": "leaving",
    "doin": "doing",
    "goin": "going",
    "sayin": "saying",
    "lookin": "looking",
    "makin": "making",
    "takin": "taking",
    "comin": "coming",
    "tryin": "trying",
    "playin": "playing",
    "gettin": "getting",
    "waitin": "waiting",
    "workin": "working",
    "drivin": "driving",
    "watchin": "watching",
    "listenin": "listening",
    "ignorin": "ignoring",
    "disgustin": "disgusting",
    "nothin": "nothing",
    "frm": "from",
    "beleive": "believe",
    "n": "and",
    "neva": "never",
    "nver": "never",
    "allways": "always",
    "alwyas": "always",
    "alway": "always",
    "alwasy": "always",
    "becuase": "because",
    "becasue": "because",
    "cuz": "because",
    "cos": "because",
    "coz": "because",
    "bc": "because",
    "thx": "thanks",
    "pls": "please",
    "plz": "please",
    "ppl": "people",
    "b4": "before",
    "2day": "today",
    "tmrw": "tomorrow",
    "wat": "what",
    "wen": "when",
    "lisen": "listen",
    "listn": "listen",
    "husbnd": "husband",
    "hubby": "husband",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "wifey": "wife",
    "evry": "every",
    "everytime": "every time",
    "selfsh": "selfish",
    "fualt": "fault",
    "falut": "fault",
}
_WORD = re.compile(r"[A-Za-z0-9']+|[^A-Za-z0-9'\s]+|\s+")


@dataclass
class CleanText:
    """The cleaned text plus what cleaning noticed (shown to the user where it matters)."""

    text: str
    original_length: int
    truncated: bool = False
    had_html: bool = False
    emoji: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.text.strip()


def is_emoji(ch: str) -> bool:
    """True for pictographs and symbols people use as feelings (not letters or punctuation)."""
    if ch in "\u200d\ufe0f":
        return True
    cat = unicodedata.category(ch)
    return cat == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF


# After these, "ur" means "you're" ("ur so lazy"); before anything else it means "your" ("ur phone").
_AFTER_YOURE = {
    "so", "such", "a", "an", "the", "always", "never", "not", "too", "really", "very", "just", "literally", "still",
    "on", "in", "at", "out", "off", "up", "late", "early", "home", "right", "wrong", "lazy", "selfish", "rude",
    "mean", "useless", "annoying", "boring", "impossible", "crazy", "ridiculous", "pathetic", "messy", "unbelievable",
    "obsessed", "gonna", "like", "being", "going", "all", "only", "basically", "honestly", "clearly",
}  # fmt: skip


def _ur(next_word: str) -> str:
    w = next_word.lower()
    if not w or w in _AFTER_YOURE or w.endswith(("ing", "ed", "ly")):
        return "you're"
    return "your"


def _fix_words(text: str) -> str:
    out = []
    pieces = _WORD.findall(text)
    for n, piece in enumerate(pieces):
        if piece.lower() == "ur":
            following = next((p for p in pieces[n + 1 :] if p.strip()), "")
            following = _WORD_FIXES.get(following.lower(), following)  # "ur alwys": judge by the fixed word
            fixed = _ur(following if following[:1].isalpha() else "")
            out.append(fixed[:1].upper() + fixed[1:] if piece[:1].isupper() else fixed)
            continue
        fixed = _WORD_FIXES.get(piece.lower())
        if fixed is None:
            out.append(piece)
        elif piece[:1].isupper() and fixed[:1].islower():
            out.append(fixed[:1].upper() + fixed[1:])
        else:
            out.append(fixed)
    return "".join(out)


def clean(raw: object, limit: int = MAX_ANALYSED_CHARS) -> CleanText:
    """Return analysable text: no HTML, no emoji, text-speak fixed, length capped.

    Accepts anything (None, numbers, dicts from a broken client) so callers never crash.
    """
    text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    original_length = len(text)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    had_html = bool(_TAG.search(text))
    text = html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", text)))
    emoji = [ch for ch in text if is_emoji(ch)]
    text = "".join(" " if is_emoji(ch) else ch for ch in text)
    text = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
    text = re.sub(r"(?<![\w/])w/o(?![\w/])", "without", text, flags=re.I)  # "plans w/o me"
    text = _SPACE.sub(" ", text).strip()
    truncated = len(text) > limit
    if truncated:
        cut = text[:limit]
        # Prefer to stop at the end of a sentence so the parse stays sensible.
        end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
        text = cut[: end + 1] if end > limit // 2 else cut
    text = _REPEAT.sub(r"\1", text)
    text = _fix_words(text)
    return CleanText(text=text, original_length=original_length, truncated=truncated, had_html=had_html, emoji=emoji)


_ENGLISH_HINTS = {
    "the",
    "you",
    "your",
    "you're",
    "i",
    "i'm",
    "me",
    "my",
    "and",
    "to",
    "a",
    "is",
    "are",
    "it",
    "it's",
    "never",
    "always",
    "what",
    "why",
    "how",
    "when",
    "do",
    "don't",
    "he",
    "she",
    "we",
    "they",
    "of",
    "in",
    "on",
    "that",
    "this",
    "so",
    "not",
    "can",
    "feel",
    "with",
    "be",
    "was",
    "were",
    "just",
    "hi",
    "hello",
    "hey",
    "thanks",
    "ok",
    "okay",
    "yes",
    "no",
    "please",
    "help",
    "make",
    "made",
    "stop",
    "up",
}
_FOREIGN_HINTS = {
    # Spanish, French, German, Portuguese, Italian, Dutch function words.
    "el",
    "la",
    "los",
    "las",
    "que",
    "por",
    "para",
    "nunca",
    "siempre",
    "eres",
    "tu",
    "mi",
    "muy",
    "pero",
    "le",
    "les",
    "des",
    "est",
    "pas",
    "jamais",
    "toujours",
    "je",
    "et",
    "mon",
    "ma",
    "une",
    "vous",
    "der",
    "die",
    "das",
    "und",
    "nicht",
    "ich",
    "du",
    "immer",
    "nie",
    "mich",
    "mir",
    "bist",
    "ist",
    "não",
    "voce",
    "você",
    "sempre",
    "eu",
    "meu",
    "minha",
    "com",
    "uma",
    "sei",
    "sono",
    "mai",
    "della",
    "het",
    "een",
    "niet",
    "jij",
    "altijd",
    "nooit",
    "mij",
    "ik",
}


def looks_non_english(text: str) -> bool:
    """Guess whether a message is in a language we cannot help with yet.

    Non-Latin scripts count as non-English; Latin text counts when its function words are
    mostly from other European languages. Short or unclear text is given the benefit of the doubt.
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    non_latin = sum(1 for ch in letters if "LATIN" not in unicodedata.name(ch, ""))
    if non_latin / len(letters) > 0.5:
        return True
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
    if len(words) < 2:
        return False
    english = sum(1 for w in words if w in _ENGLISH_HINTS)
    foreign = sum(1 for w in words if w in _FOREIGN_HINTS and w not in _ENGLISH_HINTS)
    return foreign >= 2 and foreign > english
