"""Building reply activities."""

from __future__ import annotations

from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.schema import Activity, Attachment

from adaptive_cards.base import CARD_CONTENT_TYPE


def card_reply(content: dict[str, Any]) -> Activity:
    """A message activity carrying one Adaptive Card."""
    return MessageFactory.attachment(Attachment(content_type=CARD_CONTENT_TYPE, content=content))
