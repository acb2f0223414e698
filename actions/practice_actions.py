"""Rasa SDK actions for practice mode. Thin: the rules live in actions/practice.py.

Slots (all in the tracker store, so progress survives a restart):
  practice_drill   id of the drill on screen
  practice_attempt tries at this drill (rotates the model answer)
  practice_level   1-3, moves with the scores
  practice_log     [{drill, score, weak}] one entry per scored try
  practice_active  True from "let's practise" until "stop"
  practice_answer  the try being scored (filled by practice_form)
  practice_hint    True right after a hint, so the form does not repeat the drill
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import practice, safety
from actions.actions import STOPPED, _button, _latest_text, _send_safety

MAX_LOG = 500
"""Entries kept per person; older ones drop off (averages then cover the last 500 tries)."""


def _level(tracker: Tracker) -> int:
    try:
        return min(3, max(1, int(float(tracker.get_slot("practice_level") or 1))))
    except (TypeError, ValueError):
        return 1


def _log(tracker: Tracker) -> List[Dict[str, Any]]:
    log = tracker.get_slot("practice_log") or []
    return [e for e in log if isinstance(e, dict)]


def _drill(tracker: Tracker) -> practice.Drill | None:
    return practice.drill_by_id(tracker.get_slot("practice_drill"))


def _new_drill(tracker: Tracker, avoid: str | None = None) -> practice.Drill:
    done = [e.get("drill") for e in _log(tracker)]
    return practice.next_drill(_level(tracker), done, avoid=avoid)


def _choose(drill: practice.Drill) -> List[EventType]:
    return [SlotSet("practice_drill", drill.id), SlotSet("practice_attempt", 0), SlotSet("practice_answer", None)]


class ActionPracticeStart(Action):
    """'Let's practise': explain once, then pick a drill at the person's level."""

    def name(self) -> str:
        return "action_practice_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        if not _log(tracker):
            dispatcher.utter_message(
                text="Let's practise. I'll show you a line a partner might say or think; you say the same thing as "
                '"When you …, I feel …". I score it out of 100 and show you what works and what to change.'
            )
        current = _drill(tracker)
        drill = current if current and tracker.get_slot("practice_active") and not tracker.get_slot("practice_answer") else None
        return [*_choose(drill or _new_drill(tracker)), SlotSet("practice_active", True)]


class ActionAskPracticeAnswer(Action):
    """Show the drill (the form's question), unless a hint was just given for it."""

    def name(self) -> str:
        return "action_ask_practice_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        if tracker.get_slot("practice_hint"):
            return [SlotSet("practice_hint", False)]
        drill = _drill(tracker) or _new_drill(tracker)
        dispatcher.utter_message(
            text=f"Drill (level {drill.level}). {drill.setting}:\n\u201c{drill.line}\u201d\n"
            'How could you say that as "When you …, I feel …"?',
            buttons=[_button("Skip this one", "practice_next"), _button("Stop practising", "stop")],
        )
        return [SlotSet("practice_drill", drill.id)]


class ValidatePracticeForm(FormValidationAction):
    """Let real tries through to scoring; answer non-answers with a hint and crises with the safety reply."""

    def name(self) -> str:
        return "validate_practice_form"

    def validate_practice_answer(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> Dict[str, Any]:
        if slot_value is None:
            # rasa-sdk also validates slots our own actions just cleared (start/next/retry): nothing was said yet.
            return {"practice_answer": None}
        text = str(slot_value)
        if safety.is_crisis(text):
            _send_safety(dispatcher, text)
            return {"practice_answer": STOPPED}
        hint = practice.hint_for(text, _drill(tracker))
        if hint:
            dispatcher.utter_message(text=hint)
            return {"practice_answer": None, "practice_hint": True}
        return {"practice_answer": text, "practice_hint": False}


class ActionPracticeFeedback(Action):
    """Score the try, show the parts, one thing done well, one change, a model answer; update progress."""

    def name(self) -> str:
        return "action_practice_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        answer = tracker.get_slot("practice_answer")
        if not answer or answer == STOPPED:
            return [SlotSet("practice_answer", None)]
        if safety.is_crisis(answer) or safety.is_crisis(_latest_text(tracker)):  # never score a crisis
            _send_safety(dispatcher, str(answer))
            return [SlotSet("practice_answer", None)]
        drill = _drill(tracker)
        attempt = int(float(tracker.get_slot("practice_attempt") or 0))
        result = practice.score(answer, drill, attempt)
        dispatcher.utter_message(
            text=practice.feedback(result),
            buttons=[
                _button("Try again", "practice_retry"),
                _button("Next drill", "practice_next"),
                _button("How am I doing?", "practice_progress"),
                _button("Stop", "stop"),
            ],
        )
        log = [*_log(tracker), practice.log_entry(drill, result)][-MAX_LOG:]
        return [
            SlotSet("practice_log", log),
            SlotSet("practice_level", float(practice.adjust_level(_level(tracker), result.total))),
            SlotSet("practice_attempt", float(attempt + 1)),
            SlotSet("practice_answer", None),
        ]


class ActionPracticeNext(Action):
    """A new drill at the (possibly adjusted) level."""

    def name(self) -> str:
        return "action_practice_next"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        current = tracker.get_slot("practice_drill")
        return [*_choose(_new_drill(tracker, avoid=current)), SlotSet("practice_active", True), SlotSet("practice_hint", False)]


class ActionPracticeRetry(Action):
    """The same drill again (the model answer shown next time rotates)."""

    def name(self) -> str:
        return "action_practice_retry"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        if not _drill(tracker):
            return [*_choose(_new_drill(tracker)), SlotSet("practice_active", True)]
        return [SlotSet("practice_answer", None), SlotSet("practice_active", True), SlotSet("practice_hint", False)]


class ActionPracticeProgress(Action):
    """Drills done, average, best, streak, and the skill that needs work."""

    def name(self) -> str:
        return "action_practice_progress"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        dispatcher.utter_message(text=practice.progress(_log(tracker)).text())
        return []


class ActionStop(Action):
    """'Stop': after practice, show progress and end it; otherwise just stop kindly."""

    def name(self) -> str:
        return "action_stop"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        if tracker.get_slot("practice_active") or tracker.active_loop_name == "practice_form":
            summary = practice.progress(_log(tracker)).text()
            dispatcher.utter_message(text=f"Practice finished; your progress is saved.\n{summary}")
            return [SlotSet("practice_active", False), SlotSet("practice_answer", None), SlotSet("practice_hint", False)]
        dispatcher.utter_message(response="utter_stopped")
        return []
