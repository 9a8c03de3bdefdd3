"""Webinars in Teams: a coordinator publishes, people sign up, calendars, reminders, changes."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import icalendar

from adaptive_cards.webinars import (
    CANCEL_VERB,
    FORM_VERB,
    MANAGE_VERB,
    MINE_VERB,
    PUBLISH_VERB,
    RECORDING_VERB,
    RESCHEDULE_VERB,
    RSVP_VERB,
)
from tests.activities import ADVISER, CHANNEL_ID, COLLEAGUE, COORDINATOR, TEAM_ID, User
from tests.card_actions import card_of, data_of, message_of, press
from tests.cards import cards_in, wire_size
from tests.harness import actions_in, card_text, texts_of

JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0"
TITLE = "EURES: työnhaku Euroopasta"
QUICK = f"webinaari {TITLE} ; 16.12.2026 14:00 ; EURES-neuvoja ; {JOIN}"
START = datetime(2026, 12, 16, 12, 0, tzinfo=UTC)
CHANNELS = [TEAM_ID, CHANNEL_ID, "19:tiedotteet@thread.tacv2"]
MANAGEMENT = {MANAGE_VERB, CANCEL_VERB, RESCHEDULE_VERB, RECORDING_VERB}


async def install_team(bot):
    bot.connector.channels[TEAM_ID] = [
        {"id": TEAM_ID},
        {"id": CHANNEL_ID, "name": "Neuvojat"},
        {"id": "19:tiedotteet@thread.tacv2", "name": "Tiedotteet"},
    ]
    await bot.send_through_connector(bot.teams.installation_update("team"))


async def publish(bot, quick=QUICK, locale="fi-FI"):
    """Type the quick syntax, press **Julkaise** (all channels); the answer, the posted copies, the code."""
    replies = await bot.send(bot.teams.personal(quick, user=COORDINATOR, locale=locale))
    preview = cards_in(replies[0])[0]
    publish_action = next(a for a in actions_in(preview) if a.get("verb") == PUBLISH_VERB)
    reply = await bot.invoke(
        bot.teams.card_action(
            PUBLISH_VERB, {**publish_action["data"], "target": "all"}, user=COORDINATOR, locale=locale
        )
    )
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    return reply, bot.connector.sent_activities()[before:], publish_action["data"]["webinar"]


def titles(card):
    return {action["title"] for action in actions_in(card) if action.get("title")}


def verbs(card):
    return {action.get("verb") for action in actions_in(card)} - {None}


def rsvp(bot, code, attending=True, user=ADVISER, locale="fi-FI", **extra):
    data = {"webinar": code, "attending": attending, **extra}
    return bot.invoke(bot.teams.card_action(RSVP_VERB, data, conversation="channel", user=user, locale=locale))


def mine(bot, code, user=ADVISER, locale="fi-FI", conversation="channel"):
    data = {"webinar": code}
    return bot.invoke(bot.teams.card_action(MINE_VERB, data, conversation=conversation, user=user, locale=locale))


# Words that give a card's language away (button titles and fact labels included).
FINNISH = ("Osallistun", "Osallistujia", "Aika", "Liity", "Lisää kalenteriin", " klo ", "Julkaistu", "Tunnus", "Peru")
ENGLISH = ("I'll attend", "Attending", "Time", "Join", "Add to calendar", " at ", "Published", "Code", "Cancel")


def assert_in_language(card, language):
    """Every label on the card in one language: none of the other language's give-away words."""
    shown = card_text(card)
    foreign = ENGLISH if language == "fi" else FINNISH
    assert not [word for word in foreign if word in shown], shown


async def test_only_coordinators_create_webinars(bot):
    replies = await bot.send(bot.teams.personal(QUICK, user=ADVISER))
    assert "vain verkoston koordinaattoreille" in texts_of(replies)
    reply = await bot.invoke(bot.teams.card_action(PUBLISH_VERB, {"webinar": "ABCDEFGH"}, user=ADVISER))
    assert "vain verkoston koordinaattoreille" in reply.body["value"]


async def test_bad_input_comes_back_as_the_form_with_values_and_reasons(bot):
    replies = await bot.send(
        bot.teams.personal("webinaari Webinaari ; 31.2.2027 14:00 ; Esittäjä ; http://x", user=COORDINATOR)
    )
    form = cards_in(replies[0])[0]
    shown = card_text(form)
    assert "Päivämäärää ei ole olemassa" in shown and "linkin pitää alkaa https://" in shown
    values = {item["id"]: item.get("value") for item in form["body"] if item.get("type") == "Input.Text"}
    assert values["title"] == "Webinaari" and values["start"] == "31.2.2027 14:00"
    reply = await press(bot, form, FORM_VERB, user=COORDINATOR, start="16.12.2026 14:00", join_url=JOIN)
    assert "Esikatselu" in card_text(reply.body["value"])


async def test_publishing_posts_one_card_to_every_network_channel_and_the_preview_says_so(bot):
    await install_team(bot)
    reply, posted, code = await publish(bot)
    # The preview became the coordinator's own card: what happened, where and when; no Julkaise any more.
    own = card_of(reply)
    shown = card_text(own)
    assert "Julkaistu 3 kanavalle su 29.11.2026 klo 10.00." in shown and f"Tunnus: {code}" in shown
    assert not {PUBLISH_VERB, "webinar.edit", "webinar.targets"} & verbs(own)
    assert {"Siirrä uuteen aikaan…", "Lisää tallenteen linkki…", "Peru webinaari"} <= titles(own)
    assert sorted(activity["conversation"]["id"] for activity in posted) == sorted(CHANNELS)
    card = cards_in(posted[0])[0]
    shown = card_text(card)
    assert shown.startswith(f"WEBINAARI\n{TITLE}") and "ke 16.12.2026 klo 14.00" in shown and "Osallistujia" in shown
    assert titles(card) == {"Osallistun", "Näytä oma ilmoittautumiseni", "Lisää kalenteriin", "Liity"}
    replies = await bot.send(bot.teams.personal(QUICK, user=COORDINATOR))
    preview = cards_in(replies[0])[0]
    first = next(a for a in actions_in(preview) if a.get("verb") == PUBLISH_VERB)["data"]
    again = await bot.invoke(
        bot.teams.card_action(PUBLISH_VERB, {**first, "webinar": code, "target": "all"}, user=COORDINATOR)
    )
    assert message_of(again) == "Tämä webinaari on jo julkaistu."
    await bot.deliver()
    assert len(bot.connector.sent_activities()) == 1 + 3  # the welcome card and the three posts, nothing more


async def test_an_english_coordinator_sees_english_and_the_channels_get_finnish(bot):
    await install_team(bot)
    reply, posted, code = await publish(bot, locale="en-US")
    own = card_of(reply)
    assert "Published to 3 channels, Sun 29.11.2026 at 10.00." in card_text(own)
    assert f"Code: {code}" in card_text(own) and "Cancel the webinar" in titles(own)
    assert_in_language(own, "en")
    ask = bot.teams.card_action(CANCEL_VERB, data_of(own, CANCEL_VERB), user=COORDINATOR, locale="en-US")
    question = card_of(await bot.invoke(ask))
    assert f"Cancel the webinar “{TITLE}”?" in card_text(question) and "Yes, cancel it" in titles(question)
    assert_in_language(question, "en")
    for activity in posted:
        assert_in_language(cards_in(activity)[0], "fi")


async def test_the_card_everyone_sees_has_no_management(bot):
    await install_team(bot)
    _, posted, code = await publish(bot)
    await rsvp(bot, code)
    own_view = card_of(await mine(bot, code, user=COORDINATOR))
    await bot.deliver(timedelta(seconds=2))
    for card in [cards_in(posted[0])[0], cards_in(bot.connector.updates()[-1].body)[0], own_view]:
        assert not MANAGEMENT & verbs(card) and "Hallinnoi" not in card_text(card)
        assert not actions_in(card, kind="Action.ShowCard")


async def test_signing_up_shows_ones_own_view_and_updates_every_copy_coalesced(bot):
    await install_team(bot)
    _, _posted, code = await publish(bot)
    own = card_of(await rsvp(bot, code))
    shown = card_text(own)
    assert "Olet ilmoittautunut mukaan." in shown and "Saat muistutuksen 15 minuuttia ennen alkua." in shown
    assert "Peru ilmoittautuminen" in titles(own) and "Osallistun" not in titles(own)
    for user in (COLLEAGUE, COORDINATOR):  # a burst of answers within the same second
        await rsvp(bot, code, user=user)
    await bot.deliver(timedelta(seconds=2))
    updates = bot.connector.updates()
    assert len(updates) == 3  # one coalesced update per posted copy
    shared = [cards_in(update.body)[0] for update in updates]
    assert all("Osallistujia: 3" in card_text(card) for card in shared)
    # The shared card says nothing about anyone's own sign-up; Teams shows the listed people their own.
    assert all("Olet ilmoittautunut" not in card_text(card) for card in shared)
    refresh = shared[0]["refresh"]
    assert refresh["action"]["verb"] == MINE_VERB and ADVISER.id in refresh["userIds"]
    assert set(refresh["userIds"]) == {ADVISER.id, COLLEAGUE.id, COORDINATOR.id}

    # The shared update overwrote Maija's card: "Näytä oma ilmoittautumiseni" brings her own back.
    again = card_of(await press(bot, shared[0], MINE_VERB, conversation="channel"))
    assert "Olet ilmoittautunut mukaan." in card_text(again) and "Peru ilmoittautuminen" in titles(again)
    # Teams' own refresh of the card asks the same.
    refreshed = await bot.invoke(
        bot.teams.card_action(refresh["action"]["verb"], refresh["action"]["data"], conversation="channel")
    )
    assert card_text(card_of(refreshed)) == card_text(again)

    # Changing one's mind: the own view offers Osallistun again, and the count drops once.
    cancelled = card_of(await press(bot, again, RSVP_VERB, conversation="channel"))
    shown = card_text(cancelled)
    assert "Et ole ilmoittautunut." in shown and "Ilmoittautumisesi on peruttu." in shown
    assert "Osallistun" in titles(cancelled) and "Peru ilmoittautuminen" not in titles(cancelled)
    await bot.deliver(timedelta(seconds=2))
    assert "Osallistujia: 2" in card_text(cards_in(bot.connector.updates()[-1].body)[0])


async def test_someone_who_has_not_answered_sees_that_and_an_english_reader_sees_only_english(bot):
    await install_team(bot)
    _, _, code = await publish(bot)
    own = card_of(await mine(bot, code, user=COLLEAGUE))
    assert "Et ole ilmoittautunut." in card_text(own) and "Osallistun" in titles(own)
    english = card_of(await rsvp(bot, code, user=COLLEAGUE, locale="en-US"))
    shown = card_text(english)
    assert shown.startswith(f"WEBINAR\n{TITLE}") and "Wed 16.12.2026 at 14.00" in shown
    assert "You have signed up." in shown and "Cancel my sign-up" in titles(english)
    assert_in_language(english, "en")


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
    await bot.send(bot.teams.personal("apua", user=COLLEAGUE, locale="en-US"))  # Liisa's 1:1 chat is in English
    _, _posted, code = await publish(bot)
    for user in (ADVISER, COLLEAGUE):
        await rsvp(bot, code, user=user)
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
    personal = {r["conversation"]["id"]: r["text"] for r in bot.connector.sent_activities()[before:]}
    assert len(personal) == 2 and all(JOIN in text for text in personal.values())
    # Each in the person's own language: Liisa's chat is in English, Maija has none and gets Finnish.
    liisa = personal.pop(f"a:1personal-{COLLEAGUE.aad_object_id}")
    assert liisa.startswith("Reminder:") and "Wed 16.12.2026 at 14.00" in liisa
    assert next(iter(personal.values())).startswith("Muistutus:")
    created = [c for c in bot.connector.calls if c.method == "POST" and c.path == "/v3/conversations"]
    assert len(created) == 1 and created[0].body["members"][0]["id"] == ADVISER.id  # a new 1:1 chat for Maija


async def test_cancelling_asks_first_then_updates_every_copy_tells_attendees_and_stops_reminders(bot):
    await install_team(bot)
    await bot.send(bot.teams.personal("apua", user=ADVISER))
    reply, _posted, code = await publish(bot)
    await rsvp(bot, code)
    await bot.deliver(timedelta(seconds=2))
    own = card_of(reply)
    updates = len(bot.connector.updates())

    question = card_of(await press(bot, own, CANCEL_VERB, user=COORDINATOR))
    assert card_text(question).startswith(f"WEBINAARI · HALLINNOINTI\nPerutaanko webinaari ”{TITLE}”?")
    assert "ilmoittautuneet (1) saavat viestin" in card_text(question)
    assert [a["title"] for a in actions_in(question)] == ["Kyllä, peru", "Älä peru"]
    await bot.deliver(timedelta(seconds=2))
    assert len(bot.connector.updates()) == updates  # asking changed nothing
    kept = card_of(await press(bot, question, MANAGE_VERB, user=COORDINATOR))  # Älä peru
    assert "Peru webinaari" in titles(kept) and "PERUTTU" not in card_text(kept)

    done = card_of(await press(bot, question, CANCEL_VERB, user=COORDINATOR))  # Kyllä, peru
    assert f"Webinaari ”{TITLE}” on peruttu." in card_text(done) and not actions_in(done)
    before = len(bot.connector.sent_activities())
    await bot.deliver(timedelta(seconds=2))
    cancelled_cards = [cards_in(u.body)[0] for u in bot.connector.updates()[-3:]]
    assert all(card_text(card).startswith(f"WEBINAARI\nPERUTTU: {TITLE}") for card in cancelled_cards)
    assert all(not actions_in(card, verb=RSVP_VERB) and "refresh" not in card for card in cancelled_cards)
    notices = bot.connector.sent_activities()[before:]
    assert [n["conversation"]["id"] for n in notices] == [f"a:1personal-{ADVISER.aad_object_id}"]
    assert "on peruttu" in notices[0]["text"]
    bot.clock.advance_to(START)
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    assert len(bot.connector.sent_activities()) == before  # no reminders for a cancelled webinar


async def test_management_buttons_check_the_role_and_whose_card_it_is_on_every_press(bot):
    await install_team(bot)
    reply, _, code = await publish(bot)
    own = card_of(reply)
    # Someone else pressing the coordinator's buttons (a replayed payload): refused, in plain text.
    refused = await press(bot, own, CANCEL_VERB, user=ADVISER, confirmed=True)
    assert "vain verkoston koordinaattoreille" in message_of(refused)
    elsewhere = await press(bot, own, CANCEL_VERB, user=COORDINATOR, conversation="channel", confirmed=True)
    assert "tehtiin toiselle henkilölle tai toisessa keskustelussa" in message_of(elsewhere)
    # A coordinator who lost the role cannot use the card they got while they had it.
    bot.db()["coordinators"].insert({"aad_object_id": COLLEAGUE.aad_object_id, "name": COLLEAGUE.name})
    managed = (await bot.send(bot.teams.personal(f"webinaari hallinnoi {code}", user=COLLEAGUE)))[0]
    theirs = cards_in(managed)[0]
    assert f"Tunnus: {code}" in card_text(theirs) and "Peru webinaari" in titles(theirs)
    bot.db()["coordinators"].delete(COLLEAGUE.aad_object_id)
    lost = await press(bot, theirs, RESCHEDULE_VERB, user=COLLEAGUE, new_start="17.12.2026 15:00")
    assert "vain verkoston koordinaattoreille" in message_of(lost)
    assert "Peru webinaari" in titles(card_of(await press(bot, own, MANAGE_VERB, user=COORDINATOR)))


async def test_a_typed_cancel_asks_too(bot):
    await install_team(bot)
    _, _, code = await publish(bot)
    replies = await bot.send(bot.teams.personal(f"webinaari peru {code}", user=COORDINATOR))
    question = cards_in(replies[0])[0]
    assert f"Perutaanko webinaari ”{TITLE}”?" in card_text(question)
    await bot.deliver(timedelta(seconds=2))
    assert bot.connector.updates() == []  # nothing cancelled yet
    done = card_of(await press(bot, question, CANCEL_VERB, user=COORDINATOR))
    assert "on peruttu" in card_text(done)


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


async def test_moving_on_the_coordinators_card_keeps_a_bad_time_to_fix(bot):
    await install_team(bot)
    reply, _, _ = await publish(bot)
    own = card_of(reply)
    bad = card_of(await press(bot, own, RESCHEDULE_VERB, user=COORDINATOR, new_start="31.2.2027 14:00"))
    assert "Päivämäärää ei ole olemassa" in card_text(bad)
    assert next(i for i in bad["actions"][0]["card"]["body"] if i["id"] == "new_start")["value"] == "31.2.2027 14:00"
    moved = card_of(await press(bot, bad, RESCHEDULE_VERB, user=COORDINATOR, new_start="17.12.2026 15:00"))
    assert "siirretty: to 17.12.2026 klo 15.00" in card_text(moved) and "Aika: to 17.12.2026" in card_text(moved)


async def test_the_list_shows_each_reader_their_own_sign_ups(bot):
    await install_team(bot)
    replies = await bot.send(bot.teams.personal("webinaarit", user=ADVISER))
    assert "Tulevia webinaareja ei ole" in texts_of(replies)
    _, _, code = await publish(bot)
    listed = cards_in((await bot.send(bot.teams.personal("webinaarit", user=ADVISER)))[0])[0]
    assert "Et ole ilmoittautunut." in card_text(listed) and "Osallistun" in titles(listed)
    assert "Tunnus" not in card_text(listed) and not MANAGEMENT & verbs(listed)  # not a coordinator
    signed = card_of(await press(bot, listed, RSVP_VERB))
    shown = card_text(signed)
    assert f"Ilmoittauduit webinaariin ”{TITLE}”." in shown and "Olet ilmoittautunut mukaan." in shown
    assert "Peru ilmoittautuminen" in titles(signed) and "Osallistun" not in titles(signed)
    listed = cards_in((await bot.send(bot.teams.personal("webinars", user=ADVISER, locale="en-US")))[0])[0]
    shown = card_text(listed)
    assert "Upcoming webinars" in shown and TITLE in shown and "Wed 16.12.2026 at 14.00" in shown
    assert "You have signed up." in shown and "Cancel my sign-up" in titles(listed)
    assert_in_language(listed, "en")
    # A coordinator's own list has the code and Hallinnoi.
    theirs = cards_in((await bot.send(bot.teams.personal("webinaarit", user=COORDINATOR)))[0])[0]
    assert f"Tunnus: {code}" in card_text(theirs)
    managed = card_of(await press(bot, theirs, MANAGE_VERB, user=COORDINATOR))
    assert "Peru webinaari" in titles(managed)


async def test_a_list_in_a_channel_shows_nobodys_sign_up_and_gives_each_their_own(bot):
    await install_team(bot)
    _, _, code = await publish(bot)
    await rsvp(bot, code)  # Maija has signed up
    shared = cards_in((await bot.send(bot.teams.channel("webinaarit", user=ADVISER)))[0])[0]
    assert "Olet ilmoittautunut" not in card_text(shared) and "Et ole ilmoittautunut" not in card_text(shared)
    assert "Näytä omat ilmoittautumiseni" in titles(shared) and not MANAGEMENT & verbs(shared)
    own = card_of(await press(bot, shared, "webinar.own_list", conversation="channel"))
    assert "Olet ilmoittautunut mukaan." in card_text(own) and "Peru ilmoittautuminen" in titles(own)
    colleague = card_of(await press(bot, shared, "webinar.own_list", conversation="channel", user=COLLEAGUE))
    assert "Et ole ilmoittautunut." in card_text(colleague)


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
    values = {"title": "Yrityskahvit", "start": "2.12.2026 14:00", "join_url": JOIN, "repeat_until": "30.12.2026"}
    form = cards_in((await bot.send(bot.teams.personal("webinaari", user=COORDINATOR)))[0])[0]
    reply = await press(bot, form, FORM_VERB, user=COORDINATOR, **values)
    preview = reply.body["value"]
    shown = card_text(preview)
    assert "Sarja: 3 tilaisuutta" in shown and "ke 16.12.2026 klo 14.00" in shown and "ke 30.12.2026 klo 14.00" in shown
    published = card_of(await press(bot, preview, PUBLISH_VERB, user=COORDINATOR, target="here"))
    shown = card_text(published)
    assert "Julkaistu tähän keskusteluun su 29.11.2026 klo 10.00." in shown and "Sarjan 3 tilaisuutta" in shown
    assert len(actions_in(published, verb=MANAGE_VERB)) == 3 and PUBLISH_VERB not in verbs(published)
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    posted = bot.connector.sent_activities()[before:]
    assert len(posted) == 3 and len({a["conversation"]["id"] for a in posted}) == 1
    second = card_of(await press(bot, published, MANAGE_VERB, index=1, user=COORDINATOR))
    assert "ke 16.12.2026 klo 14.00" in card_text(second) and "Julkaistu: 1 keskusteluun" in card_text(second)


async def test_a_copy_posted_to_an_english_coordinators_own_chat_is_wholly_english(bot):
    await bot.send(bot.teams.personal("language en", user=COORDINATOR))
    replies = await bot.send(bot.teams.personal(QUICK, user=COORDINATOR))
    preview = cards_in(replies[0])[0]
    own = card_of(await press(bot, preview, PUBLISH_VERB, user=COORDINATOR, target="here"))
    assert "Published to this conversation" in card_text(own)
    before = len(bot.connector.sent_activities())
    await bot.deliver()
    (copy,) = bot.connector.sent_activities()[before:]
    card = cards_in(copy)[0]
    assert card_text(card).startswith("WEBINAR\n") and "Show my sign-up" in titles(card)
    assert_in_language(card, "en")


async def test_the_finder_points_to_a_past_webinars_recording(bot):
    await install_team(bot)
    reply, _, _ = await publish(
        bot, f"webinaari Finnveran alkutakaus aloittavalle ; 16.12.2026 14:00 ; Finnvera ; {JOIN}"
    )
    bot.clock.advance_to(START + timedelta(hours=2))
    saved = card_of(
        await press(bot, card_of(reply), RECORDING_VERB, user=COORDINATOR, recording_url="https://video.example/t-1")
    )
    assert "Tallenteen linkki lisätty" in card_text(saved) and "Tallenne: https://video.example/t-1" in card_text(saved)
    replies = await bot.send(bot.teams.personal("aloittava yrittäjä tarvitsee takauksen"))
    shown = texts_of(replies)
    assert "Tallenteita aiheesta (aiemmat webinaarit)" in shown and "https://video.example/t-1" in shown


async def test_one_word_everywhere_webinaari_and_tietoisku_still_works_as_a_command(bot):
    await install_team(bot)
    help_card = texts_of(await bot.send(bot.teams.personal("apua", user=COORDINATOR)))
    replies = await bot.send(bot.teams.personal(f"tietoisku Aamukahvit ; 16.12.2026 14:00 ; Esittäjä ; {JOIN}"))
    assert "vain verkoston koordinaattoreille" in texts_of(replies)  # the alias is the same command
    reply, posted, code = await publish(bot, f"tietoisku Aamukahvit ; 16.12.2026 14:00 ; Esittäjä ; {JOIN}")
    seen = [help_card, card_text(card_of(reply)), card_text(cards_in(posted[0])[0])]
    seen.append(card_text(card_of(await rsvp(bot, code))))
    seen.append(texts_of(await bot.send(bot.teams.personal("webinaarit"))))
    seen.append(texts_of(await bot.send(bot.teams.personal("webinaari", user=COORDINATOR))))
    assert all("tietoisk" not in text.lower() for text in seen), seen
    assert "webinaari" in help_card


async def test_button_answers_given_as_text_have_no_markdown(bot):
    await install_team(bot)
    reply, _, code = await publish(bot)
    answers = [
        await bot.invoke(bot.teams.card_action(RSVP_VERB, {"webinar": code, "attending": "kyllä"}, "channel")),
        await bot.invoke(bot.teams.card_action(RSVP_VERB, {"webinar": "EIOLEOLE"}, "channel")),
        await press(bot, card_of(reply), CANCEL_VERB, user=ADVISER),
        await press(bot, card_of(reply), MANAGE_VERB, user=COORDINATOR, conversation="channel"),
        await bot.invoke(bot.teams.card_action(CANCEL_VERB, {"webinar": code}, user=ADVISER, locale="en-US")),
    ]
    replies = await bot.send(bot.teams.personal(QUICK, user=COORDINATOR))
    preview = cards_in(replies[0])[0]
    answers.append(await press(bot, preview, PUBLISH_VERB, user=COORDINATOR, target="chosen"))
    texts = [message_of(answer) for answer in answers]
    assert all("**" not in text and "](" not in text for text in texts), texts
    assert "coordinators" in texts[4] and "Valitse vähintään yksi kanava" in texts[5]


async def test_teams_is_asked_for_the_own_view_of_at_most_60_people_and_the_card_stays_small(bot):
    await install_team(bot)
    _, _, code = await publish(bot)
    people = [
        User(f"29:1-attendee-{n:04d}", f"Osallistuja {n}", f"00000000-0000-4000-8000-{n:012d}") for n in range(70)
    ]
    for person in people:
        await rsvp(bot, code, user=person)
    await bot.deliver(timedelta(seconds=2))
    card = cards_in(bot.connector.updates()[-1].body)[0]
    assert len(card["refresh"]["userIds"]) == 60 and "Osallistujia: 70" in card_text(card)
    assert wire_size(card) < 8 * 1024
