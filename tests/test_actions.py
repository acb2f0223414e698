"""Action classes, driven the way the action server drives them: a Tracker in, messages and events out."""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import (
    STOPPED,
    ActionAnalyseBlame,
    ActionAskBehaviour,
    ActionAskFeeling,
    ActionExplainStrategy,
    ActionGiveReframe,
    ActionHandleOther,
    ActionIStatement,
    ActionSafety,
    ValidateReframeForm,
)

DOMAIN: dict = {}


def tracker(
    text: str = "", intent: str = "blame", slots: dict | None = None, entities: list | None = None, active_loop: str | None = None
) -> Tracker:
    return Tracker(
        sender_id="test-user",
        slots=slots or {},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def run(action, t: Tracker):
    d = CollectingDispatcher()
    events = action.run(d, t, DOMAIN)
    return d.messages, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def texts(messages) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def test_a_complete_blame_is_reframed_at_once_without_the_form():
    d = CollectingDispatcher()
    events = ActionAnalyseBlame().run(d, tracker("You make me so angry when you ignore my texts."), DOMAIN)
    out = texts(d.messages)
    assert 'Try saying:\n"When you ignore my texts, I feel angry."' in out
    assert "Don't take a powerless approach" in out
    assert any(b["payload"] == "/practice_start" for m in d.messages for b in m.get("buttons", []))
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["behaviour"] is None and slots["feeling"] is None  # ready for the next blame
    assert slots["strategy"] == "not_powerless" and slots["blame_text"]
    assert events[-1] == {"event": "followup", "name": "action_listen", "timestamp": None}


def test_a_complete_blame_that_hides_a_crisis_gets_no_reframe():
    d = CollectingDispatcher()
    ActionAnalyseBlame().run(d, tracker("You make me so angry when you ignore my texts and I want to die"), DOMAIN)
    assert "When you" not in texts(d.messages) and "988" in texts(d.messages)


def test_analyse_third_person_says_who_to_talk_to():
    msgs, slots = run(ActionAnalyseBlame(), tracker("My husband never listens"))
    assert slots["behaviour"] == "you don't listen"
    assert slots["feeling"] is None
    assert "your husband" in texts(msgs)


def test_analyse_refuses_to_reframe_a_crisis_even_if_nlu_said_blame():
    msgs, slots = run(ActionAnalyseBlame(), tracker("You make me want to kill myself"))
    assert slots["behaviour"] == STOPPED and slots["feeling"] == STOPPED
    assert "988" in texts(msgs)
    assert "When you" not in texts(msgs)


def test_ask_feeling_shows_sentence_so_far_and_three_or_four_buttons():
    d = CollectingDispatcher()
    ActionAskFeeling().run(
        d, tracker(slots={"behaviour": "you don't listen to me", "suggestions": ["hurt", "lonely", "frustrated", "sad"]}), DOMAIN
    )
    assert "When you don't listen to me, I feel …" in d.messages[0]["text"]
    buttons = d.messages[0]["buttons"]
    assert 3 <= len(buttons) <= 4
    assert buttons[0]["payload"] == '/inform{"feeling": "hurt"}'


def test_ask_behaviour_for_a_label_explains_why():
    d = CollectingDispatcher()
    ActionAskBehaviour().run(d, tracker(slots={"blame_forms": ["label"]}), DOMAIN)
    assert "verdict" in d.messages[0]["text"]


def _validate(slot: str, value: str, slots: dict | None = None, intent: str = "inform"):
    d = CollectingDispatcher()
    base = {"requested_slot": slot}
    base.update(slots or {})
    v = ValidateReframeForm()
    out = getattr(v, f"validate_{slot}")(value, d, tracker(value, intent, base, active_loop="reframe_form"), DOMAIN)
    return d.messages, out


ASKED_ABOUT_LISTENING = {"behaviour": "you don't listen to me", "blame_text": "You never listen to me!", "strategy": "no_case"}


def test_a_new_complaint_instead_of_a_feeling_replaces_the_old_one():
    """Asked how "you don't listen" felt, the person brings up something else: that is the one to reframe now."""
    msgs, out = _validate("feeling", "my husband leaves his wet towels on the bed", ASKED_ABOUT_LISTENING, intent="blame")
    assert out["behaviour"] == "you leave your wet towels on the bed"
    assert out["blame_text"] == "my husband leaves his wet towels on the bed" and out["feeling"] is None
    assert "third_person" in out["blame_forms"] and out["retries"] == 0
    assert "your husband" in texts(msgs)  # the same note a first message in the third person gets


def test_a_new_complaint_with_its_feeling_fills_both_so_the_reframe_comes_next():
    _, out = _validate("feeling", "you make me so anxious when you drive fast", ASKED_ABOUT_LISTENING, intent="blame")
    assert (out["behaviour"], out["feeling"]) == ("you drive fast", "anxious")


def test_a_new_label_instead_of_a_feeling_asks_what_they_did():
    _, out = _validate("feeling", "you're so selfish", ASKED_ABOUT_LISTENING, intent="blame")
    assert out["behaviour"] is None and "label" in out["blame_forms"]


def test_a_thought_about_them_given_as_the_feeling_is_still_an_answer_not_a_new_complaint():
    msgs, out = _validate("feeling", "I feel like you don't care", ASKED_ABOUT_LISTENING, intent="blame")
    assert "behaviour" not in out and out["feeling"] is None
    assert "thought about them" in texts(msgs)


def test_behaviour_answer_is_turned_into_second_person():
    _, out = _validate("behaviour", "he ate the last slice without asking")
    assert out["behaviour"] == "you ate the last slice without asking"
    assert out["past"] is True


def test_nonsense_behaviour_is_asked_again_then_dropped_kindly():
    _, out = _validate("behaviour", "idk")
    assert out["behaviour"] is None and out["retries"] == 1
    msgs, out = _validate("behaviour", "idk", {"retries": 2})
    assert out["behaviour"] == STOPPED
    assert "leave this one" in texts(msgs)


def test_pseudo_feeling_answer_gets_a_gentle_note_and_new_options():
    msgs, out = _validate("feeling", "ignored")
    assert out["feeling"] is None
    assert out["suggestions"] == ["hurt", "lonely", "left out"]
    assert "describes what they did" in texts(msgs)


def test_real_feeling_answer_is_accepted():
    _, out = _validate("feeling", "I felt really lonely")
    assert out["feeling"] == "lonely"


def test_crisis_inside_the_form_stops_it():
    msgs, out = _validate("feeling", "I want to end my life")
    assert out == {"behaviour": STOPPED, "feeling": STOPPED}
    assert "988" in texts(msgs)


def test_give_reframe_sends_sentence_why_and_strategy_button():
    msgs, slots = run(
        ActionGiveReframe(),
        tracker(
            "hurt",
            "inform",
            {
                "behaviour": "you don't listen to me",
                "feeling": "hurt",
                "past": False,
                "strategy": "dont_build_a_case",
                "blame_text": "You never listen to me!",
            },
        ),
    )
    assert '"When you don\'t listen to me, I feel hurt."' in texts(msgs)
    assert "Why it helps:" in texts(msgs)
    assert "Don't build a case" in texts(msgs)
    assert msgs[1]["buttons"][0]["payload"] == '/more_info{"strategy": "dont_build_a_case"}'
    assert slots["behaviour"] is None and slots["feeling"] is None  # ready for the next one


def test_give_reframe_checks_safety_again():
    msgs, _ = run(
        ActionGiveReframe(), tracker("scared", "inform", {"behaviour": "you hit me", "feeling": "scared", "blame_text": "you hit me"})
    )
    assert "When you" not in texts(msgs)
    assert "1-800-799-7233" in texts(msgs)


def test_give_reframe_does_nothing_after_a_stop():
    msgs, _ = run(ActionGiveReframe(), tracker("", "inform", {"behaviour": STOPPED, "feeling": STOPPED}))
    assert msgs == []


@pytest.mark.parametrize(
    "question, name",
    [
        ("why do I pull away when someone gets close?", "Pushing away closeness"),
        ("what is building a case?", "Don't build a case"),
        ("when should we talk about it?", "Talk in non-heated moments"),
        ("we feel like roommates lately", "Drifting into roommates"),
        ("how do I stop walking on eggshells?", "Walking on eggshells"),
    ],
)
def test_explain_strategy_in_plain_words(question, name):
    msgs, slots = run(ActionExplainStrategy(), tracker(question, "ask_strategy"))
    assert texts(msgs).startswith(name)
    assert "One thing to try:" in texts(msgs)


def test_tell_me_more_button_uses_the_entity():
    msgs, slots = run(
        ActionExplainStrategy(),
        tracker('/more_info{"strategy": "vulnerability"}', "more_info", entities=[{"entity": "strategy", "value": "vulnerability"}]),
    )
    assert texts(msgs).startswith("Vulnerability")
    assert slots["strategy"] == "vulnerability"


def test_unknown_strategy_offers_a_menu():
    msgs, _ = run(ActionExplainStrategy(), tracker("what about the zebra method?", "ask_strategy"))
    assert msgs[0]["buttons"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I feel hurt when plans change last minute", "clear way to say it"),
        ("I feel ignored when you're on your phone", "describes what they did"),
        ("I feel that you don't care", "thought about them"),
    ],
)
def test_i_statements_are_acknowledged_not_corrected(text, expected):
    msgs, _ = run(ActionIStatement(), tracker(text, "i_statement"))
    assert expected in texts(msgs)
    assert "When you" not in texts(msgs).split("\n")[0][:10]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "empty"),
        ("   ", "empty"),
        ("Nunca me escuchas y siempre llegas tarde", "English"),
        ("what's the weather in Paris", "not sure I can help"),
        ("<script>alert(1)</script>", "empty"),
        ("x" * 10000, "not sure I can help"),
    ],
)
def test_other_messages_get_a_clear_kind_answer(text, expected):
    msgs, _ = run(ActionHandleOther(), tracker(text, "out_of_scope"))
    assert expected in texts(msgs)
    assert "<script>" not in texts(msgs)


def test_safety_action_names_crisis_lines_and_no_reframe():
    msgs, _ = run(ActionSafety(), tracker("he hit me again last night", "safety"))
    out = texts(msgs)
    assert "988" in out and "1-800-799-7233" in out and "findahelpline.com" in out
    assert "not a communication problem" in out
    assert "When you" not in out


def test_safety_heard_only_by_the_model_still_gets_every_resource_and_a_way_to_correct_it():
    # No rule names danger here (DIET's call): the reply must still hold the crisis lines and no reframe, say why it is
    # shown, and invite a misheard person to go on; a rule-named crisis gets the plain reply without that hedge.
    text = "things at home have got really frightening lately"
    msgs, _ = run(ActionSafety(), tracker(text, "safety"))
    out = texts(msgs)
    assert "988" in out and "1-800-799-7233" in out and "findahelpline.com" in out
    assert "When you" not in out
    assert "misread" in out and "may be about your safety" in out
    sure, _ = run(ActionSafety(), tracker("he hit me again last night", "safety"))
    assert "misread" not in texts(sure)


def test_slotset_events_are_real_events():
    d = CollectingDispatcher()
    events = ActionAnalyseBlame().run(d, tracker("You never listen"), DOMAIN)
    assert all(isinstance(e, dict) and e["event"] == "slot" for e in events)
    assert SlotSet("blame_text", "You never listen") in events


def test_give_reframe_keeps_the_blames_strategy_after_a_digression():
    # "You made me wait an hour" -> causal; a strategy question asked mid-reframe moved the slot.
    msgs, slots = run(
        ActionGiveReframe(),
        tracker(
            "hurt",
            "inform",
            {
                "behaviour": "I had to wait an hour",
                "feeling": "hurt",
                "past": True,
                "strategy": "pursue_withdraw",
                "blame_forms": ["causal"],
                "blame_text": "You made me wait an hour",
            },
        ),
    )
    assert "Don't take a powerless approach" in texts(msgs)
    assert slots["strategy"] == "not_powerless"


def test_a_feeling_given_with_the_same_complaint_is_an_answer():
    _, out = _validate("feeling", "angry, because you never listen to me", ASKED_ABOUT_LISTENING, intent="blame")
    assert out == {"feeling": "angry", "retries": 0}


@pytest.mark.parametrize("answer", ["idk", "dunno", "whatever", "nope"])
def test_not_knowing_is_not_put_in_the_sentence_as_the_feeling(answer):
    """'When you leave your socks on the floor, I feel idk.' was once the reply; not knowing gets the question again."""
    _, out = _validate("feeling", answer, {"behaviour": "you leave your socks on the floor"})
    assert out["feeling"] is None and out["retries"] == 1


def test_an_unlisted_feeling_word_is_still_taken():
    _, out = _validate("feeling", "gutted", {"behaviour": "you cancelled our trip"})
    assert out["feeling"] == "gutted"


def test_a_feeling_on_its_own_outside_a_reframe_asks_what_happened_once():
    d = CollectingDispatcher()
    events = ActionHandleOther().run(d, tracker("annoyed", "inform"), DOMAIN)
    assert len(d.messages) == 1 and "Feeling annoyed" in d.messages[0]["text"] and "What happened" in d.messages[0]["text"]
    assert events == [{"event": "followup", "name": "action_listen", "timestamp": None}]  # one answer, then listen


def test_an_emoji_with_the_behaviour_answer_is_taken_as_the_feeling():
    _, out = _validate("behaviour", "he ate my lunch 😡", {"blame_forms": ["label"]})
    assert out["behaviour"] == "you ate my lunch" and out["feeling"] == "angry"


def test_a_known_feeling_the_classifier_missed_still_gets_the_feeling_answer():
    d = CollectingDispatcher()
    ActionHandleOther().run(d, tracker("mad", "out_of_scope"), DOMAIN)
    assert "Feeling mad" in d.messages[0]["text"]
    d = CollectingDispatcher()
    ActionHandleOther().run(d, tracker("what's the weather", "out_of_scope"), DOMAIN)
    assert "not sure I can help" in d.messages[0]["text"]


def test_an_i_statement_that_already_asks_is_not_told_to_add_an_ask():
    msgs, _ = run(ActionIStatement(), tracker("When the phone comes out at dinner I feel lonely. Could we keep phones in the hall?", "i_statement"))
    assert "asks for something" in texts(msgs) and "add what would help" not in texts(msgs)
    msgs, _ = run(ActionIStatement(), tracker("I felt lonely at the party last night", "i_statement"))
    assert "add what would help" in texts(msgs)
