"""Work running out for the staff, told as the problem: "töitä ehkä puolelle syksyllä", "ens kuussa ei oo töitä
kuudelle hlölle", "not enough work for our crew". The employer then faces lay-offs or change negotiations, though no
word of laying off is written."""

from __future__ import annotations

import re

# The work, as typed (folded): the partitive a shortage is told in
_WORK = r"(?P<work>toita|tyota|hommia|duunia|keikkoja|work)"
# Only a part of the staff has work: a share of them ("puolelle", "osalle"), not a count alone ("töitä kuudelle"
# may be work for six new people), nor a share of time ("hakee töitä puolelle vuodelle")
_SHARE = (
    r"(?:puolelle|osalle|harvoille|muutamalle|half|some)\b(?!\s+(?:vuode|vuote|ajalle|paivalle|viikolle|kuukaude|year))"
)
# Whom there is no work for: a count, the staff or all of them
_PEOPLE = (
    r"(?:\d+|yhdelle|kahdelle|kolmelle|neljalle|viidelle|kuudelle|seitsemalle|kahdeksalle|yhdeksalle|kymmenelle"
    r"|kaikille|koko|hlo\w*|henkilo\w*|tyontekij\w*|porukalle|vaelle|miehille|tyovoimalle|the|our|all|everyone)\b"
)
# ... and when named first, in the allative, a count with its people ("kolmelle", "6 hlölle", not "2024")
_PEOPLE_FIRST = (
    r"(?:\d+\s+(?:hlo|henkilo|tyontekij)\w*lle|yhdelle|kahdelle|kolmelle|neljalle|viidelle|kuudelle|seitsemalle"
    r"|kahdeksalle|yhdeksalle|kymmenelle|kaikille|porukalle|vaelle|miehille|hlo\w*lle|henkilo\w*lle|tyontekij\w*lle)"
)
_NEGATION = r"(?:ei|eika|eiko|eivat|no|not)"
# Days of a week, fewer than the working week ("kahdeks päiväks", "kolmena päivänä", "three days")
_DAYS = (
    r"(?:yhdeksi|yhdeks|kahdeksi|kahdeks|kolmeksi|kolmeks|neljaksi|neljaks|yhtena|kahtena|kolmena|neljana|\d|one"
    r"|two|three|four)\s+(?:paivaksi|paivaks|paivana|paivalle|days?)"
)
# The work as what ends ("työt loppuu", "hommat vähenee"), and the staff it is told of
_WORK_ENDING = r"(?P<work_ending>tyot|hommat|duunit|keikat|tilaukset|tilauskanta|tilauskirja)"
_ENDS = r"(?:loppuu|loppuvat|loppumassa|loppuis|loppu|loppui|loppuneet|vahenee|vahenevat|hiipuu|tyhjenee|tyhjenemassa)"
_STAFF = r"(?:kaveri|tyontekij|porukk|hlo|vaki|vake|vaen|vaelle|asentaj|miehe|tyyppe|staff|crew)"
_ENOUGH = r"(?:ole|oo|ollut|riita|riittanyt|riittaisi|riittais|enough)"
_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        # "töitä ehkä puolelle", "work for half the staff"
        rf"\b{_WORK}(?:\s+[\w-]+){{0,2}}?\s+(?:for\s+(?:only\s+)?)?{_SHARE}",
        # "ei oo töitä kuudelle hlölle", "ei riitä töitä kaikille", "no work for our crew", "not enough work for 6"
        rf"\b{_NEGATION}\s+(?:{_ENOUGH}\s+)?(?:[\w-]+\s+)??{_WORK}\s+(?:[\w-]+\s+)??(?:for\s+)?{_PEOPLE}",
        # "töitä ei riitä kaikille", "töitä ei oo kuin puolelle"
        rf"\b{_WORK}\s+{_NEGATION}\s+{_ENOUGH}\s+(?:[\w-]+\s+)??(?:kuin\s+)?(?:{_PEOPLE}|{_SHARE})",
        # "kolmelle ei oo hommia joulun jälkeen", "puolelle porukasta ei riitä töitä"
        rf"(?<![\w-])(?:{_PEOPLE_FIRST}|{_SHARE})\s+(?:[\w-]+\s+)??{_NEGATION}\s+(?:{_ENOUGH}\s+)?(?:[\w-]+\s+)??{_WORK}",
        # "työt loppuu tammikuussa ja viisi kaveria pitäis jotenkin pitää": the work ends, the staff named after it
        rf"\b{_WORK_ENDING}\s+(?:[\w-]+\s+)??{_ENDS}\b(?=[^.;]{{0,80}}?\b{_STAFF})",
        # "eikä kolmelle miehelle riitä duunia": the staff named between the negation and the work
        rf"\b{_NEGATION}\s+{_PEOPLE_FIRST}\s+(?:[\w-]+\s+)??{_ENOUGH}\s+{_WORK}",
        # "töitä riittää ehkä kahdeks päiväks viikossa", "work only three days a week": work for part of the week
        rf"\b{_WORK}\s+(?:[\w-]+\s+){{0,3}}?(?:{_DAYS})\s+(?:viikossa|viikkoon|a\s+week|per\s+week)\b",
        # "more staff than work", "enemmän väkeä kuin töitä"
        rf"\b(?:more\s+(?:staff|people|employees|workers)\s+than|enemman\s+(?:vakea|porukkaa|tyontekijoita)"
        rf"\s+kuin|(?:vakea|porukkaa|tyontekijoita)\s+(?:on\s+)?enemman\s+kuin)\s+{_WORK}",
        # "palkat juoksee vaikka töitä ei oo": the staff paid for work there is not
        rf"\bpalkat\s+(?:[\w-]+\s+)??(?:juoksee|juoksevat|rullaa|menee)\b[^.;]{{0,30}}?\b{_WORK}\s+{_NEGATION}\s+"
        r"(?:ole|oo|ollut|ollu)\b",
    )
)


def work_running_out(folded: str) -> str | None:
    """The word for the work (as typed, folded) when the question says there is no work for the staff, else None."""
    for pattern in _PATTERNS:
        if match := pattern.search(folded):
            return next(word for word in match.groups() if word)
    return None
