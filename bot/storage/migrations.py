"""Numbered SQL migrations (`migrations/NNNN_name.sql`), applied in order, each in one transaction.

Add a new file with the next number; never edit one that has been released. A database created by
the earlier sqlite-utils migrations (`_sqlite_migrations`, m001…m005) is adopted as versions 1–5.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bot.common.clock import Clock, stored_now
from bot.storage.database import Database

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_LEGACY_NAME = re.compile(r"^m(\d{3})_")


class MigratableDatabase(Database, Protocol):
    """A database that can also run a multi-statement script and tell whether a table exists."""

    def run_script(self, script: str) -> None:
        """Run several statements in order, inside the caller's transaction."""
        ...

    def has_table(self, name: str) -> bool:
        """True when the table exists."""
        ...


@dataclass(frozen=True)
class Migration:
    """One numbered SQL file."""

    version: int
    name: str
    path: Path


def migrations(folder: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Every migration file in the folder, in version order; a gap or a duplicate number is an error."""
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _FILE_NAME.match(path.name)
        if match is None:
            raise ValueError(f"migration file name {path.name!r} is not NNNN_name.sql")
        found.append(Migration(int(match.group(1)), match.group(2), path))
    versions = [migration.version for migration in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"migration numbers must run 1, 2, 3 … without gaps; found {versions}")
    return found


def _adopt_legacy(db: MigratableDatabase, clock: Clock) -> None:
    if not db.has_table("_sqlite_migrations"):
        return
    for (name,) in db.all("SELECT name FROM _sqlite_migrations WHERE migration_set = 'kasvuopas'"):
        match = _LEGACY_NAME.match(name)
        if match:
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"
                " ON CONFLICT(version) DO NOTHING",
                [int(match.group(1)), name, stored_now(clock)],
            )


def apply_migrations(db: MigratableDatabase, clock: Clock, folder: Path = MIGRATIONS_DIR) -> list[int]:
    """Bring the schema up to date; returns the versions applied now."""
    with db.transaction():
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations"
            " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        _adopt_legacy(db, clock)
    applied = {version for (version,) in db.all("SELECT version FROM schema_migrations")}
    done = []
    for migration in migrations(folder):
        if migration.version in applied:
            continue
        with db.transaction():
            db.run_script(migration.path.read_text(encoding="utf-8"))
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                [migration.version, migration.name, stored_now(clock)],
            )
        log.info("database migrated", extra={"version": migration.version, "migration": migration.name})
        done.append(migration.version)
    return done
