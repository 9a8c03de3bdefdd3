"""Negations in a question: what the company is not ("joka ei ole maatila") and what it does not
intend or have ("ei aio palkata ketään", "ei työntekijöitä"). A negation reaches to the end of its
clause at the most: in "lomittaja ei tule, karjatilallinen sairastui" the farmer is no denied fact."""

from __future__ import annotations

import re
from collections.abc import Iterator

from knowledge.text import fold

NEGATIONS = frozenset({"ei", "en", "et", "emme", "ette", "eivat", "eika", "enka", "not", "non", "isnt", "no"})
REACH = 3  # a sector or stage word this many words after a negation is what the company is not
# Words between a negation and the need it denies: intending, wanting, needing ("ei aio palkata").
INTENT_STARTS = (
    "aio", "aiko", "halu", "tarvit", "suunnit", "meina", "hae", "haken", "plan", "want", "intend", "need",
    "seek", "look", "to", "for", "a", "an", "any",
)  # fmt: skip
# A negated finding or getting is the problem itself ("ei löydy työntekijöitä", "ei saa rahoitusta").
PROBLEM_STARTS = ("loy", "saa", "onnistu", "riit", "find", "get", "manag")
# ... and so is not knowing ("ei tiedä pitäiskö perustaa firma", "en tiiä miten"): a question, nothing denied
NOT_KNOWING_STARTS = ("tieda", "tiia", "tiie", "tiedeta", "know")
# ... and so is something that does not go well ("myynti ulkomaille ei vedä", "ei kannata", "kauppa ei suju")
FAILING_STARTS = ("veda", "veta", "suju", "kannat", "kasva", "menesty", "etene", "kulje", "jaksa")  # "en jaksa enää"
# ... and so is the staff's skill lacked ("henkilöstö ei osaa"); "kukaan muu ei osaa" seeks a person instead
SKILL_STARTS = ("osaa", "osata")
STAFF_STARTS = ("henkilost", "henkilokun", "porukk", "tyontekij", "vaki", "staff", "employees", "workers")
# ... and so is a lender that will not come along or lend ("pankki ei lähde", "eikä pankki anna lainaa")
REFUSAL_STARTS = ("loy", "lahde", "lahe", "suostu", "myonna", "rahoita", "rahota")
PROBLEM_REACH = 2  # the negation and its verb may have the subject between them ("eikä pankki lähde")
# ... and so is a financier or buyer that is not interested ("eikä investors ole kiinnostuneita", "pankki ei ole
# kiinnostunut"): what they lack is what is sought; "ei olla kiinnostuneita viennistä" still denies
INTEREST_STARTS = ("kiinnost", "interest")
FINANCIER_STARTS = ("investor", "sijoittaj", "pankk", "bank", "rahoittaj", "ostaj", "buyer", "lender")
FINANCIER_REACH = 2
# After an intent, the verb and what it governs: "ei aio viedä ulkomaille". Without one, the word only:
# lacking something may be the problem ("ei oo vakuuksia" asks for a guarantee).
DENIED_REACH = 2
# Company forms: "ei halua perustaa osakeyhtiötä" rules out the form, not starting ("ei oy:tä vaan tmi").
COMPANY_FORM_STARTS = ("osakeyhtio", "oy", "toiminim", "tmi", "ky", "kommandiittiyhtio", "osuuskun", "limited")
ABROAD_STARTS = ("ulkomail", "ulkomaa", "ulkomai", "abroad", "overseas")
# No one to continue, or no buyer, is why an owner looks for one: "tytär ei halua jatkaa", "ei jatkajaa", "no buyer
# found" deny no change of owner.
SUCCESSION_STARTS = ("jatka", "successor", "ostaj", "buyer")  # "no buyer found", "ei ostajaa"
# not yet, or never yet, is a first time, no denial ("ei oo ikinä myyny ulkomaille", "has never exported")
YET, YET_REACH = frozenset({"viela", "vielakaan", "yet", "ikina", "koskaan", "never", "ever"}), 3
NOR = frozenset({"eika", "nor"})
EVEN_REACH = 2  # "ei oo edes", "eikä ole edes"
# what nobody does is the problem told ("kukaan ei osta tätä kauppaa", "kukaan ei hae meille töihin"): no denial
NOBODY = frozenset({"kukaan", "kenkaan", "nobody"})
RESOURCE_STARTS = ("kayttopaaom", "kapasitee", "rahoitu", "raha", "vakuu", "working capital")  # lacked: the problem
CLAUSE_BREAK = re.compile(r"[,.;:!?()–—]|\s-\s")
# Spoken "et" is also "että" (that): after a verb of saying, or with a negation of its own after it
# ("pankki sano et vakuudet ei riitä")
SAID_NO_STARTS = ("sanoi", "sano", "vastasi", "vastas", "said")  # "pankki sanoi ei"
# ... or of fearing, hoping or noticing ("pelkää et lupa kestää vuosia")
SAYING_STARTS = (
    *("sano", "kerto", "luul", "usko", "totes", "vastas", "ilmoitt", "tiedo", "mietti", "kuul"),
    *("pelka", "pelko", "toivo", "epail", "huomas", "ajattel", "arvel"),
)


def _is_that(words: list[str], index: int) -> bool:
    if words[index] != "et":
        return False
    said = index > 0 and words[index - 1].startswith(SAYING_STARTS)
    return said or any(word.replace("'", "") in NEGATIONS for word in words[index + 1 :])


def _negated_clauses(question: str) -> Iterator[tuple[list[str], int]]:
    """Each clause's folded words, with the position of each negation in it; "not yet" ("ei oo vielä perustanut
    yritystä", "hasn't started yet") denies nothing: it is still to come."""
    for clause in CLAUSE_BREAK.split(question):
        words = [fold(word).strip("'\"?!.") for word in clause.split()]
        problem_said = False
        for index, word in enumerate(words):
            not_yet = YET & set(words[index + 1 : index + 1 + YET_REACH])
            # a negated finding or the bank's refusal is the problem itself ("ei löydy tekijöitä", "eikä pankki
            # lähde yksin"): nothing denied
            problem = any(after.startswith(REFUSAL_STARTS) for after in words[index + 1 : index + 1 + PROBLEM_REACH])
            # ... and so is what "eikä" adds to a problem ("ei riitä kapasiteetti eikä käyttöpääoma")
            # (not a verb of its own: "ei löydy eikä haeta ulkomailta" does deny seeking abroad)
            following_word = words[index + 1] if index + 1 < len(words) else ""
            problem = problem or (word in NOR and problem_said and not following_word.startswith(INTENT_STARTS))
            # ... and a resource lacked besides another ("kapasiteettia ei ole eikä käyttöpääomaa")
            problem = problem or (word in NOR and following_word.startswith(RESOURCE_STARTS))
            problem = problem or (index > 0 and words[index - 1] in NOBODY)
            problem = problem or following_word.startswith(NOT_KNOWING_STARTS)
            # ... and not even having something ("meillä ei oo edes nettisivuja"): what is lacked is asked for
            problem = problem or "edes" in words[index + 1 : index + 1 + EVEN_REACH]
            # ... and a "no" said by someone ("pankki sanoi ei lainaa aloittavalle"): the refusal is the problem
            problem = problem or (index > 0 and words[index - 1].startswith(SAID_NO_STARTS))
            near = words[max(0, index - FINANCIER_REACH) : index + 1 + FINANCIER_REACH]
            problem = problem or (
                any(other.startswith(FINANCIER_STARTS) for other in near)
                and any(after.startswith(INTEREST_STARTS) for after in words[index + 1 : index + 1 + PROBLEM_REACH + 1])
            )
            if word.replace("'", "") in NEGATIONS:
                problem_said = (
                    problem_said or problem or bool(following_word and following_word.startswith(PROBLEM_STARTS))
                )
            if word.replace("'", "") in NEGATIONS and not _is_that(words, index) and not not_yet and not problem:
                yield words, index


def denied_words(question: str) -> frozenset[str]:
    """The words a negation reaches: facts said not to hold ("joka ei ole maatila"); not a verb whose object
    is a company form ("ei halua perustaa osakeyhtiötä" still starts a business)."""
    found: set[str] = set()
    for words, index in _negated_clauses(question):
        for position in range(index + 1, min(len(words), index + 1 + REACH)):
            following = words[position + 1] if position + 1 < len(words) else ""
            # no successor ("suvussa ei ole jatkajaa") is the transfer stage itself, never a stage denied, and
            # what nobody continues is the company itself ("lapset ei halua jatkaa rautakauppaa")
            if words[position].startswith(SUCCESSION_STARTS):
                break
            if not following.startswith(COMPANY_FORM_STARTS):
                found.add(words[position])
    return frozenset(found)


# A burden not had is no problem ("velkoja ei ole", "ei ole verovelkaa"); other things not had may be the
# problem itself ("ei oo vakuuksia" asks for a guarantee).
COPULA_STARTS = ("ole", "oo", "ollut")
BURDEN_STARTS = ("velk", "verovelk", "maksuhair", "ulosot", "debt")


def burdens_not_had(question: str) -> frozenset[str]:
    """The debts a negated "to be" says the company does not have ("velkoja ei ole", "ei ole velkaa")."""
    found: set[str] = set()
    for words, index in _negated_clauses(question):
        after = index + 1
        if after < len(words) and words[after].startswith(COPULA_STARTS):
            had = words[after + 1] if after + 1 < len(words) else (words[index - 1] if index > 0 else "")
            if had.startswith(BURDEN_STARTS):
                found.add(had)
    return frozenset(found)


def denied_need_words(question: str) -> frozenset[str]:
    """Words whose need a negation denies: what is not intended ("ei aio palkata ketään", "not
    planning to hire") or not had ("ei työntekijöitä", "no employees"). A negated finding or getting
    is a problem, not a denial: "ei löydy työntekijöitä" asks for recruitment."""
    denied: set[str] = set()
    for words, index in _negated_clauses(question):
        after = index + 1
        while after < len(words) and words[after].startswith(INTENT_STARTS):
            after += 1
        if after < len(words) and words[after].startswith(FAILING_STARTS):
            continue  # what does not go well is the problem asked about: nothing denied
        staff_before = index > 0 and words[index - 1].startswith(STAFF_STARTS)
        if after < len(words) and words[after].startswith(SKILL_STARTS) and staff_before:
            continue  # "henkilöstö ei osaa uutta järjestelmää": the staff's skill lacked is the question
        if after == index + 1 and after < len(words) and words[after].startswith(RESOURCE_STARTS):
            continue  # a resource lacked is asked for ("ei kapasiteettia eikä rahaa"); "ei tarvitse rahoitusta" is not
        if after < len(words) and not words[after].startswith(PROBLEM_STARTS):
            reached = words[after : after + (DENIED_REACH if after > index + 1 else 1)]
            if len(reached) > 1 and reached[1].startswith(COMPANY_FORM_STARTS):
                reached = reached[1:]  # the form is denied, not the founding
            denied.update(word for word in reached if not word.startswith(SUCCESSION_STARTS))
        elif after == len(words) and after > index + 1 and index > 0:
            denied.add(words[index - 1])  # the object before: "lainaa eivät halua"
        if index > 0 and words[index - 1].startswith(ABROAD_STARTS) and words[index] not in NOR:
            # "ulkomailta emme halua rekrytoida": hiring stays asked, from abroad it is not ("myyny ulkomaille eikä
            # tiedä": "eikä" begins a clause of its own)
            denied.discard(words[after] if after < len(words) else "")
            denied.add(words[index - 1])
    return frozenset(denied)
