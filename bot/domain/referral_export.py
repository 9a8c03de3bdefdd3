"""The referral report as files: a CSV for Finnish Excel and a PNG chart for the report card.

The CSV has one row per referral and no company details (name, business id, need text). Other
providers' names are free text typed by users, so every cell that Excel would read as a formula is
neutralised with a leading apostrophe (OWASP's advice against CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from typing import Any

from bot.common.clock import from_stored_time
from bot.common.helsinki_time import to_helsinki
from bot.common.spreadsheet import neutralise
from bot.domain.referral_report import Report, ReportPeriod, need_label
from bot.storage.database import Database
from knowledge.loader import KnowledgeBase
from knowledge.vocab import MUNICIPALITY_BY_CODE, NEEDS

Texts = Callable[..., str]

CHART_SIZE = (800, 450)  # pixels: a card image, readable when Teams scales it down on a phone
CHART_NEEDS = 6  # the most common needs get a colour of their own, the rest are "other"
# Okabe-Ito: told apart also with the common colour-vision deficiencies; grey is "other".
CHART_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
OTHER_COLOUR = "#9A9A9A"
TICK_STEPS, MAX_TICKS = (1, 2, 3, 4, 6, 12), 16

# The CSV's own words (it is built from a language, not a texts callable); the status labels are the
# feature's `referral.status.*` texts, repeated here because the domain does not import the features.
_CSV_TEXTS: dict[str, dict[str, Any]] = {
    "fi": {
        "header": (
            "koodi",
            "päivämäärä",
            "kunta",
            "palveluntarjoaja",
            "palvelu",
            "tarve",
            "tila",
            "lähetetty palveluntarjoajalle",
            "palveluntarjoaja vastasi",
            "päiviä ensikontaktiin",
        ),
        "status": {
            "sent": "lähetetty",
            "contacting": "otetaan yhteyttä",
            "not_ours": "ei heidän palvelunsa",
            "needs_info": "tarvitaan lisätietoa",
            "served": "palveltu",
            "waiting": "odottaa",
            "no_need": "ei tarvetta",
            "elsewhere": "ohjattu muualle",
        },
        "yes": "kyllä",
        "no": "ei",
        "other_provider": "muu palveluntarjoaja",
        "unknown": "tuntematon",
        "decimal_point": ",",
    },
    "en": {
        "header": (
            "code",
            "date",
            "municipality",
            "provider",
            "service",
            "need",
            "status",
            "sent to provider",
            "provider answered",
            "days to first contact",
        ),
        "status": {
            "sent": "sent",
            "contacting": "contacting",
            "not_ours": "not their service",
            "needs_info": "more information needed",
            "served": "served",
            "waiting": "waiting",
            "no_need": "no need",
            "elsewhere": "referred elsewhere",
        },
        "yes": "yes",
        "no": "no",
        "other_provider": "other provider",
        "unknown": "unknown",
        "decimal_point": ".",
    },
}


def _names(kb: KnowledgeBase, language: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    english = language == "en"
    providers = {provider_id: provider.name for provider_id, provider in kb.providers.items()}
    services = {service.id: service.name_en if english else service.name_fi for service in kb.services}
    needs = {term.id: term.label(language) for term in NEEDS}
    return providers, services, needs


def report_csv(db: Database, period: ReportPeriod, kb: KnowledgeBase, language: str = "fi") -> bytes:
    """One row per referral of the period, without company details: UTF-8 with BOM, `;`-separated, for Excel."""
    words = _CSV_TEXTS["en" if language == "en" else "fi"]
    providers, services, needs = _names(kb, language)
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";")
    writer.writerow(words["header"])
    days_by_hour: dict[str, str] = {}
    rows = db.all(
        "SELECT code, created_at, municipality, provider_id, other_provider, service_id, need_id, status,"
        " provider_conversation_id IS NOT NULL, provider_answered_at IS NOT NULL,"
        " julianday(first_contact_at) - julianday(created_at)"
        " FROM referrals WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id",
        list(period.stored_bounds()),
    )
    for code, created_at, municipality, provider_id, other, service_id, need_id, status, sent, answered, days in rows:
        # Helsinki is a whole number of hours from UTC, so the UTC hour decides the Helsinki day.
        hour = created_at[:13]
        if hour not in days_by_hour:
            local = to_helsinki(from_stored_time(created_at))
            days_by_hour[hour] = f"{local.day}.{local.month}.{local.year}"
        place = MUNICIPALITY_BY_CODE.get(municipality)
        if provider_id is not None:
            provider = providers.get(provider_id, provider_id)
        else:
            provider = other or words["other_provider"]
        cells = (
            code,
            days_by_hour[hour],
            (place.en if language == "en" else place.fi) if place is not None else municipality,
            provider,
            services.get(service_id, service_id or ""),
            needs.get(need_id, need_id) if need_id is not None else words["unknown"],
            words["status"].get(status, status),
            words["yes"] if sent else words["no"],
            words["yes"] if answered else words["no"],
            "" if days is None else f"{days:.1f}".replace(".", words["decimal_point"]),
        )
        writer.writerow([neutralise(cell) for cell in cells])
    return output.getvalue().encode("utf-8-sig")


# ---- the chart ------------------------------------------------------------------------------------


def _chart_series(report: Report, texts: Texts) -> list[tuple[str, str, list[int]]]:
    """(legend label, colour, count per month) of the most common needs, then the rest as "other"."""
    shown = [count.key for count in report.by_need[:CHART_NEEDS]]
    months = [count.key or "" for count in report.by_month]
    series = []
    for need_id, colour in zip(shown, CHART_COLOURS, strict=False):
        values = [report.by_month_need[month].get(need_id, 0) for month in months]
        series.append((need_label(texts, need_id), colour, values))
    rest = [
        sum(count for need_id, count in report.by_month_need[month].items() if need_id not in shown) for month in months
    ]
    if any(rest):
        series.append((texts("referral.report.chart_other"), OTHER_COLOUR, rest))
    return series


def _month_ticks(months: Sequence[str]) -> tuple[list[int], list[str]]:
    """Month numbers under the bars, with the year under the first one shown and under each January.

    Over many months only every 2nd, 3rd, 4th, 6th or 12th month is named, always including January,
    so that the labels never run into each other.
    """
    step = next((step for step in TICK_STEPS if len(months) <= step * MAX_TICKS), TICK_STEPS[-1])
    positions: list[int] = []
    labels: list[str] = []
    for index, name in enumerate(months):
        year, month = name.split("-")
        if (int(month) - 1) % step:
            continue
        positions.append(index)
        labels.append(f"{int(month)}\n{year}" if not labels or month == "01" else str(int(month)))
    return positions, labels


def report_chart_png(report: Report, texts: Texts) -> bytes:
    """Referrals per month stacked by need, as a PNG of about 800×450 pixels with the reader's words."""
    # Imported here: matplotlib takes a second to import, and only this report needs it.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator
    from PIL import Image

    width, height = CHART_SIZE
    figure = Figure(figsize=(width / 100, height / 100), dpi=100, facecolor="white", layout="constrained")
    axes = figure.add_subplot()
    months = [count.key or "" for count in report.by_month]
    positions = list(range(len(months)))
    bottoms = [0] * len(months)
    for label, colour, values in _chart_series(report, texts):
        axes.bar(positions, values, bottom=bottoms, color=colour, label=label, width=0.75)
        bottoms = [bottom + value for bottom, value in zip(bottoms, values, strict=True)]
    axes.set_title(texts("referral.report.chart_title"), fontsize=17, fontweight="bold", loc="left")
    axes.set_xlabel(texts("referral.report.chart_month"), fontsize=13)
    axes.set_ylabel(texts("referral.report.chart_count"), fontsize=13)
    tick_positions, tick_labels = _month_ticks(months)
    axes.set_xticks(tick_positions, tick_labels, fontsize=12)
    axes.tick_params(axis="y", labelsize=12)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlim(-0.6, len(months) - 0.4)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    axes.set_axisbelow(True)
    if report.total:
        # Below the bars, not beside them: the bars keep the full width of a phone screen.
        figure.legend(loc="outside lower center", ncols=3, fontsize=11, frameon=False)
    else:
        axes.set_ylim(0, 1)
        axes.text(0.5, 0.5, texts("referral.report.empty"), transform=axes.transAxes, ha="center", fontsize=14)
    # Raw RGBA from the Agg renderer in memory: no display, and no pyplot with its global state.
    raw = io.BytesIO()
    figure.savefig(raw, format="rgba", dpi=100, facecolor="white")
    image = Image.frombytes("RGBA", CHART_SIZE, raw.getvalue())
    # A 256-colour palette keeps the chart far under the card's image budget without visible loss.
    palette = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    palette.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
