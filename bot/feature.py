"""What a feature declares: commands, card verbs (with who may press them, where, on what),
forms, flows, job kinds, files and tables.

A feature is a module with `feature(services) -> Feature`; `bot.features.FEATURES` lists them.
The router reads the declarations once: it matches commands, checks the role a command or card
verb needs and a card verb's access rule before its handler (one place for all), builds the help
card from the usage texts, hands due jobs to the delivery engine and serves the signed files.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar
from urllib.parse import parse_qs, urlsplit

from bot.common.clock import Clock
from bot.common.conversation_ids import base_conversation_id
from bot.common.signed_links import SignedLinks
from bot.i18n import FeatureTexts
from bot.turn import InvokeAnswer, Person, Turn

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


# ---- card verbs and who may press them ---------------------------------------------------------

S = TypeVar("S")  # the object a verb acts on
T = TypeVar("T")  # what a verb's handler is given
T_co = TypeVar("T_co", covariant=True)

ORIGIN_KEY = "origin"  # the action data's ticket of a card made for one person in one conversation


@dataclass(frozen=True)
class Actor:
    """Who pressed a card button, and where: what access rules decide on."""

    person: Person
    conversation_id: str  # without a channel thread's `;messageid=` part
    coordinator: bool


@dataclass(frozen=True)
class Pressed(Generic[S]):
    """A press that passed its verb's access rule: the object its data names, who pressed, the data."""

    subject: S
    actor: Actor
    data: dict[str, Any]


@dataclass(frozen=True)
class Refusal:
    """Why a press is refused: a message key, shown as plain text in the presser's language."""

    key: str


Rule = Callable[[Actor, S], str | None]  # None: the actor may act on the object; else a refusal key


class Access(Protocol[T_co]):
    """A card verb's access rule: the router runs it before the handler and hands over its result."""

    def check(self, actor: Actor, data: dict[str, Any]) -> T_co | Refusal:
        """What the handler is given, or why the press is refused (nothing is changed then)."""
        ...


class Origins:
    """Tickets that bind a card to the person it was made for and the conversation it was shown in."""

    # A form, a preview or a list is made for one reader; its buttons carry the ticket, so a payload
    # replayed by someone else or elsewhere is refused. The ticket is an HMAC by the signed-link key.

    LIFETIME = timedelta(days=180)  # a form left in a chat for months still works

    def __init__(self, links: SignedLinks, clock: Clock) -> None:
        self._links = links
        self._clock = clock

    @staticmethod
    def _path(conversation_id: str, person_key: str) -> str:
        return f"/card-origin/{base_conversation_id(conversation_id)}/{person_key}"

    def ticket(self, turn: Turn) -> str:
        """The ticket of a card made now for the turn's person in the turn's conversation."""
        url = self._links.url(self._path(turn.conversation.id, turn.person.key), self._clock(), self.LIFETIME)
        query = parse_qs(urlsplit(url).query)
        return f"{query['exp'][0]}.{query['sig'][0]}"

    def matches(self, actor: Actor, ticket: object) -> bool:
        """True when `ticket` was made for this actor in this conversation and has not expired."""
        if not isinstance(ticket, str) or ticket.count(".") != 1:
            return False
        expires, signature = ticket.split(".")
        path = self._path(actor.conversation_id, actor.person.key)
        return self._links.verify(path, expires, signature, self._clock())


@dataclass(frozen=True)
class Named(Generic[S]):
    """The verb acts on a stored object its data names: how to load it, and who may act on it where."""

    load: Callable[[dict[str, Any]], S | None]  # None: the data names nothing that exists
    rules: Sequence[Rule[S]] = ()  # each may refuse
    not_found: str = "card.not_found"
    origins: Origins | None = None  # set: the card must also have been made for this person, here

    def check(self, actor: Actor, data: dict[str, Any]) -> Pressed[S] | Refusal:
        """Load the object and apply the rules."""
        if self.origins is not None and not self.origins.matches(actor, data.get(ORIGIN_KEY)):
            return Refusal("card.refused.origin")
        subject = self.load(data)
        if subject is None:
            return Refusal(self.not_found)
        for rule in self.rules:
            refusal = rule(actor, subject)
            if refusal is not None:
                return Refusal(refusal)
        return Pressed(subject, actor, data)


@dataclass(frozen=True)
class MadeFor:
    """A card made for one person in one conversation (a form, a list): only they press it, only there."""

    origins: Origins

    def check(self, actor: Actor, data: dict[str, Any]) -> Pressed[None] | Refusal:
        """Refuse a ticket made for someone else or somewhere else."""
        if not self.origins.matches(actor, data.get(ORIGIN_KEY)):
            return Refusal("card.refused.origin")
        return Pressed(None, actor, data)


@dataclass(frozen=True)
class Anywhere:
    """The verb names no object and its card is nobody's in particular: the role is all there is."""

    why: str  # why that is safe, said in the declaration for the people who read it

    def check(self, actor: Actor, data: dict[str, Any]) -> Pressed[None] | Refusal:
        """Nothing to refuse beyond the role the router checks."""
        return Pressed(None, actor, data)


def in_conversation(conversation_of: Callable[[S], str], refusal: str = "card.refused.other_conversation") -> Rule[S]:
    """Only in the conversation the object belongs to (a channel's threads count as the channel)."""

    def rule(actor: Actor, subject: S) -> str | None:
        return None if base_conversation_id(conversation_of(subject)) == actor.conversation_id else refusal

    return rule


def in_any_of(
    conversations_of: Callable[[S], Sequence[str]], refusal: str = "card.refused.other_conversation"
) -> Rule[S]:
    """Only in one of the conversations the object was posted to."""

    def rule(actor: Actor, subject: S) -> str | None:
        posted = {base_conversation_id(conversation) for conversation in conversations_of(subject)}
        return None if actor.conversation_id in posted else refusal

    return rule


def by_owner(
    owner_of: Callable[[S], str], refusal: str = "card.refused.not_yours", coordinators: bool = False
) -> Rule[S]:
    """Only by the person the object belongs to (its stored person key), or also by coordinators."""

    def rule(actor: Actor, subject: S) -> str | None:
        if actor.person.key == owner_of(subject) or (coordinators and actor.coordinator):
            return None
        return refusal

    return rule


@dataclass(frozen=True)
class CardVerb(Generic[T]):
    """An `Action.Execute` verb, its handler, the role it needs and its access rule."""

    # The router checks the role, then the access rule (the object the data names, the conversation,
    # the person) and hands the handler what the rule gave: a `Pressed` with the loaded object. Without
    # `access` the handler gets the raw data and checks everything itself; the router names such verbs
    # at start-up and tests/test_card_access.py fails for them.
    verb: str
    handler: Callable[[Turn, T], Awaitable[InvokeAnswer]]
    role: str | None = None
    access: Access[T] | None = None


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
    card_verbs: Sequence[CardVerb[Any]] = ()
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
