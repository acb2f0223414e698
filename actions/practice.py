"""Practice mode: drills, scoring a user's reframe, and progress. Pure Python, no Rasa.

A try is scored on five parts a couples coach listens for. The weights say what matters most:
naming what happened and what you feel carry most of the score; owning the feeling and
leaving out contempt are smaller but a miss there undoes a lot in real life; a need or a
request is the bonus that turns a complaint into something the partner can act on.

    behaviour 30   an act a camera could see: no label, no "always/never"
    feeling   30   a real feeling, not a pseudo-feeling ("ignored") or "I feel like you…"
    ownership 15   no "you make me", "because you…", "your fault"
    respect   15   no sarcasm, insults, eye-rolls or demands
    request   10   a need or a kind request

Scoring is regular expressions over the cleaned text plus the shared lexicon (feelings,
pseudo-feelings, labels), so one answer takes well under a millisecond.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from actions.lexicon import load as load_lexicon
from actions.textnorm import clean, looks_non_english

CONTENT = Path(__file__).parent / "content"
MAX_ANSWER_CHARS = 600
"""A reframe is a sentence or two; much longer than this is a rant or a paste, not a try."""

BANDS = (("excellent", 85), ("good", 65), ("fair", 40), ("poor", 0))
PART_MAX = {"behaviour": 30, "feeling": 30, "ownership": 15, "respect": 15, "request": 10}
PART_LABEL = {
    "behaviour": "an observable behaviour",
    "feeling": "a real feeling",
    "ownership": "owning the feeling",
    "respect": "no contempt or sarcasm",
    "request": "a need or a request",
}
GOOD_SCORE = 65
"""At or above this a try counts towards the streak."""


# ---------------------------------------------------------------- drills


@dataclass(frozen=True)
class Drill:
    """One blaming line to rewrite, with the words a good answer keeps and model answers."""

    id: str
    level: int
    form: str
    topic: str
    setting: str
    line: str
    keywords: tuple[str, ...]
    models: tuple[str, ...]


@lru_cache(maxsize=1)
def drills() -> tuple[Drill, ...]:
    """The drill bank from content/drills.yml, in file order."""
    raw = yaml.safe_load((CONTENT / "drills.yml").read_text(encoding="utf-8"))
    return tuple(
        Drill(
            id=d["id"],
            level=int(d["level"]),
            form=d["form"],
            topic=d["topic"],
            setting=d["setting"],
            line=d["line"],
            keywords=tuple(d.get("keywords") or ()),
            models=tuple(d["models"]),
        )
        for d in raw["drills"]
    )


def drill_by_id(drill_id: str | None) -> Drill | None:
    return next((d for d in drills() if d.id == drill_id), None)


def next_drill(level: int, done: list[str] | None = None, avoid: str | None = None) -> Drill:
    """The first drill at this level not done yet (then any not done; then start the round again)."""
    done_set = set(done or ())
    level = min(3, max(1, int(level)))
    pool = [d for d in drills() if d.id != avoid]
    for candidates in (
        [d for d in pool if d.level == level and d.id not in done_set],
        [d for d in pool if d.id not in done_set],
        [d for d in pool if d.level == level],
    ):
        if candidates:
            return candidates[0]
    return drills()[0]


def adjust_level(level: int, score: int) -> int:
    """Harder after a strong answer, easier after a weak one."""
    if score >= 80:
        return min(3, level + 1)
    if score < 50:
        return max(1, level - 1)
    return level


# ---------------------------------------------------------------- answers that are not tries

_NON_ANSWER = re.compile(
    r"^(?:idk|i don'?t know|dunno|no idea|skip(?: it| this(?: one)?)?|pass|next|nothing|no|yes|yeah|nope|ok(?:ay)?|hm+|um+|"
    r"help|\?+|\.+|i can'?t|not sure|no clue|whatever|lol|same)$",
    re.I,
)


def hint_for(answer: object, drill: Drill | None = None) -> str | None:
    """A kind hint when the answer is not a real try (empty, 'idk', one word, the drill itself…), else None."""
    raw = answer if isinstance(answer, str) else ("" if answer is None else str(answer))
    if len(raw) > MAX_ANSWER_CHARS:
        return (
            f"That's a long one ({len(raw):,} characters). A reframe works best short: one or two sentences, "
            "what they did, how you felt, and what you'd like. Try again in a sentence or two?"
        )
    text = clean(raw).text.strip()
    starter = 'Try starting with "When you …, I feel …".'
    if not text or not re.search(r"[A-Za-z]", text):
        return f"I didn't catch any words there. {starter}"
    if _NON_ANSWER.match(text.strip(" !.")):
        return f'No problem, it\'s a hard one. {starter} Say "skip" again for a new drill, or "stop" to finish.'
    if looks_non_english(text):
        return "I can only score answers in English for now. " + starter
    if drill is not None and _same_as(text, drill.line):
        return "That's the drill's own line. Say the same thing your way: what they did, and how you felt. " + starter
    if len(re.findall(r"[A-Za-z']+", text)) < 3:
        return f"Give me a whole sentence to score. {starter}"
    if (
        text.rstrip().endswith("?")
        and not re.search(r"\b(?:when|feel|felt|i'?m|hurts?|you|your|u|ur|always|never|why|me)\b", text, re.I)
        and not _REQUEST.search(text)
        and not _CONTEMPT.search(text)
    ):
        return (
            'That sounds like a question rather than a try at the drill. Ask away after you say "stop", '
            f"or have a go at the line above. {starter}"
        )
    return None


def _same_as(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"[^a-z ]", "", s.lower()).strip()  # noqa: E731
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio() >= 0.92  # "You make me feel" -> "I feel" is a try


# ---------------------------------------------------------------- scoring


@dataclass
class Part:
    """One part of the score: points got out of the maximum, and the problem if any."""

    name: str
    points: int
    max: int
    problem: str | None = None


@dataclass
class Score:
    """The result of scoring one try, with feedback ready to show."""

    total: int
    band: str
    parts: list[Part]
    well: list[str]
    tip: str | None
    model: str | None
    behaviour: str | None = None
    feelings: list[str] = field(default_factory=list)
    off_topic: bool = False

    @property
    def weakest(self) -> str | None:
        """The part whose problem cost the most points (None when there is no problem)."""
        part = _weakest(self.parts)
        return part.name if part else None


def _weakest(parts: list[Part]) -> Part | None:
    """The one change that helps most. Sarcasm, put-downs and "you make me" come first: they are heard before anything else."""
    loud = [p for p in parts if (p.name, p.problem) in {("respect", "contempt"), ("ownership", "blame")}]
    if loud:
        return loud[0]
    return max((p for p in parts if p.problem), key=lambda p: (p.max - p.points, p.max), default=None)


def _off_topic(text: str, drill: Drill | None) -> bool:
    """A fine sentence about socks is not a try at the drill about texting: none of its keywords is there."""
    if drill is None or not drill.keywords:
        return False
    words = {w[:4] for w in re.findall(r"[a-z]+", text.lower())}
    return not any(k.lower()[:4] in words for k in drill.keywords)


_WHEN_FIRST = re.compile(
    r"^\W*(?:(?:so|ok|okay|well|honestly|like)\W+)?(?:when(?:ever)?|if|each time|after|the other (?:day|night) when|last \w+ when)\s+"
    r"(?P<beh>.+?)\s*[,.;:-]*\s*(?P<rest>\b(?:i|i'?m|it|(?:that|this)(?=\s+(?:really\s+|just\s+)?(?:makes?|made|hurts?|feels?|felt|leaves?|left|is|was|gets?|got)\b))\b.*)$",
    re.I | re.S,
)
_FEELING_CLAUSE = (
    r"(?:i\s+(?:(?:just|really|kind of|kinda|sort of|always|then|also)\s+)?(?:feel|felt|get|got|become|became)\b|i'?m\s+(?:so\s+|really\s+|a bit\s+)?(?=[a-z]+ed\b)|"
    r"it\s+(?:really\s+|just\s+)?(?:hurts?|stings?|stung|upsets|upset|worries|worried|scares|scared|stresses|stressed|frustrates|frustrated|bothers|bothered)\b)"
)
# "When you X, I felt Y": the feeling clause, not the first "I" ("as I was merging"), ends the behaviour.
_WHEN_FIRST_FIRM = re.compile(
    r"^\W*(?:(?:so|ok|okay|well|honestly|like|[a-z ]{2,25},)\W+)?(?:when(?:ever)?|if|each time|after|the other (?:day|night) when|last \w+ when)\s+"
    r"(?P<beh>[^.!?]+?)\s*[,;:-]*\s*(?P<rest>\b" + _FEELING_CLAUSE + r".*)$",
    re.I | re.S,
)
# "I felt left out finding out your sister's coming", "disappointed to find the curry gone": the feeling, then the scene.
_FEEL_THEN_SCENE = re.compile(
    r"^(?P<rest>[^.!?]*?\b(?:i\s+(?:feel|felt|get|got)|i'?m\s+feeling|i\s+was\s+(?:so\s+|really\s+|a bit\s+)?\w+ed)\s+(?:[a-z]+\s+){0,6}?)"
    r"(?P<beh>(?:to\s+)?(?:find|found|finding|see|saw|seeing|hear|heard|hearing|come home to|coming home to|doing|sitting|waiting|cooking|"
    r"cleaning|arriving|watching|getting|having|looking|walking|driving)\b.+)$",
    re.I | re.S,
)
# "Your socks have been by the sofa since Tuesday and I feel irritated": the situation first, then the feeling.
_AND_I_FEEL = re.compile(r"^\W*(?P<beh>[^.!?]{12,}?)\s*,?\s+and\s+(?:now\s+|then\s+|honestly\s+)?(?P<rest>" + _FEELING_CLAUSE + r".*)$", re.I | re.S)
_FEEL_FIRST = re.compile(
    r"^(?P<rest>.*?\b(?:(?:i|and)\s+(?:feel|felt|get|got|am|was|'m)|i'm|i'?ve\s+(?:been\s+feeling|felt)|i\s+keep\s+feeling|it\s+(?:hurts|hurt|stings|makes me|made me|feels|felt)|"
    r"it\s+(?:really\s+)?(?:hurts|upsets|worries|scares|stresses|frustrates|bothers|stings|bugs me|wears me|drains me|gets to me))\b[^.!?]*?)\s+(?:when(?:ever)?|if|that|after|because)\s+(?P<beh>.+)$",
    re.I | re.S,
)
_ABSOLUTE = re.compile(
    r"\b(?:always|never|not once|constantly|continually|(?<!took )(?<!takes )(?<!take )forever|ever|every single|every time(?!\s+i\b)|all the time|24/7|everything)\b", re.I
)
# A softer absolute: "in every argument", "every weekend". Coaches count it as a flaw, but a lighter one.
_EVERY = re.compile(r"\bevery (?:day|night|evening|morning|weekend|week|argument|fight|conversation|meal|visit|row|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!\s+(?:this|last)\b)", re.I)
# What makes a behaviour concrete for a coach: this time, not a pattern. A time, a number, an occasion, their
# own quoted words, a place in the house, or two acts in sequence ("I was talking and you turned on the TV").
_ANCHOR = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|half an?|an?|a few|both)\s+"
    r"(?:(?:\w+\s+)?(?:minutes?|mins?|hours?|days?|nights?|evenings?|mornings?|weeks?|weekends?|months?|times|date nights|in a row|past|"
    r"mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))\b"
    r"|\b(?:yesterday|today|tonight|tomorrow|overnight|just now|right now|earlier|during (?:dinner|lunch|breakfast|the \w+)|(?:rang|phoned|messaged|emailed) to say|(?:through|at|about|after|during) (?:that|this) (?!is\b|was\b)\w+|at (?:midnight|noon)|past midnight|a minute later)\b"
    r"|\b(?:at|by|till|until|before|after|since)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"|\b(?:on|in|at|round) (?:these|this) (?!is\b|was\b)\w+"
    r"|\bi'?m (?:telling|trying to tell|talking to) you\b"
    r"|\b(?:o'?clock|quarter (?:to|past)|half past|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last|january|february|march|april|may|june|july|august|september|october|november|december))\b"
    r"|\b(?:this|last|next)\s+(?:morning|afternoon|evening|night|week|weekend|month|year|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!\s+(?:nights|mornings|evenings|afternoons))"
    r"|\b(?:weekend|christmas|birthday|anniversary|wedding|party|interview|bbq|arvo|"
    r"in the (?:morning|evening)|work night|school night|last night's|every (?:day|night|evening|morning) this)\b"
    r"|\b(?:on|in|at|off|onto|into|by)\s+(?:the|my|your|our|his|her)\s+(?:\w+\s+){0,2}(?:bed|floor|sink|table|counter|kitchen|bathroom|couch|sofa|car|"
    r"hallway|stairs|fridge|machine|restaurant|office|statement|motorway|basket|door|side)\b"
    r"|\b(?:after|before|until|till|by the time|as soon as)\s+(?:i|you|we)\b|\bday (?:two|three|four|five|six|seven|\d+)\b|\b(?:second|third|fourth|fifth) (?:day|night|time this)\b"
    r"|(?:said|says|say|told me|texted)\s*,?\s*[\"'\u201c\u2018]",
    re.I,
)
# A behaviour told in the simple past is one event ("when you cancelled our dinner"); the present is a habit.
_PAST = re.compile(
    r"^\W*(?:\w+\s+){0,4}?(?<!feel )(?<!felt )(?<!am )(?<!'m )(?<!was )(?<!get )(?<!got )(?<!so )(?<!really )(?<!bit )(?<!be )(?<!been )(?:\w{2,}ed|went|came|said|told|left|forgot|took|got|made|gave|bought|ate|ran|sat|saw|heard|rang|sent|brought|spent|"
    r"put|let|kept|did|didn'?t|wasn'?t|weren'?t|was|were|threw|broke|wore|drove|rode|wrote|chose|forgot|hung|hid|lost|paid|sold|stood|woke|had|hadn'?t|"
    r"\w*took|shook|caught|fought|spoke|swore|tore|blew|drew|flew|knew|began|fell|stole|slept|snuck)\b",
    re.I,
)
# What the feeling is about, named without an act: "worried about our savings", "left out at the barbecue".
_TOPIC = re.compile(r"\b(?:feel|felt|feeling|i'?m|was)\b[^.!?]*?\b(?:(?:about|with|over|at|by|of)\s+(?:the|our|my|your|all the|this|that)\s+\w+|at home)\b", re.I)
_HABIT_TIME = re.compile(r"\b(?:in the (?:evenings|mornings)|at (?:the )?weekends?|on \w+ (?:nights|mornings|evenings)|at night)\b", re.I)
# Two acts in sequence inside the behaviour: "I was talking and you turned on the TV".
_SEQUENCE = re.compile(r"\b(?:and|while|then)\s+(?:then\s+)?(?:you|we|i|he|she|they|u|your|my)\b(?:'\w+)?\s+\w+", re.I)
# A request a partner can act on names the act; these stay general ("more help", "some time", "at some point").
_VAGUE_ASK = re.compile(
    r"(?<!tell me )(?<!tell me a bit )(?<!me a bit )\bmore\b(?!\s+than)|\bsome\s+(?:more\s+)?(?:time|help|support|closeness|privacy|effort)\b|\bat some point\b|\bsometime\b"
    r"|\bon my (?:team|side)\b|\b(?:need|want|like)\s+to\s+(?:be able to|know you|feel (?:like|that|heard|loved|valued|supported|important|close))\b"
    r"|\b(?:be on time|take it (?:a bit )?easier)\b|\ba (?:bit|little)\s+\w+er\b(?!\s+than)|\b(?:can|could) we (?:just )?(?:talk|chat)(?: (?:about|with you about) (?:it|this|that|\w+))?(?: (?:later|tonight|tomorrow|tmrw|on the way home|at some point|sometime))?\s*[?.!]*$"
    r"|\bi need to talk (?:to|with) you(?: about (?:it|this|that))?\s*[?.!]*$|\b(?:like|want|need|love) (?:us )?to talk (?:about (?:it|this|that))?\s*[?.!]*$"
    r"|\btalk about (?:it|this|that) when you'?(?:ve|re) (?:got|free|ready)\b|\bbe careful\b|\b(?:have|had) a (?:chat|talk)\b|\bhear me out\s*[.!?]*$|(?<!when )\bi need to talk\b|\btalk (?:calmly|properly|nicely)\b|\b(?:figure|work|sort) (?:this|it|something|things) out\b|\bkeep (?:that|it|this) in mind\b"
    r"|\b(?:keep|make) (?:it|things|the \w+) \w+er\b|\bto be \w+er\b|\bto be about us\b|\b(?:do|did|doing|plan|planned) something\s*[.!?]*$|\bsome (?:kind|sort) of\b|\ba bit of\b|\btry again\s*[.!?]*$",
    re.I,
)
# A need said without asking: "I miss falling asleep next to you", "I'd feel safer if we …", "a quick text would help".
# "I miss …" is kept apart: with no other feeling word it is the feeling, and is not counted twice.
# A need owned as one's own ("I'd love more help with bedtime", "I wish we had more time"), not an instruction.
_OWNED_NEED = re.compile(r"\bi(?:'d| would)? (?:really |just |so |mostly |also |actually |honestly )*(?:love|like|wish|need|miss|want us|value|treasure|cherish)\b|\bi (?:really |just |so )*want (?:\w+ ){0,3}to feel\b|\bi'?d love\b|\bmatters? (?:\w+ ){0,3}to me\b|\bhelps? me (?:\w+ ){0,2}(?:unwind|relax|switch off|calm down|breathe|settle)\b|\bmeans? (?:a lot|so much|the world)(?: to me)?\b", re.I)
# A need named as mine ("a quiet hour helps me switch off", "it means a lot", "I need to know"), not a wish about them.
_NAMED_NEED = re.compile(
    r"\bhelps? me (?:\w+ ){0,2}(?:unwind|relax|switch off|calm down|breathe|settle)\b|\bmeans? (?:a lot|so much|the world)\b|\bmatters? (?:\w+ ){0,3}to me\b"
    r"|\bi (?:really |just )?need\b(?! (?:you|u|him|her) to\b)|\b(?:important|a big deal) (?:for|to) me\b|\bfor me (?:it )?is important\b",
    re.I,
)
_MISS = re.compile(r"(?:\bi\s+|^\W*)(?:really\s+)?miss\s+(?:u\s+|you\s+)?(?:just\s+|really\s+)?(?:\w+ing|our|the|us|when)\b", re.I)
_NEED_SAID = re.compile(
    r"\bi'?d\s+(?:feel|be|sleep|rest|cope)\s+(?:\w+\s+)?(?:safer|better|calmer|happier|less \w+|so much \w+|relieved|grateful|easier)\b"
    r"|\b(?:would|'d|will)\s+(?:really\s+|so\s+)?(?:help|mean (?:a lot|the world|so much))\b|\bnext time\b|\bwould be (?:great|lovely|nice|amazing|a big help|grand|brilliant|good|ace|a relief)\b"
    r"|\bmatters? (?:\w+ ){0,3}to me\b|\bis important to me\b|\bwould'?ve been (?:nice|good|great|lovely|helpful)\b|\ba quick (?:text|call|message|heads[- ]up)\b",
    re.I,
)

# Words that turn even a dated moment back into a general picture: "on your phone a lot at dinner".
_GENERAL = re.compile(
    r"\b(?:a lot|lately|these days|sometimes|usually|often|so much|too much|stuff|or anything|or something|things like that)\b"
    r"|\b(?:get|gets|is|are)\s+(?:\w+ed|made|done|forgotten|left|cut off)\b|\bends? up\b",  # no actor, every time: "plans get cancelled"
    re.I
)
_INTERPRETS = re.compile(r"\b(?:ignor\w+|neglect\w*|shut me out|blow me off|blew me off|brush(?:ed)? me off)\b", re.I)
# Accusations dressed as behaviour: a judgement of motive, not an act.
_LOADED_ACT = re.compile(r"hid|hide|hides|hiding|flirt\w*|sneak\w*", re.I)
_ACCUSES = re.compile(
    r"\b(?:behind my back|wast(?:e|es|ed|ing)|lied|lie to me|lies to me|lying to me|manipulat\w+|undermin\w+|avoid\w*|don'?t (?:even )?care|"
    r"didn'?t care|doesn'?t care|take me for granted|took me for granted|don'?t respect|don'?t value|don'?t appreciate|don'?t love|disrespect(?:s|ed|ing)?\s+me|disrespectful|"
    r"selfish\w*|on purpose|deliberately|you said you'?d\b[^.!?]*\band you didn'?t\b|fed up (?:of|with) \w+ing\b|you knew (?:i|that|how|it)|(?:tired|sick) of \w+ing\b|hid|hide|hides|hiding|sneak\w*|flirt\w*|only\s+(?:\w+\s+){1,3}when\s+(?:you|u)\s+(?:want|need)|"
    r"inconsiderate|thoughtless\w*|reckless\w*|careless\w*|irresponsibl\w*|(?:you|u)(?:'re| are| were)? (?:always |just |totally |completely )?over-?react\w*|cared? enough|if you (?:really |actually )?cared|"
    r"(?:pick|picks|picked|choose|chooses|chose|put|puts)\s+(?:\w+\s+){1,3}(?:over|before|ahead of)\s+me)\b",
    re.I,
)
# A verdict added after the feeling ("…, and it's just really inconsiderate") still replaces the act with a judgement.
_VERDICT = re.compile(
    r"\b(?:it'?s|its|that'?s|it was|that was|you'?re|you are|you were|so|really|(?<!dinner )(?<!food )(?<!meal )(?<!tea )(?<!soup )(?<!house )(?<!room )(?<!water )(?<!coffee )being|came across as|comes across as|felt|feels|seemed|seems)\s+(?:just\s+|so\s+|really\s+|pretty\s+|very\s+|honestly\s+|kind of\s+|a bit\s+)*"
    r"(?:inconsiderate|thoughtless|selfish|rude|disrespectful|reckless|careless|irresponsible|unfair|childish|stingy|mean|lazy|cold|"
    r"inappropriate|unacceptable|immature|not (?:appropriate|okay|ok|on|healthy|normal|fair)|shady|sketchy|dodgy|weird)\b|\b(?:is|are|it'?s|getting|gotten|got) (?:\w+ )?out of control\b|\b(?:becoming|turning into) a (?:real |bit of a |bad )?habit\b|\bacting (?:\w+ )?(?:weird|strange|shady|sketchy|off)\b|\bis (?:so |really |just )?(?:immature|childish|pathetic)\b|\bcold fish\b|\bthat cold\b|\b(?:you|u) (?:\w+ ){1,4}way too (?:long|much|late|often|far|loud|many)\b|\blike (?:a|an|it'?s a|it is a) (?:hotel|b&b|doormat|servant|maid|taxi|bank|atm|cash machine|free hotel)\b",
    re.I,
)
_LABEL_FRAME = re.compile(
    r"\b(?:you(?:'re| are| were|'ve been| be| being| act(?:ing)?| seem)|such|so|(?:you|a|an|that)\s+(?:total |complete |lazy |little )?)"
    r"\s+(?:so |such |really |being |a |an |completely |totally |very |bit |little |bloody |total |complete |basically |literally |just |kind of |kinda )*"
    r"([a-z][a-z'-]+)",
    re.I,
)
_NOT_LABELS = {
    "mess", "joke", "disaster", "failure", "child", "baby", "cook", "driver", "parent", "listener", "partner", "father",
    "mother", "husband", "wife", "boyfriend", "girlfriend", "dad", "mom", "mum", "weak", "jealous", "tight", "negative",
    "critical", "distant", "demanding", "cold", "dramatic", "difficult",
}  # fmt: skip
_DISGUISED = re.compile(
    r"\b(?:i|it)\s+(?:just\s+|really\s+|kind of\s+|sometimes\s+)?(?:feel|feels|felt)\s+(?:like|that|as if|as though)?\s*(?:you|u|he|she|they)\b"
    r"|\b(?:i|it)\s+(?:just\s+|really\s+|kind of\s+|sometimes\s+)?(?:feel|feels|felt)\s+like\s+(?:the|i'?m|i am|i'?ve|we|our|my|your|his|her|their|nobody|no one|everything|nothing)\b"
    r"|\bi\s+(?:feel|felt)\s+(?:so\s+|really\s+|very\s+)?(?:unimportant|invisible|worthless|unloved|unwanted|like nothing)\s+to\s+(?:you|him|her)\b",
    re.I,
)
# Any sign the speaker is talking about themself: "I felt like I come last", "I was looking forward to it".
_OWNED = re.compile(r"\b(?:i|i'?m|i'?ve|i'?d|me|my)\b", re.I)
# Blame handed back after the feeling: a major flaw, not the whole try.
_TAIL = re.compile(
    r"\b(?:because|cause)\s+(?:of\s+(?:all\s+)?)?(?:you|your)\b|\bit\s+(?:just\s+)?(?:makes|made)\s+me\b(?!\s+(?:feel\s+)?(?:so\s+|really\s+)?(?:close|happy|loved|safe|special|wanted|better|good|calm|connected)\b)(?!\s+(?:so\s+|really\s+|a bit\s+)?\w+\s+when\b)|\bso now i(?:'m| am| have|'ve| get)\b|\bwhen (?:she|he|they)(?:'s|'re| is| are) with (?:you|u)\b|\bif (?:you|u)'?d\b[^.!?]*\b(?:we|i) (?:wouldn'?t|would not|would have|would'?ve)\b|\btoo (?:long|much|late|often) (?:with|because of) (?:you|u)\b|\b(?:driving|drives|drove) me (?:mad|crazy|nuts|insane|up the wall)\b", re.I
)  # text is cleaned: "cuz u" is "because you"
# Blame outright: the feeling is theirs to fix.
_HARD_BLAME = re.compile(
    r"\b(?:you|u|he|she|they)\s+(?:\w+\s+)?(?:make|makes|made|making)\s+me\b(?!\s+(?:the|a|an|your|his|her)\b)|\bmake[s]? me an? (?:nervous |total |complete )?(?:wreck|mess)\b|\byour\s+(?:own\s+)?fault\b|\bthanks\s+to\s+you\b"
    r"|\bbecause\s+of\s+(?:you|u)\b|\byou\s+caused\b|\byou\s+(?:really\s+)?(?:humiliated|embarrassed|upset|scared|annoyed|disappointed|insulted|belittled|hurt)\s+me\b|\byou'?re\s+(?:really\s+|so\s+)?(?:scaring|upsetting|hurting|annoying|stressing|frustrating|worrying|embarrassing|confusing|killing)\s+me\b|\bit'?s\s+on\s+you\b|\bblame\s+you\b",
    re.I,
)
# Shouting a word keeps the record: "clothes on the floor AGAIN", "ALL evening". A lighter absolute, like "every".
_SHOUT = re.compile(r"\b(?:AGAIN|ALL|EVER|NEVER|ALWAYS|ONE|ONCE|NOTHING|EVERY|NOBODY)\b")
# A dig tacked on after a good start ("…Could you wash them? I'm not your maid."): fair at best, not blame (the rubric).
_DIG = re.compile(
    r"\bi'?m not (?:your|the|ur|a|his|her) (?:maid|mum|mother|mom|mommy|mummy|slave|servant|cleaner|cleaning lady|housekeeper|skivvy|butler)\b"
    r"|\b(?:it'?s |its )?not (?:exactly |really )?(?:a big|a huge|much of an?|a lot to|that big an?) ask\b"
    r"|\b(?:would|'d|it'?d|that'?d) make a (?:nice|pleasant|refreshing|welcome) change\b|\bfor a change\b|\U0001F643",
    re.I,
)
_CONTEMPT = re.compile(
    r"\bfor once\b|\bas usual\b|\bobviously\b|\bclearly\b|\bnewsflash\b|\bgrow up\b|\blike (?:a )?normal\b|\blike an? (?:adult|grown[- ]up|child|baby|teenager)\b"
    r"|(?:^|[.!?]\s*)seriously\b|\bseriously\s*\?|\bffs\b|\bwtf\b|\b(?:god|heaven) forbid\b|\bof course you\b|\bwhat a (?:surprise|shock|shocker)\b|\bshocker\b|\bcongrat\w*\b"
    r"|\bthanks a lot\b|\bwhatever\b(?! (?:you|u) (?:think|want|prefer|decide|need)\b| works\b| (?:way|time|day|suits|feels|is easiest)\b)|\bpigsty\b|\bslob\b|\bidiot\b|\bmoron\b|\bpathetic\b|\buseless\b|\bget a grip\b|\bman up\b|\bwow\b|\bgreat job\b"
    r"|\bnice one\b|\bwell done\b|\bhow hard is it\b|^\W*must be (?:nice|lovely|great|fun)\b|\boh,? don'?t mind me\b|\bmy bad\W*$|(?:^|[.!?,]\s*)my bad\b|\bi'?ll just (?:\w+ ){0,2}(?:myself|on my own|by myself)\b|\bif (?:i see |you |u )[^.!?]{0,60}\bagain\b[^.!?]{0,12}\bi'?(?:m|ll| will| am)\b|\blove that for (?:me|us)\b|\bmaybe i should just\b|\byou'?re the one who (?:should|needs? to|has to|ought to)\b|\bis it (?:really |so |that )*(?:that )?(?:hard|difficult|much to ask)\b|\bwould it kill you\b|\bis it too much to ask\b|\bi guess\b.*\bmore important\b|\bi\'?m sure\b[^.!?]*\bmore important (?:things|stuff|people|plans)\b|\bthat\'?s the only way (?:i\'?ll|i will|i get to|i can|you\'?ll)\b|^\W*(?:unbelievable|typical|classic|charming)\s*[.!]+|\bapparently\b"
    r"|\bunlike some people\b|\bwhich you never\b|\bstupid\b|\bdumb\b|\bridiculous\b|\bloser\w*\b|\blike an? (?:pig|animal|toddler|slob)\b"
    r"|\b(?:disgusted|sick|fed up)\s+(?:with|of)\s+you\b|\b(?:mummy|mommy|mama|momma)'?s boy\b|\bman[- ]child\b"
    r"|\bmust be nice\b|\b(?:so|how) (?:lovely|nice|kind|good|generous) (?:of you )?(?:that you|to finally|of you)\b|(?:^|[.!?]\s*)enjoy\s+\w+ing\b|\bone job\b"
    r"|\braised in a barn\b|\bmaniac\b|\bshut up\b|(?:^|[.!?,]\s*)just go\b|\bi'?m not doing this\b|^\W*am i (?:boring|keeping|interrupting|bothering)\b|\bdon'?t let me interrupt\b"
    r"|\bwhat'?s the excuse\b|^\W*go on then\b|\bshame (?:we|you|i)\b|^\W*nice \w+\s*[.!]|^\W*cool,? so\b|\bi'?m the bad guy\b|(?:^|[.!?]\s*)(?:great|cool)\s*[.!]*\s*$"
    r"|\bbe an? (?:adult|grown[- ]up)\b|\byou could'?ve\b[^.!?]*\byourself\b|(?:^|[.!?]\s*)enjoy your\b|\bi guess\s*[.!]*\s*$|\bsince you (?:like|love) (?:\w+ )?so much\b"
    r"|\bdon'?t bother\b|\bi know (?:exactly )?what you'?re\b|(?:^|[.!?]\s*)(?:typical|classic)\s*[.!]|\bwhy (?:do|did|should|would) i even bother\b"
    r"|\bhope (?:\w+ ){1,3}(?:was|were) worth\b|\bstop being\b|\bdon'?t worry,? i'?ll\b|\blike every (?:year|time)\b|^\W*oh,? so\b"
    r"|\b(?:so|sooo+|very|really) (?:close|loved|special|wanted|happy)\b[^.!?]*\b(?:lol|lmao)\b|\bwhen were you (?:planning|going) to\b|\bsince i'?m so\b|\bif i'?m (?:such|so)\b|^\W*sorry,? (?:am i|did i|was i|is it|are you|were you)\b|\beither\b[^.!?]*\bor (?:i'?m|i will|i'?ll|else)\b|\bor else\b|\bare you (?:twelve|ten|five|a child|kidding|serious)\b|\b(?:do|am|did|have|should) i\s*\?\s*$|\bnot cool\b|\blook who\b|\bfinally decided\b|\bi just love\b|\bthanks (?:so much |a lot )?for (?:making|ruining|nothing|leaving|forgetting)\b"
    r"|^\W*why (?:am|is|does|should) i\b|\bit'?s not hard\b|\byou'?re (?:literally )?married to (?:your|the|that)\b|\bend of\s*[.!]*\s*$|\b(?:has|have|'ve) got to stop\b"
    r"|\bshould i (?:just )?leave you\b|^\W*hope you\b[^.!?]*\b(?:lovely|nice|great|fun)\b|\bloved it\s*[.!]*\s*$|(?:^|[.!?]\s*)(?:again|brilliant)\s*\?"
    r"|\b(?:one more time|once more|next time|do that again|if you (?:go|do|keep|leave))\b[^.!?]{0,60}\b(?:i'?m (?:eating|going|leaving|done|out)|i'?ll (?:go|leave|eat|be gone)|i won'?t (?:be|wait)|don'?t expect me)\b"
    r"|\bdon'?t expect me to\b|\bit'?s not like i\b|\bnot like i (?:have|had|matter|count|exist)\b|\bguess i'?m the only one\b|\boh wait,? (?:you|u) (?:didn'?t|did not|don'?t|forgot)\b"
    r"|\b(?:nice|good|kind|sweet|big) of (?:you|u) to\b|\bthank you so much for\b(?=[^.!?]*\b(?:adore|love|just)\b)|\bi (?:just )?(?:adore|love) (?:finding out|hearing about|being told|discovering|waiting)\b"
    r"|\b(?:your|her|his) little (?:\w+ )?(?:dates?|friends?|chats?|trips?|games?|hobby|hobbies|lunches|drinks|girlfriend|boyfriend|mates?)\b|\bshould i just\b[^.!?]*\?"
    r"|\bfor (?:one|two|five) seconds?\b|\bmaybe (?:they|it|you)'?(?:ll| will) get stuck\b|\b(?:she|he)'?s basically\b|\breared in a barn\b"
    r"|\bliving with a (?:teenager|child|toddler|kid|slob|pig|baby|stranger|flatmate|lodger)\b|\b(?:the kids|they) (?:don'?t|barely) even know you\b|\bsays? hi\b[^.!?]*\bsince\b"
    r"|\bdon'?t worry about me\b|\bdon'?t be surprised (?:when|if)\b|\botherwise,? i'?(?:ll| will|'m| am)\b|\byou can spend (?:the|your|ur) \w+ with (?:your|ur)\b|\bi'?m used to (?:being|coming|it|feeling) ?(?:last|second|alone|ignored|on my own|forgotten|an afterthought)?\b|\blast on (?:your|ur) list\b|\bbeneath (?:you|u|your|ur)\b|\b(?:your|ur|his|her) (?:majesty|highness|lordship|ladyship)\b|\b(?:i'?m sure|guess) (?:\w+ ){1,3}needs? (?:you|u) more than (?:i|me)\b|\bkeep (?:scrolling|texting|gaming|playing|ignoring|drinking)\b[^.!?]*(?:i'?m sure|don'?t mind me|no worries)|\bno worries\s*\W*$|\btalk to (?:the|a) wall\b|\bwhat kind of (?:\w+ )?(?:parent|mother|father|husband|wife|partner|person|dad|mum|mom) (?:does|forgets|would)\b|\bhope (?:the|your|ur) \w+(?:'s| is) worth it\b|\blet me guess\b|\bcan'?t wait\s*[.!]*$|\b(?:the|your|ur|you|you're|ya) bloody\b|\bbloody (?:hell|brilliant|great|marvellous|fantastic|perfect|typical|useless|idiot|joke|well)\b|\bwhat is wrong with you\b|\btell (?:your|her|his) \w+ i said hi\b|\bsay hi to (?:your|her|his)\b"
    r"|\bshall i\b(?![^.!?]*\b(?:we|us|together)\b)[^.!?]*\?|[,.]?\s+or (?:i'?m|i will|i'?ll) (?:changing|leaving|going|done|out|calling|telling|moving|packing)\b|\bi'?m not (?:opening|coming|cooking|waiting|doing)\b[^.!?]*\b(?:and you can|you can explain)\b"
    r"|\b(?:one more time|again)\b[^.!?]{0,40}\bi'?m not \w+ing\b|\b(?:sabotag|gaslight|triangulat)\w*|\b(?:avoidant|narcissis)\w*|\btuck you in\b"
    r"|\bif (?:that'?s|it'?s|this is) not too much to ask\b|\blike i (?:asked|said|told you)(?: (?:last time|before|already|a hundred times|twice))?\s*[.!]*$|(?:^|[,.]\s*)(?:so )?good for (?:you|u)\s*[.!]*$"
    r"|\bif (?:it|this|that) happens (?:again|one more time)\b[^.!?]*\bi'?(?:ll| will)\b|\bor (?:else )?i'?ll (?:just )?(?:tell|say|sort|do it|ring|phone)\b"
    r"|\bthey'?re used to it\b|\bi'?ll just tell (?:them|everyone|her|him)\b|\bhow (?:generous|kind|thoughtful|nice|lovely|sweet|considerate)(?: of you)?\s*[.!]*$"
    r"|(?:^|[.!?]\s*)(?:shocking|amazing|wonderful|fantastic)\s*[.!]*$|\bwonder why i'?m\b|^\W*sorry,? (?:that )?i'?m (?:such|so)\b|\bhappy birthday to me\b"
    r"|\bdon'?t worry,? i (?:won'?t|will not)\b|\bi'?ll (?:just )?stay (?:home|in|behind) then\b|\b(?:mr|miss|mrs|ms)\.? perfect\b|\bsome of us (?:are|have|do)\b"
    r"|\b(?:classic|typical) (?:you|u|him|her)\b|\bjust say(?:ing|in)\b|\bwhat are we (?:even )?doing\b|\ba joke to (?:you|u)\b|\bhappy together\b(?![^.!?]*\b(?:we|us)\b)"
    r"|[,.]?\s+or (?:else )?i'?ll (?:just )?(?:get out|take|walk|leave|go|find|call|stop|move|sleep)\b|\bnot even surprised\b"
    r"|\b(?:great|nice|lovely|brilliant|fantastic|top|super|stellar) (?:parenting|work|move|effort|planning|listening)\b|(?:^|[.!?]\s*)enjoy the\b|\bi'?m done\s*[.!]*$"
    r"|\bhow (?:clever|smart|brilliant|perfect|important|funny|great) (?:you|u) (?:are|think you are)\b|\b(?:you|u) (?:just )?had to (?:show|prove|tell|point out|make|let) (?:everyone|everybody|them|the whole)\b"
    r"|\btoo (?:scared|chicken|gutless|spineless|weak|proud) to\b"
    r"|\bhave to be right\b|\balways right\b|\bjust so you know\b|\bi can'?t believe you\b|\blunatic\b|\bpsycho\b|\bnutter\b|\bmight as well (?:be|have)\b|\bif (?:someone|somebody|some people)\b|\bdon'?t you dare\b|\bi'?m not the one\b"
    r"|^\W*why (?:are|do|did|can'?t|won'?t|don'?t|would) you\b|\b(?:basically|practically) a single (?:parent|mum|mom|dad)\b|\bnot (?:that|so) hard\b|\bnot rocket science\b|\bwhat'?s that about\b|\bwhat (?:is|was) that about\b|\bwhat'?s wrong with you\b"
    r"|\bhope (?:it|that|the \w+) was worth it\b|\bbetter things to do\b|\bkeeping you from\b|\bsomething more important\b|\bstop being (?:a|an|so|such)\b"
    r"|(?:^|[.!?]\s*)(?:classic|typical|unbelievable|charming|brilliant|perfect)\s*[.!]*\s*$|\bliterally married to\b|\bwhy (?:did|do|would|are) you even\b|(?:^|[.!?]\s*)(?:again|now)\s*[.!]*\s*$|\bperiod\s*[.!]*$|\?[!?]+|![?]|!!+(?=[^.!?]*\b(?:you|u)\b)|\U0001F644|\U0001F612|\U0001F620|\U0001F621|\U0001F624|\U0001F926",
    re.I,
)
# Feeling small is not a put-down of them: "you think I'm stupid", "I felt stupid".
_SELF_DOWN = re.compile(r"\b(?:think|thinks|thought|feel|felt|feeling|look|looked|seem|sound)\s+(?:like\s+)?(?:i'?m|im|i am|i was|me)?\s*(?:so\s+|really\s+)?(?:stupid|dumb|useless|pathetic)\b", re.I)
# Their words, quoted, are an observation ("when you said 'fine, whatever' and left"), not our sarcasm.
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]{1,80}[\"\u201d]|(?<![\w'])['\u2018](?:[^'\u2019]|(?<=\w)'(?=\w)){1,80}['\u2019](?![\w'])")
_DEMAND = re.compile(
    r"(?<!saying )(?<!said )(?<!says )(?<!that )(?<!if )(?<!when )\b(?:you|u)\s+(?:really\s+|just\s+|seriously\s+|honestly\s+)?(?:need to|have to|must|better|'d better|had better|should|ought to|gotta)\b|\b(?:just|now)\s+(?:do|fix|stop)\s+it\b"
    r"|\bjust admit\b|\badmit it\b|(?:^|[.!?]\s+)(?:just\s+)?(?:stop|ask|admit|quit|answer|pick|clean|do|get|put|call|text|grow|slow|hurry|shut|move|hang|tidy|listen|calm|close|turn)\s+(?!us\b)\w+(?![^.!?]*\b(?:please|pls|plz)\b)(?![^.!?]*\?)",
    re.I,
)
_YOU_SHOULD = re.compile(r"\b(?:you|u)\s+(?:really\s+|just\s+|seriously\s+|honestly\s+)?(?:need to|have to|should|ought to|must)\b", re.I)
_ORDER = re.compile(r"(?:^|[.!?]\s+)(?:just\s+)?(?:stop|close|shut|put|get|turn|pick|answer)\b|\bor (?:else|we'?re (?:done|over|finished)|i'?m (?:leaving|done|gone|out))\b", re.I)
_REQUEST = re.compile(
    r"\bi\s+(?:(?:really|just|kind of|honestly)\s+)*(?:need|needed|would like|'d like|'d love|would love|want us|wanted us|want to|wish we|hope we|would appreciate|'d appreciate|'d really like)\b"
    r"|\bi'd\s+(?:like|love|appreciate|really|rather)\b|\bi would rather\b|\b(?:could|can|would|will|cud|cld|wud)\s+(?:you|we|u)\b|(?:^|[.!?,]\s*)(?:would|'d) (?:love|like)\b|\bwould it be (?:ok|okay|possible)\b|(?:^|[.!?]\s+)(?:could|can|would|will|shall)\s+\w+[^.!?]*\?|\bit'?d be (?:nice|great|lovely|good)\b|\bi could (?:really )?use\b|\bi'?d (?:have liked|have loved|hoped)\b|\bi was hoping\b|\b(?:can|could|may) i\b|\blet'?s\b|\bplease\b"
    r"|\bit would (?:help|mean)\b|\bit'?d (?:help|mean)\b|\bwe (?:need|have) to\b|\bhow about\b|\bwhat if we\b|\bmaybe we\b|\bwe could\b|\bis there a way\b|\bcan i ask\b|\bwould you mind\b",
    re.I,
)


@lru_cache(maxsize=1)
def _vocab() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    lex = load_lexicon()
    extra = {"hurts", "shaky", "wobbly", "closest", "closer", "upset", "sad", "scared", "frightened", "gutted", "heartbroken", "flat", "worn out", "drained", "fed up", "stings", "stung", "worry",
             "wiped", "far from you", "far away from you", "cut off from you", "on my own", "cream crackered", "tension", "daft", "stressing", "stressing out"}
    feelings = sorted(lex.feelings | extra, key=len, reverse=True)
    pseudo = sorted(lex.pseudo, key=len, reverse=True)
    real = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in feelings) + r")\b", re.I)
    fake = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in pseudo) + r")\b", re.I)
    labels = frozenset(w for w in lex.labels if " " not in w) - _NOT_LABELS
    return real, fake, labels


_SITUATION_FIRST = re.compile(
    r"^\W*(?P<beh>[a-z']+ing\b[^.!?]*?)\s+(?P<rest>(?:really\s+|just\s+)?(?:stresses|worries|upsets|scares|hurts|frustrates|exhausts|overwhelms|saddens|makes|is (?:really )?(?:scaring|worrying|stressing|upsetting|freaking|making))\s+me\b.*)$",
    re.I | re.S,
)


_LATER_WHEN = re.compile(r"(?:[,;.!?]\s*|\s(?:but|and|so|then)\s+)(when(?:ever)?\s+(?:you|u|he|she|they|we|your|ur)\b)", re.I)


def _split(text: str) -> tuple[str | None, str]:
    """(behaviour clause, the rest) for 'When you X, I feel Y', 'I feel Y when you X' and 'Doing X stresses me'."""
    for form in (_WHEN_FIRST_FIRM, _WHEN_FIRST):
        m = form.match(text)
        if m:
            return m.group("beh").strip(" ,"), m.group("rest")
    # "Okay so I know work's been mad, but when you texted at half six to say…, I felt…": the lead-in is context.
    later = _LATER_WHEN.search(text)
    if later and (m := _WHEN_FIRST_FIRM.match(text[later.start(1) :])):
        return m.group("beh").strip(" ,"), text[: later.start(1)] + m.group("rest")
    m = _AND_I_FEEL.match(text) if not re.match(r"^\W*(?:i|it)\b", text, re.I) else None
    if m:  # "The bins didn't go out and I'm stressed because …": the situation comes first
        return m.group("beh").strip(" ,"), m.group("rest")
    m = _FEEL_FIRST.match(text)
    if m:
        beh = re.split(r"(?<=[.!?])\s+", m.group("beh").strip())[0]
        return beh.strip(" .!?"), m.group("rest") + " " + m.group("beh")[len(beh) :]
    for form in (_FEEL_THEN_SCENE, _SITUATION_FIRST, _AND_I_FEEL):
        m = form.match(text)
        if m:
            return m.group("beh").strip(" ,"), m.group("rest")
    return None, text


def _label_in(where: str) -> str | None:
    _, _, labels = _vocab()
    for m in _LABEL_FRAME.finditer(where):
        if m.group(1).lower() in labels:
            return m.group(1).lower()
    for w in re.findall(r"[a-z]+ly\b", where.lower()):  # "irresponsibly", "lazily"
        for stem in (w[:-1] + "e" if w.endswith("bly") else "", w[:-2], w[:-3] + "y" if w.endswith("ily") else ""):
            if stem and stem in labels:
                return stem
    return None


_OWN_EVERYTHING = re.compile(r"\b(?:i|i'd|i'?ve|i had|i have|we|we'd|we'?ve)\s+(?:\w+\s+){0,2}everything\b", re.I)


def _absolute(where: str) -> re.Match | None:
    """Always/never and friends, except "everything" as the object of the writer's own act ("I had arranged
    everything" is effort, not a case against them; "you ruin everything" still is)."""
    for m in _ABSOLUTE.finditer(where):
        if m.group(0).lower() == "everything" and _OWN_EVERYTHING.search(where[: m.end()]):
            continue
        return m
    return None


_OWN_CLAUSE = re.compile(
    r"^\W*(?:(?:and|but|so|just|honestly|um+|ok(?:ay)?)\s+)*(?:i\s+|i'?m\s+|im\s+|i\s+am\s+|i\s+was\s+|i'?ve\s+(?:been\s+)?|i\s+have\s+been\s+)?"
    r"(?:(?:really|so|just|a bit|a little|quite|kinda|kind of|pretty|honestly|still|also)\s+)*"
    r"(?:feel|felt|feeling|get|got|getting|am|was|been)\b",
    re.I,
)
# Someone else in the clause, or a moment a camera could find: "at this speed", "while the emails went on", "from eight".
_SEEN_IN_CLAUSE = re.compile(
    r"\b(?:you|u|your|ur|he|she|his|her|they|their)\b|\d|\b(?:at|on|in|round)\s+(?:this|these)\s+\w+|\b(?:while|whilst|from|till|until)\b",
    re.I,
)
_CLAUSES = re.compile(r"[.!?,;]+\s*|\s+(?:and|but)\s+(?=i\b|i'|im\b|felt\b|feeling\b)", re.I)


def _only_own_state(scene: str) -> bool:
    """True when every clause is the writer's own feeling or need: coaches find no behaviour in "I felt hurt tonight"."""
    real, fake, _ = _vocab()
    clauses = [c for c in _CLAUSES.split(scene) if c and re.search(r"\w", c)]
    if not clauses:
        return False
    for c in clauses:
        feeling = _OWN_CLAUSE.match(c) and (real.search(c) or fake.search(c) or _LOW.search(c))
        need = re.match(r"^\W*(?:(?:and|but|so)\s+)?(?:i'?d|i would|i|i really|i just)\s+(?:really\s+|just\s+|so\s+)*(?:need|miss|love|like|want|wish)\b", c, re.I)
        if not (feeling or need) or _SEEN_IN_CLAUSE.search(c) or _TOPIC.search(c):  # "worried about our savings" names a topic
            return False
    return True


_THEM_AFTER = re.compile(r"(?:[,;.!?]|\s-\s|\b(?:and|but)\b)\s*(?:you|u)(?:'re|\s+are|\s+r)?\s+[^.!?,;]*", re.I)


def _behaviour_part(beh: str | None, text: str) -> Part:
    where = beh if beh is not None else text
    scene = _scene(text, beh)  # computed once: the sentence that holds the behaviour, without the ask
    label = _label_in(where)
    blame_tail = re.search(r"\b(?:because|cause|cos)\s+(?:you|u)\b(.*)$", text, re.I) if beh is not None else None
    absolute = _absolute(where) or (blame_tail and _ABSOLUTE.search(blame_tail.group(1)))  # "…because you only ever think of yourself"
    if not absolute and beh is not None and (at := text.lower().find(beh.lower())) >= 0:
        # "…and I feel let down, you're always late for them": the case is made after the feeling
        absolute = next((a for m in _THEM_AFTER.finditer(text[at + len(beh) :]) if (a := _absolute(m.group(0)))), None)
    if label and absolute:
        return Part("behaviour", 4, 30, "label")
    if label:
        return Part("behaviour", 8, 30, "label")
    if absolute and _ACCUSES.search(where):
        return Part("behaviour", 4, 30, "absolute_accuses")  # "you humiliated me on purpose, you always do this": two flaws
    if absolute:
        return Part("behaviour", 12, 30, "absolute")
    record = (_EVERY.search(where) or _SHOUT.search(where) or re.search(r"\b(?:yet|once) again\b", where, re.I)) and re.search(r"\b(?:you|your|u|ur)\b", where, re.I)
    reported = re.search(r"\b(?:mentioned|told me|said|says)\b", where, re.I)  # "Sam mentioned you've had lunch with Alex every day"
    if (record and not reported and not re.search(r"\bthis (?:week|month)\b", text, re.I)) or re.search(r"\bwhenever\b", scene, re.I):
        return Part("behaviour", 14, 30, "every")
    if (found := _ACCUSES.findall(where)) and not _VERDICT.search(text) and all(_LOADED_ACT.fullmatch(w) for w in found):
        return Part("behaviour", 14, 30, "loaded")  # "you hid the receipts": an act a camera could see, told with an edge
    if _ACCUSES.search(where) or _VERDICT.search(text):
        return Part("behaviour", 10, 30, "accuses")
    if beh is None and _only_own_state(scene):
        return Part("behaviour", 0, 30, "missing")  # "I felt sad tonight. I miss us.": a time, but nothing of theirs to picture
    if beh is None:
        act = re.search(r"\b(?:you|u|he|she|we|i)\s+(?!make|made|feel|felt|am|was|get|got|miss|think|know|guess|want|need|love|hope|wish|worry|really|just)[a-z']{3,}\b|\b(?:you|we|he|she|they)'(?:re|ve|d|ll|s)\s+\w+|\b(?:since|that) (?:we|you)\b", scene, re.I)
        if _this_time(scene):
            return Part("behaviour", 25, 30)  # said another way round, or a scene: "Seeing your socks there for the third day, I'm…"
        if act or _ANCHOR.search(scene) or _TOPIC.search(scene) or _HABIT_TIME.search(scene):
            return Part("behaviour", 20, 30, "vague")  # an act as a pattern, or a moment named without the act ("about our savings")
        return Part("behaviour", 0, 30, "missing")
    if _INTERPRETS.search(beh) or _GENERAL.search(beh):
        return Part("behaviour", 20, 30, "vague")
    if _this_time(scene, beh):
        return Part("behaviour", 30, 30)  # "most nights this week" is counted, not hedged
    setting = _scene(text)
    if setting != scene and _this_time(setting) and not _ABSOLUTE.search(setting):
        return Part("behaviour", 30, 30)  # "Two wet towels on the floor after your shower. I feel irritated when…": the moment is named first
    return Part("behaviour", 20, 30, "vague")  # a pattern or a general picture: true, but hard to act on


# Right now, or one thing found or seen: "I'm merging", "it's eleven", "I found the sleeping bag", "I can see you…".
_NOW = re.compile(
    r"\b(?:i'?m|you'?re|we'?re|u r|ur|i am|you are)\s+(?!feeling|getting|finding|starting|trying|going\b|gonna|always|constantly|never|forever|still\b)[a-z]{3,}ing\b"
    r"|\bi can (?:see|hear|tell)\b|\bi'?ve (?:just )?(?:noticed|found|seen|realised|realized|spotted)\b|\bi (?:just )?(?:found|noticed|spotted|realised|realized)\b"
    r"|\bit'?s (?:(?:nearly|almost|gone|past|after|already) )?(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|eleven\b|twelve\b|midnight|our anniversary|my birthday|your birthday)"
    r"|(?:^|[.!?]\s+)when (?:you|u|he|she) (?!always|never)[a-z]{2,}ed\b",
    re.I,
)


def _this_time(scene: str, beh: str | None = None) -> bool:
    """A moment, not a pattern: a time, number, occasion or place in the scene, two acts, or one act told in the past."""
    once = _ANCHOR.search(scene) or _PAST.match(beh or scene) or (beh is not None and _SEQUENCE.search(beh)) or _NOW.search(scene)
    return bool(once and not _GENERAL.search(beh or scene))


def _scene(text: str, beh: str | None = None) -> str:
    """The sentence that holds the behaviour, without the ask: where a coach looks for 'this time'."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+|\s+-\s+", text) if x.strip()]
    if beh:
        hit = next((x for x in sentences if beh[:20].lower() in x.lower()), None)
        if hit:
            return _REQUEST.split(hit)[0]
    kept = [x for x in sentences if not _REQUEST.search(x)]
    return " ".join(kept) or text


_THEIR_STATE = re.compile(r"\b(?:you'?re|youre|you are|you were|ur|u r|he'?s|she'?s|he is|she is|they'?re)\s+(?:just\s+|so\s+|too\s+|really\s+|always\s+)*$", re.I)


_TOLD_NOT_TO = frozenset({"worry", "panic", "stress", "fret"})
_DONT = re.compile(r"\b(?:don'?t|dont|do not|no need to|stop|never)\s+(?:\w+\s+)?$", re.I)


def _real_feelings(real: re.Pattern, where: str) -> list[str]:
    """Real feeling words, less an apology ("Sorry to nag, but…") and a need ("I need to feel safe"): neither is felt now."""
    out = []
    for m in real.finditer(where):
        word = m.group(0).lower()
        if word == "alone" and re.search(r"\b(?:leave|leaves|left|leaving|let)\s+(?:\w+\s+){0,3}$", where[max(0, m.start() - 40) : m.start()], re.I):
            continue  # "leave your phone alone" says what to do with the phone
        if word == "sorry" and _APOLOGY.match(where, m.start() - len(_APOLOGY_LEAD.search(where[: m.start()]).group(0))):
            continue
        if _NEED_TO_FEEL.search(where[max(0, m.start() - 40) : m.start()]):
            continue
        if word in _TOLD_NOT_TO and _DONT.search(where[max(0, m.start() - 30) : m.start()]):
            continue  # "don't worry about my birthday": telling them not to, not my own worry
        if _THEIR_STATE.search(where[max(0, m.start() - 30) : m.start()]):
            continue  # "you're too scared to tell her": a feeling of theirs, said as a put-down, not one I own
        out.append(word)
    return out


def _feeling_part(beh: str | None, rest: str, text: str) -> tuple[Part, list[str]]:
    real, fake, _ = _vocab()
    where = rest if beh is not None else text
    if _DISGUISED.search(text):
        return Part("feeling", 0, 30, "disguised"), []
    reals = _real_feelings(real, where)
    fakes = [m.group(0).lower() for m in fake.finditer(where) if not (m.group(0).lower() == "used" and where[m.end() : m.end() + 3].lower() == " to")]  # "used to"
    if not reals and not fakes and where is not text:
        reals = _real_feelings(real, text)  # the split missed the feeling clause
        fakes = [m.group(0).lower() for m in fake.finditer(text) if not (m.group(0).lower() == "used" and text[m.end() : m.end() + 3].lower() == " to")]
    if not reals and not fakes:
        reals = _misspelt_feelings(_NEED_TO_FEEL_WORD.sub(" ", where))
    if not reals and not fakes and _LOW.search(where):
        reals = [_LOW.search(where).group(0).split()[-1].lower()]  # "low" only as a feeling: "when the tank is low" names none
    if not reals and not fakes and _FEELING_VERB.search(text):
        reals = [_FEELING_VERB.search(text).group(1).lower()]  # "it stresses me out", "that worries me"
    if "stupid" in fakes and re.search(r"\b(?:feel|felt|feeling)\s+(?:a bit\s+|so\s+|really\s+|kind of\s+)?stupid\b", where, re.I):
        fakes.remove("stupid")  # said of oneself, coaches hear embarrassment (the reframer still offers the words underneath)
        reals.append("stupid")
    if "sick" in fakes and re.search(r"\b(?:worried|anxious|scared|stressed)\s+sick\b|\bsick with (?:worry|nerves|anxiety|stress)\b", where, re.I):
        fakes.remove("sick")  # "worried sick" is worry, said strongly
    if not reals and not fakes and _FEELING_IDIOM.search(text):
        reals = [_FEELING_IDIOM.search(text).group(0).lower()]  # "money stress is really getting to me", "I'm struggling"
    if not reals and not fakes and re.search(r"\bi\s+(?:really\s+|just\s+)?missed (?:you|u|us|having|being|our)\b|\bi\s+(?:really\s+|just\s+|kinda\s+|kind of\s+|sort of\s+)?miss\b|\b(?:been|kind of been|kinda been) missing\b|\bi'?m\s+(?:really\s+|so\s+)?missing\b|^\W*(?:been\s+)?missing (?:you|u)\b", text, re.I):
        reals = ["miss"]  # longing is a feeling: "I miss holding hands"
    reals = [r for r in reals if r not in fakes]
    if reals and fakes:
        return Part("feeling", 22, 30, "pseudo_mixed"), reals + fakes
    if reals:
        return Part("feeling", 30, 30), reals
    if fakes:
        return Part("feeling", 10, 30, "pseudo"), fakes
    return Part("feeling", 0, 30, "missing"), []


# "Sorry, I know…", "I'm sorry to nag", "…Sorry.": an apology opening or closing a sentence, not sorrow.
_APOLOGY_LEAD = re.compile(r"(?:(?:i'?m|i am)\s+(?:so\s+|really\s+)?)?$", re.I)
_APOLOGY = re.compile(r"(?:(?<=^)|(?<=[.!?,;\u2014-]\s)|(?<=[.!?,;]))\s*(?:(?:i'?m|i am)\s+(?:so\s+|really\s+)?)?sorry\b(?!\s+(?:for\s+(?:myself|you|us)|that you|about))", re.I)
_NEED_TO_FEEL_PHRASE = r"\b(?:need|needs|want|wanna|'d like|would like|'d love|would love)\s+(?:\w+\s+){0,2}?to\s+feel\s+(?:more\s+|like\s+|a bit\s+|really\s+)?"  # "need to feel", "want us to feel", "'d love to feel"
_NEED_TO_FEEL = re.compile(_NEED_TO_FEEL_PHRASE + "$", re.I)  # just before a feeling word
_NEED_TO_FEEL_ANYWHERE = re.compile(_NEED_TO_FEEL_PHRASE, re.I)
_NEED_TO_FEEL_WORD = re.compile(_NEED_TO_FEEL_PHRASE + r"\w+", re.I)


# Feelings said as an idiom: owned, real, and no feeling word from the list.
_FEELING_IDIOM = re.compile(
    r"\b(?:(?:is|are|it'?s|really|starting to)\s+)?getting to me\b|\b(?:i'?m|i am|been|i was|i'?ve been)\s+(?:\w+\s+){0,2}?(?:struggling|finding it (?:hard|tough|difficult)|running on empty|at the end of my tether|at my wits'? end|on edge)\b"
    r"|\b(?:i was|i'?d been|i'?m|i am) (?:really |so )?looking forward to\b|\b(?:got|get|had|gave me) (?:such |quite )?a (?:real |bit of a |huge |massive |proper |horrible )?(?:fright|scare|shock)\b|\bi (?:really |do |so )?(?:enjoy|enjoyed|love it when|loved it when)\b",
    re.I,
)
_LOW = re.compile(r"\b(?:feel|felt|feeling|i'?m|been)\s+(?:a bit |a little |quite |really |so |pretty |so much |a lot |much )?(?:low|down|bad|better)\b", re.I)
_FEELING_VERB = re.compile(
    r"\b(stress(?:es|ed)?|worr(?:ies|ied)|scares?d?|upsets?|sadden(?:s|ed)|frighten(?:s|ed)|hurts?|frustrat(?:es|ed)|bother(?:s|ed)|stings?|stung|"
    r"wears?|wore|drains?|drained|gets? to|got to|bugs?|bugged|annoys?|annoyed|irritates?|irritated|scaring|worrying|stressing|upsetting|freaking|bugging|annoying|getting to|frustrating|wearing)"
    r"(?: \w+)? me\b",
    re.I,
)


_NOT_TYPOS = frozenset({"maid", "made", "mate", "said", "sad-", "tied", "tire", "lose", "lone"})  # real words near a feeling ("I'm not your maid")


def _misspelt_feelings(text: str) -> list[str]:
    """'disapointed', 'realy anxous': a typo should not cost the feeling."""
    lex = load_lexicon()
    out = []
    for m in re.finditer(r"\b(?:feel|felt|i'm|i am|was|get|got)((?:\s+[a-z]+){1,3})", text, re.I):
        for word in m.group(1).split():  # "felt realy disapointed": the feeling may come after a filler or two
            close = difflib.get_close_matches(word.lower(), lex.feelings, n=1, cutoff=0.85) if len(word) >= 4 and word.lower() not in _NOT_TYPOS else []
            if close:
                out += close
                break
    return out


_TIPS = {
    ("behaviour", "missing"): 'Name one thing they did that a camera could have seen, and start with "When you …".',
    ("behaviour", "unnamed"): 'Add the moment it\'s about: "When …, I feel …" gives them something to picture and change.',
    ("behaviour", "no_when"): 'Put what happened first, in a "When you …" clause, so it\'s clear what the feeling is about.',
    ("behaviour", "label"): "Swap the label ({label}) for what they actually did; a label invites a defence, an action can be changed.",
    ("behaviour", "absolute_accuses"): 'Drop "always" or "never" and the motive you read into it; say what they did, this one time.',
    ("behaviour", "every"): 'Leave out "every …" and talk about this one time; the partner will argue about the count.',
    ("behaviour", "absolute"): 'Drop "always" or "never" and talk about this one time; absolutes start a debate about the record.',
    ("behaviour", "vague"): "Make the behaviour more concrete: when it happened and exactly what they did.",
    ("behaviour", "in_disguise"): 'Say what they did as a fact ("When you …"), then what you feel.',
    ("behaviour", "accuses"): "Describe the act, not the motive you read into it: what did they do or say, exactly?",
    ("behaviour", "loaded"): "Say what happened in plain words (where, when, what was said), so it reads as a fact, not a charge.",
    ("ownership", "tail"): 'End after the feeling: a "because you …" or "it makes me …" tail hands the blame back.',
    ("feeling", "missing"): 'Add how it felt for you: "I feel …" with a word like hurt, worried, lonely or tired.',
    ("feeling", "disguised"): '"I feel like you …" is still a verdict about them. Say what you feel instead: hurt, anxious, lonely …',
    ("feeling", "pseudo"): '"{pseudo}" describes what they did. What did you feel underneath: hurt, lonely, sad?',
    ("feeling", "pseudo_mixed"): 'Keep the real feeling and let go of "{pseudo}", which describes what they did.',
    ("ownership", "blame"): 'Own the feeling: drop "you make me" or "because you …" and say "I feel …".',
    ("respect", "dig"): "Leave off the last line; the rest was kind, and the dig is what they will remember.",
    ("respect", "contempt"): "Leave out the sarcasm or the put-down; it's the first thing they'll hear, and the rest gets lost.",
    ("respect", "demand"): 'Turn the demand into a request: "Could you …?" or "I\'d like us to …".',
    ("request", "missing"): 'Add what you\'d like next time: "Could we …?" or "I need …".',
    ("request", "vague"): 'Make the ask something they can do: what, and when ("Could you text me if you\'re running late?").',
}
_WELL = {
    "behaviour": "you named something they did, without a label or an always/never",
    "feeling": "you said what you feel",
    "ownership": "you owned the feeling instead of blaming",
    "respect": "your tone stays kind, no sarcasm or put-downs",
    "request": "you asked for what you need",
}


MAJOR = {
    ("behaviour", "label"),
    ("behaviour", "absolute"),
    ("behaviour", "accuses"),
    ("behaviour", "loaded"),
    ("feeling", "disguised"),
    ("feeling", "pseudo"),
    ("ownership", "tail"),
}
"""Flaws a partner hears as blame. One keeps a try out of the top two bands; two make it blame."""


def _cap(parts: list[Part], remark_about_them: bool = False, owned_need: bool = False, should_attached: bool = False) -> int:
    """The most a try can score given its worst flaws: points alone would let a request buy back blame."""
    by = {p.name: p for p in parts}
    if by["respect"].problem == "dig" and by["ownership"].problem != "blame" and (by["feeling"].problem is None or by["request"].problem is None):
        return 45  # half good, then a dig: the rubric's fair at best
    if should_attached and by["respect"].problem == "demand" and by["ownership"].problem is None and by["feeling"].problem is None:
        return 45  # "I felt embarrassed we were late, you really need to…": an owned feeling with an order attached, fair
    if by["ownership"].problem == "blame" or by["respect"].problem:
        return 35  # "you make me…", sarcasm, put-downs and demands are still blame, whatever else is right
    if by["feeling"].problem == "missing" and by["request"].problem == "missing" and remark_about_them:
        return 35  # nothing felt, nothing asked: only a remark about them is left
    major = sum((p.name, p.problem) in MAJOR for p in parts) + 2 * (by["behaviour"].problem == "absolute_accuses")
    major += 0.6 * (by["behaviour"].problem == "every")  # lighter: with another flaw it is still a fair try
    if by["feeling"].problem == "missing" and by["request"].problem is not None and not owned_need:
        major += 1  # no feeling and no need: only a complaint is left. (A clear need makes up for it; coaches split on this.)
    if major >= 2:
        # Two flaws of the fair kind ("I feel betrayed when you always side with her") are a fair try with blame left in;
        # a label, a blame tail or a motive read into an act among them makes it blame.
        severe = {("behaviour", "label"), ("ownership", "tail"), ("behaviour", "absolute_accuses"), ("behaviour", "accuses")}
        if not any((p.name, p.problem) in severe for p in parts) and by["feeling"].problem != "missing":
            return 45
        return 35
    if major >= 0.5:
        return 60
    if by["feeling"].problem == "pseudo_mixed" and by["request"].problem == "missing" and not owned_need and by["behaviour"].problem:
        return 60  # "I feel hurt and disrespected when…" with nothing asked: the accusing word is what lands
    if by["feeling"].problem == "missing" and not owned_need:
        return 60  # a kind request and nothing felt: it says what to do, not what it means to them (the rubric's fair)
    if any(p.problem for p in parts if p.name in {"behaviour", "feeling"}):
        return 82
    if by["request"].problem:
        return 84  # clean but no need or request: good; three coaches keep "excellent" for tries that ask for something
    return 100


def _request_part(text: str, demand: bool, longing_is_the_feeling: bool = False) -> Part:
    """A need or a kind request; one that names no act ("more help", "at some point") is half a request."""
    if demand:
        return Part("request", 0, 10, "missing")
    def asks_for(x: str) -> bool:
        return bool(_REQUEST.search(x) or _NEED_SAID.search(x) or (not longing_is_the_feeling and _MISS.search(x)))

    asks = [x for x in re.split(r"(?<=[.!?,;])\s+|\s+-\s+", text) if asks_for(x)]
    if not asks:
        return Part("request", 0, 10, "missing")
    if all(_VAGUE_ASK.search(a) for a in asks):
        return Part("request", 5, 10, "vague")
    return Part("request", 10, 10)


def band_of(total: int) -> str:
    return next(name for name, floor in BANDS if total >= floor)


def score(answer: str, drill: Drill | None = None, attempt: int = 0) -> Score:
    """Score one try. Call `hint_for` first: a non-answer should get a hint, not a score."""
    text = clean(answer).text.strip()
    beh, rest = _split(text)
    behaviour = _behaviour_part(beh, text)
    feeling, found = _feeling_part(beh, rest, text)
    if behaviour.problem == "missing" and feeling.problem is None and (_REQUEST.search(text) or _NEED_SAID.search(text) or _MISS.search(text)):
        behaviour = Part("behaviour", 10, 30, "unnamed")  # "I'm worn out and I'd love more help": kind, owned, only general
    if feeling.problem == "disguised" and behaviour.problem in {"missing", "accuses"}:
        behaviour = Part("behaviour", 10, 30, "in_disguise")  # "I feel like you …" holds the act; the flaw is counted once
    if _HARD_BLAME.search(text):
        ownership = Part("ownership", 0, 15, "blame")
    elif _TAIL.search(text):
        ownership = Part("ownership", 5, 15, "tail")
    else:
        ownership = Part("ownership", 15, 15)
    if ownership.problem == "tail" and behaviour.problem in {"accuses", "loaded"} and re.search(r"\b(?:because|cause)\s+(?:you|u)\b", text, re.I):
        behaviour = Part("behaviour", 20, 30, "vague")  # "because you were flirting…": the motive is in the tail, counted once there
    demand = _DEMAND.search(text)
    said = _SELF_DOWN.sub(" ", _QUOTED.sub(" ", answer if isinstance(answer, str) else text))
    said = re.sub(r"\b(because|cause)\s+(you|u)\s+obviously\b", r"\1 \2", said, flags=re.I)  # the tail is counted once, as the tail
    said = re.sub(r"\b(?:you|he|she)\s+(?:said|say|says|went)\s+\w+", " ", said, flags=re.I)  # "you said whatever and walked off" reports their word
    if _CONTEMPT.search(said):
        respect = Part("respect", 0, 15, "contempt")
    elif _DIG.search(said):
        respect = Part("respect", 5, 15, "dig")
    elif demand:
        respect = Part("respect", 7, 15, "demand")
    else:
        respect = Part("respect", 15, 15)
    request = _request_part(text, demand is not None, longing_is_the_feeling=found == ["miss"])
    parts = [behaviour, feeling, ownership, respect, request]
    about_them = _OWNED.search(text) is None and re.search(r"\b(?:you|your|u|ur)\b", text, re.I) is not None
    owned_need = bool(_OWNED_NEED.search(text))
    # "…, you really need to manage your time better": a judgement attached to an owned feeling, not an order barked.
    should_attached = bool(demand) and _YOU_SHOULD.search(said) is not None and not _ORDER.search(said)
    total = min(sum(p.points for p in parts), _cap(parts, remark_about_them=about_them, owned_need=owned_need, should_attached=should_attached))
    clean_try = ownership.problem is None and respect.problem is None
    if clean_try and not about_them and feeling.problem == "missing" and request.problem == "missing" and behaviour.problem in {None, "vague"} and _this_time(_scene(text)):
        total = max(total, 40)  # "The bins are still in and it's collection day.": a plain observation, nothing felt or asked
    if clean_try and (behaviour.problem in {"missing", "unnamed"} or (behaviour.problem == "vague" and feeling.problem == "missing" and (_NEED_TO_FEEL_ANYWHERE.search(text) or _NAMED_NEED.search(text)))
        or (behaviour.problem is None and feeling.problem == "missing" and not about_them)) and (feeling.problem is None or owned_need):
        total = max(total, 66)  # owned and kind, nothing to picture yet: the rubric's good ("I'm worried about money.")
    # Owning a feeling needs a feeling: with none named, "you owned it" would be empty praise.
    well = [_WELL[p.name] for p in parts if p.points == p.max and not (p.name == "ownership" and feeling.problem == "missing")]
    weakest = _weakest(parts)
    tip = None
    if weakest is not None:
        label = _label_in(beh or text) or "the label"
        pseudo = next((f for f in found if _vocab()[1].fullmatch(f)), "that word")
        tip = _TIPS[(weakest.name, weakest.problem)].format(label=f'"{label}"', pseudo=pseudo)
    model = drill.models[attempt % len(drill.models)] if drill and drill.models else None
    return Score(
        total=total,
        band=band_of(total),
        parts=parts,
        well=well,
        tip=tip,
        model=model,
        behaviour=beh,
        feelings=found,
        off_topic=_off_topic(text, drill),
    )


def feedback(result: Score) -> str:
    """The reply a user reads after a try: score, the parts, one thing done well, one change, a model."""
    lines = [f"{result.total}/100"]
    lines.append(" · ".join(f"{PART_LABEL[p.name]} {p.points}/{p.max}" for p in result.parts))
    if result.well:
        lines.append(f"What works: {result.well[0]}.")
    if result.tip:
        lines.append(f"One change that would help most: {result.tip}")
    else:
        lines.append("That's a reframe a partner can hear. Nothing to change.")
    if result.off_topic:
        lines.append("(That reads like a different moment from the drill's. It still counts; next time try the drill's own situation.)")
    if result.model:
        lines.append(f'One way to say it: "{result.model}"')
    return "\n".join(lines)


# ---------------------------------------------------------------- progress


@dataclass
class Progress:
    """What a person has done in practice so far, from the log kept in their conversation."""

    done: int
    average: float
    best: int
    streak: int
    needs_work: str | None

    def text(self) -> str:
        if not self.done:
            return 'No drills scored yet. Say "let\'s practise" to start one.'
        lines = [
            f"Drills done: {self.done}. Average score: {self.average:.0f}/100. Best: {self.best}/100.",
            f"Streak: {self.streak} good answer{'s' if self.streak != 1 else ''} in a row ({GOOD_SCORE}+).",
        ]
        if self.needs_work:
            lines.append(f"The skill to work on next: {PART_LABEL[self.needs_work]}.")
        return "\n".join(lines)


def log_entry(drill: Drill | None, result: Score) -> dict:
    """What we keep per try (small, JSON-friendly: it lives in a slot in the tracker store)."""
    return {"drill": drill.id if drill else None, "score": result.total, "weak": result.weakest}


def progress(log: list[dict] | None) -> Progress:
    entries = [e for e in (log or []) if isinstance(e, dict) and isinstance(e.get("score"), (int, float))]
    if not entries:
        return Progress(0, 0.0, 0, 0, None)
    scores = [int(e["score"]) for e in entries]
    streak = 0
    for s in reversed(scores):
        if s < GOOD_SCORE:
            break
        streak += 1
    weak = Counter(e.get("weak") for e in entries if e.get("weak") in PART_MAX)
    return Progress(
        done=len(entries),
        average=sum(scores) / len(scores),
        best=max(scores),
        streak=streak,
        needs_work=weak.most_common(1)[0][0] if weak else None,
    )
