"""Needs told as what happens to the business, in no word of the need: bookings that do not come, the company
collapsing, staff to be dismissed, no money for the wages, more than the company can pay itself, a body that no longer
bears the work, a founder's living before the business earns, work running out for the staff. Each reading names the
word as typed (folded) that tells it, and the need it asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import told_patterns as patterns
from knowledge.work_running_out import work_running_out

ADVICE, DISTRESS, LOAN, WELLBEING, STARTING = "general_advice", "financial_distress", "loan", "wellbeing", "starting"
RECRUITMENT, EQUITY, NETWORKING, APPRENTICESHIP = "recruitment", "equity", "networking", "apprenticeship"
DIGITAL, INVESTMENT, PERMITS = "digitalisation", "investment", "permits"
AID_NEEDS = frozenset({"development_grant", "investment", "guarantee", "loan"})  # the aid or money demanded back
# the staff's wages or the owner's pay: what seemed a hire's or a loan's words are the trouble's ("ei rahaa palkkoihin")
PAYING_NEEDS = frozenset({"recruitment", "recruiting_abroad", "wage_subsidy", "apprenticeship", "loan"})


@dataclass(frozen=True)
class Told:
    """A need told by what happens: the word (as typed, folded) that tells it."""

    word: str
    need: str
    lay_off: bool = False  # the staff laid off or dismissed: the word reads as the lay-off it means
    said_with: tuple[str, ...] = ()  # the other words that tell it, no subject of their own ("ei jää itelle")
    # the needs whose words are the trouble's here, not asked for ("ELY vaatii osan tuesta takasin": no aid)
    instead_of: frozenset[str] = frozenset()
    unmatched: bool = False  # the word names no service by its letters ("kauppa ei käy" is no chamber of commerce)
    alone: bool = False  # told only when nothing else is asked for: with another need, the trouble is why
    own_word: bool = False  # instead_of holds for the word that tells it only ("kauppa kuolee" is no death)
    company: bool = False  # it says a company is spoken of, though no company word is ("cannot pay salaries")


@dataclass(frozen=True)
class _Reading:
    """A need told by what happens: its patterns, tried in order (the first that matches tells it), and how."""

    patterns: tuple[re.Pattern[str], ...]
    need: str
    lay_off: bool = False
    said_with: bool = False  # the match's other words tell it too, no subject of their own
    instead_of: frozenset[str] = frozenset()
    unmatched: bool = False  # the word that tells it matches no service's text
    alone: bool = False  # only when nothing else is asked for ("talvella tyhjää, ulkomaalaisia asiakkaita haluttais")
    own_word: bool = False  # instead_of holds for the word that tells it only
    company: bool = False  # an employer's or an owner's matter: a company is spoken of


# In the order they are read: the first word of a need told names it
_READINGS = (
    _Reading((patterns.NO_CUSTOMERS,), ADVICE, alone=True),
    _Reading((patterns.NO_SALES,), ADVICE, unmatched=True, alone=True),
    _Reading((patterns.AD_UNANSWERED,), RECRUITMENT),
    # "nobody applies" applies for no permit
    _Reading((patterns.NOBODY_APPLIES,), RECRUITMENT, unmatched=True),
    _Reading((patterns.OPEN_PLACES,), RECRUITMENT),
    _Reading((patterns.NO_HANDS,), RECRUITMENT),
    # the building that burnt is no premises sought
    _Reading((patterns.PREMISES_DESTROYED,), DISTRESS, instead_of=frozenset({"premises"})),
    _Reading((patterns.TRADE_LEARNT,), APPRENTICESHIP),
    _Reading((patterns.RID_OF,), DISTRESS),
    _Reading((patterns.CLAWED_BACK,), DISTRESS, instead_of=AID_NEEDS),
    _Reading((patterns.KNOWS_NOBODY,), NETWORKING),
    _Reading((patterns.MATERIALS_UPFRONT,), LOAN, instead_of=frozenset({DISTRESS})),  # working capital, no trouble
    # ... its words ("miettiä tulevaisuutta") no successor's
    _Reading((patterns.NO_TIME_TO_LEAD,), ADVICE, said_with=True, alone=True),
    _Reading((patterns.RENT_RAISED,), DISTRESS, instead_of=frozenset({"premises"})),
    _Reading((patterns.PAPERS_NEEDED,), PERMITS),
    _Reading((patterns.LEASE_ENDED,), "premises"),
    _Reading((patterns.CARRY_ON_OR_SELL,), "ownership_change", unmatched=True),
    _Reading((patterns.HANDED_ON,), "ownership_change", company=True),
    _Reading((patterns.OWNER_STEPS_DOWN,), "ownership_change", unmatched=True),
    _Reading((patterns.SICK_LEAVE_MONEY,), WELLBEING, instead_of=frozenset({LOAN})),
    _Reading((patterns.STAFF_CANNOT_LEAD,), "staff_training"),
    _Reading((patterns.NOBODY_CAN_USE,), "staff_training"),
    # ... the expansion they stop is no investment asked for ("tallin laajennus seis kun naapurit valittaa")
    _Reading((patterns.NEIGHBOURS_COMPLAIN,), PERMITS, instead_of=frozenset({INVESTMENT})),
    _Reading((patterns.BUYER_MAY_NOT_PAY,), "guarantee"),
    # ... by the one out of work himself, who is no hire ("työtön metsäkoneenkuljettaja harkitsee omaa urakointia")
    _Reading((patterns.FORM_THOUGHT_OF,), STARTING, instead_of=frozenset({"wage_subsidy", RECRUITMENT})),
    _Reading((patterns.BENEFIT_LOST,), STARTING, instead_of=frozenset({WELLBEING, "wage_subsidy"})),
    _Reading((patterns.RUNWAY,), EQUITY),
    _Reading((patterns.FORM_CHANGED,), ADVICE, instead_of=frozenset({STARTING})),
    _Reading((patterns.NOTIFY_SOMEWHERE,), PERMITS),
    _Reading((patterns.ALONE_WITH_IT,), WELLBEING),
    _Reading((patterns.CASH_RUNNING_OUT,), DISTRESS),
    _Reading((patterns.NEVER_AN_ENTREPRENEUR,), STARTING, alone=True),
    _Reading((patterns.NEVER_EXPORTED,), "export", unmatched=True),  # "viety" is no word of any service
    _Reading((patterns.CUSTOMERS_GONE,), ADVICE, alone=True),
    # ... the shop that dies is no death ("mun kauppa kuolee jos en keksi jotain"): its word reads so
    _Reading(
        (patterns.BUSINESS_DYING,), ADVICE, instead_of=frozenset({WELLBEING}), unmatched=True, alone=True, own_word=True
    ),
    # ... the bank's no is why ("pankki ei kiinnostunut ja omistajat valmiita ottamaan jonkun osakkaaksi")
    _Reading((patterns.NEW_SHAREHOLDER,), EQUITY, instead_of=frozenset({"ownership_change", LOAN, "guarantee"})),
    # ... unless it is a line of business the question names ("ruveta lämpöyrittäjäksi ja myydä haketta")
    _Reading((patterns.BEGIN_TO_SELL,), STARTING, alone=True),
    _Reading((patterns.OLD_MACHINES,), INVESTMENT),
    _Reading((patterns.NOT_FOUND_ONLINE,), DIGITAL),
    _Reading((patterns.BURNING_CASH,), EQUITY),
    _Reading((patterns.OUTSIDE_MONEY,), EQUITY, instead_of=frozenset({LOAN, "guarantee"})),
    # ... by the one out of work himself, who is no hire ("työtön kokki haluais avata lounaspaikan, miten pärjää")
    _Reading((patterns.FIRST_MONTHS,), STARTING, instead_of=frozenset({"wage_subsidy", RECRUITMENT})),
    # the money to live on meanwhile is the sickness allowance ("mistä rahaa elämiseen"), no loan
    _Reading((patterns.BODY_GIVING_OUT,), WELLBEING, instead_of=frozenset({LOAN})),
    _Reading((patterns.COMPANY_COLLAPSING,), DISTRESS),
    _Reading((patterns.GETTING_THROUGH,), DISTRESS, unmatched=True),
    _Reading((patterns.WORK_UNDONE,), RECRUITMENT, instead_of=frozenset({STARTING}), alone=True),
    _Reading((patterns.APPLICANT_FROM,), RECRUITMENT),
    _Reading((patterns.INCOME_GONE,), DISTRESS),
    _Reading((patterns.LIVING_MONEY,), DISTRESS, instead_of=frozenset({LOAN}), alone=True),
    _Reading((patterns.STAFF_DISMISSED, patterns.TO_BE_DISMISSED, patterns.STAFF_TO_REDUCE), DISTRESS, lay_off=True),
    _Reading((patterns.SENT_HOME,), DISTRESS, lay_off=True),
    _Reading((patterns.NO_MONEY_FOR_WAGES, patterns.CANNOT_PAY_WAGES), DISTRESS, instead_of=PAYING_NEEDS, company=True),
    _Reading((patterns.NO_OWN_PAY,), ADVICE, said_with=True, instead_of=PAYING_NEEDS),
    _Reading((patterns.CANNOT_LEAD,), ADVICE, alone=True),
    _Reading((patterns.OVERWHELMED,), WELLBEING),
    _Reading((patterns.MORE_WORK_THAN_HANDS,), RECRUITMENT),
    _Reading((patterns.WORN_OUT,), WELLBEING),
    _Reading((patterns.SELF_FUNDING_SHORT,), LOAN),
    _Reading((patterns.MONEY_FOR_PLAN,), LOAN, instead_of=frozenset({RECRUITMENT})),
    _Reading((patterns.GRANT_REFUSED,), LOAN, said_with=True, instead_of=frozenset({"development_grant"})),
    _Reading((patterns.NEW_UNITS,), INVESTMENT),
    _Reading((patterns.WORKER_NEEDED,), RECRUITMENT),
)


def told_needs(folded: str) -> list[Told]:
    """The needs the folded question tells by what happens, in the order they are read."""
    found = []
    for reading in _READINGS:
        match = next((match for pattern in reading.patterns if (match := pattern.search(folded))), None)
        if match is None:
            continue
        word = next(word for word in match.groups() if word)
        said_with = tuple(match.group().split()) if reading.said_with else ()
        found.append(
            Told(
                word,
                reading.need,
                reading.lay_off,
                said_with,
                reading.instead_of,
                reading.unmatched,
                reading.alone,
                reading.own_word,
                reading.company,
            )
        )
    if (work := work_running_out(folded)) is not None:  # "töitä ehkä puolelle syksyllä": lay-offs ahead
        # ... and the staff it is told of are no hire ("more staff than work")
        found.append(Told(work, DISTRESS, lay_off=True, instead_of=frozenset({RECRUITMENT, "recruiting_abroad"})))
    return found
