"""What a question says beside its need: a client's news from home, a greeting, the advisers' own network,
where to begin, the old thing replaced, a follow-up that names only a place, the asker's own trade. The reader
drops the needs these words would otherwise name (see QuestionReader.read)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from knowledge.facets import Facets, is_municipality
from knowledge.text import WordAnalysis, fold
from knowledge.vocab import OTHER_MUNICIPALITY

_Item = TypeVar("_Item")

# Developing the business itself ("kehittää liiketoimintaansa", "apua liiketoiminnan kehittämiseen") asks for
# business advice: no product, no investment, no other need named by it
DEVELOP_STEMS = ("kehitta", "kehitys", "develop")  # folded: the plain analyser's forms too
BUSINESS_STEMS = ("liiketoim", "yritystoim", "business")
DEVELOP_REACH = 3  # "kehittää luovan alan liiketoimintaansa"
# An e-mail's greeting says where the writer is, not what the company needs ("Terveisiä mökiltä!")
GREETING_STEMS = ("terveis", "terkku", "terkut", "greetings")
GREETING_REACH = 2
# "voiko meidän verkosto auttaa", "what can our network offer": the advisers' own network helps; the
# company asks for no network of its own
OUR_WORDS = frozenset({"meidan", "meijan", "our"})
# Home news in a client's e-mail, a pet's or the children's ("koira sairastui", "my dog is sick", "lapset
# aloitti koulun"), is nobody's need and says nothing of the company: its clause names no need or fact
PET_STEMS = ("koira", "kissa", "lemmikki")  # folded; a guess may be inflected ("koirakin") by a few letters
PET_WORDS = frozenset({"dog", "dogs", "cat", "cats", "pet", "pets", "puppy"})
PET_INFLECTION_LETTERS = 4
CHILD_LEMMAS = frozenset({"lapsi", "lapsenlapsi", "vauva", "tytto", "poika", "tytar"})  # not "koululainen": a hire
CHILD_WORDS = frozenset(
    {"kids", "children", "child", "baby", "grandchildren", "daughter", "son", "girl", "boy"}
    # as typed, for the plain analyser
    | {"lapset", "lapsia", "lapseni", "lapsemme", "lapsilla", "lapsille", "lapsen", "lasten", "lastenlapset"}
    | {"tytto", "tyttoni", "tyttomme", "tytar", "tyttareni", "poika", "poikani", "poikamme", "pojat", "tytot"}
)
AGED = re.compile(r"\d+\s*v$|\d+-?vuotia|\w*vuotia")  # "17v", "16-vuotias", "kuusitoistavuotias"
# A child's hobby or school is an activity ("tyttö aloitti ratsastuksen"): a noun on -us/-ys names no company
ACTIVITY_ENDINGS = ("us", "ys")
# the children who continue the business are its news ("lapset jatkavat", "the kids will take over"), or those
# to whom it passes ("sukupolvenvaihdos isältä pojalle", "myydään tyttärelle")
SUCCESSION_STEMS = (
    "jatka", "continu", "take", "taking", "succe", "sukupolv", "omistajanvaihd", "luovut", "siirty", "siirta",
    "myy", "perii", "perint", "generation", "handover", "hand", "sell", "transfer", "inherit",
)  # fmt: skip
NETWORK_WORDS = frozenset({"verkosto", "network"})
NETWORK_STEMS = ("verkostomme", "verkostossamme", "verkostostamme")  # as the plain analyser sees them
HELP_STEMS = ("autta", "auttaisi", "tarjo", "help", "offer", "tehda", "voi")
HELP_REACH = 3
# "I am a trained pastry chef", "olen koulutukseltani kokki", "worked as a nurse", "työskennellyt kokkina":
# the asker's own trade, within four words before it, unless a hiring verb comes between ("I am hiring a chef")
ASKER_IS = frozenset({"am", "i'm", "im", "olen", "olin"})
WORKED_AS = frozenset({"as", "tyoskennellyt", "tyoskentelen", "tyoskentelin", "toiminut", "toimin"})
ESSIVE_ENDINGS = ("na", "nä")
ENTREPRENEUR_STEMS = ("yrittaj", "yksinyrittaj", "entrepreneur", "self-employed")
ASKER_TRADE_REACH = 4
HIRING_VERBS = frozenset(
    {"hiring", "looking", "seeking", "searching", "recruiting", "need", "want", "employing", "for", "to"}
    | {"palkkaamassa", "etsimassa", "hakemassa", "rekrytoimassa"}
)
# "mistä aloittaa", "mistä kannattaisi aloittaa": where to begin
BEGIN_VERB = re.compile(r"aloit(?:taa|an|amme|etaan|ettaisiin|taisi\w*)$")  # the verb, not "aloittamiseen"
WHERE_FROM, BEGIN_REACH = frozenset({"mista", "mistas"}), 2
# A competitor, a chain's outlet or a business next door that opens ("viereen avattiin ketjukahvila")
RIVAL_STEMS = ("kilpailij", "competitor", "rival", "viereen", "naapuriin", "next")
OPENING_STEMS = ("avat", "avaa", "avas", "open", "perust", "aloit", "aloitt")
# "uusi samanlainen tilalle", "vanhan tilalle": "tilalle" is in place of the old one
REPLACED_WORDS = frozenset(
    {"uusi", "uuden", "uudet", "samanlainen", "samanlaisen", "vanhan", "vanhojen", "sen", "toisen", "entisen"}
    | {"hajonneen", "rikkoutuneen", "rikkinaisen"}
)
# Starting work ("aloittaa työt", "aloittaa työskentelyn", "start work", "start working"), said of a person
START_STEMS, WORK_STEMS = ("aloitt", "aloita", "start"), ("tyot", "tyoskentel", "tyossa", "work")
SELF_EMPLOYED_STEMS = ("yrittaj", "toiminim", "tmi", "kevytyrit", "self-employ", "freelanc", "entrepreneur", "business")
# a worker who starts ("puolalainen asentaja, EU-kansalainen, aloittaa pertunmaalla ensi kuussa"): a job begins
WORKER_STEMS = (
    "asentaj", "hitsaaj", "tyontekij", "kirvesm", "kuljettaj", "siivooj", "hoitaj", "mekaanik", "harjoittelij",
    "kesatyontekij", "kausityontekij", "worker", "employee", "welder", "nurse", "electrician", "carpenter", "trainee",
)  # fmt: skip
WORKER_REACH = 4
# ... unless what starts is one's own business ("hitsaaja aloittaa oman konepajan")
OWN_BUSINESS_STEMS = ("oma", "own", "yrit", "firm", "tmi", "toiminim", "liike", "company", "business")
WORKER_STARTS = frozenset({"aloittaa", "aloittaisi", "aloittais", "aloitti", "aloittamassa", "aloittavat", "starts"})
# the past passive (was started) and the asker's own past ("jos aloitin toukokuussa": I started, at a job or not)
BEGUN = re.compile(r"alo(?:i)?tett(?:iin|u|ua|un|uun|uja)$|aloit(?:in|it|imme|itte)$")  # also "alotettu", mistyped
# The words of a follow-up that only names another place ("entä hirvensalmella?", "and in Juva?")
FOLLOW_UP_WORDS = frozenset(
    {"enta", "entas", "entapa", "ja", "jos", "sitten", "kun", "mites", "miten", "taalla", "siella"}
    | {"what", "about", "and", "in", "how", "then", "for"}
)
# The asker and the asker's family as the subject: "I", "we", "minä", "me", "asumme", "muutimme"
ASKER_WORDS = frozenset(
    {"i", "we", "mina", "ma", "me", "mie", "asun", "asumme", "muutin", "muutimme", "olemme", "meilla", "meidan"}
    | {"olen", "oon", "i'm", "im", "my", "our", "mun", "minun"}  # "olen kolmen lapsen äiti Sulkavalta"
)
# "Täällä Kangasniemellä koirat voi hyvin": the place said as "here" is the asker's
HERE_WORDS = frozenset({"taalla", "taalta", "tanne", "here"})
# "oltiin mökillä", "olin viime viikolla mökillä", "käytiin mökillä": where the asker was, not the company's matter
STAYED_WORDS = frozenset(
    {"olin", "oltiin", "olimme", "olivat", "kavin", "kaytiin", "kavimme", "vietimme", "vietettiin"}
)
STAY_ENDINGS = ("lla", "ssa", "lta", "sta")  # folded: "mökillä" is "mokilla"
STAY_REACH = 3
# ... but an entrepreneur's leave is no place ("olin kolme kuukautta sairaslomalla, yrittäjänä en tiedä saanko
# rahaa": the entrepreneur's health); an employee's own leave stays private ("lomakorvaus, jos olin sairaslomalla")
LEAVES = frozenset(
    {"sairaslomalla", "sairauslomalla", "saikulla", "aitiyslomalla", "vanhempainvapaalla", "sairaalassa"}
)
# Good news in a client's e-mail ("leikkaus meni onneksi hyvin", "koira on jo toipunut"): nothing to ask about
GOOD_NEWS = frozenset(
    {"onneksi", "toipunut", "toipui", "toipuneet", "parantunut", "parantui", "fortunately", "luckily", "recovered"}
)
# Where the writer writes from ("kirjoitan tätä hammaslääkärin odotushuoneessa", "writing this on the train"): no
# fact of the company, whatever the place's words name
WRITING_WORDS = frozenset({"kirjoitan", "kirjoittelen", "naputtelen", "writing", "istun", "odottelen"})
WENT, WELL = frozenset({"meni", "menivat", "sujui", "went"}), frozenset({"hyvin", "hienosti", "nappiin", "well"})
CLAUSE_WORDS = frozenset({"ja", "mutta", "joten", "koska", "ettei", "and", "but", "so", "because"})
AND_WORDS = frozenset({"ja", "and"})


# "since the roadworks started", "after the road works started": an event's start; the client's own has its starter
# just before ("since we started")
EVENT_STARTED = frozenset({"started", "began", "begun", "opened"})
STARTERS = frozenset({"we", "i", "he", "she", "they", "client", "owner", "company", "business", "firm", "entrepreneur"})
SINCE_REACH = 4
EVENT_BEFORE = frozenset({"since", "after", "when", "once"})


def around(items: list[_Item], index: int, reach: int) -> list[_Item]:
    """The items (words or their analyses) up to `reach` before and after the one at `index`."""
    return items[max(0, index - reach) : index] + items[index + 1 : index + 1 + reach]


def is_home_news_subject(analysis: WordAnalysis) -> bool:
    """A pet or a child: what a client's e-mail tells of home, not of the company."""
    word = fold(analysis.word)
    if word in PET_WORDS or word in CHILD_WORDS or analysis.lemmas & (set(PET_STEMS) | CHILD_LEMMAS):
        return True
    return not analysis.known and any(
        word.startswith(stem) and len(word) - len(stem) <= PET_INFLECTION_LETTERS for stem in PET_STEMS
    )


def home_news_clauses(analyses: list[WordAnalysis], describes_company: Callable[[WordAnalysis], bool]) -> set[int]:
    """The words of a clause about a pet or the children ("Koira sairastui viime viikolla", "ja koirakin on
    vanha ja sairas", "Lapset aloitti koulun"), unless the clause names the company ("kenneli laajenee,
    15 koiraa") or a succession ("lapset jatkavat"): a client's news from home."""
    found: set[int] = set()
    for index, analysis in enumerate(analyses):
        if not is_home_news_subject(analysis):
            continue
        if index > 0 and AGED.match(fold(analyses[index - 1].word)):
            continue  # "17v poika haluis oppia työn ohessa": a young person of an age, no child's news
        clause = _clause_around(analyses, index, CLAUSE_WORDS - AND_WORDS)
        if any(fold(analyses[at].word).startswith(SUCCESSION_STEMS) for at in clause):
            continue
        if not any(describes_company(analyses[at]) and not _activity(analyses[at]) for at in clause):
            # where the asker's own family lives or moved is where the asker is ("we moved to Mikkeli with
            # our two kids"): that place stays
            # ... the asker said before a "ja" too ("asun vaimon ja kahden koiran kanssa Puumalassa")
            said = range(_sentence_start(analyses, index), clause.stop)
            own = any(fold(analyses[at].word) in ASKER_WORDS | HERE_WORDS for at in said)
            found.update(at for at in clause if not (own and is_municipality(analyses[at])))
    return found


def _sentence_start(analyses: list[WordAnalysis], index: int) -> int:
    """Where the word's part of a sentence begins: after the last comma or stop before it."""
    start = index
    while start > 0 and not analyses[start - 1].clause_end:
        start -= 1
    return start


def _clause_around(analyses: list[WordAnalysis], index: int, ending: frozenset[str]) -> range:
    """The clause of the word at `index`: back to a comma or a conjunction, on to a comma or a word of `ending`."""
    start = index
    while start > 0 and not analyses[start - 1].clause_end and fold(analyses[start].word) not in CLAUSE_WORDS:
        start -= 1
    end = index
    while end + 1 < len(analyses) and not analyses[end].clause_end:
        if fold(analyses[end + 1].word) in ending:
            break
        end += 1
    return range(start, end + 1)


def good_news_clauses(analyses: list[WordAnalysis]) -> set[int]:
    """The words of a clause of good news ("Pirkon lonkkaleikkauskin meni onneksi hyvin", "koira on jo
    toipunut"): what went well asks for nothing."""
    found: set[int] = set()
    for index, analysis in enumerate(analyses):
        word = fold(analysis.word)
        went_well = word in WENT and index + 1 < len(analyses) and fold(analyses[index + 1].word) in WELL
        if word in GOOD_NEWS or went_well:
            found.update(_clause_around(analyses, index, CLAUSE_WORDS))
    return found


def writing_from(analyses: list[WordAnalysis]) -> set[int]:
    """The words of a clause that tells where the writer writes from: nothing of the company's."""
    found: set[int] = set()
    for index, analysis in enumerate(analyses):
        if fold(analysis.word) in WRITING_WORDS:
            clause = _clause_around(analyses, index, CLAUSE_WORDS)
            # ... a place said ("odotushuoneessa", "junassa"), not only how ("kirjoitan nopeasti")
            if any(fold(analyses[at].word).endswith(STAY_ENDINGS) for at in clause if at > index):
                found.update(clause)
    return found


def _activity(analysis: WordAnalysis) -> bool:
    """A noun of doing ("ratsastus", "uinti" aside): what a child does, not what a company is."""
    return not analysis.parts and any(fold(lemma).endswith(ACTIVITY_ENDINGS) for lemma in analysis.lemmas)


def greeted_from(analyses: list[WordAnalysis]) -> list[int]:
    """The words of a greeting ("Terveisiä mökiltä", "greetings from the cottage"): they name no need."""
    words = [fold(analysis.word) for analysis in analyses]
    return [
        index
        for index in range(len(words))
        if any(word.startswith(GREETING_STEMS) for word in words[max(0, index - GREETING_REACH) : index])
    ]


def stays_away(analyses: list[WordAnalysis]) -> list[int]:
    """The words of the asker's own stay somewhere ("oltiin viikonloppuna mökillä", "olin viime viikolla
    mökillä ja veljen häissä"): news from home, no need of the company's."""
    words = [fold(analysis.word) for analysis in analyses]
    return [
        index
        for index in range(len(words))
        if any(word in STAYED_WORDS for word in words[max(0, index - STAY_REACH) : index])
        and words[index].endswith(STAY_ENDINGS)
        and not (words[index] in LEAVES and any(word.startswith(ENTREPRENEUR_STEMS) for word in words))
    ]


def our_network(analyses: list[WordAnalysis]) -> list[int]:
    """The advisers' own network asked to help ("voiko meidän verkosto auttaa"): no network of the company's."""
    words = [fold(analysis.word) for analysis in analyses]
    found = []
    for index, analysis in enumerate(analyses):
        if not (analysis.lemmas & NETWORK_WORDS or words[index].startswith(NETWORK_STEMS)):
            continue
        ours = words[index].endswith("mme") or (index > 0 and words[index - 1] in OUR_WORDS)
        near = around(words, index, HELP_REACH)
        if ours and any(word.startswith(HELP_STEMS) for word in near):
            found.append(index)
    return found


def business_developed(analyses: list[WordAnalysis]) -> list[int]:
    """The words that develop the business itself ("kehittää liiketoimintaansa", "develop my business")."""
    words = [fold(analysis.word) for analysis in analyses]
    found = []
    for index, word in enumerate(words):
        if not word.startswith(DEVELOP_STEMS) or "tuote" in word:  # "tuotekehitys" is R&D
            continue
        near = around(words, index, DEVELOP_REACH)
        if any(other.startswith(BUSINESS_STEMS) for other in near):
            found.append(index)
    return found


def where_to_begin(analyses: list[WordAnalysis]) -> list[int]:
    """ "Mistä kannattaisi aloittaa?": where to begin with what was asked, no company to start."""
    words = [fold(analysis.word) for analysis in analyses]
    return [
        index
        for index, word in enumerate(words)
        if BEGIN_VERB.match(word) and WHERE_FROM & set(words[max(0, index - BEGIN_REACH) : index])
    ]


def begun_words(analyses: list[WordAnalysis]) -> list[int]:
    """ "projekti aloitettiin jo viime kuussa", "aloitin toukokuussa": starting in the past, something already begun."""
    return [index for index, analysis in enumerate(analyses) if BEGUN.match(fold(analysis.word))]


def competitor_opened(analyses: list[WordAnalysis]) -> list[int]:
    """ "myynti puolittui kun viereen avattiin ketjukahvila", "a competitor opened next door": someone else's
    opening, in the clause that names the competitor, starts no company of the client's."""
    found: list[int] = []
    clause: list[int] = []
    for index, analysis in enumerate([*analyses, None]):
        if analysis is not None:
            clause.append(index)
        if analysis is None or analysis.clause_end:
            words = {position: fold(analyses[position].word) for position in clause}
            rival = any(
                word.startswith(RIVAL_STEMS) or "ketju" in analyses[position].parts for position, word in words.items()
            )
            if rival:
                found.extend(position for position, word in words.items() if word.startswith(OPENING_STEMS))
            clause = []
    return found


def event_started(analyses: list[WordAnalysis]) -> list[int]:
    """ "revenue is down since the roadworks started": what started since then is an event, no company of the
    client's; "since we started the company" is the client's own start."""
    found = []
    for index, analysis in enumerate(analyses):
        if fold(analysis.word) not in EVENT_STARTED or index == 0:
            continue
        before = [fold(other.word) for other in analyses[max(0, index - SINCE_REACH) : index]]
        if EVENT_BEFORE & set(before) and before[-1] not in STARTERS:
            found.append(index)
    return found


def work_started(analyses: list[WordAnalysis]) -> list[int]:
    """ "voiko ukrainalainen aloittaa työt heti", "start work on Monday", "asentaja aloittaa ensi kuussa": a person
    starts a job, no company; one who starts work as an entrepreneur ("aloittaa työt toiminimellä") does start one."""
    words = [fold(analysis.word) for analysis in analyses]
    if any(word.startswith(SELF_EMPLOYED_STEMS) for word in words):
        return []
    return [
        index
        for index, word in enumerate(words)
        if (word.startswith(START_STEMS) and index + 1 < len(words) and words[index + 1].startswith(WORK_STEMS))
        or (
            word in WORKER_STARTS
            and any(before.startswith(WORKER_STEMS) for before in words[max(0, index - WORKER_REACH) : index])
            and not any(after.startswith(OWN_BUSINESS_STEMS) for after in words[index + 1 : index + 3])
        )
    ]


COMING_STEMS = (
    *("tulossa", "tulee", "tulevat", "tulisi", "tulis", "saapuu", "saapuvat", "muuttaa", "coming"),
    *("haluaa", "haluais", "haluaisi", "hakee", "pyrkii"),  # "ukrainalainen haluais töihin rakennusfirmaan"
    *("hae", "haeta", "hakeudu", "hakeutuu", "hakenut"),  # ... or none do ("kukaan ei hae meille töihin")
)
TO_WORK = frozenset({"toihin", "toita", "to work"})
COMING_REACH = 3


def coming_to_work(analyses: list[WordAnalysis]) -> list[int]:
    """ "puuseppä tulossa virosta töihin ens kuussa": someone comes to work for the company, a hire (the word
    "töihin")."""
    words = [fold(analysis.word) for analysis in analyses]
    return [
        index
        for index, word in enumerate(words)
        if word in TO_WORK
        and any(before.startswith(COMING_STEMS) for before in words[max(0, index - COMING_REACH) : index])
    ]


def in_place_of(analyses: list[WordAnalysis]) -> list[int]:
    """ "uusi samanlainen tilalle", "vanhan tilalle": in place of the old one, no farm and no premises."""
    words = [fold(analysis.word) for analysis in analyses]
    return [
        index
        for index, word in enumerate(words)
        if word == "tilalle"
        and ((index > 0 and words[index - 1] in REPLACED_WORDS) or REPLACED_WORDS & set(words[index + 1 : index + 2]))
    ]


def asks_only_about_a_place(analyses: list[WordAnalysis], facets: Facets) -> bool:
    """The question is an Etelä-Savo municipality with follow-up words only ("entä hirvensalmella?", "what about
    Juva?"); a question with any other word ("sataako Mikkelissä") asks something else."""
    place = facets.municipality
    if place is None or place.code == OTHER_MUNICIPALITY.code:
        return False
    others = [fold(analysis.word) for analysis in analyses if not is_municipality(analysis)]
    return len(others) < len(analyses) and all(word in FOLLOW_UP_WORDS for word in others)


def askers_trade(analyses: list[WordAnalysis], trade_words: frozenset[str]) -> list[int]:
    """A trade the asker says is theirs, with the words that qualify it ("I am a trained pastry chef", "olen
    koulutukseltani kokki", "worked as a nurse"): who asks, not a hire; "I am hiring a chef" still hires one."""
    words = [fold(analysis.word) for analysis in analyses]
    found: list[int] = []
    for index, word in enumerate(words):
        if word not in trade_words and not (word.endswith(ESSIVE_ENDINGS) and analyses[index].lemmas & trade_words):
            continue
        before = words[max(0, index - ASKER_TRADE_REACH) : index]
        said = [at for at, said_word in enumerate(before) if said_word in ASKER_IS or said_word in WORKED_AS]
        # "yksinyrittäjä kirvesmies kaatui telineiltä": the entrepreneur's own trade, said beside them
        beside = words[max(0, index - 1) : index] + words[index + 1 : index + 2]
        if any(other.startswith(ENTREPRENEUR_STEMS) for other in beside):
            found.append(index)
            continue
        if said and not set(before[said[-1] + 1 :]) & HIRING_VERBS:
            # the words between say what kind ("trained", "koulutukseltani"): the asker's too, as is
            # the verb of "worked as"
            start = index - len(before) + said[-1]
            start += 1 if words[start] != "as" or start == 0 or not words[start - 1].startswith("work") else -1
            found.extend(range(start, index + 1))
    return found
