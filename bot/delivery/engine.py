"""The single sender loop: sends outbox rows within Teams' rate limits and runs due jobs.

Delivery guarantee, and its one trade-off:
- Before the transport is called a row is marked `sending` (committed); after Teams answers it
  becomes `sent` with the activity id Teams gave it. Every `pending` row survives a restart.
- If the process dies between the two (kill -9, power cut, a cancelled task), nobody knows whether
  Teams received that message. On start-up such rows become `unknown` and are NOT resent: a second
  copy in a channel is worse for users than a rare gap that the delivery report names ("process
  stopped while sending; check the channel"). So sends are exactly-once except for the at most
  `max_in_flight` rows in flight at the moment of the crash, which are at-most-once.
- Updates replace a message's content, which is harmless to repeat, so interrupted updates resume.
- Jobs run at least once (see `bot.delivery.jobs`); handlers enqueue with idempotency keys.
- One engine per database: start-up recovery assumes no other process is sending. Several
  instances would need a lease on the rows (with the later move to PostgreSQL).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import random
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.common.clock import Clock
from bot.common.conversation_ids import base_conversation_id
from bot.delivery.jobs import Job, JobStore
from bot.delivery.outbox import Outbox, OutboxRow
from bot.delivery.rate_limit import SlidingWindowLimiter
from bot.delivery.report import UPDATE

log = logging.getLogger(__name__)

# send(operation, reference, activity, activity_id) -> the new activity id (sends) or None (updates).
# Raises DeliveryError for HTTP failures; must apply its own request timeout.
Transport = Callable[[str, dict[str, Any], dict[str, Any], str | None], Awaitable[str | None]]
JobHandler = Callable[[dict[str, Any]], Awaitable[None]]
ProgressHook = Callable[[str], Awaitable[None] | None]

RETRYABLE_STATUSES = frozenset({412, 429, 502, 503, 504})  # Teams' transient answers
GONE_STATUSES = frozenset({403, 404})  # blocked or removed: retrying cannot help
REJECTED_STATUSES = frozenset({400, 413})  # the message itself is invalid or too large: neither can it
# Due rows looked at per round; rows of throttled conversations are skipped, so this bounds how far
# past a busy conversation's backlog the loop looks for other targets to fill the global rate.
SCAN_LIMIT = 200


class DeliveryError(Exception):
    """An HTTP failure from the Bot Connector, as the transport reports it."""

    def __init__(self, status: int, retry_after: float | None = None, message: str = "") -> None:
        super().__init__(f"HTTP {status}: {message}" if message else f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after
        self.message = message


def _earliest(*moments: datetime | None) -> datetime | None:
    known = [moment for moment in moments if moment is not None]
    return min(known) if known else None


@dataclass(frozen=True)
class DeliveryTuning:
    """The engine's tuning values, in one object (see `DeliveryEngine` for what each does)."""

    rate_per_conversation: float = 7.0  # Teams: 7 messages a second per conversation
    global_rate: float = 30.0  # messages a second in all (`KASVUOPAS_SEND_RATE`)
    max_in_flight: int = 8
    max_attempts: int = 6
    max_transient_attempts: int = 30
    rate_margin: float = 0.02
    progress_interval: float = 1.0
    backoff_base: float = 1.0
    backoff_cap: float = 300.0


class DeliveryEngine:
    """Sends due outbox rows and runs due jobs, one loop per process.

    Rates are calls per second per conversation (threads count with their channel) and overall;
    `rate_margin` seconds are added to each one-second window because Teams counts arrivals, which
    jitter against our send times. 429/412/502/503/504 are retried up to `max_transient_attempts`
    times, other failures up to `max_attempts`, with exponential backoff and full jitter from `rng`.

    The outbox and the job store are built once (by the app) and injected; both ring `wakeup` when
    new work arrives. `on_target_gone(conversation_id)` is told about targets that answer 403/404.
    """

    def __init__(
        self,
        outbox: Outbox,
        jobs: JobStore,
        transport: Transport,
        *,
        clock: Clock,
        wakeup: asyncio.Event,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        tuning: DeliveryTuning = DeliveryTuning(),
        job_handlers: Mapping[str, JobHandler] | None = None,
        progress_hooks: Sequence[ProgressHook] = (),
        on_target_gone: Callable[[str], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.outbox = outbox
        self.jobs = jobs
        self._transport = transport
        self._clock = clock
        self._sleep = sleep
        self._tuning = tuning
        self._global_limit = SlidingWindowLimiter(tuning.global_rate, tuning.rate_margin)
        self._conversation_limits: dict[str, SlidingWindowLimiter] = {}
        self._job_handlers = dict(job_handlers or {})
        self._progress_hooks = list(progress_hooks)
        self._on_target_gone = on_target_gone
        self._progress_interval = timedelta(seconds=tuning.progress_interval)
        self._progress_pending: set[str] = set()
        self._progress_last: dict[str, datetime] = {}
        self._rng = rng or random.Random()
        self._sends: set[asyncio.Future[None]] = set()
        self._job_runs: set[asyncio.Future[None]] = set()
        self._running_job_ids: set[int] = set()
        self._woken = wakeup
        self._stopping = False
        self._recovered = False

    def wake(self) -> None:
        """New work was enqueued or scheduled: look at the tables again now."""
        self._woken.set()

    def stop(self) -> None:
        """Ask `run()` to return once the calls in flight have finished."""
        self._stopping = True
        self._woken.set()

    async def run(self) -> None:
        """Deliver and run jobs until `stop()`. Cancelling it is like the process dying mid-send."""
        self._recover_once()
        try:
            while not self._stopping:
                try:
                    await self._cycle(until_idle=False)
                except Exception:  # e.g. a database locked for too long: deliveries must not end for good
                    log.exception("delivery loop failed; trying again in a second")
                    await self._sleep(1.0)
            if self._sends or self._job_runs:
                await asyncio.wait(self._sends | self._job_runs)
        finally:
            # On cancellation the calls in flight are abandoned: their rows stay `sending` until the
            # next start-up turns them `unknown`, exactly as after a crash.
            for task in self._sends | self._job_runs:
                task.cancel()

    async def run_until_idle(self) -> None:
        """Process everything due at the clock's current time, waiting (via `sleep`) only for rate limits."""
        self._recover_once()
        while await self._cycle(until_idle=True):
            pass

    def next_wake_at(self) -> datetime | None:
        """When something not yet due becomes due: a retry, a scheduled row or job, a progress call."""
        now = self._clock()
        progress = [
            self._progress_last[group] + self._progress_interval if group in self._progress_last else now
            for group in self._progress_pending
        ]
        return _earliest(self.outbox.next_due_at(), self.jobs.next_due_at(), *progress)

    def _recover_once(self) -> None:
        if not self._recovered:
            self._recovered = True
            unknown = self.outbox.recover_interrupted()
            if unknown:
                log.warning("%d message(s) were being sent when the process stopped; reported as unknown", unknown)

    async def _cycle(self, until_idle: bool) -> bool:
        """Start what may start now, then wait for a change; False when idle (in `until_idle` mode)."""
        self._woken.clear()
        now = self._clock()
        await self._flush_progress(now)
        self._start_due_jobs()
        throttled_until = self._start_due_sends(now)
        if until_idle:
            if not self._sends and not self._job_runs and throttled_until is None:
                return False
            await self._wait(throttled_until, now, wake_on_enqueue=False)
            return True
        later = self.next_wake_at()
        await self._wait(_earliest(throttled_until, later if later and later > now else None), now, True)
        return True

    async def _wait(self, wake_at: datetime | None, now: datetime, wake_on_enqueue: bool) -> None:
        helpers = []
        if wake_at is not None:
            helpers.append(asyncio.ensure_future(self._sleep(max((wake_at - now).total_seconds(), 0.0))))
        if wake_on_enqueue:
            helpers.append(asyncio.ensure_future(self._woken.wait()))
        waiting = self._sends | self._job_runs | set(helpers)
        if not waiting:
            return
        try:
            await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for helper in helpers:
                helper.cancel()

    def _spawn(self, work: Coroutine[Any, Any, None], into: set[asyncio.Future[None]]) -> None:
        task = asyncio.ensure_future(work)
        into.add(task)
        task.add_done_callback(into.discard)
        task.add_done_callback(_log_crash)

    def _conversation_limit(self, conversation_id: str) -> SlidingWindowLimiter:
        key = base_conversation_id(conversation_id)  # Teams throttles a channel, threads included
        limiter = self._conversation_limits.get(key)
        if limiter is None:
            if len(self._conversation_limits) > 1000:
                now = self._clock()
                self._conversation_limits = {k: v for k, v in self._conversation_limits.items() if v.busy(now)}
            limiter = self._conversation_limits[key] = SlidingWindowLimiter(
                self._tuning.rate_per_conversation, self._tuning.rate_margin
            )
        return limiter

    def _start_due_sends(self, now: datetime) -> datetime | None:
        """Claim and start due rows the rate limits allow; returns when a throttled row could go next."""
        free = self._tuning.max_in_flight - len(self._sends)
        throttled_until = None
        if free <= 0:
            return None  # a completion wakes the loop
        for due in self.outbox.due_rows(limit=SCAN_LIMIT):
            ready = self._global_limit.ready_at(now)
            if ready > now:
                return _earliest(throttled_until, ready)
            limiter = self._conversation_limit(due.conversation_id)
            ready = limiter.ready_at(now)
            if ready > now:
                throttled_until = _earliest(throttled_until, ready)
                continue
            row = self.outbox.claim(due.id)
            if row is None:
                continue
            self._global_limit.record(now)
            limiter.record(now)
            self._spawn(self._deliver(row), self._sends)
            free -= 1
            if free == 0:
                break
        return throttled_until

    async def _deliver(self, row: OutboxRow) -> None:
        try:
            activity_id = await self._transport(row.operation, row.reference, row.activity, row.activity_id)
        except DeliveryError as error:
            # status 0: no HTTP answer at all (the transport could not connect)
            text = str(error) if error.status else error.message or "no answer"
            self._after_failure(row, error.status, error.retry_after, text)
        except Exception as error:  # noqa: BLE001 - connection errors and the like: retried, bounded
            self._after_failure(row, None, None, f"{type(error).__name__}: {error}")
        else:
            self.outbox.mark_sent(row.id, None if row.operation == UPDATE else activity_id)
        self._progress_changed(row.group_key)

    def _after_failure(self, row: OutboxRow, status: int | None, retry_after: float | None, error: str) -> None:
        now = self._clock()
        if status in GONE_STATUSES:
            if row.operation != UPDATE:
                # An update's 404 may only mean the message was deleted, so only sends retire a target.
                self.outbox.mark_inactive(row.id, error)
                if self._on_target_gone is not None:
                    self._on_target_gone(row.conversation_id)
            else:
                self.outbox.mark_failed(row.id, error)
            log.info("target %s unreachable (%s)", row.conversation_id, error)
            return
        tuning = self._tuning
        limit = tuning.max_transient_attempts if status in RETRYABLE_STATUSES else tuning.max_attempts
        if status in REJECTED_STATUSES or row.attempts >= limit:
            self.outbox.mark_failed(row.id, error)
            log.warning("giving up on outbox row %d after %d attempt(s): %s", row.id, row.attempts, error)
            return
        if retry_after is not None:
            delay = retry_after + self._rng.uniform(0, min(1.0, retry_after / 10))  # spread the retries a little
            if status == 429:
                self._conversation_limit(row.conversation_id).pause_until(now + timedelta(seconds=retry_after))
        else:
            delay = self._backoff(row.attempts)
        self.outbox.mark_retry(row.id, now + timedelta(seconds=delay), error)

    def _backoff(self, attempts: int) -> float:
        """Exponential backoff with full jitter: uniform between 0 and base·2^(attempts-1), capped."""
        return self._rng.uniform(0, min(self._tuning.backoff_cap, self._tuning.backoff_base * 2 ** (attempts - 1)))

    def _start_due_jobs(self) -> None:
        free = self._tuning.max_in_flight - len(self._job_runs)
        for job in self.jobs.due(limit=free + len(self._running_job_ids)):
            if free <= 0:
                break
            if job.id not in self._running_job_ids:
                self._running_job_ids.add(job.id)
                self._spawn(self._run_job(job), self._job_runs)
                free -= 1

    async def _run_job(self, job: Job) -> None:
        try:
            handler = self._job_handlers.get(job.kind)
            if handler is None:
                self.jobs.mark_failed(job, f"no handler for job kind {job.kind!r}")
                return
            try:
                await handler(job.payload)
            except Exception as error:  # noqa: BLE001 - a failing handler is retried, bounded
                text = f"{type(error).__name__}: {error}"
                if job.attempts + 1 >= self._tuning.max_attempts:
                    self.jobs.mark_failed(job, text)
                    log.warning("job %s failed for good: %s", job.job_key, text)
                else:
                    retry_at = self._clock() + timedelta(seconds=self._backoff(job.attempts + 1))
                    self.jobs.mark_retry(job, retry_at, text)
            else:
                self.jobs.mark_done(job)
        finally:
            self._running_job_ids.discard(job.id)

    def _progress_changed(self, group_key: str) -> None:
        if self._progress_hooks and group_key:
            self._progress_pending.add(group_key)

    async def _flush_progress(self, now: datetime) -> None:
        """Call the progress hooks for changed groups, at most once per `progress_interval` per group."""
        for group in sorted(self._progress_pending):
            last = self._progress_last.get(group)
            if last is not None and now - last < self._progress_interval:
                continue
            self._progress_pending.discard(group)
            self._progress_last[group] = now
            for hook in self._progress_hooks:
                try:
                    result = hook(group)
                    if inspect.isawaitable(result):
                        await result
                except Exception:  # a failing report refresh must not stop deliveries
                    log.exception("progress hook failed for %s", group)
        self._progress_last = {
            group: last
            for group, last in self._progress_last.items()
            if group in self._progress_pending or now - last < self._progress_interval
        }


def _log_crash(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("delivery task crashed", exc_info=task.exception())
