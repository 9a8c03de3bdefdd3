"""Coordinator role: configured ones, adding and removing in Teams, the clarifying dialog."""

from tests.activities import ADVISER, COLLEAGUE, COORDINATOR
from tests.harness import texts_of


async def test_list_shows_configured_coordinators(bot):
    replies = await bot.send(bot.teams.personal("koordinaattorit"))
    assert "Koordinaattorit" in texts_of(replies)
    assert "asetuksista" in texts_of(replies)


async def test_a_non_coordinator_is_politely_refused_and_nothing_changes(bot):
    bot.connector.members[COLLEAGUE.id] = COLLEAGUE.member()
    replies = await bot.send(bot.teams.channel("koordinaattori lisää", user=ADVISER, mentions=(COLLEAGUE,)))
    assert "vain verkoston koordinaattoreille" in texts_of(replies)
    assert bot.db()["coordinators"].count == 0


async def test_refusal_is_in_english_for_an_english_user(bot):
    replies = await bot.send(bot.teams.channel("coordinator add", user=ADVISER, locale="en-US", mentions=(COLLEAGUE,)))
    assert "Only the network's coordinators" in texts_of(replies)


async def test_coordinator_adds_a_colleague_who_then_has_the_role(bot):
    bot.connector.members[COLLEAGUE.id] = COLLEAGUE.member()
    replies = await bot.send(bot.teams.channel("koordinaattori lisää", user=COORDINATOR, mentions=(COLLEAGUE,)))
    assert "Liisa Esimerkki on nyt koordinaattori." in texts_of(replies)
    replies = await bot.send(bot.teams.channel("koordinaattori lisää", user=COORDINATOR, mentions=(COLLEAGUE,)))
    assert "on jo koordinaattori" in texts_of(replies)

    # The new coordinator can now use coordinator commands themselves.
    bot.connector.members[ADVISER.id] = ADVISER.member()
    replies = await bot.send(bot.teams.channel("koordinaattori lisaa", user=COLLEAGUE, mentions=(ADVISER,)))
    assert "Maija Testinen on nyt koordinaattori." in texts_of(replies)
    replies = await bot.send(bot.teams.personal("koordinaattorit"))
    assert "Liisa Esimerkki" in texts_of(replies) and "Maija Testinen" in texts_of(replies)


async def test_coordinator_removes_a_colleague_but_not_a_configured_one(bot):
    bot.connector.members[COLLEAGUE.id] = COLLEAGUE.member()
    bot.connector.members[COORDINATOR.id] = COORDINATOR.member()
    await bot.send(bot.teams.channel("koordinaattori lisää", user=COORDINATOR, mentions=(COLLEAGUE,)))
    replies = await bot.send(bot.teams.channel("koordinaattori poista", user=COORDINATOR, mentions=(COLLEAGUE,)))
    assert "ei ole enää koordinaattori" in texts_of(replies)
    assert bot.db()["coordinators"].count == 0
    replies = await bot.send(bot.teams.channel("koordinaattori poista", user=COLLEAGUE, mentions=(COORDINATOR,)))
    assert "vain verkoston koordinaattoreille" in texts_of(replies)
    replies = await bot.send(bot.teams.channel("koordinaattori poista", user=COORDINATOR, mentions=(COORDINATOR,)))
    assert "KASVUOPAS_COORDINATORS" in texts_of(replies)


async def test_unknown_person_gets_a_clear_message(bot):
    replies = await bot.send(bot.teams.channel("koordinaattori lisää", user=COORDINATOR, mentions=(COLLEAGUE,)))
    assert "En saanut Teamsista tietoja henkilöstä Liisa Esimerkki" in texts_of(replies)
    assert bot.db()["coordinators"].count == 0


async def test_bad_subcommand_shows_usage(bot):
    replies = await bot.send(bot.teams.channel("koordinaattori ylennä", user=COORDINATOR))
    assert "Käyttö: **koordinaattori lisää @nimi**" in texts_of(replies)


async def test_the_whom_question_survives_a_restart(start_bot):
    bot = await start_bot()
    bot.connector.members[COLLEAGUE.id] = COLLEAGUE.member()
    replies = await bot.send(bot.teams.channel("koordinaattori lisää", user=COORDINATOR))
    assert "Kenet lisätään koordinaattoriksi?" in texts_of(replies)

    restarted = await start_bot()  # a new app process on the same database file
    replies = await restarted.send(restarted.teams.channel("", user=COORDINATOR))
    assert "En löytänyt viestistä mainintaa" in texts_of(replies)
    replies = await restarted.send(restarted.teams.channel("", user=COORDINATOR, mentions=(COLLEAGUE,)))
    assert "Liisa Esimerkki on nyt koordinaattori." in texts_of(replies)

    # The dialog is over: the next message is an ordinary command again.
    replies = await restarted.send(restarted.teams.channel("apua", user=COORDINATOR))
    assert "Kasvuopas – komennot" in texts_of(replies)


async def test_the_whom_question_can_be_cancelled(bot):
    await bot.send(bot.teams.channel("koordinaattori poista", user=COORDINATOR))
    replies = await bot.send(bot.teams.channel("peru", user=COORDINATOR))
    assert "peruttu" in texts_of(replies)
    replies = await bot.send(bot.teams.channel("apua", user=COORDINATOR))
    assert "Kasvuopas – komennot" in texts_of(replies)


async def test_someone_else_answering_the_question_is_refused(bot):
    bot.connector.members[ADVISER.id] = ADVISER.member()
    await bot.send(bot.teams.channel("koordinaattori lisää", user=COORDINATOR))
    replies = await bot.send(bot.teams.channel("", user=ADVISER, mentions=(ADVISER,)))
    assert "vain verkoston koordinaattoreille" in texts_of(replies)
    assert bot.db()["coordinators"].count == 0
