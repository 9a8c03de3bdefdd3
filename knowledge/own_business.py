"""A business of one's own wished for, told without a word for starting one: "nuori tyyppi haluis oman parturin",
"haaveilee omasta kahvilasta", "wants her own café". The wish is to start it; the founder asks how."""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.text import WordAnalysis, fold

# The wish, as typed (folded starts): wanting, hoping, dreaming, planning or weighing it up
WISH_STARTS = (
    *("halu", "toivo", "toive", "haave", "unelm", "suunnit", "mietti", "harkit", "want", "dream", "hope"),
    *("alkaa", "alkais", "aloittaa", "aloittais", "ruveta", "rupeais", "ryhtya"),  # or begun ("alkaa tehä omaa juttua")
)
# "own", as typed: the business is the wisher's ("oman parturin", "omaa yritystä", "omasta kahvilasta")
OWN_FORMS = frozenset({"oma", "oman", "omaa", "omasta", "omaksi", "omaan", "own"})
# a thing of one's own, wished for by someone in paid work, is a business ("haaveilee omasta jutusta")
OWN_THINGS = frozenset(
    {"juttu", "jutun", "juttua", "jutusta", "jutuksi", "bisnes", "bisneksen", "bisnesta", "bisneksesta"}
)
# ... and a place of one's own where food is served ("haluaa oman lounaspaikan"); no parking space
OWN_PLACES = tuple(
    f"{kind}paik" for kind in ("lounas", "kahvi", "ruoka", "grilli", "pizza", "kebab", "brunssi", "syonti")
)
WISH_REACH = 3  # words between the wish and "own" ("haluaisi joskus ehkä oman kahvilan")
KIND_REACH = 2  # words between "own" and the business ("oman pienen kahvilan")
# The partitive is always what is wished for ("haluaa omaa yritystä"); a genitive may qualify what follows it
# ("haluaa oman yrityksen verkkosivut uusiksi": the site is wished for, the company exists)
GENITIVE_END = "n"


def own_business_wished(
    analyses: list[WordAnalysis],
    describes_company: Callable[[WordAnalysis], bool],
    is_filler: Callable[[WordAnalysis], bool],
) -> int | None:
    """The index of the business wished for as one's own ("haluis oman parturin"), or None. `describes_company`
    tells a word that says what a company is; `is_filler` a word that qualifies nothing (a stop word, a place)."""
    for index, analysis in enumerate(analyses):
        if fold(analysis.word) not in OWN_FORMS or analysis.clause_end:
            continue
        before = analyses[max(0, index - WISH_REACH) : index]
        if not any(fold(word.word).startswith(WISH_STARTS) for word in before):
            continue
        for at in range(index + 1, min(len(analyses), index + 1 + KIND_REACH)):
            kind = analyses[at]
            if describes_company(kind) or fold(kind.word) in OWN_THINGS or fold(kind.word).startswith(OWN_PLACES):
                if _is_what_is_wished(analyses, at, is_filler):
                    return at
                # "omaa puusepän juttua": the trade's thing of one's own
                following = at + 1 < len(analyses) and fold(analyses[at + 1].word) in OWN_THINGS
                return at + 1 if following else None
            if kind.clause_end:
                break
    return None


def _is_what_is_wished(analyses: list[WordAnalysis], at: int, is_filler: Callable[[WordAnalysis], bool]) -> bool:
    """The business word is the object itself, not a genitive of something else wished for."""
    kind = analyses[at]
    if kind.clause_end or at + 1 == len(analyses) or not fold(kind.word).endswith(GENITIVE_END):
        return True
    return is_filler(analyses[at + 1])


# Work begun on one's own account: "työtön metsuri haluaisi alkaa tehdä töitä omalla koneella", "tehdä keikkaa omaan
# lukuun", "tehdä kotisiivousta omiin nimiin", "start working for himself". The worker becomes self-employed, though no
# company is named.
_OWN_WORK = re.compile(
    r"\b(?:alkaa|aloittaa|aloittais|alottaa|ryhtya|ruveta|rupeais|alkais)\s+(?:tehda|tekemaan)\s+"
    r"(?P<work>toita|hommia|keikkaa|keikkoja|urakoita|toitaan|hommiaan)\s+(?:[\w-]+\s+)?"
    r"(?:omalla|omilla|omaan|omana|itsenaisesti|yrittajana|itselleen)\b"
    r"|\b(?:tehda|tekee|tekemaan|tekisi\w*|tekis\w*)\s+(?:samoja\s+|niita\s+)?(?P<work_own>toita|hommia|keikkaa|keikkoja)"
    r"\s+omaan\s+(?:lukuun|laskuun)\b"
    # ... whatever the work is ("haluais alkaa tehdä hierontaa omaan lukuun")
    r"|\b(?:tehda|tekee|tekemaan|tekisi\w*|tekis\w*)\s+(?P<work_any>[\w-]+)\s+omaan\s+(?:lukuun|laskuun)\b"
    # ... or the same work as one's own firm ("miettii et vois jatkaa samaa duunia omana firmana")
    r"|\b(?:jatkaa|jatkais\w*|tehda|tekemaan)\s+(?:samaa\s+|samoja\s+)?(?:duunia|tyota|toita|hommaa|hommia)\s+"
    r"omana\s+(?P<work_firm>firmana|yrityksena|toiminimena|yrittajana)\b"
    r"|\b(?P<work_en>work(?:ing)?)\s+for\s+(?:himself|herself|themselves|myself)\b"
    # ... or in one's own name ("haluis alkaa tehdä kotisiivousta omiin nimiin"); not a farm or a firm taken over
    # in one's name ("ottaa tilan omiin nimiinsä")
    r"|\b(?:tehda|tekemaan|tekee)\s+(?:[\w-]+\s+){0,2}?omiin\s+(?P<work_name>nimiin(?:sa)?)\b"
    # ... or by one out of work who would begin doing something ("ollu vuoden työttömänä ja haluis alkaa tehdä kynsiä
    # kotona"); not one who would come to work ("työttömänä ollut nuori pääsis meille töihin")
    r"|\b(?:tyot(?:on|tomana|tomaksi|tomalle)|irtisanottu|irtisanottiin|lomautettu)\b[^.;]{0,60}?\b"
    r"(?P<work_begun>alkaa|aloittaa|alottaa|ruveta|ryhtya)\s+"
    r"(?:tehda|tekemaan|myyda|myymaan)\b"
    # ... or by oneself ("haluaa alkaa tehdä remppoja itse")
    r"|\b(?:alkaa|aloittaa|alottaa|ruveta|alkais)\s+(?:tehda|tekemaan)\s+(?P<work_self>[\w-]+)\s+(?:itse|ite|itsenaisesti)"
    r"\b(?!\s+(?:meille|meilla|firmalle|yritykselle))"
    # ... or a line beside another ("tilalla halutaan alkaa vuokrata mökkejä sivubisneksenä")
    r"|\b(?:alkaa|aloittaa|ruveta|alkais)\s+(?:\w+\s+){1,3}?(?P<work_sideline>sivubisnek\w*|sivutoimena|sivuelinkeinona)\b"
    # ... or what one would begin to sell ("metsänomistaja haluaisi alkaa myydä polttopuita ja haketta")
    r"|\b(?:haluaa|haluaisi|haluais|haluis|aikoo|miettii)\s+(?:alkaa|aloittaa|ruveta)\s+(?P<work_selling>myyda|myymaan)\b"
    # ... or a farm that would process what it grows ("marjatila haluaa jalostaa mehua ja hilloa")
    r"|\b(?:haluaa|haluaisi|haluais|haluis|alkaa|aloittaa|ruveta|alkais|aikoo)\s+(?P<work_processed>jalostaa|jalostamaan)\b"
    # ... or by one who did the work for another before ("entinen lähihoitaja haluaisi alkaa tehdä jalkahoitoja")
    r"|\bentinen\b[^.;]{0,60}?\b(?P<work_former>alkaa|aloittaa|alottaa|ruveta|ryhtya)\s+"
    r"(?:tehda|tekemaan|myyda|myymaan)\b"
    # ... or at home ("haluaisi alkaa tehdä ripsiä kotonaan")
    r"|\b(?:alkaa|aloittaa|alottaa|ruveta|alkais)\s+(?:tehda|tekemaan|myyda|myymaan)\s+(?:[\w-]+\s+){1,2}?"
    r"(?P<work_home>kotona|kotonaan|kotoa|kotoaan)\b"
    # ... or by one who leaves a paid job for it ("haluis lopettaa palkkatyöt ja alkaa tehdä kynsiä kotona")
    r"|\b(?:lopettaa|jattaa)\s+(?:palkkatyo\w*|duunit|tyonsa|tyopaikkansa)\b[^.;]{0,40}?\b"
    r"(?P<work_quit>alkaa|aloittaa|ruveta|ryhtya)\s+(?:tehda|tekemaan|teha)\b"
    # ... or a line of business begun beside the old ("isäntä haluis aloittaa hakeyrittäjyyden sivuun")
    r"|\b(?:alkaa|aloittaa|aloittais|alottaa|ryhtya|ruveta)\s+(?P<work_side>\w+yrittajyy\w*|\w+yrittajaksi|\w+bisnek\w*)"
    r"\s+(?:\w+\s+)?(?:sivuun|sivussa|sivutoimisesti|sivutoimena|ohelle|ohessa|rinnalle|rinnalla)\b"
    # ... or by one who would begin making things to sell ("emäntä haluis alkaa tehdä siinä puutuotteita myyntiin")
    r"|\b(?:alkaa|aloittaa|alottaa|ruveta|alkais)\s+(?:tehda|tekemaan|valmistaa|valmistamaan)\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<work_sold>myyntiin|myytavaksi|kauppaan|kauppoihin)\b"
)


# A business of one's own asked where to begin with, before any wish ("oma firma, mistä aloitan", "oma yritys – miten
# alkuun?")
_OWN_BUSINESS_BEGUN = re.compile(
    r"\boma[na]?\s+(?P<kind>firma|yritys|bisnes|toiminimi|liike|putiikki)\b[^.;?!]{0,12}?"
    r"\b(?:mista|miten|mihin)\s+(?:\w+\s+)?(?:aloit|alot|alkuun)"
    # ... or to get going ("oma firma alulle", "oma yritys pystyyn")
    r"|\boma[na]?\s+(?P<kind_going>firma|yritys|bisnes|toiminimi|liike|putiikki)\s+(?:\w+\s+)?"
    r"(?:alulle|pystyyn|kayntiin)\b"
)


def own_business_begun(folded: str) -> str | None:
    """The business word (as typed, folded) of one's own business asked where to begin with, else None."""
    match = _OWN_BUSINESS_BEGUN.search(folded)
    if match is None:
        return None
    return next(word for word in match.groups() if word)


def own_work_started(folded: str) -> str | None:
    """The word for the work (as typed, folded) when someone is to begin working on their own account, else None."""
    match = _OWN_WORK.search(folded)
    if match is None:
        return None
    return next(word for word in match.groups() if word)
