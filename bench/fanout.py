"""Fan-out of one announcement to 500 channels through a fake Bot Connector that throttles like Teams.

The connector on 127.0.0.1 accepts at most 7 messages in any second per conversation and 30 in
any second overall, answering 429 with Retry-After beyond that, and answers another 5 % of calls
429 at random. The real delivery engine sends through a tiny aiohttp transport with the real clock.
Reported: total time against the theoretical minimum (500 / 30 s), duplicates and losses.

    .venv/bin/python -m bench.fanout [--channels 500] [--random-429 0.05] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import tempfile
import time
from collections import Counter, deque
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from bot.common.clock import system_clock
from bot.delivery.engine import DeliveryEngine, DeliveryError, DeliveryTuning
from bot.delivery.jobs import JobStore
from bot.delivery.outbox import Outbox
from bot.domain.registry import CHANNEL, ConversationInfo, ConversationRegistry
from bot.storage.sqlite import open_database

RESULTS = Path(__file__).parent / "results" / "fanout.json"
PER_CONVERSATION, OVERALL = 7, 30  # messages per second, as Teams enforces them


class Window:
    """Arrival times of accepted calls within the last second."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.times: deque[float] = deque()

    def wait(self, now: float) -> float:
        """Seconds until one more call would be accepted (0: now)."""
        while self.times and self.times[0] <= now - 1.0:
            self.times.popleft()
        return self.times[0] + 1.0 - now if len(self.times) >= self.limit else 0.0


class ThrottlingConnector:
    """POST /v3/conversations/{id}/activities, throttled per conversation and overall."""

    def __init__(self, random_429: float, seed: int) -> None:
        self.random_429 = random_429
        self.rng = random.Random(seed)
        self.overall = Window(OVERALL)
        self.conversations: dict[str, Window] = {}
        self.accepted: Counter[str] = Counter()
        self.answers: Counter[str] = Counter()

    async def post_activity(self, request: web.Request) -> web.Response:
        conversation_id = request.match_info["conversation_id"]
        await request.json()
        now = time.monotonic()
        conversation = self.conversations.setdefault(conversation_id, Window(PER_CONVERSATION))
        wait = max(self.overall.wait(now), conversation.wait(now))
        if wait > 0:
            self.answers["429 over the limit"] += 1
            return self._throttled(math.ceil(wait))
        if self.rng.random() < self.random_429:
            self.answers["429 at random"] += 1
            return self._throttled(1)
        self.overall.times.append(now)
        conversation.times.append(now)
        self.accepted[conversation_id] += 1
        self.answers["201 created"] += 1
        return web.json_response({"id": f"1:{sum(self.accepted.values())}"}, status=201)

    @staticmethod
    def _throttled(retry_after: int) -> web.Response:
        error = {"error": {"code": "Throttled", "message": "Too many requests"}}
        return web.json_response(error, status=429, headers={"Retry-After": str(retry_after)})


def http_transport(session: aiohttp.ClientSession):
    """The engine's transport edge: one POST per send, errors as DeliveryError."""

    async def send(operation: str, reference: dict[str, Any], activity: dict[str, Any], activity_id: str | None):
        conversation_id = reference["conversation"]["id"]
        url = f"{reference['serviceUrl']}v3/conversations/{conversation_id}/activities"
        async with session.post(url, json=activity) as response:
            if response.status >= 400:
                retry_after = response.headers.get("Retry-After")
                raise DeliveryError(response.status, float(retry_after) if retry_after else None, response.reason or "")
            return (await response.json())["id"]

    return send


async def run(channels: int, random_429: float, seed: int, rate_margin: float | None) -> dict[str, Any]:
    """Serve the connector, fan out one announcement, and measure."""
    connector = ThrottlingConnector(random_429, seed)
    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation_id}/activities", connector.post_activity)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    service_url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/"
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db", system_clock)
        registry = ConversationRegistry(db, system_clock)
        targets = [f"19:bench-{n:04d}@thread.tacv2" for n in range(channels)]
        for target in targets:
            reference = {"conversation": {"id": target}, "serviceUrl": service_url, "channelId": "msteams"}
            registry.record(ConversationInfo(target, CHANNEL, service_url, reference))
        async with aiohttp.ClientSession() as session:
            tuning = DeliveryTuning() if rate_margin is None else DeliveryTuning(rate_margin=rate_margin)
            wakeup = asyncio.Event()
            engine = DeliveryEngine(
                Outbox(db, system_clock, on_enqueue=wakeup.set),
                JobStore(db, system_clock, on_change=wakeup.set),
                http_transport(session),
                clock=system_clock,
                wakeup=wakeup,
                tuning=tuning,
                rng=random.Random(seed),
                on_target_gone=registry.deactivate,
            )
            began = time.perf_counter()
            for target in targets:
                reference = ConversationRegistry.reference_of(registry.get(target))
                activity = {"type": "message", "text": "Tietoisku ke 16.12.2026 klo 14.00: EURES"}
                engine.outbox.enqueue_send(
                    "announcement:bench", f"announcement:bench:{target}", target, reference, activity
                )
            running = asyncio.create_task(engine.run())
            while not engine.outbox.report("announcement:bench").finished:
                await asyncio.sleep(0.01)
            elapsed = time.perf_counter() - began
            engine.stop()
            await running
        report = engine.outbox.report("announcement:bench")
    await runner.cleanup()
    minimum = channels / OVERALL
    return {
        "channels": channels,
        "random_429_share": random_429,
        "total_seconds": round(elapsed, 2),
        "theoretical_minimum_seconds": round(minimum, 2),
        "ratio_to_minimum": round(elapsed / minimum, 3),
        "duplicates": sum(count - 1 for count in connector.accepted.values() if count > 1),
        "losses": sum(1 for target in targets if connector.accepted[target] == 0),
        "connector_answers": dict(connector.answers),
        "outbox_status": {status: count for status, count in report.counts.items() if count},
    }


def main() -> None:
    """Run the fan-out with several seeds, print the figures and write bench/results/fanout.json."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--channels", type=int, default=500)
    parser.add_argument("--random-429", type=float, default=0.05)
    parser.add_argument("--runs", type=int, default=3, help="one run per seed 1..RUNS")
    parser.add_argument("--rate-margin", type=float, default=None, help="engine's rate_margin (seconds)")
    args = parser.parse_args()
    runs = []
    for seed in range(1, args.runs + 1):
        result = asyncio.run(run(args.channels, args.random_429, seed, args.rate_margin))
        print(json.dumps({"seed": seed, **result}))
        runs.append({"seed": seed, **result})
    ratios = sorted(result["ratio_to_minimum"] for result in runs)
    summary = {
        "channels": args.channels,
        "theoretical_minimum_seconds": runs[0]["theoretical_minimum_seconds"],
        "median_seconds": sorted(result["total_seconds"] for result in runs)[len(runs) // 2],
        "median_ratio_to_minimum": ratios[len(ratios) // 2],
        "worst_ratio_to_minimum": ratios[-1],
        "duplicates": sum(result["duplicates"] for result in runs),
        "losses": sum(result["losses"] for result in runs),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"summary": summary, "runs": runs}, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
