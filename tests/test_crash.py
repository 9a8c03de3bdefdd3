"""A real `kasvuopas serve` killed with SIGKILL in the middle of a burst of referrals: every referral
the bot acknowledged is in the database after a restart, once, and pressing its form again logs
nothing new."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp

from tests.activities import TeamsFactory

BURST = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(tmp_path: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "MicrosoftAppId": "",
        "KASVUOPAS_ALLOWED_TENANTS": "",
        "KASVUOPAS_DB": str(tmp_path / "k.db"),
        "NO_PROXY": "127.0.0.1,localhost",
    }
    executable = Path(sys.executable).parent / "kasvuopas"
    return subprocess.Popen(
        [str(executable), "serve"], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


async def _healthy(session: aiohttp.ClientSession, port: int) -> None:
    for _ in range(300):
        try:
            async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.1)
    raise AssertionError("the bot did not start")


async def _origin(session: aiohttp.ClientSession, url: str, factory: TeamsFactory) -> str:
    """The ticket of the adviser's own referral form: a form's payload works only for them, there."""
    activity = {**factory.personal("ohjaus"), "deliveryMode": "expectReplies"}
    async with session.post(url, json=activity) as response:
        body = await response.json()
    return str(body["activities"][0]["attachments"][0]["content"]["actions"][0]["data"]["origin"])


def _submit(factory: TeamsFactory, number: int, origin: str) -> dict[str, Any]:
    data = {
        "origin": origin,
        "company": f"Kaatuminen {number} Oy",
        "municipality": "491",
        "service": "finnvera-alkutakaus",
        "need": "Takaus laitehankintaan",
        "consent": "true",
        "submission": f"crash-{number}",
    }
    return factory.card_action("referral.submit", data)


async def _post(session: aiohttp.ClientSession, url: str, activity: dict[str, Any]) -> bool:
    """True when the bot acknowledged the referral (its confirmation card came back)."""
    try:
        async with session.post(url, json=activity) as response:
            text = await response.text()
            return response.status == 200 and "Ohjaus kirjattu" in text
    except (TimeoutError, aiohttp.ClientError):
        return False


async def test_referrals_acknowledged_before_a_sigkill_survive_it_once(tmp_path: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api/messages"
    factory = TeamsFactory("http://127.0.0.1:9/")  # no replies go out: invoke answers come in the HTTP body
    server = _start(tmp_path, port)
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as session:
            await _healthy(session, port)
            origin = await _origin(session, url, factory)
            tasks = [asyncio.create_task(_post(session, url, _submit(factory, n, origin))) for n in range(BURST)]
            while sum(task.done() for task in tasks) < BURST // 3:
                await asyncio.sleep(0.01)
            server.send_signal(signal.SIGKILL)  # no shutdown at all, mid-burst
            server.wait()
            acknowledged = {n for n, task in enumerate(tasks) if await task}
        assert acknowledged, "nothing was acknowledged before the kill"

        server = _start(tmp_path, port)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as session:
            await _healthy(session, port)
            again = [await _post(session, url, _submit(factory, n, origin)) for n in sorted(acknowledged)[:10]]
            assert all(again)  # the form pressed again shows the same confirmation
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    with sqlite3.connect(tmp_path / "k.db") as db:
        rows = db.execute("SELECT submission, COUNT(*) FROM referrals GROUP BY submission").fetchall()
        events = db.execute("SELECT COUNT(*) FROM referral_events").fetchone()[0]
    stored = {int(submission.split("-")[1]): count for submission, count in rows}
    assert acknowledged <= set(stored)  # nothing acknowledged was lost
    assert all(count == 1 for count in stored.values())  # and nothing was logged twice
    assert events == len(stored)  # every referral has its history row, and only one
