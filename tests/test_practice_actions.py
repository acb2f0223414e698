"""Practice actions through rasa-sdk's Tracker and CollectingDispatcher: what the person sees, what is kept."""

from rasa_sdk.executor import CollectingDispatcher

from actions import practice
from actions.actions import STOPPED
from actions.practice_actions import (
    ActionAskPracticeAnswer,
    ActionPracticeFeedback,
    ActionPracticeNext,
    ActionPracticeProgress,
    ActionPracticeRetry,
    ActionPracticeStart,
    ActionStop,
    ValidatePracticeForm,
)
from tests.test_actions import DOMAIN, run, texts, tracker

FIRST = practice.next_drill(1, [])


def validate(text: str, slots: dict | None = None):
    d = CollectingDispatcher()
    t = tracker(
        text, "i_statement", {"practice_drill": FIRST.id, "requested_slot": "practice_answer", **(slots or {})}, active_loop="practice_form"
    )
    out = ValidatePracticeForm().validate_practice_answer(text, d, t, DOMAIN)
    return d.messages, out


def test_start_explains_once_and_picks_a_drill_at_the_level():
    msgs, slots = run(ActionPracticeStart(), tracker("let's practise", "practice_start"))
    assert "When you" in texts(msgs)
    assert practice.drill_by_id(slots["practice_drill"]).level == 1
    assert slots["practice_active"] is True
    msgs, _ = run(ActionPracticeStart(), tracker("let's practise", "practice_start", {"practice_log": [{"drill": "x", "score": 50}]}))
    assert msgs == []  # no second lecture


def test_the_drill_is_shown_with_its_setting_and_skip_and_stop_buttons():
    msgs, slots = run(ActionAskPracticeAnswer(), tracker("", "practice_start", {"practice_drill": FIRST.id}))
    assert FIRST.line in texts(msgs) and FIRST.setting in texts(msgs)
    assert {b["payload"] for b in msgs[0]["buttons"]} == {"/practice_next", "/stop"}


def test_after_a_hint_the_drill_is_not_repeated():
    msgs, slots = run(ActionAskPracticeAnswer(), tracker("", "i_statement", {"practice_drill": FIRST.id, "practice_hint": True}))
    assert msgs == [] and slots["practice_hint"] is False


def test_a_real_try_passes_validation():
    msgs, out = validate("When you leave your plate in the sink, I feel tired. Could you rinse it?")
    assert msgs == [] and out["practice_answer"].startswith("When you")


def test_non_answers_get_a_hint_and_no_score():
    for answer in ["idk", "", "x" * 5000, FIRST.line]:
        msgs, out = validate(answer)
        assert out["practice_answer"] is None and out["practice_hint"] is True
        assert "/100" not in texts(msgs) and texts(msgs)


def test_a_crisis_in_practice_gets_the_safety_reply_never_a_score():
    msgs, out = validate("he hit me again last night when I said that")
    assert out["practice_answer"] == STOPPED
    assert "988" in texts(msgs) or "1-800-799-7233" in texts(msgs)
    msgs, slots = run(ActionPracticeFeedback(), tracker("x", "i_statement", {"practice_answer": STOPPED, "practice_drill": FIRST.id}))
    assert msgs == [] and "/100" not in texts(msgs)


def test_feedback_scores_and_records_progress():
    answer = "When you leave your plate in the sink overnight, I feel tired. Could you rinse it before bed?"
    slots_in = {"practice_answer": answer, "practice_drill": FIRST.id, "practice_level": 1.0, "practice_attempt": 0.0, "practice_log": []}
    msgs, slots = run(ActionPracticeFeedback(), tracker(answer, "i_statement", slots_in))
    out = texts(msgs)
    assert "/100" in out and "One way to say it" in out
    assert {b["title"] for b in msgs[0]["buttons"]} >= {"Try again", "Next drill", "How am I doing?", "Stop"}
    (entry,) = slots["practice_log"]
    assert entry["drill"] == FIRST.id and 0 <= entry["score"] <= 100
    assert slots["practice_attempt"] == 1.0 and slots["practice_answer"] is None
    assert slots["practice_level"] == (2.0 if entry["score"] >= 80 else 1.0)


def test_next_gives_a_different_drill_and_retry_keeps_it():
    _, slots = run(ActionPracticeNext(), tracker("next", "practice_next", {"practice_drill": FIRST.id}))
    assert slots["practice_drill"] != FIRST.id
    _, slots = run(ActionPracticeRetry(), tracker("try again", "practice_retry", {"practice_drill": FIRST.id}))
    assert "practice_drill" not in slots and slots["practice_answer"] is None


def test_progress_and_stop_show_the_summary():
    log = [{"drill": "a", "score": 55, "weak": "feeling"}, {"drill": "b", "score": 88, "weak": None}]
    msgs, _ = run(ActionPracticeProgress(), tracker("how am I doing?", "practice_progress", {"practice_log": log}))
    assert "Drills done: 2" in texts(msgs) and "Best: 88/100" in texts(msgs)
    msgs, slots = run(ActionStop(), tracker("stop", "stop", {"practice_log": log, "practice_active": True}))
    assert "Drills done: 2" in texts(msgs) and slots["practice_active"] is False


def test_stop_outside_practice_just_stops():
    msgs, _ = run(ActionStop(), tracker("stop", "stop", {}))
    assert msgs[0].get("response") == "utter_stopped"


def test_a_slot_cleared_by_our_own_action_is_not_taken_for_an_empty_answer():
    msgs, out = validate(None)
    assert msgs == [] and out == {"practice_answer": None}
