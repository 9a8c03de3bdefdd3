"""Scheduled jobs: they fire when the (fake) clock reaches their time, once, and survive restarts."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.delivery.engine import DeliveryEngine
from bot.delivery.jobs import JobStore
from bot.storage.sqlite import open_database
from tests.clock import FakeClock
from tests.test_delivery import FakeTeams, announce, drain, make_engine, register_channels

HELSINKI = ZoneInfo("Europe/Helsinki")


class Recorder:
    """A job handler that records when it ran, optionally failing the first `failures` times."""

    def __init__(self, clock: FakeClock, failures: int = 0) -> None:
        self.clock = clock
        self.failures = failures
        self.runs: list[tuple[datetime, dict[str, Any]]] = []

    async def __call__(self, payload: dict[str, Any]) -> None:
        self.runs.append((self.clock(), payload))
        if len(self.runs) <= self.failures:
            raise RuntimeError("knowledge base unavailable")


def engine_with(tmp_path: Path, clock: FakeClock, **handlers: Any) -> DeliveryEngine:
    return make_engine(open_database(tmp_path / "kasvuopas.db"), FakeTeams(clock), clock, job_handlers=handlers)


async def test_a_job_fires_when_the_clock_reaches_its_time_and_not_before(tmp_path: Path):
    clock = FakeClock()
    reminder = Recorder(clock)
    engine = engine_with(tmp_path, clock, reminder=reminder)
    due = clock() + timedelta(hours=20)
    engine.jobs.schedule("webinar:3:reminder:day-before", "reminder", due, {"webinar_id": 3})

    clock.advance_to(due - timedelta(seconds=1))
    await engine.run_until_idle()
    assert reminder.runs == []
    clock.advance(1)
    await engine.run_until_idle()
    assert reminder.runs == [(due, {"webinar_id": 3})]
    assert engine.jobs.get("webinar:3:reminder:day-before").status == "done"


async def test_the_running_loop_sleeps_until_the_due_time(tmp_path: Path):
    clock = FakeClock()
    reminder = Recorder(clock)
    engine = engine_with(tmp_path, clock, reminder=reminder)
    # 14.45 Helsinki time on the day after the switch to winter time: stored and compared in UTC
    due = datetime(2026, 10, 26, 14, 45, tzinfo=HELSINKI)
    engine.jobs.schedule("webinar:3:reminder:15min", "reminder", due, {})
    running = asyncio.create_task(engine.run())
    for _ in range(1000):
        if reminder.runs:
            break
        await asyncio.sleep(0)
    engine.stop()
    await asyncio.wait_for(running, 1)
    assert [ran_at for ran_at, _ in reminder.runs] == [due]


async def test_scheduled_jobs_survive_a_restart(tmp_path: Path):
    clock = FakeClock()
    JobStore(open_database(tmp_path / "kasvuopas.db"), clock).schedule(
        "poll:8:deadline", "poll_deadline", clock() + timedelta(days=2), {"poll_id": 8}
    )

    deadline = Recorder(clock)
    restarted = engine_with(tmp_path, clock, poll_deadline=deadline)
    await drain(restarted, clock, horizon=timedelta(days=3))
    assert [payload for _, payload in deadline.runs] == [{"poll_id": 8}]


async def test_a_rescheduled_job_fires_only_at_its_new_time(tmp_path: Path):
    clock = FakeClock()
    reminder = Recorder(clock)
    engine = engine_with(tmp_path, clock, reminder=reminder)
    first, later = clock() + timedelta(hours=1), clock() + timedelta(hours=3)
    assert engine.jobs.schedule("webinar:3:reminder", "reminder", first, {"starts": "15.00"})
    assert engine.jobs.schedule("webinar:3:reminder", "reminder", later, {"starts": "17.00"})

    await drain(engine, clock, horizon=timedelta(days=1))
    assert reminder.runs == [(later, {"starts": "17.00"})]
    # Done is final: the same key does not run again (a new date needs a new key).
    assert not engine.jobs.schedule("webinar:3:reminder", "reminder", later + timedelta(hours=1), {})


async def test_a_handler_may_reschedule_its_own_job_for_the_next_time(tmp_path: Path):
    clock = FakeClock()
    start = clock()

    async def every_other_wednesday(payload: dict[str, Any]) -> None:
        runs.append(clock())
        if len(runs) < 3:
            engine.jobs.schedule("tietoisku:series", "series", clock() + timedelta(days=14), payload)

    runs: list[datetime] = []
    engine = engine_with(tmp_path, clock, series=every_other_wednesday)
    engine.jobs.schedule("tietoisku:series", "series", start, {})
    await drain(engine, clock, horizon=timedelta(days=60))
    assert runs == [start, start + timedelta(days=14), start + timedelta(days=28)]


async def test_a_cancelled_job_never_fires(tmp_path: Path):
    clock = FakeClock()
    reminder = Recorder(clock)
    engine = engine_with(tmp_path, clock, reminder=reminder)
    engine.jobs.schedule("webinar:4:reminder", "reminder", clock() + timedelta(minutes=5), {})
    assert engine.jobs.cancel("webinar:4:reminder")
    await drain(engine, clock, horizon=timedelta(days=1))
    assert reminder.runs == []
    assert engine.jobs.get("webinar:4:reminder").status == "cancelled"


async def test_a_failing_handler_is_retried_with_backoff_a_bounded_number_of_times(tmp_path: Path):
    clock = FakeClock()
    broken = Recorder(clock, failures=100)
    engine = engine_with(tmp_path, clock, follow_up=broken)
    engine.jobs.schedule("referral:5:follow-up", "follow_up", clock(), {})
    await drain(engine, clock, horizon=timedelta(days=1))

    assert len(broken.runs) == 6  # max_attempts
    times = [ran_at for ran_at, _ in broken.runs]
    assert times == sorted(times)
    job = engine.jobs.get("referral:5:follow-up")
    assert job.status == "failed"
    assert job.attempts == 6
    assert job.last_error == "RuntimeError: knowledge base unavailable"


async def test_a_handler_that_fails_once_succeeds_on_retry(tmp_path: Path):
    clock = FakeClock()
    flaky = Recorder(clock, failures=1)
    engine = engine_with(tmp_path, clock, follow_up=flaky)
    engine.jobs.schedule("referral:6:follow-up", "follow_up", clock(), {})
    await drain(engine, clock)
    assert len(flaky.runs) == 2
    assert engine.jobs.get("referral:6:follow-up").status == "done"


async def test_a_scheduled_announcement_is_sent_by_the_same_loop_once(tmp_path: Path):
    clock = FakeClock()
    db = open_database(tmp_path / "kasvuopas.db")
    targets = register_channels(db, 5)
    teams = FakeTeams(clock)

    async def send_announcement(payload: dict[str, Any]) -> None:
        announce(engine, targets, group_key=f"announcement:{payload['id']}")

    engine = make_engine(db, teams, clock, job_handlers={"announcement": send_announcement})
    due = clock() + timedelta(minutes=30)
    engine.jobs.schedule("announcement:9:send", "announcement", due, {"id": 9})
    engine.jobs.schedule("announcement:9:send", "announcement", due, {"id": 9})  # a double click
    await drain(engine, clock)

    assert [call.at for call in teams.calls] == [due] * 5
    assert engine.outbox.report("announcement:9").counts["sent"] == 5


async def test_a_job_without_a_handler_is_reported_as_failed(tmp_path: Path):
    clock = FakeClock()
    engine = engine_with(tmp_path, clock)
    engine.jobs.schedule("mystery:1", "mystery", clock(), {})
    await drain(engine, clock)
    assert engine.jobs.get("mystery:1").status == "failed"


def test_times_without_a_time_zone_are_refused(tmp_path: Path):
    jobs = JobStore(open_database(tmp_path / "kasvuopas.db"), FakeClock())
    with pytest.raises(ValueError):
        jobs.schedule("webinar:1:reminder", "reminder", datetime(2026, 12, 16, 14, 0), {})
