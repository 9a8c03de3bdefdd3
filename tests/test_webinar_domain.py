"""Webinar rules without Teams: checking input, Helsinki time across DST, recurrence, calendar files, links."""

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from bot.common.helsinki_time import every_other_week, format_time, parse_local_datetime
from bot.common.icalendar_file import CalendarEvent, calendar_file
from bot.common.signed_links import SignedLinks
from bot.domain.webinars import WebinarInput, check, parse_quick

NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0"


def test_quick_syntax_makes_a_draft_in_helsinki_time():
    draft, errors = check(parse_quick(["Tietoisku: EURES", "16.12.2026 14:00", "EURES-neuvoja", JOIN]), NOW)
    assert errors == {}
    assert draft.starts == [datetime(2026, 12, 16, 12, 0, tzinfo=UTC)]  # 14.00 EET = 12.00 UTC
    assert format_time(draft.starts[0]) == "ke 16.12.2026 klo 14.00"
    assert format_time(draft.starts[0], "en") == "Wed 16.12.2026 at 14.00"


@pytest.mark.parametrize(
    ("values", "field", "key"),
    [
        (WebinarInput(title="", start="16.12.2026 14:00", join_url=JOIN), "title", "title_missing"),
        (WebinarInput(title="X", start="huomenna", join_url=JOIN), "start", "date_time_format"),
        (WebinarInput(title="X", start="31.2.2027 14:00", join_url=JOIN), "start", "date_time_invalid"),
        (WebinarInput(title="X", start="1.11.2026 14:00", join_url=JOIN), "start", "start_past"),
        (WebinarInput(title="X", start="28.3.2027 03:30", join_url=JOIN), "start", "date_time_skipped"),
        (WebinarInput(title="X", start="16.12.2026 14:00", join_url="http://x.example"), "join_url", "join_url"),
        (WebinarInput(title="X", start="16.12.2026 14:00", join_url=JOIN, duration="2"), "duration", "duration"),
        (
            WebinarInput(title="X", start="16.12.2026 14:00", join_url=JOIN, repeat_until="17.12.2026"),
            "repeat_until",
            "repeat_short",
        ),
    ],
)
def test_bad_input_names_the_field_to_fix(values, field, key):
    draft, errors = check(values, NOW)
    assert draft is None
    assert errors[field] == f"webinar.error.{key}"


def test_every_other_wednesday_keeps_the_wall_clock_across_both_dst_changes():
    spring = every_other_week(parse_local_datetime("18.3.2027 14:00", NOW), date(2027, 4, 15))
    assert [format_time(t) for t in spring] == [
        "to 18.3.2027 klo 14.00",
        "to 1.4.2027 klo 14.00",
        "to 15.4.2027 klo 14.00",
    ]
    assert [t.hour for t in spring] == [12, 11, 11]  # UTC: +02 before the last Sunday of March, +03 after
    autumn = every_other_week(
        parse_local_datetime("21.10.2026 14:00", datetime(2026, 10, 1, tzinfo=UTC)), date(2026, 11, 4)
    )
    assert [t.hour for t in autumn] == [11, 12]  # EEST before 25.10.2026, EET after
    assert all(format_time(t).endswith("klo 14.00") for t in autumn)


def test_the_calendar_file_parses_with_the_right_times_and_a_stable_uid():
    event = CalendarEvent(
        uid="webinar-7@kasvuopas",
        title="Tietoisku; Finnvera, takaukset",
        starts_at=datetime(2027, 3, 31, 11, 0, tzinfo=UTC),
        duration=timedelta(minutes=45),
        description="Esittäjä: Finnveran asiantuntija\nKysymyksiä saa esittää.",
        url=JOIN,
    )
    calendar = icalendar.Calendar.from_ical(calendar_file(event, NOW))
    timezone = calendar.walk("VTIMEZONE")[0]
    assert timezone["TZID"] == "Europe/Helsinki"
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["UID"]) == "webinar-7@kasvuopas"
    assert str(vevent["SUMMARY"]) == "Tietoisku; Finnvera, takaukset"
    start = vevent.decoded("DTSTART")
    assert start.astimezone(UTC) == datetime(2027, 3, 31, 11, 0, tzinfo=UTC)
    assert start.utcoffset() == timedelta(hours=3)  # summer time
    assert vevent.decoded("DTEND") - start == timedelta(minutes=45)
    assert JOIN in str(vevent["DESCRIPTION"]) and str(vevent["URL"]) == JOIN


def test_signed_links_expire_and_cannot_be_moved_to_another_resource():
    links = SignedLinks(b"0123456789abcdef0123", "http://127.0.0.1:3978")
    url = links.url("/webinars/7.ics", NOW, timedelta(hours=24))
    query = dict(part.split("=", 1) for part in url.split("?", 1)[1].split("&"))
    assert links.verify("/webinars/7.ics", query["exp"], query["sig"], NOW)
    assert not links.verify("/webinars/8.ics", query["exp"], query["sig"], NOW)
    assert not links.verify("/webinars/7.ics", query["exp"], query["sig"], NOW + timedelta(hours=25))
    assert not links.verify("/webinars/7.ics", str(int(query["exp"]) + 60), query["sig"], NOW)
    assert not links.verify("/webinars/7.ics", None, None, NOW)
