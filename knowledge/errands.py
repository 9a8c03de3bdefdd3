"""Errands asked of the bot itself, which no service answers: translating, writing a text,
recommending or booking a place to eat or stay, or a command such as calculating or reminding (the
lexicon's `[tasks]`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.lexicon import Lexicon
from knowledge.text import Stems, WordAnalysis, fold, is_among

# "paljonko on alv 25,5 % 1 860 eurosta", "how much is 24 % of 500 €": a sum to work out
_PERCENT = re.compile(r"\d+(?:[,.]\d+)?\s*(?:%|prosent|percent)")
_AMOUNT = re.compile(r"\d[\d\s]*(?:[,.]\d+)?\s*(?:€|e\b|eur|euro)")
# How many of something there were, in one clause: counted, not what a company must have ("montako työntekijää
# pitää olla") nor its own past ("asiakkaalla oli konkurssi, montako vuotta pitää odottaa")
_HOW_MANY_WERE = re.compile(
    r"\b(?:montako|kuinka monta|how many)\b[^,.;:!?]*?"
    r"\b(?:oli|olivat|on ollut|tehtiin|perustettiin|lopetettiin|haettiin|myonnettiin|were|was|have been|has been)\b"
)
_HOW_MUCH = re.compile(r"\b(?:paljonko|kuinka paljon|montako|mika on|laske|how much|what is|calculate)\b")
# "mitä tarkoittaa käyttöpääoma", "what does EBITDA mean": a word explained, which a service answers only when
# the word is its own (a service named or its keyword: "mitä tarkoittaa de minimis")
_DEFINITION = re.compile(
    r"\b(?:mita (?:tarkoittaa|tarkottaa|tarkoitetaan|tarkoittavat)|maaritelma|what does .+ mean|what is meant by"
    r"|definition of|define)\b"
)
# "Excel keeps crashing, how do I fix it?", "tulostin jumittaa, miten korjaan": the asker's own device or file
# broken, and a fix asked for: tech support, no service (a company that repairs things asks no "how do I fix")
_BROKEN = re.compile(
    r"\b(?:crash\w*|freez\w*|frozen|broken|broke|stopped working|not working|won'?t (?:open|start|work)"
    r"|kaatu\w*|jumit\w*|jumissa|hajos\w*|hajonnut|rikki|ei (?:toimi|aukea|kaynnisty))\b"
)
_FIX_ASKED = re.compile(
    r"\b(?:how (?:do|can|could|should) (?:i|we) (?:fix|repair|solve)|how to (?:fix|repair)"
    r"|miten (?:sen |ta(?:m|n)an )?(?:korjaan|korjaisin|korjataan|korjaan sen)|miten saan \w+ toimimaan"
    # or who fixes it: the help desk's number ("mikä on it-tuen numero")
    r"|it-tu\w*|helpdesk\w*|help desk|it support|tech support)\b"
)
WHERE_FROM = frozenset({"mista", "mistas"})
# "sää huomenna kangasniemellä?", "what's the weather like on Saturday": the weather asked about (the weather named
# in a company's trouble, "sateet veivät yleisön", asks nothing of it)
_WEATHER_ASKED = re.compile(
    r"\b(?:saa|keli|saaennuste|weather|forecast|sataako|sataakohan|will it rain|is it going to rain)\b.{0,40}"
    r"\b(?:huomenna|tanaan|viikonloppuna|lauantaina|sunnuntaina"
    r"|ensi viikolla|tomorrow|today|tonight|weekend|on (?:saturday|sunday))\b"
    r"|\b(?:huomenna|tomorrow)\b.{0,20}\b(?:saa|keli|weather)\b"
)
# "excel kaava liikevaihdon kasvuprosentille", "Excel formula for a margin": a spreadsheet formula to write
_FORMULA_ASKED = re.compile(
    r"\bexcel\w*\b.{0,60}\b(?:kaava\w*|formula\w*|funktio\w*)|\b(?:kaava\w*|formula\w*)\b.{0,40}\bexcel"
)
# "ideoita yrityksen pikkujouluohjelmaan", "party ideas for 20": a party to plan; a travel claim to fill in
_PARTY_OR_CLAIM = re.compile(
    r"\b(?:ideoita|ideat|ideas?)\b.{0,40}\b(?:pikkujoulu\w*|juhl\w*|party\w*|parties|virkistyspaiv\w*|tyky\w*)"
    r"|\b(?:pikkujoulu\w*|juhl\w*|party|virkistyspaiv\w*)\b.{0,20}\b(?:ideoita|ideas?|ohjelma\w*)\b|\bmatkalasku\w*"
    # the office's own lunch and the asker's own leave ("what's for lunch at the staff canteen", "my own sick leave
    # to HR")
    r"|\bwhat'?s for lunch\b|\bmita (?:on )?(?:lounaaksi|ruokana) (?:tanaan|huomenna)\b"
    r"|\bmy own (?:sick|annual|holiday) leave\b|\boma\w* (?:sairausloma\w*|vuosiloma\w*|lomahakemu\w*)"
    r"|\basking for myself\b"  # "…? Asking for myself, not a client"
)
# "which brand is best", "mikä merkki kannattaa": a product to buy, which no service recommends
_BRAND_ASKED = re.compile(
    r"\b(?:which|what) (?:brand|model|make)\b|\bbest brand\b|\b(?:mika|mita) (?:merkki|merkkia|malli|mallia)\b"
)
REACH = 4  # a place recommended is among the next words after "suositella" / "recommend"
RECIPIENT_ENDINGS = ("lle", "lla", "llä", "lta", "ltä")  # "ravintolalle": whom it is for, not what


def asks_definition(question: str) -> bool:
    """The question asks what a word means ("mitä tarkoittaa käyttökate?")."""
    return bool(_DEFINITION.search(fold(question)))


def is_tech_support(question: str) -> bool:
    """Something the asker uses is broken and they ask how to fix it ("Excel keeps crashing, how do I fix it?"),
    or a spreadsheet formula is asked for ("excel kaava kasvuprosentille")."""
    folded = fold(question)
    return bool(_BROKEN.search(folded) and _FIX_ASKED.search(folded)) or bool(_FORMULA_ASKED.search(folded))


def asks_weather_or_a_brand(question: str) -> bool:
    """The weather, a product brand, ideas for a party or a travel claim is asked about ("sää huomenna
    Kangasniemellä?", "which brand is best?", "pikkujoulu ideas", "matkalaskun teko")."""
    folded = fold(question)
    return bool(_WEATHER_ASKED.search(folded) or _BRAND_ASKED.search(folded) or _PARTY_OR_CLAIM.search(folded))


def asks_statistics(question: str) -> bool:
    """A count of what happened is asked ("montako konkurssia Etelä-Savossa oli viime vuonna?", "how many
    companies were founded in Mikkeli last year?"): figures, which no service gives a company."""
    return bool(_HOW_MANY_WERE.search(fold(question)))


def is_calculation(question: str) -> bool:
    """The question asks for a sum of a percentage of an amount ("paljonko on 25,5 % alv 1840 eurosta")."""
    folded = fold(question)
    return bool(_PERCENT.search(folded) and _AMOUNT.search(folded) and _HOW_MUCH.search(folded))


class ErrandReader:
    """Tells an errand for the bot from a question about services, with one lexicon's `[tasks]`."""

    def __init__(self, lexicon: Lexicon, stopwords: frozenset[str]) -> None:
        self._tasks = lexicon.task_words
        self._stems = {key: Stems(words) for key, words in self._tasks.items()}
        self._stopwords = stopwords

    def _among(self, analysis: WordAnalysis, key: str) -> bool:
        if analysis.english and not {lemma.removesuffix("s") for lemma in analysis.lemmas} & self._tasks[key]:
            # an English word is one of the words as written, not by its letters: "reporter" is no "report",
            # and "writing a story" is what the asker does, no request to write
            return False
        return is_among(analysis, self._tasks[key], self._stems[key]) or analysis.head in self._tasks[key]

    def _any(self, analyses: Sequence[WordAnalysis], key: str) -> bool:
        return any(self._among(analysis, key) for analysis in analyses)

    def is_errand(self, analyses: Sequence[WordAnalysis]) -> bool:
        """The question asks the bot to write or translate a text, or to recommend or book a place."""
        if self._text_written(analyses):
            return True
        if self._any(analyses, "translate") and self._any(analyses, "languages"):
            return True
        if any(fold(analysis.word) in self._tasks["commands"] for analysis in analyses):
            return True  # "laske 15 % alv", "remind me tomorrow": a command as typed
        return self._place_recommended(analyses) or self._place_asked_for(analyses) or self._place_sought(analyses)

    def _text_written(self, analyses: Sequence[WordAnalysis]) -> bool:
        """A text to write in the same clause as the verb ("kirjoita kiitosviesti", "write an email"); a
        client's e-mail quoted after "asiakas kirjoitti:" is no errand, whatever it says."""
        for index, analysis in enumerate(analyses):
            if not self._among(analysis, "write"):
                continue
            start = index
            while start > 0 and not analyses[start - 1].clause_end and index - start < REACH:
                start -= 1
            end = index
            while end + 1 < len(analyses) and not analyses[end].clause_end and end - index < REACH:
                end += 1
            if self._any([*analyses[start:index], *analyses[index + 1 : end + 1]], "texts"):
                return True
        return False

    def _place_recommended(self, analyses: Sequence[WordAnalysis]) -> bool:
        """The place is what is recommended ("suositteletko pitopalvelua", "recommend a good hotel"),
        not whom something is for ("rahoitusta ravintolalle", "funding for a restaurant")."""
        for index, analysis in enumerate(analyses):
            if not self._among(analysis, "recommend"):
                continue
            for after in range(index + 1, min(index + 1 + REACH, len(analyses))):
                before = {fold(a.word) for a in analyses[max(index + 1, after - 2) : after]}
                recipient = fold(analyses[after].word).endswith(RECIPIENT_ENDINGS) or "for" in before
                if self._among(analyses[after], "venues") and not recipient:
                    return True
        return False

    def _place_sought(self, analyses: Sequence[WordAnalysis]) -> bool:
        """ "mistä pitopalvelu 20 hlö", "mistä kokoustila huomiseksi": where to get a place or a caterer, the
        place ending the clause or followed by a number; "mistä kahvila saa rahoitusta" asks for the café."""
        for index, analysis in enumerate(analyses):
            if fold(analysis.word) not in WHERE_FROM:
                continue
            for at in range(index + 1, min(index + 3, len(analyses))):
                venue = analyses[at]
                if not self._among(venue, "venues") or fold(venue.word).endswith(RECIPIENT_ENDINGS):
                    continue
                following = fold(analyses[at + 1].word) if at + 1 < len(analyses) else ""
                if venue.clause_end or not following or following[0].isdigit():
                    return True
        return False

    def _place_asked_for(self, analyses: Sequence[WordAnalysis]) -> bool:
        """ "Need a hotel in Savonlinna for our guests, any recommendations?": a place asked for by name
        with a recommendation, not as the first word of something else ("need a restaurant permit")."""
        if not self._any(analyses, "recommend"):
            return False
        for index, analysis in enumerate(analyses):
            if not self._among(analysis, "ask"):
                continue
            for after in range(index + 1, min(index + 3, len(analyses))):
                following = fold(analyses[after + 1].word) if after + 1 < len(analyses) else ""
                if self._among(analyses[after], "venues") and (not following or following in self._stopwords):
                    return True
        return False
