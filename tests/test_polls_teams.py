"""Quick polls in Teams: one tap to vote, live counts, closing, deadlines, CSV, and every refusal."""

import asyncio
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from adaptive_cards.polls import CLOSE_VERB, CREATE_VERB, VOTE_VERB
from tests.activities import ADVISER, COLLEAGUE, COORDINATOR, User
from tests.card_actions import press
from tests.cards import cards_in
from tests.harness import actions_in, card_text, texts_of


def vote_actions(card):
    """The options' own Action.Execute buttons, as Teams reads them from the card."""
    return actions_in(card, verb=VOTE_VERB)


def user(number):
    return User(f"29:1-voter-{number:04d}", f"Vastaaja {number}", f"00000000-0000-4000-8000-{number:012d}")


async def create(bot, text="kysely Mikä aika sopii tietoiskulle? ; Keskiviikko ; Torstai ; Perjantai", by=ADVISER):
    sent = await bot.send_through_connector(bot.teams.channel(text, user=by))
    card = cards_in(sent[0])[0]
    return card


async def from_form(bot, values, by=ADVISER, reply_to="m1"):
    """`kysely` in the channel, then the form's **Luo kysely** with `values` (as the form's owner)."""
    replies = await bot.send(bot.teams.channel("kysely", user=by))
    form = cards_in(replies[0])[0]
    action = actions_in(form, verb=CREATE_VERB)[0]
    return await bot.invoke(
        bot.teams.card_action(
            CREATE_VERB, {**action["data"], **values}, conversation="channel", user=by, reply_to=reply_to
        )
    )


async def tap(bot, card, option, who=ADVISER, conversation="channel"):
    action = vote_actions(card)[option]
    return await bot.invoke(bot.teams.card_action(action["verb"], action["data"], conversation=conversation, user=who))


async def test_quick_syntax_posts_a_poll_card_with_one_button_per_option(bot):
    card = await create(bot)
    shown = card_text(card)
    assert "Mikä aika sopii tietoiskulle?" in shown and "kysyjä Maija Testinen" in shown
    assert [a["verb"] for a in vote_actions(card)] == [VOTE_VERB] * 3
    assert "Vastanneita: 0" in shown


async def test_bad_input_says_what_to_fix_and_the_form_keeps_it(bot):
    cases = {
        "kysely Kumpi? ; Vain yksi": "vähintään 2",
        "kysely Monta? ; " + " ; ".join(str(n) for n in range(11)): "enintään 10",
        "kysely Tyhjä? ; a ; ; b": "tyhjä",
        "kysely Sama? ; Kahvi ; kahvi": "kahdesti",
        "kysely " + "x" * 201 + " ; a ; b": "liian pitkä",
    }
    for text, reason in cases.items():
        replies = await bot.send(bot.teams.channel(text))
        form = cards_in(replies[0])[0]
        assert reason in card_text(form), text
        question = next(item for item in form["body"] if item.get("id") == "question")
        assert question["value"] == text.split(" ; ")[0].removeprefix("kysely ")
    reply = await from_form(bot, {"question": "Milloin?", "options": "Ma\nTi", "deadline": "1.11.2026 12:00"})
    assert "Sulkeutumisaika on mennyt jo" in card_text(reply.body["value"])
    again = await press(bot, reply.body["value"], CREATE_VERB, conversation="channel", deadline="")
    assert "Milloin?" in card_text(again.body["value"])  # the form that came back works for its owner


async def test_the_form_creates_the_poll_in_place(bot):
    replies = await bot.send(bot.teams.channel("kysely"))
    assert "Uusi kysely" in texts_of(replies)
    values = {
        "question": "Osallistutko kesäpäiville?",
        "options": "Kyllä\nEn\nEhkä",
        "anonymous": "false",
        "multiple": "false",
        "live_results": "true",
    }
    reply = await from_form(bot, values, reply_to="m-form-1")
    card = reply.body["value"]
    assert "Osallistutko kesäpäiville?" in card_text(card) and "nimellinen" in card_text(card)
    await bot.deliver()
    assert bot.connector.updates()[-1].path.endswith("/activities/m-form-1")  # everyone else sees the poll too


async def test_votes_refresh_the_voters_card_and_anonymous_counts_wait_for_three_voters(bot):
    card = await create(bot)
    reply = await tap(bot, card, 1)
    mine = card_text(reply.body["value"])
    assert "Valintasi: Torstai" in mine and "● Torstai" in mine
    assert "vähintään 3 on vastannut" in mine and "(100 %)" not in mine
    reply = await tap(bot, card, 2)  # single choice: the vote moves
    assert "Valintasi: Perjantai" in card_text(reply.body["value"])
    await tap(bot, card, 2, who=COLLEAGUE)
    reply = await tap(bot, card, 0, who=COORDINATOR)
    shown = card_text(reply.body["value"])
    assert "Vastanneita: 3" in shown and "2 (67 %)" in shown
    assert "Liisa" not in shown and "Kalle" not in shown  # who voted what stays hidden


async def test_multiple_choice_taps_toggle(bot):
    reply = await from_form(bot, {"question": "Mitkä päivät?", "options": "Ma\nTi\nKe", "multiple": "true"})
    card = reply.body["value"]
    await tap(bot, card, 0)
    reply = await tap(bot, card, 2)
    assert "Valintasi: Ma, Ke" in card_text(reply.body["value"])
    reply = await tap(bot, card, 0)
    assert "Valintasi: Ke" in card_text(reply.body["value"])


async def test_200_people_voting_at_once_give_200_votes_and_few_updates(bot):
    card = await create(bot)
    action = vote_actions(card)[0]
    replies = await asyncio.gather(
        *(
            bot.invoke(bot.teams.card_action(action["verb"], action["data"], conversation="channel", user=user(n)))
            for n in range(200)
        )
    )
    assert all(reply.status == 200 for reply in replies)
    assert bot.db()["poll_votes"].count == 200
    await bot.deliver(timedelta(seconds=1))
    updates = bot.connector.updates()
    assert len(updates) == 1  # a burst within one second becomes one update of the shared card
    assert "Vastanneita: 200" in card_text(cards_in(updates[-1].body)[0])


async def test_one_person_tapping_20_times_at_once_holds_one_vote(bot):
    card = await create(bot)
    action = vote_actions(card)[1]
    await asyncio.gather(
        *(bot.invoke(bot.teams.card_action(action["verb"], action["data"], conversation="channel")) for _ in range(20))
    )
    assert bot.db()["poll_votes"].count == 1


async def test_closing_shows_final_results_and_refuses_later_votes(bot):
    card = await create(bot, "kysely Kahvi vai tee? ; Kahvi ; Tee")
    poll_data = vote_actions(card)[0]["data"]
    for who, option in ((ADVISER, 0), (COLLEAGUE, 0), (COORDINATOR, 1)):
        await tap(bot, card, option, who=who)
    refused = await bot.invoke(
        bot.teams.card_action(CLOSE_VERB, {"poll": poll_data["poll"]}, conversation="channel", user=COLLEAGUE)
    )
    assert "Vain kyselyn tekijä tai koordinaattori" in refused.body["value"]
    reply = await bot.invoke(
        bot.teams.card_action(CLOSE_VERB, {"poll": poll_data["poll"]}, conversation="channel", user=ADVISER)
    )
    final = card_text(reply.body["value"])
    assert "KYSELY – SULJETTU" in final and "█" in final and "2 (67 %)" in final and "1 (33 %)" in final
    assert vote_actions(reply.body["value"]) == []
    late = await tap(bot, card, 1, who=user(7))
    assert "Kysely on jo suljettu" in late.body["value"]
    assert bot.db()["poll_votes"].count == 3


async def test_named_polls_list_voters_and_anonymous_never_do(bot):
    reply = await from_form(bot, {"question": "Kuka tulee?", "options": "Tulen\nEn tule", "anonymous": "false"})
    named = reply.body["value"]
    await tap(bot, named, 0)
    reply = await tap(bot, named, 0, who=COLLEAGUE)
    assert "Maija Testinen, Liisa Esimerkki" in card_text(reply.body["value"])
    anonymous = await create(bot)
    for who in (ADVISER, COLLEAGUE, COORDINATOR):
        reply = await tap(bot, anonymous, 0, who=who)
    shown = card_text(reply.body["value"])
    assert "3 (100 %)" in shown and "Liisa" not in shown and "Kalle" not in shown


async def test_a_deadline_closes_the_poll_and_a_restart_loses_no_vote(start_bot):
    bot = await start_bot()
    card = await create(bot, "kysely Sopiiko? ; Kyllä ; Ei ; Ehkä")
    reply = await from_form(
        bot, {"question": "Sopiiko?", "options": "Kyllä\nEi", "deadline": "29.11.2026 12:00"}, reply_to="m-form-2"
    )
    card = reply.body["value"]
    for who in (ADVISER, COLLEAGUE, COORDINATOR):
        await tap(bot, card, 0, who=who)
    restarted = await start_bot()  # the app restarts between the votes and the deadline
    restarted.clock.advance_to(datetime(2026, 11, 29, 10, 0, tzinfo=UTC))  # 12.00 Helsinki
    await restarted.deliver()
    await restarted.deliver(timedelta(seconds=2))  # the closed card follows the last vote update by a second
    final = card_text(cards_in(restarted.connector.updates()[-1].body)[0])
    assert "KYSELY – SULJETTU" in final and "Vastanneita: 3" in final and "3 (100 %)" in final


async def test_results_as_csv_through_a_signed_link(bot):
    reply = await from_form(bot, {"question": "Kuka tulee?", "options": "Tulen\nEn tule", "anonymous": "false"})
    card = reply.body["value"]
    await tap(bot, card, 0)
    reply = await tap(bot, card, 1, who=COLLEAGUE)
    link = next(a["url"] for a in reply.body["value"]["actions"] if a["title"] == "Lataa CSV")
    parts = urlsplit(link)
    response = await bot.client.get(f"{parts.path}?{parts.query}")
    raw = await response.read()
    assert response.status == 200 and response.content_type == "text/csv"
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Finnish Excel reads the ä right
    text = raw.decode("utf-8-sig")
    assert text.startswith("kysymys;Kuka tulee?\r\nvastanneita;2\r\n")  # `;` and Finnish headers
    assert "vaihtoehto;ääniä;vastaajat" in text
    assert "Tulen;1;Maija Testinen" in text and "En tule;1;Liisa Esimerkki" in text
    code = card["actions"][0]["data"]["poll"]
    replies = await bot.send(bot.teams.channel(f"kysely tulokset {code.lower()}"))
    assert "24 tuntia" in texts_of(replies)
    english = await bot.send(bot.teams.channel(f"poll results {code}", locale="en-US"))
    english_link = texts_of(english).split("): ")[1].strip()
    english_parts = urlsplit(english_link)
    english_text = (await (await bot.client.get(f"{english_parts.path}?{english_parts.query}")).read()).decode(
        "utf-8-sig"
    )
    assert english_text.startswith("question;Kuka tulee?") and "option;votes;voters" in english_text
    # The language is part of what the link signs: changed, the link is refused.
    swapped = english_parts.path.replace("/en/", "/fi/")
    assert (await bot.client.get(f"{swapped}?{english_parts.query}")).status == 403
    bot.clock.advance(25 * 3600)
    assert (await bot.client.get(f"{parts.path}?{parts.query}")).status == 403


async def test_anonymous_csv_has_only_counts(bot):
    card = await create(bot)
    for n in range(3):
        reply = await tap(bot, card, n % 2, who=user(n))
    link = next(a["url"] for a in reply.body["value"]["actions"] if a["title"] == "Lataa CSV")
    parts = urlsplit(link)
    text = await (await bot.client.get(f"{parts.path}?{parts.query}")).text()
    assert "Keskiviikko;2" in text and "Vastaaja" not in text and "vastanneita;3" in text


async def test_tampered_and_foreign_votes_are_refused_and_change_nothing(bot):
    card = await create(bot)
    data = vote_actions(card)[0]["data"]
    for tampered, reason in (
        ({**data, "option": 99}, "vaihtoehtoa ei ole"),
        ({**data, "option": "1"}, "vaihtoehtoa ei ole"),
        ({**data, "poll": "ZZZZZZZZ"}, "En löytänyt"),
        ({**data, "poll": 1}, "En löytänyt"),
        ({**data, "poll": "A" * 5000}, "En löytänyt"),
    ):
        reply = await bot.invoke(bot.teams.card_action(VOTE_VERB, tampered, conversation="channel"))
        assert reason in reply.body["value"]
    foreign = await bot.invoke(bot.teams.card_action(VOTE_VERB, data, conversation="personal"))
    assert "toiseen keskusteluun" in foreign.body["value"]
    assert bot.db()["poll_votes"].count == 0


async def test_the_shared_card_asks_teams_for_each_voters_own_view(bot):
    card = await create(bot)
    await tap(bot, card, 1)
    await tap(bot, card, 2, who=COLLEAGUE)
    await bot.deliver(timedelta(seconds=1))
    shared = cards_in(bot.connector.updates()[-1].body)[0]
    refresh = shared["refresh"]
    assert set(refresh["userIds"]) == {ADVISER.id, COLLEAGUE.id}
    assert "Valintasi" not in card_text(shared)  # the shared copy is nobody's in particular
    action = refresh["action"]
    reply = await bot.invoke(bot.teams.card_action(action["verb"], action["data"], conversation="channel"))
    mine = card_text(reply.body["value"])
    assert "● Torstai" in mine and "○ Perjantai" in mine


async def test_the_csv_neutralises_what_excel_would_run_as_a_formula(bot):
    values = {"question": "=1+1 tuleeko?", "options": '=HYPERLINK("https://x.example")\n@SUM(A1)', "anonymous": "false"}
    card = (await from_form(bot, values)).body["value"]
    formula = User("29:1-formula", "-2+3 Laskija", "00000000-0000-4000-8000-00000000f00d")
    await tap(bot, card, 0, who=formula)
    reply = await tap(bot, card, 1)
    link = next(a["url"] for a in reply.body["value"]["actions"] if a["title"] == "Lataa CSV")
    parts = urlsplit(link)
    text = (await (await bot.client.get(f"{parts.path}?{parts.query}")).read()).decode("utf-8-sig")
    assert "kysymys;'=1+1 tuleeko?" in text
    assert '"\'=HYPERLINK(""https://x.example"")";1;\'-2+3 Laskija' in text
    assert "'@SUM(A1);1;Maija Testinen" in text
