"""InputGuard: the deterministic checks that run after the intent classifier.

DIET is statistical; a crisis message must never depend on a probability. This component
overrides the predicted intent with `safety` whenever actions.safety flags the text, and
routes empty and non-English messages to `out_of_scope` so they get a kind, clear answer.
What it changed is recorded under `reframe_guard` in the parse result for evaluation.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions import knowledge, safety
from actions.blame import aimed_at_partner, asks_partner_why, blame_evidence, nlp, owned_statement, plain_thanks, self_talk
from actions.textnorm import clean, looks_non_english
from reframe_nlu import resilience, speedups
from reframe_nlu.trim import FULL_TEXT_KEY

speedups.install()  # loaded with the model, so every Rasa server that serves it gets the fix
resilience.install()  # and an answer (or the crisis reply) when the action server is down or slow

GUARD_KEY = "reframe_guard"
# "Tell me more: Identify patterns" typed out (a channel without buttons), "explain building a case": a request for an idea.
# "skip" means the next drill in practice (the drill's own hint says so) and letting this one go in a reframe; both are
# practice_next, and a rule lets a reframe go on it. "stop" still stops.
_SKIP = frozenset({"skip", "skip this", "skip it", "skip this one", "skip that", "pass", "next"})
_ASKS_ABOUT_AN_IDEA = re.compile(r"^\W*(?:(?:can you |could you |please )?tell me (?:more|about)|more (?:on|about)|explain|what(?:'s| is| are| does))\b", re.I)

# A person telling us a crisis reply misread them: "no I'm safe, it's just annoying", "you misread me", "he's not dangerous".
# The crisis check has already run on this very text, so nothing here can hide a danger it names.
_SAFE_CORRECTION = re.compile(
    r"^\W*(?:(?:no|nah|nope|oh|um+|haha|lol|sorry|honestly|it'?s ok(?:ay)?)[,.!]*\s+)*"
    r"(?:i'?m (?:totally |perfectly |completely )?(?:safe|not in (?:any )?danger|not unsafe)|i am (?:safe|not in (?:any )?danger)"
    r"|you (?:misread|misunderstood|got it wrong|got the wrong idea)|(?:it'?s|that'?s) not (?:like that|that serious|dangerous|a safety thing)"
    r"|(?:he|she|they)(?:'s| is|'re| are) not (?:dangerous|violent|abusive|like that)|not (?:that|a crisis|dangerous),?)\b",
    re.I,
)

# "we just feel like roommates lately": both of us, nobody blamed, and a pattern named; the explanation fits, not a reframe.
_ABOUT_US = re.compile(
    r"^\W*(?:(?:honestly|lately|so|i (?:feel|think)|it feels|feels|it's like|its like)\s+(?:like\s+|that\s+)?)*(?:we|we'?re|we are|we've|us)\b"
    r"(?!.*\b(?:you|u|your|ur|he|she|his|her|him|they|them)\b)",
    re.I,
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class InputGuard(GraphComponent):
    """Overrides the intent for crisis, empty and non-English messages, and backs up blame detection."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            "safety_intent": "safety",
            "other_intent": "out_of_scope",
            "blame_intent": "blame",
            # Intents the parser may overrule when it finds strong blame and no warmth.
            "soft_intents": [
                "praise",
                "inform",
                "i_statement",
                "chitchat",
                "stop",
                "deny",
                "affirm",
                "bot_challenge",
                "nlu_fallback",
                "out_of_scope",
                "greet",
                "goodbye",
                "thank",
            ],
        }

    # Intents that may be overruled only when the message is aimed at the partner, not a question about
    # the ideas ("why does my partner shut down?") or about oneself ("I always mess things up").
    _soft_if_aimed = frozenset({"ask_strategy", "self_talk"})

    def __init__(self, config: Dict[str, Any]) -> None:
        self._safety_intent = config["safety_intent"]
        self._other_intent = config["other_intent"]
        self._blame_intent = config.get("blame_intent", "blame")
        self._soft = set(config.get("soft_intents", []))

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputGuard:
        nlp()  # load the parser now, at server start, not on the first user's message
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            full = message.get(FULL_TEXT_KEY)
            if full:
                message.set(TEXT, full)  # the classifier read the first part (ClassifyFirstPart); screen and keep all of it
            self._guard(message)
        return messages

    def _guard(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        if text.startswith("/"):
            return  # button payloads carry their own intent
        predicted = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        result = safety.check(text)
        if result.flagged:
            self._override(message, self._safety_intent, "safety", predicted, list(result.categories))
        elif clean(text).empty:
            self._override(message, self._other_intent, "empty", predicted)
        elif looks_non_english(text):
            self._override(message, self._other_intent, "non_english", predicted)
        elif _SAFE_CORRECTION.match(clean(text).text):
            self._override(message, "deny", "safe_correction", predicted)  # "no, I'm safe, it's just annoying"
        elif predicted == "stop" and clean(text).text.lower().strip(" .!") in _SKIP:
            self._override(message, "practice_next", "skip", predicted)
        elif predicted == self._blame_intent and _ASKS_ABOUT_AN_IDEA.match(text) and knowledge.named(clean(text).text):
            self._override(message, "ask_strategy", "asks_about_an_idea", predicted)
        elif predicted == self._blame_intent and _ABOUT_US.match(clean(text).text) and knowledge.named(clean(text).text):
            self._override(message, "ask_strategy", "names_a_pattern", predicted)  # "we just feel like roommates lately"
        elif predicted in self._soft and (reason := blame_evidence(text)):
            self._override(message, self._blame_intent, f"blame_rules:{reason}", predicted)
        elif predicted in self._soft_if_aimed and (aimed_at_partner(text) or asks_partner_why(text)) and (reason := blame_evidence(text)):
            self._override(message, self._blame_intent, f"blame_rules:{reason}", predicted)
        elif predicted == self._blame_intent and plain_thanks(text):
            self._override(message, "praise", "plain_thanks", predicted)  # "I'm so proud of you for going to your first meeting"
        elif predicted == self._blame_intent and owned_statement(text):
            self._override(message, "i_statement", "owned_statement", predicted)  # "I feel nervous when you drive fast"
        elif predicted == self._blame_intent and self_talk(text):
            question = "?" in text or text.lower().lstrip().startswith(("why", "how"))
            self._override(message, "ask_strategy" if question else "self_talk", "self_talk", predicted)
        else:
            message.set(GUARD_KEY, {"reason": None, "model_intent": predicted}, add_to_output=True)

    @staticmethod
    def _override(message: Message, intent: str, reason: str, predicted: str | None, categories: list | None = None) -> None:
        message.set(INTENT, {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}, add_to_output=True)
        ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get(INTENT_NAME_KEY) != intent]
        message.set(INTENT_RANKING_KEY, [{INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}, *ranking], add_to_output=True)
        message.set(
            GUARD_KEY,
            {"reason": reason, "model_intent": predicted, "categories": categories or []},
            add_to_output=True,
        )
