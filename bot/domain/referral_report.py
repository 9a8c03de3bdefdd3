"""The referral report: how many referrals a period had, where they went, and how they ended.

Counted in SQL (GROUP BY), so that 100,000 referrals take under a second (bench/referral_report.py).
A referral belongs to the Helsinki calendar day of its `created_at`; the period's bounds and month
starts are turned into stored UTC times once, so the stored text is compared as is (and indexed).
Deleted and anonymised referrals count: only their company details are gone. The report holds
ids, provider names and numbers, never company names, business ids or need texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.common.clock import to_stored_time
from bot.common.helsinki_time import to_utc
from bot.storage.database import Database
from knowledge.loader import KnowledgeBase
from knowledge.vocab import MUNICIPALITY_BY_CODE, NEED_IDS

SERVED = "served"
_IN_PERIOD = "created_at >= ? AND created_at < ?"
MAX_YEARS = 5
MIN_YEAR = 2000  # no network referral predates this
ERROR_FORMAT = "referral.report.error.format"
ERROR_DATE = "referral.report.error.date"
ERROR_ORDER = "referral.report.error.order"
ERROR_TOO_LONG = "referral.report.error.too_long"
ERROR_FUTURE = "referral.report.error.future"

Texts = Callable[..., str]

_UNITS = {"kuukausi": "month", "month": "month", "neljännes": "quarter", "vuosineljännes": "quarter"}
_UNITS |= {"kvartaali": "quarter", "quarter": "quarter", "vuosi": "year", "year": "year"}
_THIS = {
    "": "month",
    **_UNITS,
    **{f"{this} {unit}": kind for this in ("tämä", "kuluva", "this") for unit, kind in _UNITS.items()},
}
_LAST = {f"{last} {unit}": kind for last in ("edellinen", "viime", "last", "previous") for unit, kind in _UNITS.items()}
_DAY = r"(\d{1,2})\.(\d{1,2})\.(\d{4})?"
_RANGE = re.compile(rf"^{_DAY}\s*[-–—]\s*{_DAY}$")
_ONE_DAY = re.compile(rf"^{_DAY}$")
_MONTH = re.compile(r"^(\d{1,2})[./](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class ReportPeriod:
    """Helsinki calendar days from `start` to `end`, both included."""

    start: date
    end: date

    def months(self) -> list[str]:
        """Every month the period touches, as YYYY-MM, oldest first."""
        return [f"{first.year}-{first.month:02d}" for first in _month_starts(self.start, self.end)]

    def stored_bounds(self) -> tuple[str, str]:
        """The period as stored UTC times: from the first instant, up to (not including) the day after the end."""
        return _stored_midnight(self.start), _stored_midnight(self.end + timedelta(days=1))

    def label(self) -> str:
        """`1.1.2026–31.3.2026` (the same in Finnish and English)."""
        return f"{_short(self.start)}–{_short(self.end)}"


@dataclass(frozen=True, slots=True)
class Count:
    """One row of a breakdown: what (an id, a provider name, a month; None = unknown) and how many."""

    key: str | None
    count: int


@dataclass(frozen=True)
class Report:
    """The figures of a period; breakdowns are sorted by count, most first (months in order)."""

    period: ReportPeriod
    total: int
    by_provider: tuple[Count, ...]  # provider name; None: a provider outside the knowledge base, anonymised
    by_municipality: tuple[Count, ...]  # municipality code or "other"
    by_need: tuple[Count, ...]  # need id; None: unknown
    by_month: tuple[Count, ...]  # YYYY-MM, every month of the period, also empty ones
    by_month_need: Mapping[str, Mapping[str | None, int]]  # YYYY-MM -> need id -> count
    served: int  # reached "served" at some point
    sent_to_provider: int  # a card went to the provider's conversation
    acknowledged: int  # of those, the provider answered
    first_contacts: int
    median_days_to_first_contact: float | None
    unmet_needs: tuple[Count, ...]  # needs asked in the finder whose search led to no referral

    @property
    def served_share(self) -> float | None:
        """Served / all referrals (None when there are none)."""
        return self.served / self.total if self.total else None

    @property
    def acknowledged_share(self) -> float | None:
        """Answered by the provider / sent to a provider's conversation (None when none was sent)."""
        return self.acknowledged / self.sent_to_provider if self.sent_to_provider else None


# ---- the period ---------------------------------------------------------------------------------


def _short(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _stored_midnight(day: date) -> str:
    return to_stored_time(to_utc(datetime.combine(day, time())))


def _month_starts(start: date, end: date) -> list[date]:
    first, months = start.replace(day=1), []
    while first <= end:
        months.append(first)
        first = (first + timedelta(days=32)).replace(day=1)
    return months


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _current(kind: str, today: date) -> ReportPeriod:
    start = {"month": today.replace(day=1), "quarter": _quarter_start(today), "year": date(today.year, 1, 1)}[kind]
    return ReportPeriod(start, today)


def _previous(kind: str, today: date) -> ReportPeriod:
    this_start = _current(kind, today).start
    end = this_start - timedelta(days=1)
    start = {"month": end.replace(day=1), "quarter": _quarter_start(end), "year": date(end.year, 1, 1)}[kind]
    return ReportPeriod(start, end)


def _day(day: str, month: str, year: int) -> date:
    if year < MIN_YEAR:  # also keeps the UTC conversion of the bounds within datetime's range
        raise ValueError(ERROR_DATE)
    try:
        return date(year, int(month), int(day))
    except ValueError as error:
        raise ValueError(ERROR_DATE) from error


def _month_end(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _range(groups: tuple[str, ...], today: date) -> ReportPeriod:
    start_day, start_month, start_year, end_day, end_month, end_year = groups
    if start_year and not end_year:  # `1.1.2026–31.3.` names only the start's year: ambiguous
        raise ValueError(ERROR_FORMAT)
    end = _day(end_day, end_month, int(end_year) if end_year else today.year)
    if start_year:
        return ReportPeriod(_day(start_day, start_month, int(start_year)), end)
    start = _day(start_day, start_month, end.year)
    if start > end:  # `1.12.–31.1.2026` reaches back over the turn of the year
        start = _day(start_day, start_month, end.year - 1)
    return ReportPeriod(start, end)


def _read(text: str, today: date) -> ReportPeriod:
    if text in _THIS:
        return _current(_THIS[text], today)
    if text in _LAST:
        return _previous(_LAST[text], today)
    if match := _RANGE.match(text):
        return _range(match.groups(""), today)
    if match := _ONE_DAY.match(text):
        day = _day(match.group(1), match.group(2), int(match.group(3) or today.year))
        return ReportPeriod(day, day)
    if match := _MONTH.match(text):
        first = _day("1", match.group(1), int(match.group(2)))
        return ReportPeriod(first, _month_end(first))
    if match := _YEAR.match(text):
        first = _day("1", "1", int(match.group(1)))
        return ReportPeriod(first, first.replace(month=12, day=31))
    raise ValueError(ERROR_FORMAT)


def parse_period(text: str, today: date) -> ReportPeriod:
    """The report period a user typed; raises ValueError whose message is a text key.

    Accepted (case and extra spaces do not matter; `today` is the Helsinki date):
    - empty, `kuukausi` / `month` (also `tämä kuukausi`, `kuluva kuukausi`, `this month`): this month so far;
    - `neljännes` / `vuosineljännes` / `kvartaali` / `quarter`: this calendar quarter so far;
    - `vuosi` / `year`: this year so far;
    - `edellinen` or `viime` / `last` or `previous` + `kuukausi`, `neljännes`, `vuosi` (month, quarter, year):
      the previous full month, quarter or year;
    - a range `1.1.2026–31.3.2026` with an en dash, em dash or hyphen, spaces around it or not;
      `1.1.–31.3.2026` takes the start's year from the end (the year before if that would put the start
      after the end: `1.12.–31.1.2026`), `1.1.–31.3.` is this year;
    - one day `15.3.2026` (`15.3.` this year), one month `3.2026` or `3/2026`, one year `2026`.
    An end after today is cut to today. Refused: anything else (format), an impossible date or one before 2000
    (date), an end before the start (order), a period of more than 5 years (too_long), and one that starts after
    today (future).
    """
    normalised = " ".join(text.lower().split())
    period = _read(normalised, today)
    if period.end < period.start:
        raise ValueError(ERROR_ORDER)
    if period.start > today:
        raise ValueError(ERROR_FUTURE)
    if _add_years(period.start, MAX_YEARS) <= period.end:
        raise ValueError(ERROR_TOO_LONG)
    return ReportPeriod(period.start, min(period.end, today))


# ---- the report ---------------------------------------------------------------------------------


def _month_index(starts: list[str], first: int) -> tuple[str, list[str]]:
    """A SQL expression giving the month (counted from `first`) that `created_at` falls in, by binary search."""
    if not starts:
        return str(first), []
    middle = len(starts) // 2
    below, below_args = _month_index(starts[:middle], first)
    above, above_args = _month_index(starts[middle + 1 :], first + middle + 1)
    return f"CASE WHEN created_at < ? THEN {below} ELSE {above} END", [starts[middle], *below_args, *above_args]


def _sorted(counts: Mapping[str | None, int]) -> tuple[Count, ...]:
    return tuple(Count(key, count) for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0] or "")))


def _add(counts: dict[str | None, int], key: str | None, count: int) -> None:
    counts[key] = counts.get(key, 0) + count


def _by_month_need(db: Database, period: ReportPeriod, bounds: list[Any]) -> dict[str, dict[str | None, int]]:
    # Each month's start as a stored UTC time: the Helsinki month of a referral is found by comparing text,
    # exact across daylight-saving changes; the month index is a binary search, a few comparisons a row.
    starts = [_stored_midnight(first) for first in _month_starts(period.start, period.end)[1:]]
    month, month_args = _month_index(starts, 0)
    months = period.months()
    result: dict[str, dict[str | None, int]] = {name: {} for name in months}
    rows = db.all(
        f"SELECT {month} AS month, need_id, COUNT(*) FROM referrals WHERE {_IN_PERIOD} GROUP BY month, need_id",
        [*month_args, *bounds],
    )
    for index, need_id, count in rows:
        result[months[index]][need_id] = count
    return result


@dataclass
class _Breakdown:
    """Referrals by provider and by municipality, and how many were served, sent, acknowledged, contacted."""

    providers: dict[str | None, int]
    municipalities: dict[str | None, int]
    flags: list[int]


def _by_provider_and_municipality(db: Database, kb: KnowledgeBase, bounds: list[Any]) -> _Breakdown:
    # One GROUP BY for both breakdowns and the headline sums: SQLite sorts the period's rows for every
    # GROUP BY, and that sort is most of a report's time; the few hundred groups are added up here.
    rows = db.all(
        "SELECT provider_id, other_provider, municipality, COUNT(*),"
        " SUM(status = ? OR id IN (SELECT referral_id FROM referral_events WHERE to_status = ?)),"
        " SUM(provider_conversation_id IS NOT NULL),"
        " SUM(provider_conversation_id IS NOT NULL AND provider_answered_at IS NOT NULL),"
        f" SUM(first_contact_at IS NOT NULL) FROM referrals WHERE {_IN_PERIOD}"
        " GROUP BY provider_id, other_provider, municipality",
        [SERVED, SERVED, *bounds],
    )
    result = _Breakdown({}, {}, [sum(row[column] for row in rows) for column in range(4, 8)])
    for provider_id, other, municipality, count, *_flags in rows:
        if provider_id is not None:
            provider = kb.providers.get(provider_id)
            _add(result.providers, provider.name if provider is not None else provider_id, count)
        else:
            _add(result.providers, other or None, count)
        _add(result.municipalities, municipality, count)
    return result


def _median_days(db: Database, bounds: list[Any], count: int) -> float | None:
    if not count:
        return None
    # The middle one or two of the sorted durations: SQLite has no MEDIAN, and sorting in SQL beats fetching all.
    rows = db.all(
        "SELECT julianday(first_contact_at) - julianday(created_at) AS days FROM referrals"
        f" WHERE {_IN_PERIOD} AND first_contact_at IS NOT NULL ORDER BY days LIMIT ? OFFSET ?",
        [*bounds, 2 - count % 2, (count - 1) // 2],
    )
    return float(sum(row[0] for row in rows) / len(rows))


def _unmet_needs(db: Database, bounds: list[Any]) -> dict[str | None, int]:
    # needs_json should be a list of need ids; anything else (NULL, bad JSON, an object) counts nothing.
    rows = db.all(
        "SELECT need.value, COUNT(DISTINCT s.id) FROM searches s, json_each(CASE WHEN json_valid(s.needs_json)"
        " THEN CASE WHEN json_type(s.needs_json) = 'array' THEN s.needs_json END END) AS need"
        " WHERE s.asked_at >= ? AND s.asked_at < ? AND need.type = 'text'"
        " AND s.id NOT IN (SELECT search_id FROM referrals WHERE search_id IS NOT NULL)"
        " GROUP BY need.value",
        bounds,
    )
    # Only vocabulary ids: whatever else got into the column must not reach the report.
    return {need_id: count for need_id, count in rows if need_id in NEED_IDS}


def build_report(db: Database, period: ReportPeriod, kb: KnowledgeBase) -> Report:
    """The referral figures of `period` (Helsinki days), counted in the database."""
    bounds = list(period.stored_bounds())
    month_need = _by_month_need(db, period, bounds)
    by_need: dict[str | None, int] = {}
    for needs in month_need.values():
        for need_id, count in needs.items():
            _add(by_need, need_id, count)
    breakdown = _by_provider_and_municipality(db, kb, bounds)
    served, sent, acknowledged, first_contacts = breakdown.flags
    return Report(
        period=period,
        total=sum(breakdown.municipalities.values()),
        by_provider=_sorted(breakdown.providers),
        by_municipality=_sorted(breakdown.municipalities),
        by_need=_sorted(by_need),
        by_month=tuple(Count(month, sum(needs.values())) for month, needs in month_need.items()),
        by_month_need=month_need,
        served=served,
        sent_to_provider=sent,
        acknowledged=acknowledged,
        first_contacts=first_contacts,
        median_days_to_first_contact=_median_days(db, bounds, first_contacts),
        unmet_needs=_sorted(_unmet_needs(db, bounds)),
    )


# ---- labels for the card and the chart ------------------------------------------------------------


def need_label(texts: Texts, need_id: str | None) -> str:
    """The need category as the reader calls it; None is "unknown", an id no longer in the vocabulary as is."""
    if need_id is None:
        return texts("referral.report.need_unknown")
    return texts(f"referral.report.need.{need_id}") if need_id in NEED_IDS else need_id


def municipality_label(texts: Texts, code: str) -> str:
    """The municipality's name in the reader's language ("other municipality" for `other`)."""
    return texts(f"referral.report.municipality.{code}") if code in MUNICIPALITY_BY_CODE else code


def provider_label(texts: Texts, name: str | None) -> str:
    """The provider's name; None (typed, then anonymised) is "other provider"."""
    return name if name is not None else texts("referral.report.other_provider")
