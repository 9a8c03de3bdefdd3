"""Quick polls: creating, voting with one tap, live counts, closing, deadlines and CSV."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from adaptive_cards.polls import (
    CLOSE_VERB,
    CREATE_VERB,
    VIEW_VERB,
    VOTE_VERB,
    OptionView,
    PollView,
    form_card,
    poll_card,
)
from bot.common.clock import Clock
from bot.common.helsinki_time import format_time
from bot.common.signed_links import SignedLinks
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.commands import split_parts
from bot.domain.polls import Poll, PollInput, Polls, Tally, VoteRefused, check, from_form, hidden_reason, parse_quick
from bot.domain.roles import Roles
from bot.feature import COORDINATOR, CardVerb, Command, Feature, SignedFile
from bot.i18n import Texts
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_activity, card_answer, message_answer

log = logging.getLogger(__name__)

CLOSE_JOB = "poll.close"
CSV_LIFETIME = timedelta(hours=24)
RESULTS_WORDS = {"tulokset", "results"}


class PollFeature:
    """The glue between Teams and polls; card updates go through the outbox, coalesced."""

    def __init__(
        self,
        polls: Polls,
        outbox: Outbox,
        jobs: JobStore,
        links: SignedLinks,
        texts_default: Texts,
        clock: Clock,
        roles: Roles,
    ) -> None:
        self.polls = polls
        self._outbox = outbox
        self._jobs = jobs
        self._links = links
        self._shared_texts = texts_default
        self._clock = clock
        self._roles = roles
        self.csv_file = SignedFile("polls", "csv", self.csv, "text/csv", "kysely-{}.csv")

    def declare(self) -> Feature:
        """The `kysely` command, the poll buttons, the deadline job and the CSV file."""
        return Feature(
            name="polls",
            commands=[
                Command(
                    "poll",
                    "kysely",
                    "poll",
                    self.command,
                    aliases=("äänestys", "aanestys"),
                    usage_fi=" Kysymys? ; a ; b",
                    usage_en=" Question? ; a ; b",
                )
            ],
            card_verbs=[
                CardVerb(CREATE_VERB, self.create_from_form),
                CardVerb(VOTE_VERB, self.vote),
                CardVerb(CLOSE_VERB, self.close),
                CardVerb(VIEW_VERB, self.personal_view),
            ],
            jobs={CLOSE_JOB: self.close_job},
            files=[self.csv_file],
            tables=("polls", "poll_options", "poll_votes"),
        )

    def view(self, poll: Poll, texts: Texts, chosen: Sequence[int] = (), tally: Tally | None = None) -> PollView:
        """What the card may show to this reader: counts only when allowed, never who voted anonymously."""
        tally = tally or self.polls.tally(poll)
        total = sum(tally.counts) or 1
        reason = hidden_reason(poll, tally)
        hidden = texts(reason) if reason else ""
        options = [
            OptionView(
                text=text,
                count=tally.counts[position],
                percent=round(100 * tally.counts[position] / total),
                names=tally.names[position] if not poll.anonymous else [],
                chosen=position in chosen,
            )
            for position, text in enumerate(poll.options)
        ]
        return PollView(
            id=poll.id,
            question=poll.question,
            options=options,
            voters=tally.voters,
            creator_name=poll.created_by_name,
            closed=poll.closed,
            show_counts=not hidden,
            hidden_reason=hidden,
            deadline=format_time(poll.deadline, texts.language) if poll.deadline else "",
            multiple=poll.multiple,
            anonymous=poll.anonymous,
            csv_url=self._links.url(self.csv_file.path(poll.id), self._clock(), CSV_LIFETIME),
        )

    # ---- commands -------------------------------------------------------------------------

    async def command(self, turn: Turn, args: str) -> None:
        """`kysely` (form), `kysely Kysymys? ; a ; b`, `kysely tulokset ID`."""
        texts = turn.texts
        words = args.split()
        if words and words[0].lower() in RESULTS_WORDS:
            await self._results_link(turn, words[1] if len(words) > 1 else "")
            return
        if not args.strip():
            await turn.reply(form_card(texts, {}, {}))
            return
        values = parse_quick(split_parts(args))
        deadline, errors = check(values, self._clock())
        if errors:
            await turn.reply(self._form_with_errors(texts, values, errors))
            return
        poll = self._create(turn, values, deadline)
        message_id = await turn.reply(poll_card(self._shared_texts, self.view(poll, texts)))
        if message_id:
            self.polls.set_message(poll.id, message_id, turn.conversation.info.reference)

    def _form_with_errors(self, texts: Texts, values: PollInput, errors: dict[str, str]) -> dict[str, Any]:
        return form_card(texts, values.as_form(), {field: texts(key) for field, key in errors.items()})

    def _create(self, turn: Turn, values: PollInput, deadline: datetime | None) -> Poll:
        person = turn.person
        poll_id = self.polls.create(values, deadline, turn.conversation.base_id, person.key, person.name)
        if deadline is not None:
            self._jobs.schedule(f"poll:{poll_id}:close", CLOSE_JOB, deadline, {"poll_id": poll_id})
        log.info("poll created", extra={"poll_id": poll_id, "options": len(values.options)})
        poll = self.polls.get(poll_id)
        if poll is None:  # written in this very call: only a broken database gets here
            raise LookupError(f"poll {poll_id} vanished after it was created")
        return poll

    async def _results_link(self, turn: Turn, poll_id: str) -> None:
        poll = self.polls.get(int(poll_id)) if poll_id.isdigit() else None
        if poll is None or poll.conversation_id != turn.conversation.base_id:
            await turn.reply(turn.texts("poll.usage"))
            return
        url = self._links.url(self.csv_file.path(poll.id), self._clock(), CSV_LIFETIME)
        await turn.reply(turn.texts("poll.csv_link", question=poll.question, url=url))

    # ---- card buttons (the voter is the activity's sender, never the payload) --------------

    def _poll_of(self, data: dict[str, Any]) -> Poll | None:
        poll_id = data.get("poll_id")
        return self.polls.get(poll_id) if isinstance(poll_id, int) and not isinstance(poll_id, bool) else None

    async def vote(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """One tap: single choice moves the vote, multiple choice toggles it."""
        texts = turn.texts
        poll = self._poll_of(data)
        if poll is None:
            return message_answer(texts("poll.not_found"))
        option = data.get("option")
        if not isinstance(option, int) or isinstance(option, bool):
            return message_answer(texts("poll.refused.no_option"))
        person = turn.person
        try:
            chosen = self.polls.vote(
                poll, person.key, person.name, option, turn.conversation.base_id, voter_id=person.id
            )
        except VoteRefused as refusal:
            return message_answer(texts(str(refusal)))
        tally = self.polls.tally(poll)  # counted once for both cards
        self._refresh_shared(poll, tally)
        note = self._choice_note(texts, poll, chosen)
        # The voter's own card needs no refresh list: the shared update that follows carries it.
        return card_answer(poll_card(texts, self.view(poll, texts, chosen, tally), note))

    async def personal_view(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """Teams asks for a voter's own view of the shared card (Universal Actions refresh)."""
        texts = turn.texts
        poll = self._poll_of(data)
        if poll is None:
            return message_answer(texts("poll.not_found"))
        chosen = self.polls.choices_of(poll.id, turn.person.key)
        return card_answer(
            poll_card(texts, self.view(poll, texts, chosen), refresh_for=self.polls.recent_voter_ids(poll.id))
        )

    async def close(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """**Sulje kysely**: its creator or a coordinator."""
        texts = turn.texts
        poll = self._poll_of(data)
        if poll is None:
            return message_answer(texts("poll.not_found"))
        if turn.person.key != poll.created_by and not self._roles.has_role(turn.person.aad_id, COORDINATOR):
            return message_answer(texts("poll.refused_close"))
        self._close(poll.id)
        closed = self.polls.get(poll.id) or poll
        return card_answer(poll_card(texts, self.view(closed, texts), texts("poll.closed_by")))

    async def create_from_form(self, turn: Turn, data: dict[str, Any]) -> InvokeAnswer:
        """The poll form's **Luo kysely**: the form's own message becomes the poll."""
        texts = turn.texts
        values = from_form(data)
        deadline, errors = check(values, self._clock())
        if errors:
            return card_answer(self._form_with_errors(texts, values, errors))
        poll = self._create(turn, values, deadline)
        # Everyone else sees the poll through an update of the form's message.
        if turn.reply_to_id:
            self.polls.set_message(poll.id, turn.reply_to_id, turn.conversation.info.reference)
            self._refresh_shared(self.polls.get(poll.id))
        return card_answer(poll_card(texts, self.view(poll, texts)))

    @staticmethod
    def _choice_note(texts: Texts, poll: Poll, chosen: list[int]) -> str:
        if not chosen:
            return texts("poll.your_choice_none")
        return texts("poll.your_choice", choices=", ".join(poll.options[position] for position in chosen))

    def _refresh_shared(self, poll: Poll | None, tally: Tally | None = None) -> None:
        """Update the shared card (the outbox coalesces a burst of votes to about one update a second)."""
        if poll is None or not poll.activity_id:
            return
        card = poll_card(
            self._shared_texts,
            self.view(poll, self._shared_texts, tally=tally),
            refresh_for=() if poll.closed else self.polls.recent_voter_ids(poll.id),
        )
        self._outbox.enqueue_update(
            f"poll:{poll.id}", poll.conversation_id, poll.reference, poll.activity_id, card_activity(card)
        )

    def _close(self, poll_id: int) -> None:
        if self.polls.close(poll_id):
            self._jobs.cancel(f"poll:{poll_id}:close")
            self._refresh_shared(self.polls.get(poll_id))

    async def close_job(self, payload: dict[str, Any]) -> None:
        """The deadline has come."""
        self._close(int(payload["poll_id"]))

    def csv(self, poll_id: int) -> str | None:
        """The results as CSV, or None for an unknown poll."""
        poll = self.polls.get(poll_id)
        return None if poll is None else self.polls.csv(poll)


def feature(services: Services) -> Feature:
    """Quick polls in the conversation they are created in."""
    return PollFeature(
        Polls(services.db, services.clock),
        services.outbox,
        services.jobs,
        services.links,
        services.network_texts,
        services.clock,
        services.roles,
    ).declare()
