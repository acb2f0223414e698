"""Which messaging apps to switch on, from the environment, and the credentials file Rasa reads for them.

`credentials.messaging.yml` lists every app with `${VAR}` placeholders. An app is switched on when all of its
variables are set (and look right); the file written for Rasa keeps the placeholders, so no secret is ever
written to disk: Rasa fills them from the environment as it reads the file. Pure: no Rasa imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Tuple

import yaml

PLACEHOLDER = re.compile(r"\$\{([A-Z0-9_]+)\}")
OPTIONAL = {"SLACK_CHANNEL"}
# What Telegram accepts as a webhook secret token.
_TELEGRAM_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


@dataclass
class Choice:
    """One app: on (with its credentials block) or off (with the reason)."""

    name: str
    key: str
    on: bool
    reason: str = ""
    credentials: Dict[str, Any] = field(default_factory=dict)


def app_name(key: str) -> str:
    """`reframe_channels.messaging.Twilio` → `twilio`: the name in the webhook URL and in the log."""
    return key.rsplit(".", 1)[-1].lower()


def _variables(value: Any) -> List[str]:
    return PLACEHOLDER.findall(value) if isinstance(value, str) else []


def _check(name: str, env: Mapping[str, str]) -> str:
    """Why a set of present values cannot work, or ''."""
    url = env.get("REFRAME_PUBLIC_URL", "")
    if name in ("telegram", "twilio") and not re.match(r"https?://[^/\s]+", url):
        return "REFRAME_PUBLIC_URL must be the public address, like https://reframe.example.org"
    if name == "telegram" and not _TELEGRAM_SECRET.fullmatch(env.get("TELEGRAM_WEBHOOK_SECRET", "")):
        return "TELEGRAM_WEBHOOK_SECRET may hold only A-Z a-z 0-9 _ - (1 to 256 characters)"
    if name == "slack" and not env.get("SLACK_BOT_TOKEN", "").startswith("xox"):
        return "SLACK_BOT_TOKEN should be the bot token (xoxb-…)"
    return ""


def choose(template: Mapping[str, Any], env: Mapping[str, str]) -> List[Choice]:
    """Decide, app by app, whether its settings are all present in `env`."""
    out: List[Choice] = []
    for key, block in template.items():
        name = app_name(key)
        block = dict(block or {})
        needed = sorted({v for value in block.values() for v in _variables(value)})
        missing = [v for v in needed if not env.get(v, "").strip() and v not in OPTIONAL]
        if missing:
            out.append(Choice(name, key, False, "missing " + ", ".join(missing)))
            continue
        problem = _check(name, env)
        if problem:
            out.append(Choice(name, key, False, problem))
            continue
        kept = {k: v for k, v in block.items() if all(env.get(x, "").strip() for x in _variables(v))}
        out.append(Choice(name, key, True, credentials=kept))
    return out


def render(base: Mapping[str, Any], choices: List[Choice]) -> str:
    """The credentials file for Rasa: the web channels plus every app that is on, placeholders kept."""
    merged: Dict[str, Any] = dict(base)
    for c in choices:
        if c.on:
            merged[c.key] = c.credentials
    header = "# Written by scripts/run_messaging.py for this run. ${VAR} placeholders are filled by Rasa from the environment.\n"
    return header + yaml.safe_dump(merged, sort_keys=False, default_flow_style=False)


def summary(choices: List[Choice]) -> List[str]:
    """One log line per app: `messaging: slack on` or `messaging: telegram off (missing …)`."""
    return [f"messaging: {c.name} on" if c.on else f"messaging: {c.name} off ({c.reason})" for c in choices]


def plan(template_text: str, base_text: str, env: Mapping[str, str]) -> Tuple[List[Choice], str]:
    """Choices and the rendered file, from the two YAML texts."""
    template = yaml.safe_load(template_text) or {}
    base = yaml.safe_load(base_text) or {}
    choices = choose(template, env)
    return choices, render(base, choices)
