"""Rasa 3.6's Slack, Telegram, Messenger and Twilio connectors, changed only where users or safety need it.

Switched on by `make run-messaging` (credentials.messaging.yml, filled from the environment). Each class keeps
the stock name, so the webhooks stay `/webhooks/<slack|telegram|facebook|twilio>/webhook`. What changes:

- every app: long replies are split at paragraph, sentence, then word boundaries to the app's limit
  (`formatting.split_text`), and choices are shown the app's way, with their labels shortened to fit;
- Slack: up to 25 buttons (stock drops every button past 5), no legacy `as_user`, text escaped for mrkdwn;
- Telegram: the webhook is registered with a secret token and every request must carry it (stock only
  compared the bot's own name, with one API call per message); choices are a reply keyboard, and a tapped
  label is mapped back to its choice; a failed registration is logged instead of stopping the server;
- Messenger: the signature check reads X-Hub-Signature-256 and refuses with 403; choices are quick replies
  (stock dropped buttons past 3); every event of a batched delivery is handled (stock kept the first);
- Twilio (WhatsApp, SMS): X-Twilio-Signature is checked (stock did not check it); choices are numbered and
  a typed number or label picks one; an error never becomes a 500 that makes Twilio retry.
"""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List

from aiogram.types import KeyboardButton, ReplyKeyboardMarkup, Update
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput, Messenger, MessengerBot
from rasa.core.channels.slack import SlackBot, SlackInput
from rasa.core.channels.telegram import TelegramInput, TelegramOutput
from rasa.core.channels.twilio import TwilioInput, TwilioOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

from reframe_channels.formatting import (
    LIMITS,
    MAX_CHOICE_CHARS,
    TITLE_LIMITS,
    facebook_signature_ok,
    match_choice,
    numbered_choices,
    pending_choices,
    short_title,
    slack_escape,
    split_text,
    telegram_secret_ok,
)

logger = logging.getLogger(__name__)

# Telegram sends /start when someone opens the bot, and /help is its usual command for help.
COMMANDS = {"/start": "hello", "/help": "help"}
NOT_TEXT = "I can only read text messages for now. Could you type what's on your mind?"


def _blueprint(name: str) -> Blueprint:
    """A connector's blueprint with the health route every stock connector has (GET /webhooks/<app>/)."""
    bp = Blueprint(name, __name__)

    @bp.route("/", methods=["GET"])
    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    return bp


async def typed_choice(request: Request, sender_id: str, text: str, numbered: bool) -> str:
    """The payload of the choice a typed reply picks (a keyboard tap or a number), else the text itself."""
    agent = getattr(request.app.ctx, "agent", None)
    if not text or len(text) > MAX_CHOICE_CHARS or agent is None or agent.tracker_store is None:
        return text
    try:
        tracker = await agent.tracker_store.retrieve(sender_id)
    except Exception:  # a store that is down must not cost the message; NLU reads the words instead
        logger.warning("could not read the conversation to match a typed choice", exc_info=True)
        return text
    if tracker is None:
        return text
    buttons = pending_choices([e.as_dict() for e in tracker.events])
    return match_choice(text, buttons, numbered=numbered) or text


async def _deliver(on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage) -> bool:
    """Hand a message to the assistant; a failure is logged (without the person's words), never raised."""
    try:
        await on_new_message(message)
        return True
    except Exception as e:
        logger.error(f"{message.input_channel}: could not handle a message ({type(e).__name__})")
        logger.debug("details", exc_info=True)
        return False


# --- Slack -------------------------------------------------------------------------------------------------


class SlackOutput(SlackBot):
    """Slack: text split to 4,000 characters, buttons under a 3,000-character section, labels within 75."""

    async def _post(self, recipient_id: str, **kwargs: Any) -> None:
        # `as_user` is a legacy-app argument that new Slack apps reject, so it is never sent.
        await self._post_message(channel=self.slack_channel or recipient_id, **kwargs)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in split_text(slack_escape(text), LIMITS["slack"]):
            await self._post(recipient_id, text=part)

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any) -> None:
        parts = split_text(text, LIMITS["slack_block"]) or [""]
        for part in parts[:-1]:
            await self._post(recipient_id, text=slack_escape(part))
        last = parts[-1]
        blocks: List[Dict[str, Any]] = []
        if last:
            blocks.append({"type": "section", "text": {"type": "plain_text", "text": last}})
        elements = [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": short_title(str(b.get("title", "")), TITLE_LIMITS["slack"])},
                "value": str(b.get("payload", ""))[:2000],
            }
            for b in buttons[:25]
        ]
        if elements:
            blocks.append({"type": "actions", "elements": elements})
        # `text` is what notifications and screen readers show.
        await self._post(recipient_id, text=slack_escape(last) or "Choose one", blocks=blocks)


class Slack(SlackInput):
    """Rasa's Slack connector (signature and timestamp checks unchanged) with `SlackOutput`."""

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> OutputChannel:
        return SlackOutput(self.slack_token, channel or self.slack_channel, thread_id, self.proxy)


# --- Telegram ----------------------------------------------------------------------------------------------


class TelegramReplies(TelegramOutput):
    """Telegram: plain text split to 4,096 characters; choices as a one-time reply keyboard."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in split_text(text, LIMITS["telegram"]):
            await self.send_message(recipient_id, part)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], button_type: str | None = "reply", **kwargs: Any
    ) -> None:
        parts = split_text(text, LIMITS["telegram"]) or ["Choose one:"]
        for part in parts[:-1]:
            await self.send_message(recipient_id, part)
        keyboard = ReplyKeyboardMarkup(resize_keyboard=True, one_time_keyboard=True)
        for b in buttons:
            keyboard.add(KeyboardButton(short_title(str(b.get("title", "")), TITLE_LIMITS["telegram"])))
        await self.send_message(recipient_id, parts[-1], reply_markup=keyboard)


class Telegram(TelegramInput):
    """Telegram with a webhook secret token; see the module docstring."""

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(credentials.get("access_token"), credentials.get("secret_token"), credentials.get("webhook_url"))

    def __init__(self, access_token: str | None, secret_token: str | None, webhook_url: str | None) -> None:
        super().__init__(access_token, verify=None, webhook_url=webhook_url, debug_mode=False)
        self.secret_token = secret_token or ""
        self._bot: TelegramReplies | None = None

    def get_output_channel(self) -> TelegramReplies:
        # One client, made inside the server's event loop (stock made it in a throwaway loop at import).
        if self._bot is None:
            self._bot = TelegramReplies(self.access_token)
        return self._bot

    async def register_webhook(self) -> bool:
        """Tell Telegram where to deliver messages, and the secret it must send with each one."""
        try:
            await self.get_output_channel().request(
                "setWebhook", {"url": self.webhook_url, "secret_token": self.secret_token, "allowed_updates": '["message","edited_message","callback_query"]'}
            )
            logger.info("telegram: webhook registered")
            return True
        except Exception as e:
            # Telegram's API URLs hold the bot token; keep it out of the log.
            why = str(e).replace(self.access_token or "\0", "<token>")
            logger.error(
                f"telegram: could not register the webhook ({type(e).__name__}: {why}). Messages will not arrive until it is "
                "registered: POST /webhooks/telegram/set_webhook to try again."
            )
            return False

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = _blueprint("telegram_webhook")

        @bp.listener("after_server_start")
        async def register(app: Any, loop: Any) -> None:
            await self.register_webhook()


        @bp.route("/set_webhook", methods=["POST"])
        async def set_webhook(_: Request) -> HTTPResponse:
            ok = await self.register_webhook()
            return response.json({"registered": ok}, status=200 if ok else 502)

        @bp.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if not telegram_secret_ok(self.secret_token, request.headers):
                return response.text("not from Telegram", status=HTTPStatus.FORBIDDEN)
            try:
                update = Update(**json.loads(request.body or b"{}"))
            except (ValueError, TypeError):
                return response.text("malformed update", status=HTTPStatus.BAD_REQUEST)
            bot = self.get_output_channel()
            typed = update.callback_query is None
            if not typed:  # an inline button from an older message carries its payload
                msg, text = update.callback_query.message, update.callback_query.data
                try:
                    await bot.answer_callback_query(update.callback_query.id)
                except Exception:
                    logger.debug("telegram: answerCallbackQuery failed", exc_info=True)
            else:
                msg = update.message or update.edited_message
                text = msg.text if msg is not None else None
            if msg is None or msg.chat is None:
                return response.text("ignored")
            sender_id = str(msg.chat.id)
            if text is None:
                await bot.send_text_message(sender_id, NOT_TEXT)
                return response.text("success")
            if typed:
                # Telegram's own commands open and ask for help; a keyboard tap sends the choice's label.
                text = COMMANDS.get(text.strip().lower(), text)
                text = await typed_choice(request, sender_id, text, numbered=False)
            await _deliver(on_new_message, UserMessage(text, bot, sender_id, input_channel=self.name(), metadata=self.get_metadata(request)))
            return response.text("success")

        return bp


# --- Facebook Messenger ------------------------------------------------------------------------------------


class MessengerReplies(MessengerBot):
    """Messenger: text split to 2,000 characters; choices as up to 13 quick replies of 20 characters."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in split_text(text, LIMITS["facebook"]):
            self.messenger_client.send({"text": part}, recipient_id, "RESPONSE")

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any) -> None:
        parts = split_text(text, LIMITS["facebook"]) or ["Choose one:"]
        for part in parts[:-1]:
            self.messenger_client.send({"text": part}, recipient_id, "RESPONSE")
        quick = [
            {"content_type": "text", "title": short_title(str(b.get("title", "")), TITLE_LIMITS["facebook"]), "payload": str(b.get("payload", ""))[:1000]}
            for b in buttons[:13]
        ]
        self.messenger_client.send({"text": parts[-1], "quick_replies": quick}, recipient_id, "RESPONSE")

    async def send_quick_replies(self, recipient_id: str, text: str, quick_replies: List[Dict[str, Any]], **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)


class _Messenger(Messenger):
    """Stock Messenger handling, but every event of a batch, with `MessengerReplies` as the output."""

    async def handle(self, payload: Dict, metadata: Dict[str, Any] | None) -> None:
        for entry in payload.get("entry", []) or []:
            for event in entry.get("messaging", []) or []:
                self.last_message = event
                if event.get("message"):
                    await self.message(event, metadata)
                elif event.get("postback"):
                    await self.postback(event, metadata)

    async def _handle_user_message(self, text: str, sender_id: str, metadata: Dict[str, Any] | None) -> None:
        out = MessengerReplies(self.client)
        await out.send_action(sender_id, sender_action="mark_seen")
        await out.send_action(sender_id, sender_action="typing_on")
        await _deliver(self.on_new_message, UserMessage(text, out, sender_id, input_channel=self.name(), metadata=metadata))
        await out.send_action(sender_id, sender_action="typing_off")


class Facebook(FacebookInput):
    """Messenger with the SHA-256 signature check and quick replies; see the module docstring."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = _blueprint("fb_webhook")


        @bp.route("/webhook", methods=["GET"])
        async def token_verification(request: Request) -> HTTPResponse:
            if self.fb_verify and request.args.get("hub.verify_token") == self.fb_verify:
                return response.text(request.args.get("hub.challenge") or "")
            return response.text("failure, invalid token", status=HTTPStatus.FORBIDDEN)

        @bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not facebook_signature_ok(self.fb_secret, request.body or b"", request.headers):
                logger.warning("facebook: refused a request without a valid signature")
                return response.text("not validated", status=HTTPStatus.FORBIDDEN)
            try:
                payload = json.loads(request.body)
            except ValueError:
                return response.text("malformed body", status=HTTPStatus.BAD_REQUEST)
            if not isinstance(payload, dict):
                return response.text("malformed body", status=HTTPStatus.BAD_REQUEST)
            await _Messenger(self.fb_access_token, on_new_message).handle(payload, self.get_metadata(request))
            return response.text("success")

        return bp

    def get_output_channel(self) -> OutputChannel:
        from fbmessenger import MessengerClient

        return MessengerReplies(MessengerClient(self.fb_access_token))


# --- Twilio (WhatsApp and SMS) -----------------------------------------------------------------------------


class TwilioReplies(TwilioOutput):
    """Twilio: text split to 1,600 characters; choices as a numbered list (WhatsApp and SMS have no buttons)."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in split_text(text, LIMITS["twilio"]):
            await self._send_message({"to": recipient_id, "from_": self.twilio_number, "body": part})

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, numbered_choices(text, buttons))


class Twilio(TwilioInput):
    """Twilio with the X-Twilio-Signature check and numbered choices; see the module docstring."""

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("account_sid"),
            credentials.get("auth_token"),
            credentials.get("twilio_number"),
            webhook_url=credentials.get("webhook_url"),
        )

    def __init__(
        self, account_sid: str | None, auth_token: str | None, twilio_number: str | None, webhook_url: str | None = None
    ) -> None:
        super().__init__(account_sid, auth_token, twilio_number, debug_mode=False)
        self.webhook_url = webhook_url
        self.validator = RequestValidator(auth_token or "")

    def signed(self, request: Request) -> bool:
        """True when Twilio signed this exact URL and these form fields with our auth token."""
        signature = request.headers.get("X-Twilio-Signature", "")
        if not self.auth_token or not signature:
            return False
        params = {k: v[0] if isinstance(v, list) else v for k, v in (request.form or {}).items()}
        url = self.webhook_url or request.url
        return bool(self.validator.validate(url, params, signature))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = _blueprint("twilio_webhook")


        @bp.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if not self.signed(request):
                logger.warning("twilio: refused a request without a valid X-Twilio-Signature")
                return response.text("not from Twilio", status=HTTPStatus.FORBIDDEN)
            sender = request.form.get("From")
            text = request.form.get("Body")
            if not sender:
                return response.text("no sender", status=HTTPStatus.BAD_REQUEST)
            out = self.get_output_channel()
            if text is None or (not text.strip() and int(request.form.get("NumMedia", "0") or 0)):
                await out.send_text_message(sender, NOT_TEXT)
                return response.text("", status=HTTPStatus.NO_CONTENT)
            text = await typed_choice(request, sender, text.replace("¡", "@"), numbered=True)
            await _deliver(on_new_message, UserMessage(text, out, sender, input_channel=self.name(), metadata=self.get_metadata(request)))
            return response.text("", status=HTTPStatus.NO_CONTENT)

        return bp

    def get_output_channel(self) -> OutputChannel:
        return TwilioReplies(self.account_sid, self.auth_token, self.twilio_number)
