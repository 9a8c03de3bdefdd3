"""Quick polls in Teams: one tap to vote, live counts, closing, deadlines, CSV, and every refusal."""

import asyncio
import re
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from adaptive_cards.polls import CLOSE_VERB, CREATE_VERB, MINE_VERB, VOTE_VERB
from bot.i18n import catalogue
from tests.activities import ADVISER, COLLEAGUE, COORDINATOR, User
from tests.card_actions import press
from tests.cards import cards_in
from tests.harness import BotHarness, Reply, actions_in, card_text, texts_of


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


# ---- issue 12: your own choice, polls closed below the minimum, one language per card ----------------

PLAIN_ANSWER = "application/vnd.microsoft.activity.message"
ENGLISH = User("29:1Ee-english-00000000000000000005", "Emma English", "e0e0e0e0-0000-4000-8000-000000000005")


def words_on(card: dict[str, Any]) -> str:
    """Every text a reader meets on the card: text blocks, facts, button titles and their tooltips."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            keys = ("title", "value") if "title" in node and node.get("type") is None else ("text", "title", "tooltip")
            found.extend(node[key] for key in keys if isinstance(node.get(key), str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return "\n".join(found)


def _fixed_parts(language: str) -> set[str]:
    """The fixed wording of the poll texts of one catalogue (the parts around `{placeholders}`)."""
    parts = set()
    for key, text in catalogue(language).items():
        if key.startswith("poll."):
            for part in re.split(r"\{[^}]*\}|\*\*", text):
                if len(part.strip(" .,:;()·–-")) >= 4:
                    parts.add(part.strip())
    return parts


def assert_in_language(card: dict[str, Any], language: str) -> None:
    """Every poll text on the card comes from the `language` catalogue: none from the other one."""
    other = "en" if language == "fi" else "fi"
    foreign = _fixed_parts(other) - _fixed_parts(language)
    shown = words_on(card)
    assert [part for part in foreign if part in shown] == [], shown


def code_on(card: dict[str, Any]) -> str:
    """The poll's code as the card shows it ("tunnus ABCD2345" / "code ABCD2345")."""
    found = re.search(r"(?:tunnus|code) ([0-9A-Z]+)", card_text(card))
    assert found, card_text(card)
    return found.group(1)


def mine(
    bot: BotHarness, card: dict[str, Any], who: User = ADVISER, conversation: str = "channel", locale: str = "fi-FI"
) -> Awaitable[Reply]:
    action = actions_in(card, verb=MINE_VERB)[0]
    return bot.invoke(
        bot.teams.card_action(action["verb"], action["data"], conversation=conversation, user=who, locale=locale)
    )


async def shared_card(bot: BotHarness) -> dict[str, Any]:
    """The shared card as everyone now sees it, after the outbox has sent what was due."""
    await bot.deliver(timedelta(seconds=2))
    return cards_in(bot.connector.updates()[-1].body)[0]


async def test_show_my_choice_answers_each_person_with_their_own_choice(bot):
    card = await create(bot)
    assert [a["title"] for a in actions_in(card, verb=MINE_VERB)] == ["Näytä oma valintani"]
    await tap(bot, card, 1)
    shared = await shared_card(bot)
    assert "● Torstai" not in card_text(shared) and "refresh" in shared  # Teams' own refresh stays too
    reply = await mine(bot, shared)
    own = reply.body["value"]
    assert (
        "● Torstai" in card_text(own) and "○ Keskiviikko" in card_text(own) and "Valintasi: Torstai" in card_text(own)
    )
    assert_in_language(own, "fi")
    english = (await mine(bot, shared, locale="en-US")).body["value"]  # an English presser's own view: all English
    assert "● Torstai" in card_text(english) and "Your choice: Torstai" in card_text(english)
    assert_in_language(english, "en")
    nobody = await mine(bot, shared, who=COLLEAGUE)
    assert nobody.body["type"] == PLAIN_ANSWER
    assert nobody.body["value"] == "Et ole vielä vastannut tähän kyselyyn. Vastaa valitsemalla vaihtoehto kortista."
    nobody = await mine(bot, shared, who=COLLEAGUE, locale="en-US")
    assert nobody.body["value"] == "You have not answered this poll yet. Answer by choosing an option on the card."
    await bot.invoke(bot.teams.card_action(CLOSE_VERB, {"poll": code_on(card)}, conversation="channel"))
    closed = await shared_card(bot)
    assert "● Torstai" in card_text((await mine(bot, closed)).body["value"])  # still yours after closing
    late = await mine(bot, closed, who=COLLEAGUE)
    assert late.body["value"] == "Et vastannut tähän kyselyyn ennen sen sulkemista."
    assert bot.db()["poll_votes"].count == 1  # looking changed nothing


async def test_an_anonymous_poll_closed_below_the_minimum_says_why_it_shows_no_results(bot):
    card = await create(bot, "kysely Kahvi vai tee? ; Kahvi ; Tee")
    await tap(bot, card, 0)
    await tap(bot, card, 1, who=COLLEAGUE)
    reply = await bot.invoke(bot.teams.card_action(CLOSE_VERB, {"poll": code_on(card)}, conversation="channel"))
    for closed, language in ((reply.body["value"], "fi"), (await shared_card(bot), "fi")):
        shown = card_text(closed)
        assert "KYSELY – SULJETTU" in shown and "Vastanneita: 2" in shown
        assert "Tuloksia ei näytetä, koska vastaajia oli alle 3: näin ketään ei voi tunnistaa" in shown
        assert "näkyvät" not in shown and "█" not in shown and "%" not in shown  # no promise, no counts
        assert actions_in(closed, kind="Action.OpenUrl") == []
        assert_in_language(closed, language)
    own = (await mine(bot, closed, locale="en-US")).body["value"]
    assert "fewer than 3 people answered: this way no one can be identified" in card_text(own)
    assert "once" not in card_text(own) and "█" not in card_text(own)
    assert_in_language(own, "en")
    # `kysely tulokset` with the code as the card shows it: the same plain reason, no file of blanks.
    replies = await bot.send(bot.teams.channel(f"kysely tulokset {code_on(closed)}"))
    said = texts_of(replies)
    assert "Kahvi vai tee?" in said and "alle 3" in said and "http" not in said
    english = texts_of(await bot.send(bot.teams.channel(f"poll results {code_on(closed)}", locale="en-US")))
    assert "fewer than 3 people answered" in english and "http" not in english


async def test_a_closed_poll_shows_bars_counts_and_percentages_and_its_code_gives_the_csv(bot):
    card = await create(bot)
    for who, option in ((ADVISER, 0), (COLLEAGUE, 0), (COORDINATOR, 1)):
        await tap(bot, card, option, who=who)
    reply = await bot.invoke(
        bot.teams.card_action(CLOSE_VERB, {"poll": code_on(card)}, conversation="channel", locale="en-US")
    )
    english = card_text(reply.body["value"])
    assert "POLL – CLOSED" in english and "Voters: 3" in english
    assert_in_language(reply.body["value"], "en")
    shared = await shared_card(bot)
    for shown in (english, card_text(shared)):
        bars = [line for line in shown.splitlines() if "█" in line or "░" in line]
        assert len(bars) == 3  # one per option, the empty one too
        assert bars[0].endswith("2 (67 %)") and bars[1].endswith("1 (33 %)") and bars[2].endswith("0 (0 %)")
    assert "Tuloksia ei" not in card_text(shared) and "vähintään" not in card_text(shared)
    replies = await bot.send(bot.teams.channel(f"kysely tulokset {code_on(shared)}"))
    link = texts_of(replies).split("): ")[1].strip()
    parts = urlsplit(link)
    text = (await (await bot.client.get(f"{parts.path}?{parts.query}")).read()).decode("utf-8-sig")
    assert "Keskiviikko;2" in text and "Torstai;1" in text and "Perjantai;0" in text
    # Copied with the word before it, or with a full stop after it, the code still works.
    for typed in (f"tunnus {code_on(shared)}", f"{code_on(shared)}."):
        assert "24 tuntia" in texts_of(await bot.send(bot.teams.channel(f"kysely tulokset {typed}")))


async def test_results_hidden_until_closing_are_not_offered_as_a_file(bot):
    values = {"question": "Kuka tulee?", "options": "Tulen\nEn tule", "anonymous": "false", "live_results": "false"}
    card = (await from_form(bot, values)).body["value"]
    await tap(bot, card, 0)
    said = texts_of(await bot.send(bot.teams.channel(f"kysely tulokset {code_on(card)}")))
    assert "Tulokset näkyvät, kun kysely suljetaan." in said and "http" not in said


async def test_a_channel_or_group_chat_card_is_in_finnish_whoever_posts_or_presses(bot):
    sent = await bot.send_through_connector(
        bot.teams.channel("poll What time suits? ; Morning ; Evening", user=ENGLISH, locale="en-US")
    )
    card = cards_in(sent[0])[0]
    shown = card_text(card)
    assert "KYSELY" in shown and "Nimettömän kyselyn tulokset näkyvät, kun vähintään 3 on vastannut." in shown
    assert_in_language(card, "fi")
    voted = (await tap(bot, card, 0, who=ENGLISH, conversation="channel")).body["value"]
    assert_in_language(voted, "fi")  # the same person with Finnish Teams: their own view is Finnish
    english_vote = await bot.invoke(
        bot.teams.card_action(
            VOTE_VERB, vote_actions(card)[1]["data"], conversation="channel", user=ENGLISH, locale="en-US"
        )
    )
    own = english_vote.body["value"]  # the presser's own view: wholly in the presser's language
    assert "Your choice: Evening" in card_text(own) and "An anonymous poll shows" in card_text(own)
    assert_in_language(own, "en")
    assert_in_language(await shared_card(bot), "fi")  # what everyone sees stays Finnish
    group = await bot.send_through_connector(bot.teams.group_chat("poll Which? ; One ; Two", locale="en-US"))
    assert_in_language(cards_in(group[0])[0], "fi")
    # A closing time is written the network's way too, on the form-made poll in a channel.
    values = {"question": "When?", "options": "Mon\nTue", "deadline": "16.12.2026 12:00"}
    replies = await bot.send(bot.teams.channel("poll", user=ENGLISH, locale="en-US"))
    form = cards_in(replies[0])[0]
    action = actions_in(form, verb=CREATE_VERB)[0]
    made = await bot.invoke(
        bot.teams.card_action(
            CREATE_VERB,
            {**action["data"], **values},
            conversation="channel",
            user=ENGLISH,
            locale="en-US",
            reply_to="m-form-9",
        )
    )
    assert "Wed 16.12.2026 at 12.00" in card_text(made.body["value"])
    assert_in_language(made.body["value"], "en")
    posted = await shared_card(bot)
    assert "ke 16.12.2026 klo 12.00" in card_text(posted)
    assert_in_language(posted, "fi")


async def test_a_personal_chat_card_is_in_that_persons_language_throughout(bot):
    sent = await bot.send_through_connector(
        bot.teams.personal("poll What time suits? ; Morning ; Evening", user=ENGLISH, locale="en-US")
    )
    card = cards_in(sent[0])[0]
    assert "An anonymous poll shows its results once at least 3 people have answered." in card_text(card)
    assert "Show my choice" in words_on(card)
    assert_in_language(card, "en")
    await tap(bot, card, 0, who=ENGLISH, conversation="personal")
    assert_in_language(await shared_card(bot), "en")  # the update follows the person's language
    await bot.invoke(bot.teams.card_action(CLOSE_VERB, {"poll": code_on(card)}, user=ENGLISH, locale="en-US"))
    closed = card_text(await shared_card(bot))
    assert "POLL – CLOSED" in closed and "fewer than 3 people answered" in closed
    # Someone whose Teams is Finnish but who chose English with `language en`: English too.
    await bot.send(bot.teams.personal("language en"))
    sent = await bot.send_through_connector(bot.teams.personal("kysely Kumpi? ; Tee ; Kahvi"))
    chosen = cards_in(sent[0])[0]
    assert "POLL" in card_text(chosen) and "Voters: 0" in card_text(chosen)
    assert_in_language(chosen, "en")
    await tap(bot, chosen, 1, conversation="personal")
    assert_in_language(await shared_card(bot), "en")


async def plain_answers(bot: BotHarness, locale: str) -> list[str]:
    """What Teams shows as plain text under a poll card: each refusal and "not answered", open and closed."""
    data = vote_actions(await create(bot))[0]["data"]
    presses = [
        (VOTE_VERB, {**data, "option": 99}, "channel", ADVISER),
        (VOTE_VERB, {**data, "poll": "ZZZZZZZZ"}, "channel", ADVISER),
        (VOTE_VERB, data, "personal", ADVISER),
        (MINE_VERB, data, "channel", COLLEAGUE),
        (CLOSE_VERB, data, "channel", COLLEAGUE),
        (CLOSE_VERB, data, "channel", ADVISER),  # answered with the closed card; what follows is refused
        (VOTE_VERB, data, "channel", ADVISER),
        (MINE_VERB, data, "channel", COLLEAGUE),
    ]
    answers: list[str] = []
    for verb, payload, conversation, who in presses:
        reply = await bot.invoke(
            bot.teams.card_action(verb, payload, conversation=conversation, user=who, locale=locale)
        )
        if reply.body["type"] == PLAIN_ANSWER:
            answers.append(reply.body["value"])
    return answers


async def test_answers_shown_as_plain_text_carry_no_markdown(bot):
    for locale in ("fi-FI", "en-US"):
        answers = await plain_answers(bot, locale)
        assert len(answers) == 7, answers
        for answer in answers:
            assert "**" not in answer and not re.search(r"\[[^\]]*\]\(", answer) and "`" not in answer, answer
