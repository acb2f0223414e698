"""The InputGuard NLU component: deterministic overrides after the classifier."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from reframe_nlu.guard import GUARD_KEY, InputGuard


def guarded(text: str, intent: str) -> Message:
    m = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}, "intent_ranking": [{"name": intent, "confidence": 0.9}]})
    InputGuard(InputGuard.get_default_config()).process([m])
    return m


@pytest.mark.parametrize(
    "text, intent", [("You make me want to kill myself", "blame"), ("he hit me again", "greet"), ("I took too many pills", "self_talk")]
)
def test_crisis_always_becomes_safety(text, intent):
    m = guarded(text, intent)
    assert m.get("intent")["name"] == "safety"
    assert m.get(GUARD_KEY)["model_intent"] == intent


@pytest.mark.parametrize("text", ["", "   ", "🙂", "<br>"])
def test_empty_goes_to_out_of_scope(text):
    assert guarded(text, "greet").get("intent")["name"] == "out_of_scope"


def test_other_language_goes_to_out_of_scope():
    assert guarded("Nunca me escuchas y siempre llegas tarde", "blame").get("intent")["name"] == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "you're so selfish",
        "grow up",
        "it's your fault we missed the ferry",
        "I feel that you never call",
        "You always forget to take the bins out",  # DIET said praise at 1.0 (found by the browser test)
    ],
)
def test_strong_blame_overrules_a_soft_intent(text):
    m = guarded(text, "praise")
    assert m.get("intent")["name"] == "blame"
    assert m.get(GUARD_KEY)["reason"].startswith("blame_rules")


@pytest.mark.parametrize(
    "text", ["you always make me laugh", "you never judge me", "you never forget our anniversary", "you're so thoughtful", "because of you I feel confident"]
)
def test_warm_words_keep_praise(text):
    assert guarded(text, "praise").get("intent")["name"] == "praise"


def test_questions_about_strategies_are_not_overruled():
    assert guarded("why do you always pull away?", "ask_strategy").get("intent")["name"] == "ask_strategy"


def test_button_payloads_pass_untouched():
    assert guarded('/inform{"feeling": "hurt"}', "inform").get("intent")["name"] == "inform"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("my wife brings home a new gadget every week without telling me", "self_talk"),
        ("it drives me mad when you invite people over without checking with me", "ask_strategy"),
        ("you made fun of my weight at the barbecue", "praise"),
        ("nice of you to finally show up", "praise"),
        ("thanks for leaving your socks all over the living room, really lovely", "praise"),
    ],
)
def test_blame_aimed_at_the_partner_overrules_a_near_intent(text, intent):
    assert guarded(text, intent).get("intent")["name"] == "blame"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("i always mess everything up, no wonder he gets annoyed", "self_talk"),
        ("why does my partner shut down when I bring things up?", "ask_strategy"),
        ('how do i turn "you never help" into an i statement?', "ask_strategy"),
        ("I feel abandoned when you leave without saying goodbye", "i_statement"),
        ("she spoils me rotten every birthday", "praise"),
        ("you never hold a grudge", "praise"),
    ],
)
def test_self_talk_questions_and_i_statements_keep_their_intent(text, intent):
    assert guarded(text, intent).get("intent")["name"] == intent


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I feel nervous when you drive fast on the motorway", "i_statement"),
        ("When you raise your voice, I feel tense and I shut down", "i_statement"),
        ("I feel criticised when you redo the dishes after I've washed them", "i_statement"),
        ("I'm too needy, no wonder he's fed up", "self_talk"),
        ("why do I always overreact?", "ask_strategy"),
    ],
)
def test_owned_feelings_and_self_talk_are_not_blame_even_when_the_classifier_says_so(text, expected):
    m = guarded(text, "blame")
    assert m.get("intent")["name"] == expected
    assert m.get(GUARD_KEY)["model_intent"] == "blame"


@pytest.mark.parametrize(
    "text",
    [
        "I feel like you never listen when I talk",
        "I'm so angry, you forgot my birthday",
        "why am I always the one who cooks?",
        "I feel ignored when you always check your phone",
        "you make me so nervous when you drive fast",
    ],
)
def test_blame_in_i_statement_clothing_stays_blame(text):
    assert guarded(text, "blame").get("intent")["name"] == "blame"


@pytest.mark.parametrize("text", ["Tell me more: Identify patterns", "explain building a case", "what is pursue and withdraw?"])
def test_a_request_for_an_idea_is_not_blame(text):
    assert guarded(text, "blame").get("intent")["name"] == "ask_strategy"


@pytest.mark.parametrize("text", ["what is wrong with you", "tell me more lies, go on", "explain why you left me at the party"])
def test_blame_that_starts_like_a_question_stays_blame(text):
    assert guarded(text, "blame").get("intent")["name"] == "blame"


@pytest.mark.parametrize("text", ["skip", "Skip this one.", "pass"])
def test_skip_is_the_next_drill_not_stop(text):
    assert guarded(text, "stop").get("intent")["name"] == "practice_next"


def test_stop_still_stops():
    assert guarded("stop", "stop").get("intent")["name"] == "stop"


@pytest.mark.parametrize("text", ["you don't love me", "he doesn't care about me at all"])
def test_a_negated_warm_verb_is_a_verdict_not_praise(text):
    assert guarded(text, "praise").get("intent")["name"] == "blame"


def test_why_do_you_to_me_is_asked_of_the_partner_not_about_an_idea():
    assert guarded("Why do you keep bringing up my ex every time we argue?", "ask_strategy").get("intent")["name"] == "blame"
    assert guarded("why do you pull away when someone gets close?", "ask_strategy").get("intent")["name"] == "ask_strategy"


@pytest.mark.parametrize("text", ["I feel like I'm not good enough for him.", "I'm hopeless with money"])
def test_doubting_oneself_is_self_talk(text):
    assert guarded(text, "blame").get("intent")["name"] == "self_talk"


@pytest.mark.parametrize("text", ["we just feel like roommates lately", "it feels like we're flatmates now"])
def test_a_shared_pattern_named_gets_the_explanation_not_a_reframe(text):
    assert guarded(text, "blame").get("intent")["name"] == "ask_strategy"


def test_a_pattern_word_in_blame_stays_blame():
    assert guarded("you treat me like a roommate", "blame").get("intent")["name"] == "blame"


@pytest.mark.parametrize("text", ["I'm so proud of you for going to your first meeting.", "thank u for staying up with me when i couldnt sleep"])
def test_plain_thanks_is_praise_whatever_the_model_says(text):
    assert guarded(text, "blame").get("intent")["name"] == "praise"


@pytest.mark.parametrize(
    "text",
    ["thanks for volunteering me to host christmas, really appreciate it", "Thanks to you, the kids missed their swimming lesson.", "thanks for leaving me the washing up again 👍"],
)
def test_sarcastic_thanks_stays_blame(text):
    assert guarded(text, "blame").get("intent")["name"] == "blame"


@pytest.mark.parametrize("text", ["no I'm safe, it's just annoying", "you misread me, it's just about the school run", "he's not dangerous, just forgetful"])
def test_a_correction_of_the_crisis_reply_is_a_no(text):
    assert guarded(text, "self_talk").get("intent")["name"] == "deny"


def test_a_correction_never_hides_a_crisis_in_the_same_message():
    assert guarded("I'm safe at home now but he hit me last night", "deny").get("intent")["name"] == "safety"


def test_you_make_me_feel_an_accusing_word_is_blame_and_a_warm_one_is_praise():
    assert guarded("you make me feel so unloved", "praise").get("intent")["name"] == "blame"
    assert guarded("you always make me feel heard", "praise").get("intent")["name"] == "praise"


def test_the_classifier_reads_the_first_part_of_a_long_message_and_the_guard_keeps_all_of_it():
    """A long rant drifted to 'safety' with length alone; DIET now reads its start, and nothing typed is lost."""
    from reframe_nlu.trim import CLASSIFY_CHARS, FULL_TEXT_KEY, ClassifyFirstPart

    long = "You never listen to me when I talk about my day. " + "And I keep telling you about work and the kids. " * 200
    m = Message(data={"text": long})
    ClassifyFirstPart(ClassifyFirstPart.get_default_config()).process([m])
    seen = m.get("text")
    assert len(seen) <= CLASSIFY_CHARS and seen.endswith(".") and long.startswith(seen)
    m.set("intent", {"name": "blame", "confidence": 0.9})
    InputGuard(InputGuard.get_default_config()).process([m])
    assert m.get("text") == long and m.get(FULL_TEXT_KEY) == long


def test_danger_at_the_end_of_a_long_message_is_still_screened():
    from reframe_nlu.trim import ClassifyFirstPart

    long = "We argue about the dishes every night. " * 40 + "Last night he hit me and I'm scared to go home."
    m = Message(data={"text": long})
    ClassifyFirstPart(ClassifyFirstPart.get_default_config()).process([m])
    m.set("intent", {"name": "blame", "confidence": 0.9})
    InputGuard(InputGuard.get_default_config()).process([m])
    assert m.get("intent")["name"] == "safety"


def test_short_messages_and_button_payloads_are_untouched():
    from reframe_nlu.trim import ClassifyFirstPart

    for text in ["you never listen", "/practice_next" + "x" * 900]:
        m = Message(data={"text": text})
        ClassifyFirstPart(ClassifyFirstPart.get_default_config()).process([m])
        assert m.get("text") == text
