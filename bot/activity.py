"""Turning Teams activities into conversation-registry entries."""

from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.domain.registry import CHANNEL, GROUP_CHAT, PERSONAL, ConversationInfo

GENERAL_CHANNEL_NAME = "General"


def _channel_data(activity: Activity) -> dict[str, Any]:
    data = activity.channel_data
    if data is None:
        return {}
    return data if isinstance(data, dict) else data.serialize()


def conversation_type_of(activity: Activity) -> str:
    """personal, groupChat or channel (Teams' own names)."""
    kind = (activity.conversation.conversation_type or "") if activity.conversation else ""
    if kind in (PERSONAL, GROUP_CHAT, CHANNEL):
        return kind
    return GROUP_CHAT if activity.conversation and activity.conversation.is_group else PERSONAL


def team_of(activity: Activity) -> dict[str, Any]:
    """channelData.team (id, name) or an empty dict outside teams."""
    return _channel_data(activity).get("team") or {}


def tenant_id_of(activity: Activity) -> str:
    """The tenant the activity comes from."""
    tenant = _channel_data(activity).get("tenant") or {}
    return tenant.get("id") or (activity.conversation.tenant_id if activity.conversation else "") or ""


def conversation_info(activity: Activity) -> ConversationInfo:
    """What the registry stores about the activity's conversation."""
    reference = TurnContext.get_conversation_reference(activity).serialize()
    kind = conversation_type_of(activity)
    data = _channel_data(activity)
    team = data.get("team") or {}
    channel = data.get("channel") or {}
    channel_id = channel.get("id", "") if kind == CHANNEL else ""
    channel_name = channel.get("name", "") if kind == CHANNEL else ""
    if kind == CHANNEL and channel_id and channel_id == team.get("id") and not channel_name:
        channel_name = GENERAL_CHANNEL_NAME
    user = activity.from_property
    return ConversationInfo(
        conversation_id=activity.conversation.id,
        conversation_type=kind,
        service_url=activity.service_url or "",
        reference=reference,
        tenant_id=tenant_id_of(activity),
        team_id=team.get("id", "") or "",
        team_name=team.get("name", "") or "",
        channel_id=channel_id or "",
        channel_name=channel_name or "",
        user_aad_id=(user.aad_object_id or "") if kind == PERSONAL and user else "",
    )


def channel_info(team_activity: Activity, channel_id: str, channel_name: str | None) -> ConversationInfo:
    """A registry entry for another channel of the same team (from channelCreated or the channel list)."""
    base = conversation_info(team_activity)
    reference = dict(base.reference)
    conversation = dict(reference.get("conversation") or {})
    conversation.update({"id": channel_id, "conversationType": CHANNEL, "isGroup": True})
    reference["conversation"] = conversation
    name = channel_name or (GENERAL_CHANNEL_NAME if channel_id == base.team_id else "")
    return ConversationInfo(
        conversation_id=channel_id,
        conversation_type=CHANNEL,
        service_url=base.service_url,
        reference=reference,
        tenant_id=base.tenant_id,
        team_id=base.team_id,
        team_name=base.team_name,
        channel_id=channel_id,
        channel_name=name,
    )


def reference_from_row(reference: dict[str, Any]) -> ConversationReference:
    """A stored reference back as botbuilder's object, for continue_conversation."""
    return ConversationReference().deserialize(reference)
