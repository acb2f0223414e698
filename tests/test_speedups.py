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
