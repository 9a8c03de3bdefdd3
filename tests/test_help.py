"""Help, mention stripping, language and unknown input, as an adviser sees them in Teams."""

from tests.activities import ADVISER
from tests.harness import texts_of


async def test_help_in_personal_chat_is_a_finnish_command_list(bot):
    replies = await bot.send(bot.teams.personal("apua"))
    assert len(replies) == 1
    shown = texts_of(replies)
    assert "Kasvuopas – komennot" in shown
    assert "koordinaattorit" in shown and "kieli" in shown


async def test_help_in_english_for_an_english_locale(bot):
    replies = await bot.send(bot.teams.personal("help", locale="en-GB"))
    shown = texts_of(replies)
    assert "Kasvuopas – commands" in shown
    assert "coordinators" in shown


async def test_channel_mention_is_stripped_before_the_command(bot):
    replies = await bot.send(bot.teams.channel("apua"))
    shown = texts_of(replies)
    assert "Kasvuopas – komennot" in shown
    assert "mainitse minut ensin" in shown


async def test_help_in_group_chat_reaches_the_connector(bot):
    sent = await bot.send_through_connector(bot.teams.group_chat("help", locale="en-US"))
    assert len(sent) == 1
    assert "Kasvuopas – commands" in texts_of(sent)


async def test_unknown_text_gets_a_helpful_answer(bot):
    replies = await bot.send(bot.teams.personal("mitä kuuluu?"))
    shown = texts_of(replies)
    assert "En löytänyt sopivaa palvelua" in shown and "**apua**" in shown


async def test_empty_message_after_mention_explains_what_to_do(bot):
    replies = await bot.send(bot.teams.channel(""))
    assert "tyhjä" in texts_of(replies)


async def test_language_choice_persists_for_the_user(bot):
    replies = await bot.send(bot.teams.personal("kieli en", user=ADVISER))
    assert "English" in texts_of(replies)
    replies = await bot.send(bot.teams.personal("apua", user=ADVISER))
    assert "Kasvuopas – commands" in texts_of(replies)


async def test_language_with_a_bad_value_says_how(bot):
    replies = await bot.send(bot.teams.personal("kieli ruotsi"))
    assert "kieli fi" in texts_of(replies)
