"""What webinars and announcements share: choosing where to publish, a page of channels at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from adaptive_cards.base import execute_action
from adaptive_cards.forms import TARGET_ALL, TARGET_CHOSEN, TARGET_HERE, channel_picker_card, target_inputs
from bot.domain.registry import CHANNEL, ConversationRegistry
from bot.feature import ORIGIN_KEY
from bot.i18n import Texts
from bot.turn import Turn

PAGE_SIZE = 40  # channels on one page of the picker: a few kilobytes however large the network


def conversation_label(registry: ConversationRegistry, conversation_id: str) -> str:
    """ "Team › Channel" (or the chat's kind) of a conversation the bot knows, else the id itself."""
    row = registry.get(conversation_id)
    return conversation_id if row is None else _label(row)


def _label(row: dict[str, Any]) -> str:
    return f"{row['team_name'] or '?'} › {row['channel_name'] or row['conversation_type']}"


def channel_choices(registry: ConversationRegistry) -> list[tuple[str, str]]:
    """(conversation id, "Team › Channel") for every active channel of the network, by team and name."""
    return [(row["conversation_id"], _label(row)) for row in registry.active(CHANNEL)]


def resolve_targets(
    turn: Turn, registry: ConversationRegistry, data: dict[str, Any], chosen: Sequence[str]
) -> list[str]:
    """The conversation ids to publish to: all channels (default), here, or the draft's `chosen` ones."""
    # The chosen channels come from the draft, never from the payload.
    target = data.get("target") or TARGET_ALL
    if target == TARGET_HERE:
        registry.record(turn.conversation.info)
        return [turn.conversation.base_id]
    known = [conversation_id for conversation_id, _ in channel_choices(registry)]
    if target == TARGET_CHOSEN:
        wanted = set(chosen)
        return [conversation_id for conversation_id in known if conversation_id in wanted]
    return known


def no_targets_key(data: dict[str, Any]) -> str:
    """Why there is nowhere to publish: nothing was chosen, or the bot is in no channel yet."""
    return "webinar.no_targets" if data.get("target") == TARGET_CHOSEN else "webinar.no_channels"


def references(registry: ConversationRegistry, conversation_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored conversation references of the targets that are still active."""
    found = {}
    for conversation_id in conversation_ids:
        row = registry.get(conversation_id)
        if row is not None and row["active"]:
            found[conversation_id] = ConversationRegistry.reference_of(row)
    return found


class TargetPicker:
    """The preview's "where" section and the channel picker behind its button, for one kind of draft."""

    def __init__(self, registry: ConversationRegistry, verb: str, key: str) -> None:
        self._registry = registry
        self._verb = verb  # the picker's card verb
        self._key = key  # the data key that names the draft by its public code

    def _data(self, code: str, origin: str, **extra: Any) -> dict[str, Any]:
        return {self._key: code, ORIGIN_KEY: origin, **extra}

    def where(self, texts: Texts, code: str, origin: str, chosen: Sequence[str]) -> list[dict[str, Any]]:
        """The preview's choice of targets and the button that opens the picker."""
        known = channel_choices(self._registry)
        chosen_count = len(set(chosen) & {conversation_id for conversation_id, _ in known})
        picker = execute_action(texts("webinar.choose_channels"), self._verb, self._data(code, origin, page=0))
        return target_inputs(texts, len(known), chosen_count, picker)

    def page_card(self, texts: Texts, code: str, origin: str, page: int, chosen: Sequence[str]) -> dict[str, Any]:
        """One page of channels with this draft's choice ticked."""
        known = channel_choices(self._registry)
        pages = max((len(known) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
        page = min(max(page, 0), pages - 1)
        shown = known[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        wanted = set(chosen)
        selected = [conversation_id for conversation_id, _ in shown if conversation_id in wanted]
        chosen_count = len(wanted & {conversation_id for conversation_id, _ in known})

        def move(title: str, extra: dict[str, Any]) -> dict[str, Any]:
            return execute_action(title, self._verb, self._data(code, origin, **extra))

        return channel_picker_card(texts, shown, selected, page, pages, chosen_count, move, total=len(known))

    def press(
        self,
        texts: Texts,
        data: dict[str, Any],
        draft: tuple[str, Sequence[str]],
        origin: str,
        save: Callable[[list[str]], None],
        preview: Callable[[], dict[str, Any]],
    ) -> dict[str, Any]:
        """A press in the picker on the draft (code, chosen): the ticks saved, then the next page or the preview."""
        code, chosen = draft
        now = self.merge(data, chosen)
        save(now)
        page = self.next_page(data)
        return preview() if page is None else self.page_card(texts, code, origin, page, now)

    def merge(self, data: dict[str, Any], chosen: Sequence[str]) -> list[str]:
        """The draft's choice after a page's ticks (`from_page` in the data, the ticks in `channels`)."""
        from_page = data.get("from_page")
        if not isinstance(from_page, int) or isinstance(from_page, bool) or from_page < 0:
            return list(chosen)  # the picker was just opened: nothing ticked yet
        known = [conversation_id for conversation_id, _ in channel_choices(self._registry)]
        on_page = set(known[from_page * PAGE_SIZE : (from_page + 1) * PAGE_SIZE])
        ticked = {value for value in str(data.get("channels") or "").split(",") if value in on_page}
        kept = set(chosen) - on_page
        return [conversation_id for conversation_id in known if conversation_id in kept | ticked]

    @staticmethod
    def next_page(data: dict[str, Any]) -> int | None:
        """The page to show after this press, or None when the coordinator is done."""
        page = data.get("page")
        if data.get("done") is True or not isinstance(page, int) or isinstance(page, bool):
            return None
        return page
