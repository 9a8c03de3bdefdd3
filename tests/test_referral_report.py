"""The referral report on a real SQLite file: every figure against plain Python over all rows, the period
parser, the CSV as Excel reads it, the chart as an image, and the card in both languages."""

from __future__ import annotations

import csv
import io
import json
import random
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from adaptive_cards.base import MAX_CARD_BYTES
from adaptive_cards.referral_report import report_card
from bot.common.clock import from_stored_time, to_stored_time
from bot.common.helsinki_time import to_helsinki
from bot.domain.referral_export import report_chart_png, report_csv
from bot.domain.referral_report import Count, ReportPeriod, build_report, parse_period
from bot.domain.referral_store import Actor, Referral, Referrals
from bot.domain.referrals import OUTCOMES, PROVIDER_ANSWERS, ReferralDraft
from bot.features.referrals.report_texts import REPORT_TEXTS
from bot.storage.database import Database, as_dict
from bot.storage.sqlite import open_database
from knowledge.loader import KnowledgeBase, load_valid_knowledge_base
from knowledge.vocab import MUNICIPALITY_CODES, NEED_IDS, NEEDS
from tests.cards import assert_valid_card
from tests.clock import FakeClock

KB_PATH = Path(__file__).resolve().parent / "data" / "kb"
FIRST = datetime(2025, 10, 1, 0, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
TODAY = date(2026, 11, 29)
REFERRALS = 1000
SEARCHES = 300
# Instants either side of a Helsinki midnight that starts a month (summer time +3, winter time +2).
BOUNDARIES = (
    datetime(2026, 3, 31, 20, 59, 59, 999000, tzinfo=UTC),  # 31.3. 23.59 in Helsinki
    datetime(2026, 3, 31, 21, 30, tzinfo=UTC),  # 1.4. 00.30
    datetime(2025, 10, 31, 22, 30, tzinfo=UTC),  # 1.11. 00.30
    datetime(2025, 12, 31, 22, 0, tzinfo=UTC),  # 1.1.2026 00.00
)
FORMULAS = ('=HYPERLINK("https://evil.example","klikkaa")', "+1", "-2", "@SUM(A1:A9)", "\tsarkain", "=1+2;3")
OTHER_PROVIDERS = ("Osuuspankki", "Tilitoimisto Numerotaito", "Kylän kehittämisyhdistys ry", *FORMULAS)
CHART_URL = "https://kasvuopas.example/report/chart.png?sig=abc"
CSV_URL = "https://kasvuopas.example/report/referrals.csv?sig=abc"
ADVISER = Actor("adviser-1", "Neuvoja Yksi", "adviser")
PROVIDER = Actor("provider-1", "Tarjoaja Yksi", "provider")
COORDINATOR = Actor("coordinator-1", "Koordinaattori", "coordinator")


@dataclass
class World:
    """The generated database, its knowledge base and what personal details went into it."""

    db: Database
    kb: KnowledgeBase
    companies: list[str]
    business_ids: list[str]
    need_texts: list[str]


def texts_in(language: str) -> Callable[..., str]:
    """The report texts of one language; a missing key fails the test (KeyError)."""
    catalogue = REPORT_TEXTS[language]
    return lambda key, **values: catalogue[key].format(**values)


def _searches(db: Database, rng: random.Random) -> list[int]:
    span = (NOW - FIRST).total_seconds()
    odd = ["not json", '{"need": "loan"}', '["made_up_need", "loan"]', '["loan", "loan"]', None]
    ids = []
    for index in range(SEARCHES):
        needs = odd[index] if index < len(odd) else json.dumps(rng.sample(sorted(NEED_IDS), rng.randint(0, 3)))
        asked = FIRST + timedelta(seconds=rng.uniform(0, span))
        ids.append(
            db.insert(
                "INSERT INTO searches (asked_at, question, results_json, needs_json) VALUES (?, ?, '[]', ?)",
                [to_stored_time(asked), f"kysymys {index}", needs],
            )
        )
    return ids


def _draft(
    rng: random.Random, kb: KnowledgeBase, index: int, other: str | None, search_id: int | None
) -> ReferralDraft:
    service = None if other else rng.choice(kb.services)
    company = f"Kuvitteellinen {rng.choice(['Saha', 'Leipomo', 'Paja', 'Kahvila'])} {index} Oy"
    return ReferralDraft(
        company=company,
        business_id=f"{9000000 + index}-{index % 10}" if rng.random() < 0.7 else "",
        municipality=rng.choice([*sorted(MUNICIPALITY_CODES), "other"]),
        stage=None,
        size=None,
        service_id=service.id if service else None,
        provider_id=service.provider if service else None,
        other_provider=other or "",
        need_id=service.needs[0] if service else rng.choice([None, *sorted(NEED_IDS)]),
        need=f"tarveteksti-{index} rahoitus kasvuun",
        consent=True,
        search_id=search_id,
    )


def _follow_up(store: Referrals, clock: FakeClock, rng: random.Random, referral: Referral) -> None:
    """The provider's answer (when the card went out) and the adviser's outcomes, each a little later."""
    if referral.provider_conversation_id and rng.random() < 0.75:
        clock.now = min(NOW, clock.now + timedelta(hours=rng.uniform(0.2, 200)))
        referral = store.change_status(referral, rng.choice(PROVIDER_ANSWERS), PROVIDER)
    if rng.random() < 0.6:
        clock.now = min(NOW, clock.now + timedelta(days=rng.uniform(0.5, 40)))
        referral = store.change_status(referral, rng.choice(OUTCOMES), ADVISER)
        if referral.status == "served" and rng.random() < 0.3:  # reopened: still served at some point
            clock.now = min(NOW, clock.now + timedelta(days=rng.uniform(1, 10)))
            store.change_status(referral, "waiting", ADVISER)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    rng = random.Random(20261129)
    clock = FakeClock(FIRST)
    db = open_database(tmp_path_factory.mktemp("referral_report") / "kasvuopas.db", clock)
    kb = load_valid_knowledge_base(KB_PATH)
    store = Referrals(db, clock)
    search_ids = _searches(db, rng)
    span = (NOW - timedelta(days=1) - FIRST).total_seconds()
    formula_times = [datetime(2026, 6, 1 + day, 9, 0, tzinfo=UTC) for day in range(len(FORMULAS))]
    randoms = [FIRST + timedelta(seconds=rng.uniform(0, span)) for _ in range(REFERRALS - len(BOUNDARIES) - 6)]
    times = sorted([*BOUNDARIES, *formula_times, *randoms])
    created: list[Referral] = []
    drafts = []
    for index, moment in enumerate(times):
        clock.now = moment
        other = FORMULAS[formula_times.index(moment)] if moment in formula_times else None
        if other is None and rng.random() < 0.2:
            other = rng.choice(OTHER_PROVIDERS[:3])
        search_id = rng.choice(search_ids[5:]) if rng.random() < 0.3 else None
        draft = _draft(rng, kb, index, other, search_id)
        drafts.append(draft)
        sent = draft.provider_id is not None and rng.random() < 0.7
        referral = store.create(draft, ADVISER, "29:adviser-1", "19:origin", f"19:{draft.provider_id}" if sent else "")
        created.append(referral)
        _follow_up(store, clock, rng, referral)
    clock.now = NOW
    store.anonymise_before(datetime(2026, 1, 1, tzinfo=UTC))
    for referral in rng.sample([r for r in created if r.created_at.year == 2026 and not r.other_provider], 20):
        store.delete(referral, COORDINATOR)
    assert db.value("SELECT COUNT(*) FROM referrals") == REFERRALS
    yield World(
        db,
        kb,
        [draft.company for draft in drafts],
        [draft.business_id for draft in drafts if draft.business_id],
        [draft.need for draft in drafts],
    )
    db.close()


# ---- the expected figures, from every row in plain Python ------------------------------------------


def _helsinki_day(stored: str) -> date:
    return to_helsinki(from_stored_time(stored)).date()


def _months(period: ReportPeriod) -> list[str]:
    months, day = [], period.start
    while day <= period.end:
        if f"{day:%Y-%m}" not in months:
            months.append(f"{day:%Y-%m}")
        day += timedelta(days=1)
    return months


def _expected(world: World, period: ReportPeriod) -> dict[str, Any]:
    rows = [as_dict(row) for row in world.db.all("SELECT * FROM referrals")]
    chosen = [row for row in rows if period.start <= _helsinki_day(row["created_at"]) <= period.end]
    served_ids = {row[0] for row in world.db.all("SELECT referral_id FROM referral_events WHERE to_status = 'served'")}
    sent = [row for row in chosen if row["provider_conversation_id"] is not None]
    durations = [
        (from_stored_time(row["first_contact_at"]) - from_stored_time(row["created_at"])).total_seconds() / 86400
        for row in chosen
        if row["first_contact_at"]
    ]
    month_need: dict[str, Counter[str | None]] = {month: Counter() for month in _months(period)}
    for row in chosen:
        month_need[f"{_helsinki_day(row['created_at']):%Y-%m}"][row["need_id"]] += 1
    referred_searches = {row["search_id"] for row in rows if row["search_id"] is not None}
    unmet: Counter[str] = Counter()
    for search_id, asked_at, needs_json in world.db.all("SELECT id, asked_at, needs_json FROM searches"):
        if search_id in referred_searches or not period.start <= _helsinki_day(asked_at) <= period.end:
            continue
        try:
            needs = json.loads(needs_json or "null")
        except ValueError:
            continue
        if isinstance(needs, list):
            unmet.update({need for need in needs if need in NEED_IDS})

    def provider(row: dict[str, Any]) -> str | None:
        return world.kb.providers[row["provider_id"]].name if row["provider_id"] else row["other_provider"]

    return {
        "total": len(chosen),
        "by_provider": Counter(provider(row) for row in chosen),
        "by_municipality": Counter(row["municipality"] for row in chosen),
        "by_need": Counter(row["need_id"] for row in chosen),
        "by_month": {month: sum(needs.values()) for month, needs in month_need.items()},
        "by_month_need": {month: dict(needs) for month, needs in month_need.items()},
        "served": sum(row["id"] in served_ids for row in chosen),
        "sent": len(sent),
        "acknowledged": sum(row["provider_answered_at"] is not None for row in sent),
        "first_contacts": len(durations),
        "median": statistics.median(durations) if durations else None,
        "unmet": unmet,
    }


PERIODS = {
    "everything": ReportPeriod(date(2025, 10, 1), TODAY),
    "this year so far": parse_period("vuosi", TODAY),
    "last month": parse_period("edellinen kuukausi", TODAY),
    "over the spring daylight-saving change": parse_period("1.3.2026–30.4.2026", TODAY),
    "one day": parse_period("1.4.2026", TODAY),
    "before any referral": parse_period("1.1.2024–31.1.2024", TODAY),
}


@pytest.mark.parametrize("name", PERIODS)
def test_every_figure_matches_a_count_over_all_rows(world: World, name: str) -> None:
    period = PERIODS[name]
    report = build_report(world.db, period, world.kb)
    expected = _expected(world, period)
    assert report.total == expected["total"]
    assert dict((count.key, count.count) for count in report.by_provider) == expected["by_provider"]
    assert dict((count.key, count.count) for count in report.by_municipality) == expected["by_municipality"]
    assert dict((count.key, count.count) for count in report.by_need) == expected["by_need"]
    assert [(count.key, count.count) for count in report.by_month] == list(expected["by_month"].items())
    assert {month: dict(needs) for month, needs in report.by_month_need.items()} == expected["by_month_need"]
    assert (report.served, report.sent_to_provider, report.acknowledged, report.first_contacts) == (
        expected["served"],
        expected["sent"],
        expected["acknowledged"],
        expected["first_contacts"],
    )
    if expected["median"] is None:
        assert report.median_days_to_first_contact is None
    else:
        assert report.median_days_to_first_contact == pytest.approx(expected["median"], abs=1e-6)
    assert dict((count.key, count.count) for count in report.unmet_needs) == expected["unmet"]
    for breakdown in (report.by_provider, report.by_municipality, report.by_need, report.unmet_needs):
        assert [count.count for count in breakdown] == sorted((count.count for count in breakdown), reverse=True)


def test_the_generated_data_covers_what_the_report_must_handle(world: World) -> None:
    report = build_report(world.db, PERIODS["everything"], world.kb)
    assert report.total == REFERRALS
    assert len(report.by_month) == 14
    assert None in {count.key for count in report.by_provider}  # other providers, anonymised
    assert set(FORMULAS) <= {count.key for count in report.by_provider}
    assert None in {count.key for count in report.by_need}
    assert report.served_share is not None and 0 < report.served_share < 1
    assert report.acknowledged_share is not None and 0 < report.acknowledged_share < 1
    # Served at some point but no longer: the share counts the history, not only the current status.
    reopened = world.db.value(
        "SELECT COUNT(*) FROM referrals WHERE status <> 'served'"
        " AND id IN (SELECT referral_id FROM referral_events WHERE to_status = 'served')"
    )
    assert reopened > 0
    assert world.db.value("SELECT COUNT(*) FROM referrals WHERE deleted_at IS NOT NULL") == 20
    assert world.db.value("SELECT COUNT(*) FROM referrals WHERE anonymised_at IS NOT NULL") > 100
    assert report.unmet_needs and "made_up_need" not in {count.key for count in report.unmet_needs}


def test_a_referral_counts_in_the_month_of_its_helsinki_day(world: World) -> None:
    report = build_report(world.db, ReportPeriod(date(2026, 3, 31), date(2026, 4, 1)), world.kb)
    expected = _expected(world, ReportPeriod(date(2026, 3, 31), date(2026, 4, 1)))
    assert [count.key for count in report.by_month] == ["2026-03", "2026-04"]
    assert dict((count.key, count.count) for count in report.by_month) == expected["by_month"]
    assert all(count.count >= 1 for count in report.by_month)  # 23.59 and 00.30 either side of midnight


def test_an_empty_period_has_no_shares_and_no_median(world: World) -> None:
    report = build_report(world.db, PERIODS["before any referral"], world.kb)
    assert (report.total, report.served_share, report.acknowledged_share) == (0, None, None)
    assert report.median_days_to_first_contact is None
    assert [count.count for count in report.by_month] == [0]


def test_the_report_holds_no_company_details(world: World) -> None:
    report = build_report(world.db, PERIODS["everything"], world.kb)
    card = json.dumps(report_card(texts_in("fi"), report, CHART_URL, CSV_URL), ensure_ascii=False)
    for text in (repr(report), card):
        assert not any(company in text for company in world.companies)
        assert not any(business_id in text for business_id in world.business_ids)
        assert "tarveteksti-" not in text


# ---- the period ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("", date(2026, 11, 1), TODAY),
        ("Kuukausi", date(2026, 11, 1), TODAY),
        ("this month", date(2026, 11, 1), TODAY),
        ("neljännes", date(2026, 10, 1), TODAY),
        ("quarter", date(2026, 10, 1), TODAY),
        ("vuosi", date(2026, 1, 1), TODAY),
        ("YEAR", date(2026, 1, 1), TODAY),
        ("edellinen kuukausi", date(2026, 10, 1), date(2026, 10, 31)),
        ("last  month", date(2026, 10, 1), date(2026, 10, 31)),
        ("viime neljännes", date(2026, 7, 1), date(2026, 9, 30)),
        ("last year", date(2025, 1, 1), date(2025, 12, 31)),
        ("1.1.2026–31.3.2026", date(2026, 1, 1), date(2026, 3, 31)),
        ("1.1.2026 - 31.3.2026", date(2026, 1, 1), date(2026, 3, 31)),
        ("1.1.2026-31.3.2026", date(2026, 1, 1), date(2026, 3, 31)),
        ("1.1.–31.3.2026", date(2026, 1, 1), date(2026, 3, 31)),
        ("1.12.–31.1.2026", date(2025, 12, 1), date(2026, 1, 31)),
        ("1.1.–31.3.", date(2026, 1, 1), date(2026, 3, 31)),
        ("1.11.2026–31.12.2026", date(2026, 11, 1), TODAY),  # cut to today
        ("1.1.2021–31.12.2025", date(2021, 1, 1), date(2025, 12, 31)),  # exactly 5 years
        ("15.3.2026", date(2026, 3, 15), date(2026, 3, 15)),
        ("2/2024", date(2024, 2, 1), date(2024, 2, 29)),
        ("3.2026", date(2026, 3, 1), date(2026, 3, 31)),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2026", date(2026, 1, 1), TODAY),
    ],
)
def test_accepted_periods(text: str, start: date, end: date) -> None:
    assert parse_period(text, TODAY) == ReportPeriod(start, end)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("eilen", "referral.report.error.format"),
        ("1.1.2026 31.3.2026", "referral.report.error.format"),
        ("1.1.2026–31.3.", "referral.report.error.format"),
        ("2026-01-01", "referral.report.error.format"),
        ("31.2.2026", "referral.report.error.date"),
        ("1.13.2026–1.1.2027", "referral.report.error.date"),
        ("1.1.1999–31.1.1999", "referral.report.error.date"),
        ("31.3.2026–1.1.2026", "referral.report.error.order"),
        ("1.1.2020–1.1.2026", "referral.report.error.too_long"),
        ("1.12.2026–31.12.2026", "referral.report.error.future"),
        ("2027", "referral.report.error.future"),
    ],
)
def test_refused_periods_say_why_with_a_text_key(text: str, key: str) -> None:
    with pytest.raises(ValueError, match=f"^{key}$"):
        parse_period(text, TODAY)
    assert key in REPORT_TEXTS["fi"] and key in REPORT_TEXTS["en"]


# ---- the CSV ------------------------------------------------------------------------------------------


def _read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM tells Excel it is UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_csv_has_a_row_per_referral_and_no_company_details(world: World) -> None:
    period = PERIODS["everything"]
    data = report_csv(world.db, period, world.kb)
    rows = _read_csv(data)
    assert rows[0][:3] == ["koodi", "päivämäärä", "kunta"] and len(rows[0]) == 10
    assert len(rows) - 1 == REFERRALS
    assert all(len(row) == 10 for row in rows)
    text = data.decode("utf-8-sig")
    assert not any(company in text for company in world.companies)
    assert not any(business_id in text for business_id in world.business_ids)
    assert "tarveteksti-" not in text
    codes = {code for (code,) in world.db.all("SELECT code FROM referrals")}
    assert {row[0] for row in rows[1:]} == codes
    assert all(row[1].count(".") == 2 and "-" not in row[1] for row in rows[1:])
    assert any("," in row[9] for row in rows[1:])  # Finnish Excel reads 2,5 as a number, 2.5 as a date


def test_formula_like_provider_names_are_neutralised(world: World) -> None:
    rows = _read_csv(report_csv(world.db, PERIODS["this year so far"], world.kb))
    providers = [row[3] for row in rows[1:]]
    for formula in FORMULAS:
        assert "'" + formula in providers
    assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for row in rows for cell in row)


def test_the_csv_follows_the_language_and_the_period(world: World) -> None:
    period = PERIODS["last month"]
    rows = _read_csv(report_csv(world.db, period, world.kb, "en"))
    assert rows[0] == [
        "code",
        "date",
        "municipality",
        "provider",
        "service",
        "need",
        "status",
        "sent to provider",
        "provider answered",
        "days to first contact",
    ]
    assert len(rows) - 1 == build_report(world.db, period, world.kb).total
    assert {row[8] for row in rows[1:]} <= {"yes", "no"}
    assert all(row[1].endswith(".10.2026") for row in rows[1:])


# ---- the chart and the card ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_chart_is_a_small_coloured_png(world: World, language: str) -> None:
    png = report_chart_png(build_report(world.db, PERIODS["everything"], world.kb), texts_in(language))
    assert len(png) < 80_000
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (800, 450) and image.mode == "P"
    colours = image.convert("RGB").getcolors(maxcolors=1 << 16) or []
    assert len(colours) >= 8  # the need colours, grey, black text: not a blank image


def test_an_empty_period_still_draws_a_chart(world: World) -> None:
    png = report_chart_png(build_report(world.db, PERIODS["before any referral"], world.kb), texts_in("fi"))
    assert Image.open(io.BytesIO(png)).size == (800, 450)


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize("name", ["everything", "last month", "before any referral"])
def test_the_card_is_valid_and_small_in_both_languages(world: World, language: str, name: str) -> None:
    report = build_report(world.db, PERIODS[name], world.kb)
    card = report_card(texts_in(language), report, CHART_URL, CSV_URL)
    assert_valid_card(card)
    assert len(json.dumps(card, ensure_ascii=False).encode("utf-8")) < MAX_CARD_BYTES
    assert card["actions"] == [
        {"type": "Action.OpenUrl", "title": texts_in(language)("referral.report.download_csv"), "url": CSV_URL}
    ]
    images = [element for element in card["body"] if element["type"] == "Image"]
    assert [image["url"] for image in images] == ([CHART_URL] if report.total else [])


def test_the_card_shows_the_headline_figures_and_the_top_five(world: World) -> None:
    report = build_report(world.db, PERIODS["everything"], world.kb)
    card = report_card(texts_in("fi"), report, CHART_URL, CSV_URL)
    headline = {fact["title"]: fact["value"] for fact in card["body"][1]["facts"]}
    served = round(100 * report.served / report.total)
    assert headline["Ohjauksia"] == str(REFERRALS)
    assert headline["Palveltu"] == f"{served} % ({report.served}/{REFERRALS})"
    assert headline["Mediaani ensikontaktiin"].endswith(" pv") and "," in headline["Mediaani ensikontaktiin"]
    fact_sets = [element for element in card["body"] if element["type"] == "FactSet"]
    assert len(fact_sets) == 5  # headline, providers, municipalities, needs, needs without a referral
    assert all(len(fact_set["facts"]) <= 5 for fact_set in fact_sets)


def test_a_typed_provider_name_cannot_make_a_link_on_the_card(world: World) -> None:
    report = replace(
        build_report(world.db, PERIODS["last month"], world.kb),
        by_provider=(Count("[Avaa](https://evil.example) *nyt*", 3), Count(None, 2)),
    )
    facts = report_card(texts_in("en"), report, CHART_URL, CSV_URL)["body"][3]["facts"]
    assert [fact["title"] for fact in facts] == [r"\[Avaa\](https://evil.example) \*nyt\*", "other provider"]


def test_the_texts_have_the_same_keys_in_both_languages() -> None:
    assert set(REPORT_TEXTS["fi"]) == set(REPORT_TEXTS["en"])
    assert all(key.startswith("referral.report.") for key in REPORT_TEXTS["fi"])
    assert {f"referral.report.need.{term.id}" for term in NEEDS} <= set(REPORT_TEXTS["en"])


def test_matplotlib_is_not_imported_until_a_chart_is_drawn() -> None:
    code = "import sys, bot.domain.referral_export, adaptive_cards.referral_report; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
