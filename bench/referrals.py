"""Logging a referral end to end: the form's submit through /api/messages, beside a stock botbuilder echo bot.

Kasvuopas runs in its own process with its delivery engine, Finnvera linked to a channel, so every
referral also queues the provider card (sent to a fake connector). The load generator presses the
form's **Kirjaa ohjaus** as many different advisers; the stock bot echoes a message through the
same connector, at the same concurrency, in the same run.

    .venv/bin/python -m bench.referrals [--requests 800] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import aiohttp

from bench.votes import TENANT, _echo, _free_port, _load, _wait_ready, serve, serve_kasvuopas

RESULTS = Path(__file__).parent / "results" / "referrals.json"
COORDINATOR = "00000000-0000-4000-8000-999999999999"
CHANNEL = "19:bench-finnvera@thread.tacv2"


def _activity(kind: str, service_url: str, user: int, conversation: dict[str, Any], **extra: Any) -> dict[str, Any]:
    aad = COORDINATOR if user < 0 else f"00000000-0000-4000-8000-{user:012d}"
    return {
        "type": kind,
        "id": f"{kind}-{user}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": f"29:adviser-{user}", "name": f"Neuvoja {user}", "aadObjectId": aad},
        "recipient": {"id": "28:bot", "name": "Kasvuopas"},
        "conversation": {"tenantId": TENANT, **conversation},
        "channelData": {"tenant": {"id": TENANT}},
        "locale": "fi-FI",
        **extra,
    }


ADVISERS = 50


def _personal(adviser: int) -> dict[str, Any]:
    return {"id": f"a:adviser-{adviser}", "conversationType": "personal"}


async def _tickets(url: str, service_url: str) -> list[str]:
    """Each adviser's form ticket: a form's payload works only for the person it was made for, there."""
    tickets = []
    async with aiohttp.ClientSession() as session:
        for adviser in range(ADVISERS):
            message = _activity("message", service_url, adviser, _personal(adviser), text="ohjaus")
            async with session.post(url, json={**message, "deliveryMode": "expectReplies"}) as response:
                body = await response.json()
            form = body["activities"][0]["attachments"][0]["content"]
            tickets.append(str(form["actions"][0]["data"]["origin"]))
    return tickets


def _submit(i: int, service_url: str, tickets: list[str]) -> dict[str, Any]:
    data = {
        "origin": tickets[i % ADVISERS],
        "company": f"Esimerkki {i} Oy",
        "business_id": "",
        "municipality": "491",
        "service": "finnvera-alkutakaus",
        "need": "Takaus laitehankintaan",
        "consent": "true",
        "submission": f"bench-{i}",
    }
    action = {"action": {"type": "Action.Execute", "verb": "referral.submit", "data": data}, "trigger": "manual"}
    adviser = i % ADVISERS
    return _activity(
        "invoke", service_url, adviser, _personal(adviser), name="adaptiveCard/action", replyToId="1", value=action
    )


async def _link_channel(url: str, service_url: str) -> None:
    channel = {"id": CHANNEL, "conversationType": "channel", "isGroup": True}
    message = _activity("message", service_url, -1, channel, text="ohjauskanava Finnvera")
    async with aiohttp.ClientSession() as session, session.post(url, json=message) as response:
        assert response.status == 200, response.status


async def _run(requests: int, concurrency: int) -> dict[str, Any]:
    ports = {name: _free_port() for name in ("connector", "stock", "kasvuopas")}
    folder = tempfile.mkdtemp()
    python = sys.executable
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    me = [python, "-m", "bench.referrals", "--serve"]
    servers = [
        subprocess.Popen([*me, "bare", "--port", str(ports["connector"])], env=env),
        subprocess.Popen([*me, "stock", "--port", str(ports["stock"])], env=env),
        subprocess.Popen([*me, "kasvuopas", "--port", str(ports["kasvuopas"]), "--db", f"{folder}/bench.db"], env=env),
    ]
    try:
        connector = f"http://127.0.0.1:{ports['connector']}/"
        await _wait_ready(connector)
        await _wait_ready(f"http://127.0.0.1:{ports['stock']}/")
        await _wait_ready(f"http://127.0.0.1:{ports['kasvuopas']}/healthz")
        kasvuopas = f"http://127.0.0.1:{ports['kasvuopas']}/api/messages"
        await _link_channel(kasvuopas, connector)
        tickets = await _tickets(kasvuopas, connector)
        referral = await _load(kasvuopas, [_submit(i, connector, tickets) for i in range(requests)], concurrency)
        stock = await _load(
            f"http://127.0.0.1:{ports['stock']}/api/messages",
            [_echo(i, connector) for i in range(max(200, requests // 4))],
            concurrency,
        )
        await asyncio.sleep(1.0)  # let the delivery engine send some cards before counting
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=10)
    with sqlite3.connect(f"{folder}/bench.db") as db:
        logged = db.execute("SELECT COUNT(*) FROM referrals").fetchone()[0]
        cards = db.execute("SELECT COUNT(*) FROM outbox WHERE idempotency_key LIKE 'referral:%:card:%'").fetchone()[0]
    return {
        "summary": {
            "concurrency": concurrency,
            "referral_rps": referral["requests_per_second"],
            "referral_p50_ms": referral["p50_ms"],
            "referral_p99_ms": referral["p99_ms"],
            "stock_echo_rps": stock["requests_per_second"],
            "stock_echo_p99_ms": stock["p99_ms"],
            "referrals_logged": logged,
            "provider_cards_queued": cards,
        },
        "details": {"kasvuopas_referral": referral, "stock_botbuilder_echo": stock},
    }


def main() -> None:
    """Run the servers and the load; write bench/results/referrals.json."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=800)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--serve", choices=["bare", "stock", "kasvuopas"])
    parser.add_argument("--port", type=int)
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, lambda: serve_kasvuopas(args.port, args.db, coordinators=[COORDINATOR]))
    else:
        result = asyncio.run(_run(args.requests, args.concurrency))
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(result["summary"]))


if __name__ == "__main__":
    main()
