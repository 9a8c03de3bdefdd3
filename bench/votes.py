"""Poll vote throughput and latency: Kasvuopas against a bare aiohttp handler and a stock botbuilder bot.

Each server runs in its own process on 127.0.0.1; this process is the load generator. Kasvuopas gets
real `adaptiveCard/action` invokes for one poll from many different voters (its delivery engine
runs, sending the coalesced card updates to a fake connector); the bare handler answers JSON; the
stock bot is botbuilder's CloudAdapter + ActivityHandler echoing a message through the connector.

    .venv/bin/python -m bench.votes [--requests 1500]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp

RESULTS = Path(__file__).parent / "results" / "votes.json"
CONCURRENCY = (1, 16, 64)
TENANT = "8f0c2a51-0000-4c6e-9a57-3d2b1c0e7a10"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- the servers (run as subprocesses) ----------------------------------------------------


def _serve_bare(port: int) -> None:
    from aiohttp import web

    async def handle(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"id": "1", "ok": True})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


def _serve_stock_echo(port: int) -> None:
    from aiohttp import web
    from botbuilder.core import ActivityHandler, TurnContext
    from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

    class Echo(ActivityHandler):
        async def on_message_activity(self, turn_context: TurnContext) -> None:
            await turn_context.send_activity(turn_context.activity.text)

    class Config:
        APP_ID = ""
        APP_PASSWORD = ""

    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(Config()))
    bot = Echo()

    async def messages(request: web.Request) -> web.Response:
        return await adapter.process(request, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


def serve_kasvuopas(port: int, db: str, **settings: Any) -> None:
    """Kasvuopas in this process on 127.0.0.1:`port` with the database `db` (and any other settings)."""
    from aiohttp import web

    from bot.app import create_app
    from bot.logs import configure_logging
    from bot.settings import Settings

    configure_logging("WARNING")
    web.run_app(
        create_app(Settings(_env_file=None, db_path=Path(db), port=port, **settings)),
        host="127.0.0.1",
        port=port,
        print=None,
        access_log=None,
    )


def serve(kind: str, port: int, kasvuopas: Callable[[], None]) -> None:
    """Run one of the servers in this process (the benchmarks start themselves with `--serve KIND`)."""
    if kind == "bare":
        _serve_bare(port)
    elif kind == "stock":
        _serve_stock_echo(port)
    else:
        kasvuopas()


# ---- the load -----------------------------------------------------------------------------


async def _wait_ready(url: str) -> None:
    async with aiohttp.ClientSession() as session:
        for _ in range(300):
            try:
                async with session.get(url) as response:
                    await response.read()
                    return
            except aiohttp.ClientError:
                await asyncio.sleep(0.1)
    raise RuntimeError(f"{url} did not start")


def _invoke(i: int, service_url: str, poll: str, conversation: str) -> dict:
    return {
        "type": "invoke",
        "name": "adaptiveCard/action",
        "id": f"v{i}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": f"29:voter-{i}", "name": f"Vastaaja {i}", "aadObjectId": f"00000000-0000-4000-8000-{i:012d}"},
        "recipient": {"id": "28:bot", "name": "Kasvuopas"},
        "conversation": {"id": conversation, "conversationType": "channel", "isGroup": True, "tenantId": TENANT},
        "channelData": {"tenant": {"id": TENANT}},
        "locale": "fi-FI",
        "replyToId": "1",
        "value": {"action": {"type": "Action.Execute", "verb": "poll.vote", "data": {"poll": poll, "option": i % 3}}},
    }


def _echo(i: int, service_url: str) -> dict:
    return {
        "type": "message",
        "id": f"e{i}",
        "text": "hei",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": f"29:user-{i}"},
        "recipient": {"id": "28:bot"},
        "conversation": {"id": "a:echo"},
    }


async def _load(url: str, bodies: list[dict], concurrency: int) -> dict:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    queue = iter(bodies)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            for body in queue:
                began = time.perf_counter()
                async with session.post(url, json=body) as response:
                    await response.read()
                    statuses[response.status] = statuses.get(response.status, 0) + 1
                latencies.append(time.perf_counter() - began)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "concurrency": concurrency,
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p99_ms": round(latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000, 2),
        "statuses": statuses,
    }


async def _create_poll(url: str, service_url: str, conversation: str, db_path: str) -> str:
    message = {
        "type": "message",
        "id": "p1",
        "text": "kysely Mikä aika sopii? ; Ke ; To ; Pe",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": "29:creator", "name": "Kyselyn tekijä", "aadObjectId": "00000000-0000-4000-8000-999999999999"},
        "recipient": {"id": "28:bot", "name": "Kasvuopas"},
        "conversation": {"id": conversation, "conversationType": "channel", "isGroup": True, "tenantId": TENANT},
        "channelData": {"tenant": {"id": TENANT}},
        "locale": "fi-FI",
    }
    async with aiohttp.ClientSession() as session, session.post(url, json=message) as response:
        assert response.status == 200, response.status
    # The buttons name the poll by its public code, which only the card and the database know.
    with sqlite3.connect(db_path) as conn:
        (code,) = conn.execute("SELECT code FROM polls ORDER BY id DESC LIMIT 1").fetchone()
    return str(code)


async def _run(requests: int) -> dict:
    ports = {name: _free_port() for name in ("bare", "stock", "kasvuopas", "connector")}
    folder = tempfile.mkdtemp()
    python = sys.executable
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    servers = [
        subprocess.Popen([python, "-m", "bench.votes", "--serve", "bare", "--port", str(ports["bare"])], env=env),
        subprocess.Popen([python, "-m", "bench.votes", "--serve", "bare", "--port", str(ports["connector"])], env=env),
        subprocess.Popen([python, "-m", "bench.votes", "--serve", "stock", "--port", str(ports["stock"])], env=env),
        subprocess.Popen(
            [
                python,
                "-m",
                "bench.votes",
                "--serve",
                "kasvuopas",
                "--port",
                str(ports["kasvuopas"]),
                "--db",
                f"{folder}/bench.db",
            ],
            env=env,
        ),
    ]
    try:
        await _wait_ready(f"http://127.0.0.1:{ports['bare']}/")
        await _wait_ready(f"http://127.0.0.1:{ports['connector']}/")
        await _wait_ready(f"http://127.0.0.1:{ports['kasvuopas']}/healthz")
        stock_url = f"http://127.0.0.1:{ports['stock']}/api/messages"
        await _wait_ready(f"http://127.0.0.1:{ports['stock']}/")
        connector = f"http://127.0.0.1:{ports['connector']}/"
        conversation = "19:bench@thread.tacv2"
        kasvuopas_url = f"http://127.0.0.1:{ports['kasvuopas']}/api/messages"
        poll = await _create_poll(kasvuopas_url, connector, conversation, f"{folder}/bench.db")
        results: dict[str, list[dict]] = {"kasvuopas_vote": [], "bare_aiohttp": [], "stock_botbuilder_echo": []}
        for concurrency in CONCURRENCY:
            votes = [_invoke(i, connector, poll, conversation) for i in range(requests)]
            results["kasvuopas_vote"].append(await _load(kasvuopas_url, votes, concurrency))
            results["bare_aiohttp"].append(
                await _load(f"http://127.0.0.1:{ports['bare']}/", [{"n": i} for i in range(requests)], concurrency)
            )
            echo_count = max(200, requests // 5)  # the stock bot is slow; fewer requests keep the run short
            results["stock_botbuilder_echo"].append(
                await _load(stock_url, [_echo(i, connector) for i in range(echo_count)], concurrency)
            )
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=10)
    summary = []
    for index, concurrency in enumerate(CONCURRENCY):
        vote = results["kasvuopas_vote"][index]
        bare = results["bare_aiohttp"][index]
        stock = results["stock_botbuilder_echo"][index]
        summary.append(
            {
                "concurrency": concurrency,
                "vote_rps": vote["requests_per_second"],
                "vote_p50_ms": vote["p50_ms"],
                "vote_p99_ms": vote["p99_ms"],
                "bare_rps": bare["requests_per_second"],
                "stock_echo_rps": stock["requests_per_second"],
                "bare_over_vote": round(bare["requests_per_second"] / vote["requests_per_second"], 1),
                "vote_over_stock_echo": round(vote["requests_per_second"] / stock["requests_per_second"], 1),
            }
        )
    return {"summary": summary, "details": results}


def main() -> None:
    """Run the servers and the load; write bench/results/votes.json."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--serve", choices=["bare", "stock", "kasvuopas"])
    parser.add_argument("--port", type=int)
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, lambda: serve_kasvuopas(args.port, args.db))
    else:
        result = asyncio.run(_run(args.requests))
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        for row in result["summary"]:
            print(json.dumps(row))


if __name__ == "__main__":
    main()
