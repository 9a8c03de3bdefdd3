"""The texts of the referral report card and chart, in Finnish and English (merged into the feature's texts).

The need and municipality labels are generated from the vocabulary, so that the card and the chart
find every label through the same `texts` callable as the rest of their words.
"""

from __future__ import annotations

from knowledge.vocab import MUNICIPALITIES, NEEDS, OTHER_MUNICIPALITY

_ERRORS_FI = {
    "referral.report.error.format": (
        "En tunnistanut aikaväliä. Kirjoita esimerkiksi **kuukausi**, **neljännes**, **vuosi**,"
        " **edellinen kuukausi**, **2026** tai **1.1.2026–31.3.2026**."
    ),
    "referral.report.error.date": "Päivämäärää ei ole (tai se on ennen vuotta 2000). Tarkista päivä ja kuukausi.",
    "referral.report.error.order": "Aikavälin loppu on ennen sen alkua.",
    "referral.report.error.too_long": "Aikaväli on yli 5 vuotta. Valitse lyhyempi aikaväli.",
    "referral.report.error.future": "Aikaväli alkaa tulevaisuudessa.",
}
_ERRORS_EN = {
    "referral.report.error.format": (
        "I did not recognise the period. Type for example **month**, **quarter**, **year**, **last month**,"
        " **2026** or **1.1.2026–31.3.2026**."
    ),
    "referral.report.error.date": "That date does not exist (or is before 2000). Check the day and the month.",
    "referral.report.error.order": "The period ends before it starts.",
    "referral.report.error.too_long": "The period is longer than 5 years. Choose a shorter one.",
    "referral.report.error.future": "The period starts in the future.",
}

_FI = {
    "referral.report.title": "Ohjausraportti {period}",
    "referral.report.empty": "Aikavälillä ei ole kirjattu ohjauksia.",
    "referral.report.total": "Ohjauksia",
    "referral.report.served": "Palveltu",
    "referral.report.acknowledged": "Palveluntarjoaja kuittasi",
    "referral.report.median_days": "Mediaani ensikontaktiin",
    "referral.report.share": "{percent} % ({count}/{total})",
    "referral.report.count_share": "{count} ({percent} %)",
    "referral.report.days": "{days} pv",
    "referral.report.decimal_point": ",",
    "referral.report.none": "–",
    "referral.report.top_providers": "Palveluntarjoajat",
    "referral.report.top_municipalities": "Kunnat",
    "referral.report.top_needs": "Tarpeet",
    "referral.report.unmet_needs": "Haussa kysytyt tarpeet, joista ei tehty ohjausta",
    "referral.report.more": "… ja {count} muuta",
    "referral.report.chart_title": "Ohjaukset kuukausittain tarpeen mukaan",
    "referral.report.chart_month": "Kuukausi",
    "referral.report.chart_count": "Ohjauksia",
    "referral.report.chart_other": "muut tarpeet",
    "referral.report.download_csv": "Lataa CSV (Excel)",
    "referral.report.other_provider": "muu palveluntarjoaja",
    "referral.report.need_unknown": "tuntematon tarve",
    **_ERRORS_FI,
    **{f"referral.report.need.{term.id}": term.fi for term in NEEDS},
    **{f"referral.report.municipality.{place.code}": place.fi for place in (*MUNICIPALITIES, OTHER_MUNICIPALITY)},
}
_EN = {
    "referral.report.title": "Referral report {period}",
    "referral.report.empty": "No referrals were logged in this period.",
    "referral.report.total": "Referrals",
    "referral.report.served": "Served",
    "referral.report.acknowledged": "Acknowledged by the provider",
    "referral.report.median_days": "Median time to first contact",
    "referral.report.share": "{percent}% ({count} of {total})",
    "referral.report.count_share": "{count} ({percent}%)",
    "referral.report.days": "{days} days",
    "referral.report.decimal_point": ".",
    "referral.report.none": "–",
    "referral.report.top_providers": "Providers",
    "referral.report.top_municipalities": "Municipalities",
    "referral.report.top_needs": "Needs",
    "referral.report.unmet_needs": "Needs asked in the finder that led to no referral",
    "referral.report.more": "… and {count} more",
    "referral.report.chart_title": "Referrals per month by need",
    "referral.report.chart_month": "Month",
    "referral.report.chart_count": "Referrals",
    "referral.report.chart_other": "other needs",
    "referral.report.download_csv": "Download CSV (Excel)",
    "referral.report.other_provider": "other provider",
    "referral.report.need_unknown": "unknown need",
    **_ERRORS_EN,
    **{f"referral.report.need.{term.id}": term.en for term in NEEDS},
    **{f"referral.report.municipality.{place.code}": place.en for place in (*MUNICIPALITIES, OTHER_MUNICIPALITY)},
}

REPORT_TEXTS: dict[str, dict[str, str]] = {"fi": _FI, "en": _EN}
