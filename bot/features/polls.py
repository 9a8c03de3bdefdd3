"""Quick polls: creating, voting with one tap, live counts, closing, deadlines and CSV."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from adaptive_cards.base import plain
from adaptive_cards.polls import (
    CLOSE_VERB,
    CREATE_VERB,
    MINE_VERB,
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
from bot.domain.polls import (
    ANONYMITY_THRESHOLD,
    CsvLabels,
    Poll,
    PollInput,
    Polls,
    Tally,
    VoteRefused,
    check,
    from_form,
    hidden_reason,
    parse_quick,
)
from bot.domain.preferences import Preferences
from bot.domain.registry import PERSONAL
from bot.feature import (
    CardVerb,
    Command,
    Feature,
    MadeFor,
    Named,
    Origins,
    Pressed,
    Rule,
    SignedFile,
    by_owner,
    in_conversation,
)
from bot.i18n import LANGUAGES, Catalogues, Texts
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_activity, card_answer, message_answer

log = logging.getLogger(__name__)

CLOSE_JOB = "poll.close"
CSV_LIFETIME = timedelta(hours=24)
RESULTS_WORDS = {"tulokset", "results"}
CODE_PUNCTUATION = ".,;:!?()[]*\"'`<>"  # what may cling to a code copied from the card or a message
CSV_NAMES = {"fi": "kysely-{}.csv", "en": "poll-{}.csv"}


class PollFeature:
    """The glue between Teams and polls; card updates go through the outbox, coalesced."""

    def __init__(
        self,
        polls: Polls,
        outbox: Outbox,
        jobs: JobStore,
        links: SignedLinks,
        catalogues: Catalogues,
        clock: Clock,
        preferences: Preferences,
    ) -> None:
        self.polls = polls
        self._outbox = outbox
        self._jobs = jobs
        self._links = links
        self._catalogues = catalogues
        self._network_texts = catalogues.network_texts()  # channels and group chats: the network's
        self._preferences = preferences
        self._clock = clock
        self._origins = Origins(links, clock)
        # One signed file per language: the language is part of the signed path, so a link cannot be
        # changed to another language (or poll) without breaking its signature.
        self.csv_files = {
            language: SignedFile(f"polls/{language}", "csv", self._csv_in(language), "text/csv", CSV_NAMES[language])
            for language in LANGUAGES
        }

    def declare(self) -> Feature:
        """The `kysely` command, the poll buttons with their access rules, the deadline job, the CSVs."""
        in_its_conversation: Rule[Poll] = in_conversation(
            lambda poll: poll.conversation_id, refusal="poll.refused.other_conversation"
        )
        creator_or_coordinator: Rule[Poll] = by_owner(
            lambda poll: poll.created_by, "poll.refused_close", coordinators=True
        )
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
                # The form was made for the person who typed `kysely`, in this conversation.
                CardVerb(CREATE_VERB, self.create_from_form, access=MadeFor(self._origins)),
                # Anyone in the poll's conversation votes and sees their own view; nobody elsewhere.
                CardVerb(VOTE_VERB, self.vote, access=self._poll(in_its_conversation)),
                CardVerb(VIEW_VERB, self.personal_view, access=self._poll(in_its_conversation)),
                CardVerb(MINE_VERB, self.mine, access=self._poll(in_its_conversation)),
                # Its creator or a coordinator closes it, in its conversation.
                CardVerb(CLOSE_VERB, self.close, access=self._poll(in_its_conversation, creator_or_coordinator)),
            ],
            jobs={CLOSE_JOB: self.close_job},
            files=list(self.csv_files.values()),
            tables=("polls", "poll_options", "poll_votes"),
        )

    def _poll(self, *rules: Rule[Poll]) -> Named[Poll]:
        """Verbs whose data names a poll by its public code."""
        return Named(self._poll_of, rules, not_found="poll.not_found")

    def _poll_of(self, data: dict[str, Any]) -> Poll | None:
        code = data.get("poll")
        return self.polls.get_by_code(code) if isinstance(code, str) else None

    def csv_url(self, poll: Poll, language: str) -> str:
        """A signed link, valid for a day, to the poll's results as CSV in `language`."""
        return self._links.url(self.csv_files[language].path(poll.id), self._clock(), CSV_LIFETIME)

    def card(
        self,
        poll: Poll,
        texts: Texts,
        chosen: Sequence[int] = (),
        tally: Tally | None = None,
        note: str = "",
        refresh_for: Sequence[str] = (),
    ) -> dict[str, Any]:
        """The poll's card with every text from `texts` (the view and the card are built in one language)."""
        return poll_card(texts, self._view(poll, texts, chosen, tally), note, refresh_for)

    def _view(self, poll: Poll, texts: Texts, chosen: Sequence[int], tally: Tally | None) -> PollView:
        """What the card may show to this reader: counts only when allowed, never who voted anonymously."""
        tally = tally or self.polls.tally(poll)
        total = sum(tally.counts) or 1
        hidden = hidden_reason(poll, tally) or ""
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
            code=poll.code,
            question=poll.question,
            options=options,
            voters=tally.voters,
            creator_name=poll.created_by_name,
            closed=poll.closed,
            show_counts=not hidden,
            hidden_key=hidden,
            minimum=ANONYMITY_THRESHOLD,
            deadline=format_time(poll.deadline, texts.language) if poll.deadline else "",
            multiple=poll.multiple,
            anonymous=poll.anonymous,
            csv_url=self.csv_url(poll, texts.language),
        )

    # ---- commands -------------------------------------------------------------------------

    async def command(self, turn: Turn, args: str) -> None:
        """`kysely` (form), `kysely Kysymys? ; a ; b`, `kysely tulokset KOODI`."""
        texts = turn.texts
        words = args.split()
        if words and words[0].lower() in RESULTS_WORDS:
            # The last word: "kysely tulokset tunnus ABCD2345", copied from the card with its label, works too.
            await self._results_link(turn, words[-1] if len(words) > 1 else "")
            return
        if not args.strip():
            await turn.reply(form_card(texts, {}, {}, self._origins.ticket(turn)))
            return
        values = parse_quick(split_parts(args))
        deadline, errors = check(values, self._clock())
        if errors:
            await turn.reply(self._form_with_errors(turn, values, errors))
            return
        poll = self._create(turn, values, deadline)
        # The same language as every later update of this message (see `_shared_texts`).
        shared = texts if turn.conversation.is_personal else self._network_texts
        message_id = await turn.reply(self.card(poll, shared))
        if message_id:
            self.polls.set_message(poll.id, message_id, turn.conversation.info.reference)

    def _form_with_errors(self, turn: Turn, values: PollInput, errors: dict[str, str]) -> dict[str, Any]:
        texts = turn.texts
        shown = {field: texts(key) for field, key in errors.items()}
        return form_card(texts, values.as_form(), shown, self._origins.ticket(turn))

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

    async def _results_link(self, turn: Turn, code: str) -> None:
        """`kysely tulokset KOODI`: only in the poll's own conversation, only by its public code."""
        poll = self.polls.get_by_code(code.strip(CODE_PUNCTUATION))
        if poll is None or poll.conversation_id != turn.conversation.base_id:
            await turn.reply(turn.texts("poll.usage"))
            return
        texts = turn.texts
        hidden = hidden_reason(poll, self.polls.tally(poll))
        if hidden:
            # A file of blank counts would only puzzle: say why there is nothing to show, as the card does.
            await turn.reply(
                texts(
                    "poll.results_hidden",
                    question=plain(poll.question),
                    reason=texts(hidden, minimum=ANONYMITY_THRESHOLD),
                )
            )
            return
        url = self.csv_url(poll, turn.language)
        await turn.reply(texts("poll.csv_link", question=plain(poll.question), url=url))

    # ---- card buttons (the router has checked who presses, where; the voter is the sender) ---

    async def vote(self, turn: Turn, pressed: Pressed[Poll]) -> InvokeAnswer:
        """One tap: single choice moves the vote, multiple choice toggles it."""
        texts, poll, data = turn.texts, pressed.subject, pressed.data
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
        # The voter's own card (in the voter's language, wholly) needs no refresh list: the shared update
        # that follows carries it.
        return card_answer(self.card(poll, texts, chosen, tally, note))

    async def personal_view(self, turn: Turn, pressed: Pressed[Poll]) -> InvokeAnswer:
        """Teams asks for a voter's own view of the shared card (Universal Actions refresh)."""
        texts, poll = turn.texts, pressed.subject
        chosen = self.polls.choices_of(poll.id, turn.person.key)
        return card_answer(self.card(poll, texts, chosen, refresh_for=self.polls.recent_voter_ids(poll.id)))

    async def mine(self, turn: Turn, pressed: Pressed[Poll]) -> InvokeAnswer:
        """**Näytä oma valintani**: the presser's own view, or plainly that they have not answered."""
        texts, poll = turn.texts, pressed.subject
        chosen = self.polls.choices_of(poll.id, turn.person.key)
        if not chosen:
            return message_answer(texts("poll.mine_none_closed" if poll.closed else "poll.mine_none"))
        # The same refresh list as the refresh's own answer, so Teams goes on keeping this view current.
        refresh_for = () if poll.closed else self.polls.recent_voter_ids(poll.id)
        return card_answer(
            self.card(poll, texts, chosen, note=self._choice_note(texts, poll, chosen), refresh_for=refresh_for)
        )

    async def close(self, turn: Turn, pressed: Pressed[Poll]) -> InvokeAnswer:
        """**Sulje kysely** (its creator or a coordinator: checked by the access rule)."""
        texts, poll = turn.texts, pressed.subject
        self._close(poll.id)
        closed = self.polls.get(poll.id) or poll
        return card_answer(self.card(closed, texts, note=texts("poll.closed_by")))

    async def create_from_form(self, turn: Turn, pressed: Pressed[None]) -> InvokeAnswer:
        """The poll form's **Luo kysely**: the form's own message becomes the poll."""
        texts = turn.texts
        values = from_form(pressed.data)
        deadline, errors = check(values, self._clock())
        if errors:
            return card_answer(self._form_with_errors(turn, values, errors))
        poll = self._create(turn, values, deadline)
        # Everyone else sees the poll through an update of the form's message.
        if turn.reply_to_id:
            self.polls.set_message(poll.id, turn.reply_to_id, turn.conversation.info.reference)
            self._refresh_shared(self.polls.get(poll.id))
        return card_answer(self.card(poll, texts))

    @staticmethod
    def _choice_note(texts: Texts, poll: Poll, chosen: list[int]) -> str:
        if not chosen:
            return texts("poll.your_choice_none")
        return texts("poll.your_choice", choices=", ".join(plain(poll.options[position]) for position in chosen))

    def _shared_texts(self, poll: Poll) -> Texts:
        """The shared card's language: the network's, but in a 1:1 chat that person's own."""
        reference = poll.reference
        conversation = reference.get("conversation")
        if not isinstance(conversation, dict) or conversation.get("conversationType") != PERSONAL:
            return self._network_texts
        # Chosen as for the person's own messages: their `kieli` choice, else their Teams locale.
        user = reference.get("user")
        user_id = user.get("id") if isinstance(user, dict) else None
        preference = self._preferences.language_of(user_id) if isinstance(user_id, str) and user_id else None
        locale = reference.get("locale")
        return self._catalogues.for_user(locale if isinstance(locale, str) else None, preference)

    def _refresh_shared(self, poll: Poll | None, tally: Tally | None = None) -> None:
        """Update the shared card (the outbox coalesces a burst of votes to about one update a second)."""
        if poll is None or not poll.activity_id:
            return
        card = self.card(
            poll,
            self._shared_texts(poll),
            tally=tally,
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

    def _csv_in(self, language: str) -> Callable[[int], bytes | None]:
        texts = self._catalogues.texts(language)
        labels = CsvLabels(*(texts(f"poll.csv.{key}") for key in ("question", "voters", "option", "votes", "names")))

        def content(poll_id: int) -> bytes | None:
            """The results as CSV for Finnish Excel, or None for an unknown poll."""
            poll = self.polls.get(poll_id)
            return None if poll is None else self.polls.csv(poll, labels)

        return content


def feature(services: Services) -> Feature:
    """Quick polls in the conversation they are created in."""
    return PollFeature(
        Polls(services.db, services.clock),
        services.outbox,
        services.jobs,
        services.links,
        services.catalogues,
        services.clock,
        services.preferences,
    ).declare()
