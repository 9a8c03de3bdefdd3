"""Poll cards: the form, the poll with its option buttons, and the final results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from adaptive_cards.base import card, execute_action, heading, plain, text_block
from adaptive_cards.forms import problems, text_input

CREATE_VERB = "poll.create"
VOTE_VERB = "poll.vote"
CLOSE_VERB = "poll.close"
VIEW_VERB = "poll.view"  # Teams asks for a voter's own view of the shared card (refresh)
# "Show my choice": the presser's own view on demand. Teams refreshes only the users the card lists
# (at most 60) and the Agents Playground not at all, so without it a voter could lose sight of their vote.
MINE_VERB = "poll.mine"
BAR_WIDTH = 20
# A named poll lists at most this many voters per option (the CSV has them all): with ten options
# and hundreds of voters the card stays a few kilobytes.
NAMES_SHOWN = 12

Texts = Callable[..., str]


@dataclass(frozen=True)
class OptionView:
    """One option as the reader sees it."""

    text: str
    count: int
    percent: int
    names: Sequence[str]  # everyone who chose it (named polls); the card shows the first few
    chosen: bool


@dataclass(frozen=True)
class PollView:
    """Everything a poll card shows, already decided (what may be revealed, in which language)."""

    code: str  # the poll's public code: in the buttons' data and on the card for `kysely tulokset`
    question: str
    options: Sequence[OptionView]
    voters: int
    creator_name: str
    closed: bool
    show_counts: bool  # live results, or closed; and for anonymous polls only from `minimum` voters on
    # Why the counts are not shown, as a message key ("" when they are): the card words it itself, so
    # that it is in the card's language like every other text on it.
    hidden_key: str
    minimum: int  # the fewest voters an anonymous poll shows counts for
    deadline: str  # formatted in the card's language, or ""
    multiple: bool
    anonymous: bool
    csv_url: str


def _bar(percent: int) -> str:
    filled = round(percent * BAR_WIDTH / 100)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def form_card(texts: Texts, values: dict[str, str], errors: dict[str, str], origin: str) -> dict[str, Any]:
    """The poll form (`origin`: the ticket of the person it is for, here); refilled after a failed check."""
    body: list[dict[str, Any]] = [heading(texts("poll.form_title")), *problems(texts("poll.form_fix"), errors)]

    def toggle(input_id: str, label: str, default: str) -> dict[str, Any]:
        return {
            "type": "Input.Toggle",
            "id": input_id,
            "title": label,
            "value": values.get(input_id, default),
            "valueOn": "true",
            "valueOff": "false",
        }

    body += [
        text_input("question", texts("poll.field.question"), values.get("question", ""), maxLength=200),
        text_input(
            "options",
            texts("poll.field.options"),
            values.get("options", ""),
            isMultiline=True,
            placeholder=texts("poll.field.options_placeholder"),
        ),
        toggle("anonymous", texts("poll.field.anonymous"), "true"),
        toggle("multiple", texts("poll.field.multiple"), "false"),
        toggle("live_results", texts("poll.field.live_results"), "true"),
        text_input(
            "deadline", texts("poll.field.deadline"), values.get("deadline", ""), placeholder="16.12.2026 12:00"
        ),
    ]
    return card(body, [execute_action(texts("poll.create_button"), CREATE_VERB, {"origin": origin})])


def _option_row(texts: Texts, view: PollView, position: int, option: OptionView) -> dict[str, Any]:
    mark = ("☑" if option.chosen else "☐") if view.multiple else ("●" if option.chosen else "○")
    if view.closed:
        label = f"{mark} {plain(option.text)}"
        items: list[dict[str, Any]] = [text_block(label, weight="Bolder" if option.chosen else "Default")]
    else:
        # One button per option (a button's title is plain text): Teams sends an adaptiveCard/action
        # invoke with this verb and data.
        button = execute_action(f"{mark} {option.text}", VOTE_VERB, {"poll": view.code, "option": position})
        button["tooltip"] = texts("poll.vote_tooltip", option=option.text)
        items = [{"type": "ActionSet", "actions": [button]}]
    if view.show_counts:
        items.append(
            text_block(
                f"{_bar(option.percent)} {option.count} ({option.percent} %)",
                fontType="Monospace",
                size="Small",
                spacing="None",
            )
        )
        if option.names:
            items.append(text_block(_names(texts, option.names), size="Small", isSubtle=True, spacing="None"))
    return {"type": "Container", "items": items, "spacing": "Small"}


def _names(texts: Texts, names: Sequence[str]) -> str:
    shown = ", ".join(plain(name) for name in names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return texts("poll.names_more", names=shown, count=more) if more > 0 else shown


def poll_card(texts: Texts, view: PollView, note: str = "", refresh_for: Sequence[str] = ()) -> dict[str, Any]:
    """The poll as posted in the conversation (open or closed); every text on it comes from `texts`.

    `refresh_for` lists Teams user ids for whom Teams fetches a personal view (their own choice marked)
    whenever the shared card changes: Universal Actions' user-specific views, at most 60 users.
    """
    kind = texts("poll.kind_multiple" if view.multiple else "poll.kind_single")
    privacy = texts("poll.kind_anonymous" if view.anonymous else "poll.kind_named")
    body: list[dict[str, Any]] = [
        text_block(
            texts("poll.closed_kicker" if view.closed else "poll.kicker"), size="Small", isSubtle=True, weight="Bolder"
        ),
        heading(plain(view.question)),
        text_block(
            f"{kind} · {privacy} · {texts('poll.by', name=plain(view.creator_name))}",
            size="Small",
            isSubtle=True,
            spacing="None",
        ),
    ]
    body += [_option_row(texts, view, position, option) for position, option in enumerate(view.options)]
    status = texts("poll.voters", count=view.voters)
    if view.deadline and not view.closed:
        status += " · " + texts("poll.deadline", when=view.deadline)
    status += " · " + texts("poll.code", code=view.code)
    body.append(text_block(status, separator=True))
    if view.hidden_key:
        # On a closed card it is the final word on the results, not a passing remark: not greyed out.
        reason = texts(view.hidden_key, minimum=view.minimum)
        body.append(text_block(reason, size="Small", isSubtle=not view.closed))
    if note:
        body.append(text_block(note, color="Good"))  # the caller escapes any user text in it
    actions: list[dict[str, Any]] = [execute_action(texts("poll.mine_button"), MINE_VERB, {"poll": view.code})]
    if not view.closed:
        actions.append(execute_action(texts("poll.close_button"), CLOSE_VERB, {"poll": view.code}))
    if view.show_counts:
        actions.append({"type": "Action.OpenUrl", "title": texts("poll.csv_button"), "url": view.csv_url})
    result = card(body, actions)
    if refresh_for:
        result["refresh"] = {
            "action": {"type": "Action.Execute", "verb": VIEW_VERB, "data": {"poll": view.code}},
            "userIds": list(refresh_for)[:60],
        }
    return result
