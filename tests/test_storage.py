"""Storage on a real SQLite file: migrations, WAL, eTag concurrency for bot state."""

import sqlite3

import pytest

from bot.domain.db import open_database
from bot.domain.state_store import EtagConflict, StateStore


def test_migrations_apply_once_and_the_database_uses_wal(tmp_path):
    path = tmp_path / "k.db"
    db = open_database(path)
    assert {"conversations", "coordinators", "bot_state"} <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    again = open_database(path)  # reopening applies nothing twice
    applied = [name for (name,) in again.execute("SELECT name FROM _sqlite_migrations").fetchall()]
    assert applied[0] == "m001_foundation"
    assert len(applied) == len(set(applied))


def test_a_stale_etag_is_refused_and_the_newer_value_kept(tmp_path):
    store = StateStore(open_database(tmp_path / "k.db"))
    first = store.write("conv/1", '{"step": 1}', None)
    second = store.write("conv/1", '{"step": 2}', first)
    with pytest.raises(EtagConflict):
        store.write("conv/1", '{"step": "lost update"}', first)
    stored = store.read(["conv/1"])["conv/1"]
    assert stored.value_json == '{"step": 2}' and stored.etag == second


def test_star_etag_overwrites_and_delete_removes(tmp_path):
    store = StateStore(open_database(tmp_path / "k.db"))
    store.write("user/1", '{"language": "fi"}', None)
    store.write("user/1", '{"language": "en"}', "*")
    assert store.read(["user/1"])["user/1"].value_json == '{"language": "en"}'
    store.delete(["user/1", "missing"])
    assert store.read(["user/1"]) == {}


def test_two_connections_see_each_others_writes(tmp_path):
    path = tmp_path / "k.db"
    writer = StateStore(open_database(path))
    reader = StateStore(open_database(path))
    writer.write("conv/2", '{"a": 1}', None)
    assert reader.read(["conv/2"])["conv/2"].value_json == '{"a": 1}'


def test_the_database_refuses_a_conversation_without_reference(tmp_path):
    db = open_database(tmp_path / "k.db")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO conversations (conversation_id, conversation_type, service_url, active)"
            " VALUES ('x', 'personal', 'http://127.0.0.1/', 1)"
        )


async def test_bot_state_storage_round_trips_and_detects_conflicts(tmp_path):
    from bot.sqlite_storage import SqliteStorage

    storage = SqliteStorage(StateStore(open_database(tmp_path / "k.db")))
    await storage.write({"conv/3": {"DialogState": {"stack": ["ask"]}}})
    first_read = (await storage.read(["conv/3"]))["conv/3"]
    second_read = (await storage.read(["conv/3"]))["conv/3"]
    assert first_read["DialogState"] == {"stack": ["ask"]}
    await storage.write({"conv/3": {**first_read, "DialogState": {"stack": []}}})
    with pytest.raises(EtagConflict):
        await storage.write({"conv/3": {**second_read, "DialogState": {"stack": ["stale"]}}})
    assert (await storage.read(["conv/3"]))["conv/3"]["DialogState"] == {"stack": []}
