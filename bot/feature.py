"""What a feature declares: commands, card verbs, forms, flows, job kinds, files and tables.

A feature is a module with `feature(services) -> Feature`; `bot.features.FEATURES` lists them.
The router reads the declarations once: it matches commands, checks the role a command or card
verb needs (one place for both), builds the help card from the usage texts, hands due jobs to
the delivery engine and serves the signed files.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from bot.i18n import FeatureTexts
from bot.turn import InvokeAnswer, Turn

if TYPE_CHECKING:
    from bot.services import Services

COORDINATOR = "coordinator"  # the one role beyond "anyone in the network"

CommandHandler = Callable[[Turn, str], Awaitable[None]]  # (turn, the text after the command word)
VerbHandler = Callable[[Turn, dict[str, Any]], Awaitable[InvokeAnswer]]  # (turn, the action's data)
FormHandler = Callable[[Turn, dict[str, Any]], Awaitable[None]]  # (turn, the submitted values)
FreeTextHandler = Callable[[Turn, str], Awaitable[None]]
JobHandler = Callable[[dict[str, Any]], Awaitable[None]]
ProgressHook = Callable[[str], Awaitable[None] | None]


class FlowResult(Enum):
    """What a flow did with the message it was handed."""

    DONE = "done"  # handled; the flow ends
    WAITING = "waiting"  # handled; the flow wants the next message too
    NOT_HANDLED = "not_handled"  # not for the flow; it ends and the message is routed as usual


FlowHandler = Callable[[Turn, dict[str, Any]], Awaitable[FlowResult]]


@dataclass(frozen=True)
class Command:
    """A typed command: its words, who may use it, how the help card shows it, and its handler."""

    key: str
    fi: str
    en: str
    handler: CommandHandler
    aliases: tuple[str, ...] = ()
    role: str | None = None
    usage_fi: str = ""  # shown after the word on the help card, e.g. " Kysymys? ; a ; b"
    usage_en: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        """Every word that invokes the command."""
        return (self.fi, self.en, *self.aliases)

    def word_in(self, language: str) -> str:
        """The word to show a user of `language`."""
        return self.en if language == "en" else self.fi

    def usage_in(self, language: str) -> str:
        """The word and its arguments as the help card shows them."""
        return self.word_in(language) + (self.usage_en if language == "en" else self.usage_fi)

    @property
    def help_key(self) -> str:
        """The message key of the one-line description on the help card."""
        return f"help.commands.{self.key}"


@dataclass(frozen=True)
class CardVerb:
    """An `Action.Execute` verb, the role it needs and its handler.

    The router checks the role; the handler re-checks the object the data names and that it
    belongs to the conversation (and person) acting on it.
    """

    verb: str
    handler: VerbHandler
    role: str | None = None


@dataclass(frozen=True)
class Form:
    """An `Action.Submit` form, recognised by the `kasvuopas` key of the submitted values."""

    name: str
    handler: FormHandler


@dataclass(frozen=True)
class Flow:
    """A question that waits for the next message in the conversation (its state survives restarts)."""

    name: str
    handler: FlowHandler
    role: str | None = None  # checked for whoever answers, as for commands


@dataclass(frozen=True)
class SignedFile:
    """A file served at `/{prefix}/{id}.{suffix}` through a signed, expiring link."""

    prefix: str  # e.g. "polls"
    suffix: str  # e.g. "csv"
    content: Callable[[int], bytes | str | Awaitable[bytes | str | None] | None]  # None: not found
    content_type: str
    filename: str  # with `{}` for the id, e.g. "kysely-{}.csv"

    def path(self, item_id: int) -> str:
        """The path a link to item `item_id` signs."""
        return f"/{self.prefix}/{item_id}.{self.suffix}"


@dataclass(frozen=True)
class Feature:
    """Everything one feature adds to the bot."""

    name: str
    commands: Sequence[Command] = ()
    card_verbs: Sequence[CardVerb] = ()
    forms: Sequence[Form] = ()
    flows: Sequence[Flow] = ()
    jobs: Mapping[str, JobHandler] = field(default_factory=dict)
    progress_hooks: Sequence[ProgressHook] = ()
    files: Sequence[SignedFile] = ()
    free_text: FreeTextHandler | None = None  # at most one feature answers text that is not a command
    tables: Sequence[str] = ()  # the tables the feature owns (created by the numbered migrations)
    # Texts of the feature's own, {"fi": {key: text}, "en": {key: text}}, added to the catalogues
    # (the features that came first keep theirs in bot/locales/*.toml).
    texts: FeatureTexts = field(default_factory=dict)


FeatureFactory = Callable[["Services"], Feature]
