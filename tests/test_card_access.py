"""Every card verb of every feature, replayed where it does not belong: refused, and nothing changes.

For each verb a scenario drives the bot to the card that carries it and takes the payload Teams would
send. That payload is replayed from another conversation (the same person), by another person in the
same conversation (a coordinator, so that only the object's own rule can refuse) and by a person who
is not a coordinator; each replay must be answered with a plain-text refusal, leave every table as it
was and send nothing. Then the original press must work (so the payload was a real one). A verb the
assembled router knows and no scenario covers fails the suite: a new verb is covered by its scenario.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest

from adaptive_cards.announcements import EDIT_VERB as ANNOUNCEMENT_EDIT
from adaptive_cards.announcements import FORM_VERB as ANNOUNCEMENT_FORM
from adaptive_cards.announcements import SEND_VERB
from adaptive_cards.announcements import TARGETS_VERB as ANNOUNCEMENT_TARGETS
from adaptive_cards.curator import ALIAS_FORM_VERB, ALIAS_VERB, DRAFT_VERB, MEANING_INPUT, WORD_INPUT
from adaptive_cards.curator import PAGE_VERB as GAPS_PAGE_VERB
from adaptive_cards.finder import FEEDBACK_VERB, MORE_VERB, REFER_VERB
from adaptive_cards.polls import CLOSE_VERB, CREATE_VERB, VIEW_VERB, VOTE_VERB
from adaptive_cards.polls import MINE_VERB as POLL_MINE_VERB
from adaptive_cards.referrals import ANSWER_VERB, CHOOSE_VERB, OUTCOME_VERB, PAGE_VERB, SUBMIT_VERB
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
)
from bot.app import DB_KEY, ROUTER, create_app
from bot.features.status import REFRESH_VERB
from tests.activities import ADVISER, COLLEAGUE, COORDINATOR, GROUP_CHAT_ID, User
from tests.card_actions import OTHER_CHAT, action, data_of, in_group_chat
from tests.cards import cards_in
from tests.conftest import KB_PATH, make_settings
from tests.harness import BotHarness, actions_in

SECOND = User("29:1Dd-coordinator-two-000000000000004", "Sari Toinen", "d4d4d4d4-0000-4000-8000-000000000004")
OTHER_CONVERSATION, OTHER_USER, NON_COORDINATOR = "another conversation", "another coordinator", "a non-coordinator"
JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0"


@dataclass
class Scenario:
    """A real press of the verb (the activity Teams would post) and the replays that are legitimate."""

    activity: dict[str, Any]
    allowed: dict[str, str] = field(default_factory=dict)  # replay -> why it is allowed


Setup = Callable[[BotHarness], Awaitable[Scenario]]
SCENARIOS: dict[str, Setup] = {}


def scenario(verb: str) -> Callable[[Setup], Setup]:
    def register(setup: Setup) -> Setup:
        SCENARIOS[verb] = setup
        return setup

    return register


def first_card(replies: list[dict[str, Any]]) -> dict[str, Any]:
    return next(card for reply in replies for card in cards_in(reply))


def press_of(bot: BotHarness, card: dict[str, Any], verb: str, user: User, conversation: str, **values: Any) -> Any:
    return action(bot, verb, data_of(card, verb, **values), user, conversation)


# ---- polls ----------------------------------------------------------------------------------------

POLL = "kysely Mikä aika sopii? ; Keskiviikko ; Torstai"
ANYONE_THERE = "anyone in the poll's conversation"


async def poll_card(bot: BotHarness) -> dict[str, Any]:
    return first_card(await bot.send_through_connector(bot.teams.channel(POLL)))


@scenario(CREATE_VERB)
async def poll_form(bot: BotHarness) -> Scenario:
    form = first_card(await bot.send(bot.teams.channel("kysely")))
    return Scenario(press_of(bot, form, CREATE_VERB, ADVISER, "channel", question="Kumpi?", options="A\nB"))


@scenario(VOTE_VERB)
async def poll_vote(bot: BotHarness) -> Scenario:
    press = press_of(bot, await poll_card(bot), VOTE_VERB, ADVISER, "channel")
    return Scenario(press, {OTHER_USER: ANYONE_THERE, NON_COORDINATOR: ANYONE_THERE})


@scenario(VIEW_VERB)
async def poll_view(bot: BotHarness) -> Scenario:
    card = await poll_card(bot)
    await bot.invoke(press_of(bot, card, VOTE_VERB, ADVISER, "channel"))
    await bot.deliver(timedelta(seconds=2))
    shared = cards_in(bot.connector.updates()[-1].body)[0]
    refresh = shared["refresh"]["action"]
    press = bot.teams.card_action(refresh["verb"], refresh["data"], conversation="channel")
    return Scenario(press, {OTHER_USER: ANYONE_THERE, NON_COORDINATOR: ANYONE_THERE})


@scenario(POLL_MINE_VERB)
async def poll_mine(bot: BotHarness) -> Scenario:
    card = await poll_card(bot)
    await bot.invoke(press_of(bot, card, VOTE_VERB, ADVISER, "channel"))
    await bot.deliver(timedelta(seconds=2))  # the vote's update of the shared card is out before the replays
    press = press_of(bot, card, POLL_MINE_VERB, ADVISER, "channel")
    return Scenario(press, {OTHER_USER: ANYONE_THERE, NON_COORDINATOR: ANYONE_THERE})


@scenario(CLOSE_VERB)
async def poll_close(bot: BotHarness) -> Scenario:
    press = press_of(bot, await poll_card(bot), CLOSE_VERB, ADVISER, "channel")
    return Scenario(press, {OTHER_USER: "a coordinator may close any poll, in its conversation"})


# ---- webinars -------------------------------------------------------------------------------------


async def webinar_preview(bot: BotHarness, conversation: str = "personal") -> dict[str, Any]:
    text = f"webinaari Tietoisku ; 16.12.2026 14:00 ; Esittäjä ; {JOIN}"
    if conversation == "personal":
        return first_card(await bot.send(bot.teams.personal(text, user=COORDINATOR)))
    return first_card(await bot.send(in_group_chat(bot.teams.group_chat(text, user=COORDINATOR), conversation)))


@scenario(FORM_VERB)
async def webinar_form(bot: BotHarness) -> Scenario:
    form = first_card(await bot.send(bot.teams.personal("webinaari", user=COORDINATOR)))
    values = {"title": "Tietoisku", "start": "16.12.2026 14:00", "join_url": JOIN}
    return Scenario(press_of(bot, form, FORM_VERB, COORDINATOR, "personal", **values))


@scenario(EDIT_VERB)
async def webinar_edit(bot: BotHarness) -> Scenario:
    return Scenario(press_of(bot, await webinar_preview(bot), EDIT_VERB, COORDINATOR, "personal"))


@scenario(TARGETS_VERB)
async def webinar_targets(bot: BotHarness) -> Scenario:
    return Scenario(press_of(bot, await webinar_preview(bot), TARGETS_VERB, COORDINATOR, "personal"))


@scenario(PUBLISH_VERB)
async def webinar_publish(bot: BotHarness) -> Scenario:
    card = await webinar_preview(bot)
    return Scenario(press_of(bot, card, PUBLISH_VERB, COORDINATOR, "personal", target="here"))


async def published_webinar(bot: BotHarness) -> tuple[dict[str, Any], dict[str, Any]]:
    """A webinar published only to a group chat (that chat's own): the coordinator's card, and the copy posted."""
    preview = await webinar_preview(bot, GROUP_CHAT_ID)
    reply = await bot.invoke(press_of(bot, preview, PUBLISH_VERB, COORDINATOR, GROUP_CHAT_ID, target="here"))
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    return reply.body["value"], first_card(bot.connector.sent_activities()[before:])


async def posted_webinar(bot: BotHarness) -> dict[str, Any]:
    """The copy of a webinar posted to a group chat, as everyone there sees it."""
    return (await published_webinar(bot))[1]


EVERYONE_THERE = "anyone in the chat it was posted to signs up and sees their own sign-up"


@scenario(RSVP_VERB)
async def webinar_rsvp(bot: BotHarness) -> Scenario:
    press = press_of(bot, await posted_webinar(bot), RSVP_VERB, ADVISER, GROUP_CHAT_ID)
    return Scenario(press, {OTHER_USER: EVERYONE_THERE, NON_COORDINATOR: EVERYONE_THERE})


@scenario(MINE_VERB)
async def webinar_mine(bot: BotHarness) -> Scenario:
    press = press_of(bot, await posted_webinar(bot), MINE_VERB, ADVISER, GROUP_CHAT_ID)
    return Scenario(press, {OTHER_USER: EVERYONE_THERE, NON_COORDINATOR: EVERYONE_THERE})


@scenario(OWN_LIST_VERB)
async def webinar_own_list(bot: BotHarness) -> Scenario:
    await posted_webinar(bot)
    shared = first_card(await bot.send(in_group_chat(bot.teams.group_chat("webinaarit"), GROUP_CHAT_ID)))
    own = "lists the presser's own sign-ups to the webinars open where they press, and changes nothing"
    return Scenario(
        press_of(bot, shared, OWN_LIST_VERB, ADVISER, GROUP_CHAT_ID),
        {OTHER_CONVERSATION: own, OTHER_USER: own, NON_COORDINATOR: own},
    )


def manage(verb: str, **values: Any) -> Setup:
    """A button on the coordinator's own card (for cancelling: **Kyllä, peru** on its question)."""

    async def setup(bot: BotHarness) -> Scenario:
        card, _ = await published_webinar(bot)
        if verb == CANCEL_VERB:
            card = (await bot.invoke(press_of(bot, card, CANCEL_VERB, COORDINATOR, GROUP_CHAT_ID))).body["value"]
        # The card is this coordinator's, in this chat: every replay is refused (other coordinators open
        # their own with `webinaari hallinnoi KOODI`).
        return Scenario(press_of(bot, card, verb, COORDINATOR, GROUP_CHAT_ID, **values))

    return setup


scenario(MANAGE_VERB)(manage(MANAGE_VERB))
scenario(CANCEL_VERB)(manage(CANCEL_VERB))
scenario(RESCHEDULE_VERB)(manage(RESCHEDULE_VERB, new_start="17.12.2026 15:00"))
scenario(RECORDING_VERB)(manage(RECORDING_VERB, recording_url="https://video.example/1"))


# ---- announcements --------------------------------------------------------------------------------


async def announcement_preview(bot: BotHarness) -> dict[str, Any]:
    return first_card(await bot.send(bot.teams.personal("tiedote Joulutauko ; Suljettu 24.–26.12.", user=COORDINATOR)))


@scenario(ANNOUNCEMENT_FORM)
async def announcement_form(bot: BotHarness) -> Scenario:
    form = first_card(await bot.send(bot.teams.personal("tiedote", user=COORDINATOR)))
    values = {"title": "Joulutauko", "text": "Suljettu."}
    return Scenario(press_of(bot, form, ANNOUNCEMENT_FORM, COORDINATOR, "personal", **values))


@scenario(ANNOUNCEMENT_EDIT)
async def announcement_edit(bot: BotHarness) -> Scenario:
    return Scenario(press_of(bot, await announcement_preview(bot), ANNOUNCEMENT_EDIT, COORDINATOR, "personal"))


@scenario(ANNOUNCEMENT_TARGETS)
async def announcement_targets(bot: BotHarness) -> Scenario:
    return Scenario(press_of(bot, await announcement_preview(bot), ANNOUNCEMENT_TARGETS, COORDINATOR, "personal"))


@scenario(SEND_VERB)
async def announcement_send(bot: BotHarness) -> Scenario:
    card = await announcement_preview(bot)
    return Scenario(press_of(bot, card, SEND_VERB, COORDINATOR, "personal", target="here"))


# ---- referrals ------------------------------------------------------------------------------------

REFERRAL = {
    "company": "Pikkupulla Oy",
    "municipality": "491",
    "service": "finnvera-alkutakaus",
    "need": "Takaus laitehankintaan",
    "consent": "true",
}


async def log_referral(bot: BotHarness, user: User = ADVISER, company: str = "Pikkupulla Oy") -> None:
    form = first_card(await bot.send(bot.teams.personal("ohjaus", user=user)))
    await bot.invoke(press_of(bot, form, SUBMIT_VERB, user, "personal", **{**REFERRAL, "company": company}))


@scenario(SUBMIT_VERB)
async def referral_submit(bot: BotHarness) -> Scenario:
    form = first_card(await bot.send(bot.teams.personal("ohjaus")))
    return Scenario(press_of(bot, form, SUBMIT_VERB, ADVISER, "personal", **REFERRAL))


@scenario(CHOOSE_VERB)
async def referral_choose(bot: BotHarness) -> Scenario:
    text = "ohjaus Toinen Oy ; ; rekrytointipalvelut ; ensimmäinen työntekijä Juvalla"
    card = first_card(await bot.send(bot.teams.personal(text)))
    return Scenario(press_of(bot, card, CHOOSE_VERB, ADVISER, "personal"))


@scenario(PAGE_VERB)
async def referral_page(bot: BotHarness) -> Scenario:
    for number in range(6):
        await log_referral(bot, company=f"Asiakas {number} Oy")
    card = first_card(await bot.send(bot.teams.personal("ohjaukset")))
    return Scenario(press_of(bot, card, PAGE_VERB, ADVISER, "personal"))


@scenario(ANSWER_VERB)
async def referral_answer(bot: BotHarness) -> Scenario:
    await bot.send(bot.teams.channel("ohjauskanava Finnvera", user=COORDINATOR))
    await log_referral(bot)
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    card = first_card(bot.connector.sent_activities()[before:])
    press = press_of(bot, card, ANSWER_VERB, ADVISER, "channel")
    anyone = "anyone in the provider's own conversation answers"
    return Scenario(press, {OTHER_USER: anyone, NON_COORDINATOR: anyone})


@scenario(OUTCOME_VERB)
async def referral_outcome(bot: BotHarness) -> Scenario:
    await bot.send(bot.teams.personal("apua"))  # the adviser has a 1:1 chat with the bot
    await log_referral(bot)
    before = len(bot.connector.sent_activities())
    await bot.deliver(timedelta(days=21))
    card = first_card(bot.connector.sent_activities()[before:])
    return Scenario(
        press_of(bot, card, OUTCOME_VERB, ADVISER, "personal"),
        {
            OTHER_CONVERSATION: "the adviser's own referral, wherever they press",
            OTHER_USER: "a coordinator may set any referral's outcome",
        },
    )


@scenario(REFER_VERB)
async def finder_refer(bot: BotHarness) -> Scenario:
    card = first_card(await bot.send(bot.teams.channel("aloittava yrittäjä tarvitsee takauksen")))
    anyone = "anyone where the results were shown may log the referral (it only opens a form)"
    return Scenario(press_of(bot, card, REFER_VERB, ADVISER, "channel"), {OTHER_USER: anyone, NON_COORDINATOR: anyone})


FINDER_ANSWERS = {
    OTHER_USER: "anyone where the results were shown sees more and rates them",
    NON_COORDINATOR: "anyone where the results were shown sees more and rates them",
}


@scenario(MORE_VERB)
async def finder_more(bot: BotHarness) -> Scenario:
    card = first_card(await bot.send(bot.teams.personal("rekrytointi palkkatuki takaus maatila sukupolvenvaihdos")))
    if actions_in(card, verb=MORE_VERB):
        return Scenario(press_of(bot, card, MORE_VERB, ADVISER, "personal"), FINDER_ANSWERS)
    # The finder offers "more" only when it found more than a card's worth; the button names the
    # search as the 👍 button does.
    search = {"search": data_of(card, FEEDBACK_VERB)["search"]}
    return Scenario(action(bot, MORE_VERB, search, ADVISER, "personal"), FINDER_ANSWERS)


@scenario(FEEDBACK_VERB)
async def finder_feedback(bot: BotHarness) -> Scenario:
    card = first_card(await bot.send(bot.teams.personal("aloittava yrittäjä tarvitsee takauksen")))
    return Scenario(press_of(bot, card, FEEDBACK_VERB, ADVISER, "personal"), FINDER_ANSWERS)


# ---- curator (the gaps digest) --------------------------------------------------------------------

ANY_COORDINATOR = "a coordinator may act on a gaps digest anywhere: `aukot` shows them the same"
CURATORS = {OTHER_CONVERSATION: ANY_COORDINATOR, OTHER_USER: ANY_COORDINATOR}


async def gaps_card(bot: BotHarness) -> dict[str, Any]:
    await bot.send(bot.teams.personal("zzkvx qwerty"))  # a question the finder has no answer to
    return first_card(await bot.send(bot.teams.personal("aukot", user=COORDINATOR)))


@scenario(GAPS_PAGE_VERB)
async def gaps_page(bot: BotHarness) -> Scenario:
    token = data_of(await gaps_card(bot), DRAFT_VERB)["digest"]
    return Scenario(action(bot, GAPS_PAGE_VERB, {"digest": token, "pages": {}}, COORDINATOR, "personal"), CURATORS)


@scenario(ALIAS_FORM_VERB)
async def gaps_alias_form(bot: BotHarness) -> Scenario:
    card = await gaps_card(bot)
    return Scenario(press_of(bot, card, ALIAS_FORM_VERB, COORDINATOR, "personal"), CURATORS)


@scenario(ALIAS_VERB)
async def gaps_alias(bot: BotHarness) -> Scenario:
    card = await gaps_card(bot)
    form = (await bot.invoke(press_of(bot, card, ALIAS_FORM_VERB, COORDINATOR, "personal"))).body["value"]
    press = press_of(bot, form, ALIAS_VERB, COORDINATOR, "personal", **{WORD_INPUT: "zzkvx", MEANING_INPUT: "takaus"})
    return Scenario(press, CURATORS)


@scenario(DRAFT_VERB)
async def gaps_draft(bot: BotHarness) -> Scenario:
    return Scenario(press_of(bot, await gaps_card(bot), DRAFT_VERB, COORDINATOR, "personal"), CURATORS)


# ---- status ---------------------------------------------------------------------------------------


@scenario(REFRESH_VERB)
async def status_refresh(bot: BotHarness) -> Scenario:
    card = first_card(await bot.send(bot.teams.personal("tila", user=COORDINATOR)))
    harmless = "shows what every coordinator may see and changes nothing"
    return Scenario(
        press_of(bot, card, REFRESH_VERB, COORDINATOR, "personal"), {OTHER_CONVERSATION: harmless, OTHER_USER: harmless}
    )


# ---- the replays ----------------------------------------------------------------------------------


def replays(original: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The original press from another conversation, by another coordinator, by a non-coordinator."""
    by_second, by_colleague = dict(original), dict(original)
    by_second["from"], by_colleague["from"] = SECOND.account(), COLLEAGUE.account()
    return {
        OTHER_CONVERSATION: in_group_chat(original, OTHER_CHAT),
        OTHER_USER: by_second,
        NON_COORDINATOR: by_colleague,
    }


def dump(bot: BotHarness) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare before and after a replay."""
    with sqlite3.connect(bot.db_path) as conn:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: sorted(map(tuple, conn.execute(f'SELECT * FROM "{table}"')), key=repr) for table in tables}


def test_every_verb_of_the_assembled_router_has_a_scenario(tmp_path):
    app = create_app(make_settings(tmp_path), start_delivery=False)
    try:
        verbs = set(app[ROUTER].verbs)
    finally:
        app[DB_KEY].close()
    assert verbs - set(SCENARIOS) == set(), "write a scenario in tests/test_card_access.py for these verbs"
    assert set(SCENARIOS) - verbs == set(), "these scenarios are for verbs that no longer exist"


@pytest.mark.parametrize("verb", sorted(SCENARIOS))
async def test_a_replayed_press_is_refused_and_changes_nothing(start_bot, tmp_path, verb):
    kb_copy = tmp_path / "kb"  # the curator's buttons write to the knowledge base
    shutil.copytree(KB_PATH, kb_copy)
    bot = await start_bot(coordinators=[COORDINATOR.aad_object_id, SECOND.aad_object_id], kb_path=kb_copy)
    setup = await SCENARIOS[verb](bot)
    for replay, activity in replays(setup.activity).items():
        if replay in setup.allowed:
            continue
        before, calls = dump(bot), len(bot.connector.calls)
        reply = await bot.invoke(activity)
        await bot.deliver(timedelta(seconds=2))  # anything it queued would go out now
        body = reply.body or {}
        refused = reply.status == 200 and body.get("type") == "application/vnd.microsoft.activity.message"
        unchanged = dump(bot) == before and len(bot.connector.calls) == calls  # nothing stored, nothing sent
        assert refused, f"{verb} from {replay} was not refused: {body}"
        assert unchanged, f"{verb} from {replay} changed the database or sent something"
        assert "**" not in body["value"], "an invoke's message is plain text"
    original = await bot.invoke(setup.activity)
    assert original.status == 200
    if original.body and original.body.get("type") == "application/vnd.microsoft.activity.message":
        assert not any(
            phrase in original.body["value"]
            for phrase in ("tehtiin toiselle", "vain siinä keskustelussa", "En löytänyt")
        ), f"the original press of {verb} was refused: {original.body['value']}"
