"""Staff lost, told as the problem: people who left ("koko keittiöhenkilökunta lähti kilpailijalle", "two key
employees quit") or no one in their place ("ei ketään tilalle", "ei löydy tilalle ketään"). The company then
needs a replacement hire, though no word of hiring is written."""

from __future__ import annotations

from collections.abc import Callable

from knowledge.negation import NEGATIONS
from knowledge.text import WordAnalysis, fold

# Leaving, as typed (folded). Not the other forms of "lähteä": "pankki ei lähde mukaan", "lähteä vientiin" are no
# staff leaving, and a staff word must be near besides.
LEAVING_WORDS = frozenset(
    {"lahti", "lahtivat", "lahtenyt", "lahteneet", "lahtee", "lahtevat", "lahtemassa", "quit", "quits", "resigned"}
    | {"quitting", "resigning"}
    | {"left", "leaving", "kilpailijalle", "kilpailijoille", "competitor"}
    | {"lopetti", "lopettivat", "lopettanut", "lopettaneet"}  # "kaks parasta asentajaa lopetti samalla viikolla"
)
LEAVING_STARTS = ("irtisanoutu",)  # resigning; "irtisanoa" (to lay off) is the employer's act, no loss told
# ... and leaving said in two words, by staff ("kuski jää pois", "avainhenkilö jää eläkkeelle ensi keväänä"); an
# owner's retiring is a change of owner instead (see OWNER_STARTS)
STAYING_VERBS = frozenset({"jaa", "jai", "jaavat", "jaivat", "jaamassa", "jaanyt", "jaaneet", "jaisi"})
LEAVING_AFTER = frozenset({"pois", "elakkeelle", "elakkeel", "sairauslomalle", "aitiyslomalle", "vanhempainvapaalle"})
STAYING_REACH = 3  # "jää ensi keväänä eläkkeelle": the leaving word may come a couple of words after the verb
# The staff who left: workers by the recruitment words, and the staff as a whole or its key people
STAFF_PARTS = ("henkilokun", "henkilost", "avainhenkilo", "avainihmi", "tyontekij", "staff", "employee", "kuski")
AGENT_ENDINGS, AGENT_MIN_LETTERS = ("ja", "jaa", "jat"), 6  # "koneistaja", "koneistajaa", "koneistajat"
# a company has one seller; several salespeople are its staff ("kaikki kolme myyjää irtisanoutui")
SALES_STAFF = frozenset({"myyjaa", "myyjat", "myyjia", "myyjista", "myyjamme", "salespeople"})
OWNER_STARTS = ("omistaj", "yrittaj", "osakk", "luopuj", "jatkaj", "ostaj", "myyj")  # their leaving is the company's
WORKSHOP_ENDS = ("paja", "pajaa", "pajat")  # "konepaja" ends like an agent noun, but is the workshop
# customers and partners who stop are no staff lost ("saksalaiset jälleenmyyjät lopettaneet tilaamisen")
PARTNER_STARTS = ("jalleenmyyj", "maahantuoj", "tukku", "asiaka", "asiakk", "toimittaj", "alihankkij")
PARTNER_WORDS = ("reseller", "distributor", "customer", "client", "supplier", "importer", "wholesaler")
BEFORE_REACH, AFTER_REACH = 3, 2  # "avainhenkilöä lähti", "lähti kaksi avainhenkilöä"
# "ei ketään tilalle", "ei löydy tilalle ketään", "nobody to replace them": someone in the leaver's place
IN_PLACE = frozenset({"tilalle", "replace", "replacement"})
SOMEONE = frozenset({"ketaan", "kukaan", "joku", "jonkun", "jotakuta", "tekijaa", "ihmista", "someone", "anyone"})
SOMEONE_REACH = 2
# staff kept or committing ("sitouttaa", "saada työntekijät sitoutumaan"); not an owner who dares not commit to a
# wage ("en uskalla sitoutua kokonaiseen palkkaan")
RETENTION_STARTS = (
    *("pysymaan", "pysyisi", "sitoutt", "sitoutumaan", "sitoudu", "sitoutumi", "sitoutuneisuu"),
    *("retain", "retention", "vaihtuvuu"),
)
FEAR_STARTS, FEAR_REACH = ("pelka", "pelko", "pelot", "uskalla", "arast", "jannit", "afraid", "fear"), 4
# ... or do not like it at work ("kukaan ei viihdy meillä"); not children who enjoy a holiday
LIKING_STARTS, NOT_LIKING_BEFORE = ("viihdy", "viihty"), frozenset({"ei", "eivat", "kukaan"})
# leaving again and again is why the staff do not stay ("staff keep quitting after a few months", "porukka
# lähtee koko ajan"): their wellbeing is the question, no one more hire
REPEATED = frozenset({"keep", "keeps", "kept", "always"})
AGAIN = (("koko", "ajan"), ("jatkuvasti",), ("aina",), ("taas",))


def replacement_words(analyses: list[WordAnalysis], is_worker: Callable[[WordAnalysis], bool]) -> frozenset[str]:
    """The folded words that tell of staff lost and so ask for a replacement hire: the leaving verb and the one
    sought in the leaver's place."""
    words = [fold(analysis.word) for analysis in analyses]
    found: set[str] = set()
    for index, word in enumerate(words):
        # "jää pois", "jää ensi keväänä eläkkeelle": the leaving word a few words after
        after = [
            at for at in range(index + 1, min(len(words), index + 1 + STAYING_REACH)) if words[at] in LEAVING_AFTER
        ]
        # with words between, only staff just before it leave ("asentajaa jää ensi keväänä eläkkeelle", not "(9
        # työntekijää). Veli jää ensi vuonna eläkkeelle")
        # ... or between them ("jää kaksi kuljettajaa eläkkeelle")
        gap_ok = bool(after) and (
            after[0] == index + 1
            or (index > 0 and _is_staff(analyses[index - 1], words[index - 1], is_worker))
            or any(_is_staff(analyses[at], words[at], is_worker) for at in range(index + 1, after[0]))
        )
        two_words = word in STAYING_VERBS and gap_ok
        if (word in LEAVING_WORDS or word.startswith(LEAVING_STARTS) or two_words) and not (
            index > 0 and words[index - 1] in NEGATIONS
        ):
            near = range(max(0, index - BEFORE_REACH), min(len(words), index + 1 + AFTER_REACH))
            if any(_is_staff(analyses[other], words[other], is_worker) for other in near if other != index):
                found.add(word)
                if two_words:
                    found.add(words[after[0]])
        if word in IN_PLACE:
            beside = words[max(0, index - SOMEONE_REACH) : index + 1 + SOMEONE_REACH]
            found.update(other for other in beside if other in SOMEONE)
    return frozenset(found)


def asks_to_keep_staff(analyses: list[WordAnalysis]) -> bool:
    """The question asks how to keep the staff ("miten saa porukan pysymään"), or tells that they leave again
    and again: their wellbeing, no hire."""
    words = [fold(analysis.word) for analysis in analyses]
    # ... not an owner who fears committing to a first hire ("pelkää byrokratiaa ja sitoutumista")
    if any(
        word.startswith(RETENTION_STARTS)
        and not any(before.startswith(FEAR_STARTS) for before in words[max(0, index - FEAR_REACH) : index])
        for index, word in enumerate(words)
    ):
        return True
    if any(
        word.startswith(LIKING_STARTS) and words[index - 1] in NOT_LIKING_BEFORE for index, word in enumerate(words)
    ):
        return True
    for index, word in enumerate(words):
        leaving = word in LEAVING_WORDS or word.startswith(LEAVING_STARTS)
        if leaving and index and words[index - 1] in REPEATED:
            return True
        if leaving and any(tuple(words[index + 1 : index + 1 + len(again)]) == again for again in AGAIN):
            return True
    return False


def _is_staff(analysis: WordAnalysis, word: str, is_worker: Callable[[WordAnalysis], bool]) -> bool:
    if word in SALES_STAFF:
        return True
    if word.startswith(PARTNER_STARTS + PARTNER_WORDS) or any(owner in word for owner in OWNER_STARTS):
        return False  # a customer or a partner, or the owner by a compound ("kampaamoyrittäjä jäi sairauslomalle")
    # an agent noun names a worker though no table lists it ("cnc-koneistaja", "kunnossapitäjä")
    agent = word.endswith(AGENT_ENDINGS) and len(word) > AGENT_MIN_LETTERS and not word.endswith(WORKSHOP_ENDS)
    return agent or any(part in word for part in STAFF_PARTS) or is_worker(analysis)
