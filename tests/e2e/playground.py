"""Drive Microsoft 365 Agents Playground, the local Teams emulator, over its HTTP/WebSocket API.

The emulator (npm `@microsoft/m365agentsplayground`) plays both Teams and the Bot Connector:
it POSTs activities to the bot's `/api/messages` and the bot replies to the activity's
`serviceUrl` (`http://127.0.0.1:<port>/_connector/v3/conversations/...`). Its web UI talks
to the same process, and so does this driver:

- `POST /_conversation/v1/conversations/{id}/messages` sends a user message
  (`{"from": {"id"}, "text", "textFormat": "plain", "mentions": [{"mentioned": {"id", "name"},
  "text": "<at>Name</at>"}]}`). In a group chat or channel the bot gets the message only
  when it is mentioned; a channel message starts a new thread `"{channel};messageid={n}"`.
- `POST /_debug/conversation/{id}/installation` sends `installationUpdate` and
  `conversationUpdate` (what the web UI does when a conversation is first opened).
- `WS /_ws_conversation/v1/conversations/stream` pushes `createMessage`, `updateMessage` and
  `typing` actions for everything the bot posts; `WS /_ws/log/stream` pushes the log panel.

Also runnable: `python tests/e2e/playground.py --bot-endpoint URL [--port N]` starts the
emulator for a person (what `make playground` runs) and stops it on Ctrl-C.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import urllib.parse
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import aiohttp

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = REPO_ROOT / "node_modules" / "@microsoft" / "m365agentsplayground"
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
LOOPBACK = "127.0.0.1"

Scope = Literal["personal", "groupchat", "channel"]

BOT_ID = "28:kasvuopas-playground-bot"
BOT_NAME = "Kasvuopas"
TENANT_ID = "00000000-0000-4000-8000-00000000a001"
ME_ID = "29:playground-user-aino"
ME_AAD_OBJECT_ID = "00000000-0000-4000-8000-0000000000a1"
PERSONAL_CHAT_ID = "a:kasvuopas-playground-personal"
GROUP_CHAT_ID = "19:kasvuopas-playground-group@thread.v2"
TEAM_ID = "19:kasvuopas-playground-general@thread.tacv2"
SECOND_CHANNEL_ID = "19:kasvuopas-playground-tietoiskut@thread.tacv2"

# The emulator calls server.listen(port) without a host, i.e. on every interface; this
# preload (`node --import data:...`) makes a host-less listen() bind to loopback only.
_LOOPBACK_PRELOAD = (
    'import net from "node:net";'
    "const listen = net.Server.prototype.listen;"
    "net.Server.prototype.listen = function (...args) {"
    '  if (typeof args[0] === "number" && typeof args[1] !== "string") args.splice(1, 0, "127.0.0.1");'
    "  return listen.apply(this, args);"
    "};"
)
_EMULATOR_ENV_PREFIXES = ("M365_AGENTS_PLAYGROUND_", "TEAMSAPPTESTER_", "TEAMS_APP_TEST_TOOL_")
_EMULATOR_ENV_NAMES = frozenset(
    {
        "BOT_ENDPOINT",
        "SEND_INSTALLATION_ACTIVITY",
        "DEFAULT_CHANNEL_ID",
        "AUTH_CLIENT_ID",
        "AUTH_CLIENT_SECRET",
        "AUTH_TENANT_ID",
    }
)
_LISTENING = re.compile(r"Listening on (\d+)")


async def stop_process_group(proc: asyncio.subprocess.Process, grace: float = 5.0) -> None:
    """SIGTERM the process's group, then SIGKILL if it has not exited within `grace` seconds."""
    if proc.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        await asyncio.wait_for(proc.wait(), grace)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        await proc.wait()


class PlaygroundError(RuntimeError):
    """The emulator could not be started or did not behave as expected."""


def _user(uid: str, name: str, aad: str) -> dict[str, str]:
    """One user entry of the emulator's config file."""
    given, _, surname = name.partition(" ")
    login = given.lower()
    return {
        "id": uid,
        "name": name,
        "userPrincipleName": f"{login}@example.com",
        "aadObjectId": aad,
        "givenName": given,
        "surname": surname,
        "email": f"{login}@example.com",
    }


def playground_config(bot_name: str = BOT_NAME) -> dict[str, Any]:
    """The emulator's `.m365agentsplayground.yml` (JSON is valid YAML): fixed ids, Kasvuopas as the bot."""
    others = [
        ("29:playground-user-mikko", "Mikko Koordinaattori"),
        ("29:playground-user-sanna", "Sanna Yritysneuvoja"),
        ("29:playground-user-juha", "Juha Rahoitusasiantuntija"),
        ("29:playground-user-leena", "Leena Kehittämispäällikkö"),
        ("29:playground-user-pekka", "Pekka Yrittäjä"),
    ]
    return {
        "version": "0.1.1",
        "tenantId": TENANT_ID,
        "bot": {"id": BOT_ID, "name": bot_name},
        "currentUser": _user(ME_ID, "Aino Neuvoja", ME_AAD_OBJECT_ID),
        "users": [
            _user(uid, name, f"00000000-0000-4000-8000-0000000000b{i}") for i, (uid, name) in enumerate(others, start=1)
        ],
        "personalChat": {"id": PERSONAL_CHAT_ID},
        "groupChat": {"id": GROUP_CHAT_ID, "name": "Neuvojien ryhmächat"},
        "team": {
            "id": TEAM_ID,
            "name": "Etelä-Savon yrityspalvelut",
            "aadGroupId": "00000000-0000-4000-8000-00000000c001",
            "channels": [{"id": SECOND_CHANNEL_ID, "name": "Tietoiskut"}],
        },
    }


CONVERSATIONS: dict[Scope, str] = {
    "personal": PERSONAL_CHAT_ID,
    "groupchat": GROUP_CHAT_ID,
    "channel": TEAM_ID,  # the General channel's id is the team id, as in Teams
}


@dataclass(frozen=True)
class BotMessage:
    """One message the bot posted, as the emulator's web UI receives it."""

    seq: int
    action: str
    conversation_id: str
    message_id: str
    text: str | None
    attachments: list[dict[str, Any]]
    raw: dict[str, Any]

    def adaptive_cards(self) -> list[dict[str, Any]]:
        """The Adaptive Card bodies among the attachments."""
        return [a["content"] for a in self.attachments if a.get("contentType") == ADAPTIVE_CARD]


@dataclass(frozen=True)
class Sent:
    """A user message the emulator accepted; replies arrive in `conversation_id`."""

    scope: Scope
    text: str
    conversation_id: str
    message_id: str
    first_seq: int


@dataclass
class _Streams:
    """What the WebSocket readers have collected so far."""

    messages: list[BotMessage] = field(default_factory=list)
    logs: list[dict[str, Any]] = field(default_factory=list)
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)


def has_adaptive_card(messages: list[BotMessage]) -> bool:
    """True once any message carries an Adaptive Card."""
    return any(m.adaptive_cards() for m in messages)


_CARD_TEXT_KEYS = frozenset({"text", "title", "label", "placeholder", "altText", "fallbackText", "value"})


def card_text(card: Any) -> str:
    """The human-readable strings of a card (texts, titles, labels, choices…), one a line."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        """Collect text-like string values depth-first."""
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str) and key in _CARD_TEXT_KEYS:
                    parts.append(value)
                elif isinstance(value, dict | list):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return "\n".join(parts)


def loopback_no_proxy(env: dict[str, str]) -> str:
    """`NO_PROXY` extended with loopback, so HTTP(S)_PROXY never captures emulator <-> bot traffic."""
    return ",".join(filter(None, [env.get("NO_PROXY") or env.get("no_proxy"), LOOPBACK, "localhost"]))


def free_port() -> int:
    """A TCP port that was free on loopback a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def node_executable() -> str:
    """Path of a usable `node` (>= 18.19, for `--import`), or a PlaygroundError saying what to do."""
    node = shutil.which("node")
    if node is None:
        raise PlaygroundError("Node.js is not installed (`node` not on PATH); install Node.js 20 or newer")
    out = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=10, check=False).stdout
    match = re.match(r"v(\d+)\.(\d+)", out.strip())
    if not match or (int(match[1]), int(match[2])) < (18, 19):
        raise PlaygroundError(f"Node.js 20 or newer is needed for the emulator, found {out.strip() or '?'}")
    return node


def require_package() -> Path:
    """The emulator's cli.js, or a PlaygroundError telling to run `npm ci`."""
    cli = PACKAGE_DIR / "cli.js"
    if not cli.is_file():
        raise PlaygroundError(
            f"the Teams emulator is not installed ({cli.relative_to(REPO_ROOT)} is missing): "
            f"run `npm ci` in {REPO_ROOT}"
        )
    return cli


class Playground:
    """One emulator process wired to one bot endpoint, plus a client for its API."""

    def __init__(
        self,
        bot_endpoint: str,
        *,
        port: int | None = None,
        workdir: Path | None = None,
        bot_name: str = BOT_NAME,
        startup_timeout: float = 30.0,
        watch: bool = True,
    ) -> None:
        """Configure; nothing starts before `start()` (or `async with`)."""
        self.bot_endpoint = bot_endpoint
        self.bot_name = bot_name
        self.startup_timeout = startup_timeout
        self._requested_port = port
        self._watch = watch
        self._own_workdir = workdir is None
        self.workdir = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="kasvuopas-playground-"))
        self.port = 0
        self._proc: asyncio.subprocess.Process | None = None
        self._output: deque[str] = deque(maxlen=200)
        self._listening: asyncio.Future[int] | None = None
        self._session: aiohttp.ClientSession | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._streams = _Streams()
        self._seq = itertools.count()

    @property
    def url(self) -> str:
        """The web UI (open it in a browser)."""
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def log_file(self) -> Path:
        """The emulator's own log file."""
        return self.workdir / "m365agentsplayground.log"

    @property
    def messages(self) -> list[BotMessage]:
        """Every message the bot has posted since start."""
        return list(self._streams.messages)

    async def __aenter__(self) -> Playground:
        """Start the emulator."""
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        """Stop the emulator."""
        await self.stop()

    async def start(self) -> None:
        """Start the emulator on a free loopback port and wait until its API and streams are up."""
        cli = require_package()
        node = node_executable()
        self.workdir.mkdir(parents=True, exist_ok=True)
        config_path = self.workdir / ".m365agentsplayground.yml"
        config_path.write_text(json.dumps(playground_config(self.bot_name), indent=2), encoding="utf-8")
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
        try:
            for _attempt in range(3):
                port = self._requested_port or free_port()
                actual = await self._spawn(node, cli, config_path, port)
                if actual == port:
                    self.port = port
                    break
                await self._kill()  # someone took the port meanwhile; the serviceUrl would be wrong
                if self._requested_port:
                    raise PlaygroundError(f"port {port} is in use; choose another one (--port, PLAYGROUND_PORT)")
            else:
                raise PlaygroundError("could not start the emulator on a free port (3 attempts)")
            await self._wait_ready()
            if self._watch:
                await self._open_streams()
        except BaseException:
            await self.stop()
            raise

    async def _spawn(self, node: str, cli: Path, config_path: Path, port: int) -> int:
        """Launch the emulator process; return the port it reports listening on."""
        # Drop the emulator's own settings from the caller's environment (AUTH_* would make it
        # fetch tokens from login.microsoftonline.com), then set ours.
        env = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(_EMULATOR_ENV_PREFIXES) and name not in _EMULATOR_ENV_NAMES
        }
        no_proxy = loopback_no_proxy(env)
        env.update(
            TEAMSAPPTESTER_BROWSER="none",  # never open a browser
            M365_AGENTS_PLAYGROUND_CONFIG_PATH=str(config_path),
            M365_AGENTS_PLAYGROUND_LOGFILE=str(self.log_file),
            NO_PROXY=no_proxy,
            no_proxy=no_proxy,
        )
        args = [
            node,
            "--import",
            "data:text/javascript," + urllib.parse.quote(_LOOPBACK_PRELOAD),
            str(cli),
            "start",
            "--app-endpoint",
            self.bot_endpoint,
            "--port",
            str(port),
            "--service-url",
            f"http://{LOOPBACK}:{port}/_connector",
            "--channel-id",
            "msteams",
            "--disable-telemetry",
        ]
        self._output.clear()
        self._listening = asyncio.get_running_loop().create_future()
        self._proc = await asyncio.create_subprocess_exec(
            *args,
            cwd=self.workdir,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,  # own process group, so stop() can kill everything it spawns
        )
        reader = asyncio.create_task(self._read_output(self._proc, self._listening))
        self._tasks.append(reader)
        try:
            return await asyncio.wait_for(asyncio.shield(self._listening), self.startup_timeout)
        except TimeoutError:
            raise PlaygroundError(
                f"the emulator did not start within {self.startup_timeout:.0f} s\n{self.diagnostics()}"
            ) from None

    async def _read_output(self, proc: asyncio.subprocess.Process, listening: asyncio.Future[int]) -> None:
        """Keep the emulator's console output and resolve `listening` with its port."""
        assert proc.stdout is not None
        async for raw in proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            self._output.append(line)
            match = _LISTENING.search(line)
            if match and not listening.done():
                listening.set_result(int(match[1]))
        code = await proc.wait()
        if not listening.done():
            listening.set_exception(
                PlaygroundError(f"the emulator exited with code {code} before listening\n{self.diagnostics()}")
            )

    async def _wait_ready(self) -> None:
        """Poll `/_debug/ping` until the API answers."""
        assert self._session is not None
        deadline = asyncio.get_running_loop().time() + self.startup_timeout
        while True:
            if self._proc is None or self._proc.returncode is not None:
                raise PlaygroundError(f"the emulator exited during start-up\n{self.diagnostics()}")
            with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                async with self._session.get(f"{self.url}/_debug/ping") as resp:
                    if resp.status == 200:
                        return
            if asyncio.get_running_loop().time() > deadline:
                raise PlaygroundError(f"the emulator did not answer /_debug/ping\n{self.diagnostics()}")
            await asyncio.sleep(0.1)

    async def _open_streams(self) -> None:
        """Connect to the conversation and log WebSockets before anything is sent."""
        assert self._session is not None
        base = f"ws://{LOOPBACK}:{self.port}"
        conv = await self._session.ws_connect(f"{base}/_ws_conversation/v1/conversations/stream", heartbeat=20)
        logs = await self._session.ws_connect(f"{base}/_ws/log/stream", heartbeat=20)
        self._tasks.append(asyncio.create_task(self._read_ws(conv, self._on_conversation_event)))
        self._tasks.append(asyncio.create_task(self._read_ws(logs, self._on_log_event)))

    async def _read_ws(self, ws: aiohttp.ClientWebSocketResponse, handle: Callable[[dict[str, Any]], None]) -> None:
        """Feed every JSON frame of one WebSocket to `handle` and wake the waiters."""
        try:
            async for frame in ws:
                if frame.type != aiohttp.WSMsgType.TEXT:
                    continue
                with contextlib.suppress(ValueError):
                    handle(json.loads(frame.data))
                async with self._streams.changed:
                    self._streams.changed.notify_all()
        finally:
            await ws.close()

    def _on_conversation_event(self, event: dict[str, Any]) -> None:
        """Record a message the bot created or updated (typing indicators are ignored)."""
        if event.get("action") not in ("createMessage", "updateMessage"):
            return
        message = event.get("message") or {}
        if (message.get("from") or {}).get("id") != BOT_ID:
            return
        self._streams.messages.append(
            BotMessage(
                seq=next(self._seq),
                action=event["action"],
                conversation_id=message.get("postConversationId") or event.get("actionConversationId", ""),
                message_id=str(message.get("messageId", "")),
                text=message.get("text"),
                attachments=list(message.get("attachments") or []),
                raw=event,
            )
        )

    def _on_log_event(self, event: dict[str, Any]) -> None:
        """Record one log-panel entry (each bot call and its HTTP status shows up here)."""
        if event.get("logAction") == "appendLog" and isinstance(event.get("log"), dict):
            self._streams.logs.append(event["log"])

    async def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST JSON to the emulator and return its JSON answer (or {})."""
        if self._session is None or not self.port:
            raise PlaygroundError("the emulator is not running; call start() first")
        async with self._session.post(f"{self.url}{path}", json=body) as resp:
            text = await resp.text()
            if resp.status >= 400:
                raise PlaygroundError(f"POST {path} -> HTTP {resp.status}: {text[:500]}")
            return json.loads(text) if text.strip() else {}

    async def install(self, scope: Scope = "personal", timeout: float = 15.0) -> None:
        """Send installationUpdate + conversationUpdate as the web UI does, and wait for the bot's answers."""
        conversation_id = CONVERSATIONS[scope]
        before = len(self._streams.logs)
        await self._post(f"/_debug/conversation/{urllib.parse.quote(conversation_id, safe='')}/installation", {})
        if not self._watch:
            return

        def answered() -> bool:
            """Both activities have an HTTP status from the bot."""
            names = {
                log.get("activityName")
                for log in self._streams.logs[before:]
                if log.get("to") == "User Application" and (log.get("response") or {}).get("statusCode")
            }
            return {"installationUpdate", "conversationUpdate"} <= names

        await self._wait(answered, timeout, f"the bot did not answer the installation of the {scope} conversation")

    async def send(self, text: str, scope: Scope = "personal", mention_bot: bool = False) -> Sent:
        """Send `text` as the current user; with `mention_bot`, prefix `<at>Kasvuopas</at>` as Teams does."""
        if scope not in CONVERSATIONS:
            raise ValueError(f"scope must be one of {sorted(CONVERSATIONS)}, not {scope!r}")
        conversation_id = CONVERSATIONS[scope]
        body: dict[str, Any] = {"from": {"id": ME_ID}, "text": text, "textFormat": "plain"}
        if mention_bot:
            at = f"<at>{self.bot_name}</at>"
            body["text"] = text if at in text else f"{at} {text}"
            body["mentions"] = [{"mentioned": {"id": BOT_ID, "name": self.bot_name}, "text": at}]
        first_seq = len(self._streams.messages)
        path = f"/_conversation/v1/conversations/{urllib.parse.quote(conversation_id, safe='')}/messages"
        answer = await self._post(path, body)
        return Sent(
            scope=scope,
            text=body["text"],
            conversation_id=answer.get("postConversationId") or conversation_id,
            message_id=str(answer.get("messageId", "")),
            first_seq=first_seq,
        )

    async def invoke(
        self, scope: Scope, message_id: str, verb: str, data: dict[str, Any], conversation_id: str = ""
    ) -> dict[str, Any]:
        """Press an Action.Execute button on the bot's message `message_id`, as the web UI does; returns
        the bot's invoke response (a card to show, or a message). In a channel thread pass the message's
        `conversation_id` (`…;messageid=…`)."""
        body = {
            "name": "adaptiveCard/action",
            "value": {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"},
            "from": {"id": ME_ID},
            "conversation": {"id": conversation_id or CONVERSATIONS[scope]},
            "replyToId": message_id,
        }
        return await self._post("/_conversation/v1/invoke", body)

    def replies_to(self, sent: Sent) -> list[BotMessage]:
        """The bot's messages in `sent`'s conversation (or thread) since it was sent."""
        return [m for m in self._streams.messages[sent.first_seq :] if m.conversation_id == sent.conversation_id]

    async def wait_for_replies(
        self,
        sent: Sent,
        until: Callable[[list[BotMessage]], bool] = has_adaptive_card,
        timeout: float = 15.0,
    ) -> list[BotMessage]:
        """Wait until the replies to `sent` satisfy `until` (default: an Adaptive Card arrived)."""
        if not self._watch:
            raise PlaygroundError("replies are only observed when the Playground was created with watch=True")
        await self._wait(
            lambda: until(self.replies_to(sent)),
            timeout,
            f"no matching reply to {sent.text!r} in the {sent.scope} conversation {sent.conversation_id}",
        )
        return self.replies_to(sent)

    async def wait_for_messages(
        self, until: Callable[[list[BotMessage]], bool], what: str, timeout: float = 15.0
    ) -> list[BotMessage]:
        """Wait until all the bot's messages so far (any conversation) satisfy `until`."""
        await self._wait(lambda: until(self.messages), timeout, what)
        return self.messages

    async def _wait(self, condition: Callable[[], bool], timeout: float, what: str) -> None:
        """Wait for `condition` (re-checked on every stream event), or fail with diagnostics."""
        try:
            async with asyncio.timeout(timeout), self._streams.changed:
                while not condition():
                    if self._proc is None or self._proc.returncode is not None:
                        raise PlaygroundError(f"the emulator exited; {what}\n{self.diagnostics()}")
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._streams.changed.wait(), 1.0)
        except TimeoutError:
            raise PlaygroundError(f"{what} within {timeout:.0f} s\n{self.diagnostics()}") from None

    def diagnostics(self) -> str:
        """What the emulator said and saw: bot calls with HTTP statuses, messages, console and log tail."""
        lines = ["--- emulator traffic (log panel) ---"]
        for log in self._streams.logs[-30:]:
            if "activityName" in log:
                status = (log.get("response") or {}).get("statusCode", "-")
                lines.append(
                    f"{log.get('from')} -> {log.get('to')}: {log.get('activityName')} "
                    f"[{log.get('conversationId')}] HTTP {status} {str(log.get('displayText') or '')[:80]!r}"
                )
            else:
                lines.append(str(log.get("displayText", ""))[:200])
        lines.append("--- bot messages seen ---")
        for m in self._streams.messages[-10:]:
            kinds = [a.get("contentType") for a in m.attachments]
            lines.append(f"{m.conversation_id}: text={(m.text or '')[:80]!r} attachments={kinds}")
            lines += [f"    card: {card_text(card)[:300]!r}" for card in m.adaptive_cards()]
        lines.append("--- emulator console ---")
        lines += list(self._output)[-20:]
        with contextlib.suppress(OSError):
            lines.append(f"--- {self.log_file} (tail) ---")
            lines += self.log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
        return "\n".join(lines)

    async def _kill(self) -> None:
        """Terminate the emulator's process group (SIGTERM, then SIGKILL after 5 s)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        await stop_process_group(proc)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # stragglers in the group, if any

    async def stop(self) -> None:
        """Stop the emulator, close the client and remove the temporary working directory."""
        await self._kill()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        if self._session is not None:
            await self._session.close()
            self._session = None
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


async def _serve_forever(bot_endpoint: str, port: int) -> int:
    """Run the emulator for a person until SIGINT/SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    workdir = Path(tempfile.mkdtemp(prefix="kasvuopas-playground-"))
    playground = Playground(bot_endpoint, port=port or None, workdir=workdir, watch=False)
    try:
        await playground.start()
    except PlaygroundError as error:
        print(f"playground: {error}", file=sys.stderr)
        shutil.rmtree(workdir, ignore_errors=True)
        return 1
    print(f"Teams emulator (Microsoft 365 Agents Playground) for {bot_endpoint}", flush=True)
    print(f"  open {playground.url} in a browser; emulator log: {playground.log_file}", flush=True)
    print("  press Ctrl-C to stop", flush=True)
    try:
        waiter = asyncio.create_task(stop.wait())
        assert playground._proc is not None
        exited = asyncio.create_task(playground._proc.wait())
        await asyncio.wait({waiter, exited}, return_when=asyncio.FIRST_COMPLETED)
        if exited.done():
            print(f"playground: the emulator exited\n{playground.diagnostics()}", file=sys.stderr)
            return 1
        waiter.cancel()
        exited.cancel()
        return 0
    finally:
        await playground.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: start the emulator wired to a bot and wait for Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--bot-endpoint", default="http://127.0.0.1:3978/api/messages")
    parser.add_argument("--port", type=int, default=56150, help="web UI port (0 = any free port)")
    args = parser.parse_args(argv)
    return asyncio.run(_serve_forever(args.bot_endpoint, args.port))


if __name__ == "__main__":
    sys.exit(main())
