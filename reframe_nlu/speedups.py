"""Two measured fixes to Rasa 3.6's hot path, installed when the Rasa server loads our components.

`make bench` with py-spy showed two thirds of a blame message's time in jsonschema. On every custom
action call, `RemoteAction._validate_action_result` runs `jsonschema.validate(result, schema)`, which
first re-checks the (large) events schema against the Draft 2020-12 meta-schema: about 30 ms a call on
this machine, three calls per reframe. The response check itself takes about 3 ms.

The replacement validates every response against the same schema, with the same validator class and
the same error message. It only checks the schema once per action class instead of on every call.

Second: Rasa's SpacyNLP runs spaCy's named-entity recogniser on every message (it turns off only the
parser). Nothing in our pipeline reads spaCy entities: the featurizers use the token vectors (tok2vec)
and lemmas (tagger, attribute ruler, lemmatizer), which NER does not touch. Turning NER off gives the
same features, so the trained model gives the same predictions, a few milliseconds sooner.
"""

from __future__ import annotations

from typing import Any, Dict

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.constants import DOCS_BASE_URL

UNUSED_SPACY_PIPES = ("ner",)

_VALIDATORS: Dict[type, Any] = {}


def _validator_for(action: RemoteAction) -> Any:
    cls = type(action)
    if cls not in _VALIDATORS:
        schema = action.action_response_format_spec()
        validator_cls = validators.validator_for(schema)
        validator_cls.check_schema(schema)  # once, not on every call
        _VALIDATORS[cls] = validator_cls(schema)
    return _VALIDATORS[cls]


def _validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    try:
        _validator_for(self).validate(result)
        return True
    except ValidationError as e:
        e.message += (
            ". Failed to validate Action server response from API, make sure your response from the Action "
            f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise e


_validate_action_result.reframe_cached = True  # type: ignore[attr-defined]


_original_load_model = SpacyNLP.load_model


def _load_model_without_unused_pipes(spacy_model_name: str) -> SpacyModel:
    model = _original_load_model(spacy_model_name)
    for pipe in UNUSED_SPACY_PIPES:
        if pipe in model.model.pipe_names:
            model.model.disable_pipe(pipe)
    return model


_load_model_without_unused_pipes.reframe_lean = True  # type: ignore[attr-defined]


def install() -> bool:
    """Swap in both fixes; True if they were installed now, False if they already were."""
    if getattr(RemoteAction._validate_action_result, "reframe_cached", False):
        return False
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    SpacyNLP.load_model = staticmethod(_load_model_without_unused_pipes)  # type: ignore[method-assign]
    return True
