"""Deterministic safety screen: violence, threats, coercion, control, stalking, self-harm.

These are never a wording problem. The check runs before classification (in the NLU
pipeline) and again in the action code before any reply that would hold a reframe, so a
mistake by the statistical model can never turn a crisis into a communication exercise.
Recall matters more than precision here: a false alarm costs a kind detour, a miss costs more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from actions.textnorm import clean

CONTENT = Path(__file__).parent / "content"

_PARTNER = r"(?:he|she|they|you|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|fianc[eé]e?|spouse)|him|her|them)"
_HIT_VERBS = (
    r"hit|hits|hitting|punch(?:ed|es|ing)?|slap(?:ped|s|ping)?|kick(?:ed|s|ing)?|chok(?:e|ed|es|ing)|strangl(?:e|ed|es|ing)"
    r"|beat(?:s|ing)?|beaten|shov(?:e|ed|es|ing)|push(?:ed|es)? me|threw (?:me|things at me|a \w+ at me)|throws? (?:things|stuff) at me"
    r"|threw (?:a|the|my|his|her) \w+ at|throw(?:s|ing)? (?:a|the|my) \w+ at|scratch(?:ed|es)? my|stab(?:bed|s|bing)?|twist(?:ed|s)? my|slapp?\w*"
    r"|smack(?:ed|s)?|bit me|burn(?:ed|t) me|grab(?:bed|s)? me|pinned me|pin me|drag(?:ged|s)? me(?! along\b| (?:out )?to (?:church|mass|temple|mosque|parties|party|events?|shopping|the (?:shops|mall|gym|pub|cinema|movies|theatre|opera|match|game)|(?:his|her|their|your) (?:mum|mom|mother|parents|family|friends|work)\S*|weddings?|dinners?|brunch|concerts?|every|all)\b)|spit on me|spat on me"
    r"|hurt(?:s)? me physically|lay (?:a )?hands? on me|laid (?:a )?hands? on me|raised? (?:his|her|their) hand"
    r"|(?:put|puts|putting|had|has|got|wrapped) (?:his|her|their|your|both) hands? (?:round|around|on) my (?:neck|throat)"
)

# Body parts, for force on a body as an idea: a rough verb and a body part, breath taken away, blood drawn, acid, a threat with "unless".
_BODY = r"(?:hair|ankles?|arms?|wrists?|neck|throat|head|face|hands?|legs?|chest|ribs?|fingers?|back|stomach|belly|shoulders?|jaw|mouth|nose|ears?)"

# (category, pattern), grouped by category. Patterns run on lower-cased, cleaned text. Each names one idea of danger in
# several wordings rather than one sentence; where an idea came from (a dev set's misses) is in the git history.
_PATTERNS: list[tuple[str, str]] = [
    # ---- self_harm: Self-harm and suicide
    ("self_harm", r"\b(?:kill|killing|kil|hurt|hurting|harm|harming|cut|cutting) (?:my ?self|myself)\b"),
    ("self_harm", r"\bsuicid\w*"),
    (
        "self_harm",
        r"\b(?:want|wanna|going|gonna|ready|planning|plan|thinking about|think about) (?:to )?(?:die|end (?:it|my life|things|everything)|be dead|not (?:be here|exist|wake up))",
    ),
    ("self_harm", r"\bend(?:ing)? (?:it all|my life|my own life|things for good)\b"),
    ("self_harm", r"\b(?:don'?t|do not|no longer|didn'?t) (?:want|wanna) to (?:live|be alive|be here|exist|wake up|go on)"),
    ("self_harm", r"\b(?:no|any) (?:point|reason) (?:in|to) (?:living|live|being alive|going on|carry(?:ing)? on)"),
    ("self_harm", r"\bbetter off (?:dead|without me)\b"),
    (
        "self_harm",
        r"\b(?:see|find|is there|there'?s no|what'?s|what is) (?:the |a |any |no )?(?:point|reason) (?:in|of|to|for) (?:living|life|being alive|going on|carrying on|me being here)\b",
    ),
    ("self_harm", r"\bself[- ]?harm\w*"),
    ("self_harm", r"\b(?:took|take|swallow(?:ed)?) (?:all )?(?:the |my |those |these |a bunch of )?(?:pills|tablets|overdose)"),
    ("self_harm", r"\boverdos\w*"),
    (
        "self_harm",
        r"\b(?:took|take|taken|taking|swallow(?:ed)?) (?:too many|a lot of|loads of|lots of|a handful of|a whole (?:packet|bottle) of|all (?:of )?(?:my|the|his|her)) (?:\w+ )?(?:pills|tablets|paracetamol|meds|medication|painkillers)\b",
    ),
    ("self_harm", r"\b(?:make|makes|made|making) me (?:want to|wanna) (?:die|disappear|end it|not exist|hurt myself)"),
    ("self_harm", r"\bwish (?:i was|i were|i'd) (?:dead|never born)\b"),
    # Veiled goodbyes: "you'll be sorry when I'm dead", "you won't have to put up with me much longer".
    (
        "self_harm",
        r"\bwhen i'?m dead\b|\b(?:after|once) i'?m (?:dead|gone for good)\b|"
        r"\b(?:sorry|miss me|regret (?:it|this|that)|be happy|be free|be glad|be better off)\b.{0,40}\bwhen i'?m (?:gone|not here|not around)\b|"
        r"\b(?:won'?t|will not|wont) have to (?:put up with|deal with|worry about|see) me (?:much longer|for long|anymore|any more|ever again)\b",
    ),
    (
        "self_harm",
        r"\b(?:can'?t|cannot) (?:go on|take it anymore|keep going) (?:like this|anymore)?\s*(?:and|,)? ?(?:i )?(?:want|wanna)? ?(?:to )?(?:die)?",
    ),
    ("self_harm", r"\b(?:keep|kept|keeps|can'?t stop|started|start|been) (?:on )?(?:cutting|burning|scratching|hitting) (?:myself|again)\b|\bkeep cutting(?=\s+(?:and|myself|again)\b|\s*[.!]*$)|\bcutting and i can'?t stop\b"),
    ("self_harm", r"\bhang (?:my ?self)\b|\bjump(?:ing)? (?:off|in front of)\b|\bslit my\b|\bburn(?:ing|ed|t)? myself\b"),
    (
        "self_harm",
        r"\bdisappear (?:forever|for good|permanently)\b|\bwant (?:it all|everything) to (?:stop|end)\b|\bgoodbye (?:note|letter)\b|\bsuicide note\b",
    ),
    (
        "self_harm",
        r"\b(?:no|any|a) (?:point|reason) (?:in |to )?(?:keep(?:ing)? going|go(?:ing)? on|living|carry(?:ing)? on|being here)\b|\bif i live or die\b|\bwhether i live or die\b",
    ),
    # Self-harm said sideways, and sexual coercion described as a chore or a duty.
    (
        "self_harm",
        r"\b(?:driv\w*|crash\w*|steer\w*) (?:my|the) car (?:into|off) (?:a|the) (?:wall|tree|bridge|cliff|river|lorry|truck)\b"
        r"|\b(?:written|wrote|writing|write) (?:some |a few )?(?:letters?|notes?) (?:to|for) (?:my |the )?(?:kids|children|family|son|daughter|mum|mom|dad|parents|partner|wife|husband)(?:[ ,]+\w+){0,3}[ ,]+just in case\b"
        r"|\b(?:been|started|start|am|i'?m) cutting (?:again|myself|my arms?|my legs?)\b|\b(?:been|i'?ve been) cutting\b|\bcutting again\b",
    ),
    (
        "self_harm",
        r"\b(?:bottle|packet|box|handful|stash) of (?:pills|tablets|painkillers|paracetamol|sleeping pills)\b|\bpills (?:counted|saved up|lined up|ready)\b"
        r"|\b(?:pills|tablets)\b[^.!?]{0,40}\btak(?:e|ing) them all\b|\bjust want (?:it|this|the pain) (?:all )?to (?:stop|end)\b",
    ),
    ("self_harm", r"\b(?:driv\w*|crash\w*|steer\w*) (?:my|the) car (?:into|off) (?:a|the) (?:road|motorway|highway|embankment|canal)\b"),
    ("self_harm", r"\bending things\b(?!\s+with\b)|\bhow i'?d do it\b|\bhow i would do it\b"),
    (
        "self_harm",
        r"\b(?:scratch|cut|burn|hit|bit|bite|pick)\w* (?:at )?(?:my|myself) ?(?:arms?|legs?|wrists?|skin|thighs?|face|hands?)?\b[^.!?]{0,30}\b(?:bleed\w*|blood|bruis\w*)\b|\btill (?:they|it) bleeds?\b",
    ),
    (
        "self_harm",
        r"\b(?:taken|took|swallowed|had) (?:a load|loads|a lot|a bunch|a handful|a pile|a heap|too many|a fistful) of (?:my |his |her |the )?(?:pills|tablets|meds|painkillers|paracetamol)\b"
        r"|\b(?:thinking (?:of|about)|going to|gonna|planning to|want to) end(?:ing)? it (?:tonight|today|all|now|soon|this week)\b",
    ),
    (
        "self_harm",
        r"\b(?:nobody|no ?one|no-one) (?:would|will|'d) (?:even )?(?:miss|notice|care)(?: about)? (?:me )?if i (?:was|were|'m|am|disappeared|died|went)\b",
    ),
    # Concepts rather than phrasings (from the eleventh and twelfth sets, 2026-12-02): each rule names an idea a
    # crisis line carries, in several wordings, so the next set's new wording has a better chance of being caught.
    # Passive wishes not to wake up / not to be here.
    (
        "self_harm",
        r"\b(?:if|whether) i (?:just |simply )?(?:didn'?t|did not|don'?t|do not|never|wouldn'?t|won'?t) (?:wake|woke) up\b"
        r"|\bstop(?:ped)? caring (?:whether|if) i (?:wake up|live|die|make it|am alive|'m alive|see tomorrow)\b"
        r"|\bpoint (?:in|of) (?:waking up|me waking up|seeing tomorrow)\b"
        r"|\bhow (?:much )?longer i can (?:keep going|go on|hold on)\b",
    ),
    # Researching, planning or preparing a way to die.
    (
        "self_harm",
        r"\b(?:look\w*|search\w*|googl\w*|research\w*|read\w*) (?:up )?(?:about )?(?:ways|how|methods) to (?:just )?(?:die|not wake up|kill|end it|end my|overdose|disappear|not be here)\b"
        r"|\b(?:sav\w*|stockpil\w*|hoard\w*|collect\w*) (?:up )?(?:all )?(?:my |the |of my )?(?:sleeping |old )?(?:pills|tablets|meds|medication|painkillers)\b",
    ),
    # Goodbyes: letters or notes for the family, "in case I'm not around".
    (
        "self_harm",
        r"\b(?:goodbye|farewell|suicide|final) (?:letters?|notes?|messages?|videos?)\b"
        r"|\bin case i(?:'m| am) (?:not|no longer) (?:around|here)\b|\bnot (?:be )?(?:around|here) (?:for )?(?:much|very much|a lot) longer\b",
    ),
    # Would anyone notice if I were gone; standing at an edge.
    (
        "self_harm",
        r"\b(?:(?:any ?one|anybody|some ?one|somebody|nobody|no ?one|people|they|he|she) (?:would|will|'d)|would (?:any ?one|anybody|people|they|he|she)) (?:even |actually |really )?(?:notice|miss me|care|realise|realize)\b[^.!?]{0,40}\bif i (?:was |were |am |'m )?(?:just )?(?:gone|dead|not here|wasn'?t here|weren'?t here|stepped off|jumped|disappeared|died|fell|vanished|ended it)\b"
        r"|\bif i (?:just )?(?:stepped|jumped|fell|threw myself) (?:off|in front)\b"
        r"|\b(?:edge of|standing on|stood on|standing at|stood at|standing by) (?:the |a |my )?(?:platform|bridge|roof|rooftop|cliff|balcony|ledge|tracks)\b[^.!?]{0,60}\b(?:wonder\w*|step\w*|jump\w*|notice|fall\w*|gone|end\w*|over)\b",
    ),
    # Imagining a crash on purpose.
    (
        "self_harm",
        r"\b(?:think|thinking|thought|want|wanted|wanna|tempted|imagin\w*|pictur\w*|urge)(?: about| of| to)? (?:\w+ ){0,2}(?:driv|crash|steer|swerv)\w* (?:my car |the car |it )?(?:straight )?(?:into|off|in front of) (?:a|the) (?:wall|tree|bridge|cliff|river|lorry|truck|train|oncoming|barrier|motorway)\b",
    ),
    (
        "self_harm",
        r"\bgiv(?:ing|en|e) (?:away )?(?:all )?my (?:stuff|things|belongings|possessions|clothes|books|jewellery|jewelry) (?:away|to)\b|\bgiving away my\b|\bwon'?t have to sort (?:it|my (?:stuff|things)|everything) out\b"
        r"|\b(?:step\w*|walk\w*|jump\w*|throw\w* myself|lying down) (?:out )?in front of (?:a|the) (?:bus|train|lorry|truck|car|tube|traffic)\b"
        r"|\bnot turn(?:ing)? the wheel\b|\blet(?:ting)? go of the wheel\b"
        r"|\b(?:i|i've|i have) (?:cut|burned|burnt) (?:myself )?again\b|\bcut(?:ting)? again\b|\bstarted cutting\b|\bcut (?:my )?(?:arms?|wrists?|legs?|thighs?)\b"
        r"|\bhow and when\b|\bneed (?:the house|the flat|everyone|them|you all) (?:to be )?(?:empty|out|gone|away)\b"
        r"|\bwon'?t be (?:around|here|alive) (?:to see|for|when|by|much|long)\b|\bnot be (?:around|here|alive) to see\b"
        r"|\b(?:tired|sick) of (?:being alive|living|life|existing|being here)\b"
        r"|\bhow many (?:it would|would it|it'?d|do i need to|would i need to|will it) take\b|\bhow many (?:pills|tablets|sleeping pills) (?:it|would|to)\b"
        r"|\bit was (?:a |my )?goodbye\b|\bwithout (?:\w+ ){0,2}knowing (?:it was|i was saying) goodbye\b"
        r"|\b(?:written|wrote|writing|left) (?:some |a few |my )?(?:letters?|notes?) (?:to|for) (?:everyone|every one of them|each of them)\b",
    ),
    (
        "self_harm",
        r"\b(?:happier|better off|easier|better) (?:if|when) i (?:just )?(?:disappeared|was gone|were gone|wasn'?t here|weren'?t here|died|was dead|vanished)\b"
        r"|\bdisappear(?:ed|ing)? (?:forever|for good|permanently)\b|\bhope i (?:get|got) (?:hit|run over|killed)\b|\bwouldn'?t be my choice\b",
    ),
    # Ideas that crisis lines in blame's clothing carry (rules misses that also look like ordinary blame, 2026-12-02).
    (
        "self_harm",
        r"\b(?:sleep|go to sleep|fall asleep) and (?:not|never) wake up\b|\bdone (?:with )?(?:living|life|being alive)\b"
        r"|\b(?:cope|manage|be fine|be okay|be ok|do fine|get on|be better)(?: just)?(?: fine)? without me\b",
    ),
    # Ideas the model caught and the rules missed on the fourteenth to seventeenth sets (2026-12-03): rules back the model up.
    (
        "self_harm",
        r"\b(?:what'?s|whats|what is|see|seeing|there'?s no|no) (?:the )?point (?:anymore|any more|(?:in|of) (?:me )?being here(?! (?:at|in|with|for|tonight|today|if|when)\b))\b"
        r"|\b(?:got|have|bought|sorted|saved|hidden|hid) (?:the |my |some |enough )?(?:pills|tablets|rope)\b[^.!?]{0,20}\b(?:sorted|ready|saved|hidden|now)\b|\bpills sorted\b"
        r"|\bnot (?:turn|turning|brak\w*|stopp?\w*) (?:at|for) the (?:bend|corner|lights|junction)\b"
        r"|\bhow many\b(?! times)[^.!?]{0,30}\b(?:it would|would it|it'?d|to) take\b"
        r"|\bgoodbye\b[^.!?]{0,40}\b(?:the last time|for good|forever)\b"
        r"|\b(?:can'?t|cant|cannot) (?:do this|go on|cope) (?:anymore|any more)\b[^\n]{0,60}\b(?:tonight'?s the night|tonights the night|the end|goodbye|pills|tablets)\b"
        r"|\b(?:balcony|bridge|roof|rooftop|edge|ledge|cliff|platform|tracks)\b[^.!?]{0,60}\bhow easy it (?:would|'d|will) be\b"
        r"|\b(?:everyone|everybody|they|you|he|she|the kids|my family) (?:would|'d) be (?:better off|happier) (?:if|when|without)\b(?:[^.!?]{0,20}\b(?:i|me)\b)"
        r"|\bnot exist(?:ing)? (?:anymore|any more)\b|\bstop existing\b"
        r"|\b(?:i'?ve been|i have been|i'?m|i am|been|keep|kept) (?:burn|cutt|scratch)\w* my (?:arms?|legs?|skin|wrists?|hands?|thighs?|stomach)\b",
    ),
    # From the eighteenth and nineteenth sets' rules misses (2026-12-03, after their first looks).
    ("self_harm", r"\b(?:hurt less|be easier|be better) to (?:just )?(?:not wake up|not be here|disappear|not exist)\b"),
    # ---- violence: Physical violence and fear of a partner
    ("violence", rf"\b{_PARTNER} (?:\w+ ){{0,2}}(?:{_HIT_VERBS})\b"),
    ("violence", rf"\b(?:{_HIT_VERBS}) (?:me|my (?:face|head|kids?|children|son|daughter)|the (?:kids|children|baby|dog))\b"),
    (
        "violence",
        r"\b(?:domestic (?:violence|abuse)|abus(?:e|es|ed|ive|ing)|violent|violence|bruis\w+|black eye|broken (?:rib|arm|nose))\b",
    ),
    ("violence", r"\b(?:weapon|gun|knife|knives|rifle|pistol)\b"),
    (
        "violence",
        r"\b(?:drew blood|broke my (?:wrist|arm|nose|rib|finger|jaw|tooth)|my injuries|injured me|the bruises|i fell down the stairs but|snap and hit)\b",
    ),
    (
        "violence",
        r"\b(?:scared|afraid|terrified|frightened) of (?:my (?:husband|wife|partner|boyfriend|girlfriend|ex|spouse|dad|mum|mom)|him|her|them)\b",
    ),
    ("violence", r"\b(?:scared|afraid|terrified|frightened)\b.{0,40}\bwhen (?:you|he|she|they) (?:come|comes|get|gets) home\b"),
    (
        "violence",
        r"\b(?:nowhere safe|not safe (?:at home|with (?:him|her|them))|(?:he|she|they)(?:'ll| will) find me|hide when (?:their|my|his|her) \w+ comes? home)\b",
    ),
    ("violence", r"\b(?:kill|hurt) (?:himself|herself|themselves)\b|\btake me with (?:him|her|them)\b|\bdrive the car into\b"),
    (
        "violence",
        r"\b(?:scared|afraid|terrified|frightened) (?:to go home|for my life|of (?:him|her|them|what (?:he|she|they)(?:'ll| will| might)? do))\b",
    ),
    ("violence", r"\b(?:chair|lock) (?:against|on) (?:the|my) (?:door|bedroom)\b|\bhid(?:e|ing)? from (?:him|her|them)\b"),
    ("violence", r"\b(?:hurts|harms|hits|beats|smacks) (?:the|our|my) (?:kids|children|son|daughter|baby|boys|girls)\b"),
    ("violence", r"\bgets? rough with me\b|\bgrabb?\w* (?:me by )?my (?:hair|arm|wrist|neck|throat|face)\b|\bpushing,? grabbing\b"),
    # The thirteenth set's long tail: each line below is one more idea of danger, not one more sentence.
    (
        "violence",
        r"\b(?:pillow|hand|hands|cushion) over my (?:face|mouth|nose)\b|\bheadbutt\w*|\b(?:broke|broken|fractured|cracked) my (?:nose|arm|ribs?|jaw|teeth|tooth|wrist|finger)\b"
        r"|\bmy (?:nose|arm|jaw|rib) is (?:broken|fractured)\b|\bwith a (?:baseball bat|bat|knife|gun|machete|hammer|crowbar|axe|weapon)\b|\b(?:bat|knife|gun|machete|weapon) (?:at|to) (?:me|my)\b",
    ),
    (
        "violence",
        r"\b(?:dragg?\w*|yank\w*|twist\w*|pinn?\w*|stamp\w*|kick\w*|punch\w*|slap\w*|chok\w*|jabb?\w*|stabb?\w*|shov\w*|headbutt\w*|strangl\w*|throttl\w*|elbow\w*|knee[sd]?|kneed|smash\w*|bash\w*|whack\w*|hurl\w*)"
        r"\b[^.!?]{0,30}\b(?:my|me by (?:the|my)) " + _BODY + r"\b"
        r"|\b(?:pull\w*|grabb?\w*|held|hold\w*) (?:me )?(?:\w+ ){0,6}by (?:the|my) (?:hair|throat|neck|ankles?)\b"
        r"|\b(?:couldn'?t|could not) breathe\b(?! (?:for|from) (?:laughing|laughter|the smoke|the heat|the dust))|\bmade me bleed\b|\b(?:until|till|'til) i (?:bled|was bleeding|passed out|blacked out)\b"
        r"|\b(?:under|in) the (?:bath ?)?water\b[^.!?]{0,30}\b(?:held|hold|pushed|push|kept)\b|\b(?:held|hold\w*|push\w*|kept) my head (?:under|in|against|into)\b"
        r"|\bacid\b",
    ),
    (
        "violence",
        r"\bi(?:'m| am|'ve been| have been) (?:so |really |honestly )?(?:terrified|scared|afraid|frightened) (?:of (?:him|them|her(?=\s*(?:[.,!?]|$|(?:when|because|and|now|sometimes|tbh|honestly)\b))|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex))|to go (?:back )?home|for my life)\b",
    ),
    (
        "violence",
        r"\bhid(?:e|ing)? in the (?:bathroom|bedroom|car|cupboard|wardrobe|closet|garden|shed)\b|\b(?:shouting|screaming|yelling) and smashing\b|\b(?:he|she)(?:'s| is|s) smashing (?:everything|things|stuff|the place|up)\b"
        r"|\bnext time (?:he|she|they)(?:'ll| will)? ?(?:won'?t|will not|wont) stop\b",
    ),
    # ---- threat: Threats, by anyone
    ("threat", r"\bthreat\w*"),
    ("threat", r"\b(?:kill|murder|hurt|harm|beat up|get rid of) (?:you|him|her|them|me|us|the kids|the children|my \w+)\b"),
    (
        "threat",
        r"\b(?:i'?ll|i will|i'm going to|i'm gonna|gonna|going to|he'll|she'll|they'll|he will|she will) (?:kill|hurt|harm|hit|destroy|punish|make (?:you|me) pay)\b",
    ),
    (
        "threat",
        r"\b(?:kill|hurt|harm|drown|poison|get rid of) (?:the|my|our|your) (?:dog|cat|pets?|puppy|kitten|horse|rabbit)\b"
        r"|\b(?:make sure|see to it that) (?:i|you) (?:never|don'?t|won'?t) see (?:the|my|our|your) (?:kids|children|son|daughter|baby|boys|girls)\b"
        r"|\b(?:i'?ll|i will|you'?ll|you will|i'?d|i would) never see (?:the|my|our|your) (?:kids|children|son|daughter|baby) again\b",
    ),
    ("threat", r"\b(?:make (?:me|you) disappear|won'?t stop at a|next time (?:he|she|they)(?:'ll| will) (?:kill|hurt|hit))\b"),
    ("threat", r"\b(?:or else|you'll regret|you will regret|you'd better behave|i'd better behave|better behave|watch your back)\b"),
    (
        "threat",
        r"\b(?:post|share|leak|send|show|put) (?:my|our|the|those) (?:private |nude |naked |intimate |sexy )+(?:pics|photos|pictures|videos|images)\b"
        r"|\brevenge porn\b",
    ),
    # Gaps the dev sets showed in the screen (2026-12-02): DIET had been catching these, and DIET varies by training.
    ("threat", r"\bno ?one (?:will|would|'?ll) (?:ever )?believe (?:me|you)\b|\bmake sure no ?one (?:else )?(?:wants|will want|would want|loves) (?:me|you)\b"),
    ("threat", r"\bmake sure (?:i|you) regret\b|\b(?:i'?ll|you'?ll|he'?ll|she'?ll|they'?ll) make (?:sure )?(?:you|me|i) regret\b"),
    ("threat", r"\b(?:post|share|leak|send|show)\w* (?:(?:everyone|everybody|people|them|him|her) )?(?:my|our|the|those|your) nudes\b"),
    ("threat", r"\b(?:break|smash|rearrange|bash) (?:your|my|her|his) (?:face|neck|legs?|arms?|jaw|nose|head|teeth)\b"),
    ("threat", r"\bif i (?:don'?t|do not|won'?t|will not) (?:send|do|have sex|sleep with|give)\b[^.!?]{0,40}\b(?:he|she|they)(?:'ll| will| would|'d)\b|\btell everyone i'?m an? \w+"),
    # Threats of making someone vanish or not being believed; harm to force a passcode.
    (
        "threat",
        r"\bmake sure (?:i|you) (?:disappear|vanish|never)\b|\bmake (?:me|you) disappear\b|\bnobody (?:will|would|is going to) believe (?:me|you)\b"
        r"|\btwist(?:ed|s|ing)? my (?:arm|wrist|fingers?) (?:until|till|behind|so hard|back)\b",
    ),
    (
        "threat",
        r"\b(?:videos?|photos?|pics?|pictures?|recordings?|nudes) (?:he|she|they|you) (?:filmed|took|recorded|made|has|have|kept) of (?:us|me)\b"
        r"|\b(?:send|show|post|share|leak|upload)\w* (?:the |my |our |those |these |them )?(?:nudes|sex tapes?|intimate (?:photos|pictures|pics|videos))\b"
        r"|\b(?:boss|family|parents|everyone|mum|mom|kids|work|friends) would (?:love|like|want|be interested) to see (?:them|these|those|it)\b"
        r"|\bnobody (?:would|will|'d|could) (?:ever )?find (?:you|me|your body|my body)\b|\bdeport\w*\b"
        r"|\b(?:cancel|withdraw|take|took|hide|hid|keeps?|kept|holds?|held|lock\w*)\w* (?:away )?(?:my )?(?:visa|passport|papers|documents|green card|residence permit)(?: sponsorship)?\b",
    ),
    (
        "threat",
        r"\btake the (?:kids|children|baby|boys|girls)\b[^.!?]{0,40}\b(?:abroad|away|never see)\b|\bnever see (?:them|the kids|the children|my kids|my children|the baby) again\b"
        r"|\b(?:dog|cat|pet|puppy|kitten)\b[^.!?]{0,25}\b(?:might|could|will|would|may) ['\"]?have an accident\b|\b(?:remind\w*|says?|said|told) (?:me )?(?:that )?accidents (?:can |do )?happen\b"
        r"|\bknows? where (?:my|your) (?:mum|mom|family|parents|kids|sister|brother|children|dad) (?:lives?|are|is)\b|\bknows? where (?:i|you) live\b"
        r"|\bif i (?:call|ring|phone|go to|tell) the police\b|\bruin my life\b",
    ),
    (
        "threat",
        r"\b(?:video|photos?|pictures?|pics|recording|footage)\b[^.!?]{0,40}\b(?:post|share|send|show|upload|leak)\w*\b[^.!?]{0,40}\bunless\b"
        r"|\b(?:mates|friends|people|guys|someone|lads) (?:who'?ll|who will|who would|who'?d|that will|that'?d) (?:sort|deal with|hurt|get|find) (?:me|you)\b",
    ),
    (
        "threat",
        r"\b(?:he|she|they|you)(?:'ll| will| would|'d) (?:smash|wreck|trash|destroy|burn) (?:up |down )?(?:the|my|our) (?:house|flat|home|car|stuff|things|place)(?: down| up)?\b"
        r"|\bwith me (?:still )?in it\b"
        r"|\b(?:regret it|be sorry|pay for it) if i (?:tell|told) (?:anyone|anybody|someone|my|the)\b"
        r"|\bmake sure (?:i|you) (?:don'?t|never|can'?t|won'?t|wont) (?:walk|see|talk|work|leave|breathe)\b",
    ),
    # ---- sexual_coercion: Sexual coercion
    ("sexual_coercion", r"\brap(?:e|ed|es|ing|ist)\b|\bsexual(?:ly)? (?:assault\w*|abus\w*|coerc\w*)"),
    (
        "sexual_coercion",
        r"\b(?:force[sd]?|forcing|pressur\w+|guilt\w*|coerc\w+|made|make[s]?|push(?:es|ed)?) (?:me|him|her) (?:into |to (?:have )?)?(?:sex|sleep with|do sexual|sexual)",
    ),
    (
        "sexual_coercion",
        r"\b(?:sex|touch(?:es|ed)? me|sleep with (?:him|her|them)) (?:\w+ ){0,4}(?:when|after|even (?:though|when)|though) i (?:said|say) no\b",
    ),
    (
        "sexual_coercion",
        r"\b(?:won'?t|doesn'?t|didn'?t|does not|did not|will not) (?:take|accept|stop (?:when|at)) no\b|\bignor\w+ (?:my|when i say) no\b",
    ),
    (
        "sexual_coercion",
        r"\bowe (?:him|her|them) sex\b|\bagree to sex\b|\bholds? me down\b|\b(?:made|makes|forced?) me have sex\b|\bsex (?:with me )?(?:while|when) i(?:'m| am| was) (?:asleep|drunk|passed out)\b",
    ),
    (
        "sexual_coercion",
        r"\b(?:doesn'?t|won'?t|didn'?t|does not|will not|never) stop (?:even )?when i (?:cry|say no|say stop|beg|scream|push)\b|\btouch(?:es|ed)? me (?:when|after|even though) i(?:'ve| have)? (?:clearly )?said no\b",
    ),
    (
        "sexual_coercion",
        r"\bforc(?:e|es|ed|ing) (?:himself|herself|themselves) on me\b|\bwithout my consent\b|\bnot consent\w*|\bunconscious\b",
    ),
    # Touching someone who cannot say yes, and "we're married" offered as consent.
    (
        "sexual_coercion",
        r"\b(?:touch\w*|grop\w*|undress\w*|feel(?:s|ing)? me up|(?:has|had|have|having) sex with me|film\w*) (?:me )?(?:\w+ ){0,3}(?:while|when|whilst) i(?:'m| am| was) (?:asleep|sleeping|drunk|passed out|out of it|unconscious|too drunk)\b"
        r"|\b(?:it'?s|its|it is) (?:fine|ok|okay|allowed|alright) (?:because|cos|since|cause) we'?re married\b",
    ),
    (
        "sexual_coercion",
        r"\b(?:say|said|says) no (?:and )?(?:he|she|they) (?:keeps?|kept|carries|carried|goes|went) (?:going|on)\b|\bkeeps? going anyway\b"
        r"|\b(?:my|a) (?:duty|job) as (?:his|her|a) (?:wife|husband|girlfriend|partner)\b|\bwifely duty\b"
        r"|\beasier to (?:just )?let (?:him|her|them) (?:do what|have (?:sex|it))|\blet (?:him|her) do what (?:he|she) wants (?:in bed|to me)\b",
    ),
    (
        "sexual_coercion",
        r"\bpressur\w* me (?:into|to) (?:send\w* (?:nudes|pics|photos|pictures)|(?:stuff|things) in bed|sex\w*|do(?:ing)? (?:stuff|things))\b"
        r"|\b(?:stuff|things) in bed (?:that )?i(?:'ve said i)? (?:don'?t|didn'?t|do not) want\b|\bnudes\b[^.!?]{0,40}\b(?:angry|pressur\w*|force\w*|threat\w*)\b",
    ),
    ("sexual_coercion", r"\b(?:stuff|things|something|anything) i (?:never|didn'?t|did not|don'?t) (?:agree|consent)\w*(?: to)?\b|\bgets? me drunk (?:and|so|then)\b"),
    (
        "sexual_coercion",
        r"\b(?:put|slipped|spiked) (?:something )?(?:in|into) my drink\b|\bspiked my drink\b|\bwoke up not (?:knowing|remembering)\b",
    ),
    # From the thirteenth set (safety-heavy, 2026-12-02): sexual coercion, image threats, isolation, stalking after a
    # break-up, and indirect goodbyes, again written as ideas with several wordings each.
    (
        "sexual_coercion",
        r"\b(?:sex with me|on top of me|touch\w* me|inside me)\b.{0,80}\b(?:asleep|sleeping|drunk|passed out|blackout|unconscious|said no|told him no|told her no|didn'?t want)\b"
        r"|\b(?:asleep|sleeping|blackout|passed out|unconscious|drunk)\b.{0,80}\b(?:had sex with me|sex with me|on top of me|touch\w* me|inside me)\b"
        r"|\bdrinks? (?:was |were |got |had been )?spiked\b|\bspike[sd]? (?:my|our|his|her) drinks?\b"
        r"|\bcondom\b[^.!?]{0,30}\b(?:off|without (?:telling|asking)|remov\w*|refus\w*)\b|\b(?:take|took|takes|taking|pull\w*|slip\w*) (?:the |a )?condom off\b"
        r"|\bmakes? me (?:do|copy|watch|try|act out)\b[^.!?]{0,40}\b(?:porn|sexual|in bed|sex)\b"
        r"|\bdoesn'?t count because we'?re (?:together|married|a couple)\b",
    ),
    (
        "sexual_coercion",
        r"\bsaid no\b(?! to (?:the|a|an|your|my|our|his|her|going|buying|that|this)\b)[^.!?]{0,40}\b(?:kept going|carried on|didn'?t stop|did it anyway)\b"
        r"|\b(?:does|did|do|doing) (?:stuff|things) (?:to me )?(?:that )?i (?:told (?:him|her|them) )?(?:i )?(?:didn'?t|don'?t) want\b"
        r"|\bforc\w* me (?:into|to do) (?:stuff|things|sex|it)\b|\bforc\w* (?:himself|herself|themselves) on me\b"
        r"|\bif i (?:didn'?t|don'?t|won'?t|wouldn'?t) (?:do it|sleep with|have sex)\b|\bfilm\w* (?:us|me) (?:during|having|while we have) sex\b",
    ),
    # The fourteenth set's three misses (first look recorded first): sex while ill, a drugged night, new accounts to watch.
    (
        "sexual_coercion",
        r"\b(?:still|even|anyway)\b[^.!?]{0,10}\bmade me do it\b|\bmade me do it anyway\b"
        r"|\bwhen i was (?:sick|ill|asleep|crying|drunk|unwell|in pain|pregnant)\b[^.!?]{0,40}\b(?:made me|forced me|still did it|did it anyway|had sex|wouldn'?t stop)\b"
        r"|\b(?:can'?t|cannot|don'?t|do not|couldn'?t) remember (?:the|last|that|most of the|anything (?:about|from) the|what happened (?:that|last)) ?(?:night|evening|party)\b"
        r"|\bgave me (?:some |a )?(?:pills?|tablets?|something|drugs|a drink)\b[^.!?]{0,40}\b(?:relax|calm|sleep|remember|woke up|passed out)\b",
    ),
    (
        "sexual_coercion",
        r"\buntil i (?:agree|agreed|say yes|said yes|give in|gave in)\b[^.!?]{0,20}\b(?:sleep|sex|it)\b|\bagree to (?:sleep with|have sex with) (?:him|her|them)\b"
        r"|\bfilm\w* (?:us|me) (?:without|in bed|having|naked|when i|while i)\b|\b(?:held|holds|pinned|pins) me down\b|\bkept saying no\b"
        r"|\blied about (?:having the snip|being on the pill|using (?:a )?condoms?|the condom|being infertile)\b|\bholes in (?:the )?condoms?\b"
        r"|\b(?:threw|throws|hid|hides) (?:away )?my (?:pill|pills|contraception|contraceptives)\b"
        r"|\b(?:did it|had sex|kept going|carried on)(?: again)? (?:after|even after|even though) i (?:told|said|asked)\b",
    ),
    (
        "sexual_coercion",
        r"\b(?:touch\w*|grop\w*|kiss\w*|grab\w*) me (?:after|when|even (?:though|when|after)) i (?:tell|told|say|said|ask|asked) (?:him|her|them) (?:to )?(?:stop|no|not to)\b"
        r"|\buntil i give in\b|\btill i give in\b",
    ),
    # ---- control: Control, isolation and contempt that breaks someone down
    # Contempt used to break someone down: a classic of coercive control, not a wording problem.
    (
        "control",
        r"\b(?:tells?|told|telling|calls?|called|calling) me (?:i'?m |i am |im )?(?:worthless|a worthless \w+|nothing without (?:him|her|them))\b"
        r"|\b(?:no ?one|nobody) (?:else )?(?:would|will|could) (?:ever )?(?:want|love|have|put up with) (?:me|you)\b",
    ),
    # Control and isolation.
    (
        "control",
        r"\b(?:won'?t|doesn'?t|didn'?t|does not|will not|never) (?:let|allow) me (?:to )?(?:eat|sleep|leave|go out|go (?:anywhere|outside)|see (?:my )?(?:friends|family|parents|mum|mom|sister|brother)|work|have (?:money|a job|my own)|use (?:the )?(?:car|phone)|talk to|out of (?:the|his|her) sight)",
    ),
    (
        "control",
        r"\b(?:takes?|took|taking|hides?|hid|smashe?d?s?|broke) (?:away )?my (?:phone|keys|passport|car keys|money|bank card|cards?|wallet)\b(?! (?:charger|cable|case|as a joke|for a laugh|as a prank|to work|by mistake))",
    ),
    (
        "control",
        r"\b(?:controls?|controlled|controlling) (?:all )?(?:the |my |our )?(?:money|finances|bank|accounts?|what i (?:wear|eat|do|spend))\b",
    ),
    ("control", r"\b(?:gives?|gave) me an allowance\b|\b(?:locks?|locked) me (?:in|out)\b"),
    (
        "control",
        r"\b(?:takes?|took|taking|keeps?|kept) (?:all (?:of )?|the whole of )?(?:my|our) (?:whole |entire |)(?:wages|salary|pay(?:check|cheque)?|earnings|benefits|pension)\b"
        r"|\b(?:gives?|gave|giving) me (?:\w+ ){0,3}pocket money\b",
    ),
    (
        "control",
        r"\b(?:won'?t|doesn'?t|does not|will not) let me (?:get a job|contact|wear|drive|have friends|call|visit)\b|\b(?:allowed|permission) to (?:wear|eat|leave|go|see|work|spend|have)\b",
    ),
    (
        "control",
        r"\b(?:took|takes|hid|hides) (?:the|my) (?:car )?keys\b(?! (?:as a joke|for a laugh|as a prank|by mistake))|\bcan'?t (?:contact|call|reach|see) anyone\b|\bdeletes? my (?:friends|contacts|family)\b|\bchecks? every (?:receipt|penny|message|text)\b",
    ),
    (
        "control",
        r"\b(?:he|she|they|my \w+) (?:\w+ )?(?:checks|checked|is checking|keeps checking|monitors|goes through|went through|watches) (?:all )?(?:of )?my (?:online )?(?:bank\w*|bank (?:account|app|statements?)|spending|purchases|receipts|finances)\b"
        r"|\bmakes? me (?:explain|justify|account for|ask (?:permission|before)) (?:for )?(?:every|each|all|any) (?:\w+ )?(?:purchase|penny|pound|dollar|cent|thing i buy|expense)",
    ),
    ("control", r"\b(?:isolat\w+|cut me off from|keeps? me from (?:my|seeing))"),
    ("control", r"\b(?:weighs?|weighed|weighing) me\b|\bmakes? me (?:weigh myself|step on the scales)\b"),
    (
        "control",
        r"\b(?:reads?|reading|checks?|checking|goes through|going through|went through|monitors?|monitoring) (?:all )?(?:of )?my (?:messages|texts|phone|email|emails)\b(?:.*\b(?:won'?t let|not allowed|every day|all the time|without asking))?",
    ),
    ("control", r"\b(?:not allowed|isn'?t allowed|am not allowed|i'm not allowed) to (?:leave|go out|see|work|have|talk|use)"),
    ("control", r"\b(?:take|took|takes|keep|keeps) the kids away\b|\btake the kids (?:and|if|from)\b"),
    (
        "control",
        r"\b(?:made|makes|make) me (?:get )?chang(?:e|ed) (?:my (?:clothes|outfit|top|dress|skirt)|(?:\d+|two|three|four) times|twice|clothes|outfits?)\b"
        r"|\b(?:angry|mad|furious|kicks off) if i wear\b|\b(?:tells?|decides?) (?:me )?what i (?:can|can't|am allowed to) wear\b"
        r"|\b(?:doesn'?t|won'?t|does not|will not|never) let me (?:see|go to|talk to) (?:a|the|my) (?:doctor|gp|nurse|therapist|counsellor|counselor)(?: alone| on my own| by myself)?\b"
        r"|\banswers for me\b",
    ),
    (
        "control",
        r"\bchang\w* (?:all )?(?:of )?my passwords?\b|\bchang\w* all (?:the |of the |our )?passwords?\b|\bchang\w* (?:the )?passwords? (?:on|to|for|of) (?:my|our|all) (?:bank|accounts?|phone|email|laptop|cards?|money)\w*\b|\b(?:has|took|takes|controls) (?:all )?(?:of )?my accounts\b|\bso i can'?t get (?:in|into)\b"
        r"|\bpicks? (?:out )?what i wear\b|\bsend (?:him|her|them) a (?:selfie|photo|pic)\b[^.!?]{0,30}\b(?:before|every|when|to prove)\b"
        r"|\bdelet\w* (?:all )?(?:of )?my (?:\w+ )?(?:friends|contacts|family|mates)\b|\bmade me (?:quit|leave|give up) my (?:job|course|studies)\b|\bno money of my own\b",
    ),
    ("control", r"\b(?:won'?t|doesn'?t|does not|will not|never) (?:let|allow) me (?:to )?go to (?:work|my job|the gym|class|college|uni|school|church)\b|\ba wife belongs\b"),
    ("control", r"\btells? me what to wear\b|\bgoes through my (?:bag|wallet|purse|pockets|receipts)\b|\bblocks? the door\b"),
    # Being kept in: not let out, not let go, not let see family.
    (
        "control",
        r"\b(?:would ?n'?t|would not|won'?t|will not|doesn'?t|does not|didn'?t|did not|never|refuses? to|refused to) let me (?:out\b|leave\b|go (?:out|home|anywhere)\b|get (?:out|past)\b|past\b|see my (?:own )?(?:family|friends|parents|mum|mom|dad|sister|brother|kids)\b|see (?:any )?friends\b)"
        r"|\b(?:logs?|logged|logging|gets?|got|breaks?|broke) (?:in)?to my (?:email|e-mail|accounts?|phone|laptop|messages|icloud|facebook|instagram|whatsapp)\b"
        r"|\bblock(?:s|ed|ing)? the (?:door|doorway|exit)\b|\btells? me who i(?:'m| am) (?:allowed|able|permitted) to\b",
    ),
    # Tracking and money control.
    (
        "control",
        r"\b(?:always|constantly|has to|needs to|must) know(?:s)? where i am\b"
        r"|\b(?:put|puts|installed|installs|hid|hidden|added) (?:an? |some )?(?:\w+ )?(?:app|tracker|software|spyware|gps) on my (?:phone|car|laptop)\b"
        r"|\btakes? (?:all of |all )?my (?:entire |whole )?(?:wages?|salary|pay ?(?:check|cheque)?|earnings|benefits)\b|\b(?:gives?|giving|gave) me (?:a |an )?(?:small |tiny |weekly |little |measly )?(?:allowance|pocket money)\b"
        r"|\bcan(?:'?t|not| not) (?:access|touch|get (?:to|at|into)) (?:a penny of |any of )?my (?:own )?(?:money|accounts?|bank|wages?|salary)\b",
    ),
    (
        "control",
        r"\b(?:smash\w*|broke|break\w*|threw|throws?|took|takes|hid|hides|snatch\w*|grab\w*) (?:my )?(?:phone|it)\b[^.!?]{0,40}\bso (?:that )?i (?:couldn'?t|can'?t|could not|cannot|wouldn'?t be able to)\b"
        r"|\bsmash(?:ed|es|ing)? my phone\b"
        r"|\bso (?:none of them|nobody|no ?one|no-one) (?:talks?|speaks?|comes?|calls?) (?:to me|round|near me)\b"
        r"|\btold (?:all |everyone |)(?:of )?my (?:friends|family|mates)\b[^.!?]{0,40}\b(?:mentally ill|crazy|mad|unstable|a liar|insane|psycho)\b",
    ),
    (
        "control",
        r"\bstop(?:ped|s|ping)? me (?:from )?(?:seeing|visiting|calling|talking to|speaking to) my (?:own )?(?:family|friends|parents|mum|mom|dad|sister|brother)\b"
        r"|\bprove where i (?:am|was)\b|\b(?:send|sending) (?:him |her |them )?(?:a )?(?:selfie|photo|picture|pic)s? (?:every|each) (?:hour|half hour|day|time)\b",
    ),
    (
        "control",
        r"\b(?:hides?|hid|hidden|withholds?|withheld|flush\w*|throws? away|threw away|rations?) my (?:antidepressants|meds|medication|medicine|insulin|inhaler|prescription)\b",
    ),
    (
        "control",
        r"\bthe only (?:number|person|one) i(?:'m| am)? (?:can|allowed to) (?:call|text|see|talk to|ring)\b"
        r"|\b(?:till|until|unless) i unlock (?:it|my phone)\b|\bmakes? me unlock my phone\b"
        r"|\bcheck\w* (?:the )?(?:mileage|odometer|my location)\b[^.!?]{0,40}\bwhere i'?(?:ve)? (?:been|go|went|am)\b"
        r"|\b(?:has|have|keeps?|kept|took|takes|taken|holds?) (?:all )?(?:of )?my (?:bank cards?|cards|id|passport|documents|papers|wages|salary)\b[^.!?]{0,40}\b(?:can'?t be trusted|won'?t give|not allowed|doesn'?t let|don'?t let)\b"
        r"|\b(?:forc\w*|makes?|made) me (?:to )?(?:give|hand over|hand|sign over) (?:(?:him|her|them|over) )?(?:all )?(?:of )?(?:my|the) (?:wages|salary|pay|money|cards?|bank card|pin|passport)\b",
    ),
    # ---- stalking: Stalking and watching
    (
        "stalking",
        r"\blife ?360\b|\b(?:checks?|checking|checked|watch\w*|monitor\w*|tracks?) (?:on )?my (?:location|whereabouts)\b",
    ),
    # Stalking.
    ("stalking", r"\bstalk\w*"),
    (
        "stalking",
        r"\b(?:makes?|made|forces?|forced) me (?:to )?(?:share|turn on|keep on) my (?:location|gps)\b|\b(?:tracks?|tracking|tracked) my (?:location|phone|car)\b"
        r"|\bshare my location (?:24/7|all the time|at all times)\b",
    ),
    (
        "stalking",
        r"\bcameras? (?:all )?(?:over|around|in|through(?:out)?) (?:the|our|my) (?:house|home|flat|bedroom)\b"
        r"|\b(?:pics|photos|pictures|videos?) (?:he|she|they) (?:took|takes|filmed) of me through (?:my|the) window\b"
        r"|\b(?:watch\w*|film\w*|photograph\w*) me through (?:my|the) window\b",
    ),
    ("stalking", r"\b(?:follows?|followed|following) me (?:home|to work|everywhere|around|when)\b"),
    (
        "stalking",
        r"\b(?:tracks?|tracked|tracking|trace[sd]?) (?:my )?(?:location|phone|car|gps|every move)\b|\b(?:tracker|airtag|spyware|tracking app)\b",
    ),
    (
        "stalking",
        r"\b(?:shows?|showed|turns?|turned|keeps? turning|keeps? showing) up (?:at|outside) (?:my|the) (?:work(?! (?:do|party|drinks|event|thing|dinner|function|night out))|house|home|door|flat|apartment|office|school|gym)\b",
    ),
    (
        "stalking",
        r"\b(?:watch(?:es|ed|ing)?|waits?|waiting|waited) (?:for me )?outside (?:my|the) (?:house|home|work|flat|apartment|office)\b",
    ),
    (
        "stalking",
        r"\b(?:hundreds of (?:messages|texts|calls)|from new numbers|parked outside|hack(?:ed|s)? (?:my|into my)|turn(?:s|ing|ed)? up (?:at my(?! work (?:do|party|drinks|event|thing|dinner|function))(?![^.!?]{0,40}\blate\b)|wherever|everywhere)|(?:keeps?|someone|is) following me)\b",
    ),
    (
        "stalking",
        r"\b(?:watch(?:es|ed)? me through|cameras in the house|find out where i am|knows? where i am at all times|waits? for me outside)\b",
    ),
    (
        "stalking",
        r"\brestraining order\b|\bwon'?t leave me alone\b|\bkeeps? (?:calling|texting|messaging) me (?:after|even though) i (?:blocked|told)\b|\bnew numbers? after i blocked\b",
    ),
    (
        "stalking",
        r"\bnew accounts?\b[^.!?]{0,40}\b(?:block\w*|messag\w*|contact\w*|text\w*)\b|\b(?:messag\w*|contact\w*|text\w*) me from new (?:accounts?|numbers?|profiles?)\b"
        r"|\bafter i blocked (?:him|her|them)\b|\bevery time i block\b|\bpark(?:s|ing|ed)? outside my\b|\bfollow\w* me to\b|\bsat outside (?:my|the|her|his) \w+ in (?:his|her|their|the) car\b"
        r"|\bsat outside in (?:his|her|their|the) car\b",
    ),
    ("stalking", r"\bhas my location\b|\bmy location on 24/7\b|\b(?:calls|rings|texts) me (?:screaming|shouting|yelling)\b"),
    ("stalking", r"\btracks? (?:everything i do|every move|where i go|who i (?:see|talk to|text))\b"),
    # Turning up after a break-up, at night, banging on windows.
    (
        "stalking",
        r"\bkeeps? (?:showing|turning) up (?:at|outside)\b|\bbang(?:ing|s|ed)? on (?:my |the )?windows?\b"
        r"|\b(?:show|turn)\w* up\b[^.!?]{0,60}\b(?:since|after|now that) i (?:moved out|left|broke up|ended)\b",
    ),
    (
        "stalking",
        r"\b(?:describing|describes|knows?|knew|told me|texts? me) what i (?:wore|was wearing|had on|did|ate) (?:that|today|yesterday|at)\b"
        r"|\bfound (?:out )?my (?:new )?(?:address|flat|house|place|number|workplace)\b|\bfound you\b"
        r"|\bmy ex\S*\b[^.!?]{0,40}\b(?:keeps?|kept|been|is) (?:ringing|calling|messaging|texting|contacting|emailing|turning up|showing up|waiting|following)\b"
        r"|\bpretending to be (?:worried|concerned|me)\b"
        r"|\b(?:sitting|sits|sat|waiting|waits|parked|parks|outside|watching|watches|follow\w*|turn\w* up|show\w* up)\b[^.!?]{0,80}\b(?:since|after|ever since|now that) i (?:left|moved out|broke up|ended|split)\b",
    ),
    (
        "stalking",
        r"\b(?:messages|texts|calls)\b[^.!?]{0,40}\bsince (?:we|i) (?:broke up|split|separated|left)\b|\bdifferent numbers\b|\bfake (?:accounts?|profiles?)\b"
        r"|\bknows things i(?:'ve| have)? only (?:said|told)\b|\bhidden (?:something|a camera|a mic\w*|a tracker|cameras)\b"
        r"|\bstill has (?:a|my) key\b|\bcom(?:e|ing) home to (?:find )?things moved\b|\b(?:his|her|their) car (?:in my mirror|behind me|outside my)\b",
    ),
    (
        "stalking",
        r"\b(?:new|fake|burner|secret|different) (?:\w+ )?(?:accounts?|profiles?) (?:to|so (?:she|he|they) can) (?:watch|message|follow|contact|stalk|see|comment|text|check|view)\b",
    ),
    (
        "stalking",
        r"\bfrom (?:a |another )?(?:new|different|fake) (?:numbers?|emails?|accounts?|profiles?)\b",
    ),
    (
        "stalking",
        r"\b(?:since|after|ever since) (?:we|i) (?:split|broke up|dumped \w+|left \w+|separated)\b[^\n]{0,80}\b(?:stands?|standing|waits?|waiting|watch\w*|follow\w*|turns? up|shows? up|showing up|rock\w* up|appears?|outside my)\b"
        r"|\b(?:stands?|standing|waits?|waiting|turns? up|shows? up|showing up|rock\w* up|appears?)\b[^\n]{0,80}\b(?:since|after|ever since) (?:we|i) (?:split|broke up|dumped \w+|left \w+|separated)\b"
        r"|\bknew (?:exactly )?(?:where i was|who i was with|what i (?:had|did|said|bought|ate))\b[^\n]{0,80}\bnever told (?:him|her|them)\b"
        r"|\bnever gave (?:him|her|them) (?:the|my) (?:new )?address\b|\bwe'?re not (?:done|finished|over)\b|\bgot into my (?:locked )?(?:car|flat|house)\b"
        r"|\btrack\w* (?:me|us) (?:through|with|on|via)\b|\bappears? wherever (?:i|we) (?:am|are|go)\b|\bcameras? in (?:every|each|all the) (?:room|corner)\b|\bout of frame\b",
    ),    # The twenty-first set's rule misses (older, formal writers), each as an idea.
    ("control", r"\bcontrols? (?:every penny|all (?:the|our|my) money|(?:the|our|my) (?:money|finances|wages|salary|pension|cards?))\b|\b(?:have|has|had) to ask (?:him|her|them) for (?:money|cash|the (?:bus|train) fare|bus fare|petrol money)\b"),
    (
        "self_harm",
        r"\b(?:would|'d|will|could) (?:all )?(?:manage|cope|do|be) (?:better|fine|happier|easier)(?: off)? without me(?: in it| here| around| alive| in (?:the|this) (?:world|family|house))?(?=\s*(?:[.,!?…;:]|$|and\b|anyway\b|tbh\b|honestly\b))"
        r"|\bswallow\w* (?:everything|all (?:of )?(?:them|the (?:pills|tablets))|the (?:lot|whole (?:bottle|packet|box)))\b|\b(?:everything|all the \w+) in the (?:medicine|bathroom) cabinet\b"
        r"|\b(?:bridge|cliff|ledge|edge of the (?:platform|roof)|railway|train tracks)\b[^.!?]{0,60}\b(?:looking (?:down )?(?:at|into) the (?:water|drop|river|sea|trains?)|thinking (?:about|of) (?:jumping|it)|jump\w*)\b"
        r"|\bif (?:you|i) (?:ever )?(?:leave|dump|divorce) (?:me|us|him|her)\b[^.!?]{0,20}\b(?:i'?ll|i will|he'?ll|he will|she'?ll|she will|they'?ll) end it\b"
        r"|\bi(?:'m| am) (?:afraid|scared|worried) i(?:'ll| will| might) do something (?:stupid|to myself)\b",
    ),
    (
        "violence",
        r"\bi (?:hit|slapped|punched|kicked|choked|strangled|shoved|smacked) (?:my (?:wife|husband|partner|girlfriend|boyfriend|gf|bf|fianc\w+)|her|him|them)\b(?! up\b| back\b| with (?:a|the) (?:pillow|cushion|ball))"
        r"|\b(?:push\w*|throw\w*|threw) (?:me|her|him) down (?:the|those|these) (?:stairs|steps)\b",
    ),
    (
        "threat",
        r"\b(?:wasn'?t|was not|look(?:s|ed)? like|make it look like) an accident\b|\bnone of (?:us|you) (?:will |would |'ll )?(?:see|live to see|make it to) (?:christmas|another|the (?:end|new year)|tomorrow)\b"
        r"|\bi(?:'m| am) (?:afraid|scared|worried) i(?:'ll| will| might) (?:do something to|hurt|kill) (?:him|her|them)\b",
    ),
    # The twentieth set's rule misses (young, texting writers), each as an idea.
    (
        "threat",
        # Taking the children where the other parent cannot find them, as the price of leaving.
        r"\b(?:take|takes|took|taking|run off with|disappear with|vanish with) (?:the|my|our) (?:kids|children|baby|son|daughter)\b[^.!?]{0,40}\b(?:never (?:find|see)|won'?t (?:ever )?(?:find|see)|will not (?:ever )?(?:find|see)|not (?:ever )?(?:find|see) (?:them|him|her) again)\b",
    ),
    (
        "self_harm",
        r"\bswallow\w* (?:every|each|all (?:of )?(?:my|the|those|these)) (?:single )?(?:pill|tablet|sleeping pill|painkiller)s?\b"
        # "what's the point of me even being here": being here at all, not at the party.
        r"|\bwhat'?s the point (?:of|in) (?:me )?(?:even )?(?:(?:being here|being alive|living|existing)(?: (?:any ?more|at all))?(?! (?:if|when|at|in|with|for|tonight|today))|(?:carrying on|going on|living) (?:any ?more|at all))\b"
        r"|\b(?:everyone|everybody|they|you all|the kids|my family)(?:'d| would| will|'ll) be better off\s*(?:[.!?…]|$|now|tbh|honestly|anyway)",
    ),
    (
        "sexual",
        # Made to do things in bed that were refused.
        r"\b(?:made|makes|make|forced|forces|force|pressured|pressures|pushed) me (?:to )?(?:do |into )?(?:stuff|things|something|it)\b[^.!?]{0,30}\b(?:i said no|i didn'?t want|i did not want|i don'?t want|i told (?:him|her|them) no|i refused)\b"
        r"|\b(?:in bed|sexually|in the bedroom)\b[^.!?]{0,30}\b(?:i (?:said|say) no|even though i (?:said|say) no|after i said no|i didn'?t want to)\b",
    ),
    (
        "control",
        # Money, gold or documents taken, and leaving the house only with permission.
        r"\b(?:can'?t|cant|cannot|not allowed to|am not allowed to|mustn'?t) (?:leave|go out of|step out of) (?:the house|home|the flat|the apartment)(?: \w+){0,2} without (?:his |her |their )?(?:permission|asking|him|her|them)\b"
        r"|\b(?:took|takes|taken|kept|keeps|has|have) (?:all )?(?:of )?my (?:gold|jewellery|jewelry|passport|documents|papers|visa|id)\b[^.!?]{0,40}\b(?:(?:can'?t|cant|cannot) (?:leave|go out|get out)|won'?t (?:give (?:it|them) back|let me)|not allowed|permission)\b"
        # Food money only for obedience.
        r"|\b(?:won'?t|wont|doesn'?t|will not|does not|refuses to) give me (?:any )?(?:money|cash) (?:for|to buy) (?:food|groceries|the kids|nappies|diapers|medicine)\b[^.!?]{0,30}\bunless\b",
    ),
    # The twenty-second set's rule misses (couples in their thirties and forties), each as an idea.
    (
        "self_harm",
        # Putting affairs in order: who gets my things, letters left for the children, goodbyes and a sudden calm.
        r"\b(?:sort\w*|decid\w*|work\w*|figur\w*) (?:out )?who (?:gets|should get|will get|can have|has) my (?:things|stuff|belongings|jewellery|jewelry)\b"
        r"|\bwr(?:ote|itten|iting) (?:a |some )?(?:letters?|notes?|cards?) (?:for|to) (?:each of )?(?:the kids|my kids|the children|my children|everyone|my family|each)\b[^.!?]{0,60}\b(?:drawer|just in case|goodbye|when i'?m gone|to find|after)\b"
        r"|\b(?:said|saying|say) (?:a )?(?:proper |final |last )?goodbye to\b[^\n]{0,80}\b(?:calm now|at peace|peaceful now|ready now|it'?s time)\b"
        r"|\bg(?:ave|iving|ive|iven) (?:away )?(?:all )?my (?:guitar|things|stuff|books|clothes|records|bike|jewellery|jewelry|belongings)\b[^\n]{0,80}\b(?:goodbye|calm now|at peace|won'?t need|just in case)\b"
        r"|\b(?:edge of the platform|platform edge|edge of the roof|roof edge|edge of the cliff|cliff edge)\b[^.!?]{0,60}\bthink(?:s|ing)? about (?:it|jumping|stepping)\b",
    ),
    (
        "control",
        # Wages paid into his account and an allowance back.
        r"\b(?:my|our) (?:salary|wages|pay|benefits|pension|earnings) (?:is |are |gets |get |goes |go )?(?:paid |going |transferred )?(?:straight )?into (?:his|her|their) account\b"
        r"|\bgives? me (?:\d+|a few|twenty|fifty|ten) (?:quid|pounds|dollars|euros|rand|bucks|rupees)? ?a (?:week|month)\b",
    ),
    (
        "stalking",
        r"\b(?:the )?same (?:car|van|man|guy|bloke|person) (?:is |was )?(?:behind me|following me|outside (?:my|the) (?:house|work|flat|school))\b",
    ),
    (
        "violence",
        r"\b(?:squeez|grabb?|press|clamp)\w* (?:me by )?(?:my|the) (?:neck|throat)\b|\b(?:nearly|almost) passed out\b[^.!?]{0,40}\b(?:he|she|they)\b|\b(?:he|she|they) [^.!?]{0,40}\b(?:till|until) i (?:nearly|almost) passed out\b",
    ),
    (
        "threat",
        # Hiding behind locked doors when he drinks: fear is the message.
        r"\bdoors? locked when (?:he|she|they) (?:starts?|gets?|comes?|has)\b|\block (?:myself|the kids|us|me and the kids) in (?:the \w+ |my \w+ )?(?:when|till|until) (?:he|she|they)\b",
    ),
]
_COMPILED = [(cat, re.compile(p)) for cat, p in _PATTERNS]

# Figures of speech that contain a trigger word but are not danger.
_SAFE_IDIOMS = re.compile(
    r"\b(?:you'?re killing me(?: with)?|kill(?:ing)? (?:the mood|time|it|the vibe)|dying (?:to|of laughter)|"
    r"die (?:laughing|of embarrassment)|to die for|hit (?:the|a|my) (?:road|gym|snooze|deadline|target|limit|wall|jackpot|button|bed|sack|shops)|"
    r"hits? (?:different|home|the spot)|knife and fork|beat (?:the traffic|the rush|me to it|me at)|beat you at|"
    r"let me leave (?:the house )?without (?:a|my) (?:kiss|hug|coffee|snack|cuddle)|would it (?:actually |really |honestly )?(?:kill|hurt) (?:you|u) to|i'?ve hit my head|i hit my head|threw (?:a|me a) (?:party|surprise)|twist(?:s|ed|ing)? my words|(?:something|it|that|what|this|words?|comments?) (?:\w+ )?hurts? me|would it (?:kill|hurt) you to|kill for (?:a|some)|(?:^|(?<=[.!?,]\s))(?:just |oh |ugh,? )?kill me now(?=[,.!?]|$)|i could (?:murder|kill|strangle) (?:you|u|him|her) for\b|(?:i swear )?i'?(?:ll| will|'m going to|'m gonna) (?:murder|kill|throttle|strangle) (?:you|u|him|her) if (?:you|u|he|she) (?:leave|leaves|forget|forgets|use|uses|put|puts|eat|eats|drink|drinks) (?:\w+ ){0,3}(?:gym bag|bag|socks|dishes|towels?|shoes|charger|mug|cups?|plates?|bins?|milk|laundry|clothes|jumper|crumbs|toilet seat|lid|remote|cereal|chocolate|biscuits)\b|(?:a|one|1|a single|one little|a quick|one quick) (?:\w+ )?(?:would|'d) (?:actually |really |honestly )?(?:kill|hurt) (?:you|u)|murder (?:a|some) (?:pizza|burger|coffee|drink))\b"
)


@dataclass(frozen=True)
class SafetyResult:
    """Outcome of the screen: whether to stop, and which kinds of danger were named."""

    flagged: bool
    categories: tuple[str, ...] = ()


def check(text: object) -> SafetyResult:
    """Screen one message. Pure and fast, so it can run at every step."""
    cleaned = clean(text, limit=20000).text.lower()
    if not cleaned:
        return SafetyResult(False)
    scrubbed = _SAFE_IDIOMS.sub(" ", cleaned)
    cats: list[str] = []
    for cat, pattern in _COMPILED:
        if cat not in cats and pattern.search(scrubbed):
            cats.append(cat)
    return SafetyResult(bool(cats), tuple(cats))


def is_crisis(text: object) -> bool:
    """True when the message names danger and must get the safety reply."""
    return check(text).flagged


@lru_cache(maxsize=1)
def resources() -> dict:
    """Crisis resources from content/crisis.yml."""
    with open(CONTENT / "crisis.yml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def safety_reply(categories: tuple[str, ...] = (), certain: bool = True) -> str:
    """Plain words and crisis lines. Never a reframe.

    `certain` is False when only the classifier heard danger: the same resources, with a line that says why they are
    shown and lets a person who was misheard carry on.
    """
    res = resources()
    lines = [res["message"] if certain else res["message_unsure"]]
    if "self_harm" in categories:
        lines.append("If you are thinking about ending your life or hurting yourself, please reach out now.")
    elif categories:
        lines.append("Nobody should be hurt, threatened, forced or controlled by a partner.")
    lines.append(res["emergency"])
    lines.extend(f"• {r['name']}: {r['contact']}" for r in res["resources"])
    lines.append(res["closing"] if certain else res["unsure_closing"])
    return "\n".join(lines)
