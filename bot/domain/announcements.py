"""Announcements (tiedotteet): checking the input, drafts, and their life from draft to sent."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.common.clock import Clock, optional_time, stored_now, to_stored_time
from bot.common.helsinki_time import TimeInputError, parse_local_datetime
from bot.domain.referral_store import new_code
from bot.storage.database import Database, Row

MAX_TITLE = 150
MAX_TEXT = 4000
MAX_LINKS = 3
MAX_LINK_TITLE = 80
MAX_URL = 1000
# The title, text and button titles as sent (JSON with every non-ASCII character escaped, an emoji 12
# bytes): 4,000 characters of Finnish fit easily, 4,000 emoji do not; the card and its preview stay
# under their size limit whatever the characters.
MAX_TEXT_BYTES = 10_000
MAX_CODE = 16  # longer than any code: anything longer is not looked up at all


@dataclass
class AnnouncementInput:
    """What a coordinator typed or filled in."""

    title: str = ""
    text: str = ""
    image_url: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (button title, https URL)
    send_at: str = ""  # empty = now; else "16.12.2026 09:00"

    def as_dict(self) -> dict[str, str]:
        """The values, for refilling the form."""
        values = {"title": self.title, "text": self.text, "image_url": self.image_url, "send_at": self.send_at}
        for index, (title, url) in enumerate(self.links, start=1):
            values[f"link{index}_title"] = title
            values[f"link{index}_url"] = url
        return values


@dataclass
class Announcement:
    """A stored announcement; `code` names it in card payloads, `id` stays internal."""

    id: int
    code: str
    status: str
    title: str
    text: str
    image_url: str
    links: list[tuple[str, str]]
    send_at: datetime | None
    targets: list[str]  # sent: where it went; a draft: the chosen channels
    created_by: str
    report_conversation_id: str
    report_activity_id: str
    report_reference: dict[str, Any]


def parse_quick(args: list[str]) -> AnnouncementInput:
    """`Otsikko ; teksti` (the text may itself contain semicolons)."""
    title = args[0] if args else ""
    return AnnouncementInput(title=title, text=" ; ".join(args[1:]).strip())


def from_form(values: dict[str, Any]) -> AnnouncementInput:
    """The form's inputs as an AnnouncementInput."""
    links = []
    for index in range(1, MAX_LINKS + 1):
        title = str(values.get(f"link{index}_title") or "").strip()
        url = str(values.get(f"link{index}_url") or "").strip()
        if title or url:
            links.append((title, url))
    return AnnouncementInput(
        title=str(values.get("title") or ""),
        text=str(values.get("text") or ""),
        image_url=str(values.get("image_url") or "").strip(),
        links=links,
        send_at=str(values.get("send_at") or "").strip(),
    )


def check(values: AnnouncementInput, now: datetime) -> tuple[datetime | None, dict[str, str]]:
    """The send time (None = now) and the problems per field as message keys."""
    errors: dict[str, str] = {}
    if not values.title.strip():
        errors["title"] = "announcement.error.title_missing"
    elif len(values.title) > MAX_TITLE:
        errors["title"] = "announcement.error.title_long"
    if not values.text.strip():
        errors["text"] = "announcement.error.text_missing"
    elif len(values.text) > MAX_TEXT:
        errors["text"] = "announcement.error.text_long"
    elif len(json.dumps([values.title, values.text, *(title for title, _ in values.links)])) > MAX_TEXT_BYTES:
        errors["text"] = "announcement.error.too_big"
    if values.image_url and (not values.image_url.startswith("https://") or len(values.image_url) > MAX_URL):
        errors["image_url"] = "announcement.error.image_url"
    for index, (title, url) in enumerate(values.links, start=1):
        if (
            not title
            or len(title) > MAX_LINK_TITLE
            or not url.startswith("https://")
            or " " in url
            or len(url) > MAX_URL
        ):
            errors[f"link{index}_url"] = "announcement.error.link"
    send_at = None
    if values.send_at:
        try:
            send_at = parse_local_datetime(values.send_at, now)
            if send_at <= now:
                errors["send_at"] = "announcement.error.send_at_past"
        except TimeInputError:
            errors["send_at"] = "announcement.error.send_at"
    return send_at, errors


def _row(row: Row) -> Announcement:
    return Announcement(
        id=row["id"],
        code=row["code"],
        status=row["status"],
        title=row["title"],
        text=row["text"],
        image_url=row["image_url"] or "",
        links=[tuple(link) for link in json.loads(row["links_json"] or "[]")],
        send_at=optional_time(row["send_at"]),
        targets=json.loads(row["targets_json"] or "[]"),
        created_by=row["created_by"] or "",
        report_conversation_id=row["report_conversation_id"] or "",
        report_activity_id=row["report_activity_id"] or "",
        report_reference=json.loads(row["report_reference_json"] or "{}"),
    )


class Announcements:
    """The `announcements` table."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def create_draft(self, values: AnnouncementInput, send_at: datetime | None, created_by: str) -> int:
        """Store a checked announcement as a draft with a fresh public code; returns its id."""
        with self._db.transaction():
            code = new_code()
            while self._db.value("SELECT 1 FROM announcements WHERE code = ?", [code]) is not None:
                code = new_code()
            return self._insert_draft(code, values, send_at, created_by)

    def _insert_draft(self, code: str, values: AnnouncementInput, send_at: datetime | None, created_by: str) -> int:
        return self._db.insert(
            "INSERT INTO announcements (code, status, title, text, image_url, links_json, targets_json, send_at,"
            " created_by, created_at, report_conversation_id, report_activity_id, report_reference_json)"
            " VALUES (?, 'draft', ?, ?, ?, ?, '[]', ?, ?, ?, '', '', '')",
            [
                code,
                values.title.strip(),
                values.text.strip(),
                values.image_url,
                json.dumps(values.links, ensure_ascii=False),
                to_stored_time(send_at) if send_at else None,
                created_by,
                stored_now(self._clock),
            ],
        )

    def get(self, announcement_id: int) -> Announcement | None:
        """One announcement by its internal id, or None."""
        row = self._db.one("SELECT * FROM announcements WHERE id = ?", [announcement_id])
        return _row(row) if row is not None else None

    def get_by_code(self, code: str) -> Announcement | None:
        """One announcement by its public code, or None."""
        code = code.strip().upper()
        if not code or len(code) > MAX_CODE:
            return None
        row = self._db.one("SELECT * FROM announcements WHERE code = ?", [code])
        return _row(row) if row is not None else None

    def choose_targets(self, announcement_id: int, targets: list[str]) -> None:
        """Remember the channels chosen for a draft (sending to "chosen channels" uses them)."""
        self._db.execute(
            "UPDATE announcements SET targets_json = ? WHERE id = ? AND status = 'draft'",
            [json.dumps(targets), announcement_id],
        )

    def start_sending(self, announcement_id: int, targets: list[str], scheduled: bool) -> bool:
        """Move a draft to scheduled/sending with its targets; False if it is no longer a draft."""
        changed = self._db.execute(
            "UPDATE announcements SET status = ?, targets_json = ? WHERE id = ? AND status = 'draft'",
            ["scheduled" if scheduled else "sending", json.dumps(targets), announcement_id],
        )
        return changed == 1

    def set_status(self, announcement_id: int, status: str) -> None:
        """Record a new status (sending, sent, cancelled)."""
        self._db.execute("UPDATE announcements SET status = ? WHERE id = ?", [status, announcement_id])

    def set_report_message(
        self, announcement_id: int, conversation_id: str, activity_id: str, reference: dict[str, Any]
    ) -> None:
        """Remember where the coordinator's delivery report card is, to update it in place."""
        self._db.execute(
            "UPDATE announcements SET report_conversation_id = ?, report_activity_id = ?, report_reference_json = ?"
            " WHERE id = ?",
            [conversation_id, activity_id, json.dumps(reference, ensure_ascii=False), announcement_id],
        )
