"""Working days in Helsinki: Monday to Friday, less Finnish public holidays and the customary days off.

The days off come from the `holidays` package (`holidays.Finland`, its default public category), which already
includes Midsummer Eve and Christmas Eve besides the statutory holidays: New Year's Day, Epiphany,
Good Friday, Easter Sunday and Monday, May Day, Ascension Day, Pentecost, Midsummer Eve and Day,
All Saints' Day, Independence Day, Christmas Eve, Christmas Day and Boxing Day. Nationwide only:
Åland's Autonomy Day is not a day off here.

Counting rule for `add_working_days`: the start is read in Helsinki time. If that day is a working
day it is day 0; if not (a weekend or a day off), the next working day is day 0. The result is
`days` working days after day 0, at the start's Helsinki wall-clock time. So 0 days from a working
day is the start itself, 0 days from a Saturday is the next Monday (at the same clock time), and 1
day from a Saturday is the Tuesday.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from holidays import country_holidays

from bot.common.helsinki_time import combine_local, to_helsinki

_SATURDAY = 5


@lru_cache(maxsize=32)
def _days_off(year: int) -> frozenset[date]:
    # A frozen set per year: a shared HolidayBase fills itself in lazily on lookup, which is not thread-safe.
    return frozenset(country_holidays("FI", years=year).keys())


def is_working_day(day: date) -> bool:
    """True for Monday to Friday when the day is not a Finnish public holiday or customary day off."""
    return day.weekday() < _SATURDAY and day not in _days_off(day.year)


def next_working_day(day: date) -> date:
    """The day itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: datetime, days: int) -> datetime:
    """The same Helsinki wall-clock time `days` working days after `start` (see the module rule), as aware UTC."""
    if start.tzinfo is None:
        raise ValueError("naive datetime: give times with a time zone")
    if days < 0:
        raise ValueError("days must not be negative")
    local = to_helsinki(start)
    day = next_working_day(local.date())
    for _ in range(days):
        day = next_working_day(day + timedelta(days=1))
    # Working days are never Sundays, the only days Finnish clocks change, so the wall time always
    # exists exactly once on `day`; the fold of an ambiguous start hour means nothing there.
    return combine_local(day, local.time().replace(fold=0))
