"""Requests no Teams would send: refused with a 4xx and a reason, before any turn runs or reply is sent."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest

from adaptive_cards.help import HELP_VERB
from bot.app import DB_KEY
from bot.cli import main

APP_ID = "0c8a5b3e-1f2d-4c5b-9e7a-6d4c3b2a1f00"


def _post_raw(bot, text: str):
    return bot.client.post("/api/messages", data=text, headers={"Content-Type": "application/json"})


async def test_numbers_of_thousands_of_digits_and_deep_nesting_are_400(bot):
    activity = json.dumps(bot.teams.personal("apua"))
    huge = activity.replace('"text": "apua"', '"text": "apua", "x": ' + "9" * 5000)
    assert (await _post_raw(bot, huge)).status == 400
    deep = activity.replace('"text": "apua"', '"text": "apua", "x": ' + "[" * 5000 + "]" * 5000)
    assert (await _post_raw(bot, deep)).status == 400


@pytest.mark.parametrize(
    "damage",
    [
        lambda a: a.pop("serviceUrl"),
        lambda a: a.update(serviceUrl=""),
        lambda a: a.update(serviceUrl="ftp://127.0.0.1/"),
        lambda a: a.pop("from"),
        lambda a: a.update({"from": "29:someone"}),
        lambda a: a.pop("conversation"),
        lambda a: a.update(conversation={"conversationType": "personal"}),
        lambda a: a.pop("channelId"),
        lambda a: a.update(channelData="not an object"),
        lambda a: a.update(entities={"type": "mention"}),
        lambda a: a.update(text=["a", "list"]),
    ],
    ids=[
        "no-service-url",
        "empty-service-url",
        "not-http",
        "no-from",
        "from-not-object",
        "no-conversation",
        "conversation-without-id",
        "no-channel-id",
        "channel-data-not-object",
        "entities-not-list",
        "text-not-string",
    ],
)
async def test_activities_that_cannot_be_from_teams_are_400_before_any_turn(bot, caplog, damage):
    activity = bot.teams.personal("apua")
    damage(activity)
    with caplog.at_level(logging.ERROR):
        reply = await bot.post(activity)
    assert reply.status == 400 and "Not a Teams activity" in reply.body["detail"]
    assert bot.connector.calls == [] and not caplog.records


async def test_in_production_only_the_bot_connectors_addresses_are_answered(start_bot):
    bot = await start_bot(app_id=APP_ID, app_password="not-a-real-secret")  # default: Teams' own hosts
    reply = await bot.post(bot.teams.personal("apua"))  # serviceUrl is the fake connector on 127.0.0.1
    assert reply.status == 400 and "serviceUrl" in reply.body["detail"]
    assert bot.connector.calls == []


async def test_a_declared_body_that_never_arrives_times_out(start_bot):
    bot = await start_bot(request_read_timeout=0.2)
    host, port = bot.client.server.host, bot.client.server.port
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
    )
    await writer.drain()
    status_line = await reader.readline()
    writer.close()
    assert b" 408 " in status_line


async def test_a_body_declared_too_large_is_refused_at_once(bot):
    host, port = bot.client.server.host, bot.client.server.port
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{"
    )
    await writer.drain()
    status_line = await reader.readline()
    writer.close()
    assert b" 413 " in status_line


@pytest.mark.parametrize(
    "path",
    [
        "/polls/" + "9" * 5000 + ".csv?exp=1&sig=x",
        "/polls/1.csv?exp=" + "9" * 5000 + "&sig=x",
        "/polls/1.csv?exp=¹²³&sig=x",
        "/webinars/١٢٣.ics?exp=1&sig=x",
    ],
    ids=["long-id", "long-exp", "superscript-exp", "arabic-digits"],
)
async def test_odd_signed_links_are_refused_not_errors(bot, path):
    response = await bot.client.get(path)
    assert response.status in (403, 404)


async def test_card_data_beyond_64_bits_gets_a_polite_answer(bot):
    reply = await bot.invoke(bot.teams.card_action("poll.vote", {"poll_id": 2**70, "option": 1}))
    assert reply.status == 200 and reply.body["type"] == "application/vnd.microsoft.activity.message"
    reply = await bot.invoke(bot.teams.card_action(HELP_VERB, {"x": [1, 2, -(2**64)]}))
    assert reply.status == 200 and "painiketta" in reply.body["value"]


async def test_healthz_is_degraded_when_the_database_cannot_be_written(bot):
    assert (await bot.client.get("/healthz")).status == 200
    # Reads still work, writes fail: as with a full disk or a file turned read-only under the bot.
    bot.client.app[DB_KEY].value("PRAGMA query_only = ON")
    response = await bot.client.get("/healthz")
    body = await response.json()
    assert response.status == 503 and body["status"] == "degraded" and body["database"] == {"ok": False}
    bot.client.app[DB_KEY].value("PRAGMA query_only = OFF")


def test_a_damaged_database_stops_the_start_with_one_line_that_says_what_to_do(tmp_path: Path, monkeypatch, capsys):
    damaged = tmp_path / "kasvuopas.db"
    damaged.write_bytes(b"this is not an SQLite database, just bytes" * 100)
    monkeypatch.setenv("KASVUOPAS_DB", str(damaged))
    monkeypatch.chdir(tmp_path)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "damaged" in err[0] and "backup" in err[0] and "Traceback" not in err[0]


def test_a_database_path_that_cannot_be_created_stops_the_start_with_one_line(tmp_path: Path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database's folder should be")
    monkeypatch.setenv("KASVUOPAS_DB", str(blocker / "data" / "kasvuopas.db"))
    monkeypatch.chdir(tmp_path)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "KASVUOPAS_DB" in err[0] and "not-a-folder" in err[0] and "Traceback" not in err[0]
