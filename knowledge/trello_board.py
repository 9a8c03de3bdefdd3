"""Reading a Trello board export ("Export as JSON") into plain card records, in board order."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class TrelloImportError(Exception):
    """The Trello export cannot be imported, or importing it would overwrite a file."""


@dataclass(frozen=True)
class TrelloCard:
    """One open card on an open list, with what the importer needs from it."""

    id: str
    name: str
    desc: str
    list_name: str
    labels: tuple[str, ...]  # label names; a colour-only label as "(unnamed <colour> label)"
    url: str
    custom_fields: tuple[tuple[str, str], ...]  # (field name, value as text), only fields with a value
    checklists: tuple[tuple[str, tuple[str, ...]], ...]  # (checklist name, item names)
    attachments: tuple[tuple[str, str], ...]  # (name, url)


@dataclass(frozen=True)
class SkippedCard:
    """A card left out of the import, and why."""

    card: str
    reason: str


@dataclass(frozen=True)
class TrelloBoard:
    """The board's name, its importable cards and the cards left out."""

    name: str
    cards: list[TrelloCard]
    skipped: list[SkippedCard]


def _pos(item: dict[str, Any]) -> float:
    try:
        return float(item.get("pos") or 0)
    except (TypeError, ValueError):
        return 0.0


def _label_name(label: dict[str, Any]) -> str:
    name = str(label.get("name") or "").strip()
    return name or f"(unnamed {label.get('color') or 'colourless'} label)"


def _custom_field_value(item: dict[str, Any], field: dict[str, Any]) -> str:
    if item.get("idValue"):  # a dropdown ("list") field stores the chosen option's id
        for option in field.get("options") or []:
            if option.get("id") == item["idValue"]:
                return str((option.get("value") or {}).get("text") or "").strip()
        return ""
    value = item.get("value") or {}
    for key in ("text", "number", "date"):
        if value.get(key) not in (None, ""):
            return str(value[key]).strip()
    if "checked" in value:
        return "yes" if str(value["checked"]).lower() == "true" else "no"
    return ""


def _card_record(card: dict[str, Any], list_name: str, board: dict[str, Any]) -> TrelloCard:
    labels_by_id = {label.get("id"): label for label in board.get("labels") or []}
    labels = card.get("labels")
    if not isinstance(labels, list):
        labels = [labels_by_id[label_id] for label_id in card.get("idLabels") or [] if label_id in labels_by_id]
    fields_by_id = {field.get("id"): field for field in board.get("customFields") or []}
    custom_fields = []
    for item in card.get("customFieldItems") or []:
        field = fields_by_id.get(item.get("idCustomField"))
        if field is not None and (value := _custom_field_value(item, field)):
            custom_fields.append((str(field.get("name") or "").strip(), value))
    checklists = sorted(
        (checklist for checklist in board.get("checklists") or [] if checklist.get("idCard") == card.get("id")),
        key=_pos,
    )
    return TrelloCard(
        id=str(card.get("id") or ""),
        name=str(card.get("name") or "").strip(),
        desc=str(card.get("desc") or ""),
        list_name=list_name,
        labels=tuple(_label_name(label) for label in labels),
        url=str(card.get("shortUrl") or card.get("url") or ""),
        custom_fields=tuple(custom_fields),
        checklists=tuple(
            (
                str(checklist.get("name") or "").strip(),
                tuple(
                    str(item.get("name") or "").strip() for item in sorted(checklist.get("checkItems") or [], key=_pos)
                ),
            )
            for checklist in checklists
        ),
        attachments=tuple(
            (str(attachment.get("name") or "").strip(), str(attachment.get("url") or ""))
            for attachment in card.get("attachments") or []
            if attachment.get("url")
        ),
    )


def read_board(path: Path) -> TrelloBoard:
    """Read a Trello board JSON export; archived cards, cards on archived lists and templates are skipped."""
    try:
        board = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TrelloImportError(f"cannot read the Trello export {path}: {error}") from error
    if (
        not isinstance(board, dict)
        or not isinstance(board.get("lists"), list)
        or not isinstance(board.get("cards"), list)
    ):
        raise TrelloImportError(f"{path} is not a Trello board export (no 'lists' and 'cards')")
    lists = {item.get("id"): item for item in board["lists"]}
    order = {list_id: index for index, list_id in enumerate(sorted(lists, key=lambda key: _pos(lists[key])))}
    cards: list[TrelloCard] = []
    skipped: list[SkippedCard] = []
    for card in sorted(board["cards"], key=lambda c: (order.get(c.get("idList"), len(order)), _pos(c))):
        name = str(card.get("name") or "").strip() or f"(card {card.get('id')})"
        trello_list = lists.get(card.get("idList"))
        if card.get("closed"):
            skipped.append(SkippedCard(name, "archived card"))
        elif trello_list is None:
            skipped.append(SkippedCard(name, "its list is not in the export"))
        elif trello_list.get("closed"):
            skipped.append(SkippedCard(name, f"on the archived list '{trello_list.get('name')}'"))
        elif card.get("isTemplate"):
            skipped.append(SkippedCard(name, "template card"))
        elif not str(card.get("name") or "").strip():
            skipped.append(SkippedCard(name, "card has no name"))
        else:
            cards.append(_card_record(card, str(trello_list.get("name") or "").strip(), board))
    return TrelloBoard(name=str(board.get("name") or "").strip(), cards=cards, skipped=skipped)
