"""ClassifyFirstPart: the intent classifier reads the start of a very long message, as the reframe does.

DIET was trained on lines of at most a few hundred characters. On a long rant its prediction drifts with length
alone: "You never listen to me when I talk about my day, and I keep telling you about…" is blame at 600 characters
and `safety` at 3,000. The reframe already works with the first part of a long message (actions.textnorm), so the
classifier now reads that part too. The whole message is kept under FULL_TEXT_KEY: InputGuard screens all of it for
danger and puts it back as the message text, so the tracker and the actions still see every word.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

FULL_TEXT_KEY = "reframe_full_text"
CLASSIFY_CHARS = 600  # above the longest training line (274) with room to spare, below where DIET drifts


def first_part(text: str, limit: int = CLASSIFY_CHARS) -> str:
    """The text up to `limit` characters, ended at a sentence (or else a word) boundary in its second half."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    ends = [m.end() for m in re.finditer(r"[.!?…]+(?=\s|$)", cut)]
    if ends and ends[-1] > limit // 2:
        return cut[: ends[-1]].strip()
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).strip()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ClassifyFirstPart(GraphComponent):
    """Shortens what the featurizers and DIET see; goes first in the pipeline. Not used in training."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"max_chars": CLASSIFY_CHARS}

    def __init__(self, config: Dict[str, Any]) -> None:
        self._limit = int(config.get("max_chars", CLASSIFY_CHARS))

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ClassifyFirstPart:
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if len(text) > self._limit and not text.startswith("/"):
                message.set(FULL_TEXT_KEY, text)
                message.set(TEXT, first_part(text, self._limit))
        return messages
