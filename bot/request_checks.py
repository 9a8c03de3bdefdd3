"""Is this JSON a Teams activity the bot can answer? Checked before anything is authenticated or run.

An activity that could never come from Teams (no conversation, no sender, channelData that is not
an object, a serviceUrl that is not the Bot Connector's) is answered 400 with the reason, so that a
turn never starts only to fail half-way, and the bot never sends a reply to an address it was given.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

INT64 = 2**63
MAX_ID_LENGTH = 1024
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_header_safe(value: str) -> bool:
    return value.isascii() and value.isprintable() and len(value) <= MAX_ID_LENGTH


def _account_problem(activity: dict[str, Any], field: str) -> str | None:
    account = activity.get(field)
    if not isinstance(account, dict) or not _is_text(account.get("id")):
        return f"'{field}' must be an object with an id"
    return None


def service_url_problem(service_url: Any, allowed_hosts: Collection[str]) -> str | None:
    """Why the serviceUrl cannot be replied to, or None."""
    if not _is_text(service_url):
        return "'serviceUrl' is missing"
    parts = urlsplit(str(service_url))
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return "'serviceUrl' is not an http(s) address"
    host = parts.hostname.lower()
    if allowed_hosts and not any(host == allowed or host.endswith(f".{allowed}") for allowed in allowed_hosts):
        return "'serviceUrl' is not a Bot Connector address this bot answers"
    if allowed_hosts and parts.scheme != "https" and host not in LOOPBACK_HOSTS:
        return "'serviceUrl' must be https"
    return None


def activity_problem(activity: dict[str, Any], allowed_hosts: Collection[str]) -> str | None:
    """Why `activity` cannot be a Teams activity this bot answers, or None when it can."""
    if not _is_text(activity.get("type")):
        return "the activity has no type"
    if not _is_text(activity.get("channelId")):
        return "'channelId' is missing"
    conversation = activity.get("conversation")
    if not isinstance(conversation, dict) or not _is_text(conversation.get("id")):
        return "'conversation' must be an object with an id"
    if not _is_header_safe(conversation["id"]):
        # The Bot Connector client sends it as an HTTP header (x-ms-conversation-id).
        return "'conversation.id' must be printable ASCII"
    for field in ("from", "recipient"):
        problem = _account_problem(activity, field)
        if problem:
            return problem
    if (
        "channelData" in activity
        and activity["channelData"] is not None
        and not isinstance(activity["channelData"], dict)
    ):
        return "'channelData' must be an object"
    for field in ("text", "locale", "name", "replyToId", "id"):
        if activity.get(field) is not None and not isinstance(activity[field], str):
            return f"'{field}' must be a string"
    for field in ("entities", "attachments", "membersAdded", "membersRemoved"):
        if activity.get(field) is not None and not isinstance(activity[field], list):
            return f"'{field}' must be a list"
    return service_url_problem(activity.get("serviceUrl"), allowed_hosts)


def out_of_range(value: Any) -> bool:
    """True when a number anywhere inside `value` cannot be stored (beyond 64 bits) or is not finite."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return not -INT64 <= value < INT64
    if isinstance(value, float):
        return value != value or value in (float("inf"), float("-inf"))
    if isinstance(value, dict):
        return any(out_of_range(item) for item in value.values())
    if isinstance(value, list):
        return any(out_of_range(item) for item in value)
    return False
