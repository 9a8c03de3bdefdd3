"""Reading Bot Framework activities (their JSON, as Teams posts them) into plain values and a Turn.

Plain Python over the wire format, so it stays the same whichever SDK receives the request.
"""

from __future__ import annotations

from typing import Any

from bot.domain.commands import clean_message_text
from bot.domain.registry import CHANNEL, GROUP_CHAT, PERSONAL, ConversationInfo
from bot.i18n import Texts
from bot.turn import Conversation, Person, Turn, TurnIO

GENERAL_CHANNEL_NAME = "General"
BOT_NAME = "Kasvuopas"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def channel_data(activity: dict[str, Any]) -> dict[str, Any]:
    """channelData, or an empty dict."""
    return _dict(activity.get("channelData"))


def conversation_type_of(activity: dict[str, Any]) -> str:
    """personal, groupChat or channel (Teams' own names)."""
    conversation = _dict(activity.get("conversation"))
    kind = _text(conversation.get("conversationType"))
    if kind in (PERSONAL, GROUP_CHAT, CHANNEL):
        return kind
    return GROUP_CHAT if conversation.get("isGroup") else PERSONAL


def team_of(activity: dict[str, Any]) -> dict[str, Any]:
    """channelData.team (id, name) or an empty dict outside teams."""
    return _dict(channel_data(activity).get("team"))


def tenant_id_of(activity: dict[str, Any]) -> str:
    """The Microsoft Entra tenant the activity comes from."""
    tenant = _dict(channel_data(activity).get("tenant"))
    return _text(tenant.get("id")) or _text(_dict(activity.get("conversation")).get("tenantId"))


def conversation_reference(activity: dict[str, Any]) -> dict[str, Any]:
    """What is needed to post into the activity's conversation later (Bot Framework's JSON form)."""
    fields = {
        "activityId": activity.get("id"),
        "user": activity.get("from"),
        "bot": activity.get("recipient"),
        "conversation": activity.get("conversation"),
        "channelId": activity.get("channelId"),
        "locale": activity.get("locale"),
        "serviceUrl": activity.get("serviceUrl"),
    }
    return {key: value for key, value in fields.items() if value is not None}


def person_of(account: Any) -> Person:
    """A channel account (`from`, a mention, a roster entry) as a Person."""
    data = _dict(account)
    return Person(id=_text(data.get("id")), aad_id=_text(data.get("aadObjectId")), name=_text(data.get("name")))


def conversation_info(activity: dict[str, Any]) -> ConversationInfo:
    """What the registry stores about the activity's conversation."""
    kind = conversation_type_of(activity)
    data = channel_data(activity)
    team = _dict(data.get("team"))
    channel = _dict(data.get("channel"))
    channel_id = _text(channel.get("id")) if kind == CHANNEL else ""
    channel_name = _text(channel.get("name")) if kind == CHANNEL else ""
    if kind == CHANNEL and channel_id and channel_id == team.get("id") and not channel_name:
        channel_name = GENERAL_CHANNEL_NAME
    user = _dict(activity.get("from"))
    return ConversationInfo(
        conversation_id=_text(_dict(activity.get("conversation")).get("id")),
        conversation_type=kind,
        service_url=_text(activity.get("serviceUrl")),
        reference=conversation_reference(activity),
        tenant_id=tenant_id_of(activity),
        team_id=_text(team.get("id")),
        team_name=_text(team.get("name")),
        channel_id=channel_id,
        channel_name=channel_name,
        user_aad_id=_text(user.get("aadObjectId")) if kind == PERSONAL else "",
    )


def channel_info(team_activity: dict[str, Any], channel_id: str, channel_name: str | None) -> ConversationInfo:
    """A registry entry for another channel of the same team (from channelCreated or the channel list)."""
    base = conversation_info(team_activity)
    reference = dict(base.reference)
    conversation = dict(_dict(reference.get("conversation")))
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


def other_mentions(activity: dict[str, Any]) -> list[Person]:
    """The people @mentioned in a message, the bot itself left out."""
    bot_id = _dict(activity.get("recipient")).get("id")
    found = []
    for entity in activity.get("entities") or []:
        if not isinstance(entity, dict) or entity.get("type") != "mention":
            continue
        mentioned = person_of(entity.get("mentioned"))
        if mentioned.id and mentioned.id != bot_id:
            found.append(mentioned)
    return found


def build_turn(activity: dict[str, Any], io: TurnIO, texts: Texts) -> Turn:
    """The Turn features see for this activity."""
    recipient = _dict(activity.get("recipient"))
    bot_names = [BOT_NAME, _text(recipient.get("name"))]
    value = activity.get("value")
    return Turn(
        person=person_of(activity.get("from")),
        conversation=Conversation(
            id=_text(_dict(activity.get("conversation")).get("id")),
            kind=conversation_type_of(activity),
            info=conversation_info(activity),
        ),
        texts=texts,
        io=io,
        text=clean_message_text(_text(activity.get("text")), bot_names),
        value=value if isinstance(value, dict) else None,
        mentions=other_mentions(activity),
        reply_to_id=_text(activity.get("replyToId")),
        has_attachments=bool(activity.get("attachments")),
        activity=activity,
    )
