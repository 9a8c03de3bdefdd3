"""Roles: who is a coordinator (from settings, or added in Teams by another coordinator)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.common.clock import Clock, stored_now
from bot.storage.database import Database

COORDINATOR = "coordinator"


@dataclass(frozen=True)
class Coordinator:
    """A coordinator and where the role comes from."""

    aad_object_id: str
    name: str
    from_settings: bool


class Roles:
    """Coordinator membership; the configured ones cannot be removed from Teams."""

    def __init__(self, db: Database, configured: Iterable[str], clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._configured = {aad.strip().lower() for aad in configured if aad.strip()}

    def is_coordinator(self, aad_object_id: str | None) -> bool:
        """True when the user holds the coordinator role."""
        if not aad_object_id:
            return False
        aad = aad_object_id.lower()
        if aad in self._configured:
            return True
        return self._db.value("SELECT 1 FROM coordinators WHERE aad_object_id = ?", [aad]) is not None

    def has_role(self, aad_object_id: str | None, role: str) -> bool:
        """True when the user holds `role` (only the coordinator role exists so far)."""
        if role != COORDINATOR:
            raise ValueError(f"unknown role {role!r}")
        return self.is_coordinator(aad_object_id)

    def add(self, aad_object_id: str, name: str, added_by: str) -> bool:
        """Make someone a coordinator; False if they already were one."""
        if self.is_coordinator(aad_object_id):
            return False
        self._db.execute(
            "INSERT INTO coordinators (aad_object_id, name, added_by, added_at) VALUES (?, ?, ?, ?)",
            [aad_object_id.lower(), name, added_by.lower(), stored_now(self._clock)],
        )
        return True

    def remove(self, aad_object_id: str) -> bool:
        """Remove a coordinator added in Teams; False if there was no such row."""
        return self._db.execute("DELETE FROM coordinators WHERE aad_object_id = ?", [aad_object_id.lower()]) > 0

    def is_configured(self, aad_object_id: str) -> bool:
        """True when the role comes from KASVUOPAS_COORDINATORS (and so cannot be removed here)."""
        return aad_object_id.lower() in self._configured

    def all(self) -> list[Coordinator]:
        """Every coordinator, the configured ones first."""
        rows = self._db.all("SELECT aad_object_id, name FROM coordinators ORDER BY name")
        stored: dict[str, str] = {aad: name or "" for aad, name in rows}
        result = [Coordinator(aad, stored.pop(aad, ""), True) for aad in sorted(self._configured)]
        result += [Coordinator(aad, name, False) for aad, name in stored.items()]
        return result
