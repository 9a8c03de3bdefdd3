"""Storage on a real SQLite file: migrations (and upgrading an old database), WAL, transactions, eTags."""

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.common.clock import from_stored_time, to_stored_time
from bot.storage.checkpoint import BackgroundCheckpoints
from bot.storage.migrations import migrations
from bot.storage.sqlite import open_database
from bot.storage.state_store import EtagConflict, StateStore
from bot.teams.state_storage import SqliteStorage
from tests.clock import FakeClock

OLD_DATABASE = Path(__file__).resolve().parent / "data" / "database_before_0006.sql"
STORED_FORM = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$"


def test_migrations_apply_once_and_the_database_uses_wal(tmp_path):
    path = tmp_path / "k.db"
    db = open_database(path, FakeClock())
    assert {"conversations", "coordinators", "bot_state", "outbox", "polls", "user_settings"} <= {
        name for (name,) in db.all("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    assert db.value("PRAGMA journal_mode") == "wal"
    db.close()
    again = open_database(path, FakeClock())  # reopening applies nothing twice
    versions = [version for (version,) in again.all("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [migration.version for migration in migrations()]


def test_an_old_database_is_upgraded_with_one_time_format_and_nothing_lost(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.executescript(OLD_DATABASE.read_text(encoding="utf-8"))
    before = {table: count for table, count in _counts(path).items()}

    db = open_database(path, FakeClock())

    after = _counts(path)
    assert {table: after[table] for table in before} == {
        **before,
        "bot_state": before["bot_state"] - 1,
    }  # the language moved out
    applied = [name for (name,) in db.all("SELECT name FROM schema_migrations ORDER BY version")]
    assert applied[:5] == [
        "m001_foundation",
        "m002_finder",
        "m003_delivery",
        "m004_webinars_and_announcements",
        "m005_polls",
    ]  # adopted, not run again
    times = db.all(
        "SELECT starts_at FROM webinars UNION ALL SELECT due_at FROM jobs UNION ALL SELECT created_at FROM polls"
        " UNION ALL SELECT next_attempt_at FROM outbox UNION ALL SELECT asked_at FROM searches"
    )
    assert times and all(sqlite3_matches(STORED_FORM, value) for (value,) in times)
    # Microseconds, seconds-only and offsets all read back as the same instant (to the millisecond).
    assert from_stored_time(db.value("SELECT starts_at FROM webinars WHERE id = 1")) == datetime(
        2026, 12, 16, 8, 0, 0, 123000, tzinfo=UTC
    )
    assert db.value("SELECT deadline FROM polls WHERE id = 2") is None  # '' meant "none"
    assert db.value("SELECT send_at FROM announcements WHERE id = 2") is None
    assert db.value("SELECT language FROM user_settings WHERE user_id = '29:user-1'") == "en"


def sqlite3_matches(pattern: str, value: str) -> bool:
    import re

    return re.match(pattern, value) is not None


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            table: conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in tables
            if table not in ("schema_migrations", "user_settings", "_sqlite_migrations")
        }


def test_stored_times_sort_as_text_in_time_order():
    moments = [datetime(2026, 10, 25, 0, 59, 59, 999999, tzinfo=UTC), datetime(2026, 10, 25, 1, 0, tzinfo=UTC)]
    stored = [to_stored_time(moment) for moment in moments]
    assert stored == sorted(stored)
    with pytest.raises(ValueError):
        to_stored_time(datetime(2026, 12, 16, 14, 0))  # naive: its zone is unknown


def test_a_transaction_commits_as_a_whole_or_not_at_all(tmp_path):
    db = open_database(tmp_path / "k.db", FakeClock())
    with pytest.raises(RuntimeError), db.transaction():
        db.execute("INSERT INTO coordinators (aad_object_id, name) VALUES ('a', 'A')")
        with db.transaction():  # nested: a savepoint
            db.execute("INSERT INTO coordinators (aad_object_id, name) VALUES ('b', 'B')")
        raise RuntimeError("the second half failed")
    assert db.value("SELECT COUNT(*) FROM coordinators") == 0
    with db.transaction():
        db.execute("INSERT INTO coordinators (aad_object_id, name) VALUES ('a', 'A')")
        with pytest.raises(sqlite3.IntegrityError), db.transaction():
            db.execute("INSERT INTO coordinators (aad_object_id, name) VALUES ('a', 'again')")
    assert [tuple(row) for row in db.all("SELECT aad_object_id, name FROM coordinators")] == [("a", "A")]


def test_a_stale_etag_is_refused_and_the_newer_value_kept(tmp_path):
    store = StateStore(open_database(tmp_path / "k.db", FakeClock()), FakeClock())
    first = store.write("conv/1", '{"step": 1}', None)
    second = store.write("conv/1", '{"step": 2}', first)
    with pytest.raises(EtagConflict):
        store.write("conv/1", '{"step": "lost update"}', first)
    stored = store.read(["conv/1"])["conv/1"]
    assert stored.value_json == '{"step": 2}' and stored.etag == second


def test_star_etag_overwrites_and_delete_removes(tmp_path):
    store = StateStore(open_database(tmp_path / "k.db", FakeClock()), FakeClock())
    store.write("conv/9", '{"step": 1}', None)
    store.write("conv/9", '{"step": 2}', "*")
    assert json.loads(store.read(["conv/9"])["conv/9"].value_json) == {"step": 2}
    store.delete(["conv/9", "missing"])
    assert store.read(["conv/9"]) == {}


def test_two_connections_see_each_others_writes(tmp_path):
    path = tmp_path / "k.db"
    writer = StateStore(open_database(path, FakeClock()), FakeClock())
    reader = StateStore(open_database(path, FakeClock()), FakeClock())
    writer.write("conv/2", '{"a": 1}', None)
    assert reader.read(["conv/2"])["conv/2"].value_json == '{"a": 1}'


def test_the_database_refuses_a_conversation_without_reference(tmp_path):
    db = open_database(tmp_path / "k.db", FakeClock())
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO conversations (conversation_id, conversation_type, service_url, active)"
            " VALUES ('x', 'personal', 'http://127.0.0.1/', 1)"
        )


async def test_bot_state_storage_round_trips_and_detects_conflicts(tmp_path):
    storage = SqliteStorage(StateStore(open_database(tmp_path / "k.db", FakeClock()), FakeClock()))
    await storage.write({"conv/3": {"DialogState": {"stack": ["ask"]}}})
    first_read = (await storage.read(["conv/3"]))["conv/3"]
    second_read = (await storage.read(["conv/3"]))["conv/3"]
    assert first_read["DialogState"] == {"stack": ["ask"]}
    await storage.write({"conv/3": {**first_read, "DialogState": {"stack": []}}})
    with pytest.raises(EtagConflict):
        await storage.write({"conv/3": {**second_read, "DialogState": {"stack": ["stale"]}}})
    assert (await storage.read(["conv/3"]))["conv/3"]["DialogState"] == {"stack": []}


def _wal_pages(path: Path) -> int:
    wal = Path(f"{path}-wal")
    return wal.stat().st_size // 4096 if wal.exists() else 0


def test_with_background_checkpoints_no_commit_checkpoints_and_closing_empties_the_log(tmp_path):
    path = tmp_path / "k.db"
    db = open_database(path, FakeClock())
    db.checkpoint_in_background(interval=3600)  # only the closing checkpoint runs in this test
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    for number in range(1500):
        with db.transaction():
            db.insert("INSERT INTO notes (text) VALUES (?)", [f"muistiinpano {number}" * 20])
    # SQLite would have checkpointed (and synced) on a commit past 1,000 pages; this log kept growing.
    assert _wal_pages(path) > 1000
    db.close()
    assert _wal_pages(path) == 0
    reopened = sqlite3.connect(path)
    assert reopened.execute("SELECT count(*) FROM notes").fetchone() == (1500,)
    reopened.close()


def test_a_background_checkpoint_copies_the_log_while_the_bot_keeps_writing(tmp_path):
    path = tmp_path / "k.db"
    db = open_database(path, FakeClock())
    db.checkpoint_in_background(interval=3600)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    with db.transaction():
        db.insert("INSERT INTO notes (text) VALUES ('ensimmäinen')")
    other = sqlite3.connect(path, isolation_level=None)
    assert BackgroundCheckpoints(str(path)).checkpoint(other) > 0  # what the thread does every second
    with db.transaction():  # the writer is not blocked by it
        db.insert("INSERT INTO notes (text) VALUES ('toinen')")
    other.close()
    db.close()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM notes").fetchone() == (2,)
