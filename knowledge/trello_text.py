"""Text of a Trello card for the importer: label names to need ids, markdown descriptions, slugs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from knowledge.vocab import NEEDS

# Finnish (and English) names people give to labels and lists, beyond the vocabulary's own labels.
# Keys are written folded (lower case, ä→a, ö→o, å→a).
# fmt: off
NEED_SYNONYMS: dict[str, tuple[str, ...]] = {
    "starting": ("perustaminen", "aloittava yritys", "aloittavat yritykset", "aloittaminen", "aloittava",
                 "yrityksen aloitus", "uusi yritys", "starttiraha", "startup", "start-up"),
    "loan": ("rahoitus", "laina", "lainat", "yritysrahoitus", "lainarahoitus", "financing", "loan", "loans"),
    "guarantee": ("takaus", "takaukset", "guarantee"),
    "development_grant": ("kehittamisavustus", "kehittamisavustukset", "kehittamisrahoitus", "avustus",
                          "avustukset", "yritystuki", "yritystuet", "grant", "grants"),
    "investment": ("investointi", "investoinnit", "investointituki", "investment"),
    "equity": ("paaomasijoitus", "paaomasijoitukset", "paaomarahoitus", "sijoittajat", "equity"),
    "export": ("vienti", "kansainvalistyminen", "kansainvalisyys", "kansainvalinen kauppa", "export",
               "internationalisation", "internationalization"),
    "recruitment": ("rekrytointi", "rekrytoinnit", "rekry", "tyovoima", "tyollistaminen", "recruitment",
                    "henkiloston hankinta", "ensimmainen tyontekija", "recruiting"),
    "recruiting_abroad": ("ulkomainen tyovoima", "kansainvalinen rekrytointi", "tyoperainen maahanmuutto"),
    "wage_subsidy": ("palkkatuki", "wage subsidy"),
    "staff_training": ("koulutus", "koulutukset", "osaaminen", "osaamisen kehittaminen", "henkilostokoulutus",
                       "tasmakoulutus", "training"),
    "apprenticeship": ("oppisopimus", "oppisopimuskoulutus", "apprenticeship"),
    "ownership_change": ("omistajanvaihdos", "omistajanvaihdokset", "ov", "sukupolvenvaihdos", "yrityskauppa",
                         "yrityskaupat", "business transfer"),
    "financial_distress": ("talousvaikeudet", "talousongelmat", "yrityssaneeraus", "saneeraus",
                           "maksuvaikeudet", "financial distress"),
    "wellbeing": ("jaksaminen", "hyvinvointi", "tyohyvinvointi", "yrittajan hyvinvointi", "wellbeing"),
    "digitalisation": ("digitalisaatio", "digitalisointi", "digi", "digitalization"),
    "energy": ("energia", "energiatehokkuus"),
    "rural": ("maaseutu", "maatila", "maatilat", "maaseutuyritykset", "leader", "rural"),
    "tourism": ("matkailu", "tourism"),
    "rnd": ("tki", "t&k", "t&k&i", "tutkimus", "tuotekehitys", "innovaatiot", "innovaatio", "r&d",
            "innovation", "tutkimus ja kehitys"),
    "premises": ("toimitilat", "toimitila", "sijoittuminen", "tontit", "premises"),
    "networking": ("verkostot", "verkostoituminen", "verkosto", "networking"),
    "general_advice": ("neuvonta", "yritysneuvonta", "sparraus", "yleinen neuvonta", "general advice",
                       "advice"),
}
# fmt: on

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a"})
_PARTS = re.compile(r"\s*(?:[/,;&+|]|\s(?:ja|and|seka)\s)\s*")


def fold(text: str) -> str:
    """Lower case, ä/ö/å folded to a/o/a, whitespace collapsed: how labels are compared."""
    return re.sub(r"\s+", " ", text.casefold().translate(_FOLD)).strip(" .:;-#")


def slug(text: str) -> str:
    """An id from a name: lower case ASCII letters, digits and hyphens (ä→a, ö→o, å→a)."""
    ascii_text = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _need_index() -> dict[str, str]:
    index = {fold(name): need for need, names in NEED_SYNONYMS.items() for name in names}
    for term in NEEDS:
        index.update({fold(term.id): term.id, fold(term.fi): term.id, fold(term.en): term.id})
    return index


NEED_BY_NAME = _need_index()


def map_label(name: str) -> list[str] | None:
    """The need ids a label or list name stands for ("Vienti / Rahoitus": two), None if a part is unknown."""
    folded = fold(name)
    if folded in NEED_BY_NAME:
        return [NEED_BY_NAME[folded]]
    parts = [part for part in _PARTS.split(folded) if part]
    if len(parts) < 2 or any(part not in NEED_BY_NAME for part in parts):
        return None
    return list(dict.fromkeys(NEED_BY_NAME[part] for part in parts))


@dataclass(frozen=True)
class Description:
    """A card description split for a draft service."""

    provider: str = ""  # from a "Palveluntarjoaja: X" / "Tarjoaja: X" line
    summary: str = ""  # the first paragraph, plain text
    rest: str = ""  # the other paragraphs, plain text with link targets kept
    first_url: str = ""  # the first web link (http or https), not a Trello link
    https_url: str = ""  # the first https link, not a Trello link
    other_urls: list[str] = field(default_factory=list)  # http links, when there is no https link


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^(\s*)[*+-]\s+")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
_PROVIDER_LINE = re.compile(r"^(?:palvelun\s*tarjoaja|tarjoaja|provider)\s*:\s*(.+?)\.?$", re.IGNORECASE)


def _plain(line: str, keep_urls: bool) -> str:
    """One markdown line as plain text; links become their text, or "text (url)" with keep_urls."""
    text = _ESCAPED.sub(lambda m: chr(0xE000 + ord(m.group(1))), line)  # shield escaped characters
    text = re.sub(r"^\s*>\s?", "", _HEADING.sub("", text))
    text = _BULLET.sub(r"\1- ", text) if keep_urls else _BULLET.sub("", text)

    def link(match: re.Match[str]) -> str:
        label, url = match.group(1).strip(), match.group(2)
        if not keep_urls or label == url:
            return label or url
        return f"{label} ({url})" if label else url

    text = _AUTOLINK.sub(r"\1", _LINK.sub(link, text))
    text = _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", text))
    text = re.sub(r"`+([^`]*)`+", r"\1", re.sub(r"~~(.+?)~~", r"\1", text))
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - 0xE000), text).rstrip()


def _urls(text: str) -> list[str]:
    found = [url.rstrip(".,;:!?") for url in _URL.findall(text)]
    return [url for url in found if not (urlsplit(url).hostname or "").endswith("trello.com")]


def parse_description(desc: str) -> Description:
    """Split a card description: provider line, first paragraph (summary), the rest, and its links."""
    provider, kept = "", []
    for line in desc.replace("\r\n", "\n").split("\n"):
        match = _PROVIDER_LINE.match(_plain(line, keep_urls=False).strip())
        if match and not provider:
            provider = match.group(1).strip()
        else:
            kept.append(line)
    summary = ""
    rest: list[str] = []
    for paragraph in re.split(r"\n\s*\n", "\n".join(kept)):
        lines = [line for line in paragraph.split("\n") if line.strip() and not _RULE.match(line)]
        body = [line for line in lines if not _HEADING.match(line)]
        if not summary and body:
            rest.extend(_plain(line, keep_urls=True) for line in lines if _HEADING.match(line))
            summary = " ".join(_plain(line, keep_urls=False).strip() for line in body)
        elif lines:
            rest.append("\n".join(_plain(line, keep_urls=True) for line in lines))
    urls = _urls("\n".join(kept))
    https = [url for url in urls if url.startswith("https://")]
    return Description(
        provider=provider,
        summary=re.sub(r"\s+", " ", summary).strip(),
        rest="\n\n".join(rest),
        first_url=urls[0] if urls else "",
        https_url=https[0] if https else "",
        other_urls=[] if https else urls,
    )
