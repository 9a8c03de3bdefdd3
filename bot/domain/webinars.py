"""Webinars (`webinaari`, alias `tietoisku`): drafts from quick syntax or a form, publishing, attendance, changes."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from bot.common.clock import Clock, from_stored_time, stored_now, to_stored_time
from bot.common.helsinki_time import TimeInputError, every_other_week, parse_local_date, parse_local_datetime
from bot.domain.referral_store import new_code
from bot.storage.database import Database, Row, as_dict

MAX_TITLE = 120
MAX_DESCRIPTION = 2000
MAX_NAME = 120  # presenter, organisation
MAX_URL = 1000
# The texts as sent (JSON with every non-ASCII character escaped, an emoji 12 bytes): the card and its
# preview stay well under their size limit whatever the characters.
MAX_TEXT_BYTES = 8000
MAX_CODE = 16  # longer than any code: anything longer is not looked up at all
DEFAULT_DURATION = 45
MAX_DURATION = 8 * 60
TEAMS_PREFIX = "https://"
# What `Webinars.change` may set; everything else is fixed once created.
_CHANGEABLE = frozenset({"status", "starts_at", "recording_url", "title", "description", "presenter", "join_url"})


@dataclass
class WebinarInput:
    """What a coordinator typed or filled in, before it is checked."""

    title: str = ""
    start: str = ""  # "16.12.2026 14:00"
    presenter: str = ""
    organisation: str = ""
    join_url: str = ""
    duration: str = ""
    description: str = ""
    repeat_until: str = ""  # every other week until this date (empty = once)

    def as_dict(self) -> dict[str, str]:
        """The values, for refilling the form."""
        return dict(vars(self))


@dataclass
class WebinarDraft:
    """A checked webinar (or a series of them), ready to preview."""

    title: str
    starts: list[datetime]  # aware UTC, one per occurrence
    presenter: str
    organisation: str
    join_url: str
    duration_min: int
    description: str


@dataclass
class Webinar:
    """A stored webinar; `code` names it in card payloads and commands, `id` stays internal."""

    id: int
    code: str
    series_key: str
    status: str
    title: str
    organisation: str
    presenter: str
    starts_at: datetime
    duration_min: int
    join_url: str
    description: str
    recording_url: str
    sequence: int
    service_ids: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)  # published: where it went; a draft: the chosen channels
    created_by: str = ""

    @property
    def ends_at(self) -> datetime:
        """When it is over."""
        return self.starts_at + timedelta(minutes=self.duration_min)


def parse_quick(args: list[str]) -> WebinarInput:
    """`Otsikko ; 16.12.2026 14:00 ; Esittäjä ; https://…` as form values (not yet checked)."""
    padded = [*args, "", "", "", ""]
    return WebinarInput(title=padded[0], start=padded[1], presenter=padded[2], join_url=padded[3])


def check(values: WebinarInput, now: datetime) -> tuple[WebinarDraft | None, dict[str, str]]:
    """The draft, or the problems per field as message keys (the form keeps the values)."""
    errors: dict[str, str] = {}
    title = values.title.strip()
    if not title:
        errors["title"] = "webinar.error.title_missing"
    elif len(title) > MAX_TITLE:
        errors["title"] = "webinar.error.title_long"
    start: datetime | None = None
    try:
        start = parse_local_datetime(values.start, now)
        if start <= now:
            errors["start"] = "webinar.error.start_past"
    except TimeInputError as error:
        errors["start"] = f"webinar.error.{error}"
    join_url = values.join_url.strip()
    if not join_url.startswith(TEAMS_PREFIX) or " " in join_url or not 12 <= len(join_url) <= MAX_URL:
        errors["join_url"] = "webinar.error.join_url"
    for name in ("presenter", "organisation"):
        if len(getattr(values, name).strip()) > MAX_NAME:
            errors[name] = "webinar.error.name_long"
    duration = DEFAULT_DURATION
    if values.duration.strip():
        if not values.duration.strip().isdigit() or not 5 <= int(values.duration) <= MAX_DURATION:
            errors["duration"] = "webinar.error.duration"
        else:
            duration = int(values.duration)
    if len(values.description) > MAX_DESCRIPTION:
        errors["description"] = "webinar.error.description_long"
    elif len(json.dumps([title, values.presenter, values.organisation, values.description])) > MAX_TEXT_BYTES:
        errors["description"] = "webinar.error.too_big"
    starts = [start] if start else []
    if values.repeat_until.strip() and start is not None:
        try:
            until: date = parse_local_date(values.repeat_until, now)
            starts = every_other_week(start, until)
            if len(starts) < 2:
                errors["repeat_until"] = "webinar.error.repeat_short"
        except TimeInputError:
            errors["repeat_until"] = "webinar.error.repeat_until"
    if errors or start is None:
        return None, errors
    draft = WebinarDraft(
        title=title,
        starts=starts,
        presenter=values.presenter.strip(),
        organisation=values.organisation.strip(),
        join_url=join_url,
        duration_min=duration,
        description=values.description.strip(),
    )
    return draft, {}


def _row_to_webinar(row: Row) -> Webinar:
    return Webinar(
        id=row["id"],
        code=row["code"],
        series_key=row["series_key"] or "",
        status=row["status"],
        title=row["title"],
        organisation=row["organisation"] or "",
        presenter=row["presenter"] or "",
        starts_at=from_stored_time(row["starts_at"]),
        duration_min=row["duration_min"],
        join_url=row["join_url"],
        description=row["description"] or "",
        recording_url=row["recording_url"] or "",
        sequence=row["sequence"] or 0,
        service_ids=json.loads(row["service_ids_json"] or "[]"),
        targets=json.loads(row["targets_json"] or "[]"),
        created_by=row["created_by"] or "",
    )


class Webinars:
    """The `webinars` and `webinar_attendance` tables."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def create_drafts(self, draft: WebinarDraft, created_by: str) -> list[int]:
        """Store a draft (one row per occurrence of a series, each with its public code); returns their ids."""
        series = uuid.uuid4().hex[:12]
        ids = []
        now = stored_now(self._clock)
        with self._db.transaction():
            for start in draft.starts:
                code = new_code()
                while self._db.value("SELECT 1 FROM webinars WHERE code = ?", [code]) is not None:
                    code = new_code()
                ids.append(
                    self._db.insert(
                        "INSERT INTO webinars (code, series_key, status, title, organisation, presenter, starts_at,"
                        " duration_min, join_url, description, recording_url, service_ids_json, targets_json,"
                        " sequence, created_by, created_at, updated_at)"
                        " VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, '', '[]', '[]', 0, ?, ?, ?)",
                        [
                            code,
                            series,
                            draft.title,
                            draft.organisation,
                            draft.presenter,
                            to_stored_time(start),
                            draft.duration_min,
                            draft.join_url,
                            draft.description,
                            created_by,
                            now,
                            now,
                        ],
                    )
                )
        return ids

    def get(self, webinar_id: int) -> Webinar | None:
        """One webinar by its internal id, or None."""
        row = self._db.one("SELECT * FROM webinars WHERE id = ?", [webinar_id])
        return _row_to_webinar(row) if row is not None else None

    def get_by_code(self, code: str) -> Webinar | None:
        """One webinar by its public code (as typed: case and spaces do not matter), or None."""
        code = code.strip().upper()
        if not code or len(code) > MAX_CODE:
            return None
        row = self._db.one("SELECT * FROM webinars WHERE code = ?", [code])
        return _row_to_webinar(row) if row is not None else None

    def choose_targets(self, webinar_id: int, targets: list[str]) -> None:
        """Remember the channels chosen for a draft series (publishing to "chosen channels" uses them)."""
        first = self.get(webinar_id)
        if first is not None:
            self._db.execute(
                "UPDATE webinars SET targets_json = ? WHERE series_key = ? AND status = 'draft'",
                [json.dumps(targets), first.series_key],
            )

    def series(self, webinar_id: int) -> list[Webinar]:
        """Every webinar of the same series (just the one for a single webinar)."""
        first = self.get(webinar_id)
        if first is None:
            return []
        rows = self._db.all("SELECT * FROM webinars WHERE series_key = ? ORDER BY starts_at", [first.series_key])
        return [_row_to_webinar(row) for row in rows]

    def publish(self, webinar_id: int, targets: list[str]) -> list[Webinar]:
        """Mark a draft series published to `targets`; returns the webinars (empty if not a draft)."""
        drafts = [w for w in self.series(webinar_id) if w.status == "draft"]
        with self._db.transaction():
            for webinar in drafts:
                self._db.execute(
                    "UPDATE webinars SET status = 'published', targets_json = ?, updated_at = ? WHERE id = ?",
                    [json.dumps(targets), stored_now(self._clock), webinar.id],
                )
        return [replace(webinar, status="published", targets=list(targets)) for webinar in drafts]

    def upcoming(self, now: datetime, limit: int = 10) -> list[Webinar]:
        """Published webinars that have not ended, soonest first."""
        rows = self._db.all(
            "SELECT * FROM webinars WHERE status = 'published' AND starts_at >= ? ORDER BY starts_at LIMIT ?",
            [to_stored_time(now - timedelta(hours=MAX_DURATION // 60)), limit * 2],
        )
        return [w for w in map(_row_to_webinar, rows) if w.ends_at >= now][:limit]

    def set_attending(
        self, webinar_id: int, user_aad_id: str, user_id: str, user_name: str, conversation_id: str, attending: bool
    ) -> None:
        """Record a yes/no; a later answer replaces the earlier one."""
        self._db.execute(
            "INSERT INTO webinar_attendance (webinar_id, user_aad_id, user_id, user_name, conversation_id,"
            " attending, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(webinar_id, user_aad_id) DO UPDATE"
            " SET attending = excluded.attending, user_name = excluded.user_name, updated_at = excluded.updated_at",
            [webinar_id, user_aad_id, user_id, user_name, conversation_id, int(attending), stored_now(self._clock)],
        )

    def attending_count(self, webinar_id: int) -> int:
        """How many said they attend."""
        return int(
            self._db.value(
                "SELECT COUNT(*) FROM webinar_attendance WHERE webinar_id = ? AND attending = 1", [webinar_id]
            )
        )

    def answer_of(self, webinar_id: int, user_aad_id: str) -> bool | None:
        """The user's answer, or None if they have not answered."""
        attending = self._db.value(
            "SELECT attending FROM webinar_attendance WHERE webinar_id = ? AND user_aad_id = ?",
            [webinar_id, user_aad_id],
        )
        return None if attending is None else bool(attending)

    def recent_answerer_ids(self, webinar_id: int, limit: int = 60) -> list[str]:
        """Teams ids of the latest people to answer (the posted card asks Teams for their own view)."""
        rows = self._db.all(
            "SELECT user_id FROM webinar_attendance WHERE webinar_id = ? AND user_id != ''"
            " ORDER BY updated_at DESC LIMIT ?",
            [webinar_id, limit],
        )
        return [user_id for (user_id,) in rows]

    def attendees(self, webinar_id: int) -> list[dict[str, Any]]:
        """Everyone who said they attend (ids, names and where they answered)."""
        rows = self._db.all(
            "SELECT * FROM webinar_attendance WHERE webinar_id = ? AND attending = 1 ORDER BY user_name", [webinar_id]
        )
        return [as_dict(row) for row in rows]

    def change(self, webinar_id: int, **values: Any) -> Webinar | None:
        """Update fields (status, starts_at, recording_url …) and raise the calendar sequence."""
        webinar = self.get(webinar_id)
        if webinar is None:
            return None
        unknown = set(values) - _CHANGEABLE
        if unknown:
            raise ValueError(f"webinar fields that cannot be changed: {sorted(unknown)}")
        if isinstance(values.get("starts_at"), datetime):
            values["starts_at"] = to_stored_time(values["starts_at"])
        assignments = ", ".join(f"{column} = ?" for column in values)
        self._db.execute(
            f"UPDATE webinars SET {assignments}, sequence = ?, updated_at = ? WHERE id = ?",
            [*values.values(), webinar.sequence + 1, stored_now(self._clock), webinar_id],
        )
        return self.get(webinar_id)

    def set_services(self, webinar_id: int, service_ids: list[str]) -> None:
        """Record which knowledge-base services the webinar is about (for pointing the finder at it)."""
        self._db.execute("UPDATE webinars SET service_ids_json = ? WHERE id = ?", [json.dumps(service_ids), webinar_id])

    def recordings_for(self, service_ids: set[str], now: datetime) -> list[Webinar]:
        """Past webinars with a recording about any of these knowledge-base services, newest first."""
        rows = self._db.all(
            "SELECT * FROM webinars WHERE status = 'published' AND recording_url != '' AND starts_at < ?"
            " ORDER BY starts_at DESC",
            [to_stored_time(now)],
        )
        return [w for w in map(_row_to_webinar, rows) if service_ids & set(w.service_ids)]
