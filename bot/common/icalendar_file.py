"""An RFC 5545 calendar file for one event, with the Europe/Helsinki time zone spelled out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.common.helsinki_time import to_helsinki

# EU rules since 1996: +02 standard, +03 summer, changes at 01:00 UTC on the last Sundays of
# March and October (03:00 local in March, 04:00 local in October).
HELSINKI_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Helsinki",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "TZNAME:EEST",
    "DTSTART:19700329T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "TZNAME:EET",
    "DTSTART:19701025T040000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class CalendarEvent:
    """What goes into the file."""

    uid: str  # stable per event, so re-importing updates the same calendar entry
    title: str
    starts_at: datetime  # aware
    duration: timedelta
    description: str
    url: str
    sequence: int = 0  # raised on every change (reschedule, cancel)
    cancelled: bool = False


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    # Lines longer than 75 octets are folded with CRLF + space (RFC 5545 3.1), on character boundaries.
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return out


def _local(moment: datetime) -> str:
    return to_helsinki(moment).strftime("%Y%m%dT%H%M%S")


def calendar_file(event: CalendarEvent, now: datetime) -> bytes:
    """The .ics file's bytes (UTF-8, CRLF line ends)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kasvuopas//Etelä-Savon yrityspalvelut//FI",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if event.cancelled else 'PUBLISH'}",
        *HELSINKI_VTIMEZONE,
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTAMP:{now.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;TZID=Europe/Helsinki:{_local(event.starts_at)}",
        f"DTEND;TZID=Europe/Helsinki:{_local(event.starts_at + event.duration)}",
        f"SUMMARY:{_escape(event.title)}",
        f"DESCRIPTION:{_escape(event.description + chr(10) + chr(10) + event.url)}",
        f"LOCATION:{_escape('Microsoft Teams')}",
        f"URL:{event.url}",
        f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    folded = [part for line in lines for part in _fold(line)]
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")
