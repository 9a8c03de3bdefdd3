"""Webinars in Teams: a coordinator publishes, people sign up, calendars, reminders, changes."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import icalendar

from adaptive_cards.webinars import CANCEL_VERB, FORM_VERB, PUBLISH_VERB, RECORDING_VERB, RSVP_VERB
from tests.activities import ADVISER, CHANNEL_ID, COLLEAGUE, COORDINATOR, TEAM_ID
from tests.card_actions import press
from tests.cards import cards_in
from tests.harness import actions_in, card_text, texts_of

JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0"
QUICK = f"webinaari Tietoisku: EURES ; 16.12.2026 14:00 ; EURES-neuvoja ; {JOIN}"
START = datetime(2026, 12, 16, 12, 0, tzinfo=UTC)
CHANNELS = [TEAM_ID, CHANNEL_ID, "19:tiedotteet@thread.tacv2"]


async def install_team(bot):
    bot.connector.channels[TEAM_ID] = [
        {"id": TEAM_ID},
        {"id": CHANNEL_ID, "name": "Neuvojat"},
        {"id": "19:tiedotteet@thread.tacv2", "name": "Tiedotteet"},
    ]
    await bot.send_through_connector(bot.teams.installation_update("team"))


async def publish(bot, quick=QUICK):
    replies = await bot.send(bot.teams.personal(quick, user=COORDINATOR))
    preview = cards_in(replies[0])[0]
    publish_action = next(a for a in actions_in(preview) if a.get("verb") == PUBLISH_VERB)
    reply = await bot.invoke(
        bot.teams.card_action(PUBLISH_VERB, {**publish_action["data"], "target": "all"}, user=COORDINATOR)
    )
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    return reply, bot.connector.sent_activities()[before:], publish_action["data"]["webinar"]


async def test_only_coordinators_create_webinars(bot):
    replies = await bot.send(bot.teams.personal(QUICK, user=ADVISER))
    assert "vain verkoston koordinaattoreille" in texts_of(replies)
    reply = await bot.invoke(bot.teams.card_action(PUBLISH_VERB, {"webinar": "ABCDEFGH"}, user=ADVISER))
    assert "vain verkoston koordinaattoreille" in reply.body["value"]


async def test_bad_input_comes_back_as_the_form_with_values_and_reasons(bot):
    replies = await bot.send(
        bot.teams.personal("webinaari Tietoisku ; 31.2.2027 14:00 ; Esittäjä ; http://x", user=COORDINATOR)
    )
    form = cards_in(replies[0])[0]
    shown = card_text(form)
    assert "Päivämäärää ei ole olemassa" in shown and "linkin pitää alkaa https://" in shown
    values = {item["id"]: item.get("value") for item in form["body"] if item.get("type") == "Input.Text"}
    assert values["title"] == "Tietoisku" and values["start"] == "31.2.2027 14:00"
    reply = await press(bot, form, FORM_VERB, user=COORDINATOR, start="16.12.2026 14:00", join_url=JOIN)
    assert "Esikatselu" in card_text(reply.body["value"])


async def test_publishing_posts_one_card_to_every_network_channel(bot):
    await install_team(bot)
    reply, posted, code = await publish(bot)
    assert "Julkaistu" in reply.body["value"] and "3 kanavaan" in reply.body["value"]
    assert sorted(activity["conversation"]["id"] for activity in posted) == sorted(CHANNELS)
    card = cards_in(posted[0])[0]
    shown = card_text(card)
    assert "Tietoisku: EURES" in shown and "ke 16.12.2026 klo 14.00" in shown and "Osallistujia" in shown
    titles = {a["title"] for a in actions_in(card)}
    assert {"Osallistun", "En osallistu", "Lisää kalenteriin", "Liity"} <= titles
    replies = await bot.send(bot.teams.personal(QUICK, user=COORDINATOR))
    preview = cards_in(replies[0])[0]
    first = next(a for a in actions_in(preview) if a.get("verb") == PUBLISH_VERB)["data"]
    again = await bot.invoke(
        bot.teams.card_action(PUBLISH_VERB, {**first, "webinar": code, "target": "all"}, user=COORDINATOR)
    )
    assert "jo julkaistu" in again.body["value"]
    await bot.deliver()
    assert len(bot.connector.sent_activities()) == 1 + 3  # the welcome card and the three posts, nothing more


async def test_signing_up_refreshes_the_voters_card_and_updates_every_copy_coalesced(bot):
    await install_team(bot)
    _, _posted, code = await publish(bot)
    reply = await bot.invoke(
        bot.teams.card_action(RSVP_VERB, {"webinar": code, "attending": True}, conversation="channel")
    )
    shown = card_text(reply.body["value"])
    assert "Olet ilmoittautunut mukaan." in shown
    for user in (COLLEAGUE, COORDINATOR):  # a burst of answers within the same second
        await bot.invoke(
            bot.teams.card_action(RSVP_VERB, {"webinar": code, "attending": True}, conversation="channel", user=user)
        )
    await bot.deliver(timedelta(seconds=2))
    updates = bot.connector.updates()
    assert len(updates) == 3  # one coalesced update per posted copy
    assert all("Osallistujia: 3" in card_text(cards_in(u.body)[0]) for u in updates)
    # changing one's mind counts once
    await bot.invoke(bot.teams.card_action(RSVP_VERB, {"webinar": code, "attending": False}, conversation="channel"))
    await bot.deliver(timedelta(seconds=2))
    assert "Osallistujia: 2" in card_text(cards_in(bot.connector.updates()[-1].body)[0])


async def test_the_calendar_link_gives_a_valid_ics_until_it_expires(bot):
    await install_team(bot)
    _, posted, _ = await publish(bot)
    link = next(a["url"] for a in actions_in(cards_in(posted[0])[0]) if a["title"] == "Lisää kalenteriin")
    parts = urlsplit(link)
    response = await bot.client.get(f"{parts.path}?{parts.query}")
    assert response.status == 200 and response.content_type == "text/calendar"
    calendar = icalendar.Calendar.from_ical(await response.read())
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("DTSTART").astimezone(UTC) == START
    assert JOIN in str(event["DESCRIPTION"])
    tampered = await bot.client.get(f"{parts.path.replace('.ics', '0.ics')}?{parts.query}")
    assert tampered.status == 403
    bot.clock.advance_to(START + timedelta(days=3))
    expired = await bot.client.get(f"{parts.path}?{parts.query}")
    assert expired.status == 403 and "vanhentunut" in await expired.text()


async def test_reminders_go_to_the_channels_the_day_before_and_to_attendees_15_minutes_before(bot):
    await install_team(bot)
    await bot.send(bot.teams.personal("apua", user=COLLEAGUE))  # Liisa has a 1:1 chat with the bot
    _, _posted, code = await publish(bot)
    for user in (ADVISER, COLLEAGUE):
        await bot.invoke(
            bot.teams.card_action(RSVP_VERB, {"webinar": code, "attending": True}, conversation="channel", user=user)
        )
    before = len(bot.connector.sent_activities())
    bot.clock.advance_to(START - timedelta(hours=24, seconds=1))
    await bot.deliver()
    assert len(bot.connector.sent_activities()) == before  # not yet
    await bot.deliver(timedelta(seconds=2))
    reminders = bot.connector.sent_activities()[before:]
    assert len(reminders) == 3 and all("Muistutus: huomenna" in r["text"] for r in reminders)

    bot.clock.advance_to(START - timedelta(minutes=15))
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    personal = bot.connector.sent_activities()[before:]
    assert len(personal) == 2 and all(JOIN in r["text"] for r in personal)
    targets = {r["conversation"]["id"] for r in personal}
    assert f"a:1personal-{COLLEAGUE.aad_object_id}" in targets  # the existing 1:1 chat
    created = [c for c in bot.connector.calls if c.method == "POST" and c.path == "/v3/conversations"]
    assert len(created) == 1 and created[0].body["members"][0]["id"] == ADVISER.id  # a new 1:1 chat for Maija


async def test_cancelling_updates_every_copy_tells_attendees_and_stops_reminders(bot):
    await install_team(bot)
    await bot.send(bot.teams.personal("apua", user=ADVISER))
    _, _posted, code = await publish(bot)
    await bot.invoke(bot.teams.card_action(RSVP_VERB, {"webinar": code, "attending": True}, conversation="channel"))
    refused = await bot.invoke(
        bot.teams.card_action(CANCEL_VERB, {"webinar": code}, conversation="channel", user=ADVISER)
    )
    assert "vain verkoston koordinaattoreille" in refused.body["value"]
    elsewhere = await bot.invoke(bot.teams.card_action(CANCEL_VERB, {"webinar": code}, user=COORDINATOR))
    assert "vain siinä keskustelussa" in elsewhere.body["value"]  # the button works where the card is
    reply = await bot.invoke(
        bot.teams.card_action(CANCEL_VERB, {"webinar": code}, conversation="channel", user=COORDINATOR)
    )
    assert "peruttu" in reply.body["value"]
    before = len(bot.connector.sent_activities())
    await bot.deliver(timedelta(seconds=2))
    cancelled_cards = [card_text(cards_in(u.body)[0]) for u in bot.connector.updates()[-3:]]
    assert all(text.startswith("TIETOISKU\nPERUTTU: Tietoisku: EURES") for text in cancelled_cards)
    notices = bot.connector.sent_activities()[before:]
    assert [n["conversation"]["id"] for n in notices] == [f"a:1personal-{ADVISER.aad_object_id}"]
    assert "on peruttu" in notices[0]["text"]
    bot.clock.advance_to(START)
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    assert len(bot.connector.sent_activities()) == before  # no reminders for a cancelled webinar


async def test_moving_a_webinar_by_command_updates_cards_and_reminders(bot):
    await install_team(bot)
    _, _, code = await publish(bot)
    replies = await bot.send(bot.teams.personal(f"webinaari siirrä {code} ; 17.12.2026 15:00", user=COORDINATOR))
    assert "siirretty: to 17.12.2026 klo 15.00" in texts_of(replies)
    await bot.deliver(timedelta(seconds=2))
    assert all("to 17.12.2026 klo 15.00" in card_text(cards_in(u.body)[0]) for u in bot.connector.updates()[-3:])
    bot.clock.advance_to(START - timedelta(hours=23))  # the old reminder time has passed
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    assert len(bot.connector.sent_activities()) == before
    bot.clock.advance_to(datetime(2026, 12, 16, 13, 0, tzinfo=UTC))  # a day before the new time
    await bot.deliver()
    assert len(bot.connector.sent_activities()) == before + 3


async def test_the_list_shows_upcoming_webinars_to_everyone(bot):
    await install_team(bot)
    replies = await bot.send(bot.teams.personal("webinaarit", user=ADVISER))
    assert "Tulevia webinaareja ei ole" in texts_of(replies)
    await publish(bot)
    replies = await bot.send(bot.teams.personal("webinars", user=ADVISER, locale="en-US"))
    shown = texts_of(replies)
    assert "Upcoming webinars" in shown and "Tietoisku: EURES" in shown and "Wed 16.12.2026 at 14.00" in shown


async def test_people_the_bot_cannot_reach_privately_are_mentioned_in_the_channel(bot):
    await install_team(bot)
    _, _, code = await publish(bot)
    # Maija answered from a chat the bot has no stored reference for, so no 1:1 message is possible.
    await bot.invoke(bot.teams.card_action(RSVP_VERB, {"webinar": code, "attending": True}))
    bot.clock.advance_to(START - timedelta(minutes=15))
    before = len(bot.connector.sent_activities())
    await bot.deliver(timedelta(seconds=1))
    mentions = [a for a in bot.connector.sent_activities()[before:] if "<at>Maija Testinen</at>" in a.get("text", "")]
    assert sorted(a["conversation"]["id"] for a in mentions) == sorted(CHANNELS)
    assert mentions[0]["entities"][0]["mentioned"]["id"] == ADVISER.id


async def test_a_series_every_other_week_is_published_as_one_card_per_session(bot):
    await install_team(bot)
    values = {"title": "Tietoisku", "start": "2.12.2026 14:00", "join_url": JOIN, "repeat_until": "30.12.2026"}
    form = cards_in((await bot.send(bot.teams.personal("webinaari", user=COORDINATOR)))[0])[0]
    reply = await press(bot, form, FORM_VERB, user=COORDINATOR, **values)
    preview = reply.body["value"]
    shown = card_text(preview)
    assert "Sarja: 3 tilaisuutta" in shown and "ke 16.12.2026 klo 14.00" in shown and "ke 30.12.2026 klo 14.00" in shown
    publish_action = next(a for a in actions_in(preview) if a.get("verb") == PUBLISH_VERB)
    await bot.invoke(
        bot.teams.card_action(PUBLISH_VERB, {**publish_action["data"], "target": "here"}, user=COORDINATOR)
    )
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    posted = bot.connector.sent_activities()[before:]
    assert len(posted) == 3 and len({a["conversation"]["id"] for a in posted}) == 1


async def test_the_finder_points_to_a_past_webinars_recording(bot):
    await install_team(bot)
    _, _, code = await publish(
        bot, f"webinaari Finnveran alkutakaus aloittavalle ; 16.12.2026 14:00 ; Finnvera ; {JOIN}"
    )
    bot.clock.advance_to(START + timedelta(hours=2))
    reply = await bot.invoke(
        bot.teams.card_action(
            RECORDING_VERB,
            {"webinar": code, "recording_url": "https://video.example/tallenne-1"},
            conversation="channel",
            user=COORDINATOR,
        )
    )
    assert "Tallenteen linkki lisätty" in reply.body["value"]
    replies = await bot.send(bot.teams.personal("aloittava yrittäjä tarvitsee takauksen"))
    shown = texts_of(replies)
    assert "Tallenteita aiheesta" in shown and "https://video.example/tallenne-1" in shown
