"""Installing and removing the bot: welcome card, conversation registry, channels."""

import json

from tests.activities import CHANNEL_ID, COORDINATOR, GROUP_CHAT_ID, TEAM_ID
from tests.harness import texts_of


def _rows(bot):
    return {row["conversation_id"]: row for row in bot.db()["conversations"].rows}


async def test_install_in_a_team_welcomes_once_and_registers_every_channel(bot):
    bot.connector.channels[TEAM_ID] = [
        {"id": TEAM_ID},
        {"id": CHANNEL_ID, "name": "Neuvojat"},
        {"id": "19:tiedotteet@thread.tacv2", "name": "Tiedotteet"},
    ]
    sent = await bot.send_through_connector(bot.teams.installation_update("team"))
    assert len(sent) == 1
    assert "Tervetuloa" in texts_of(sent)
    assert "@Kasvuopas apua" in texts_of(sent)

    # Teams also sends conversationUpdate(membersAdded: bot); the welcome is not repeated.
    again = await bot.send_through_connector(bot.teams.bot_added_to_team())
    assert again == []

    rows = _rows(bot)
    assert set(rows) == {TEAM_ID, CHANNEL_ID, "19:tiedotteet@thread.tacv2"}
    general = rows[TEAM_ID]
    assert general["conversation_type"] == "channel"
    assert general["channel_name"] == "General"
    assert general["team_name"] == "Etelä-Savon yrityspalvelut"
    assert rows["19:tiedotteet@thread.tacv2"]["channel_name"] == "Tiedotteet"
    reference = json.loads(rows[CHANNEL_ID]["reference_json"])
    assert reference["conversation"]["id"] == CHANNEL_ID
    assert reference["serviceUrl"] == bot.connector.url
    assert all(row["active"] == 1 for row in rows.values())


async def test_members_added_alone_also_welcomes_and_registers(bot):
    sent = await bot.send_through_connector(bot.teams.bot_added_to_team())
    assert "Tervetuloa" in texts_of(sent)
    assert TEAM_ID in _rows(bot)


async def test_personal_install_welcomes_in_finnish_without_the_channel_hint(bot):
    sent = await bot.send_through_connector(bot.teams.installation_update("personal", user=COORDINATOR))
    shown = texts_of(sent)
    assert "Tervetuloa" in shown and "@Kasvuopas" not in shown
    row = _rows(bot)[f"a:1personal-{COORDINATOR.aad_object_id}"]
    assert row["conversation_type"] == "personal"
    assert row["user_aad_id"] == COORDINATOR.aad_object_id


async def test_a_group_chat_welcome_speaks_of_the_group_chat_not_a_channel(bot):
    sent = await bot.send_through_connector(bot.teams.installation_update("groupChat"))
    shown = texts_of(sent)
    assert "Ryhmäkeskustelussa mainitse minut ensin" in shown and "Kanavalla" not in shown


async def test_the_help_card_puts_each_description_under_its_command(bot):
    (reply,) = await bot.send(bot.teams.personal("apua", user=COORDINATOR))
    body = reply["attachments"][0]["content"]["body"]
    assert not [element for element in body if element["type"] == "ColumnSet"]  # no squeezed columns
    entries = [element for element in body if element["type"] == "Container"]
    assert len(entries) >= 10
    for entry in entries:
        usage, description = entry["items"]
        assert usage["fontType"] == "Monospace" and usage["wrap"] and description["wrap"]


async def test_any_message_registers_its_conversation_without_the_thread_id(bot):
    await bot.send(bot.teams.channel("apua", thread="1700000000123"))
    await bot.send(bot.teams.group_chat("apua"))
    rows = _rows(bot)
    assert CHANNEL_ID in rows and GROUP_CHAT_ID in rows
    assert rows[CHANNEL_ID]["channel_name"] == "Neuvojat"
    assert rows[GROUP_CHAT_ID]["conversation_type"] == "groupChat"


async def test_uninstall_marks_the_team_inactive_and_reinstall_welcomes_again(bot):
    await bot.send_through_connector(bot.teams.installation_update("team"))
    await bot.send(bot.teams.channel("apua"))
    await bot.send_through_connector(bot.teams.installation_update("team", action="remove"))
    assert all(row["active"] == 0 for row in _rows(bot).values())

    sent = await bot.send_through_connector(bot.teams.installation_update("team"))
    assert "Tervetuloa" in texts_of(sent)
    assert _rows(bot)[TEAM_ID]["active"] == 1


async def test_bot_removed_from_team_marks_it_inactive(bot):
    await bot.send_through_connector(bot.teams.bot_added_to_team())
    await bot.send_through_connector(bot.teams.bot_removed_from_team())
    assert _rows(bot)[TEAM_ID]["active"] == 0


async def test_group_chat_uninstall_marks_only_that_chat_inactive(bot):
    await bot.send_through_connector(bot.teams.installation_update("groupChat"))
    await bot.send_through_connector(bot.teams.installation_update("personal"))
    await bot.send_through_connector(bot.teams.installation_update("groupChat", action="remove"))
    rows = _rows(bot)
    assert rows[GROUP_CHAT_ID]["active"] == 0
    assert rows[f"a:1personal-{COORDINATOR.aad_object_id}"]["active"] == 1


async def test_channel_created_renamed_deleted_keep_the_registry_current(bot):
    await bot.send_through_connector(bot.teams.bot_added_to_team())
    new_channel = "19:rahoitus@thread.tacv2"
    await bot.send_through_connector(bot.teams.channel_event("channelCreated", new_channel, "Rahoitus"))
    assert _rows(bot)[new_channel]["channel_name"] == "Rahoitus"
    await bot.send_through_connector(bot.teams.channel_event("channelRenamed", new_channel, "Rahoitusneuvonta"))
    assert _rows(bot)[new_channel]["channel_name"] == "Rahoitusneuvonta"
    await bot.send_through_connector(bot.teams.channel_event("channelDeleted", new_channel, None))
    assert _rows(bot)[new_channel]["active"] == 0


async def test_install_survives_a_failing_channel_list(bot):
    bot.connector.rules.append(
        lambda call: (403, {"error": {"code": "Forbidden"}}, {}) if "/teams/" in call.path else None
    )
    sent = await bot.send_through_connector(bot.teams.installation_update("team"))
    assert "Tervetuloa" in texts_of(sent)
    assert TEAM_ID in _rows(bot)
