"""Cards at the network's scale, measured as sent: 500 channels, 500 voters, emoji-heavy texts.

Sizes are the activity's JSON as botbuilder's connector client and aiohttp write it (`json.dumps` with
its defaults: every non-ASCII character a `\\uXXXX` escape, an emoji two of them), see tests/cards.py.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from adaptive_cards.announcements import FORM_VERB as ANNOUNCEMENT_FORM
from adaptive_cards.announcements import SEND_VERB
from adaptive_cards.announcements import TARGETS_VERB as ANNOUNCEMENT_TARGETS
from adaptive_cards.base import MAX_CARD_BYTES, sent_size
from adaptive_cards.polls import CREATE_VERB, VOTE_VERB
from adaptive_cards.webinars import FORM_VERB, PUBLISH_VERB, TARGETS_VERB
from bot.domain.announcements import MAX_TEXT_BYTES
from bot.domain.registry import CHANNEL, ConversationInfo
from tests.activities import ADVISER, COORDINATOR, TEAM_ID, TENANT, User
from tests.card_actions import card_of, data_of, press
from tests.cards import cards_in, wire_size
from tests.harness import BotHarness, actions_in, card_text, inputs_in

JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0"
EMOJI = "😀"


def register_channels(bot: BotHarness, count: int) -> list[str]:
    """`count` channels with ids and names as long as Teams' own, in teams of 25 channels."""
    registry = bot.registry()
    ids = []
    for number in range(count):
        channel_id = f"19:{number:04d}a8f3c2e1b0d9c8e7f6a5b4c3d2e1f0a9b8@thread.tacv2"
        team = f"Etelä-Savon yrityspalvelut – tiimi {number // 25 + 1:02d}"
        reference = {
            "channelId": "msteams",
            "serviceUrl": bot.connector.url,
            "conversation": {"id": channel_id, "conversationType": "channel", "isGroup": True, "tenantId": TENANT},
            "bot": {"id": "28:bot", "name": "Kasvuopas"},
        }
        info = ConversationInfo(
            channel_id,
            CHANNEL,
            bot.connector.url,
            reference,
            TENANT,
            TEAM_ID,
            team,
            channel_id,
            f"Yrityspalvelut {number:03d}",
        )
        registry.record(info)
        ids.append(channel_id)
    return ids


def voter(number: int) -> User:
    return User(f"29:1-voter-{number:04d}", f"Äänestäjä Öljynen {number}", f"00000000-0000-4000-8000-{number:012d}")


async def test_a_webinar_preview_for_500_channels_stays_small_and_channels_are_chosen_a_page_at_a_time(bot):
    channels = register_channels(bot, 500)
    replies = await bot.send(
        bot.teams.personal(f"webinaari Tietoisku ; 16.12.2026 14:00 ; Esittäjä ; {JOIN}", user=COORDINATOR)
    )
    preview = cards_in(replies[0])[0]
    assert "Kaikille verkoston kanaville (500)" in str(preview)
    assert wire_size(preview) < 8 * 1024  # the channels are not listed on the preview
    page = card_of(await press(bot, preview, TARGETS_VERB, user=COORDINATOR))
    assert "Sivu 1/13" in card_text(page) and wire_size(page) < 12 * 1024
    # Tick two channels on the first page, one on the second, then go back to the preview.
    page = card_of(await press(bot, page, TARGETS_VERB, user=COORDINATOR, channels=f"{channels[0]},{channels[3]}"))
    assert "Sivu 2/13 · valittuna 2" in card_text(page)
    page = card_of(await press(bot, page, TARGETS_VERB, index=1, user=COORDINATOR, channels=channels[41]))
    assert "valittuna 3" in card_text(page)
    done = next(i for i, a in enumerate(actions_in(page, verb=TARGETS_VERB)) if a["data"].get("done"))
    preview = card_of(await press(bot, page, TARGETS_VERB, index=done, user=COORDINATOR))
    target = next(element for element in inputs_in(preview) if element["id"] == "target")
    assert target["value"] == "chosen" and "Valituille kanaville (3)" in str(preview)
    reply = await press(bot, preview, PUBLISH_VERB, user=COORDINATOR)
    assert "Julkaistu 3 kanavalle" in card_text(card_of(reply))
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    posted = {activity["conversation"]["id"] for activity in bot.connector.sent_activities()[before:]}
    assert posted == {channels[0], channels[3], channels[41]}


async def test_an_announcement_preview_and_its_delivery_report_for_500_channels(bot):
    register_channels(bot, 500)
    replies = await bot.send(
        bot.teams.personal("tiedote Joulutauko ; Palvelupiste on suljettu 24.–26.12.", user=COORDINATOR)
    )
    preview = cards_in(replies[0])[0]
    assert "Kaikille verkoston kanaville (500)" in str(preview) and wire_size(preview) < 8 * 1024
    page = card_of(await press(bot, preview, ANNOUNCEMENT_TARGETS, user=COORDINATOR))
    assert wire_size(page) < 12 * 1024
    reply = await press(bot, preview, SEND_VERB, user=COORDINATOR, target="all")
    assert "Lähetetty 500 kanavalle" in card_text(card_of(reply))
    for _ in range(12):
        await bot.deliver(timedelta(seconds=5))
    report = cards_in(bot.connector.updates()[-1].body)[0]
    assert "Lähetetty 500 / 500" in card_text(report) and "… ja 460 muuta kohdetta" in card_text(report)
    assert wire_size(report) < 16 * 1024


async def test_a_named_poll_with_500_voters_lists_a_few_names_per_option(bot):
    replies = await bot.send(bot.teams.channel("kysely"))
    form = cards_in(replies[0])[0]
    values = {"question": "Kuka tulee pikkujouluihin?", "options": "Tulen\nEn tule", "anonymous": "false"}
    card = card_of(await press(bot, form, CREATE_VERB, conversation="channel", reply_to="m-poll", **values))
    votes = [
        bot.invoke(
            bot.teams.card_action(VOTE_VERB, data_of(card, VOTE_VERB, n % 2), conversation="channel", user=voter(n))
        )
        for n in range(500)
    ]
    answers = await asyncio.gather(*votes)
    mine = answers[-1].body["value"]
    await bot.deliver(timedelta(seconds=2))
    shared = cards_in(bot.connector.updates()[-1].body)[0]
    for shown in (mine, shared):
        text = card_text(shown)
        assert "Vastanneita: 500" in text and "ja 238 muuta (kaikki nimet CSV-tiedostossa)" in text
        assert wire_size(shown) < 12 * 1024
    assert len(shared["refresh"]["userIds"]) == 60


async def test_a_4000_character_emoji_announcement_is_refused_and_what_fits_is_sent_under_the_limit(bot):
    register_channels(bot, 3)
    form = cards_in((await bot.send(bot.teams.personal("tiedote", user=COORDINATOR)))[0])[0]
    refused = await press(bot, form, ANNOUNCEMENT_FORM, user=COORDINATOR, title="Hymyjä", text=EMOJI * 4000)
    assert "vievät yhdessä liikaa tilaa" in card_text(card_of(refused))
    assert sent_size(EMOJI * 4000) > 48_000  # what it would have been: 12 bytes an emoji
    # The most that fits: as many emoji, and Markdown marks that each get a backslash, as the limit allows.
    title, text = EMOJI * 150, "*_" * 300
    while sent_size([title, EMOJI + text]) <= MAX_TEXT_BYTES:
        text = EMOJI + text
    preview = card_of(await press(bot, form, ANNOUNCEMENT_FORM, user=COORDINATOR, title=title, text=text))
    assert "Esikatselu" in card_text(preview) and wire_size(preview) <= MAX_CARD_BYTES
    await press(bot, preview, SEND_VERB, user=COORDINATOR, target="all")
    before = len(bot.connector.sent_activities())
    await bot.deliver(timedelta(seconds=2))
    sent = bot.connector.sent_activities()[before:]
    assert len(sent) == 3 and all(sent_size(activity) <= MAX_CARD_BYTES for activity in sent)


async def test_a_4000_character_finnish_announcement_fits(bot):
    form = cards_in((await bot.send(bot.teams.personal("tiedote", user=COORDINATOR)))[0])[0]
    text = ("Yrityspalvelut ovat suljettuina joulun ajan; päivystys jatkuu. " * 70)[:4000]
    preview = card_of(await press(bot, form, ANNOUNCEMENT_FORM, user=COORDINATOR, title="Joulu", text=text))
    assert "Esikatselu" in card_text(preview) and wire_size(preview) < 16 * 1024


async def test_emoji_heavy_webinar_and_poll_texts_are_refused_before_they_make_a_card_too_big(bot):
    form = cards_in((await bot.send(bot.teams.personal("webinaari", user=COORDINATOR)))[0])[0]
    values = {"title": "Tietoisku", "start": "16.12.2026 14:00", "join_url": JOIN, "description": EMOJI * 2000}
    refused = card_of(await press(bot, form, FORM_VERB, user=COORDINATOR, **values))
    assert "vievät yhdessä liikaa tilaa" in card_text(refused)
    options = "\n".join(EMOJI * 79 + str(n) for n in range(10))
    replies = await bot.send(bot.teams.channel("kysely"))
    poll_form = cards_in(replies[0])[0]
    refused = card_of(
        await press(bot, poll_form, CREATE_VERB, conversation="channel", question="Mikä?", options=options)
    )
    assert "vievät yhdessä liikaa tilaa" in card_text(refused)


def test_the_wire_size_counts_non_ascii_as_sent():
    card: dict[str, Any] = {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "ä"}]}
    with_emoji: dict[str, Any] = {**card, "body": [{"type": "TextBlock", "text": EMOJI}]}
    assert wire_size(with_emoji) - wire_size(card) == len("\\ud83d\\ude00") - len("\\u00e4")
    assert sent_size({"a": "ä"}) == len('{"a": "\\u00e4"}')


async def test_what_teams_receives_is_what_is_measured(bot):
    sent = await bot.send_through_connector(bot.teams.channel("apua", user=ADVISER))
    (activity,) = sent
    assert sent_size(activity) <= MAX_CARD_BYTES
    assert abs(sent_size(activity) - wire_size(cards_in(activity)[0])) < 600  # the envelope is measured too
