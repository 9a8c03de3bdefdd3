"""Announcements in Teams: preview, sending to every channel despite Teams' errors, the report, restarts."""

import asyncio
import re
from datetime import UTC, datetime, timedelta

import pytest

from adaptive_cards.announcements import FORM_VERB, SEND_VERB, TARGETS_VERB
from adaptive_cards.base import plain
from bot.domain.registry import CHANNEL, ConversationInfo
from tests.activities import ADVISER, COORDINATOR, TEAM_ID, TENANT, User
from tests.card_actions import card_of, data_of, message_of, press
from tests.cards import cards_in
from tests.harness import actions_in, card_text, inputs_in, texts_of


def register_channels(bot, count):
    registry = bot.registry()
    ids = []
    for number in range(count):
        channel_id = f"19:kanava{number:03d}@thread.tacv2"
        reference = {
            "channelId": "msteams",
            "serviceUrl": bot.connector.url,
            "conversation": {"id": channel_id, "conversationType": "channel", "isGroup": True, "tenantId": TENANT},
            "bot": {"id": "28:bot", "name": "Kasvuopas"},
        }
        registry.record(
            ConversationInfo(
                channel_id,
                CHANNEL,
                bot.connector.url,
                reference,
                TENANT,
                TEAM_ID,
                "Verkosto",
                channel_id,
                f"Kanava {number:03d}",
            )
        )
        ids.append(channel_id)
    return ids


async def preview(bot, text="tiedote Joulutauko ; Palvelupiste on suljettu 24.–26.12."):
    replies = await bot.send(bot.teams.personal(text, user=COORDINATOR))
    card = cards_in(replies[0])[0]
    send = next(a for a in card["actions"] if a.get("verb") == SEND_VERB)
    return card, send["data"]


async def test_only_coordinators_announce(bot):
    replies = await bot.send(bot.teams.personal("tiedote Otsikko ; teksti", user=ADVISER))
    assert "vain verkoston koordinaattoreille" in texts_of(replies)
    reply = await bot.invoke(bot.teams.card_action(SEND_VERB, {"announcement": "ABCDEFGH"}, user=ADVISER))
    assert "vain verkoston koordinaattoreille" in reply.body["value"]


async def test_the_form_checks_input_and_keeps_what_was_typed(bot):
    replies = await bot.send(bot.teams.personal("tiedote", user=COORDINATOR))
    assert "Uusi tiedote" in texts_of(replies)
    values = {"title": "Uutiskirje", "text": "", "link1_title": "Lue", "link1_url": "ftp://x", "send_at": "eilen"}
    reply = await press(bot, cards_in(replies[0])[0], FORM_VERB, user=COORDINATOR, **values)
    shown = card_text(reply.body["value"])
    assert "Teksti puuttuu." in shown and "https://" in shown and "Lähetysaika on väärässä muodossa" in shown
    inputs = {i["id"]: i.get("value") for i in reply.body["value"]["body"] if i.get("type") == "Input.Text"}
    assert inputs["title"] == "Uutiskirje"


async def test_sending_reaches_every_channel_once_despite_throttling_and_errors(bot):
    targets = register_channels(bot, 6)
    throttled, removed, flaky = targets[1], targets[2], targets[3]
    seen = {"throttled": 0, "flaky": 0}

    def teams_answers(call):
        if call.method != "POST" or "/activities" not in call.path:
            return None
        if throttled in call.path and seen["throttled"] < 2:
            seen["throttled"] += 1
            return 429, {"error": {"code": "TooManyRequests"}}, {"Retry-After": "2"}
        if removed in call.path:
            return 403, {"error": {"code": "BotNotInConversationRoster"}}, {}
        if flaky in call.path and seen["flaky"] < 1:
            seen["flaky"] += 1
            return 502, {"error": {"code": "BadGateway"}}, {}
        return None

    bot.connector.rules.append(teams_answers)
    card, send = await preview(bot)
    assert "Joulutauko" in card_text(card) and "Kaikille verkoston kanaville (6)" in str(card)
    reply = await bot.invoke(bot.teams.card_action(SEND_VERB, {**send, "target": "all"}, user=COORDINATOR))
    assert "Lähetetty 6 kanavalle" in card_text(card_of(reply))
    for _ in range(6):
        await bot.deliver(timedelta(seconds=3))
    delivered = [
        a["conversation"]["id"]
        for a in bot.connector.sent_activities()
        if cards_in(a) and "Joulutauko" in card_text(cards_in(a)[0]) and a["conversation"]["id"] in targets
    ]
    assert sorted(delivered) == sorted(t for t in targets if t != removed)  # exactly one copy each
    assert not bot.registry().get(removed)["active"]
    report = card_text(cards_in(bot.connector.updates()[-1].body)[0])
    assert "Lähetetty 5 / 6" in report and "epäonnistui 1" in report
    assert "Verkosto › Kanava 002: epäonnistui – käyttäjä on estänyt botin" in report
    assert "Verkosto › Kanava 001: lähetetty – Teams hidasti, yritetty uudelleen 2 kertaa" in report


async def test_a_scheduled_announcement_waits_for_its_time(bot):
    targets = register_channels(bot, 2)
    values = {"title": "Aamukahvit", "text": "Tervetuloa!", "send_at": "1.12.2026 09:00"}
    form = cards_in((await bot.send(bot.teams.personal("tiedote", user=COORDINATOR)))[0])[0]
    reply = await press(bot, form, FORM_VERB, user=COORDINATOR, **values)
    draft = next(a for a in reply.body["value"]["actions"] if a.get("verb") == SEND_VERB)["data"]
    assert "Lähetetään ti 1.12.2026 klo 9.00" in card_text(reply.body["value"])
    reply = await bot.invoke(bot.teams.card_action(SEND_VERB, {**draft, "target": "all"}, user=COORDINATOR))
    shown = card_text(card_of(reply))
    assert "Tiedote ajastettu" in shown and "Ajastettu 2 kanavalle: lähtee ti 1.12.2026 klo 9.00." in shown
    await bot.deliver(timedelta(hours=1))
    assert not [a for a in bot.connector.sent_activities() if a["conversation"]["id"] in targets]
    bot.clock.advance_to(datetime(2026, 12, 1, 7, 0, tzinfo=UTC))
    await bot.deliver()
    assert len([a for a in bot.connector.sent_activities() if a["conversation"]["id"] in targets]) == 2


async def test_an_abrupt_stop_mid_fan_out_then_a_restart_sends_every_target_exactly_once(start_bot):
    bot = await start_bot()
    targets = register_channels(bot, 50)
    _, send = await preview(bot)
    await bot.invoke(bot.teams.card_action(SEND_VERB, {**send, "target": "all"}, user=COORDINATOR))
    running = asyncio.create_task(bot.engine.run())
    while len([a for a in bot.connector.sent_activities() if a["conversation"]["id"] in targets]) < 12:
        await bot.clock.sleep(0.05)
    running.cancel()  # the process dies: no clean shutdown, some requests in flight
    await asyncio.gather(running, return_exceptions=True)

    restarted = await start_bot()
    for _ in range(10):
        await restarted.deliver(timedelta(seconds=2))
    copies = [a["conversation"]["id"] for a in bot.connector.sent_activities() if a["conversation"]["id"] in targets]
    assert len(copies) == len(set(copies))  # never twice
    # A send in flight when the process died may or may not have reached Teams: it is reported as
    # "unknown" (check the channel) and never resent. Every other target got its copy.
    unknown = {
        row["conversation_id"]
        for row in bot.db()["outbox"].rows_where("status = 'unknown' AND group_key LIKE 'announcement:%'")
    }
    assert set(copies) | unknown == set(targets)
    assert len(unknown - set(copies)) <= 8  # at most the requests that were in flight


# ---- what the coordinator sees: issue 12 ------------------------------------------------------------

ENGLISH = "en-US"
MARKDOWN_LINK = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\(")


async def press_as(bot, card, verb, user=COORDINATOR, locale="fi-FI", index=0, **changes):
    """Press a button on `card` as Teams would, in the presser's own locale."""
    return await bot.invoke(
        bot.teams.card_action(verb, data_of(card, verb, index, **changes), user=user, locale=locale)
    )


async def preview_as(bot, locale="fi-FI", user=COORDINATOR, text="tiedote Joulutauko ; Palvelupiste on suljettu."):
    replies = await bot.send(bot.teams.personal(text, user=user, locale=locale))
    return cards_in(replies[0])[0]


async def settle(bot):
    """Let the engine send every copy and the report's last refresh (refreshed at most once a second)."""
    for _ in range(6):
        await bot.deliver(timedelta(seconds=2))


def reports(bot):
    """Every version of the delivery report the coordinator has seen: as posted, then each refresh."""
    posted = [a for a in bot.connector.sent_activities() if a["conversation"]["id"].startswith("a:1personal-")]
    return [cards_in(a)[0] for a in posted if cards_in(a)] + [cards_in(u.body)[0] for u in bot.connector.updates()]


@pytest.mark.parametrize(
    ("locale", "done", "what"),
    [
        ("fi-FI", "Tiedote lähetetty", "Lähetetty 2 kanavalle su 29.11.2026 klo 10.00."),
        (ENGLISH, "Announcement sent", "Sent to 2 channels on Sun 29.11.2026 at 10.00."),
    ],
)
async def test_after_send_the_preview_says_what_was_done_and_has_nothing_left_to_press(bot, locale, done, what):
    register_channels(bot, 2)
    preview_card = await preview_as(bot, locale)
    sent = card_of(await press_as(bot, preview_card, SEND_VERB, locale=locale, target="all"))
    shown = card_text(sent)
    assert done in shown and what in shown and "Joulutauko" in shown  # the announcement as it went out
    assert actions_in(sent, kind="Action.Execute") == [] and inputs_in(sent) == []
    # A stale copy of the preview (another device, a double tap) is refused and sends nothing more.
    again = message_of(await press_as(bot, preview_card, SEND_VERB, locale=locale, target="all"))
    assert "jo lähetetty" in again or "already been sent" in again
    await settle(bot)
    copies = [a for a in bot.connector.sent_activities() if a["conversation"]["id"].startswith("19:kanava")]
    assert len(copies) == 2
    assert ("Lähetetty 2 / 2" if locale == "fi-FI" else "Sent 2 / 2") in card_text(reports(bot)[-1])


async def test_sending_here_and_a_single_channel_are_said_in_words(bot):
    (channel,) = register_channels(bot, 1)
    here = card_of(await press_as(bot, await preview_as(bot), SEND_VERB, target="here"))
    assert "Lähetetty tähän keskusteluun su 29.11.2026 klo 10.00." in card_text(here)
    english = card_of(await press_as(bot, await preview_as(bot, ENGLISH), SEND_VERB, locale=ENGLISH, target="all"))
    assert "Sent to 1 channel on Sun 29.11.2026 at 10.00." in card_text(english)
    await bot.deliver()
    assert [a for a in bot.connector.sent_activities() if a["conversation"]["id"] == channel]


@pytest.mark.parametrize(
    ("locale", "nothing_ticked", "all_label", "chosen_label"),
    [
        (
            "fi-FI",
            "Ilman rasteja julkaistaan kaikille verkoston kanaville (3).",
            "Kaikille verkoston kanaville (3)",
            "Valituille kanaville (1)",
        ),
        (
            ENGLISH,
            "With no ticks it goes to all the network's channels (3).",
            "All network channels (3)",
            "Chosen channels (1)",
        ),
    ],
)
async def test_the_channel_choice_never_looks_like_nowhere_and_reads_on_a_phone(
    bot, locale, nothing_ticked, all_label, chosen_label
):
    channels = register_channels(bot, 3)
    preview_card = await preview_as(bot, locale)
    (target,) = [i for i in inputs_in(preview_card) if i["id"] == "target"]
    # Every option visible and wrapping (a phone's drop-down cuts the label short), "all" chosen.
    assert target["style"] == "expanded" and target["wrap"] is True and target["value"] == "all"
    assert all_label in [choice["title"] for choice in target["choices"]]
    assert not [i for i in inputs_in(preview_card) if i["id"] == "channels"]  # no boxes until asked for

    picker = card_of(await press_as(bot, preview_card, TARGETS_VERB, locale=locale))
    (boxes,) = [i for i in inputs_in(picker) if i["id"] == "channels"]
    assert boxes["value"] == "" and boxes["wrap"] is True
    assert nothing_ticked in card_text(picker)  # unticked boxes say what they mean
    assert "valittuna 0" not in card_text(picker) and "0 channels chosen" not in card_text(picker)

    done = next(i for i, a in enumerate(actions_in(picker, verb=TARGETS_VERB)) if a["data"].get("done"))
    back = card_of(await press_as(bot, picker, TARGETS_VERB, locale=locale, index=done, channels=channels[1]))
    (target,) = [i for i in inputs_in(back) if i["id"] == "target"]
    assert target["value"] == "chosen" and chosen_label in [choice["title"] for choice in target["choices"]]
    reopened = card_of(await press_as(bot, back, TARGETS_VERB, locale=locale))
    assert nothing_ticked not in card_text(reopened)
    assert next(i for i in inputs_in(reopened) if i["id"] == "channels")["value"] == channels[1]

    sent = card_of(await press_as(bot, back, SEND_VERB, locale=locale))
    assert "1 kanavalle" in card_text(sent) or "to 1 channel" in card_text(sent)
    await bot.deliver()
    copies = {a["conversation"]["id"] for a in bot.connector.sent_activities() if a["conversation"]["id"] in channels}
    assert copies == {channels[1]}


def byline_of(card):
    """The small line under the title: who sent the announcement and on which day."""
    body = card["body"]
    title = next(i for i, element in enumerate(body) if element.get("style") == "heading")
    return body[title + 1]["text"]


async def test_the_channel_copy_shows_who_sent_it_and_on_which_day_in_helsinki(start_bot):
    tricky = User(
        "29:1-markdown-coordinator",
        "Kalle **K** [Klikkaa](https://evil.example)",
        "ab12ab12-0000-4000-8000-00000000ab12",
    )
    bot = await start_bot(coordinators=[tricky.aad_object_id])
    channels = register_channels(bot, 2)
    preview_card = await preview_as(bot, user=tricky)
    shown_preview = card_text(preview_card)
    assert f"{tricky.name} · 29.11.2026" in shown_preview  # the preview shows what the channels will
    await press_as(bot, preview_card, SEND_VERB, user=tricky, target="all")
    await bot.deliver()
    copies = [a for a in bot.connector.sent_activities() if a["conversation"]["id"] in channels]
    assert len(copies) == 2
    copy = cards_in(copies[0])[0]
    byline = byline_of(copy)
    assert byline == f"{plain(tricky.name)} · 29.11.2026"  # escaped: read as typed, never a link
    assert not MARKDOWN_LINK.search(byline) and "**" not in byline.replace("\\*", "")

    # Scheduled for 00.30 on 1 December, Helsinki time: still 30 November in UTC.
    form = cards_in((await bot.send(bot.teams.personal("tiedote", user=tricky)))[0])[0]
    values = {"title": "Aamuyö", "text": "Huoltokatko.", "send_at": "1.12.2026 00:30"}
    draft = card_of(await press(bot, form, FORM_VERB, user=tricky, **values))
    await press_as(bot, draft, SEND_VERB, user=tricky, target="all")
    bot.clock.advance_to(datetime(2026, 11, 30, 22, 30, tzinfo=UTC))
    await bot.deliver()
    late = [
        cards_in(a)[0]
        for a in bot.connector.sent_activities()
        if a["conversation"]["id"] in channels and "Aamuyö" in card_text(cards_in(a)[0])
    ]
    assert len(late) == 2 and all(byline_of(card) == f"{plain(tricky.name)} · 1.12.2026" for card in late)


FINNISH_REPORT_WORDS = (
    "Lähetysraportti",
    "Lähetetty",
    "odottaa",
    "epäonnistui",
    "lähetetty",
    "estänyt",
    "Teams hidasti",
)


async def test_an_english_coordinators_report_is_english_at_every_refresh_and_the_channels_read_finnish(bot):
    targets = register_channels(bot, 3)
    throttled, blocked = targets[0], targets[1]
    seen = {"throttled": 0}

    def teams_answers(call):
        if call.method != "POST" or "/activities" not in call.path:
            return None
        if throttled in call.path and seen["throttled"] < 1:
            seen["throttled"] += 1
            return 429, {"error": {"code": "TooManyRequests"}}, {"Retry-After": "1"}
        if blocked in call.path:
            return 403, {"error": {"code": "BotNotInConversationRoster"}}, {}
        return None

    bot.connector.rules.append(teams_answers)
    preview_card = await preview_as(bot, ENGLISH)
    await press_as(bot, preview_card, SEND_VERB, locale=ENGLISH, target="all")
    await settle(bot)
    versions = reports(bot)
    assert len(versions) >= 2  # as posted, and refreshed
    for version in versions:
        shown = card_text(version)
        assert "Delivery report: Joulutauko" in shown
        assert not [word for word in FINNISH_REPORT_WORDS if word in shown], shown
    last = versions[-1]
    shown = card_text(last)
    assert "Sent 2 / 3 · pending 0 · failed 1" in shown
    assert "Verkosto › Kanava 001: failed – the user has blocked the bot" in shown
    assert "Verkosto › Kanava 000: sent – throttled by Teams, retried 1 times" in shown
    # One full-width line per channel (no FactSet columns that wrap a name over three lines).
    assert "FactSet" not in str(last)
    lines = [element for element in last["body"] if "Verkosto › Kanava" in element.get("text", "")]
    assert len(lines) == 3 and all(line["type"] == "TextBlock" and line["wrap"] for line in lines)
    assert [line.get("color") for line in lines] == ["Attention", None, None]  # the failure first, marked
    copies = [cards_in(a)[0] for a in bot.connector.sent_activities() if a["conversation"]["id"] in targets]
    assert copies and all("TIEDOTE" in card_text(c) and "ANNOUNCEMENT" not in card_text(c) for c in copies)


async def test_a_coordinator_who_chose_english_gets_english_refreshes_whatever_the_teams_locale(bot):
    register_channels(bot, 2)
    await bot.send(bot.teams.personal("language en", user=COORDINATOR))
    await press_as(bot, await preview_as(bot), SEND_VERB, target="all")
    await settle(bot)
    assert "Sent 2 / 2" in card_text(reports(bot)[-1])
    # …and back to Finnish: the next refresh follows the choice.
    await bot.send(bot.teams.personal("kieli fi", user=COORDINATOR))
    await press_as(bot, await preview_as(bot), SEND_VERB, target="all")
    await settle(bot)
    assert "Lähetetty 2 / 2" in card_text(reports(bot)[-1])


@pytest.mark.parametrize("locale", ["fi-FI", ENGLISH])
async def test_what_teams_shows_as_plain_text_carries_no_markdown(bot, locale):
    title = "tiedote **Joulutauko** ; [Lue lisää](https://example.fi)"
    nowhere = message_of(await press_as(bot, await preview_as(bot, locale, text=title), SEND_VERB, locale=locale))
    register_channels(bot, 2)
    preview_card = await preview_as(bot, locale, text=title)
    none_chosen = message_of(await press_as(bot, preview_card, SEND_VERB, locale=locale, target="chosen"))
    card_of(await press_as(bot, preview_card, SEND_VERB, locale=locale, target="all"))
    already = message_of(await press_as(bot, preview_card, SEND_VERB, locale=locale, target="all"))
    not_found = message_of(await press_as(bot, preview_card, SEND_VERB, locale=locale, announcement="ZZZZZZZZ"))
    messages = [nowhere, none_chosen, already, not_found]
    assert len(set(messages)) == 4 and all(messages)
    for message in messages:
        assert "**" not in message and not MARKDOWN_LINK.search(message) and "\\" not in message, message
