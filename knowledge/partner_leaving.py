"""A partner who leaves the company, or is bought out: "ky:n toinen yhtiömies haluu irti, miten hänet lunastetaan",
"osakas haluaa lähteä firmasta", "my co-founder wants out". A share of the company changes owner, though no word of
selling or buying one is written."""

from __future__ import annotations

import re

# The partner, as typed (folded): a shareholder (not "osakkeet", the shares), a partner of a ky or ay, a co-founder;
# not a partner in trade ("yhteistyökumppani haluaa irti sopimuksesta")
_PARTNER = r"(?P<partner>(?:osakas|osakka|osakkai|yhtiomie|yhtiokumppan|partner|co-?founder|co-?owner)\w*)"
# Wanting to leave, or leaving: out of the company, away from it, giving up one's share
_WANT = r"(?:haluaa|haluu|haluis|haluaisi|haluavat|aikoo|aikois|meinaa|wants|want|would\s+like)"
_AWAY = (
    r"(?:ulos|irti|pois|lahtea|luopua|eroon|erota|irtautua|irrottautua|jaada\s+pois|out|to\s+leave|to\s+quit"
    r"|to\s+exit)\b"
)
_LEAVING = (
    rf"(?:{_WANT}\s+(?:[\w-]+\s+){{0,2}}?{_AWAY}|lahtee\s+(?:pois|firmasta|yhtiosta)|is\s+leaving|quits\b"
    r"|kuoli\b|kuollut\b|menehtyi\b|died\b)"  # "ky:n vastuunen yhtiömies kuoli yllättäen": the share passes on
)
# A partner bought out: "lunastaa osakkaan osuus", "miten hänet lunastetaan", "buy out my partner"
_BUY_OUT = r"(?:lunast\w*|buy\s+(?:\w+\s+){0,2}?out|buyout)"
_REACH = r"(?:\s+[\w:-]+,?){0,4}?\s+"
_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b{_PARTNER}{_REACH}{_LEAVING}",  # "osakas haluaa irti", "toinen yhtiömies haluu irti"
        rf"\b{_PARTNER}(?:\s+[\w:-]+){{0,8}}?\s+{_BUY_OUT}",  # "yhtiömies haluu irti, miten hänet lunastetaan"
        rf"\b{_BUY_OUT}{_REACH}{_PARTNER}",  # "lunastaa toisen osakkaan osuus", "buy out my partner"
        # one who wants to leave "our" company, by name ("Jussi haluu lähteä pois meidän ky:stä"): a partner
        rf"\b{_WANT}\s+(?:[\w-]+\s+){{0,2}}?(?:lahtea|erota|irtautua)\s+(?:pois\s+)?(?:meidan|meijan|meian)\s+"
        r"(?P<partner>ky|ay|oy|firmasta|yhtiosta|yrityksesta)\b",
        # one of the owners who wants out of the company ("omistajat riidoissa, toinen haluaa ulos yhtiöstä")
        rf"\bomistaj\w*\b[^.;]{{0,60}}?\b{_WANT}\s+(?:ulos|irti|pois|eroon)\s+(?P<partner>yhtiosta|firmasta|yrityksesta)\b",
    )
)


def partner_leaving(folded: str) -> str | None:
    """The word for the partner (as typed, folded) when the question says one leaves or is bought out, else None."""
    for pattern in _PATTERNS:
        if match := pattern.search(folded):
            return match.group("partner")
    return None
