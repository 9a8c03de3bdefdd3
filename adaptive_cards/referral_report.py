"""The referral report card: headline figures, the top providers, municipalities and needs, the chart, the CSV."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from adaptive_cards.base import card, heading, plain, text_block
from adaptive_cards.forms import open_url
from bot.domain.referral_report import Count, Report, municipality_label, need_label, provider_label

Texts = Callable[..., str]

TOP = 5  # rows per breakdown: a phone shows them without scrolling past the chart


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _share(texts: Texts, part: int, whole: int) -> str:
    if not whole:
        return texts("referral.report.none")
    return texts("referral.report.share", percent=_percent(part, whole), count=part, total=whole)


def _days(texts: Texts, days: float | None) -> str:
    if days is None:
        return texts("referral.report.none")
    return texts("referral.report.days", days=f"{days:.1f}".replace(".", texts("referral.report.decimal_point")))


def _fact(title: str, value: str) -> dict[str, str]:
    return {"title": title, "value": value}


def _section(
    texts: Texts, title_key: str, counts: Sequence[Count], label: Callable[[Any], str], whole: int | None
) -> list[dict[str, Any]]:
    """A bold title and the top rows as a FactSet (count and share of `whole`; count only when None)."""
    if not counts:
        return []
    facts = [
        _fact(
            label(count.key),
            str(count.count)
            if whole is None
            else texts("referral.report.count_share", count=count.count, percent=_percent(count.count, whole)),
        )
        for count in counts[:TOP]
    ]
    items: list[dict[str, Any]] = [
        text_block(texts(title_key), weight="Bolder", spacing="Medium"),
        {"type": "FactSet", "facts": facts, "spacing": "Small"},
    ]
    if len(counts) > TOP:
        items.append(text_block(texts("referral.report.more", count=len(counts) - TOP), isSubtle=True, spacing="None"))
    return items


def report_card(texts: Texts, report: Report, chart_url: str, csv_url: str) -> dict[str, Any]:
    """The report of a period; `chart_url` serves the PNG chart and `csv_url` the CSV download."""
    total = report.total
    body: list[dict[str, Any]] = [heading(texts("referral.report.title", period=report.period.label()))]
    if not total:
        body.append(text_block(texts("referral.report.empty")))
    body.append(
        {
            "type": "FactSet",
            "facts": [
                _fact(texts("referral.report.total"), str(total)),
                _fact(texts("referral.report.served"), _share(texts, report.served, total)),
                _fact(
                    texts("referral.report.acknowledged"),
                    _share(texts, report.acknowledged, report.sent_to_provider),
                ),
                _fact(texts("referral.report.median_days"), _days(texts, report.median_days_to_first_contact)),
            ],
        }
    )
    body += _section(
        texts,
        "referral.report.top_providers",
        report.by_provider,
        lambda name: plain(provider_label(texts, name)),  # other providers' names are typed by advisers
        total,
    )
    body += _section(
        texts,
        "referral.report.top_municipalities",
        report.by_municipality,
        lambda code: municipality_label(texts, code),
        total,
    )
    body += _section(texts, "referral.report.top_needs", report.by_need, lambda need: need_label(texts, need), total)
    body += _section(
        texts, "referral.report.unmet_needs", report.unmet_needs, lambda need: need_label(texts, need), None
    )
    if total:
        body.append(
            {
                "type": "Image",
                "url": chart_url,
                "altText": texts("referral.report.chart_title"),
                "size": "Stretch",
                "spacing": "Medium",
            }
        )
    return card(body, [open_url(texts("referral.report.download_csv"), csv_url)])
