"""Rasa SDK actions: read the tracker, call a pure module, dispatch the result.

All language rules live in blame.py, knowledge.py, safety.py and textnorm.py; these classes
only move data between Rasa and those functions, so they stay short and easy to test with
rasa-sdk's Tracker and CollectingDispatcher.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Dict, List

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import blame, knowledge, safety
from actions.textnorm import clean, looks_non_english

logger = logging.getLogger(__name__)

# The action server imports this module once at start: load spaCy here, not on the first user's message.
blame.nlp()

STOPPED = "__stopped__"
"""Slot value that ends the form without a reframe (crisis, or the person gave up)."""
MAX_RETRIES = 2
GIVE_UP_WORDS = {"idk", "i don't know", "dunno", "not sure", "no idea", "skip", "pass", "nothing", "i dont know", "no clue", "idc", "whatever", "nah", "nope"}


# A request or a named need already in an I-statement, so the reply does not suggest adding one.
_ASKS = re.compile(
    r"\b(?:could|can|would|will) (?:you|we|u)\b|\bplease\b|\bi(?:'d| would) (?:love|like|really like|appreciate)\b|\bi need\b|\blet'?s\b|\bhow about\b",
    re.I,
)


def _latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def _button(title: str, payload_intent: str, entities: Dict[str, str] | None = None) -> Dict[str, str]:
    """A button whose payload names its intent, so NLU cannot mishear it."""
    suffix = json.dumps(entities, ensure_ascii=False) if entities else ""
    return {"title": title, "payload": f"/{payload_intent}{suffix}"}


def _strategy_buttons(entry: knowledge.Entry) -> List[Dict[str, str]]:
    return [_button(f"Tell me more: {entry.name}", "more_info", {"strategy": entry.id})]


def _send_safety(dispatcher: CollectingDispatcher, text: str) -> None:
    result = safety.check(text)
    dispatcher.utter_message(text=safety.safety_reply(result.categories, certain=result.flagged))


def _reset() -> List[EventType]:
    return [
        SlotSet("behaviour", None),
        SlotSet("feeling", None),
        SlotSet("retries", 0),
        SlotSet("blame_forms", None),
        SlotSet("suggestions", None),
    ]


class ActionSafety(Action):
    """Crisis reply: plain words, emergency help, crisis lines. Never a reframe."""

    def name(self) -> str:
        return "action_safety"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        _send_safety(dispatcher, _latest_text(tracker))
        return [*_reset(), SlotSet("blame_text", None)]


def _say_what_we_noticed(dispatcher: CollectingDispatcher, a: blame.Analysis) -> None:
    """The notes that come before a reframe: a long message cut, a thought dressed as a feeling, a third person."""
    if a.truncated:
        dispatcher.utter_message(text="That's a long message, so I worked with the first part of it.")
    if a.disguised:
        dispatcher.utter_message(
            text='"I feel like you…" sounds like a feeling but it\'s really a thought about them, '
            "so it tends to land as blame. Let's find the feeling underneath."
        )
    if "third_person" in a.forms:
        who = f"your {a.partner}" if a.partner else "them"
        dispatcher.utter_message(text=f"Let's shape it into something you could say to {who} directly.")
    if a.pseudo and not a.feeling:
        dispatcher.utter_message(text=f'"{a.pseudo.capitalize()}" says what they did more than what happened inside you.')


def _fresh_reframe_slots(a: blame.Analysis) -> Dict[str, Any]:
    """Every slot a new blame sets, so nothing of the previous one leaks into its reframe."""
    entry = knowledge.choose_for_blame(a.forms, a.text, a.topic)
    return {
        "blame_text": a.text,
        "past": a.past,
        "partner": a.partner,
        "topic": a.topic,
        "behaviour": a.behaviour,
        "feeling": a.feeling,
        "blame_forms": a.forms,
        "suggestions": a.suggestions,
        "strategy": entry.id,
        "retries": 0,
    }


class ActionAnalyseBlame(Action):
    """Find behaviour and feeling in a blaming message and fill the reframe form's slots."""

    def name(self) -> str:
        return "action_analyse_blame"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        text = _latest_text(tracker)
        if safety.is_crisis(text):
            _send_safety(dispatcher, text)
            return [SlotSet("behaviour", STOPPED), SlotSet("feeling", STOPPED), SlotSet("blame_text", None)]
        a = blame.analyse(text)
        _say_what_we_noticed(dispatcher, a)
        if a.behaviour and a.feeling:
            # Nothing to ask: reframe now. Going through the form would cost two more action-server calls
            # and two more predictions for the same result (make bench: see the README).
            done = deliver_reframe(
                dispatcher,
                behaviour=a.behaviour,
                feeling=a.feeling,
                past=a.past,
                blame_text=a.text,
                forms=a.forms,
                topic=a.topic,
                partner=a.partner,
                latest=text,
            )
            kept = [SlotSet("blame_text", a.text), SlotSet("past", a.past), SlotSet("partner", a.partner), SlotSet("topic", a.topic)]
            return [*kept, *done, FollowupAction("action_listen")]
        return [SlotSet(slot, value) for slot, value in _fresh_reframe_slots(a).items()]


class ActionAskBehaviour(Action):
    """Ask what the partner actually did, shaped by why we could not find it."""

    def name(self) -> str:
        return "action_ask_behaviour"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        forms = tracker.get_slot("blame_forms") or []
        feeling = tracker.get_slot("feeling")
        retries = int(tracker.get_slot("retries") or 0)
        if retries:
            text = (
                "I couldn't find an action in that. Try describing it the way a camera would have recorded it, "
                'for example "you were on your phone during dinner".'
            )
        elif "label" in forms:
            text = (
                "A label like that is a verdict on who they are, and people defend themselves against verdicts. "
                "What did they actually do? Describe it the way a camera would have seen it, "
                'for example "you ate the last slice without asking".'
            )
        elif "command" in forms or "question" in forms:
            text = "What had they just done when you wanted to say that? Describe the action itself."
        elif feeling:
            text = f"You felt {feeling}. What did they do, just before, that brought that up?"
        else:
            text = "What did they do? Describe the moment the way a camera would have recorded it."
        dispatcher.utter_message(text=text)
        return []


class ActionAskFeeling(Action):
    """Show the sentence so far and offer a few likely feelings as buttons."""

    def name(self) -> str:
        return "action_ask_feeling"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        behaviour = tracker.get_slot("behaviour")
        past = bool(tracker.get_slot("past"))
        suggestions = (tracker.get_slot("suggestions") or blame.load().suggest(None))[:4]
        start = blame.partial_sentence(behaviour, None, past)
        question = "How did you feel?" if past else "How do you feel when that happens?"
        dispatcher.utter_message(
            text=f'Here\'s the start: "{start}"\n{question} Pick one or type your own.',
            buttons=[_button(f, "inform", {"feeling": f}) for f in suggestions],
        )
        return []


class ValidateReframeForm(FormValidationAction):
    """Turn free-text answers into a clean behaviour and a real feeling."""

    def name(self) -> str:
        return "validate_reframe_form"

    @staticmethod
    def _prefilled(tracker: Tracker) -> bool:
        return tracker.get_slot("requested_slot") is None

    def _retry(self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str) -> Dict[str, Any]:
        retries = int(tracker.get_slot("retries") or 0) + 1
        if retries > MAX_RETRIES:
            dispatcher.utter_message(
                text="Let's leave this one for now. When you can picture the moment clearly, tell me again and we'll try once more."
            )
            return {"behaviour": STOPPED, "feeling": STOPPED, "retries": 0}
        return {slot: None, "retries": retries}

    def validate_behaviour(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> Dict[str, Any]:
        if slot_value == STOPPED or self._prefilled(tracker):
            return {"behaviour": slot_value}
        text = str(slot_value or "")
        if safety.is_crisis(text):
            _send_safety(dispatcher, text)
            return {"behaviour": STOPPED, "feeling": STOPPED}
        if clean(text).text.lower().strip(" .!?") in GIVE_UP_WORDS:
            return self._retry(dispatcher, tracker, "behaviour")
        behaviour, past = blame.behaviour_from_answer(text)
        if not behaviour:
            return self._retry(dispatcher, tracker, "behaviour")
        out: Dict[str, Any] = {"behaviour": behaviour, "past": past, "retries": 0}
        if not tracker.get_slot("feeling"):
            feeling, _, _ = (
                blame.feeling_from_answer(text)
                if " felt " in f" {text.lower()} " or " feel " in f" {text.lower()} " or clean(text).emoji  # "he ate my lunch 😡"
                else (None, None, False)
            )
            if feeling:
                out["feeling"] = feeling
        return out

    def validate_feeling(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> Dict[str, Any]:
        if slot_value == STOPPED or self._prefilled(tracker):
            return {"feeling": slot_value}
        text = str(slot_value or "")
        if safety.is_crisis(text):
            _send_safety(dispatcher, text)
            return {"behaviour": STOPPED, "feeling": STOPPED}
        feeling, pseudo, disguised = blame.feeling_from_answer(text)
        if (tracker.latest_message.get("intent") or {}).get("name") == "blame":
            # "You never listen" -> how do you feel? -> "my husband leaves his towels on the bed": a new complaint, not
            # an answer. It replaces the old one, so the person is not asked the same question about something else.
            fresh = blame.analyse(text)
            other_act = bool(fresh.behaviour) and fresh.behaviour != tracker.get_slot("behaviour")
            bare_verdict = not fresh.behaviour and fresh.label is not None and not (feeling or pseudo or disguised)
            if not fresh.disguised and (other_act or bare_verdict):
                _say_what_we_noticed(dispatcher, fresh)
                return _fresh_reframe_slots(fresh)
        if feeling:
            return {"feeling": feeling, "retries": 0}
        if pseudo is not None:
            options = ", ".join(pseudo.underlying[:-1]) + f" or {pseudo.underlying[-1]}"
            dispatcher.utter_message(
                text=f'"{pseudo.word.capitalize()}" describes what they did. Underneath it, was it more like {options}?'
            )
            return {"feeling": None, "suggestions": list(pseudo.underlying)}
        if disguised:
            dispatcher.utter_message(text="That's a thought about them. What happened inside you: hurt, scared, lonely, angry?")
        return self._retry(dispatcher, tracker, "feeling")


class ActionGiveReframe(Action):
    """The finished sentence, why it helps, and the strategy behind it."""

    def name(self) -> str:
        return "action_give_reframe"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        behaviour = tracker.get_slot("behaviour")
        feeling = tracker.get_slot("feeling")
        if not behaviour or not feeling or STOPPED in (behaviour, feeling):
            return _reset()
        return deliver_reframe(
            dispatcher,
            behaviour=behaviour,
            feeling=feeling,
            past=bool(tracker.get_slot("past")),
            blame_text=tracker.get_slot("blame_text"),
            forms=tracker.get_slot("blame_forms") or [],
            topic=tracker.get_slot("topic"),
            partner=tracker.get_slot("partner"),
            latest=_latest_text(tracker),
        )


def deliver_reframe(
    dispatcher: CollectingDispatcher,
    *,
    behaviour: str,
    feeling: str,
    past: bool,
    blame_text: str | None,
    forms: List[str],
    topic: str | None,
    partner: str | None,
    latest: str,
) -> List[EventType]:
    """The finished sentence, why it helps and the strategy, after a last safety check; then a clean slate."""
    # Second, independent safety check right before a reframe goes out.
    for part in (blame_text, behaviour, feeling, latest):
        if safety.is_crisis(part):
            _send_safety(dispatcher, str(part))
            return _reset()
    sentence = blame.reframe_sentence(behaviour, feeling, past)
    # Derived from the blame itself: a question asked mid-reframe may have moved the `strategy` slot.
    entry = knowledge.choose_for_blame(forms, blame_text or behaviour, topic)
    lead = f"You could say to your {partner}:" if partner else "Try saying:"
    dispatcher.utter_message(text=f'{lead}\n"{sentence}"')
    dispatcher.utter_message(
        text=f"Why it helps: {entry.why}\nThe idea behind it: {entry.name}.",
        buttons=[*_strategy_buttons(entry), _button("Practise reframing", "practice_start")],
    )
    return [*_reset(), SlotSet("strategy", entry.id)]


class ActionExplainStrategy(Action):
    """Explain a strategy or pattern asked for by name, in plain words, or by a button."""

    def name(self) -> str:
        return "action_explain_strategy"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        text = _latest_text(tracker)
        if safety.is_crisis(text):
            _send_safety(dispatcher, text)
            return []
        entities = {e.get("entity"): e.get("value") for e in (tracker.latest_message or {}).get("entities", [])}
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        entry = knowledge.get(entities.get("strategy"))
        if entry is None and not text.startswith("/"):
            entry = knowledge.lookup(clean(text).text)
        if entry is None and intent == "more_info":
            entry = knowledge.get(tracker.get_slot("strategy")) or knowledge.get("reframing")
        if entry is None:
            dispatcher.utter_message(
                text="I'm not sure which idea you mean. Here are some I can explain:",
                buttons=[_button(e.name, "more_info", {"strategy": e.id}) for e in knowledge.menu()[:8]],
            )
            return []
        dispatcher.utter_message(text=knowledge.explain(entry))
        return [SlotSet("strategy", entry.id)]


class ActionIStatement(Action):
    """Acknowledge an I-statement; gently flag pseudo-feelings and "I feel that you…"."""

    def name(self) -> str:
        return "action_i_statement"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        text = _latest_text(tracker)
        if safety.is_crisis(text):
            _send_safety(dispatcher, text)
            return []
        feeling, pseudo, disguised = blame.feeling_from_answer(text)
        if disguised or blame.carries_blame(clean(text).text).count("I feel that you"):
            dispatcher.utter_message(
                text='"I feel that you…" puts a thought about them where a feeling belongs, so it can still land as blame. '
                "Try naming what happened inside you: hurt, lonely, worried?"
            )
        elif pseudo is not None and feeling is None:
            options = ", ".join(pseudo.underlying[:-1]) + f" or {pseudo.underlying[-1]}"
            dispatcher.utter_message(
                text=f'Thanks for putting it as an I-statement. One gentle note: "{pseudo.word}" describes what they did. '
                f"The feeling underneath might be {options}, and that is easier for a partner to hear."
            )
        elif _ASKS.search(text):
            dispatcher.utter_message(
                text="That's a clear way to say it: it names your feeling without blaming, and it asks for something "
                "your partner can actually do."
            )
        else:
            dispatcher.utter_message(
                text="That's a clear way to say it: it names your feeling without blaming. "
                'If you like, add what would help, for example "Could we…?"'
            )
        return []


class ActionHandleOther(Action):
    """Kind answers for empty, foreign-language, unclear or off-topic messages."""

    def name(self) -> str:
        return "action_handle_other"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
        text = _latest_text(tracker)
        if safety.is_crisis(text):
            _send_safety(dispatcher, text)
            return []
        cleaned = clean(text)
        feeling = None
        if (tracker.latest_message.get("intent") or {}).get("name") == "inform" and not cleaned.empty:
            feeling, _, _ = blame.feeling_from_answer(cleaned.text)
        elif len(cleaned.text.split()) <= 3:
            feeling = blame.load().find_feeling(cleaned.text.lower())[0]  # "mad", "so sad": a known feeling, whatever the intent
        if feeling:
            # "annoyed", on its own and outside a reframe: a feeling looking for its moment.
            reply = (
                f"Feeling {feeling} is worth putting into words. What happened just before? Tell me what they did, "
                'or what you wanted to say to them, like "you were on your phone all through dinner".'
            )
        elif cleaned.empty:
            reply = "That message looks empty. Tell me what you'd like to say to your partner, the way it comes out when you're upset."
        elif looks_non_english(cleaned.text):
            reply = "Sorry, I can only work in English for now. If you can, write it in English and I'll help you reword it."
        else:
            reply = (
                "I'm not sure I can help with that. I'm here to help you say hard things to a partner without blame. "
                'Try typing a complaint, like "You never listen to me", or ask "what is building a case?".'
            )
        dispatcher.utter_message(text=reply)
        return [FollowupAction("action_listen")]  # answered: wait for the person, never a second guess at the same message
