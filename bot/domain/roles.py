"""Roles: who is a coordinator (from settings, or added in Teams by another coordinator)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from bot.domain.db import utc_now

COORDINATOR = "coordinator"


@dataclass(frozen=True)
class Coordinator:
    """A coordinator and where the role comes from."""

    aad_object_id: str
    name: str
    from_settings: bool


class Roles:
    """Coordinator membership; the configured ones cannot be removed from Teams."""

    def __init__(self, db: sqlite_utils.Database, configured: Iterable[str]) -> None:
        self._db = db
        self._configured = {aad.strip().lower() for aad in configured if aad.strip()}

    def is_coordinator(self, aad_object_id: str | None) -> bool:
        """True when the user holds the coordinator role."""
        if not aad_object_id:
            return False
        aad = aad_object_id.lower()
        if aad in self._configured:
            return True
        row = self._db.execute("SELECT 1 FROM coordinators WHERE aad_object_id = ?", [aad]).fetchone()
        return row is not None

    def has_role(self, aad_object_id: str | None, role: str) -> bool:
        """True when the user holds `role` (only the coordinator role exists so far)."""
        if role != COORDINATOR:
            raise ValueError(f"unknown role {role!r}")
        return self.is_coordinator(aad_object_id)

    def add(self, aad_object_id: str, name: str, added_by: str) -> bool:
        """Make someone a coordinator; False if they already were one."""
        if self.is_coordinator(aad_object_id):
            return False
        self._db["coordinators"].insert(
            {
                "aad_object_id": aad_object_id.lower(),
                "name": name,
                "added_by": added_by.lower(),
                "added_at": utc_now(),
            }
        )
        return True

    def remove(self, aad_object_id: str) -> bool:
        """Remove a coordinator added in Teams; False if there was no such row."""
        cursor = self._db.execute("DELETE FROM coordinators WHERE aad_object_id = ?", [aad_object_id.lower()])
        return cursor.rowcount > 0

    def is_configured(self, aad_object_id: str) -> bool:
        """True when the role comes from KASVUOPAS_COORDINATORS (and so cannot be removed here)."""
        return aad_object_id.lower() in self._configured

    def all(self) -> list[Coordinator]:
        """Every coordinator, the configured ones first."""
        stored = {row["aad_object_id"]: row["name"] for row in self._db["coordinators"].rows_where(order_by="name")}
        result = [Coordinator(aad, stored.pop(aad, ""), True) for aad in sorted(self._configured)]
        result += [Coordinator(aad, name, False) for aad, name in stored.items()]
        return result
