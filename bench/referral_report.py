"""Referral report speed: `build_report` for a year and for everything, the CSV and the chart for a year.

Generates referrals (default 100,000, spread over three years, with their events: provider answers
and outcomes) and 20,000 finder searches into a temporary SQLite file, in one transaction from a
seeded generator, then times each figure as the median of several runs.

    .venv/bin/python -m bench.referral_report [--referrals 100000] [--searches 20000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.common.clock import to_stored_time
from bot.domain.referral_export import report_chart_png, report_csv
from bot.domain.referral_report import ReportPeriod, build_report
from bot.features.referrals.report_texts import REPORT_TEXTS
from bot.storage.database import Database
from bot.storage.sqlite import open_database
from knowledge.loader import KnowledgeBase, load_knowledge_base
from knowledge.vocab import MUNICIPALITY_CODES, NEEDS

BUNDLED = Path(__file__).resolve().parent.parent / "knowledge" / "data"
RESULTS = Path(__file__).parent / "results" / "referral_report.json"
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
SPAN = timedelta(days=3 * 365)
PROVIDER_ANSWERS = (("contacting", 7), ("not_ours", 2), ("needs_info", 1))
OUTCOMES = (("served", 5), ("waiting", 2), ("no_need", 2), ("elsewhere", 1))


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([name for name, _ in weighted], [weight for _, weight in weighted])[0]


def _stamp(moment: datetime) -> str:
    return to_stored_time(min(moment, NOW))


def _insert_searches(db: Database, rng: random.Random, count: int) -> None:
    need_ids = [term.id for term in NEEDS]
    for search_id in range(1, count + 1):
        asked = NOW - SPAN * rng.random()
        needs = rng.sample(need_ids, rng.randint(0, 3))
        db.execute(
            "INSERT INTO searches (id, asked_at, question, results_json, needs_json) VALUES (?, ?, ?, '[]', ?)",
            [search_id, _stamp(asked), f"kysymys {search_id}", json.dumps(needs)],
        )


def _insert_referral(
    db: Database, rng: random.Random, kb: KnowledgeBase, referral_id: int, created: datetime, searches: int
) -> None:
    service = rng.choice(kb.services) if rng.random() < 0.9 else None
    sent = service is not None and rng.random() < 0.7
    status = "sent"
    events: list[tuple[datetime, str | None, str, str]] = [(created, None, status, "adviser")]
    answered = first_contact = None
    moment = created
    if sent and rng.random() < 0.8:
        moment += timedelta(hours=rng.uniform(0.5, 120))
        answered, answer = moment, _pick(rng, PROVIDER_ANSWERS)
        first_contact = moment if answer == "contacting" else None
        events.append((moment, status, answer, "provider"))
        status = answer
    if rng.random() < 0.6:
        moment += timedelta(days=rng.uniform(1, 60))
        outcome = _pick(rng, OUTCOMES)
        events.append((moment, status, outcome, "adviser"))
        status = outcome
        if outcome == "served" and rng.random() < 0.1:  # reopened later: still counts as served
            moment += timedelta(days=rng.uniform(1, 30))
            events.append((moment, status, "waiting", "adviser"))
            status = "waiting"
    old = created < NOW - timedelta(days=365)
    db.execute(
        "INSERT INTO referrals (id, code, created_at, adviser_key, adviser_id, adviser_name, company_name,"
        " business_id, municipality, service_id, provider_id, other_provider, need_id, need, consent, status,"
        " provider_answered_at, first_contact_at, provider_conversation_id, search_id, anonymised_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
        [
            referral_id,
            f"B{referral_id:07d}",
            _stamp(created),
            f"adviser-{referral_id % 40}",
            f"29:adviser-{referral_id % 40}",
            f"Neuvoja {referral_id % 40}",
            None if old else f"Yritys {referral_id} Oy",
            None if old else f"{1000000 + referral_id}-0",
            rng.choice(sorted(MUNICIPALITY_CODES)) if rng.random() < 0.95 else "other",
            service.id if service else None,
            service.provider if service else None,
            None if service or old else f"Muu tarjoaja {rng.randint(1, 30)}",
            service.needs[0] if service else (rng.choice(NEEDS).id if rng.random() < 0.7 else None),
            None if old else "tarve lauseena",
            status,
            _stamp(answered) if answered else None,
            _stamp(first_contact) if first_contact else None,
            f"19:provider-{service.provider}@thread.tacv2" if sent and service else None,
            rng.randint(1, searches) if searches and rng.random() < 0.3 else None,
            _stamp(NOW) if old else None,
        ],
    )
    for at, before, after, role in events:
        db.execute(
            "INSERT INTO referral_events (referral_id, at, actor_key, role, from_status, to_status)"
            " VALUES (?, ?, 'bench', ?, ?, ?)",
            [referral_id, _stamp(at), role, before, after],
        )


def generate(db: Database, kb: KnowledgeBase, referrals: int, searches: int, seed: int = 11) -> None:
    """Fill the database with `referrals` referrals (and their events) and `searches` searches."""
    rng = random.Random(seed)
    with db.transaction():
        _insert_searches(db, rng, searches)
        # Oldest first, as the bot writes them: ids and created_at rise together.
        times = sorted(NOW - SPAN * rng.random() for _ in range(referrals))
        for referral_id, created in enumerate(times, start=1):
            _insert_referral(db, rng, kb, referral_id, created, searches)


def _finnish(key: str, **values: object) -> str:
    return REPORT_TEXTS["fi"][key].format(**values)


def _median_seconds(task: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        task()
        samples.append(time.perf_counter() - began)
    return round(statistics.median(samples), 4)


def main() -> None:
    """Generate, measure, write bench/results/referral_report.json and print a one-line summary."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--referrals", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    kb = load_knowledge_base(BUNDLED)
    today = NOW.date()
    year = ReportPeriod(date(today.year - 1, today.month, today.day) + timedelta(days=1), today)
    everything = ReportPeriod((NOW - SPAN).date() - timedelta(days=1), today)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db", clock=lambda: NOW)
        began = time.perf_counter()
        generate(db, kb, args.referrals, args.searches)
        generated = time.perf_counter() - began
        year_report = build_report(db, year, kb)
        all_report = build_report(db, everything, kb)
        csv_bytes = report_csv(db, year, kb)
        result = {
            "referrals": args.referrals,
            "events": int(db.value("SELECT COUNT(*) FROM referral_events")),
            "searches": args.searches,
            "generate_s": round(generated, 2),
            "runs": args.runs,
            "year_referrals": year_report.total,
            "year_report_s": _median_seconds(lambda: build_report(db, year, kb), args.runs),
            "all_referrals": all_report.total,
            "all_report_s": _median_seconds(lambda: build_report(db, everything, kb), args.runs),
            "year_csv_s": _median_seconds(lambda: report_csv(db, year, kb), args.runs),
            "year_csv_bytes": len(csv_bytes),
            "year_chart_s": _median_seconds(lambda: report_chart_png(year_report, _finnish), args.runs),
            "year_chart_bytes": len(report_chart_png(year_report, _finnish)),
        }
        db.close()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
