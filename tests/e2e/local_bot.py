"""Run `kasvuopas serve` in local mode for the emulator: a free port, its own database, the emulator's
user a coordinator. The end-to-end tests and `tools/screenshots.py` start their bot with this."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiohttp

from tests.e2e.playground import (
    LOOPBACK,
    ME_AAD_OBJECT_ID,
    REPO_ROOT,
    free_port,
    loopback_no_proxy,
    stop_process_group,
)

START_TIMEOUT = 20.0


def kasvuopas_executable() -> Path | None:
    """The `kasvuopas` console script of the running virtualenv or the repository's .venv."""
    for candidate in (Path(sys.executable).parent / "kasvuopas", REPO_ROOT / ".venv" / "bin" / "kasvuopas"):
        if candidate.is_file():
            return candidate
    return None


def local_env(port: int, database: Path, **extra: str) -> dict[str, str]:
    """The environment of a local-mode bot on 127.0.0.1:`port`, whatever the shell or a .env says."""
    no_proxy = loopback_no_proxy(dict(os.environ))  # botbuilder's connector (requests) honours proxies
    return {
        **os.environ,
        "NO_PROXY": no_proxy,
        "no_proxy": no_proxy,
        "PORT": str(port),
        "HOST": LOOPBACK,
        "KASVUOPAS_DB": str(database),
        "MicrosoftAppId": "",  # local mode: no token check
        "MicrosoftAppPassword": "",
        "KASVUOPAS_ALLOWED_TENANTS": "",
        "KASVUOPAS_COORDINATORS": ME_AAD_OBJECT_ID,  # the emulator's user may use every command
        **extra,
    }


@contextlib.asynccontextmanager
async def local_bot(
    folder: Path, fail: Callable[[str], Exception], database: str = "k.db", **extra_env: str
) -> AsyncIterator[str]:
    """Start the bot in `folder` (its log in bot.log) and yield its /api/messages URL once /healthz
    answers; a bot that is missing, exits or stays silent raises `fail(why)`."""
    executable = kasvuopas_executable()
    if executable is None:
        raise fail("the `kasvuopas` command is missing: run `make install`")
    port = free_port()
    log_path = folder / "bot.log"
    with log_path.open("wb") as log:
        proc = await asyncio.create_subprocess_exec(
            str(executable),
            "serve",
            cwd=folder,  # no stray .env from the repository
            env=local_env(port, folder / database, **extra_env),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = f"http://{LOOPBACK}:{port}"
        await _wait_healthy(f"{url}/healthz", proc, log_path, fail)
        yield f"{url}/api/messages"
    finally:
        await stop_process_group(proc)


async def _wait_healthy(
    url: str, proc: asyncio.subprocess.Process, log_path: Path, fail: Callable[[str], Exception]
) -> None:
    """Poll /healthz until it answers 200, failing early if the bot process dies."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + START_TIMEOUT
    last = "no answer"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
        while loop.time() < deadline and proc.returncode is None:
            try:
                async with session.get(url) as resp:
                    if resp.status == 200:
                        return
                    last = f"HTTP {resp.status}: {(await resp.text())[:300]}"
            except (aiohttp.ClientError, TimeoutError) as error:
                last = repr(error)
            await asyncio.sleep(0.1)
    output = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
    state = f"exited with code {proc.returncode}" if proc.returncode is not None else f"last: {last}"
    raise fail(f"`kasvuopas serve` did not become healthy ({state})\n{output}")
