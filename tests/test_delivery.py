"""The delivery engine against a real SQLite file, a fake clock and a plain fake transport."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.delivery.engine import DeliveryEngine, DeliveryError, DeliveryTuning
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.registry import CHANNEL, ConversationInfo, ConversationRegistry
from bot.storage.database import Database
from bot.storage.sqlite import open_database
from tests.clock import FakeClock

SERVICE_URL = "https://smba.trafficmanager.net/emea/"


@dataclass
class TransportCall:
    at: datetime
    operation: str
    conversation_id: str
    activity: dict[str, Any]
    activity_id: str | None


@dataclass
class FakeTeams:
    """The transport edge: records calls at the fake clock's time; `script` lists failures per target."""

    clock: FakeClock
    script: dict[str, list[Exception]] = field(default_factory=dict)
    hang_on_call: int | None = None  # this call (1-based) never answers: a request in flight
    calls: list[TransportCall] = field(default_factory=list)
    delivered: Counter = field(default_factory=Counter)

    async def __call__(self, operation: str, reference: dict, activity: dict, activity_id: str | None) -> str | None:
        conversation_id = reference["conversation"]["id"]
        self.calls.append(TransportCall(self.clock(), operation, conversation_id, activity, activity_id))
        if len(self.calls) == self.hang_on_call:
            await asyncio.Event().wait()
        failures = self.script.get(conversation_id)
        if failures:
            raise failures.pop(0)
        if operation == "update":
            return None
        self.delivered[conversation_id] += 1
        return f"1:{len(self.calls)}"

    def times(self, conversation_id: str) -> list[datetime]:
        return [call.at for call in self.calls if call.conversation_id == conversation_id]


def reference_for(conversation_id: str) -> dict[str, Any]:
    return {"conversation": {"id": conversation_id}, "serviceUrl": SERVICE_URL, "channelId": "msteams"}


def register_channels(db: Database, count: int) -> list[str]:
    """Channels the bot is installed in, as the registry records them."""
    registry = ConversationRegistry(db, FakeClock())
    ids = [f"19:channel-{n:03d}@thread.tacv2" for n in range(count)]
    for conversation_id in ids:
        registry.record(ConversationInfo(conversation_id, CHANNEL, SERVICE_URL, reference_for(conversation_id)))
    return ids


def announce(engine: DeliveryEngine, targets: list[str], group_key: str = "announcement:1") -> None:
    for conversation_id in targets:
        engine.outbox.enqueue_send(
            group_key,
            f"{group_key}:{conversation_id}",
            conversation_id,
            reference_for(conversation_id),
            {"type": "message", "text": "Tietoisku ke 28.10.2026 klo 14.00"},
        )


async def drain(engine: DeliveryEngine, clock: FakeClock, horizon: timedelta = timedelta(hours=1)) -> None:
    """Run until nothing is left within `horizon`, jumping the clock to each next due moment."""
    end = clock() + horizon
    for _ in range(10_000):
        await engine.run_until_idle()
        wake_at = engine.next_wake_at()
        if wake_at is None or wake_at > end:
            return
        clock.advance_to(wake_at)
    raise AssertionError("the engine never became idle")


def most_in_any_second(times: list[datetime]) -> int:
    ordered = sorted(times)
    return max((sum(1 for t in ordered if start <= t < start + timedelta(seconds=1)) for start in ordered), default=0)


def make_engine(db: Database, teams: Any, clock: FakeClock, **options: Any) -> DeliveryEngine:
    """An engine wired as `create_app` wires it: shared outbox and job store, one wake-up event."""
    tuning_names = {field.name for field in fields(DeliveryTuning)}
    tuning = DeliveryTuning(**{name: value for name, value in options.items() if name in tuning_names})
    others = {name: value for name, value in options.items() if name not in tuning_names}
    wakeup = asyncio.Event()
    return DeliveryEngine(
        Outbox(db, clock, on_enqueue=wakeup.set),
        JobStore(db, clock, on_change=wakeup.set),
        teams,
        clock=clock,
        wakeup=wakeup,
        sleep=clock.sleep,
        tuning=tuning,
        rng=random.Random(4),
        on_target_gone=ConversationRegistry(db, clock).deactivate,
        **others,
    )


async def test_fan_out_reaches_every_target_once_and_reports_what_happened(tmp_path: Path):
    clock = FakeClock()
    db = open_database(tmp_path / "kasvuopas.db")
    targets = register_channels(db, 50)
    throttled, bad_gateway, blocked, removed = targets[5], targets[7], targets[13], targets[21]
    teams = FakeTeams(
        clock,
        script={
            throttled: [DeliveryError(429, 2.0, "Too Many Requests")],
            targets[10]: [DeliveryError(429, 2.0, "Too Many Requests"), DeliveryError(429, 3.0, "Too Many Requests")],
            targets[20]: [DeliveryError(429, None, "Too Many Requests")],
            bad_gateway: [DeliveryError(502, None, "Bad Gateway")],
            blocked: [DeliveryError(403, None, "ConversationBlockedByUser")],
            removed: [DeliveryError(404, None, "ConversationNotFound")],
        },
    )
    engine = make_engine(db, teams, clock)
    announce(engine, targets)

    await drain(engine, clock)

    deliverable = [t for t in targets if t not in (blocked, removed)]
    assert all(teams.delivered[t] == 1 for t in deliverable)
    assert teams.delivered[blocked] == teams.delivered[removed] == 0
    assert len(teams.times(blocked)) == len(teams.times(removed)) == 1  # no endless retries
    first, second = teams.times(throttled)
    assert second - first >= timedelta(seconds=2)  # Retry-After honoured
    report = engine.outbox.report("announcement:1")
    assert report.finished
    assert report.counts == {"pending": 0, "sending": 0, "sent": 48, "failed": 0, "inactive": 2, "unknown": 0}
    reasons = {target.conversation_id: target.reason for target in report.targets}
    assert reasons[blocked] == "blocked by the user"
    assert reasons[removed] == "bot removed from the conversation"
    assert reasons[throttled] == "throttled, retried 1 time"
    assert reasons[targets[10]] == "throttled, retried 2 times"
    assert reasons[bad_gateway] == "retried 1 time after HTTP 502: Bad Gateway"
    assert reasons[targets[0]] == ""
    registry = ConversationRegistry(db, clock)
    assert registry.get(blocked)["active"] == 0
    assert registry.get(removed)["active"] == 0
    assert registry.get(throttled)["active"] == 1
    assert len(engine.outbox.sent_copies("announcement:1")) == 48
    assert len(engine.outbox.sent_copies("announcement:1", key_prefix="announcement:1:19:channel-00")) == 10


async def test_enqueueing_the_same_message_twice_sends_it_once(tmp_path: Path):
    clock = FakeClock()
    db = open_database(tmp_path / "kasvuopas.db")
    (target,) = register_channels(db, 1)
    teams = FakeTeams(clock)
    engine = make_engine(db, teams, clock)
    first = engine.outbox.enqueue_send("announcement:2", "announcement:2:x", target, reference_for(target), {})
    again = engine.outbox.enqueue_send("announcement:2", "announcement:2:x", target, reference_for(target), {})
    await drain(engine, clock)
    late = engine.outbox.enqueue_send("announcement:2", "announcement:2:x", target, reference_for(target), {})
    await drain(engine, clock)
    assert isinstance(first, int)
    assert again is None and late is None
    assert teams.delivered[target] == 1


async def test_a_burst_of_updates_to_one_message_becomes_about_one_update_a_second(tmp_path: Path):
    clock = FakeClock()
    db = open_database(tmp_path / "kasvuopas.db")
    (channel,) = register_channels(db, 1)
    teams = FakeTeams(clock)
    engine = make_engine(db, teams, clock)
    for votes in range(1, 201):  # 200 votes in 10 seconds
        engine.outbox.enqueue_update("webinar:1:cards", channel, reference_for(channel), "1:77", {"attending": votes})
        assert engine.outbox.report("webinar:1:cards").counts["pending"] <= 1
        await engine.run_until_idle()
        clock.advance(0.05)
    await drain(engine, clock)

    updates = [call for call in teams.calls if call.operation == "update"]
    assert 9 <= len(updates) <= 12
    assert {call.activity_id for call in updates} == {"1:77"}
    assert updates[-1].activity == {"attending": 200}  # the last payload wins
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(updates)]
    assert min(gaps) >= timedelta(seconds=1)


async def test_a_failed_update_is_not_retried_over_a_newer_one(tmp_path: Path):
    clock = FakeClock()
    db = open_database(tmp_path / "kasvuopas.db")
    (channel,) = register_channels(db, 1)
    teams = FakeTeams(clock, script={channel: [DeliveryError(502, None, "Bad Gateway")]})

    async def vote_arrives_during_the_call(operation, reference, activity, activity_id):
        if not teams.calls:
            engine.outbox.enqueue_update("webinar:1", channel, reference, activity_id, {"attending": 2})
        return await teams(operation, reference, activity, activity_id)

    engine = make_engine(db, vote_arrives_during_the_call, clock)
    engine.outbox.enqueue_update("webinar:1", channel, reference_for(channel), "1:77", {"attending": 1})
    await drain(engine, clock)

    assert [call.activity for call in teams.calls] == [{"attending": 1}, {"attending": 2}]
    outcomes = [(target.status, target.reason) for target in engine.outbox.report("webinar:1").targets]
    assert outcomes == [("failed", "replaced by a newer update"), ("sent", "")]


async def test_rates_per_conversation_and_overall_are_respected(tmp_path: Path):
    clock = FakeClock()
    db = open_database(tmp_path / "kasvuopas.db")
    targets = register_channels(db, 100)
    busy = targets[0]
    thread = f"{busy};messageid=1761300000000"  # a thread of the same channel shares its limit
    teams = FakeTeams(clock)
    engine = make_engine(db, teams, clock)
    for n in range(30):
        conversation_id = thread if n % 2 else busy
        engine.outbox.enqueue_send("reminders", f"reminder:{n}", conversation_id, reference_for(conversation_id), {})
    announce(engine, targets)

    await drain(engine, clock)

    assert len(teams.calls) == 130
    channel_times = [call.at for call in teams.calls if call.conversation_id.startswith(busy)]
    assert most_in_any_second(channel_times) <= 7
    assert most_in_any_second([call.at for call in teams.calls]) <= 30
    # …and no slower than the limits require: while the busy channel waits, the announcement fills
    # the rest of each second, so 130 calls take 5 windows of 1 s + the 0.02 s safety margin.
    assert teams.calls[-1].at - teams.calls[0].at <= timedelta(seconds=4 * 1.02)


async def test_an_abrupt_stop_mid_fan_out_never_sends_a_target_twice(tmp_path: Path):
    clock = FakeClock()
    path = tmp_path / "kasvuopas.db"
    db = open_database(path)
    targets = register_channels(db, 50)
    before = FakeTeams(clock, hang_on_call=20)
    engine = make_engine(db, before, clock)
    announce(engine, targets)
    running = asyncio.create_task(engine.run())
    for _ in range(10_000):
        if len(before.calls) >= 35:
            break
        await asyncio.sleep(0)
    running.cancel()  # the process dies after 35 calls, while the 20th message is still on its way
    with contextlib.suppress(asyncio.CancelledError):
        await running

    after = FakeTeams(clock)
    restarted = make_engine(open_database(path), after, clock)
    await drain(restarted, clock)

    received = Counter(call.conversation_id for call in before.calls + after.calls)
    assert all(received[target] == 1 for target in targets)
    in_flight = before.calls[19].conversation_id
    assert in_flight not in {call.conversation_id for call in after.calls}
    report = restarted.outbox.report("announcement:1")
    assert report.counts["sent"] == 49
    assert report.counts["unknown"] == 1
    (unknown,) = [target for target in report.targets if target.status == "unknown"]
    assert unknown.conversation_id == in_flight
    assert unknown.reason == "process stopped while sending; check the channel"


async def test_an_update_interrupted_by_a_stop_is_sent_again_after_the_restart(tmp_path: Path):
    clock = FakeClock()
    path = tmp_path / "kasvuopas.db"
    db = open_database(path)
    (channel,) = register_channels(db, 1)
    before = FakeTeams(clock, hang_on_call=1)
    engine = make_engine(db, before, clock)
    engine.outbox.enqueue_update("webinar:1", channel, reference_for(channel), "1:77", {"attending": 3})
    running = asyncio.create_task(engine.run())
    for _ in range(1000):
        if before.calls:
            break
        await asyncio.sleep(0)
    running.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await running

    after = FakeTeams(clock)
    restarted = make_engine(open_database(path), after, clock)
    await drain(restarted, clock)
    # Replacing the card's content twice is harmless, so unlike a send the update is not left unknown.
    assert [(call.activity_id, call.activity) for call in after.calls] == [("1:77", {"attending": 3})]
    assert restarted.outbox.report("webinar:1").counts["sent"] == 1


async def test_other_kinds_of_new_message_are_handled_like_sends(tmp_path: Path):
    clock = FakeClock()
    db = open_database(tmp_path / "kasvuopas.db")
    teams = FakeTeams(clock, script={"personal:gone": [DeliveryError(403, None, "Forbidden")]})
    engine = make_engine(db, teams, clock)
    for user in ("personal:anna", "personal:gone"):
        engine.outbox.enqueue_send(
            "webinar:1:notices", f"notice:{user}", user, reference_for(user), {}, operation="open"
        )
    await drain(engine, clock)
    assert {call.operation for call in teams.calls} == {"open"}
    report = engine.outbox.report("webinar:1:notices")
    assert [(target.status, target.reason) for target in report.targets] == [
        ("sent", ""),
        ("inactive", "blocked by the user"),
    ]


async def test_other_errors_are_retried_a_bounded_number_of_times_then_reported(tmp_path: Path):
    clock = FakeClock()
    db = open_database(tmp_path / "kasvuopas.db")
    broken, flaky, too_big = register_channels(db, 3)
    teams = FakeTeams(
        clock,
        script={
            broken: [DeliveryError(500, None, "Internal Server Error") for _ in range(20)],
            flaky: [ConnectionResetError("connection reset by peer")],
            too_big: [DeliveryError(413, None, "MessageSizeTooBig")],
        },
    )
    engine = make_engine(db, teams, clock, max_attempts=6)
    announce(engine, [broken, flaky, too_big])
    await drain(engine, clock)

    assert len(teams.times(broken)) == 6
    assert teams.delivered[flaky] == 1
    assert len(teams.times(too_big)) == 1  # retrying an invalid message cannot help
    reasons = {target.conversation_id: target for target in engine.outbox.report("announcement:1").targets}
    assert reasons[broken].status == "failed"
    assert reasons[broken].reason == "failed after 6 attempts: HTTP 500: Internal Server Error"
    assert reasons[flaky].reason == "retried 1 time after ConnectionResetError: connection reset by peer"
    assert reasons[too_big].reason == "rejected by Teams: HTTP 413: MessageSizeTooBig"
    assert ConversationRegistry(db, clock).get(broken)["active"] == 1  # a server error is not the target's fault


async def test_the_running_engine_picks_up_new_work_and_stops_when_asked(tmp_path: Path):
    clock = FakeClock()
    db = open_database(tmp_path / "kasvuopas.db")
    targets = register_channels(db, 3)
    teams = FakeTeams(clock)
    engine = make_engine(db, teams, clock)
    running = asyncio.create_task(engine.run())
    await asyncio.sleep(0)
    announce(engine, targets)  # enqueueing through engine.outbox wakes the loop
    for _ in range(1000):
        if len(teams.calls) == 3:
            break
        await asyncio.sleep(0)
    engine.stop()
    await asyncio.wait_for(running, 1)
    assert sorted(teams.delivered) == targets


async def test_report_card_refreshes_are_coalesced_to_one_a_second(tmp_path: Path):
    clock = FakeClock()
    db = open_database(tmp_path / "kasvuopas.db")
    targets = register_channels(db, 100)
    refreshes: list[tuple[datetime, int]] = []

    async def refresh(group_key: str) -> None:
        refreshes.append((clock(), engine.outbox.report(group_key).counts["sent"]))

    engine = make_engine(db, FakeTeams(clock), clock, progress_hooks=[refresh])
    announce(engine, targets)
    await drain(engine, clock)

    assert 3 <= len(refreshes) <= 6  # 100 sends over about 3.5 s
    gaps = [later[0] - earlier[0] for earlier, later in itertools.pairwise(refreshes)]
    assert min(gaps) >= timedelta(seconds=1)
    assert refreshes[-1][1] == 100  # the last refresh shows the finished delivery
