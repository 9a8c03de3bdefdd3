"""Referrals through the real app: the form and its checks, the provider's card and answers, the
adviser's follow-up, visibility, retention and deletion, all from Teams-shaped payloads."""

from __future__ import annotations

import json
import logging
import shutil
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from adaptive_cards.referrals import ANSWER_VERB, CHOOSE_VERB, OUTCOME_VERB, PAGE_VERB, SUBMIT_VERB
from tests.activities import ADVISER, CHANNEL_ID, COLLEAGUE, COORDINATOR
from tests.conftest import KB_PATH
from tests.harness import BotHarness, actions_in, card_text, inputs_in, texts_of

HETU = "131052-308T"  # the example code of the population register's own documentation, not a person
VALID_ID = "1572860-0"  # an invented business id with a correct check digit
PERSONAL_CHAT = f"a:1personal-{ADVISER.aad_object_id}"


def form_values(card: dict[str, Any], **changes: str) -> dict[str, Any]:
    """What Teams sends for the form: every input's value, the submit button's data, the changes."""
    values = {element["id"]: element.get("value", "") for element in inputs_in(card)}
    (submit,) = actions_in(card, SUBMIT_VERB)
    return {**values, **submit.get("data", {}), **changes}


def local(url: str) -> str:
    """The path and query of one of the bot's own links, to fetch it from the app in the test."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def card_of(activity: dict[str, Any]) -> dict[str, Any]:
    return activity["attachments"][0]["content"]


async def open_form(bot: BotHarness, user=ADVISER) -> dict[str, Any]:
    (reply,) = await bot.send(bot.teams.personal("ohjaus", user=user))
    return card_of(reply)


async def link_finnvera_channel(bot: BotHarness) -> None:
    replies = await bot.send(bot.teams.channel("ohjauskanava Finnvera", user=COORDINATOR))
    assert "Finnvera" in texts_of(replies) and "tähän keskusteluun" in texts_of(replies)


async def log_referral(bot: BotHarness, user=ADVISER, form: dict[str, Any] | None = None, **changes: str) -> Any:
    form = form or await open_form(bot, user)
    values = {
        "company": "Pikkupulla Oy",
        "business_id": VALID_ID,
        "municipality": "491",
        "service": "finnvera-alkutakaus",
        "need": "Takaus kahvilan laitehankintaan",
        "consent": "true",
        **changes,
    }
    return await bot.invoke(bot.teams.card_action(SUBMIT_VERB, form_values(form, **values), user=user))


def referral_rows(bot: BotHarness) -> list[dict[str, Any]]:
    return list(bot.db()["referrals"].rows)


async def test_the_form_logs_one_referral_and_a_second_press_logs_nothing_more(bot):
    form = await open_form(bot)
    reply = await log_referral(bot, form=form)
    shown = card_text(reply.body["value"])
    assert "Ohjaus kirjattu" in shown and "Pikkupulla Oy" in shown and "Alkutakaus" in shown
    assert "ei ole Teams-kanavaa" in shown and "finnvera.fi" in shown.lower()  # no channel: contacts instead
    (row,) = referral_rows(bot)
    assert row["business_id"] == VALID_ID and row["municipality"] == "491" and row["status"] == "sent"
    again = await log_referral(bot, form=form, need="x")
    assert "Ohjaus kirjattu" in card_text(again.body["value"]) and len(referral_rows(bot)) == 1
    # The form's payload replayed by someone else, or by the adviser elsewhere, shows nothing.
    for user, conversation in ((COLLEAGUE, "personal"), (ADVISER, "channel")):
        replayed = await bot.invoke(
            bot.teams.card_action(SUBMIT_VERB, form_values(form), user=user, conversation=conversation)
        )
        assert "Pikkupulla" not in str(replayed.body) and "tehtiin toiselle henkilölle" in replayed.body["value"]


async def test_bad_input_comes_back_with_the_field_and_the_reason_and_the_values_kept(bot):
    reply = await log_referral(bot, business_id="1572860-1", need="")
    form = reply.body["value"]
    shown = card_text(form)
    assert "Y-tunnus ei kelpaa" in shown and "Kirjoita tarve" in shown
    values = {element["id"]: element.get("value") for element in inputs_in(form)}
    assert values["company"] == "Pikkupulla Oy" and values["business_id"] == "1572860-1"
    assert referral_rows(bot) == []


async def test_a_personal_identity_code_is_refused_and_never_stored_or_logged(bot, caplog):
    with caplog.at_level(logging.DEBUG):
        reply = await log_referral(bot, need=f"Asiakas {HETU} tarvitsee takauksen")
    form = reply.body["value"]
    assert "henkilötunnukselta" in card_text(form)
    values = {element["id"]: element.get("value") for element in inputs_in(form)}
    assert values["need"] == ""  # not even shown back
    assert referral_rows(bot) == []
    assert HETU not in caplog.text
    with bot.db().conn as conn:
        assert not any(HETU in str(row) for row in conn.execute("SELECT * FROM bot_state").fetchall())


async def test_a_linked_provider_gets_a_card_with_the_adviser_mentioned_and_answers_update_it(bot):
    await link_finnvera_channel(bot)
    await bot.send(bot.teams.personal("apua"))  # the adviser has a 1:1 chat with the bot
    missing_consent = await log_referral(bot, consent="false")
    assert "suostumus" in card_text(missing_consent.body["value"])
    reply = await log_referral(bot)
    assert "kanavalle" in card_text(reply.body["value"])
    await bot.deliver()
    (posted,) = [a for a in bot.connector.sent_activities() if a.get("attachments")][-1:]
    card = card_of(posted)
    assert "Uusi ohjaus: Pikkupulla Oy" in card_text(card)
    assert card["msteams"]["entities"][0]["mentioned"]["id"] == ADVISER.id
    code = referral_rows(bot)[0]["code"]

    answer = await bot.invoke(
        bot.teams.card_action(
            ANSWER_VERB, {"code": code, "answer": "contacting"}, conversation="channel", user=COLLEAGUE
        )
    )
    assert "Otetaan yhteyttä: Liisa Esimerkki" in card_text(answer.body["value"])
    assert referral_rows(bot)[0]["status"] == "contacting"
    before = len(bot.connector.sent_activities())
    await bot.deliver(timedelta(seconds=2))
    sent = bot.connector.sent_activities()[before:]
    assert any(PERSONAL_CHAT in str(a.get("conversation")) and "Otetaan yhteyttä" in a.get("text", "") for a in sent)
    assert any(
        "Otetaan yhteyttä" in card_text(call.body["attachments"][0]["content"]) for call in bot.connector.updates()
    )


async def test_a_provider_answer_replayed_from_another_conversation_changes_nothing(bot):
    await link_finnvera_channel(bot)
    await log_referral(bot)
    code = referral_rows(bot)[0]["code"]
    replayed = await bot.invoke(bot.teams.card_action(ANSWER_VERB, {"code": code, "answer": "not_ours"}))
    assert "vain palveluntarjoajan omassa kanavassa" in replayed.body["value"]
    guessed = await bot.invoke(
        bot.teams.card_action(ANSWER_VERB, {"code": "AAAAAAAA", "answer": "not_ours"}, conversation="channel")
    )
    assert "ei löytynyt" in guessed.body["value"]
    assert referral_rows(bot)[0]["status"] == "sent"
    assert bot.db()["referral_events"].count == 1


async def test_more_information_needs_a_short_note_which_reaches_the_adviser(bot):
    await link_finnvera_channel(bot)
    await log_referral(bot)
    code = referral_rows(bot)[0]["code"]
    empty = await bot.invoke(
        bot.teams.card_action(ANSWER_VERB, {"code": code, "answer": "needs_info"}, conversation="channel")
    )
    assert "Kirjoita lyhyesti" in empty.body["value"]
    noted = await bot.invoke(
        bot.teams.card_action(
            ANSWER_VERB, {"code": code, "answer": "needs_info", "note": "Tilinpäätös 2025"}, conversation="channel"
        )
    )
    assert "Tilinpäätös 2025" in card_text(noted.body["value"])
    events = list(bot.db()["referral_events"].rows_where(order_by="id"))
    assert [(e["from_status"], e["to_status"]) for e in events] == [(None, "sent"), ("sent", "needs_info")]


async def test_an_unanswered_card_gets_one_reminder_after_three_working_days(bot):
    await link_finnvera_channel(bot)
    await log_referral(bot)  # Sunday 29.11.2026: working days are Mon, Tue, Wed -> Thursday 3.12.
    await bot.deliver()
    before = len(bot.connector.sent_activities())
    await bot.deliver(timedelta(days=3))
    assert not [a for a in bot.connector.sent_activities()[before:] if "Muistutus" in a.get("text", "")]
    await bot.deliver(timedelta(days=1, hours=1))
    await bot.deliver(timedelta(days=7))
    reminders = [a for a in bot.connector.sent_activities()[before:] if "Muistutus" in a.get("text", "")]
    assert len(reminders) == 1 and referral_rows(bot)[0]["code"] in reminders[0]["text"]


async def test_the_follow_up_asks_the_adviser_and_only_they_or_a_coordinator_may_answer(bot):
    await bot.send(bot.teams.personal("apua"))
    await log_referral(bot)
    before = len(bot.connector.sent_activities())
    await bot.deliver(timedelta(days=21))  # 14 working days with the weekends
    (follow_up,) = [a for a in bot.connector.sent_activities()[before:] if a.get("attachments")]
    assert "Saiko yritys apua?" in card_text(card_of(follow_up))
    data = actions_in(card_of(follow_up), OUTCOME_VERB)[0]["data"]
    refused = await bot.invoke(bot.teams.card_action(OUTCOME_VERB, data, user=COLLEAGUE))
    assert "ei ole sinun kirjaamasi" in refused.body["value"]
    served = await bot.invoke(bot.teams.card_action(OUTCOME_VERB, data))
    assert "palveltu" in card_text(served.body["value"])
    assert referral_rows(bot)[0]["status"] == "served"


async def test_quick_syntax_finds_the_service_asks_when_ambiguous_and_refuses_unknown_ones(bot):
    replies = await bot.send(
        bot.teams.personal(f"ohjaus Testi Oy ; {VALID_ID} ; Finnvera ; takaus investointiin Mikkelissä")
    )
    assert "Ohjaus kirjattu" in texts_of(replies)
    assert referral_rows(bot)[0]["service_id"] == "finnvera-alkutakaus"

    replies = await bot.send(
        bot.teams.personal("ohjaus Toinen Oy ; ; rekrytointipalvelut ; ensimmäinen työntekijä Juvalla")
    )
    (choice,) = replies
    buttons = actions_in(card_of(choice), CHOOSE_VERB)
    assert len(buttons) == 2
    stolen = await bot.invoke(bot.teams.card_action(CHOOSE_VERB, buttons[0]["data"], user=COLLEAGUE))
    assert "tehtiin toiselle henkilölle" in stolen.body["value"] and len(referral_rows(bot)) == 1
    chosen = await bot.invoke(bot.teams.card_action(CHOOSE_VERB, buttons[0]["data"]))
    assert "Ohjaus kirjattu" in card_text(chosen.body["value"]) and len(referral_rows(bot)) == 2

    replies = await bot.send(bot.teams.personal("ohjaus Kolmas Oy ; ; Olematon Palvelu Oy ; jotain"))
    assert "Olematon Palvelu Oy" in texts_of(replies) and "Valitse listasta" in texts_of(replies)
    assert len(referral_rows(bot)) == 2


async def test_advisers_see_their_own_referrals_and_coordinators_see_all(bot):
    await log_referral(bot, company="Maijan Asiakas Oy")
    await log_referral(bot, user=COLLEAGUE, company="Liisan Asiakas Oy")
    own = texts_of(await bot.send(bot.teams.personal("ohjaukset")))
    assert "Maijan Asiakas Oy" in own and "Liisan Asiakas Oy" not in own
    refused = texts_of(await bot.send(bot.teams.personal("ohjaukset kaikki")))
    assert "vain verkoston koordinaattoreille" in refused
    everything = texts_of(await bot.send(bot.teams.personal("ohjaukset kaikki", user=COORDINATOR)))
    assert "Maijan Asiakas Oy" in everything and "Liisan Asiakas Oy" in everything
    # A ticket of the adviser's own (from their form) does not make the whole list theirs.
    origin = actions_in(await open_form(bot), SUBMIT_VERB)[0]["data"]["origin"]
    sneaky = await bot.invoke(bot.teams.card_action(PAGE_VERB, {"page": 0, "scope": "all", "origin": origin}))
    assert "vain verkoston koordinaattoreille" in sneaky.body["value"]


async def test_the_list_pages_newest_first(bot):
    for number in range(7):
        await log_referral(bot, company=f"Asiakas {number} Oy")
        bot.clock.advance(60)
    (first,) = await bot.send(bot.teams.personal("ohjaukset"))
    shown = card_text(card_of(first))
    assert "Asiakas 6 Oy" in shown and "Asiakas 1 Oy" not in shown and "1–5 / 7" in shown
    (next_page,) = actions_in(card_of(first), PAGE_VERB)
    page = await bot.invoke(bot.teams.card_action(PAGE_VERB, next_page["data"]))
    assert "Asiakas 0 Oy" in card_text(page.body["value"]) and "6–7 / 7" in card_text(page.body["value"])


async def test_a_coordinator_deletes_on_request_and_the_provider_card_loses_the_details(bot):
    await link_finnvera_channel(bot)
    await log_referral(bot)
    await bot.deliver()
    code = referral_rows(bot)[0]["code"]
    refused = texts_of(await bot.send(bot.teams.personal(f"ohjaus poista {code}")))
    assert "vain verkoston koordinaattoreille" in refused
    done = texts_of(await bot.send(bot.teams.personal(f"ohjaus poista {code}", user=COORDINATOR)))
    assert code in done
    (row,) = referral_rows(bot)
    assert row["company_name"] is None and row["need"] is None and row["business_id"] is None
    assert row["deleted_at"] and row["municipality"] == "491"  # what the report counts stays
    await bot.deliver(timedelta(seconds=2))
    assert "poistettu" in card_text(bot.connector.updates()[-1].body["attachments"][0]["content"])


async def test_company_details_are_anonymised_after_the_retention_period(bot):
    await log_referral(bot)
    await bot.deliver(timedelta(days=365))
    assert referral_rows(bot)[0]["company_name"] == "Pikkupulla Oy"
    await bot.deliver(timedelta(days=400))
    (row,) = referral_rows(bot)
    assert row["company_name"] is None and row["anonymised_at"] and row["service_id"] == "finnvera-alkutakaus"


async def test_the_report_gives_a_card_a_chart_and_a_csv_through_signed_links(bot):
    await log_referral(bot)
    refused = texts_of(await bot.send(bot.teams.personal("raportti")))
    assert "vain verkoston koordinaattoreille" in refused
    (reply,) = await bot.send(bot.teams.personal("raportti", user=COORDINATOR))
    card = card_of(reply)
    image = next(element for element in card["body"] if element.get("type") == "Image")
    (download,) = actions_in(card, kind="Action.OpenUrl")
    chart = await bot.client.get(local(image["url"]))
    assert chart.status == 200 and chart.content_type == "image/png"
    assert (await chart.read()).startswith(b"\x89PNG")
    csv = await bot.client.get(local(download["url"]))
    body = await csv.read()
    assert csv.status == 200 and body.startswith(b"\xef\xbb\xbf") and b"Pikkupulla" not in body
    tampered = await bot.client.get(local(download["url"]).replace("sig=", "sig=x"))
    assert tampered.status == 403


async def test_the_providers_channel_lists_the_referrals_sent_to_it_and_only_those(bot):
    await link_finnvera_channel(bot)
    await log_referral(bot, company="Finnveralle Oy")
    await log_referral(bot, company="Muualle Oy", service="other", other_provider="Pankki X", consent="false")
    listed = texts_of(await bot.send(bot.teams.channel("ohjaukset", user=COLLEAGUE)))
    assert "Tälle kanavalle lähetetyt ohjaukset" in listed
    assert "Finnveralle Oy" in listed and "Muualle Oy" not in listed


async def test_only_coordinators_link_channels_and_everyone_sees_the_links(bot):
    refused = texts_of(await bot.send(bot.teams.channel("ohjauskanava Finnvera", user=ADVISER)))
    assert "vain verkoston koordinaattoreille" in refused
    assert bot.db()["referral_channels"].count == 0
    await link_finnvera_channel(bot)
    listed = texts_of(await bot.send(bot.teams.personal("ohjauskanavat")))
    assert "Finnvera" in listed and "Neuvojat" in listed
    unknown = texts_of(await bot.send(bot.teams.channel("ohjauskanava Olematon", user=COORDINATOR)))
    assert "ei löytynyt" in unknown


async def test_english_users_get_the_form_and_the_answers_in_english(bot):
    (reply,) = await bot.send(bot.teams.personal("referral", locale="en-US"))
    assert "Log a referral" in card_text(card_of(reply))
    wrong = await bot.invoke(
        bot.teams.card_action(SUBMIT_VERB, form_values(card_of(reply), company="", municipality="x"), locale="en-US")
    )
    shown = card_text(wrong.body["value"])
    assert "Type the company's name." in shown and "Choose the municipality" in shown
    help_text = texts_of(await bot.send(bot.teams.personal("help", locale="en-US")))
    assert "referral" in help_text and "referral channel" in help_text


async def test_nothing_logged_at_info_names_the_company_or_the_need(bot, caplog):
    await link_finnvera_channel(bot)
    with caplog.at_level(logging.INFO):
        await log_referral(bot, company="Salainen Asiakas Oy", need="Salainen tarve laitehankintaan")
        await bot.deliver()
        code = referral_rows(bot)[0]["code"]
        await bot.invoke(
            bot.teams.card_action(ANSWER_VERB, {"code": code, "answer": "contacting"}, conversation="channel")
        )
        await bot.deliver(timedelta(days=30))
    for record in caplog.records:
        if record.levelno >= logging.INFO:
            flat = record.getMessage() + json.dumps(vars(record), default=str)
            assert "Salainen" not in flat


async def test_a_provider_whose_knowledge_base_entry_names_its_conversation_gets_the_card(start_bot, tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(KB_PATH, kb)
    finnvera = kb / "finnvera.toml"
    finnvera.write_text(
        finnvera.read_text(encoding="utf-8").replace(
            'name = "Finnvera"\n', f'name = "Finnvera"\nteams_conversation = "{CHANNEL_ID}"\n', 1
        ),
        encoding="utf-8",
    )
    bot = await start_bot(kb_path=kb)
    await bot.send(bot.teams.channel("apua", user=COLLEAGUE))  # the bot is in that channel
    reply = await log_referral(bot)
    assert "kanavalle" in card_text(reply.body["value"])
    await bot.deliver()
    cards = [card_of(a) for a in bot.connector.sent_activities() if a.get("attachments")]
    assert "Uusi ohjaus: Pikkupulla Oy" in card_text(cards[-1])
    listed = texts_of(await bot.send(bot.teams.personal("ohjauskanavat")))
    assert "Finnvera" in listed and "tietopankista" in listed
