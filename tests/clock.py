"""A fake clock for tests: time moves only when told to, and sleeping advances it instead of waiting."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

START = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the night Finland leaves summer time: UTC must not care


class FakeClock:
    """Time that moves only when told to; `sleep` advances it instead of waiting.

    `sleep` first lets every other ready task run (the way an auto-jump clock moves time only when
    the program is otherwise idle), so a sleep cancelled because a call completed moves nothing.
    """

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    def advance_to(self, moment: datetime) -> None:
        self.now = max(self.now, moment)

    async def sleep(self, seconds: float) -> None:
        for _ in range(10):
            await asyncio.sleep(0)
        self.advance(seconds)
