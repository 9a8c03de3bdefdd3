"""End to end: the real bot process behind Microsoft's Teams emulator, driven over its API (no browser).

Needs Node.js and `npm ci` (node_modules/@microsoft/m365agentsplayground); fails, never skips,
without them. The emulator sends every message with locale en-US, so the bot may answer in
English: the help card must name each command in Finnish or in English.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import re
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from tests.e2e.local_bot import local_bot
from tests.e2e.playground import (
    TEAM_ID,
    BotMessage,
    Playground,
    PlaygroundError,
    Sent,
    card_text,
    node_executable,
    require_package,
)
from tests.harness import actions_in, inputs_in

# Starts Node and the emulator: `make test-fast` (pytest -m "not e2e") leaves these out of the inner loop.
# One bot and one emulator serve the whole module (starting them is most of the time these tests take).
pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

REPLY_TIMEOUT = 10.0
COMMANDS = {"koordinaattorit": "coordinators", "kieli": "language"}  # Finnish name: English alias


def help_cards(messages: list[BotMessage]) -> list[str]:
    """Texts of the Adaptive Cards that name both commands (Finnish or English)."""
    texts = [card_text(card) for m in messages for card in m.adaptive_cards()]
    return [text for text in texts if all(names_command(text, fi, en) for fi, en in COMMANDS.items())]


def names_command(text: str, finnish: str, english: str) -> bool:
    """True if the text names the command by its Finnish name or its English alias."""
    return re.search(rf"\b({finnish}|{english})\b", text, re.IGNORECASE) is not None


def emulator_installed() -> None:
    """Fail with a clear message when Node.js or the emulator package is missing."""
    try:
        require_package()
        node_executable()
    except PlaygroundError as error:
        pytest.fail(str(error), pytrace=False)


@dataclass
class Session:
    """The bot and the emulator, running for the module's tests."""

    playground: Playground
    folder: Path


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def session(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Session]:
    """`kasvuopas serve` behind Microsoft's Agents Playground, with a conversation of each kind installed."""
    emulator_installed()
    folder = tmp_path_factory.mktemp("e2e")
    failed = functools.partial(pytest.fail.Exception, pytrace=False)
    async with local_bot(folder, failed) as endpoint, Playground(endpoint, workdir=folder / "playground") as playground:
        yield Session(playground, folder)


@pytest.mark.parametrize(
    ("scope", "mention_bot"),
    [("personal", False), ("channel", True)],
    ids=["personal-chat", "channel-mention"],
)
async def test_help_command_answers_with_adaptive_card(session: Session, scope: str, mention_bot: bool) -> None:
    """`apua` (personal) or `<at>Kasvuopas</at> apua` (channel) gets the help card through the emulator."""
    playground = session.playground
    failure = ""
    async with asyncio.timeout(40):
        await playground.install(scope)  # what the web UI does when a conversation is first opened
        sent = await playground.send("apua", scope, mention_bot=mention_bot)
        if mention_bot:
            assert sent.text == "<at>Kasvuopas</at> apua"
        try:
            await playground.wait_for_replies(sent, until=lambda ms: bool(help_cards(ms)), timeout=REPLY_TIMEOUT)
        except PlaygroundError as error:
            failure = str(error)
        replies = playground.replies_to(sent)
    if failure:
        cards = [card_text(card) for m in replies for card in m.adaptive_cards()]
        wanted = " and ".join(f"{fi}/{en}" for fi, en in COMMANDS.items())
        headline = (
            f"the bot's reply card(s) do not name the commands {wanted}: {cards}"
            if cards
            else f"no Adaptive Card came back for {sent.text!r} in the {scope} conversation"
        )
        pytest.fail(f"{headline}\n{failure}\n--- bot log ---\n{bot_log_tail(session.folder)}", pytrace=False)
    attachments = [a for m in replies for a in m.attachments]
    assert any(a.get("contentType") == "application/vnd.microsoft.card.adaptive" for a in attachments)
    assert help_cards(replies)


def _with_button(messages: list[BotMessage], verb: str) -> list[tuple[BotMessage, dict[str, Any]]]:
    return [(m, action) for m in messages for card in m.adaptive_cards() for action in actions_in(card, verb)]


async def _buttons_in_replies(playground: Playground, sent: Sent, verb: str) -> list[tuple[BotMessage, dict[str, Any]]]:
    """Wait for replies to `sent` with a `verb` button; each such button with its message."""
    replies = await playground.wait_for_replies(
        sent, until=lambda ms: bool(_with_button(ms, verb)), timeout=REPLY_TIMEOUT
    )
    return _with_button(replies, verb)


async def test_a_referral_is_logged_from_the_finders_button(session: Session) -> None:
    """Ask the finder, press **Kirjaa ohjaus**, fill in the form that opens, submit: the referral is stored."""
    playground = session.playground
    async with asyncio.timeout(40):
        await playground.install("personal")
        sent = await playground.send("aloittava yrittäjä tarvitsee takauksen pankkilainaan Mikkelissä", "personal")
        results, refer = (await _buttons_in_replies(playground, sent, "finder.refer"))[0]
        # Teams sends the card's inputs (the service chooser) with the button's data.
        chosen = {**_card_inputs(results), **refer.get("data", {})}
        answer = await playground.invoke("personal", results.message_id, "finder.refer", chosen)
        assert answer.get("statusCode", 200) == 200, answer
        form, submit = (await _buttons_in_replies(playground, sent, "referral.submit"))[-1]
        inputs = _card_inputs(form)
        assert inputs["service"] and "takauksen" in inputs["need"]  # prefilled from the question
        values = {**inputs, **submit.get("data", {}), "company": "Emulaattori Oy", "consent": "true"}
        logged = await playground.invoke("personal", form.message_id, "referral.submit", values)
    shown = json.dumps(logged, ensure_ascii=False)
    assert "Emulaattori Oy" in shown and ("Referral logged" in shown or "Ohjaus kirjattu" in shown), shown[:2000]
    with sqlite3.connect(session.folder / "k.db") as db:
        rows = db.execute("SELECT company_name, service_id, municipality FROM referrals").fetchall()
    assert rows == [("Emulaattori Oy", inputs["service"], inputs["municipality"])]


def bot_log_tail(tmp_path: Path) -> str:
    """The end of the bot's own log, for failure messages."""
    with contextlib.suppress(OSError):
        return (tmp_path / "bot.log").read_text(encoding="utf-8", errors="replace")[-3000:]
    return "(no bot log)"


def _card_inputs(message: BotMessage) -> dict[str, Any]:
    """The values a card's inputs hold, as Teams sends them with a button's data."""
    return {element["id"]: element.get("value", "") for card in message.adaptive_cards() for element in inputs_in(card)}


def _answer_card(answer: dict[str, Any]) -> str:
    """The text of the card an invoke answered with ("" when it answered with a message)."""
    body = answer.get("value") if "statusCode" in answer else answer  # the emulator passes on the body alone
    body = body if isinstance(body, dict) else {}
    return card_text(body.get("value")) if body.get("type") == "application/vnd.microsoft.card.adaptive" else ""


def _ranks(card: str) -> set[int]:
    """The result numbers a finder card shows ("1. Service" lines)."""
    return {int(rank) for rank in re.findall(r"^(\d+)\\?\. ", card, re.MULTILINE)}


async def test_the_finder_answers_and_shows_more_results(session: Session) -> None:
    """A broad financing question gets a results card; **Näytä lisää** answers with a longer list."""
    playground = session.playground
    async with asyncio.timeout(40):
        await playground.install("personal")
        sent = await playground.send("yritys tarvitsee rahoitusta investointiin", "personal")
        buttons = await _buttons_in_replies(playground, sent, "finder.more")
        results, more = buttons[0]
        first = card_text(results.adaptive_cards()[0])
        answer = await playground.invoke("personal", results.message_id, "finder.more", more.get("data", {}))
    longer = _answer_card(answer)
    assert len(_ranks(longer)) > len(_ranks(first)) >= 3, (first, longer)
    assert "Finnvera" in first  # financing for an investment: the state's financing company is among the first


async def test_a_vote_in_a_channel_poll_is_counted_and_shown_to_the_voter(session: Session) -> None:
    """A poll posted in a channel: a vote is stored once, and the voter's answer card marks the choice."""
    playground = session.playground
    async with asyncio.timeout(40):
        await playground.install("channel")
        sent = await playground.send("kysely Sopiiko aamupäivä? ; kyllä ; ei", "channel", mention_bot=True)
        buttons = await _buttons_in_replies(playground, sent, "poll.vote")
        message, yes = next((m, action) for m, action in buttons if "kyllä" in action.get("title", ""))
        answer = await playground.invoke(
            "channel", message.message_id, "poll.vote", yes["data"], message.conversation_id
        )
        again = await playground.invoke(
            "channel", message.message_id, "poll.vote", yes["data"], message.conversation_id
        )
    assert "●" in _answer_card(answer) or "✔" in _answer_card(answer), answer  # the choice is marked
    assert again.get("statusCode", 200) == 200
    with sqlite3.connect(session.folder / "k.db") as db:
        votes = db.execute(
            "SELECT count(*) FROM poll_votes v JOIN polls p ON p.id = v.poll_id WHERE p.code = ?",
            [yes["data"]["poll"]],
        ).fetchone()[0]
    assert votes == 1  # pressing twice keeps one vote


async def test_a_webinar_is_published_to_a_channel_and_a_sign_up_is_stored(session: Session) -> None:
    """A coordinator publishes a webinar from the 1:1 preview; a channel member presses **Osallistun**."""
    playground = session.playground
    async with asyncio.timeout(60):
        await playground.install("channel")  # the bot learns the team's channels when installed there
        await playground.install("personal")
        sent = await playground.send(
            "webinaari Emulaattorin tietoisku ; 16.12.2030 14:00 ; Testi Esittäjä ; https://example.org/liity",
            "personal",
        )
        buttons = await _buttons_in_replies(playground, sent, "webinar.publish")
        preview, publish = buttons[-1]
        published = await playground.invoke(
            "personal", preview.message_id, "webinar.publish", {**_card_inputs(preview), **publish.get("data", {})}
        )
        in_channel = [
            (m, a)
            for m, a in _with_button(
                await playground.wait_for_messages(  # the outbox posts the card to the team's channels
                    lambda ms: any(m.conversation_id.startswith(TEAM_ID) for m, _ in _with_button(ms, "webinar.rsvp")),
                    "the webinar card did not reach the General channel",
                    timeout=REPLY_TIMEOUT,
                ),
                "webinar.rsvp",
            )
            if m.conversation_id.startswith(TEAM_ID)
        ]
        posted, attend = in_channel[0]
        signed_up = await playground.invoke(
            "channel", posted.message_id, "webinar.rsvp", attend["data"], posted.conversation_id
        )
    assert "Emulaattorin tietoisku" in json.dumps(published, ensure_ascii=False)
    assert _answer_card(signed_up), signed_up  # the person's own view of the card comes back
    with sqlite3.connect(session.folder / "k.db") as db:
        rows = db.execute(
            "SELECT count(*) FROM webinar_attendance a JOIN webinars w ON w.id = a.webinar_id WHERE w.title = ?",
            ["Emulaattorin tietoisku"],
        ).fetchone()[0]
    assert rows == 1
