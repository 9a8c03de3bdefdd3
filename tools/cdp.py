"""A small Chrome DevTools Protocol client: headless Chromium driven over its WebSocket, no browser download.

`Chromium` starts `/usr/bin/chromium --headless --remote-debugging-port=N` with a throw-away profile
and every feature that would call Google switched off (this machine has no internet); `Page` is one
tab: navigate, evaluate JavaScript, click and type with `Input.*` events, and capture PNG screenshots
clipped to an element. Used by `tools/screenshots.py`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import signal
import socket
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
LOOPBACK = "127.0.0.1"

# Flags for a machine without internet: no first-run, no Google services, no QUIC, no GPU.
QUIET_FLAGS = (
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-translate",
    "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
    "--metrics-recording-only",
    "--no-pings",
    "--safebrowsing-disable-auto-update",
    "--password-store=basic",
    "--use-mock-keychain",
    "--hide-scrollbars",
    "--mute-audio",
    "--font-render-hinting=none",
)


class CDPError(RuntimeError):
    """Chromium could not be started, or a DevTools command failed."""


def chromium_executable() -> str:
    """The Chromium to drive: $CHROMIUM, else the first of the usual Debian paths that exists."""
    for candidate in (os.environ.get("CHROMIUM"), *CHROMIUM_CANDIDATES, shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise CDPError("Chromium is not installed (tried $CHROMIUM and /usr/bin/chromium): `apt-get install chromium`")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


class Page:
    """One tab, attached over its own DevTools WebSocket."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self._ws = ws
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._listeners: list[Callable[[str, dict[str, Any]], None]] = []
        self.console: list[str] = []
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        """Dispatch command results to their futures and events to the listeners."""
        try:
            async for frame in self._ws:
                if frame.type != aiohttp.WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                if "id" in message:
                    future = self._pending.pop(message["id"], None)
                    if future is not None and not future.done():
                        if "error" in message:
                            future.set_exception(CDPError(f"{message['error'].get('message')}: {message['error']}"))
                        else:
                            future.set_result(message.get("result", {}))
                else:
                    method, params = message.get("method", ""), message.get("params", {})
                    if method == "Runtime.consoleAPICalled":
                        args = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                        self.console.append(f"{params.get('type')}: {args}"[:500])
                    elif method == "Runtime.exceptionThrown":
                        details = params.get("exceptionDetails", {})
                        text = (details.get("exception") or {}).get("description") or details.get("text")
                        self.console.append(f"exception: {text}"[:500])
                    for listener in list(self._listeners):
                        listener(method, params)
        finally:
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(CDPError("the DevTools connection closed"))

    async def send(self, method: str, params: dict[str, Any] | None = None, timeout: float = 30.0) -> dict[str, Any]:
        """Send one DevTools command and return its result."""
        if self._ws.closed:
            raise CDPError(f"{method}: the DevTools connection is closed")
        ident = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[ident] = future
        await self._ws.send_str(json.dumps({"id": ident, "method": method, "params": params or {}}))
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            self._pending.pop(ident, None)
            raise CDPError(f"{method} got no answer within {timeout:.0f} s") from None

    async def wait_event(self, method: str, timeout: float = 30.0) -> dict[str, Any]:
        """Wait for the next event named `method`."""
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()

        def listener(name: str, params: dict[str, Any]) -> None:
            if name == method and not future.done():
                future.set_result(params)

        self._listeners.append(listener)
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self._listeners.remove(listener)

    async def enable(self) -> None:
        """Turn on the domains this client uses."""
        for domain in ("Page", "Runtime", "DOM"):
            await self.send(f"{domain}.enable")

    async def set_viewport(self, width: int, height: int, *, mobile: bool = False, scale: float = 1.0) -> None:
        """Emulate a window of `width`×`height` CSS pixels (a phone when `mobile`)."""
        await self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile},
        )
        if mobile:
            await self.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})

    async def navigate(self, url: str, timeout: float = 30.0) -> None:
        """Open `url` and wait for its load event."""
        loaded = asyncio.create_task(self.wait_event("Page.loadEventFired", timeout))
        answer = await self.send("Page.navigate", {"url": url})
        if answer.get("errorText"):
            loaded.cancel()
            raise CDPError(f"could not open {url}: {answer['errorText']}")
        await loaded

    async def evaluate(self, expression: str, *, await_promise: bool = True) -> Any:
        """Evaluate a JavaScript expression in the page and return its JSON value."""
        answer = await self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": await_promise},
        )
        if "exceptionDetails" in answer:
            details = answer["exceptionDetails"]
            text = (details.get("exception") or {}).get("description") or details.get("text")
            raise CDPError(f"JavaScript failed: {text}\n{expression[:300]}")
        return answer.get("result", {}).get("value")

    async def wait_for(self, expression: str, timeout: float = 15.0, interval: float = 0.15) -> Any:
        """Re-evaluate `expression` until it is truthy; return its value, or None after `timeout`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            value = await self.evaluate(expression)
            if value:
                return value
            if loop.time() > deadline:
                return None
            await asyncio.sleep(interval)

    async def click(self, x: float, y: float) -> None:
        """A left click at page coordinates (CSS pixels of the viewport)."""
        await self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        for kind in ("mousePressed", "mouseReleased"):
            await self.send(
                "Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}
            )

    async def insert_text(self, text: str) -> None:
        """Type `text` into the focused element (as an IME would commit it)."""
        await self.send("Input.insertText", {"text": text})

    async def press_key(self, key: str, code: str | None = None, key_code: int | None = None) -> None:
        """Press and release one key such as Enter, Tab or Escape."""
        codes = {"Enter": 13, "Tab": 9, "Escape": 27, "Backspace": 8}
        params: dict[str, Any] = {
            "key": key,
            "code": code or key,
            "windowsVirtualKeyCode": key_code or codes.get(key, 0),
        }
        if key == "Enter":
            params["text"] = "\r"
        await self.send("Input.dispatchKeyEvent", {"type": "keyDown", **params})
        await self.send("Input.dispatchKeyEvent", {"type": "keyUp", **{k: v for k, v in params.items() if k != "text"}})

    async def screenshot(self, clip: dict[str, float] | None = None) -> bytes:
        """A PNG of the viewport, or of `clip` ({x, y, width, height}: document CSS pixels, inside the viewport).

        No `captureBeyondViewport`: it resizes the page for the shot, and pages that lay out by the window
        (the Teams emulator) redraw themselves meanwhile. Size the viewport to fit instead."""
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": False}
        if clip is not None:
            params["clip"] = {**clip, "scale": 1}
        answer = await self.send("Page.captureScreenshot", params, timeout=60)
        return base64.b64decode(answer["data"])

    async def close(self) -> None:
        """Close the WebSocket (the tab goes with the browser)."""
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await self._reader
        await self._ws.close()


class Chromium:
    """A headless Chromium process with a fresh profile, reachable over DevTools on loopback."""

    def __init__(self, *, executable: str | None = None, startup_timeout: float = 20.0) -> None:
        self.executable = executable
        self.startup_timeout = startup_timeout
        self.port = 0
        self._proc: asyncio.subprocess.Process | None = None
        self._profile: Path | None = None
        self._session: aiohttp.ClientSession | None = None
        self._pages: list[Page] = []
        self._log: Path | None = None

    async def __aenter__(self) -> Chromium:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def start(self) -> None:
        """Launch Chromium and wait until its DevTools endpoint answers."""
        if self._proc is not None:
            raise CDPError("this Chromium is already started")
        executable = self.executable or chromium_executable()
        self._profile = Path(tempfile.mkdtemp(prefix="kasvuopas-chromium-"))
        self._log = self._profile / "chromium.log"
        self.port = _free_port()
        args = [
            executable,
            *QUIET_FLAGS,
            f"--remote-debugging-port={self.port}",
            f"--remote-debugging-address={LOOPBACK}",
            f"--user-data-dir={self._profile / 'profile'}",
            "--window-size=1200,900",
            "about:blank",
        ]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")
        env = {**os.environ, "NO_PROXY": "*", "no_proxy": "*"}
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
            env.pop(name, None)
        with self._log.open("wb") as log:
            self._proc = await asyncio.create_subprocess_exec(
                *args,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
                env=env,
                start_new_session=True,  # its own process group: stop() kills the renderers too
            )
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.startup_timeout
        while True:
            if self._proc.returncode is not None:
                raise CDPError(f"Chromium exited with code {self._proc.returncode} at start-up: {self.log_tail()}")
            with contextlib.suppress(aiohttp.ClientError, TimeoutError, ValueError):
                async with self._session.get(f"http://{LOOPBACK}:{self.port}/json/version") as resp:
                    if resp.status == 200:
                        await resp.json()
                        return
            if loop.time() > deadline:
                raise CDPError(f"Chromium's DevTools did not answer within {self.startup_timeout:.0f} s")
            await asyncio.sleep(0.1)

    def log_tail(self, lines: int = 15) -> str:
        """The end of Chromium's own output."""
        if self._log is None:
            return ""
        with contextlib.suppress(OSError):
            return "\n".join(self._log.read_text(errors="replace").splitlines()[-lines:])
        return ""

    async def new_page(self) -> Page:
        """Open a new tab and attach to it."""
        assert self._session is not None
        base = f"http://{LOOPBACK}:{self.port}"
        async with self._session.put(f"{base}/json/new?about:blank") as resp:
            if resp.status != 200:
                raise CDPError(f"/json/new -> HTTP {resp.status}")
            target = await resp.json()
        ws = await self._session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)
        page = Page(ws)
        self._pages.append(page)
        await page.enable()
        return page

    async def close_page(self, page: Page) -> None:
        """Detach from a tab opened by `new_page` and close it."""
        with contextlib.suppress(CDPError):
            await page.send("Page.close", timeout=5)
        await page.close()
        if page in self._pages:
            self._pages.remove(page)

    async def stop(self) -> None:
        """Close every tab, stop Chromium's process group and remove the profile."""
        for page in self._pages:
            with contextlib.suppress(Exception):
                await page.close()
        self._pages.clear()
        if self._session is not None:
            await self._session.close()
            self._session = None
        proc, self._proc = self._proc, None
        if proc is not None and proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                await asyncio.wait_for(proc.wait(), 5)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                await proc.wait()
        if proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # stragglers (zygote, utility processes)
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None
