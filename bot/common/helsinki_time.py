"""Times as the network reads and writes them: Europe/Helsinki on screen, UTC in the database."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
WEEKDAYS = {"fi": ("ma", "ti", "ke", "to", "pe", "la", "su"), "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
_DATE_TIME = re.compile(
    r"^(?:[a-zåäö]{2,3}\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})?\s*(?:klo\s*|at\s*)?(\d{1,2})[:.](\d{2})$", re.IGNORECASE
)
_DATE = re.compile(r"^(?:[a-zåäö]{2,3}\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})?$", re.IGNORECASE)


class TimeInputError(ValueError):
    """The text is not a date and time we can read; the message says what form to use."""


def to_utc(local: datetime) -> datetime:
    """A naive Helsinki wall-clock time as an aware UTC time (DST-aware)."""
    return local.replace(tzinfo=HELSINKI).astimezone(UTC)


def to_helsinki(moment: datetime) -> datetime:
    """An aware time in Helsinki."""
    return moment.astimezone(HELSINKI)


def exists_in_helsinki(local: datetime) -> bool:
    """False for wall-clock times skipped by the spring-forward change (e.g. 03:30 on the last Sunday of March)."""
    aware = local.replace(tzinfo=HELSINKI)
    return aware.astimezone(UTC).astimezone(HELSINKI).replace(tzinfo=None) == local


def format_time(moment: datetime, language: str = "fi") -> str:
    """`ke 10.12.2026 klo 14.00` (Finnish) or `Wed 10.12.2026 at 14.00` (English)."""
    local = to_helsinki(moment)
    day = WEEKDAYS["en" if language == "en" else "fi"][local.weekday()]
    joiner = "at" if language == "en" else "klo"
    return f"{day} {local.day}.{local.month}.{local.year} {joiner} {local.hour}.{local.minute:02d}"


def format_date(day: date, language: str = "fi") -> str:
    """`ke 10.12.2026`."""
    return f"{WEEKDAYS['en' if language == 'en' else 'fi'][day.weekday()]} {day.day}.{day.month}.{day.year}"


def parse_local_datetime(text: str, now: datetime) -> datetime:
    """Read `16.12.2026 14:00` (also `klo 14.00`, a weekday first, or no year = the next such date)
    as Helsinki time; returns an aware UTC datetime. Raises TimeInputError with a usable message."""
    match = _DATE_TIME.match(text.strip())
    if not match:
        raise TimeInputError("date_time_format")
    day, month, year, hour, minute = match.groups()
    local_now = to_helsinki(now)
    try:
        candidate = datetime(int(year or local_now.year), int(month), int(day), int(hour), int(minute))
    except ValueError as error:
        raise TimeInputError("date_time_invalid") from error
    if year is None and to_utc(candidate) < now:
        candidate = candidate.replace(year=candidate.year + 1)
    if not exists_in_helsinki(candidate):
        raise TimeInputError("date_time_skipped")
    return to_utc(candidate)


def parse_local_date(text: str, now: datetime) -> date:
    """Read `31.3.2027` (or `31.3.` = the next such date) as a calendar date."""
    match = _DATE.match(text.strip())
    if not match:
        raise TimeInputError("date_format")
    day, month, year = match.groups()
    local_today = to_helsinki(now).date()
    try:
        result = date(int(year or local_today.year), int(month), int(day))
    except ValueError as error:
        raise TimeInputError("date_invalid") from error
    if year is None and result < local_today:
        result = result.replace(year=result.year + 1)
    return result


def every_other_week(first: datetime, until: date, limit: int = 60) -> list[datetime]:
    """The first time and the same Helsinki wall-clock time every 14 days until `until` (inclusive),
    each converted to UTC on its own so that 14.00 stays 14.00 across daylight-saving changes."""
    local = to_helsinki(first).replace(tzinfo=None)
    times: list[datetime] = []
    while local.date() <= until and len(times) < limit:
        times.append(to_utc(local))
        local += timedelta(days=14)
    return times


def combine_local(day: date, clock: time) -> datetime:
    """A Helsinki calendar day and wall-clock time as aware UTC."""
    return to_utc(datetime.combine(day, clock))
