"""Is a reframe good? Grammatical, faithful to the behaviour, free of blame.

The checks are deliberately mechanical so the figure is reproducible; the gold file
(tests/heldout/reframe_gold.yml) says per message whether a reframe or a question about the
behaviour is right, and which words of the behaviour must survive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from actions import blame

_THIRD_PERSON_AFTER_YOU = re.compile(r"\byou (?:is|was|has|does|doesn't|isn't|wasn't|hasn't|[a-z]+(?<![su])s)\b")
_BASE_AFTER_NEG = re.compile(r"\b(?:don't|didn't|won't|can't) ([a-z]+)\b")
_DANGLING = re.compile(r"\b(?:and|or|but|to|the|a|an|of|with|my|your|at|in|on|for|when)$")


@dataclass
class Verdict:
    """Whether one output passes, and why not."""

    ok: bool
    output: str
    problems: list[str] = field(default_factory=list)


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


@lru_cache(maxsize=8192)
def _lemmas(text: str) -> frozenset[str]:
    """Dictionary forms, so 'told' still keeps the gold keyword 'tell'. Cached: each output is checked per keyword."""
    return frozenset(t.lemma_.lower() for t in blame.nlp()(text) if not t.is_punct)


# The reframe speaks to the partner in full words, so a gold keyword written in text speak or about the partner
# ("told ur mum", "rang his mum", "rolled her eyes") is kept when the output says "your mum", "your eyes".
# Object pronouns are not mapped: "told them everything" must not become "told you everything".
_SAME_WORD = {
    "ur": frozenset({"your", "you're", "you"}),
    "u": frozenset({"you"}),
    "yr": frozenset({"your"}),
    "his": frozenset({"your"}),
    "her": frozenset({"your"}),
    "their": frozenset({"your"}),
}


def _present(keyword: str, output: str) -> bool:
    """Every word of the keyword (stemmed or lemmatised) appears in the output.

    A keyword may be several words ("wet towels", "get up"); each must survive, in any order.
    """
    words = {_stem(w) for w in re.findall(r"[a-z0-9']+", output.lower())} | _lemmas(output)
    for part in re.findall(r"[a-z0-9']+", keyword.lower()):
        k = _stem(part)
        if k in words or part in words or _lemmas(part) & words or _SAME_WORD.get(part, frozenset()) & words:
            continue
        if (
            len(k) >= 4
            and any(w.startswith(k[:4]) for w in words)
            or len(k) == 3
            and part.endswith("ing")
            and any(w.startswith(k) for w in words)
        ):
            continue
        return False
    return True


def _ends_with_particle(text: str) -> bool:
    """'left the hob on', 'plugged in': a verb particle may end a clause; a bare preposition may not."""
    doc = blame.nlp()(text)
    return len(doc) > 0 and doc[-1].dep_ in {"prt", "advmod"}


def grammar_problems(behaviour: str) -> list[str]:
    """Mechanical grammar checks on the "When …" clause."""
    problems = []
    b = behaviour.strip()
    if not b or len(b.split()) < 2:
        problems.append("empty behaviour")
    m = _THIRD_PERSON_AFTER_YOU.search(b)
    if m and m.group(0) not in {"you guys", "you yourselves"}:
        problems.append(f"agreement: '{m.group(0)}'")
    for m in _BASE_AFTER_NEG.finditer(b):
        if re.search(r"(?:ed|ing)$", m.group(1)) and m.group(1) not in {"need", "feed", "bleed", "proceed", "bring", "sing", "ring"}:
            problems.append(f"verb after negation: '{m.group(0)}'")
    if re.search(r"(?:^|\band )(?:you|i|we|he|she|they) (?:when|whenever|while|if|because)\b", b, re.I):
        problems.append("garbled: a subordinator after the subject")
    if re.search(r"\b(?:I|it|he|she) are\b|\bI is\b", b):
        problems.append("agreement: a subject that is not 'you' took the verb meant for 'you'")  # "…and I are sick of it"
    if re.search(r"\b(\w+) \1\b", b, re.I):
        problems.append("doubled word")
    # "the budget we agreed on", "for me to deal with": a preposition stranded by a relative clause is English.
    stranded = re.search(
        r"\b(?:(?:i|we|you|they|he|she|nobody|no one|anyone|everyone|someone) \w+|to \w+) (?:on|to|with|about|for|at|in|of)$|\w+s'$|\b(?:looked|seen|sorted|dealt|taken care|thought|talked|cared|paid|waited) (?:at|to|with|of|about|for)$"
        r"|\b(?:lights?|heating|tv|telly|radio|oven|hob|iron|straighteners|heater|fan|taps?|engine|music|shoes|boots|coat|hat|phone) (?:on|off)$",
        b,
        re.I,
    )
    if _DANGLING.search(b) and not _ends_with_particle(b) and not stranded:
        problems.append("dangling word")
    if re.search(r"\s[,.]|,,|\s{2,}", b):
        problems.append("spacing")
    return problems


def judge(text: str, expect: str, keywords: list[str], analysis: blame.Analysis | None = None) -> Verdict:
    """Judge Reframe's output for one held-out blame message against its gold entry."""
    a = analysis or blame.analyse(text)
    if a.behaviour:
        output = blame.reframe_sentence(a.behaviour, a.feeling, a.past) if a.feeling else blame.partial_sentence(a.behaviour, None, a.past)
    else:
        output = "ASK: what did they do?"
    problems: list[str] = []
    if expect == "ask_behaviour":
        if a.behaviour:
            problems.append("made up a behaviour where there is none")
    else:
        if not a.behaviour:
            problems.append("asked for a behaviour the message already names")
        else:
            problems += grammar_problems(a.behaviour)
            missing = [k for k in keywords if not _present(k, a.behaviour)]
            if missing:
                problems.append(f"lost key words {missing}")
            problems += blame.carries_blame(output)
    return Verdict(ok=not problems, output=output, problems=problems)


def judge_text(output: str, keywords: list[str], expect: str) -> Verdict:
    """The same checks on any output string (used for the baseline)."""
    problems: list[str] = []
    m = re.match(r"^When (.+), I (?:feel|felt) (.+)\.$", output)
    if expect == "ask_behaviour":
        problems.append("made up a behaviour where there is none")
    elif not m:
        problems.append("not a When…, I feel… sentence")
    else:
        problems += grammar_problems(m.group(1))
        missing = [k for k in keywords if not _present(k, m.group(1))]
        if missing:
            problems.append(f"lost key words {missing}")
        problems += blame.carries_blame(output)
    return Verdict(ok=not problems, output=output, problems=problems)
