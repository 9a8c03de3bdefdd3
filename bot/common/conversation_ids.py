"""Teams conversation ids: a channel's threads share the channel's id up to `;messageid=`."""

from __future__ import annotations


def base_conversation_id(conversation_id: str) -> str:
    """A channel thread id (`19:…@thread.tacv2;messageid=…`) without the thread part."""
    return conversation_id.split(";messageid=", 1)[0]
