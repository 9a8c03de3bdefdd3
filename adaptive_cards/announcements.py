"""Announcement cards: the form, the preview, the announcement itself and the delivery report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from adaptive_cards.base import card, execute_action, heading, plain, text_block
from adaptive_cards.forms import problems, text_input

FORM_VERB = "announcement.preview"
SEND_VERB = "announcement.send"
EDIT_VERB = "announcement.edit"
TARGETS_VERB = "announcement.targets"  # the preview's channel picker
REPORT_ROWS = 40  # the delivery report lists this many targets; the totals count them all

Texts = Callable[..., str]


def form_card(texts: Texts, values: dict[str, str], errors: dict[str, str], origin: str) -> dict[str, Any]:
    """The announcement form (`origin`: its coordinator's ticket), refilled after a failed check."""
    body: list[dict[str, Any]] = [
        heading(texts("announcement.form_title")),
        *problems(texts("announcement.form_fix"), errors),
    ]
    body += [
        text_input(
            "title", texts("announcement.field.title"), values.get("title", ""), errors.get("title", ""), maxLength=150
        ),
        text_input(
            "text",
            texts("announcement.field.text"),
            values.get("text", ""),
            errors.get("text", ""),
            isMultiline=True,
            maxLength=4000,
        ),
        text_input(
            "image_url",
            texts("announcement.field.image_url"),
            values.get("image_url", ""),
            errors.get("image_url", ""),
            placeholder="https://…",
        ),
    ]
    for index in (1, 2, 3):
        body.append(
            {
                "type": "ColumnSet",
                "columns": [
                    {
                        "type": "Column",
                        "width": "stretch",
                        "items": [
                            text_input(
                                f"link{index}_title",
                                texts("announcement.field.link_title", n=index),
                                values.get(f"link{index}_title", ""),
                            )
                        ],
                    },
                    {
                        "type": "Column",
                        "width": "stretch",
                        "items": [
                            text_input(
                                f"link{index}_url",
                                texts("announcement.field.link_url", n=index),
                                values.get(f"link{index}_url", ""),
                                errors.get(f"link{index}_url", ""),
                                placeholder="https://…",
                            )
                        ],
                    },
                ],
            }
        )
    body.append(
        text_input(
            "send_at",
            texts("announcement.field.send_at"),
            values.get("send_at", ""),
            errors.get("send_at", ""),
            placeholder="16.12.2026 09:00",
        )
    )
    return card(body, [execute_action(texts("announcement.preview_button"), FORM_VERB, {"origin": origin})])


def announcement_card(
    texts: Texts,
    title: str,
    text: str,
    image_url: str,
    links: Sequence[tuple[str, str]],
    sender: str = "",
    day: str = "",
) -> dict[str, Any]:
    """The announcement as it appears in the channels: title and text as typed, who sent it and when."""
    body: list[dict[str, Any]] = [
        text_block(texts("announcement.kicker"), size="Small", isSubtle=True, weight="Bolder"),
        heading(plain(title)),
    ]
    byline = texts("announcement.byline", sender=plain(sender), date=day) if sender else day
    if byline:
        body.append(text_block(byline, size="Small", isSubtle=True, spacing="None"))
    if image_url:
        body.append({"type": "Image", "url": image_url, "size": "Stretch", "altText": title})
    body.append(text_block(plain(text)))
    actions = [{"type": "Action.OpenUrl", "title": label, "url": url} for label, url in links]
    return card(body, actions)


def _shown(content: dict[str, Any]) -> list[dict[str, Any]]:
    """The announcement inside another card: framed, with its link buttons."""
    shown: list[dict[str, Any]] = [{"type": "Container", "style": "emphasis", "items": content["body"]}]
    if content.get("actions"):
        shown.append({"type": "ActionSet", "actions": content["actions"]})
    return shown


def preview_card(
    texts: Texts, content: dict[str, Any], when: str, where: list[dict[str, Any]], code: str, origin: str
) -> dict[str, Any]:
    """The announcement as it will look, `where` it goes, and the send button (draft code and ticket)."""
    body: list[dict[str, Any]] = [
        heading(texts("announcement.preview_title")),
        text_block(when, weight="Bolder"),
        *_shown(content),
        *where,
    ]
    data = {"announcement": code, "origin": origin}
    return card(
        body,
        [
            execute_action(texts("announcement.send_button"), SEND_VERB, data),
            execute_action(texts("announcement.edit_button"), EDIT_VERB, data),
        ],
    )


def sent_card(texts: Texts, content: dict[str, Any], scheduled: bool, what_happened: str) -> dict[str, Any]:
    """The preview once **Lähetä** was pressed: what happened, the announcement, and no buttons to press again."""
    title = texts("announcement.scheduled_title" if scheduled else "announcement.sent_title")
    return card([heading(title), text_block(what_happened, weight="Bolder", color="Good"), *_shown(content)])


@dataclass(frozen=True)
class ReportRow:
    """One target on the delivery report: its name, status word, the reason if any, and whether it failed."""

    name: str
    status: str
    reason: str = ""
    failed: bool = False


def report_card(texts: Texts, title: str, counts: dict[str, int], rows: Sequence[ReportRow]) -> dict[str, Any]:
    """The delivery report: totals and one line per target, "Team › Channel: status – reason"."""
    total = sum(counts.values())
    summary = texts(
        "announcement.report_summary",
        sent=counts.get("sent", 0),
        pending=counts.get("pending", 0) + counts.get("sending", 0),
        failed=counts.get("failed", 0) + counts.get("inactive", 0) + counts.get("unknown", 0),
        total=total,
    )
    body: list[dict[str, Any]] = [heading(texts("announcement.report_title", title=plain(title))), text_block(summary)]
    shown = list(rows)[:REPORT_ROWS]  # keeps the card well under the size limit for large fan-outs
    # One full-width line per target, not a FactSet: its title column squeezes "Team › Channel" into
    # a third of a phone's width, three lines a name.
    for row in shown:
        line = f"{plain(row.name)}: {row.status}" + (f" – {row.reason}" if row.reason else "")
        style = {"color": "Attention"} if row.failed else {}
        body.append(text_block(line, spacing="Small", **style))
    if len(rows) > len(shown):
        body.append(text_block(texts("announcement.report_more", count=len(rows) - len(shown)), isSubtle=True))
    return card(body)
