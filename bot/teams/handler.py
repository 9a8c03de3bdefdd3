"""The Teams edge: turns activities into calls on the features and replies with cards."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from botbuilder.core import ConversationState, InvokeResponse, TurnContext, UserState
from botbuilder.core.teams import TeamsActivityHandler, TeamsInfo
from botbuilder.dialogs import DialogSet, DialogState
from botbuilder.schema import ChannelAccount
from botbuilder.schema.teams import ChannelInfo, TeamInfo

from adaptive_cards.finder import FORM_KEY
from adaptive_cards.help import HELP_VERB, HelpEntry, help_card, welcome_card
from bot.announcement_feature import VERBS as ANNOUNCEMENT_VERBS
from bot.announcement_feature import AnnouncementFeature
from bot.conversations import channel_info, conversation_info, conversation_type_of, team_of
from bot.coordinator_feature import CoordinatorFeature
from bot.domain.commands import CommandSpec, ParsedCommand, clean_message_text, parse_command
from bot.domain.registry import CHANNEL, PERSONAL, ConversationRegistry
from bot.domain.roles import COORDINATOR, Roles
from bot.finder_feature import VERBS as FINDER_VERBS
from bot.finder_feature import FinderFeature
from bot.i18n import LANGUAGES, Texts, texts_for
from bot.invoke_responses import card_response, error_response, message_response, store_invoke_response
from bot.poll_feature import VERBS as POLL_VERBS
from bot.poll_feature import PollFeature
from bot.replies import card_reply
from bot.webinar_feature import MANAGE_VERBS as WEBINAR_MANAGE_VERBS
from bot.webinar_feature import VERBS as WEBINAR_VERBS
from bot.webinar_feature import WebinarFeature
from dialogs.coordinator_dialog import ADD, REMOVE, CoordinatorDialog, other_mentions
from dialogs.narrow_dialog import NOT_HANDLED, NarrowDialog

log = logging.getLogger(__name__)

TEXTS_KEY = "kasvuopas.texts"
CARD_ACTION = "adaptiveCard/action"
BOT_NAME = "Kasvuopas"
ADD_WORDS = {"lisää", "lisaa", "add"}
REMOVE_WORDS = {"poista", "remove"}
LANGUAGE_WORDS = {"fi": "fi", "suomi": "fi", "finnish": "fi", "en": "en", "englanti": "en", "english": "en"}

COMMANDS = (
    CommandSpec("help", "apua", "help", aliases=("ohje", "ohjeet", "komennot", "commands")),
    CommandSpec("profile", "yritysprofiili", "profile", aliases=("profiili",)),
    CommandSpec("poll", "kysely", "poll", aliases=("äänestys", "aanestys")),
    CommandSpec("webinars", "webinaarit", "webinars", aliases=("tietoiskut",)),
    CommandSpec("webinar", "webinaari", "webinar", aliases=("tietoisku",), coordinator_only=True),
    CommandSpec("announce", "tiedote", "announce", aliases=("tiedota", "announcement"), coordinator_only=True),
    CommandSpec("language", "kieli", "language"),
    CommandSpec("coordinators", "koordinaattorit", "coordinators"),
    CommandSpec("coordinator", "koordinaattori", "coordinator", coordinator_only=True),
    CommandSpec("kb", "kb", "kb", aliases=("tietopankki",), coordinator_only=True),
)
HELP_USAGE = {
    "coordinator": " lisää|poista @…",
    "language": " fi|en",
    "kb": " lataa",
    "poll": " Kysymys? ; a ; b",
    "webinar": " Otsikko ; 16.12.2026 14:00 ; Esittäjä ; https://…",
    "announce": " Otsikko ; teksti",
}
HELP_USAGE_EN = {
    "coordinator": " add|remove @…",
    "language": " en|fi",
    "kb": " reload",
    "poll": " Question? ; a ; b",
    "webinar": " Title ; 16.12.2026 14:00 ; Presenter ; https://…",
    "announce": " Title ; text",
}
RELOAD_WORDS = {"lataa", "reload", "päivitä", "paivita"}

Handler = Callable[[TurnContext, ParsedCommand], Awaitable[None]]


@dataclass
class BotServices:
    """What the Teams edge needs: the features and the persisted state."""

    registry: ConversationRegistry
    roles: Roles
    conversation_state: ConversationState
    user_state: UserState
    finder: FinderFeature
    webinars: WebinarFeature
    announcements: AnnouncementFeature
    polls: PollFeature


def texts_of(turn_context: TurnContext) -> Texts:
    """The texts of the language chosen for this turn."""
    texts = turn_context.turn_state.get(TEXTS_KEY)
    return texts if texts is not None else texts_for(turn_context.activity.locale)


class KasvuopasBot(TeamsActivityHandler):
    """Kasvuopas in Teams: commands, installation events, card actions."""

    def __init__(self, services: BotServices) -> None:
        self._services = services
        self._coordinators = CoordinatorFeature(services.roles)
        self._language = services.user_state.create_property("language")
        self._dialog_state = services.conversation_state.create_property("DialogState")
        self._dialogs = DialogSet(self._dialog_state)
        self._dialogs.add(CoordinatorDialog(texts_of, self._apply_coordinator_change))
        self._dialogs.add(NarrowDialog(self._refine_search))
        self._handlers: dict[str, Handler] = {
            "help": self._help,
            "profile": self._profile,
            "poll": self._poll,
            "webinars": self._list_webinars,
            "webinar": self._webinar,
            "announce": self._announce,
            "kb": self._knowledge_base,
            "language": self._set_language,
            "coordinators": self._list_coordinators,
            "coordinator": self._coordinator,
        }

    async def on_turn(self, turn_context: TurnContext) -> None:
        """Pick the reply language, run the turn, then persist state."""
        preference = await self._language.get(turn_context)
        turn_context.turn_state[TEXTS_KEY] = texts_for(turn_context.activity.locale, preference)
        await super().on_turn(turn_context)
        await self._services.conversation_state.save_changes(turn_context)
        await self._services.user_state.save_changes(turn_context)

    # ---- messages -------------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        """Continue an open dialog, run a command, or explain what the bot understands."""
        activity = turn_context.activity
        self._services.registry.record(conversation_info(activity))
        texts = texts_of(turn_context)
        bot_names = [BOT_NAME, activity.recipient.name if activity.recipient else ""]
        text = clean_message_text(activity.text, bot_names)
        log.debug("message received", extra={"text": text})

        if await self._continue_dialog(turn_context):
            return
        value = activity.value if isinstance(activity.value, dict) else None
        if value and FORM_KEY in value and await self._services.finder.submit_form(turn_context, texts, value):
            return
        if not text:
            key = "unknown.not_text" if activity.attachments or activity.value else "unknown.empty"
            await turn_context.send_activity(texts(key))
            return
        command = parse_command(text, COMMANDS)
        if command is None:
            await self._find_services(turn_context, text)
            return
        spec = next(spec for spec in COMMANDS if spec.key == command.key)
        if spec.coordinator_only and not await self.require_role(turn_context, COORDINATOR):
            return
        log.info("command", extra={"command": command.key})
        await self._handlers[command.key](turn_context, command)

    async def require_role(self, turn_context: TurnContext, role: str) -> bool:
        """True when the sender holds `role`; otherwise tells them politely and returns False."""
        sender = turn_context.activity.from_property
        if self._services.roles.has_role(sender.aad_object_id if sender else None, role):
            return True
        log.info("role refused", extra={"role": role})
        await turn_context.send_activity(texts_of(turn_context)("roles.refused"))
        return False

    async def _continue_dialog(self, turn_context: TurnContext) -> bool:
        # Only a conversation that has a dialog on its stack pays for the dialog machinery.
        state: DialogState | None = await self._dialog_state.get(turn_context)
        if state is None or not state.dialog_stack:
            return False
        dialog_context = await self._dialogs.create_context(turn_context)
        result = await dialog_context.continue_dialog()
        return result.result != NOT_HANDLED

    async def _find_services(self, turn_context: TurnContext, question: str) -> None:
        texts = texts_of(turn_context)
        search_id = await self._services.finder.answer(turn_context, texts, question)
        if search_id is not None:
            dialog_context = await self._dialogs.create_context(turn_context)
            await dialog_context.begin_dialog(NarrowDialog.__name__, {"search_id": search_id})

    async def _refine_search(self, turn_context: TurnContext, search_id: int) -> bool:
        return await self._services.finder.refine(turn_context, texts_of(turn_context), search_id)

    async def _poll(self, turn_context: TurnContext, command: ParsedCommand) -> None:
        await self._services.polls.command(turn_context, texts_of(turn_context), command.args)

    async def _list_webinars(self, turn_context: TurnContext, _command: ParsedCommand) -> None:
        await self._services.webinars.list(turn_context, texts_of(turn_context))

    async def _webinar(self, turn_context: TurnContext, command: ParsedCommand) -> None:
        await self._services.webinars.command(turn_context, texts_of(turn_context), command.args)

    async def _announce(self, turn_context: TurnContext, command: ParsedCommand) -> None:
        await self._services.announcements.command(turn_context, texts_of(turn_context), command.args)

    async def _profile(self, turn_context: TurnContext, _command: ParsedCommand) -> None:
        await self._services.finder.show_profile_form(turn_context, texts_of(turn_context))

    async def _knowledge_base(self, turn_context: TurnContext, command: ParsedCommand) -> None:
        texts = texts_of(turn_context)
        if command.args.strip().lower() not in RELOAD_WORDS:
            await turn_context.send_activity(texts("kb.usage"))
            return
        await self._services.finder.reload(turn_context, texts)

    async def _help(self, turn_context: TurnContext, _command: ParsedCommand) -> None:
        texts = texts_of(turn_context)
        await turn_context.send_activity(card_reply(self.help_card(turn_context, texts)))

    def help_card(self, turn_context: TurnContext, texts: Texts) -> dict[str, Any]:
        """The command list for this user and conversation."""
        usage = HELP_USAGE_EN if texts.language == "en" else HELP_USAGE
        entries = [HelpEntry(texts("help.free_text"), texts("help.commands.search"))]
        entries += [
            HelpEntry(
                spec.word_in(texts.language) + usage.get(spec.key, ""),
                texts(f"help.commands.{spec.key}"),
                spec.coordinator_only,
            )
            for spec in COMMANDS
        ]
        in_channel = conversation_type_of(turn_context.activity) != PERSONAL
        return help_card(texts, entries, in_channel)

    async def _set_language(self, turn_context: TurnContext, command: ParsedCommand) -> None:
        choice = LANGUAGE_WORDS.get(command.args.strip().lower())
        if choice not in LANGUAGES:
            await turn_context.send_activity(texts_of(turn_context)("language.usage"))
            return
        await self._language.set(turn_context, choice)
        texts = Texts(choice)
        turn_context.turn_state[TEXTS_KEY] = texts
        await turn_context.send_activity(texts("language.set"))

    async def _list_coordinators(self, turn_context: TurnContext, _command: ParsedCommand) -> None:
        await self._coordinators.list(turn_context, texts_of(turn_context))

    async def _coordinator(self, turn_context: TurnContext, command: ParsedCommand) -> None:
        sub = command.args.split(" ", 1)[0].lower() if command.args else ""
        action = ADD if sub in ADD_WORDS else REMOVE if sub in REMOVE_WORDS else None
        if action is None:
            await turn_context.send_activity(texts_of(turn_context)("coordinator.usage"))
            return
        if other_mentions(turn_context.activity):
            await self._apply_coordinator_change(turn_context, action)
            return
        dialog_context = await self._dialogs.create_context(turn_context)
        await dialog_context.begin_dialog(CoordinatorDialog.__name__, {"action": action})

    async def _apply_coordinator_change(self, turn_context: TurnContext, action: str) -> None:
        # The answer to the dialog's question may come from someone else in a channel.
        if await self.require_role(turn_context, COORDINATOR):
            await self._coordinators.change(turn_context, texts_of(turn_context), action)

    # ---- installation and conversation events --------------------------------------------

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        """Installed in a team, group chat or personal chat: register it and say hello once."""
        await self._installed(turn_context)

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        """Uninstalled: nothing is sent there any more."""
        self._uninstalled(turn_context)

    async def on_teams_members_added_dispatch(
        self, members_added: list[ChannelAccount], team_info: TeamInfo, turn_context: TurnContext
    ) -> None:
        """Only the bot's own arrival matters; other members are not looked up."""
        bot_id = turn_context.activity.recipient.id
        if any(member.id == bot_id for member in members_added):
            await self._installed(turn_context)

    async def on_teams_members_removed_dispatch(
        self, members_removed: list[ChannelAccount], team_info: TeamInfo, turn_context: TurnContext
    ) -> None:
        """The bot removed from a team or chat."""
        bot_id = turn_context.activity.recipient.id
        if any(member.id == bot_id for member in members_removed):
            self._uninstalled(turn_context)

    async def on_teams_channel_created(
        self, channel: ChannelInfo, team_info: TeamInfo, turn_context: TurnContext
    ) -> None:
        """A new channel in a team the bot is in becomes a possible target."""
        self._services.registry.record(channel_info(turn_context.activity, channel.id, channel.name))

    async def on_teams_channel_renamed(
        self, channel: ChannelInfo, team_info: TeamInfo, turn_context: TurnContext
    ) -> None:
        """Keep the channel's name current."""
        self._services.registry.record(channel_info(turn_context.activity, channel.id, channel.name))

    async def on_teams_channel_deleted(
        self, channel: ChannelInfo, team_info: TeamInfo, turn_context: TurnContext
    ) -> None:
        """A deleted channel is no longer a target."""
        self._services.registry.deactivate(channel.id)

    async def on_teams_team_renamed(self, team_info: TeamInfo, turn_context: TurnContext) -> None:
        """Keep the team's name current."""
        self._services.registry.rename_team(team_info.id, team_info.name or "")

    async def _installed(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        is_new = self._services.registry.record(conversation_info(activity))
        if conversation_type_of(activity) == CHANNEL:
            await self._register_team_channels(turn_context)
        if is_new:
            log.info("installed", extra={"conversation_type": conversation_type_of(activity)})
            texts = texts_of(turn_context)
            in_channel = conversation_type_of(activity) != PERSONAL
            await turn_context.send_activity(card_reply(welcome_card(texts, in_channel)))

    def _uninstalled(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        team_id = team_of(activity).get("id")
        if team_id:
            self._services.registry.deactivate_team(team_id)
        else:
            self._services.registry.deactivate(activity.conversation.id)
        log.info("uninstalled", extra={"conversation_type": conversation_type_of(activity)})

    async def _register_team_channels(self, turn_context: TurnContext) -> None:
        team_id = team_of(turn_context.activity).get("id")
        if not team_id:
            return
        try:
            # botbuilder 4.17's Teams connector client is synchronous (requests): calling it on the
            # event loop would stall every other turn, so it runs in a worker thread.
            client = await TeamsInfo.get_teams_connector_client(turn_context)
            result = await asyncio.to_thread(client.teams.get_teams_channels, team_id)
            channels = result.conversations or []
        except Exception:
            log.warning("could not list the team's channels", exc_info=True)
            return
        for channel in channels:
            self._services.registry.record(channel_info(turn_context.activity, channel.id, channel.name))

    # ---- card actions ---------------------------------------------------------------------

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        """Universal Actions are answered here; other invokes go to botbuilder's defaults."""
        if turn_context.activity.name != CARD_ACTION:
            return await super().on_invoke_activity(turn_context)
        response = await self._card_action(turn_context)
        store_invoke_response(turn_context, response)
        return response

    async def _card_action(self, turn_context: TurnContext) -> InvokeResponse:
        value = turn_context.activity.value
        action = value.get("action") if isinstance(value, dict) else None
        if not isinstance(action, dict) or action.get("type") != "Action.Execute":
            return error_response(HTTPStatus.BAD_REQUEST, "BadRequest", "Missing or unsupported action.")
        verb = action.get("verb")
        texts = texts_of(turn_context)
        if verb == HELP_VERB:
            return card_response(self.help_card(turn_context, texts))
        data = action.get("data") if isinstance(action.get("data"), dict) else {}
        if verb in FINDER_VERBS:
            return await self._services.finder.on_action(turn_context, texts, verb, data)
        if verb in POLL_VERBS:
            return await self._services.polls.on_action(turn_context, texts, verb, data)
        if verb in WEBINAR_VERBS or verb in ANNOUNCEMENT_VERBS:
            sender = turn_context.activity.from_property
            needs_role = verb in WEBINAR_MANAGE_VERBS or verb in ANNOUNCEMENT_VERBS
            if needs_role and not self._services.roles.has_role(sender.aad_object_id if sender else None, COORDINATOR):
                return message_response(texts("roles.refused"))
            feature = self._services.webinars if verb in WEBINAR_VERBS else self._services.announcements
            return await feature.on_action(turn_context, texts, verb, data)
        log.info("unknown card action", extra={"verb": verb})
        return message_response(texts("invoke.unknown_action"))
