"""Webinars: form and quick syntax, preview, publishing, sign-up, one's own view, management, reminders."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from adaptive_cards.base import plain
from adaptive_cards.forms import TARGET_HERE
from adaptive_cards.webinars import (
    CANCEL_VERB,
    EDIT_VERB,
    FORM_VERB,
    MANAGE_VERB,
    MINE_VERB,
    OWN_LIST_VERB,
    PUBLISH_VERB,
    RECORDING_VERB,
    RESCHEDULE_VERB,
    RSVP_VERB,
    TARGETS_VERB,
    ListItem,
    cancel_question_card,
    form_card,
    list_card,
    manage_card,
    own_card,
    preview_card,
    series_card,
    webinar_card,
)
from bot.common.clock import Clock
from bot.common.conversation_ids import base_conversation_id
from bot.common.helsinki_time import format_time
from bot.common.signed_links import SignedLinks
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.commands import split_parts
from bot.domain.registry import CHANNEL, ConversationRegistry
from bot.domain.roles import Roles
from bot.domain.webinars import Webinar, WebinarInput, Webinars, check, parse_quick
from bot.feature import (
    COORDINATOR,
    Actor,
    Anywhere,
    CardVerb,
    Command,
    Feature,
    MadeFor,
    Named,
    Origins,
    Pressed,
    Rule,
    by_owner,
)
from bot.features.publishing import TargetPicker, no_targets_key, references, resolve_targets
from bot.features.webinars.manage import WebinarChanges
from bot.features.webinars.notices import (
    CHANNEL_REMINDER,
    PERSONAL_REMINDER,
    Languages,
    WebinarNotices,
    group_of,
    post_prefix,
)
from bot.features.webinars.views import WebinarViews, plain_time
from bot.i18n import Texts
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_activity, card_answer, message_answer

log = logging.getLogger(__name__)

CANCEL_WORDS, MOVE_WORDS = {"peru", "cancel"}, {"siirrä", "siirra", "move"}
MANAGE_WORDS, RECORDING_WORDS = {"hallinnoi", "manage"}, {"tallenne", "recording"}
CODE_PUNCTUATION = ".,;:!?()[]*\"'`<>"  # what may cling to a code copied from a card or a message


def _draft(_actor: Actor, webinar: Webinar) -> str | None:
    return None if webinar.status == "draft" else "webinar.already_published"


def _published(_actor: Actor, webinar: Webinar) -> str | None:
    return None if webinar.status == "published" else "webinar.not_found"


def _not_draft(_actor: Actor, webinar: Webinar) -> str | None:
    return "webinar.not_found" if webinar.status == "draft" else None


class WebinarFeature:
    """The glue between the conversation and the webinar domain; sending goes through the outbox."""

    def __init__(
        self,
        webinars: Webinars,
        registry: ConversationRegistry,
        outbox: Outbox,
        jobs: JobStore,
        links: SignedLinks,
        languages: Languages,
        roles: Roles,
        clock: Clock,
        reminder_before: timedelta,
        topics: Callable[[str], list[str]] = lambda _text: [],
    ) -> None:
        self.webinars = webinars
        self._registry = registry
        self._outbox = outbox
        self._languages = languages  # a copy in a channel is in the network's language, in a 1:1 chat the person's
        self._roles = roles
        self._clock = clock
        self._origins = Origins(links, clock)
        self._notices = WebinarNotices(webinars, registry, outbox, jobs, languages, reminder_before)
        self._changes = WebinarChanges(webinars, self._notices, self._refresh_copies, clock)
        self._topics = topics  # text -> the knowledge-base services it is about
        self._views = WebinarViews(webinars, links, clock)
        self._picker = TargetPicker(registry, TARGETS_VERB, "webinar")

    def declare(self) -> Feature:
        """`webinaarit` for everyone; creating and managing webinars for coordinators."""
        # A preview (and its picker) was made for the coordinator who typed `webinaari`: only they
        # publish, edit or choose its channels, there, and only while it is a draft.
        made_by_them: Rule[Webinar] = by_owner(lambda webinar: webinar.created_by)
        own_draft = Named(self._webinar_of, (_draft, made_by_them), "webinar.not_found", self._origins)
        # Managing happens only on a coordinator's own card (their preview once published, or one they
        # open with `webinaari hallinnoi KOODI`): its ticket binds it to them and their conversation, and
        # the router re-checks the role on every press. The card everyone sees has no management at all.
        managed = Named(self._webinar_of, (_not_draft,), "webinar.not_found", self._origins)
        # Signing up and one's own view work where the webinar is open (see `_open_to`).
        open_here = Named(self._webinar_of, (_not_draft, self._in_audience), "webinar.not_found")
        return Feature(
            name="webinars",
            commands=[
                Command("webinars", "webinaarit", "webinars", self.list, aliases=("tietoiskut",)),
                Command(
                    "webinar",
                    "webinaari",
                    "webinar",
                    self.command,
                    aliases=("tietoisku",),
                    role=COORDINATOR,
                    usage_fi=" Otsikko ; 16.12.2026 14:00 ; Esittäjä ; https://…",
                    usage_en=" Title ; 16.12.2026 14:00 ; Presenter ; https://…",
                ),
            ],
            card_verbs=[
                CardVerb(RSVP_VERB, self.rsvp, access=Named(self._webinar_of, (_published, self._in_audience))),
                CardVerb(MINE_VERB, self.mine, access=open_here),
                CardVerb(
                    OWN_LIST_VERB,
                    self.own_list,
                    access=Anywhere("shows the presser their own sign-ups to the webinars open where they press"),
                ),
                CardVerb(FORM_VERB, self.preview_from_form, COORDINATOR, MadeFor(self._origins)),
                CardVerb(EDIT_VERB, self.edit, COORDINATOR, own_draft),
                CardVerb(TARGETS_VERB, self.pick_targets, COORDINATOR, own_draft),
                CardVerb(PUBLISH_VERB, self.publish, COORDINATOR, own_draft),
                CardVerb(MANAGE_VERB, self.manage, COORDINATOR, managed),
                CardVerb(CANCEL_VERB, self.cancel, COORDINATOR, managed),
                CardVerb(RESCHEDULE_VERB, self.reschedule, COORDINATOR, managed),
                CardVerb(RECORDING_VERB, self.add_recording, COORDINATOR, managed),
            ],
            jobs={
                CHANNEL_REMINDER: self._notices.channel_reminder,
                PERSONAL_REMINDER: self._notices.personal_reminder,
            },
            files=[self._views.calendar_file],
            tables=("webinars", "webinar_attendance"),
        )

    # ---- who may see and answer a webinar ------------------------------------------------

    def _webinar_of(self, data: dict[str, Any]) -> Webinar | None:
        code = data.get("webinar")
        return self.webinars.get_by_code(code) if isinstance(code, str) else None

    def _open_to(self, webinar: Webinar, conversation_id: str) -> bool:
        """Posted here, or to a network channel (then anyone may sign up); one posted to a chat is its own."""
        targets = {base_conversation_id(target) for target in webinar.targets}
        if conversation_id in targets:
            return True
        return any(
            (row := self._registry.get(target)) is not None and row["conversation_type"] == CHANNEL
            for target in targets
        )

    def _in_audience(self, actor: Actor, webinar: Webinar) -> str | None:
        return None if self._open_to(webinar, actor.conversation_id) else "card.refused.other_conversation"

    # ---- commands -------------------------------------------------------------------------

    async def command(self, turn: Turn, args: str) -> None:
        """`webinaari` (form), `webinaari Otsikko ; aika ; esittäjä ; linkki`, or a change by the webinar's code."""
        first = args.split(" ", 1)[0].lower() if args else ""
        if first in CANCEL_WORDS | MOVE_WORDS | MANAGE_WORDS | RECORDING_WORDS:
            await self._change_by_command(turn, first, args.split(" ", 1)[1] if " " in args else "")
            return
        if not args.strip():
            await turn.reply(form_card(turn.texts, {}, {}, self._origins.ticket(turn)))
            return
        values = parse_quick(split_parts(args))
        await turn.reply(self._preview_or_form(turn, values))

    def _upcoming_here(self, conversation_id: str) -> list[Webinar]:
        return [w for w in self.webinars.upcoming(self._clock()) if self._open_to(w, conversation_id)]

    async def list(self, turn: Turn, _args: str) -> None:
        """`webinaarit`: upcoming webinars open to this conversation; in a 1:1 chat with one's own sign-ups."""
        if turn.conversation.is_personal:
            await turn.reply(self._own_list(turn))
            return
        # Everyone here reads this list: it shows nobody's sign-ups, and a button gives each their own.
        upcoming = self._upcoming_here(turn.conversation.base_id)
        items = [ListItem(self._views.view(webinar, turn.language)) for webinar in upcoming]
        await turn.reply(list_card(turn.texts, items, own=False))

    def _own_list(self, turn: Turn, note: str = "") -> dict[str, Any]:
        """The list as one person sees it: their sign-up on each webinar, **Hallinnoi** for a coordinator."""
        texts, person = turn.texts, turn.person
        items = [
            ListItem(self._views.view(webinar, texts.language), self.webinars.answer_of(webinar.id, person.key) is True)
            for webinar in self._upcoming_here(turn.conversation.base_id)
        ]
        coordinator = self._roles.has_role(person.aad_id, COORDINATOR)
        ticket = self._origins.ticket(turn) if coordinator else ""
        return list_card(texts, items, own=True, note=note, manage_origin=ticket)

    async def _change_by_command(self, turn: Turn, word: str, rest: str) -> None:
        """`webinaari peru|siirrä|tallenne|hallinnoi KOODI …` (coordinators, anywhere)."""
        parts = split_parts(rest)
        webinar = self.webinars.get_by_code(parts[0].strip(CODE_PUNCTUATION)) if parts else None
        if webinar is None or webinar.status == "draft":
            await turn.reply(turn.texts("webinar.usage"))
            return
        texts, title = turn.texts, plain(webinar.title)  # the reply is Markdown
        second = parts[1] if len(parts) > 1 else ""
        if word in MANAGE_WORDS:
            await turn.reply(self._manage_card(turn, webinar))
        elif word in CANCEL_WORDS and webinar.status != "cancelled":
            # As on the card: nothing is cancelled before the coordinator confirms.
            await turn.reply(self._cancel_question(turn, webinar))
        elif word in CANCEL_WORDS:
            await turn.reply(self._changes.cancel(texts, webinar, title).text)
        elif word in MOVE_WORDS:
            await turn.reply(self._changes.reschedule(texts, webinar, second, title).text)
        else:
            await turn.reply(self._changes.add_recording(texts, webinar, second, title).text)

    # ---- drafts: form, preview, channels, publishing --------------------------------------

    def _preview_or_form(self, turn: Turn, values: WebinarInput) -> dict[str, Any]:
        texts = turn.texts
        draft, errors = check(values, self._clock())
        if draft is None:
            shown = {field: texts(key) for field, key in errors.items()}
            return form_card(texts, values.as_dict(), shown, self._origins.ticket(turn))
        ids = self.webinars.create_drafts(draft, turn.person.key)
        first = self.webinars.get(ids[0])
        if first is None:  # written in this very call: only a broken database gets here
            raise LookupError(f"webinar {ids[0]} vanished after it was created")
        return self._preview(turn, first)

    def _preview(self, turn: Turn, first: Webinar) -> dict[str, Any]:
        texts, origin = turn.texts, self._origins.ticket(turn)
        views = [self._views.view(webinar, texts.language) for webinar in self.webinars.series(first.id)]
        return preview_card(texts, views, self._picker.where(texts, first.code, origin, first.targets), origin)

    async def preview_from_form(self, turn: Turn, pressed: Pressed[None]) -> InvokeAnswer:
        """The form's **Esikatsele**: the preview, or the form again with what to fix."""
        fields = {key: str(pressed.data.get(key) or "") for key in WebinarInput().as_dict()}
        return card_answer(self._preview_or_form(turn, WebinarInput(**fields)))

    async def edit(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Muokkaa** on the preview: the form with the draft's values."""
        webinar = pressed.subject
        values = {
            "title": webinar.title,
            "organisation": webinar.organisation,
            "presenter": webinar.presenter,
            "start": plain_time(webinar.starts_at),
            "duration": str(webinar.duration_min),
            "join_url": webinar.join_url,
            "description": webinar.description,
        }
        return card_answer(form_card(turn.texts, values, {}, self._origins.ticket(turn)))

    async def pick_targets(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Valitse kanavat…** and the picker's pages: the ticks kept with the draft, then the preview."""
        webinar = pressed.subject
        return card_answer(
            self._picker.press(
                turn.texts,
                pressed.data,
                (webinar.code, webinar.targets),
                self._origins.ticket(turn),
                save=lambda chosen: self.webinars.choose_targets(webinar.id, chosen),
                preview=lambda: self._preview(turn, self.webinars.get(webinar.id) or webinar),
            )
        )

    async def publish(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Julkaise**: one card per target through the outbox; the preview becomes the coordinator's own card."""
        texts, webinar, data = turn.texts, pressed.subject, pressed.data
        targets = references(self._registry, resolve_targets(turn, self._registry, data, webinar.targets))
        if not targets:
            return message_answer(texts(no_targets_key(data)))
        published = self.webinars.publish(webinar.id, list(targets))
        if not published:  # a second press that got past the draft check at the same moment
            return message_answer(texts("webinar.already_published"))
        for item in published:
            self.webinars.set_services(item.id, self._topics(f"{item.title} {item.organisation} {item.description}"))
            cards: dict[str, dict[str, Any]] = {}
            for conversation_id, reference in targets.items():
                copy_texts = self._languages.of_conversation(conversation_id, reference)
                if copy_texts.language not in cards:
                    cards[copy_texts.language] = webinar_card(copy_texts, self._views.view(item, copy_texts.language))
                self._outbox.enqueue_send(
                    group_of(item.id),
                    f"webinar:{item.id}:post:{conversation_id}",
                    conversation_id,
                    reference,
                    card_activity(cards[copy_texts.language]),
                )
            self._notices.schedule_reminders(item)
        log.info("webinar published", extra={"webinars": len(published), "targets": len(targets)})
        # The preview says what happened and loses its buttons: a second **Julkaise** is refused anyway.
        now = format_time(self._clock(), texts.language)
        if data.get("target") == TARGET_HERE:
            note = texts("webinar.published_here", when=now)
        else:
            note = texts("webinar.published", where=self._where(texts, published[0]), when=now)
        if len(published) == 1:
            return card_answer(self._manage_card(turn, published[0], note))
        views = [self._views.view(item, texts.language) for item in published]
        note += " " + texts("webinar.series_published", count=len(published))
        return card_answer(
            series_card(texts, views, self._origins.ticket(turn), self._where(texts, published[0]), note)
        )

    def _where(self, texts: Texts, webinar: Webinar) -> str:
        """ "12 kanavalle" / "1 keskusteluun": where the webinar was posted."""
        count = len(webinar.targets)
        channels = all(
            (row := self._registry.get(target)) is not None and row["conversation_type"] == CHANNEL
            for target in webinar.targets
        )
        key = "webinar.to_channels" if channels else "webinar.to_conversations"
        return texts(key + ("_one" if count == 1 else ""), count=count)

    # ---- published webinars: sign-up and one's own view -------------------------------------

    def _own_card(self, turn: Turn, webinar: Webinar, note: str = "") -> dict[str, Any]:
        """The presser's own view of the posted card, in their language."""
        texts = turn.texts
        signed_up = self.webinars.answer_of(webinar.id, turn.person.key) is True
        view = self._views.view(webinar, texts.language)
        return own_card(texts, view, signed_up, note, refresh_for=self.webinars.recent_answerer_ids(webinar.id))

    async def rsvp(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Osallistun / Peru ilmoittautuminen**: the person's own view at once, every copy updated soon after."""
        texts, webinar = turn.texts, pressed.subject
        attending = pressed.data.get("attending")
        if not isinstance(attending, bool):
            return message_answer(texts("webinar.not_found"))
        person = turn.person
        self.webinars.set_attending(webinar.id, person.key, person.id, person.name, turn.conversation.id, attending)
        self._refresh_copies(webinar.id)
        if pressed.data.get("view") == "list":
            key = "webinar.signed_up_to" if attending else "webinar.signed_off_from"
            return card_answer(self._own_list(turn, texts(key, title=plain(webinar.title))))
        note = texts("webinar.signed_up_note") if attending else texts("webinar.signed_off_note")
        return card_answer(self._own_card(turn, webinar, note))

    async def mine(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Näytä oma ilmoittautumiseni**, and Teams' refresh of the posted card: the presser's own view."""
        return card_answer(self._own_card(turn, pressed.subject))

    async def own_list(self, turn: Turn, _pressed: Pressed[None]) -> InvokeAnswer:
        """**Näytä omat ilmoittautumiseni** on a list everyone sees: the presser's own list."""
        return card_answer(self._own_list(turn))

    def _refresh_copies(self, webinar_id: int) -> None:
        """Update every posted copy of the card (coalesced by the outbox to about one update a second)."""
        webinar = self.webinars.get(webinar_id)
        if webinar is None:
            return
        answered = self.webinars.recent_answerer_ids(webinar_id)
        cards: dict[str, dict[str, Any]] = {}
        for copy in self._outbox.sent_copies(group_of(webinar_id), key_prefix=post_prefix(webinar_id)):
            texts = self._languages.of_conversation(copy.conversation_id, copy.reference)
            if texts.language not in cards:
                cards[texts.language] = webinar_card(texts, self._views.view(webinar, texts.language), answered)
            self._outbox.enqueue_update(
                group_of(webinar_id),
                copy.conversation_id,
                copy.reference,
                copy.activity_id,
                card_activity(cards[texts.language]),
            )

    # ---- management, on a coordinator's own card -------------------------------------------

    def _manage_card(
        self, turn: Turn, webinar: Webinar, note: str = "", ok: bool = True, new_start: str = ""
    ) -> dict[str, Any]:
        """The coordinator's own card for the webinar as it is now, with `note` saying what just happened."""
        texts = turn.texts
        fresh = self.webinars.get(webinar.id) or webinar
        view = self._views.view(fresh, texts.language)
        ticket = self._origins.ticket(turn)
        return manage_card(texts, view, ticket, self._where(texts, fresh), note, ok, new_start)

    def _cancel_question(self, turn: Turn, webinar: Webinar) -> dict[str, Any]:
        texts = turn.texts
        view = self._views.view(webinar, texts.language)
        return cancel_question_card(texts, view, self._origins.ticket(turn), len(webinar.targets))

    async def manage(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Hallinnoi** (a coordinator's list, a series) and **Älä peru**: the management card."""
        return card_answer(self._manage_card(turn, pressed.subject))

    async def cancel(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Peru webinaari** asks first; **Kyllä, peru** cancels."""
        webinar = pressed.subject
        if pressed.data.get("confirmed") is not True and webinar.status != "cancelled":
            return card_answer(self._cancel_question(turn, webinar))
        outcome = self._changes.cancel(turn.texts, webinar, plain(webinar.title))
        return card_answer(self._manage_card(turn, webinar, outcome.text, outcome.done))

    async def reschedule(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Siirrä** with the new start time; a bad time comes back on the card, as typed."""
        webinar, new_start = pressed.subject, str(pressed.data.get("new_start") or "")
        outcome = self._changes.reschedule(turn.texts, webinar, new_start, plain(webinar.title))
        kept = "" if outcome.done else new_start
        return card_answer(self._manage_card(turn, webinar, outcome.text, outcome.done, kept))

    async def add_recording(self, turn: Turn, pressed: Pressed[Webinar]) -> InvokeAnswer:
        """**Tallenna tallenteen linkki**: the recording on every copy."""
        webinar, url = pressed.subject, str(pressed.data.get("recording_url") or "")
        outcome = self._changes.add_recording(turn.texts, webinar, url, plain(webinar.title))
        return card_answer(self._manage_card(turn, webinar, outcome.text, outcome.done))


def feature(services: Services) -> Feature:
    """Webinars, with the finder telling which knowledge-base services each one is about."""
    finder = services.knowledge

    def topics(text: str) -> list[str]:
        return [match.service.id for match in finder.finder.search(text, top=3).matches]

    return WebinarFeature(
        Webinars(services.db, services.clock),
        services.registry,
        services.outbox,
        services.jobs,
        services.links,
        Languages(services.catalogues, services.preferences, services.registry),
        services.roles,
        services.clock,
        timedelta(hours=services.settings.reminder_hours_before),
        topics=topics,
    ).declare()
