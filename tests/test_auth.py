"""Production mode: tokens are checked against keys fetched without blocking, and a silent key server
never freezes the bot (all on 127.0.0.1, with keys of our own)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import jwt
import pytest

from adaptive_cards.help import HELP_VERB
from tests.activities import ADVISER, TENANT, TeamsFactory
from tests.bot_framework_keys import KeyServer
from tests.harness import BotHarness

APP_ID = "5f3c1e2a-0000-4000-8000-00000000abcd"


@pytest.fixture
async def keys() -> AsyncIterator[KeyServer]:
    server = KeyServer()
    await server.start()
    yield server
    await server.close()


async def production_bot(start_bot, keys: KeyServer, **overrides) -> BotHarness:
    return await start_bot(
        app_id=APP_ID,
        app_password="not-a-real-secret",
        openid_metadata_url=keys.metadata_url,
        openid_timeout=0.5,
        service_url_hosts=["127.0.0.1"],
        **overrides,
    )


async def press_help(bot: BotHarness, token: str | None, **activity_changes) -> int:
    activity = bot.teams.card_action(HELP_VERB, user=ADVISER)
    activity.update(activity_changes)
    headers = {"Authorization": f"Bearer {token}"} if token is not None else None
    return (await bot.post(activity, headers=headers)).status


async def test_a_valid_token_is_accepted_and_the_keys_are_fetched_once(start_bot, keys):
    bot = await production_bot(start_bot, keys)
    token = keys.token(APP_ID, bot.connector.url, bot.clock())
    assert await press_help(bot, token) == 200
    assert await press_help(bot, token) == 200
    assert keys.requests == 2  # the metadata and the key document, once


@pytest.mark.parametrize(
    "changes",
    [
        {"aud": "another-bot"},
        {"iss": "https://sts.windows.net/someone/"},
        {"serviceurl": "https://smba.trafficmanager.net/emea/"},
        {"exp": 1_700_000_000, "nbf": 1_690_000_000},
        {"kid": "a-key-nobody-has"},
        {"alg": "HS256"},
    ],
    ids=["audience", "issuer", "service-url", "expired", "unknown-key", "hmac"],
)
async def test_tokens_that_do_not_add_up_are_refused_with_401(start_bot, keys, changes):
    bot = await production_bot(start_bot, keys)
    if changes.get("alg") == "HS256":
        token = jwt.encode({"aud": APP_ID}, "secret-guessed-by-an-attacker-00000000", algorithm="HS256")
    else:
        token = keys.token(APP_ID, bot.connector.url, bot.clock(), **changes)
    assert await press_help(bot, token) == 401
    assert bot.connector.calls == []


async def test_an_unsigned_token_is_refused_without_asking_the_key_server(start_bot, keys):
    bot = await production_bot(start_bot, keys)
    token = keys.token(APP_ID, bot.connector.url, bot.clock(), alg="none")
    assert await press_help(bot, token) == 401
    assert await press_help(bot, None) == 401
    assert await press_help(bot, "not-a-jwt") == 401
    assert keys.requests == 0


async def test_a_key_not_endorsed_for_teams_is_refused(start_bot, keys):
    keys.endorsements = ["skype"]
    bot = await production_bot(start_bot, keys)
    assert await press_help(bot, keys.token(APP_ID, bot.connector.url, bot.clock())) == 401


async def test_a_silent_key_server_never_freezes_the_bot(start_bot, keys):
    keys.hang = True
    bot = await production_bot(start_bot, keys)
    token = keys.token(APP_ID, bot.connector.url, bot.clock())
    waiting = asyncio.create_task(press_help(bot, token))
    await asyncio.sleep(0.05)  # the request is now waiting for the keys
    health = await bot.client.get("/healthz")
    assert health.status == 200 and not waiting.done()  # the loop answers while the keys are awaited
    assert await waiting == 503  # within the key fetch's own deadline
    # Within the retry pause nobody waits again: the next request is answered at once.
    assert await press_help(bot, token) == 503
    assert keys.requests == 1


async def test_a_key_server_that_is_down_gives_503_with_retry_after(start_bot, keys):
    bot = await production_bot(start_bot, keys)
    await keys.close()
    activity = bot.teams.card_action(HELP_VERB)
    reply = await bot.client.post(
        "/api/messages",
        json=activity,
        headers={"Authorization": f"Bearer {keys.token(APP_ID, bot.connector.url, bot.clock())}"},
    )
    assert reply.status == 503 and reply.headers["Retry-After"] == "30"


async def test_sigterm_stops_the_bot_quickly_while_a_key_fetch_hangs(tmp_path: Path, keys) -> None:
    keys.hang = True
    port = _free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "MicrosoftAppId": APP_ID,
        "MicrosoftAppPassword": "not-a-real-secret",
        "KASVUOPAS_ALLOWED_TENANTS": TENANT,
        "KASVUOPAS_SERVICE_URL_HOSTS": "127.0.0.1",
        "KASVUOPAS_OPENID_METADATA_URL": keys.metadata_url,
        "KASVUOPAS_OPENID_TIMEOUT": "60",  # far longer than the stop may take
        "KASVUOPAS_DB": str(tmp_path / "k.db"),
        "HOST": "127.0.0.1",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "kasvuopas"), "serve"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(200):
                try:
                    async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                        if response.status == 200:
                            break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.1)
            activity = TeamsFactory("http://127.0.0.1:1/").card_action(HELP_VERB)
            token = keys.token(
                APP_ID, activity["serviceUrl"], __import__("datetime").datetime.now(__import__("datetime").UTC)
            )
            pending = asyncio.create_task(
                session.post(
                    f"http://127.0.0.1:{port}/api/messages", json=activity, headers={"Authorization": f"Bearer {token}"}
                )
            )
            while keys.requests == 0:
                await asyncio.sleep(0.05)
            proc.send_signal(signal.SIGTERM)
            # Not a speed measurement: a stop held up by the hanging fetch would take its 60 s (the time
            # itself, about 2 s, is in the closing note); 30 s leaves room for a busy machine.
            assert await asyncio.to_thread(proc.wait, 30) is not None
            pending.cancel()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
