"""`aukot` / `gaps` and the weekly gaps digest: what the finder answered badly, for coordinators to fix.

Each line of the digest card can become an alias in the knowledge base's lexicon or a draft entry in
its `drafts/` folder. The card names a stored snapshot and a line of it; the handlers take the question
from the snapshot, never from the card's data. The weekly job is a one-shot row that schedules the
next week's (its key names the date); the factory schedules the first one at start-up.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from adaptive_cards.curator import (
    ALIAS_FORM_VERB,
    ALIAS_VERB,
    DRAFT_VERB,
    MEANING_INPUT,
    PAGE_VERB,
    WORD_INPUT,
    DigestView,
    alias_card,
    digest_card,
    digest_view,
    line_view,
    plain,
)
from bot.common.clock import from_stored_time, to_stored_time
from bot.common.helsinki_time import to_helsinki, to_utc
from bot.domain.curation import KINDS, Digest, DigestStore, GapLine, build_digest
from bot.domain.kb_edits import (
    CurationRefused,
    add_alias,
    alias_candidates,
    alias_keys,
    restore_lexicon,
    write_gap_draft,
)
from bot.domain.registry import ConversationRegistry
from bot.feature import COORDINATOR, CardVerb, Command, Feature, Named, Pressed
from bot.features.curator_texts import TEXTS
from bot.features.personal_messages import Recipient, queue_personal_message
from bot.i18n import Texts, language_for
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_activity, card_answer, message_answer
from knowledge.loader import KnowledgeBaseError

log = logging.getLogger(__name__)

WEEKLY_JOB = "curator.weekly"
STALE = "curator.stale"  # the digest (or line) a button names is not stored (any more)
WEEKLY_DAY, WEEKLY_HOUR = 0, 8  # Monday 08:00 Helsinki time
WEEK = timedelta(days=7)
DEFAULT_DAYS, MAX_DAYS = 30, 366
_DAYS = re.compile(r"^(\d{1,3})\s*(?:d|pv|pvä|päivää|paivaa|päivä|paiva|vrk|days?)?$", re.IGNORECASE)


# Toasts (message_answer) are plain text in Teams: the keys used there carry no Markdown.


def next_weekly_due(after: datetime) -> datetime:
    """The first Monday 08:00 in Helsinki strictly after `after` (UTC)."""
    local = to_helsinki(after)
    day = local.date() + timedelta(days=(WEEKLY_DAY - local.weekday()) % 7)
    due = to_utc(datetime.combine(day, time(WEEKLY_HOUR)))
    return due if due > after else to_utc(datetime.combine(day + WEEK, time(WEEKLY_HOUR)))


def weekly_key(due: datetime) -> str:
    """The job key of the digest due then: it names the date, so each week is a job of its own."""
    return f"curator:weekly:{to_helsinki(due).date().isoformat()}"


@dataclass(frozen=True)
class Stored:
    """What a button names: a stored digest (its token) and, for the line buttons, one line of it."""

    token: str
    digest: Digest
    line: GapLine | None = None


class CuratorFeature:
    """The digest on demand and weekly, and the buttons that turn its lines into aliases and drafts."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._store = DigestStore(services.db, services.clock)

    # ---- building and showing -------------------------------------------------------------

    def digest(self, since: datetime, until: datetime) -> Digest:
        """The gaps of [since, until) against the knowledge base in use."""
        services = [service.id for service in self._services.knowledge.kb.services]
        return build_digest(self._services.db, since, until, services)

    def _names(self, language: str) -> dict[str, str]:
        english = language == "en"
        return {s.id: s.name_en if english else s.name_fi for s in self._services.knowledge.kb.services}

    def view(
        self, texts: Texts, token: str, digest: Digest, pages: dict[str, int], notice: str = "", ok: bool = True
    ) -> DigestView:
        """The card's content in the reader's language."""
        return digest_view(texts, texts.language, token, digest, pages, self._names(texts.language), notice, ok)

    async def show(self, turn: Turn, args: str) -> None:
        """`aukot [päivät]`: the digest of the last days (30 unless told)."""
        match = _DAYS.match(args.strip()) if args.strip() else None
        days = int(match.group(1)) if match else DEFAULT_DAYS
        if (args.strip() and match is None) or not 1 <= days <= MAX_DAYS:
            await turn.reply(turn.texts("curator.usage", max=MAX_DAYS))
            return
        until = self._services.clock() + timedelta(milliseconds=1)  # a question asked this very moment counts
        digest = self.digest(until - timedelta(days=days), until)
        token = self._store.save(digest)
        await turn.reply(digest_card(turn.texts, self.view(turn.texts, token, digest, {})))

    # ---- card buttons ---------------------------------------------------------------------
    # The access rules load the stored snapshot (and line) a button names; the router refuses a press
    # whose digest or line is not stored, with `curator.stale`, before a handler runs.

    def load_digest(self, data: dict[str, Any]) -> Stored | None:
        """The stored digest the button names."""
        token = data.get("digest")
        digest = self._store.get(token)
        return Stored(str(token), digest) if digest is not None else None

    def load_line(self, data: dict[str, Any]) -> Stored | None:
        """The stored digest and the line of it the button names."""
        stored = self.load_digest(data)
        line = stored.digest.line(str(data.get("line"))) if stored is not None else None
        return Stored(stored.token, stored.digest, line) if stored is not None and line is not None else None

    @staticmethod
    def _pages(data: dict[str, Any]) -> dict[str, int]:
        raw = data.get("pages")
        if not isinstance(raw, dict):
            return {}
        return {kind: value for kind, value in raw.items() if kind in KINDS and type(value) is int}

    def _answer(self, turn: Turn, pressed: Pressed[Stored], notice: str = "", ok: bool = True) -> InvokeAnswer:
        stored, pages = pressed.subject, self._pages(pressed.data)
        return card_answer(
            digest_card(turn.texts, self.view(turn.texts, stored.token, stored.digest, pages, notice, ok))
        )

    async def page(self, turn: Turn, pressed: Pressed[Stored]) -> InvokeAnswer:
        """**Seuraavat** / **Edelliset** / **Takaisin**: the stored digest at the pages asked for."""
        return self._answer(turn, pressed)

    def _alias_form(self, turn: Turn, pressed: Pressed[Stored], line: GapLine, error: str = "") -> InvokeAnswer:
        candidates = alias_candidates(line, alias_keys(self._services.knowledge.folder))
        view = line_view(turn.texts, turn.language, line, {})
        meaning = str(pressed.data.get(MEANING_INPUT) or "")[:80]
        pages = self._pages(pressed.data)
        return card_answer(alias_card(turn.texts, pressed.subject.token, view, candidates, pages, error, meaning))

    async def alias_form(self, turn: Turn, pressed: Pressed[Stored]) -> InvokeAnswer:
        """**Tee alias**: the form for one line of the stored digest."""
        line = pressed.subject.line
        assert line is not None  # load_line gives only stored lines
        if not alias_candidates(line, alias_keys(self._services.knowledge.folder)):
            return message_answer(turn.texts("curator.no_words"))
        return self._alias_form(turn, pressed, line)

    async def alias(self, turn: Turn, pressed: Pressed[Stored]) -> InvokeAnswer:
        """**Tallenna alias**: a word of the stored question = what it means, into the lexicon in use."""
        texts, line, data = turn.texts, pressed.subject.line, pressed.data
        assert line is not None
        folder = self._services.knowledge.folder
        word = str(data.get(WORD_INPUT) or "")
        if word not in alias_candidates(line, alias_keys(folder)):
            return self._alias_form(turn, pressed, line, texts("curator.refused.word"))
        try:
            previous = add_alias(folder, word, str(data.get(MEANING_INPUT) or ""), self._today())
        except CurationRefused as refused:
            values = {key: plain(value) for key, value in refused.values.items()}
            return self._alias_form(turn, pressed, line, texts(f"curator.refused.{refused.reason}", **values))
        except OSError:
            log.exception("lexicon not written")
            return self._alias_form(turn, pressed, line, texts("curator.refused.write_failed"))
        try:
            self._services.knowledge.reload()
        except KnowledgeBaseError as error:
            restore_lexicon(folder, previous)
            problem = plain(str(error.problems[0])) if error.problems else ""
            return self._alias_form(turn, pressed, line, texts("curator.refused.reload_failed", problem=problem))
        log.info("alias added from the gaps digest", extra={"line": line.id})
        meaning = " ".join(str(data.get(MEANING_INPUT) or "").split())
        return self._answer(turn, pressed, texts("curator.alias_added", word=plain(word), meaning=plain(meaning)))

    async def draft(self, turn: Turn, pressed: Pressed[Stored]) -> InvokeAnswer:
        """**Tee luonnos**: a draft entry for the stored question in the knowledge base's drafts folder."""
        texts, stored = turn.texts, pressed.subject
        assert stored.line is not None
        try:
            path = write_gap_draft(self._services.knowledge.folder, stored.digest, stored.line, self._today())
        except CurationRefused as refused:
            values = {key: plain(value) for key, value in refused.values.items()}
            return self._answer(turn, pressed, texts(f"curator.refused.{refused.reason}", **values), ok=False)
        except OSError:
            log.exception("draft not written")
            return self._answer(turn, pressed, texts("curator.refused.write_failed"), ok=False)
        log.info("draft written from the gaps digest", extra={"line": stored.line.id, "file": path.name})
        notice = texts("curator.draft_written", file=plain(f"{path.parent.name}/{path.name}"))
        return self._answer(turn, pressed, notice)

    def _today(self) -> date:
        return to_helsinki(self._services.clock()).date()

    # ---- the weekly digest ----------------------------------------------------------------

    def schedule_first(self) -> None:
        """At start-up: the next Monday's digest (the same key every start, so scheduling is idempotent)."""
        due = next_weekly_due(self._services.clock())
        self._services.jobs.schedule(weekly_key(due), WEEKLY_JOB, due, {"until": to_stored_time(due)})

    async def weekly_job(self, payload: dict[str, Any]) -> None:
        """Monday morning: next week's job first, then last week's digest to the coordinators."""
        until = from_stored_time(str(payload["until"]))
        following = next_weekly_due(until)
        self._services.jobs.schedule(weekly_key(following), WEEKLY_JOB, following, {"until": to_stored_time(following)})
        digest = self.digest(until - WEEK, until)
        if not digest.searches:
            log.info("weekly gaps digest: no questions this week, nothing sent")
            return
        group = weekly_key(until)
        token = self._store.save(digest, group.replace(":", "-"))  # a re-run replaces its own snapshot
        if not self._to_conversation(group, token, digest):
            self._to_coordinators(group, token, digest)

    def _card(self, texts: Texts, token: str, digest: Digest) -> dict[str, Any]:
        return card_activity(digest_card(texts, self.view(texts, token, digest, {})))

    def _to_conversation(self, group: str, token: str, digest: Digest) -> bool:
        services = self._services
        conversation = services.settings.curator_conversation.strip()
        if not conversation:
            return False
        row = services.registry.get(conversation)
        if row is None or not row["active"]:
            log.warning("KASVUOPAS_CURATOR_CONVERSATION is not a conversation the bot is in; sending 1:1 instead")
            return False
        activity = self._card(services.network_texts, token, digest)
        reference = ConversationRegistry.reference_of(row)
        services.outbox.enqueue_send(
            group, f"{group}:{row['conversation_id']}", row["conversation_id"], reference, activity
        )
        return True

    def _to_coordinators(self, group: str, token: str, digest: Digest) -> None:
        services = self._services
        for coordinator in services.roles.all():
            chat = services.registry.personal_chat_of(coordinator.aad_object_id)
            if chat is None:
                log.warning(
                    "weekly gaps digest: coordinator not reachable privately, skipped",
                    extra={"coordinator": coordinator.aad_object_id},
                )
                continue
            reference = ConversationRegistry.reference_of(chat)
            user = reference.get("user")
            teams_id = str(user.get("id") or "") if isinstance(user, dict) else ""
            preference = services.preferences.language_of(teams_id)
            texts = services.catalogues.texts(language_for(reference.get("locale"), preference))
            recipient = Recipient(coordinator.aad_object_id, "", coordinator.name, "")
            key = f"{group}:{coordinator.aad_object_id}"
            queue_personal_message(
                services.outbox, services.registry, group, key, recipient, self._card(texts, token, digest)
            )


def feature(services: Services) -> Feature:
    """The gaps digest for coordinators: on demand, weekly, and its alias and draft buttons."""
    curator = CuratorFeature(services)
    curator.schedule_first()
    return Feature(
        name="curator",
        commands=[
            Command("gaps", "aukot", "gaps", curator.show, role=COORDINATOR, usage_fi=" [päivät]", usage_en=" [days]")
        ],
        card_verbs=[
            CardVerb(PAGE_VERB, curator.page, COORDINATOR, Named(curator.load_digest, not_found=STALE)),
            CardVerb(ALIAS_FORM_VERB, curator.alias_form, COORDINATOR, Named(curator.load_line, not_found=STALE)),
            CardVerb(ALIAS_VERB, curator.alias, COORDINATOR, Named(curator.load_line, not_found=STALE)),
            CardVerb(DRAFT_VERB, curator.draft, COORDINATOR, Named(curator.load_line, not_found=STALE)),
        ],
        jobs={WEEKLY_JOB: curator.weekly_job},
        texts=TEXTS,
    )
