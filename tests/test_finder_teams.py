"""The service finder in Teams: free text in, a card of services out, and the card's buttons."""

import shutil

import pytest

from adaptive_cards.finder import FEEDBACK_VERB, MORE_VERB, REFER_VERB
from knowledge.vocab import NEEDS
from tests.activities import ADVISER, COORDINATOR
from tests.cards import cards_in
from tests.harness import actions_in, texts_of
from tests.knowledge_fixtures import SMALL_KB


async def ask(bot, question, **kwargs):
    replies = await bot.send(bot.teams.personal(question, **kwargs))
    cards = [card for reply in replies for card in cards_in(reply)]
    return replies, cards


async def test_a_question_gets_a_card_with_the_fitting_services(bot):
    replies, cards = await ask(bot, "Aloittava yrittäjä Juvalla tarvitsee pankkilainaan takauksen")
    assert len(cards) == 1
    shown = texts_of(replies)
    assert "Sopivat palvelut" in shown
    assert "1. Alkutakaus" in shown and "Finnvera" in shown
    assert "Tarve: takaus" in shown and "koko Suomi" in shown
    assert "https://www.finnvera.fi/" in shown and "029 460 11" in shown
    assert "Tulkitsin: Juva" in shown
    assert actions_in(cards[0], REFER_VERB) and len(actions_in(cards[0], FEEDBACK_VERB)) == 2
    row = next(bot.db()["searches"].rows)
    assert row["question"].startswith("Aloittava yrittäjä") and "finnvera-alkutakaus" in row["results_json"]


async def test_channel_question_after_mention_and_english_user(bot):
    replies = await bot.send(bot.teams.channel("palkkatukea Juvalle"))
    assert "1. Palkkatuki" in texts_of(replies)
    replies, _ = await ask(bot, "We need a bank guarantee for a business loan", locale="en-US")
    shown = texts_of(replies)
    assert "Services that fit" in shown and "Start-up guarantee" in shown and "Needs: guarantees" in shown


async def test_nothing_relevant_offers_the_need_categories(bot):
    replies, cards = await ask(bot, "mitä kuuluu?")
    shown = texts_of(replies)
    assert "En löytänyt sopivaa palvelua" in shown
    choice = next(item for item in cards[0]["body"] if item.get("id") == "need")
    assert [item["value"] for item in choice["choices"]] == [need.id for need in NEEDS]
    submit = actions_in(cards[0])[0]
    replies = await bot.send(bot.teams.submit({**submit["data"], "need": "wage_subsidy"}))
    assert "1. Palkkatuki" in texts_of(replies)


async def test_a_company_from_elsewhere_is_told_why_no_local_service_is_shown(bot):
    replies, _ = await ask(bot, "lappeenrantalainen firma tarvitsee pankkilainaan takauksen")
    shown = texts_of(replies)
    assert "1. Alkutakaus" in shown and "Etelä-Savon ulkopuolella" in shown and "Tulkitsin: muu kunta" in shown
    replies, _ = await ask(bot, "lappeenrantalainen firma haluaa palkkatukea")
    shown = texts_of(replies)
    assert "En löytänyt sopivaa palvelua" in shown and "Etelä-Savon ulkopuolella" in shown
    assert "Palkkatuki" not in shown  # the region's employment areas are not the company's
    replies, _ = await ask(bot, "a company based in Kuopio needs a guarantee for a bank loan", locale="en-US")
    assert "The company is outside Etelä-Savo" in texts_of(replies)
    replies, _ = await ask(bot, "vienti Kuopioon, takaus pankkilainaan", locale="en-US")
    assert "outside Etelä-Savo" not in texts_of(replies)  # a town named as a market says nothing of that
    # the Itä-Suomi elinvoimakeskus serves Pohjois-Savo too: its services are shown, and the note says so
    replies, _ = await ask(bot, "kuopiolainen konepaja hakee kehittämisavustusta")
    shown = texts_of(replies)
    assert "Etelä-Savon ulkopuolella (Pohjois-Savo)" in shown and "palvelee myös Pohjois-Savoa" in shown
    replies, _ = await ask(bot, "a company based in Joensuu needs a development grant", locale="en-US")
    assert "outside Etelä-Savo (North Karelia)" in texts_of(replies)


async def test_a_broad_question_offers_narrowing_and_the_form_narrows_it(bot):
    replies, cards = await ask(bot, "rekrytointi")
    shown = texts_of(replies)
    assert "Kysymys oli laaja" in shown
    assert "Mikkelin seudun työllisyysalue" in shown and "Savonlinnan seudun työllisyysalue" in shown
    narrow = next(action for action in actions_in(cards[0]) if action["type"] == "Action.Submit")
    replies = await bot.send(bot.teams.submit({**narrow["data"], "municipality": "740", "stage": "", "size": ""}))
    shown = texts_of(replies)
    assert "Tulkitsin: Savonlinna" in shown
    assert "Savonlinnan seudun työllisyysalue" in shown and "Mikkelin seudun työllisyysalue" not in shown


async def test_a_typed_narrowing_after_a_restart_still_narrows(start_bot):
    bot = await start_bot()
    await ask(bot, "rekrytointi")
    restarted = await start_bot()
    replies, _ = await ask(restarted, "Juva, aloittava, 2 henkeä")
    shown = texts_of(replies)
    assert "Tulkitsin: Juva" in shown and "Mikkelin seudun työllisyysalue" in shown
    assert "Savonlinnan seudun työllisyysalue" not in shown


async def test_a_new_question_while_narrowing_is_a_new_question(bot):
    await ask(bot, "rekrytointi")
    replies, _ = await ask(bot, "Aloittava yrittäjä tarvitsee takauksen")
    assert "1. Alkutakaus" in texts_of(replies)
    replies, _ = await ask(bot, "apua")
    assert "Kasvuopas – komennot" in texts_of(replies)


async def test_log_a_referral_button_opens_the_referral_form_prefilled(bot):
    _, cards = await ask(bot, "alkutakaus")
    refer = actions_in(cards[0], REFER_VERB)[0]
    before = len(bot.connector.sent_activities())
    reply = await bot.invoke(bot.teams.card_action(REFER_VERB, refer["data"]))
    assert reply.body["type"] == "application/vnd.microsoft.activity.message"  # the results card stays
    (form,) = [a["attachments"][0]["content"] for a in bot.connector.sent_activities()[before:]]
    inputs = {element["id"]: element.get("value") for element in form["body"] if "id" in element}
    assert inputs["service"] == "finnvera-alkutakaus" and inputs["need"] == "alkutakaus"
    assert bot.db()["referrals"].count == 0  # nothing is logged before the adviser submits the form


async def test_tampered_or_stale_buttons_change_nothing(bot):
    _, cards = await ask(bot, "alkutakaus")
    data = actions_in(cards[0], REFER_VERB)[0]["data"]
    wrong_service = {**data, "service_id": "tyo-mikkeli-palkkatuki"}
    for tampered in (wrong_service, {**data, "search": "ZZZZ2222"}, {**data, "search": 7}, {}):
        reply = await bot.invoke(bot.teams.card_action(REFER_VERB, tampered))
        assert reply.status == 200 and "vanhentunut" in reply.body["value"]
    assert bot.db()["referrals"].count == 0


async def test_feedback_is_stored_and_the_card_says_thanks(bot):
    _, cards = await ask(bot, "alkutakaus")
    thumbs_up, thumbs_down = actions_in(cards[0], FEEDBACK_VERB)
    reply = await bot.invoke(bot.teams.card_action(FEEDBACK_VERB, thumbs_up["data"]))
    card = reply.body["value"]
    assert "Kiitos palautteesta!" in texts_of([{"attachments": [{"content": card}]}])
    assert actions_in(card, FEEDBACK_VERB) == []
    await bot.invoke(bot.teams.card_action(FEEDBACK_VERB, thumbs_down["data"]))  # changes their mind
    rows = list(bot.db()["search_feedback"].rows)
    assert len(rows) == 1 and rows[0]["helpful"] == 0


async def test_show_more_lists_more_services(bot):
    _, cards = await ask(bot, "rekrytointi palkkatuki takaus maatila sukupolvenvaihdos")
    shown_first = texts_of([{"attachments": [{"content": cards[0]}]}])
    assert "4." not in shown_first
    more = actions_in(cards[0], MORE_VERB)
    assert more
    reply = await bot.invoke(bot.teams.card_action(MORE_VERB, more[0]["data"]))
    assert "4." in texts_of([{"attachments": [{"content": reply.body["value"]}]}])


async def test_the_company_profile_form_finds_services(bot):
    replies, cards = await ask(bot, "yritysprofiili")
    assert "Yritysprofiili" in texts_of(replies)
    submit = actions_in(cards[0])[0]
    replies = await bot.send(bot.teams.submit({**submit["data"], "municipality": "", "needs": ""}))
    assert "vähintään yksi tarve" in texts_of(replies)
    value = {**submit["data"], "municipality": "178", "stage": "", "size": "", "sector": "", "needs": "recruitment"}
    replies = await bot.send(bot.teams.submit(value))
    shown = texts_of(replies)
    assert "Mikkelin seudun työllisyysalue" in shown and "Savonlinnan seudun työllisyysalue" not in shown


async def test_coordinator_reloads_the_knowledge_base_and_a_broken_one_is_refused(start_bot, tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(SMALL_KB, kb)
    bot = await start_bot(kb_path=kb)
    replies = await bot.send(bot.teams.personal("kb lataa", user=ADVISER))
    assert "vain verkoston koordinaattoreille" in texts_of(replies)
    replies = await bot.send(bot.teams.personal("kb lataa", user=COORDINATOR))
    assert "Tietopankki ladattu uudelleen: 4 palveluntarjoajaa, 5 palvelua." in texts_of(replies)

    (kb / "finnvera.toml").write_text(
        (kb / "finnvera.toml").read_text().replace('needs = ["guarantee"', 'needs = ["takuu"'), encoding="utf-8"
    )
    replies = await bot.send(bot.teams.personal("kb lataa", user=COORDINATOR))
    shown = texts_of(replies)
    assert "jatkan vanhalla versiolla" in shown and "finnvera.toml" in shown and "needs" in shown
    replies, _ = await ask(bot, "alkutakaus")
    assert "1. Alkutakaus" in texts_of(replies)  # still served from the previous version


def _ranked(replies) -> list[str]:
    """The numbered result lines of a results card, in order."""
    return [line for line in texts_of(replies).splitlines() if line[:1].isdigit() and ". " in line[:4]]


async def test_a_rule_the_question_left_open_is_shown_on_the_card(bot):
    replies, _ = await ask(bot, "takaus pankkilainalle")
    shown = texts_of(replies)
    assert "1. Alkutakaus" in shown
    assert "Tarkista: Vain enintään 3 vuotta toimineille yrityksille" in shown
    replies, _ = await ask(bot, "We need a bank guarantee for a business loan", locale="en-US")
    assert "Check: Only for companies at most 3 years old" in texts_of(replies)
    replies, _ = await ask(bot, "Vasta aloittanut yrittäjä tarvitsee takauksen pankkilainalle")
    shown = texts_of(replies)
    assert "1. Alkutakaus" in shown and "Tarkista:" not in shown and "vasta aloittanut" in shown


async def test_a_company_that_does_not_qualify_never_sees_the_service(bot):
    replies, _ = await ask(bot, "30 vuotta toiminut yritys tarvitsee takauksen pankkilainalle")
    shown = texts_of(replies)
    assert "Alkutakaus" not in shown
    assert "toiminut 30 v." in shown or "En löytänyt sopivaa palvelua" in shown


async def test_a_company_age_with_a_decimal_is_shown_as_people_write_it(bot):
    replies, _ = await ask(bot, "tmi toiminut 1,5 vuotta, tarvitsee takauksen pankkilainalle")
    assert "toiminut 1,5 v." in texts_of(replies)
    replies, _ = await ask(bot, "sole trader in business for 1.5 years needs a bank guarantee", locale="en-US")
    assert "1.5 years in business" in texts_of(replies)


async def test_typed_narrowing_ranks_as_the_facts_typed_in_one_question(bot):
    await ask(bot, "rekrytointi")
    narrowed, _ = await ask(bot, "Juva, aloittava, 2 henkeä")
    at_once, _ = await ask(bot, "rekrytointi, Juva, aloittava, 2 henkeä")
    assert _ranked(narrowed) and _ranked(narrowed) == _ranked(at_once)
    assert "”rekrytointi, Juva, aloittava, 2 henkeä”" in texts_of(narrowed)


async def test_a_place_alone_asks_who_serves_there(bot):
    alone, _ = await ask(bot, "entä juvalla?")  # nothing to narrow: the services there
    assert _ranked(alone) and "Tulkitsin: Juva" in texts_of(alone)
    assert "Savonlinna" not in texts_of(alone)


async def test_a_place_alone_narrows_a_broad_question(bot):
    await ask(bot, "rekrytointi")
    narrowed, _ = await ask(bot, "entä juvalla?")
    assert "”rekrytointi, entä juvalla?”" in texts_of(narrowed)  # the question narrowed, not a new one


async def test_form_narrowing_and_show_more_keep_the_same_order(bot):
    _, cards = await ask(bot, "rekrytointi")
    narrow = next(action for action in actions_in(cards[0]) if action["type"] == "Action.Submit")
    choices = {"municipality": "178", "stage": "startup", "size": "micro"}
    narrowed = await bot.send(bot.teams.submit({**narrow["data"], **choices}))
    first_page = _ranked(narrowed)
    assert first_page and "Tulkitsin: Juva · aloittava · mikroyritys (2–9)" in texts_of(narrowed)
    (card,) = [card for reply in narrowed for card in cards_in(reply)]
    more = actions_in(card, MORE_VERB)
    if more:  # the same search again with more results: the first ones stay where they were
        reply = await bot.invoke(bot.teams.card_action(MORE_VERB, more[0]["data"]))
        again = _ranked([{"attachments": [{"content": reply.body["value"]}]}])
        assert again[: len(first_page)] == first_page


@pytest.mark.parametrize(
    ("command", "answer"),
    [
        ("kieli en", "I will answer in English"),
        ("kysely Sopiiko aamupäivä? ; kyllä ; ei", "Sopiiko aamupäivä?"),
    ],
)
async def test_a_command_typed_while_narrowing_is_that_command(bot, command, answer):
    replies, _ = await ask(bot, "rekrytointi")  # broad: the bot waits for narrowing
    assert "Kysymys oli laaja" in texts_of(replies)
    replies, _ = await ask(bot, command)
    assert answer in texts_of(replies)
    assert "Sopivat palvelut" not in texts_of(replies)


async def test_the_card_says_when_a_machine_replaces_an_old_one_or_is_bought_already(bot):
    replies, _ = await ask(bot, "Juvan konepaja: vanhan koneen tilalle uusi, kone on jo ostettu, saako lainaa?")
    assert "korvausinvestointi · jo aloitettu tai hankittu" in texts_of(replies)
    english, _ = await ask(bot, "Juva machine shop: replace the old lathe, already ordered, any loan?", locale="en-US")
    assert "a replacement investment · already started or bought" in texts_of(english)
