"""The router: one list of features in, every message, card action and flow dispatched.

It is the one place that checks roles (for commands, card verbs and flows alike) and card verbs'
access rules (the object a button names, the conversation, the person), and the one place that
knows every command, so the help card is generated here from the declarations.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from adaptive_cards.finder import FORM_KEY
from adaptive_cards.help import HELP_VERB, HelpEntry, help_card
from bot.domain.commands import parse_command
from bot.domain.registry import ConversationRegistry
from bot.domain.roles import Roles
from bot.feature import (
    COORDINATOR,
    Actor,
    CardVerb,
    Command,
    Feature,
    Flow,
    FlowResult,
    Form,
    FreeTextHandler,
    JobHandler,
    ProgressHook,
    Refusal,
)
from bot.i18n import Catalogues
from bot.turn import InvokeAnswer, Turn, card_answer, error_answer, message_answer

log = logging.getLogger(__name__)

HELP_ALIASES = ("ohje", "ohjeet", "komennot", "commands")


class DeclarationError(ValueError):
    """Two features declare the same command word, card verb, form, flow or job kind."""


def _unique(kind: str, names: list[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise DeclarationError(f"{kind} {name!r} is declared twice")
        seen.add(name)


class Router:
    """Dispatches turns to the features' declared handlers."""

    def __init__(
        self, features: Sequence[Feature], roles: Roles, registry: ConversationRegistry, catalogues: Catalogues
    ) -> None:
        self._roles = roles
        self._registry = registry
        self.catalogues = catalogues
        self.features = list(features)
        _unique("feature", [feature.name for feature in features])
        for feature in features:
            catalogues.add(feature.name, feature.texts)
        self.commands: list[Command] = [Command("help", "apua", "help", self._help, aliases=HELP_ALIASES)]
        self.commands += [command for feature in features for command in feature.commands]
        _unique("command word", [word for command in self.commands for word in dict.fromkeys(command.words)])
        verbs = [verb for feature in features for verb in feature.card_verbs]
        _unique("card verb", [HELP_VERB, *(verb.verb for verb in verbs)])
        self.verbs: dict[str, CardVerb[Any]] = {verb.verb: verb for verb in verbs}
        # A verb without an access rule works as before (its handler checks everything itself), but
        # it is said here at every start and tests/test_card_access.py fails for it.
        self.undeclared = [verb.verb for verb in verbs if verb.access is None]
        if self.undeclared:
            log.warning("card verbs without an access rule", extra={"verbs": self.undeclared})
        forms = [form for feature in features for form in feature.forms]
        _unique("form", [form.name for form in forms])
        self.forms: dict[str, Form] = {form.name: form for form in forms}
        flows = [flow for feature in features for flow in feature.flows]
        _unique("flow", [flow.name for flow in flows])
        self.flows: dict[str, Flow] = {flow.name: flow for flow in flows}
        _unique("job kind", [kind for feature in features for kind in feature.jobs])
        self.jobs: dict[str, JobHandler] = {kind: job for feature in features for kind, job in feature.jobs.items()}
        self.progress_hooks: list[ProgressHook] = [hook for feature in features for hook in feature.progress_hooks]
        free_text = [feature.free_text for feature in features if feature.free_text is not None]
        if len(free_text) > 1:
            raise DeclarationError("more than one feature answers free text")
        self._free_text: FreeTextHandler | None = free_text[0] if free_text else None

    # ---- roles ----------------------------------------------------------------------------

    def allows(self, turn: Turn, role: str | None) -> bool:
        """True when the person acting holds `role` (None: anyone who got this far)."""
        return role is None or self._roles.has_role(turn.person.aad_id, role)

    async def _refuse(self, turn: Turn, role: str) -> None:
        log.info("role refused", extra={"role": role})
        await turn.reply(turn.texts("roles.refused"))

    # ---- messages -------------------------------------------------------------------------

    async def on_message(self, turn: Turn) -> None:
        """A form submission, a command, or free text for the finder."""
        self._registry.record(turn.conversation.info)
        value = turn.value
        if value and FORM_KEY in value:
            form = self.forms.get(str(value.get(FORM_KEY)))
            if form is not None:
                await form.handler(turn, value)
                return
        if not turn.text:
            key = "unknown.not_text" if turn.has_attachments or turn.value else "unknown.empty"
            await turn.reply(turn.texts(key))
            return
        parsed = parse_command(turn.text, self.commands)
        if parsed is None:
            if self._free_text is not None:
                await self._free_text(turn, turn.text)
            return
        command = next(command for command in self.commands if command.key == parsed.key)
        if not self.allows(turn, command.role):
            await self._refuse(turn, command.role or "")
            return
        log.info("command", extra={"command": command.key})
        await command.handler(turn, parsed.args)

    async def on_flow(self, name: str, turn: Turn, state: dict[str, Any]) -> FlowResult:
        """Hand the message to a waiting flow (the dialogs host calls this)."""
        flow = self.flows.get(name)
        if flow is None:
            return FlowResult.NOT_HANDLED  # a flow of an older version: the message is routed as usual
        if not self.allows(turn, flow.role):
            await self._refuse(turn, flow.role or "")
            return FlowResult.DONE
        return await flow.handler(turn, state)

    # ---- card actions ---------------------------------------------------------------------

    async def on_card_action(self, turn: Turn) -> InvokeAnswer:
        """An `Action.Execute`: the role and the verb's access rule checked before its handler runs."""
        action = (turn.value or {}).get("action")
        if not isinstance(action, dict) or action.get("type") != "Action.Execute":
            return error_answer(HTTPStatus.BAD_REQUEST, "BadRequest", "Missing or unsupported action.")
        name = action.get("verb")
        data: dict[str, Any] = action["data"] if isinstance(action.get("data"), dict) else {}
        if name == HELP_VERB:
            return card_answer(self.help_card(turn))
        verb = self.verbs.get(name) if isinstance(name, str) else None
        if verb is None:
            log.info("unknown card action", extra={"verb": name})
            return message_answer(turn.texts("invoke.unknown_action"))
        if not self.allows(turn, verb.role):
            log.info("role refused", extra={"role": verb.role, "verb": verb.verb})
            return message_answer(turn.texts("card.refused.role"))
        if verb.access is None:
            return await verb.handler(turn, data)
        actor = Actor(turn.person, turn.conversation.base_id, self.allows(turn, COORDINATOR))
        checked = verb.access.check(actor, data)
        if isinstance(checked, Refusal):
            log.info("card action refused", extra={"verb": verb.verb, "reason": checked.key})
            return message_answer(turn.texts(checked.key))
        return await verb.handler(turn, checked)

    # ---- help -----------------------------------------------------------------------------

    async def _help(self, turn: Turn, _args: str) -> None:
        await turn.reply(self.help_card(turn))

    def help_card(self, turn: Turn) -> dict[str, Any]:
        """The command list in the user's language, generated from the declarations."""
        texts = turn.texts
        entries = [HelpEntry(texts("help.free_text"), texts("help.commands.search"))] if self._free_text else []
        entries += [
            HelpEntry(command.usage_in(texts.language), texts(command.help_key), command.role is not None)
            for command in self.commands
        ]
        return help_card(texts, entries, not turn.conversation.is_personal)
