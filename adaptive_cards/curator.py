"""The curator's cards: the gaps digest (a page of each kind of gap) and the form that makes an alias."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from adaptive_cards.base import card, execute_action, heading, text_block
from bot.common.helsinki_time import to_helsinki
from bot.domain.curation import KINDS, Digest, GapLine
from knowledge.vocab import NEEDS, term_by_id

PAGE_VERB = "curator.page"
ALIAS_FORM_VERB = "curator.alias_form"
ALIAS_VERB = "curator.alias"
DRAFT_VERB = "curator.draft"
WORD_INPUT, MEANING_INPUT = "alias_word", "alias_meaning"
SHOWN_QUESTION = 200  # characters of a question on the card (a question may have 500)
SHOWN_VARIANT = 80
PAGE_SIZE = 5  # lines of each kind on a card: with hundreds of gaps the card pages, far under 28 KB
NEVER_SHOWN = 20  # service names listed; the rest are counted

Texts = Callable[..., str]
_MARKDOWN = re.compile(r"([\\`*_\[\]~])")


def plain(text: str) -> str:
    """Text shown as typed: questions are free text, and Teams renders Markdown in a TextBlock."""
    return _MARKDOWN.sub(r"\\\1", text)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class LineView:
    """One gap as the card shows it, already in the reader's language."""

    id: str
    question: str
    count: int
    variants: tuple[str, ...] = ()
    detail: str = ""  # what the finder read, or the services shown


@dataclass(frozen=True)
class SectionView:
    """One kind of gap: its title, how many lines it has, and the page shown."""

    kind: str
    title: str
    total: int
    page: int
    pages: int
    lines: tuple[LineView, ...]
    first: int  # the number of the first line shown (1-based)


@dataclass(frozen=True)
class DigestView:
    """The whole digest card, decided: period, sections, services in no answer, an optional notice."""

    token: str
    period: str
    searches: int
    sections: tuple[SectionView, ...]
    pages: Mapping[str, int]
    never_shown: tuple[str, ...] = ()
    never_shown_total: int = 0
    notice: str = ""
    notice_ok: bool = True


def line_view(texts: Texts, language: str, line: GapLine, names: Mapping[str, str]) -> LineView:
    """A line in the reader's language: the services shown (for 👎 and low confidence) or the needs read."""
    if line.service_ids:
        shown = ", ".join(plain(names.get(service, service)) for service in line.service_ids[:3])
        detail = texts("curator.shown", services=shown)
    elif line.needs:
        needs = ", ".join(term_by_id(NEEDS, need).label(language) for need in line.needs[:3])
        detail = texts("curator.read_needs", needs=needs)
    else:
        detail = ""
    return LineView(line.id, line.question, line.count, line.variants, detail)


def digest_view(
    texts: Texts,
    language: str,
    token: str,
    digest: Digest,
    pages: Mapping[str, int],
    names: Mapping[str, str],
    notice: str = "",
    ok: bool = True,
) -> DigestView:
    """What the card shows of a digest: one page of each kind (a page out of range is the first)."""
    sections = []
    for kind in KINDS:
        lines = digest.lines(kind)
        count = max(1, -(-len(lines) // PAGE_SIZE))
        page = pages.get(kind, 0) if 0 <= pages.get(kind, 0) < count else 0
        shown = lines[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        views = tuple(line_view(texts, language, line, names) for line in shown)
        title = texts(f"curator.section.{kind}")
        sections.append(SectionView(kind, title, len(lines), page, count, views, page * PAGE_SIZE + 1))
    since, last = to_helsinki(digest.since), to_helsinki(digest.until - timedelta(milliseconds=1))
    return DigestView(
        token=token,
        period=f"{since.day}.{since.month}.–{last.day}.{last.month}.{last.year}",
        searches=digest.searches,
        sections=tuple(sections),
        pages={section.kind: section.page for section in sections},
        never_shown=tuple(names.get(service, service) for service in digest.never_shown[:NEVER_SHOWN]),
        never_shown_total=len(digest.never_shown),
        notice=notice,
        notice_ok=ok,
    )


def _line(texts: Texts, view: DigestView, line: LineView, number: int) -> dict[str, Any]:
    data = {"digest": view.token, "line": line.id, "pages": dict(view.pages)}
    items = [
        text_block(
            texts("curator.line", number=number, question=plain(_cut(line.question, SHOWN_QUESTION)), count=line.count)
        )
    ]
    if line.variants:
        shown = "; ".join(plain(_cut(variant, SHOWN_VARIANT)) for variant in line.variants)
        items.append(text_block(texts("curator.variants", variants=shown), size="Small", isSubtle=True, spacing="None"))
    if line.detail:
        items.append(text_block(line.detail, size="Small", isSubtle=True, spacing="None"))
    actions = [
        execute_action(texts("curator.make_alias"), ALIAS_FORM_VERB, data),
        execute_action(texts("curator.make_draft"), DRAFT_VERB, data),
    ]
    items.append({"type": "ActionSet", "spacing": "Small", "actions": actions})
    return {"type": "Container", "spacing": "Medium", "items": items}


def _paging(texts: Texts, view: DigestView, section: SectionView) -> list[dict[str, Any]]:
    if section.pages <= 1:
        return []
    actions = []
    for step, key in ((-1, "curator.previous"), (1, "curator.next")):
        page = section.page + step
        if 0 <= page < section.pages:
            pages = {**view.pages, section.kind: page}
            actions.append(execute_action(texts(key), PAGE_VERB, {"digest": view.token, "pages": pages}))
    last = section.first + len(section.lines) - 1
    where = texts("curator.page_of", first=section.first, last=last, total=section.total)
    return [text_block(where, size="Small", isSubtle=True), {"type": "ActionSet", "actions": actions}]


def _section(texts: Texts, view: DigestView, section: SectionView) -> dict[str, Any]:
    items: list[dict[str, Any]] = [
        text_block(texts("curator.section", title=section.title, count=section.total), weight="Bolder")
    ]
    if not section.lines:
        items.append(text_block(texts("curator.none"), isSubtle=True, spacing="None"))
    items += [_line(texts, view, line, section.first + index) for index, line in enumerate(section.lines)]
    items += _paging(texts, view, section)
    return {"type": "Container", "separator": True, "spacing": "Large", "items": items}


def digest_card(texts: Texts, view: DigestView) -> dict[str, Any]:
    """The gaps digest: each kind of gap a page at a time, with buttons that make an alias or a draft."""
    body: list[dict[str, Any]] = [
        heading(texts("curator.title")),
        text_block(texts("curator.period", period=view.period, searches=view.searches), isSubtle=True, spacing="None"),
    ]
    if view.notice:
        body.append(text_block(view.notice, weight="Bolder", color="Good" if view.notice_ok else "Attention"))
    if not view.searches:
        body.append(text_block(texts("curator.no_questions")))
        return card(body)
    body += [_section(texts, view, section) for section in view.sections]
    never: list[dict[str, Any]] = [
        text_block(texts("curator.never_shown", count=view.never_shown_total), weight="Bolder")
    ]
    if view.never_shown:
        names = ", ".join(plain(name) for name in view.never_shown)
        more = view.never_shown_total - len(view.never_shown)
        never.append(text_block(names + (texts("curator.and_more", count=more) if more > 0 else ""), size="Small"))
    else:
        never.append(text_block(texts("curator.none"), isSubtle=True, spacing="None"))
    body.append({"type": "Container", "separator": True, "spacing": "Large", "items": never})
    body.append(text_block(texts("curator.footer"), size="Small", isSubtle=True))
    return card(body)


def alias_card(
    texts: Texts,
    token: str,
    line: LineView,
    candidates: Sequence[str],
    pages: Mapping[str, int],
    error: str = "",
    meaning: str = "",
) -> dict[str, Any]:
    """Make an alias of a word of the question: pick the word, type what it means."""
    data = {"digest": token, "line": line.id, "pages": dict(pages)}
    body: list[dict[str, Any]] = [
        heading(texts("curator.alias_title")),
        text_block(texts("curator.alias_question", question=plain(_cut(line.question, SHOWN_QUESTION)))),
        text_block(texts("curator.alias_intro"), size="Small", isSubtle=True),
    ]
    if error:
        body.append(text_block(error, color="Attention", weight="Bolder"))
    body += [
        {
            "type": "Input.ChoiceSet",
            "id": WORD_INPUT,
            "label": texts("curator.alias_word"),
            "style": "compact",
            "isRequired": True,
            "errorMessage": texts("curator.alias_word_missing"),
            "value": candidates[0] if candidates else "",
            "choices": [{"title": candidate, "value": candidate} for candidate in candidates],
        },
        {
            "type": "Input.Text",
            "id": MEANING_INPUT,
            "label": texts("curator.alias_meaning"),
            "placeholder": texts("curator.alias_placeholder"),
            "maxLength": 80,
            "value": meaning,
        },
    ]
    actions = [
        execute_action(texts("curator.alias_save"), ALIAS_VERB, data),
        execute_action(texts("curator.back"), PAGE_VERB, {"digest": token, "pages": dict(pages)}),
    ]
    return card(body, actions)
