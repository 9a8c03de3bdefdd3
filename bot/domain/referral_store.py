"""The referral tables: storing referrals, every status change with its history, provider links.

Every change happens in one transaction with its history row. Company details are the only
personal content; anonymising or deleting clears them and keeps what the report counts.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from bot.common.clock import Clock, optional_time, stored_now, to_stored_time
from bot.domain.referrals import SENT, ReferralDraft
from bot.storage.database import Database, Row

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I to misread
CODE_LENGTH = 8  # 32^8 ≈ 10^12: payload codes cannot be guessed or enumerated
SYSTEM = "system"


@dataclass(frozen=True)
class Actor:
    """Who changes a referral, and in which capacity."""

    key: str  # Entra object id or Teams id
    name: str
    role: str  # adviser | provider | coordinator | system


@dataclass(frozen=True)
class Referral:
    """A stored referral (company details are None once anonymised or deleted)."""

    id: int
    code: str
    created_at: datetime
    adviser_key: str
    adviser_id: str
    adviser_name: str
    origin_conversation_id: str
    company_name: str | None
    business_id: str | None
    municipality: str
    stage: str | None
    size: str | None
    service_id: str | None
    provider_id: str | None
    other_provider: str | None
    need_id: str | None
    need: str | None
    consent: bool
    status: str
    provider_answered_at: datetime | None
    first_contact_at: datetime | None
    provider_conversation_id: str | None
    search_id: int | None
    anonymised_at: datetime | None
    deleted_at: datetime | None

    @property
    def removed(self) -> bool:
        """True once the company details are gone (anonymised or deleted on request)."""
        return self.deleted_at is not None or self.anonymised_at is not None


@dataclass(frozen=True)
class ReferralEvent:
    """One line of a referral's history."""

    at: datetime
    actor_key: str
    actor_name: str
    role: str
    from_status: str | None
    to_status: str
    note: str | None


def _referral(row: Row) -> Referral:
    return Referral(
        id=row["id"],
        code=row["code"],
        created_at=optional_time(row["created_at"]) or datetime.min,
        adviser_key=row["adviser_key"],
        adviser_id=row["adviser_id"],
        adviser_name=row["adviser_name"],
        origin_conversation_id=row["origin_conversation_id"] or "",
        company_name=row["company_name"],
        business_id=row["business_id"],
        municipality=row["municipality"],
        stage=row["stage"],
        size=row["size"],
        service_id=row["service_id"],
        provider_id=row["provider_id"],
        other_provider=row["other_provider"],
        need_id=row["need_id"],
        need=row["need"],
        consent=bool(row["consent"]),
        status=row["status"],
        provider_answered_at=optional_time(row["provider_answered_at"]),
        first_contact_at=optional_time(row["first_contact_at"]),
        provider_conversation_id=row["provider_conversation_id"],
        search_id=row["search_id"],
        anonymised_at=optional_time(row["anonymised_at"]),
        deleted_at=optional_time(row["deleted_at"]),
    )


def new_code() -> str:
    """A fresh public code."""
    # One draw for the whole code, not one per letter: each draw reads the system's random source.
    number = secrets.randbelow(len(CODE_ALPHABET) ** CODE_LENGTH)
    letters = []
    for _ in range(CODE_LENGTH):
        number, digit = divmod(number, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[digit])
    return "".join(letters)


class Referrals:
    """The `referrals`, `referral_events` and `referral_channels` tables."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def create(
        self,
        draft: ReferralDraft,
        adviser: Actor,
        adviser_id: str,
        conversation_id: str,
        provider_conversation: str,
        submission: str | None = None,
    ) -> Referral:
        """Store a checked referral with its first history row; `provider_conversation` "" = no card sent.

        `submission` is the form's one-time key: a second create with it raises IntegrityError.
        """
        now = stored_now(self._clock)
        with self._db.transaction():
            code = new_code()
            while self._db.value("SELECT 1 FROM referrals WHERE code = ?", [code]) is not None:
                code = new_code()
            referral_id = self._db.insert(
                "INSERT INTO referrals (code, created_at, adviser_key, adviser_id, adviser_name,"
                " origin_conversation_id, company_name, business_id, municipality, stage, size, service_id,"
                " provider_id, other_provider, need_id, need, consent, status, provider_conversation_id, search_id,"
                " submission) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    code,
                    now,
                    adviser.key,
                    adviser_id,
                    adviser.name,
                    conversation_id,
                    draft.company,
                    draft.business_id or None,
                    draft.municipality,
                    draft.stage,
                    draft.size,
                    draft.service_id,
                    draft.provider_id,
                    draft.other_provider or None,
                    draft.need_id,
                    draft.need,
                    int(draft.consent),
                    SENT,
                    provider_conversation or None,
                    draft.search_id,
                    submission,
                ],
            )
            self._event(referral_id, adviser, None, SENT, None, now)
        created = self.get_by_id(referral_id)
        if created is None:  # written in this very transaction: only a broken database gets here
            raise LookupError(f"referral {referral_id} vanished after it was created")
        return created

    def _event(
        self, referral_id: int, actor: Actor, from_status: str | None, to_status: str, note: str | None, at: str
    ) -> None:
        self._db.execute(
            "INSERT INTO referral_events (referral_id, at, actor_key, actor_name, role, from_status, to_status, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [referral_id, at, actor.key, actor.name, actor.role, from_status, to_status, note],
        )

    def get(self, code: str) -> Referral | None:
        """One referral by its public code, or None."""
        row = self._db.one("SELECT * FROM referrals WHERE code = ?", [code.strip().upper()])
        return _referral(row) if row is not None else None

    def by_submission(self, submission: str) -> Referral | None:
        """The referral a form with this one-time key already logged, or None."""
        row = self._db.one("SELECT * FROM referrals WHERE submission = ?", [submission])
        return _referral(row) if row is not None else None

    def get_by_id(self, referral_id: int) -> Referral | None:
        """One referral by its internal id, or None."""
        row = self._db.one("SELECT * FROM referrals WHERE id = ?", [referral_id])
        return _referral(row) if row is not None else None

    def change_status(self, referral: Referral, to_status: str, actor: Actor, note: str | None = None) -> Referral:
        """Move to `to_status` with a history row; a provider's first answer is timed for the report."""
        now = stored_now(self._clock)
        with self._db.transaction():
            current = self._db.value("SELECT status FROM referrals WHERE id = ?", [referral.id])
            assignments, values = ["status = ?"], [to_status]
            if actor.role == "provider":
                assignments.append("provider_answered_at = COALESCE(provider_answered_at, ?)")
                values.append(now)
                if to_status == "contacting":
                    assignments.append("first_contact_at = COALESCE(first_contact_at, ?)")
                    values.append(now)
            self._db.execute(f"UPDATE referrals SET {', '.join(assignments)} WHERE id = ?", [*values, referral.id])
            self._event(referral.id, actor, current, to_status, note, now)
        changed = self.get_by_id(referral.id)
        return changed if changed is not None else referral

    def events(self, referral_id: int) -> list[ReferralEvent]:
        """The history, oldest first."""
        rows = self._db.all(
            "SELECT at, actor_key, actor_name, role, from_status, to_status, note FROM referral_events"
            " WHERE referral_id = ? ORDER BY id",
            [referral_id],
        )
        return [
            ReferralEvent(optional_time(at) or datetime.min, key, name or "", role, before, after, note)
            for at, key, name, role, before, after, note in rows
        ]

    def page(self, where: str, args: list[object], offset: int, limit: int) -> tuple[list[Referral], int]:
        """Referrals matching a condition of this module's callers, newest first, and how many match."""
        total = int(self._db.value(f"SELECT COUNT(*) FROM referrals WHERE {where}", args) or 0)
        rows = self._db.all(
            f"SELECT * FROM referrals WHERE {where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
        return [_referral(row) for row in rows], total

    def delete(self, referral: Referral, actor: Actor) -> None:
        """Remove the company details on request, keeping an audit row and what the report counts."""
        now = stored_now(self._clock)
        with self._db.transaction():
            self._db.execute(
                "UPDATE referrals SET company_name = NULL, business_id = NULL, need = NULL, other_provider = NULL,"
                " deleted_at = ?, deleted_by = ? WHERE id = ?",
                [now, actor.key, referral.id],
            )
            self._db.execute("UPDATE referral_events SET note = NULL WHERE referral_id = ?", [referral.id])
            self._event(referral.id, actor, referral.status, "deleted", None, now)

    def anonymise_before(self, cutoff: datetime) -> list[int]:
        """Clear the company details of referrals logged at or before `cutoff`; returns their ids."""
        now = stored_now(self._clock)
        stored_cutoff = to_stored_time(cutoff)
        with self._db.transaction():
            ids = [
                referral_id
                for (referral_id,) in self._db.all(
                    "SELECT id FROM referrals WHERE created_at <= ? AND anonymised_at IS NULL", [stored_cutoff]
                )
            ]
            self._db.execute(
                "UPDATE referral_events SET note = NULL WHERE note IS NOT NULL AND referral_id IN"
                " (SELECT id FROM referrals WHERE created_at <= ? AND anonymised_at IS NULL)",
                [stored_cutoff],
            )
            self._db.execute(
                "UPDATE referrals SET company_name = NULL, business_id = NULL, need = NULL, other_provider = NULL,"
                " anonymised_at = ? WHERE created_at <= ? AND anonymised_at IS NULL",
                [now, stored_cutoff],
            )
        return ids

    # ---- which conversation receives a provider's referrals --------------------------------

    def link_channel(self, provider_id: str, conversation_id: str, linked_by: str) -> None:
        """Send the provider's referrals to this conversation from now on."""
        self._db.execute(
            "INSERT INTO referral_channels (provider_id, conversation_id, linked_by, linked_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(provider_id) DO UPDATE SET conversation_id = excluded.conversation_id,"
            " linked_by = excluded.linked_by, linked_at = excluded.linked_at",
            [provider_id, conversation_id, linked_by, stored_now(self._clock)],
        )

    def unlink_channel(self, provider_id: str) -> bool:
        """Stop sending the provider's referrals to a conversation; False if none was linked."""
        return self._db.execute("DELETE FROM referral_channels WHERE provider_id = ?", [provider_id]) == 1

    def channels(self) -> dict[str, str]:
        """provider id -> conversation id of every stored link."""
        return {
            provider: conversation
            for provider, conversation in self._db.all(
                "SELECT provider_id, conversation_id FROM referral_channels ORDER BY provider_id"
            )
        }
