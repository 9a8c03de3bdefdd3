"""Helsinki working days over 2026-2027: Finnish holidays, the weekend-start rule, daylight saving."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from bot.common.helsinki_time import HELSINKI, to_helsinki
from bot.common.working_days import add_working_days, is_working_day, next_working_day


def helsinki(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """A Helsinki wall-clock time as aware UTC, the form the bot passes around."""
    return datetime(year, month, day, hour, minute, tzinfo=HELSINKI).astimezone(UTC)


DAYS_OFF_ON_WEEKDAYS = [
    date(2026, 1, 1),  # New Year's Day, Thu
    date(2026, 1, 6),  # Epiphany, Tue
    date(2026, 4, 3),  # Good Friday
    date(2026, 4, 6),  # Easter Monday
    date(2026, 5, 1),  # May Day, Fri
    date(2026, 5, 14),  # Ascension Day, Thu
    date(2026, 6, 19),  # Midsummer Eve, Fri
    date(2026, 12, 24),  # Christmas Eve, Thu
    date(2026, 12, 25),  # Christmas Day, Fri
    date(2027, 1, 1),  # New Year's Day, Fri
    date(2027, 1, 6),  # Epiphany, Wed
    date(2027, 3, 26),  # Good Friday
    date(2027, 3, 29),  # Easter Monday
    date(2027, 5, 6),  # Ascension Day, Thu
    date(2027, 6, 25),  # Midsummer Eve, Fri
    date(2027, 12, 6),  # Independence Day, Mon
    date(2027, 12, 24),  # Christmas Eve, Fri
]
WEEKEND_DAYS = [
    date(2026, 4, 4),  # Holy Saturday
    date(2026, 4, 5),  # Easter Sunday
    date(2026, 5, 24),  # Pentecost
    date(2026, 6, 20),  # Midsummer Day, Sat
    date(2026, 10, 31),  # All Saints' Day, Sat
    date(2026, 12, 6),  # Independence Day, Sun
    date(2026, 12, 26),  # Boxing Day, Sat
    date(2027, 5, 1),  # May Day, Sat
    date(2027, 11, 6),  # All Saints' Day, Sat
    date(2027, 12, 26),  # Boxing Day, Sun
]
ORDINARY_WORKING_DAYS = [
    date(2026, 4, 2),  # Maundy Thursday is a working day
    date(2026, 4, 7),
    date(2026, 4, 30),  # May Day Eve
    date(2026, 5, 15),  # the Friday after Ascension ("bridge day") is not a day off
    date(2026, 6, 18),
    date(2026, 6, 22),
    date(2026, 10, 30),  # the Friday before All Saints' Day
    date(2026, 12, 7),  # Independence Day falls on a Sunday: no day off in lieu
    date(2026, 12, 23),
    date(2026, 12, 28),
    date(2026, 12, 31),  # New Year's Eve
    date(2027, 1, 5),
    date(2027, 12, 27),
]


@pytest.mark.parametrize("day", DAYS_OFF_ON_WEEKDAYS + WEEKEND_DAYS)
def test_holidays_and_weekends_are_not_working_days(day):
    assert not is_working_day(day)


@pytest.mark.parametrize("day", ORDINARY_WORKING_DAYS)
def test_ordinary_weekdays_are_working_days(day):
    assert is_working_day(day)


def test_a_plain_week_has_five_working_days():
    monday = date(2026, 11, 16)
    assert [is_working_day(monday + timedelta(days=n)) for n in range(7)] == [True] * 5 + [False] * 2


def test_next_working_day():
    assert next_working_day(date(2026, 12, 7)) == date(2026, 12, 7)
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 28)
    assert next_working_day(date(2026, 4, 3)) == date(2026, 4, 7)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # three days: a plain week, and one across May Day (Fri 1.5.2026)
        (helsinki(2026, 11, 16), 3, helsinki(2026, 11, 19)),
        (helsinki(2026, 4, 30), 3, helsinki(2026, 5, 6)),
        # Easter 2026: Thursday to the Tuesday after Easter Monday
        (helsinki(2026, 4, 2), 1, helsinki(2026, 4, 7)),
        # Ascension Day Thu 14.5.2026
        (helsinki(2026, 5, 13), 1, helsinki(2026, 5, 15)),
        # Midsummer Eve Fri 19.6.2026
        (helsinki(2026, 6, 18), 1, helsinki(2026, 6, 22)),
        # Independence Day on a Sunday changes nothing
        (helsinki(2026, 12, 4), 1, helsinki(2026, 12, 7)),
        # Christmas week 2026 and New Year: 24, 25 Dec and 1 Jan are off, 6 Jan 2027 too
        (helsinki(2026, 12, 23), 1, helsinki(2026, 12, 28)),
        (helsinki(2026, 12, 23), 5, helsinki(2027, 1, 4)),
        (helsinki(2026, 12, 23), 7, helsinki(2027, 1, 7)),
        # the 14-working-day follow-up
        (helsinki(2026, 12, 7), 14, helsinki(2026, 12, 29)),
        (helsinki(2026, 4, 1, 10, 30), 14, helsinki(2026, 4, 23, 10, 30)),
        # Easter 2027 (Good Friday 26.3, Easter Monday 29.3)
        (helsinki(2027, 3, 25), 1, helsinki(2027, 3, 30)),
    ],
)
def test_adding_working_days(start, days, expected):
    result = add_working_days(start, days)
    assert result == expected
    assert result.tzinfo is UTC


def test_the_autumn_clock_change_keeps_nine_o_clock_helsinki_time():
    start = datetime(2026, 10, 22, 6, 0, tzinfo=UTC)  # Thu 09.00 summer time (UTC+3)
    result = add_working_days(start, 3)  # Fri, Mon, Tue; clocks go back on Sun 25.10.2026
    assert result == datetime(2026, 10, 27, 7, 0, tzinfo=UTC)  # 09.00 winter time (UTC+2)
    assert (to_helsinki(result).hour, to_helsinki(result).minute) == (9, 0)


def test_the_spring_clock_change_keeps_nine_o_clock_helsinki_time():
    start = datetime(2027, 3, 25, 7, 0, tzinfo=UTC)  # Thu 09.00 winter time; clocks go forward on Easter Sunday
    assert add_working_days(start, 1) == datetime(2027, 3, 30, 6, 0, tzinfo=UTC)


def test_zero_days_from_a_working_day_is_the_start_itself():
    start = helsinki(2026, 12, 16, 14, 37)
    assert add_working_days(start, 0) == start


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # a weekend or a day off counts from the next working day, which is day 0
        (helsinki(2026, 11, 21, 15, 0), 0, helsinki(2026, 11, 23, 15, 0)),  # Sat -> Mon
        (helsinki(2026, 11, 21, 15, 0), 1, helsinki(2026, 11, 24, 15, 0)),  # Sat -> Tue
        (helsinki(2026, 11, 22, 15, 0), 1, helsinki(2026, 11, 24, 15, 0)),  # Sun -> Tue
        (helsinki(2026, 11, 20, 15, 0), 1, helsinki(2026, 11, 23, 15, 0)),  # Fri -> Mon, for comparison
        (helsinki(2026, 4, 3), 0, helsinki(2026, 4, 7)),  # Good Friday -> Tue after Easter
        (helsinki(2026, 4, 3), 1, helsinki(2026, 4, 8)),
        (helsinki(2026, 6, 20), 1, helsinki(2026, 6, 23)),  # Midsummer Day
        (helsinki(2026, 12, 24, 16, 0), 3, helsinki(2026, 12, 31, 16, 0)),  # Christmas Eve
    ],
)
def test_a_start_on_a_day_off_counts_from_the_next_working_day(start, days, expected):
    assert add_working_days(start, days) == expected


def test_the_helsinki_date_decides_not_the_utc_date():
    start = datetime(2026, 12, 4, 22, 30, tzinfo=UTC)  # Fri in UTC, but Sat 5.12 00.30 in Helsinki
    assert add_working_days(start, 1) == helsinki(2026, 12, 8, 0, 30)  # day 0 Mon 7.12, then Tue


def test_a_start_in_the_repeated_autumn_hour_lands_on_the_same_time_monday():
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 03.30 summer time
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 03.30 again, winter time
    assert add_working_days(first, 0) == add_working_days(second, 0) == helsinki(2026, 10, 26, 3, 30)


def test_any_time_zone_in_and_utc_out():
    start = datetime(2026, 12, 16, 9, 0, tzinfo=timezone(timedelta(hours=-5)))  # 16.00 in Helsinki
    result = add_working_days(start, 1)
    assert result == helsinki(2026, 12, 17, 16, 0)
    assert result.tzinfo is UTC


def test_naive_times_and_negative_days_are_refused():
    with pytest.raises(ValueError, match="naive"):
        add_working_days(datetime(2026, 12, 16, 9, 0), 1)
    with pytest.raises(ValueError, match="negative"):
        add_working_days(helsinki(2026, 12, 16), -1)
