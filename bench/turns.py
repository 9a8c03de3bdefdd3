"""The cost of a turn against the floor: one load generator, four servers, each in its own process.

- floor: a bare aiohttp handler answering JSON;
- stock: botbuilder's CloudAdapter + ActivityHandler echoing the text (its replies go to a fake
  Bot Connector: stock `CloudAdapter.process()` answers 500 to expectReplies requests);
- kasvuopas finder: a service-finder question, with `deliveryMode: expectReplies`;
- kasvuopas help: `apua` (the largest card a message gets), with `deliveryMode: expectReplies`;

at concurrency 1, 8 and 32: requests/s, p50, p99, the server's peak RSS, and the ratios.

    .venv/bin/python -m bench.turns [--requests 1500]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.votes import _echo, _free_port, _load, _wait_ready, serve, serve_kasvuopas

RESULTS = Path(__file__).parent / "results" / "turns.json"
CONCURRENCY = (1, 8, 32)
TENANT = "8f0c2a51-0000-4c6e-9a57-3d2b1c0e7a10"
QUESTION = "aloittava yrittäjä tarvitsee takauksen pankkilainaan"


def _message(i: int, text: str, service_url: str) -> dict[str, Any]:
    user = i % 50
    return {
        "type": "message",
        "id": f"m{i}",
        "text": text,
        "channelId": "msteams",
        "serviceUrl": service_url,
        "deliveryMode": "expectReplies",
        "locale": "fi-FI",
        "from": {
            "id": f"29:user-{user}",
            "name": f"Neuvoja {user}",
            "aadObjectId": f"00000000-0000-4000-8000-{user:012d}",
        },
        "recipient": {"id": "28:bot", "name": "Kasvuopas"},
        "conversation": {"id": f"a:bench-{user}", "conversationType": "personal", "tenantId": TENANT},
        "channelData": {"tenant": {"id": TENANT}},
    }


def _peak_rss_mb(pid: int) -> float:
    """The process's peak resident set size (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


async def _run(requests: int) -> dict[str, Any]:
    ports = {name: _free_port() for name in ("floor", "connector", "stock", "kasvuopas")}
    folder = tempfile.mkdtemp()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    me = [sys.executable, "-m", "bench.turns", "--serve"]
    servers = {
        "floor": subprocess.Popen([*me, "bare", "--port", str(ports["floor"])], env=env),
        "connector": subprocess.Popen([*me, "bare", "--port", str(ports["connector"])], env=env),
        "stock": subprocess.Popen([*me, "stock", "--port", str(ports["stock"])], env=env),
        "kasvuopas": subprocess.Popen(
            [*me, "kasvuopas", "--port", str(ports["kasvuopas"]), "--db", f"{folder}/bench.db"], env=env
        ),
    }
    url = {name: f"http://127.0.0.1:{port}/" for name, port in ports.items()}
    connector = url["connector"]
    points: dict[str, list[dict[str, Any]]] = {"floor": [], "stock_echo": [], "finder": [], "help": []}
    try:
        for name in ("floor", "connector", "stock"):
            await _wait_ready(url[name])
        await _wait_ready(url["kasvuopas"] + "healthz")
        messages = url["kasvuopas"] + "api/messages"
        for i in range(50):  # every user's first turn (registry, state) before measuring
            await _load(messages, [_message(i, "apua", connector)], 1)
        for concurrency in CONCURRENCY:
            floor = await _load(url["floor"], [{"n": i} for i in range(requests * 4)], concurrency)
            stock = await _load(
                url["stock"] + "api/messages",
                [_echo(i, connector) for i in range(max(200, requests // 4))],
                concurrency,
            )
            finder = await _load(messages, [_message(i, QUESTION, connector) for i in range(requests)], concurrency)
            help_turn = await _load(messages, [_message(i, "apua", connector) for i in range(requests)], concurrency)
            for name, point in (("floor", floor), ("stock_echo", stock), ("finder", finder), ("help", help_turn)):
                points[name].append(point)
        rss = {
            "floor": _peak_rss_mb(servers["floor"].pid),
            "stock_echo": _peak_rss_mb(servers["stock"].pid),
            "kasvuopas": _peak_rss_mb(servers["kasvuopas"].pid),
        }
    finally:
        for server in servers.values():
            server.terminate()
        for server in servers.values():
            server.wait(timeout=10)
    summary = []
    for index, concurrency in enumerate(CONCURRENCY):
        floor, stock, finder, help_turn = (points[name][index] for name in ("floor", "stock_echo", "finder", "help"))
        summary.append(
            {
                "concurrency": concurrency,
                "floor_rps": floor["requests_per_second"],
                "stock_echo_rps": stock["requests_per_second"],
                "stock_echo_p99_ms": stock["p99_ms"],
                "finder_rps": finder["requests_per_second"],
                "finder_p50_ms": finder["p50_ms"],
                "finder_p99_ms": finder["p99_ms"],
                "help_rps": help_turn["requests_per_second"],
                "help_p50_ms": help_turn["p50_ms"],
                "help_p99_ms": help_turn["p99_ms"],
                "finder_over_stock_echo": round(finder["requests_per_second"] / stock["requests_per_second"], 1),
                "floor_over_finder": round(floor["requests_per_second"] / finder["requests_per_second"], 1),
            }
        )
    return {"summary": summary, "peak_rss_mb": rss, "details": points}


def main() -> None:
    """Run the servers and the load; write bench/results/turns.json."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--serve", choices=["bare", "stock", "kasvuopas"])
    parser.add_argument("--port", type=int)
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, lambda: serve_kasvuopas(args.port, args.db))
        return
    result = asyncio.run(_run(args.requests))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for row in result["summary"]:
        print(json.dumps(row))
    print(json.dumps({"peak_rss_mb": result["peak_rss_mb"]}))


if __name__ == "__main__":
    main()
