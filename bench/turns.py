"""Turn throughput of /api/messages: Kasvuopas's adapter set-up against stock botbuilder's.

Runs the real app on 127.0.0.1 and posts `apua` messages with deliveryMode expectReplies
from a client in the same process, at a given concurrency, for a fixed number of requests.
`--stock` swaps in botbuilder's ConfigurationBotFrameworkAuthentication (a new connector
client every turn) to show what the client reuse saves.

    .venv/bin/python -m bench.turns [--requests 2000] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp
from aiohttp import web

from bot.app import create_app
from bot.settings import Settings
from bot.teams.adapter import build_authentication

RESULTS = Path(__file__).parent / "results" / "turns.json"


def _activity(i: int, port: int) -> dict:
    return {
        "type": "message",
        "id": str(i),
        "text": "apua",
        "channelId": "msteams",
        "serviceUrl": f"http://127.0.0.1:{port}/",
        "deliveryMode": "expectReplies",
        "locale": "fi-FI",
        "conversation": {"id": f"a:bench-{i % 50}", "conversationType": "personal"},
        "from": {"id": f"29:user-{i % 50}", "aadObjectId": f"00000000-0000-4000-8000-{i % 50:012d}"},
        "recipient": {"id": "28:bot", "name": "Kasvuopas"},
    }


async def _run(requests: int, concurrency: int, stock: bool) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(_env_file=None, db_path=Path(folder) / "bench.db")
        authentication = build_authentication(settings, reuse_clients=not stock)
        runner = web.AppRunner(create_app(settings, authentication=authentication), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        url = f"http://127.0.0.1:{port}/api/messages"
        latencies: list[float] = []
        counter = iter(range(requests))
        async with aiohttp.ClientSession() as session:

            async def worker() -> None:
                for i in counter:
                    start = time.perf_counter()
                    async with session.post(url, json=_activity(i, port)) as response:
                        await response.read()
                        assert response.status == 200, response.status
                    latencies.append(time.perf_counter() - start)

            # warm-up
            for i in range(20):
                async with session.post(url, json=_activity(i, port)) as response:
                    await response.read()
            began = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            elapsed = time.perf_counter() - began
        await runner.cleanup()
    latencies.sort()
    return {
        "variant": "stock CloudAdapter authentication" if stock else "kasvuopas (clients reused)",
        "requests": requests,
        "concurrency": concurrency,
        "requests_per_second": round(requests / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2),
    }


def main() -> None:
    """Run both variants and write bench/results/turns.json."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    results = [
        asyncio.run(_run(args.requests, args.concurrency, stock=False)),
        asyncio.run(_run(args.requests, args.concurrency, stock=True)),
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for result in results:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
