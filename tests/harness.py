"""Drives the real aiohttp app in-process the way Teams does, checking every card it sends."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlite_utils
from aiohttp.test_utils import TestClient

from adaptive_cards.base import CARD_CONTENT_TYPE
from bot.delivery.engine import DeliveryEngine
from bot.domain.registry import ConversationRegistry
from bot.storage.sqlite import SqliteDatabase
from tests.activities import TeamsFactory
from tests.cards import assert_valid_card, assert_valid_cards
from tests.clock import FakeClock
from tests.fake_connector import FakeConnector


@dataclass
class Reply:
    """The HTTP answer to one posted activity."""

    status: int
    body: Any


@dataclass
class BotHarness:
    """One running app, its fake connector and an activity factory."""

    client: TestClient
    connector: FakeConnector
    teams: TeamsFactory
    db_path: Path
    clock: FakeClock
    engine: DeliveryEngine

    async def deliver(self, advance: timedelta | None = None) -> None:
        """Move the fake clock forward (optionally) and let the delivery engine do what is due."""
        if advance is not None:
            self.clock.advance(advance.total_seconds())
        await self.engine.run_until_idle()

    def db(self) -> sqlite_utils.Database:
        """The bot's own SQLite file, opened separately, as an operator would look at it."""
        return sqlite_utils.Database(self.db_path)

    def registry(self) -> ConversationRegistry:
        """The conversation registry over the bot's file, opened separately."""
        return ConversationRegistry(SqliteDatabase(self.db_path), self.clock)

    async def post(self, activity: dict[str, Any], headers: dict[str, str] | None = None) -> Reply:
        """POST an activity as-is and return status and JSON body (if any)."""
        response = await self.client.post("/api/messages", json=activity, headers=headers)
        text = await response.text()
        body = await response.json() if text and response.content_type == "application/json" else None
        return Reply(response.status, body)

    async def send(self, activity: dict[str, Any]) -> list[dict[str, Any]]:
        """Post with deliveryMode expectReplies and return the replies from the HTTP body."""
        activity = copy.deepcopy(activity)
        activity["deliveryMode"] = "expectReplies"
        reply = await self.post(activity)
        assert reply.status == 200, reply
        replies = reply.body["activities"]
        assert_valid_cards(replies)
        return replies

    async def send_through_connector(self, activity: dict[str, Any]) -> list[dict[str, Any]]:
        """Post normally and return what the bot then sent to the connector."""
        before = len(self.connector.sent_activities())
        reply = await self.post(activity)
        assert reply.status == 200, reply
        sent = self.connector.sent_activities()[before:]
        assert_valid_cards(sent)
        return sent

    async def invoke(self, activity: dict[str, Any]) -> Reply:
        """Post an invoke and return the invoke response, checking a returned card or message."""
        reply = await self.post(activity)
        body = reply.body or {}
        if body.get("type") == CARD_CONTENT_TYPE:
            assert_valid_card(body["value"])
        if body.get("type") == MESSAGE_ANSWER:  # Teams shows it as plain text: Markdown would show as typed
            assert not MARKDOWN.search(str(body.get("value"))), f"Markdown in a plain-text answer: {body['value']!r}"
        return reply

    def check_all_connector_cards(self) -> None:
        """Validate every card the bot sent or updated through the connector; notifications carry no bold."""
        assert_valid_cards([call.body for call in self.connector.calls if isinstance(call.body, dict)])
        for call in self.connector.calls:
            # A message the bot starts (not a reply) becomes a push notification and the chat list's
            # preview, where Teams shows Markdown as typed.
            started = call.method == "POST" and call.path.rstrip("/").endswith("/activities")
            text = call.body.get("text") if isinstance(call.body, dict) else None
            if started and isinstance(text, str):
                assert "**" not in text, f"bold in a notification: {text!r}"


MESSAGE_ANSWER = "application/vnd.microsoft.activity.message"
MARKDOWN = re.compile(r"\*\*|__|\]\(|^#|\\[^\s\w]", re.MULTILINE)  # bold, a link, a heading, an escape


def shown(markdown: str) -> str:
    """A TextBlock's text as read: CommonMark's backslash escapes (`1\\.`, `\\*`) show the character alone."""
    return _ESCAPED.sub(r"\1", markdown)


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def texts_of(replies: list[dict[str, Any]]) -> str:
    """All reply texts and card TextBlocks joined, for asserting what the user reads."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "TextBlock":
                parts.append(shown(node.get("text", "")))
            if str(node.get("type", "")).startswith("Action.") and node.get("title"):
                parts.append(node["title"])  # button labels are read too
            if node.get("type") == "FactSet":
                parts.extend(shown(f"{fact['title']}: {fact['value']}") for fact in node.get("facts", []))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for activity in replies:
        if activity.get("text"):
            parts.append(shown(activity["text"]))
        for attachment in activity.get("attachments") or []:
            walk(attachment.get("content"))
    return "\n".join(parts)


def card_text(card: dict[str, Any]) -> str:
    """What a reader sees on one card (its TextBlocks and facts)."""
    return texts_of([{"attachments": [{"content": card}]}])


def card_nodes(card: Any) -> Iterator[dict[str, Any]]:
    """Every element, action and object of a card, depth first, nested ones included."""
    if isinstance(card, dict):
        yield card
        for value in card.values():
            yield from card_nodes(value)
    elif isinstance(card, list):
        for item in card:
            yield from card_nodes(item)


def actions_in(card: dict[str, Any], verb: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """Every action on a card, nested ones included, optionally of one verb or type."""
    return [
        node
        for node in card_nodes(card)
        if str(node.get("type", "")).startswith("Action.")
        and verb in (None, node.get("verb"))
        and kind in (None, node.get("type"))
    ]


def inputs_in(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every input element on a card (Input.Text, Input.ChoiceSet, …), nested ones included."""
    return [node for node in card_nodes(card) if str(node.get("type", "")).startswith("Input.")]
