"""Quick polls in Teams: creating, voting with one tap, live counts, closing, deadlines and CSV."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext

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
from bot.conversations import conversation_info
from bot.domain.commands import split_parts
from bot.domain.helsinki_time import format_time
from bot.domain.jobs import JobStore
from bot.domain.outbox import Outbox
from bot.domain.polls import Poll, PollInput, Polls, Tally, VoteRefused, check, from_form, hidden_reason, parse_quick
from bot.domain.registry import base_conversation_id
from bot.domain.signed_links import SignedLinks
from bot.i18n import Texts
from bot.invoke_responses import card_response, message_response
from bot.publishing import card_activity
from bot.replies import card_reply

log = logging.getLogger(__name__)

VERBS = (CREATE_VERB, VOTE_VERB, CLOSE_VERB, VIEW_VERB)
CLOSE_JOB = "poll.close"
CSV_LIFETIME = timedelta(hours=24)
RESULTS_WORDS = {"tulokset", "results"}
Clock = Callable[[], datetime]
IsCoordinator = Callable[[str | None], bool]


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
        is_coordinator: IsCoordinator,
    ) -> None:
        self.polls = polls
        self._outbox = outbox
        self._jobs = jobs
        self._links = links
        self._shared_texts = texts_default
        self._clock = clock
        self._is_coordinator = is_coordinator

    def csv_path(self, poll_id: int) -> str:
        """Where a poll's results are served as CSV."""
        return f"/polls/{poll_id}.csv"

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
            csv_url=self._links.url(self.csv_path(poll.id), self._clock(), CSV_LIFETIME),
        )

    # ---- commands -------------------------------------------------------------------------

    async def command(self, turn_context: TurnContext, texts: Texts, args: str) -> None:
        """`kysely` (form), `kysely Kysymys? ; a ; b`, `kysely tulokset ID`."""
        words = args.split()
        if words and words[0].lower() in RESULTS_WORDS:
            await self._results_link(turn_context, texts, words[1] if len(words) > 1 else "")
            return
        if not args.strip():
            await turn_context.send_activity(card_reply(form_card(texts, {}, {})))
            return
        values = parse_quick(split_parts(args))
        deadline, errors = check(values, self._clock())
        if errors:
            await turn_context.send_activity(card_reply(self._form_with_errors(texts, values, errors)))
            return
        poll = self._create(turn_context, values, deadline)
        response = await turn_context.send_activity(card_reply(poll_card(self._shared_texts, self.view(poll, texts))))
        if response is not None and response.id:
            self.polls.set_message(poll.id, response.id, conversation_info(turn_context.activity).reference)

    def _form_with_errors(self, texts: Texts, values: PollInput, errors: dict[str, str]) -> dict[str, Any]:
        return form_card(texts, values.as_form(), {field: texts(key) for field, key in errors.items()})

    def _create(self, turn_context: TurnContext, values: PollInput, deadline: datetime | None) -> Poll:
        user = turn_context.activity.from_property
        poll_id = self.polls.create(
            values,
            deadline,
            base_conversation_id(turn_context.activity.conversation.id),
            user.aad_object_id or user.id,
            user.name or "",
        )
        if deadline is not None:
            self._jobs.schedule(f"poll:{poll_id}:close", CLOSE_JOB, deadline, {"poll_id": poll_id})
        log.info("poll created", extra={"poll_id": poll_id, "options": len(values.options)})
        return self.polls.get(poll_id)  # type: ignore[return-value]

    async def _results_link(self, turn_context: TurnContext, texts: Texts, poll_id: str) -> None:
        poll = self.polls.get(int(poll_id)) if poll_id.isdigit() else None
        if poll is None or poll.conversation_id != base_conversation_id(turn_context.activity.conversation.id):
            await turn_context.send_activity(texts("poll.usage"))
            return
        url = self._links.url(self.csv_path(poll.id), self._clock(), CSV_LIFETIME)
        await turn_context.send_activity(texts("poll.csv_link", question=poll.question, url=url))

    # ---- card buttons ---------------------------------------------------------------------

    async def on_action(
        self, turn_context: TurnContext, texts: Texts, verb: str, data: dict[str, Any]
    ) -> InvokeResponse:
        """Create (from the form), vote, close. The voter is the activity's sender, never the payload."""
        if verb == CREATE_VERB:
            return self._create_from_form(turn_context, texts, data)
        poll_id = data.get("poll_id")
        poll = self.polls.get(poll_id) if isinstance(poll_id, int) and not isinstance(poll_id, bool) else None
        if poll is None:
            return message_response(texts("poll.not_found"))
        user = turn_context.activity.from_property
        voter = user.aad_object_id or user.id
        if verb == VOTE_VERB:
            option = data.get("option")
            if not isinstance(option, int) or isinstance(option, bool):
                return message_response(texts("poll.refused.no_option"))
            try:
                chosen = self.polls.vote(
                    poll,
                    voter,
                    user.name or "",
                    option,
                    base_conversation_id(turn_context.activity.conversation.id),
                    voter_id=user.id,
                )
            except VoteRefused as refusal:
                return message_response(texts(str(refusal)))
            tally = self.polls.tally(poll)  # counted once for both cards
            self._refresh_shared(poll, tally)
            note = self._choice_note(texts, poll, chosen)
            # The voter's own card needs no refresh list: the shared update that follows carries it.
            return card_response(poll_card(texts, self.view(poll, texts, chosen, tally), note))
        if verb == VIEW_VERB:
            chosen = self.polls.choices_of(poll.id, voter)
            return card_response(
                poll_card(texts, self.view(poll, texts, chosen), refresh_for=self.polls.recent_voter_ids(poll.id))
            )
        if verb == CLOSE_VERB:
            if voter != poll.created_by and not self._is_coordinator(user.aad_object_id):
                return message_response(texts("poll.refused_close"))
            self._close(poll.id)
            closed = self.polls.get(poll.id)
            return card_response(poll_card(texts, self.view(closed, texts), texts("poll.closed_by")))
        return message_response(texts("invoke.unknown_action"))

    def _create_from_form(self, turn_context: TurnContext, texts: Texts, data: dict[str, Any]) -> InvokeResponse:
        values = from_form(data)
        deadline, errors = check(values, self._clock())
        if errors:
            return card_response(self._form_with_errors(texts, values, errors))
        poll = self._create(turn_context, values, deadline)
        # The form's own message becomes the poll: everyone else sees it through an update.
        form_message = turn_context.activity.reply_to_id
        if form_message:
            self.polls.set_message(poll.id, form_message, conversation_info(turn_context.activity).reference)
            self._refresh_shared(self.polls.get(poll.id))
        return card_response(poll_card(texts, self.view(poll, texts)))

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
