"""Rate limits as Teams counts them: at most N calls in any one-second window."""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta


class SlidingWindowLimiter:
    """At most `rate`·period calls in any window of one period (1 s for rates of 1/s and more).

    Not a token bucket: a bucket's burst allowance lets one second hold capacity + rate calls,
    which Teams would answer with 429.
    """

    def __init__(self, rate: float, margin: float = 0.0) -> None:
        self._limit = max(1, int(rate))
        self._period = timedelta(seconds=self._limit / rate + margin)
        self._calls: deque[datetime] = deque(maxlen=self._limit)
        self._paused_until: datetime | None = None

    def ready_at(self, now: datetime) -> datetime:
        """The earliest moment, not before `now`, at which one more call is allowed."""
        ready = now
        if len(self._calls) == self._limit:
            ready = max(ready, self._calls[0] + self._period)
        if self._paused_until is not None:
            ready = max(ready, self._paused_until)
        return ready

    def record(self, now: datetime) -> None:
        """Count a call made at `now`."""
        self._calls.append(now)

    def pause_until(self, moment: datetime) -> None:
        """Allow nothing before `moment` (Teams said Retry-After)."""
        self._paused_until = max(moment, self._paused_until or moment)

    def busy(self, now: datetime) -> bool:
        """True while past calls or a pause still limit what may happen at `now`."""
        recent = bool(self._calls) and self._calls[-1] + self._period > now
        return recent or (self._paused_until is not None and self._paused_until > now)
