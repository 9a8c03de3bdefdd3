"""The lexicon: the words advisers write, mapped to the vocabulary; read from lexicon.toml and checked.

The bundled file is `knowledge/data/lexicon.toml`; its comments explain each table to curators.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from types import MappingProxyType
from typing import Any

from knowledge.problems import Problem, read_toml
from knowledge.text import Aliases, fold
from knowledge.vocab import (
    APPLICANT_IDS,
    COMPANY_FORM_IDS,
    FARM_PRODUCTION_IDS,
    INVESTMENT_IDS,
    JOB_IDS,
    NEED_IDS,
    ORIGIN_IDS,
    PROJECT_IDS,
    SECTOR_IDS,
    SIZE_IDS,
    STAGE_IDS,
    TRANSFER_SIDE_IDS,
    WORKLOAD_IDS,
)

LEXICON_FILE = "lexicon.toml"
BUNDLED_LEXICON = Path(__file__).resolve().parent / "data" / LEXICON_FILE

# Table -> the keys it may hold (None: the vocabulary ids below).
_TABLES: dict[str, frozenset[str] | None] = {
    "aliases": None,
    "needs": None,
    "shared_words": frozenset({"needs"}),
    "stages": None,
    "sectors": None,
    "sizes": None,
    "employee_origin": None,
    "workload": None,
    "job": None,
    "farm_production": None,
    "company_form": None,
    "transfer_side": None,
    "investment": None,
    "project": None,
    "applicant": None,
    "company_age": frozenset({"new", "founded", "active", "years"}),
    "business": frozenset({"words", "topics", "sme", "diversifying", "not_farm", "branches"}),
    "abroad": frozenset({"words", "expansion", "fairs"}),
    "places": frozenset({"outside", "towns", "municipal"}),
    "tasks": frozenset({"write", "texts", "recommend", "ask", "venues", "translate", "languages", "commands"}),
    "roles": frozenset({"words", "jobseekers", "trades"}),
    "hiring": frozenset({"support"}),
    "private": frozenset({"words", "topics", "own"}),
    "senses": None,
    "otherwise": None,
    "modifiers": frozenset({"words"}),
    "compounds": frozenset({"empty_heads"}),
    "headcount": frozenset({"person_words"}),
    "stopwords": frozenset({"words"}),
}
_OPTIONAL_TABLES = frozenset(
    {
        "shared_words",
        "employee_origin",
        "workload",
        "job",
        "farm_production",
        "company_form",
        "transfer_side",
        "investment",
        "project",
        "applicant",
        "company_age",
        "business",
        "senses",
        "modifiers",
        "otherwise",
        "compounds",
        "abroad",
        "places",
        "tasks",
        "roles",
        "hiring",
        "private",
    }
)
# Tables of base forms, matched word by word (the other trigger tables are phrases matched as written)
BASE_FORM_TABLES = frozenset({"needs", "stages", "sectors"})
_TRIGGER_IDS = {
    "needs": NEED_IDS,
    "stages": STAGE_IDS,
    "sectors": SECTOR_IDS,
    "sizes": SIZE_IDS,
    "employee_origin": ORIGIN_IDS,
    "workload": WORKLOAD_IDS,
    "job": JOB_IDS,
    "farm_production": FARM_PRODUCTION_IDS,
    "company_form": COMPANY_FORM_IDS,
    "transfer_side": TRANSFER_SIDE_IDS,
    "investment": INVESTMENT_IDS,
    "project": PROJECT_IDS,
    "applicant": APPLICANT_IDS,
}
_ID_NAMES = {
    "needs": "need",
    "stages": "stage",
    "sectors": "sector",
    "sizes": "size",
    "employee_origin": "origin",
    "workload": "workload",
    "job": "job",
    "farm_production": "farm production",
    "company_form": "company form",
    "transfer_side": "transfer side",
    "investment": "investment kind",
    "project": "project state",
    "applicant": "applicant",
}
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")

Triggers = Mapping[str, tuple[str, ...]]
_TASK_KEYS = ("write", "texts", "recommend", "ask", "venues", "translate", "languages", "commands")


@dataclass(frozen=True, eq=False)  # compared by identity: the aliases hold a compiled pattern
class Lexicon:
    """The words advisers write, by what they tell the finder (the tables of lexicon.toml)."""

    aliases: Aliases  # rewritten before analysis
    needs: Triggers  # need id -> trigger words
    stages: Triggers  # stage id -> words; the first stage found wins
    sectors: Triggers  # sector id -> words; the first sector found wins
    sizes: Triggers  # size id -> phrases matched as written; the first size found wins
    origins: Triggers  # employee origin id -> word beginnings matched as written
    workloads: Triggers  # full_time / part_time -> phrases matched as written
    jobs: Triggers  # the hire's job (summer) -> phrases matched as written
    farm_productions: Triggers  # livestock / crops -> word beginnings matched as written
    company_forms: Triggers  # limited / sole_trader / ... -> words as written (short ones whole)
    transfer_sides: Triggers  # seller / buyer in a change of owner -> word beginnings matched as written
    investments: Triggers  # replacement -> phrases at a word's beginning, as written ("vanhan tilalle")
    projects: Triggers  # started -> phrases at a word's beginning, as written ("jo ostettu")
    applicants: Triggers  # group -> phrases at a word's beginning, as written ("kyläyhdistys", "yritysryhmä")
    company_age: Triggers  # new / founded / active / years -> words around an age or a founding year
    business_words: frozenset[str]  # words that name the company (yritys, startup): a business context
    business_topics: frozenset[str]  # subjects only a business has (alv): a business context too
    sme_words: frozenset[str]  # the company is small or medium-sized ("pk-yritys"): not large
    diversifying_words: frozenset[str]  # a farm starts another line of business ("monialaistaa")
    not_farm_words: frozenset[str]  # a company named so is no farm ("yritys", "firma")
    branch_words: frozenset[str]  # a new branch founded is premises, not a start-up ("toimipiste")
    abroad_words: frozenset[str]  # "abroad" words: recruiting abroad with a hiring need, else export
    expansion_words: frozenset[str]  # growing ("laajentaa"): into a market when one is named, no investment
    fair_words: frozenset[str]  # a trade fair: export, unless held in a Finnish town named next to it
    outside_words: frozenset[str]  # the company is from outside Etelä-Savo ("kuopiolainen")
    outside_towns: frozenset[str]  # towns outside Etelä-Savo: "based in Joensuu", "Kuopiossa toimiva"
    municipal_words: frozenset[str]  # the municipality as one who serves ("onko kunnalla …")
    task_words: Mapping[str, frozenset[str]]  # [tasks] lists by key: errands for the bot
    role_words: frozenset[str]  # a compound ending in one names a person in a role ("myyntijohtaja")
    jobseeker_words: frozenset[str]  # an unemployed person, who may be the founder ("työtön")
    trade_words: frozenset[str]  # a tradesperson, who may be the founder as the subject ("kokki")
    hiring_support_words: frozenset[str]  # support asked about a hire is the wage subsidy ("tukea")
    private_words: frozenset[str]  # the question says it is a private person's own matter
    private_topics: frozenset[str]  # a private person's subject, unless the question is about a company
    own_words: frozenset[str]  # "oma": with a private topic, what follows is the asker's own
    senses: Triggers  # ambiguous word -> the context words without which it is ignored in a question
    modifiers: frozenset[str]  # ambiguous words whose context must follow them ("uusi yritys", not "uusi linja")
    otherwise: Mapping[str, str]  # ambiguous word -> the word it means without its context ("tila" -> "toimitila")
    empty_heads: frozenset[str]  # compound ends that add nothing: "palkkatukihakemus" is about the wage subsidy
    person_words: tuple[str, ...]  # a number before one of these is a headcount
    stopwords: frozenset[str]  # no meaning for ranking


@dataclass(frozen=True)
class LexiconCheck:
    """A lexicon file read and checked: the lexicon (None when it has errors) and what the check found."""

    lexicon: Lexicon | None
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def _key(key: str) -> str:
    """A key as TOML would write it, so that the message names it the way the file does."""
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _kind(value: object) -> str:
    """The TOML name of a value's type, for messages."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, date | time):
        return "a date or time"
    return type(value).__name__


def _blank(word: str) -> str | None:
    """Why a text cannot be a word of the lexicon, if it cannot."""
    if not word.strip():
        return "empty word"
    if word != word.strip():
        return f"'{word}' has spaces around it, so it never matches"
    return None


class _Check:
    """Collects the problems of one lexicon file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(Problem(self.file, where, message))

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(Problem(self.file, where, message))

    def words(self, where: str, value: object) -> tuple[str, ...]:
        """The words of a list, each once; anything else in it is reported."""
        if not isinstance(value, list):
            self.error(where, f"expected a list of words, got {_kind(value)}")
            return ()
        kept: dict[str, str] = {}  # folded -> as written
        for index, word in enumerate(value):
            if not isinstance(word, str):
                self.error(f"{where}[{index}]", f"expected a word (text), got {_kind(word)}")
            elif (problem := _blank(word)) is not None:
                self.error(f"{where}[{index}]", problem)
            elif fold(word) in kept:
                first = kept[fold(word)]
                spelled = "" if first == word else f" (also as '{first}': case and ä/ö are ignored)"
                self.error(where, f"'{word}' is listed twice{spelled}")
            else:
                kept[fold(word)] = word
        return tuple(kept.values())

    def table(self, data: Mapping[str, Any], name: str) -> dict[str, Any]:
        """One top-level table; a missing or mistyped one is reported and read as empty."""
        value = data.get(name)
        if value is None:
            if name not in _OPTIONAL_TABLES:
                self.error(f"[{name}]", "table missing")
            return {}
        if not isinstance(value, dict):
            self.error(name, f"expected a table [{name}], got {_kind(value)}")
            return {}
        allowed = _TABLES[name]
        for key in value:
            if allowed is not None and key not in allowed:
                self.error(f"{name}.{_key(key)}", f"unknown key; expected {', '.join(sorted(allowed))}")
        return value

    def listed(self, data: Mapping[str, Any], name: str, key: str) -> tuple[str, ...]:
        """The word list `key` of table `name`; a missing one is reported unless the table is optional."""
        table = self.table(data, name)
        if key not in table:
            if isinstance(data.get(name), dict) and name not in _OPTIONAL_TABLES:
                self.error(f"{name}.{key}", "list missing")
            return ()
        return self.words(f"{name}.{key}", table[key])

    def aliases(self, table: Mapping[str, Any], empty_heads: Iterable[str] = ()) -> Aliases:
        """The alias table, without the entries that have problems; a key may front a compound on one of
        the `empty_heads` ("rekryasia")."""
        kept: dict[str, str] = {}
        written: dict[str, str] = {}  # folded key -> as written
        for key, meaning in table.items():
            where = f"aliases.{_key(key)}"
            if (problem := _blank(key)) is not None:
                self.error(where, problem)
            elif not isinstance(meaning, str):
                self.error(where, f"expected the words it means (text), got {_kind(meaning)}")
            elif not meaning.strip():
                self.error(where, "empty meaning: an alias must be rewritten to something")
            elif fold(key) in written:
                # TOML refuses a key written twice, but not the same key in two spellings.
                self.error(where, f"the same alias as {_key(written[fold(key)])} (case and ä/ö are ignored)")
            else:
                written[fold(key)] = key
                kept[key] = meaning
        return Aliases(kept, empty_heads)

    def triggers(self, name: str, table: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
        """Vocabulary id -> words, without the ids the vocabulary does not have (those are reported)."""
        ids = _TRIGGER_IDS[name]
        found: dict[str, tuple[str, ...]] = {}
        for key, value in table.items():
            words = self.words(f"{name}.{_key(key)}", value)
            if name in BASE_FORM_TABLES:
                for word in words:
                    if " " in word.strip():
                        # base forms are matched word by word: a phrase here would never match
                        self.error(
                            f"{name}.{_key(key)}",
                            f"'{word}' has several words, which never match here; write it as an alias to one word",
                        )
            if key in ids:
                found[key] = words
            else:
                self.error(
                    f"{name}.{_key(key)}", f"unknown {_ID_NAMES[name]} id '{key}'; known: {', '.join(sorted(ids))}"
                )
        return found

    def overlaps(self, name: str, triggers: Mapping[str, tuple[str, ...]], shared: frozenset[str]) -> None:
        """Report words listed under two ids: an error where the first one wins, a warning for needs."""
        owner: dict[str, str] = {}
        for key, words in triggers.items():
            for word in words:
                first = owner.setdefault(fold(word), key)
                if first == key:
                    continue
                where = f"{name}.{key}"
                if name != "needs":
                    self.error(where, f"'{word}' is also under {name}.{first}, which wins, so it has no effect here")
                elif fold(word) not in shared:
                    self.warn(
                        where,
                        f"'{word}' also triggers need '{first}'; list it in [shared_words] needs if that is deliberate",
                    )

    def shared_needs(self, words: tuple[str, ...], needs: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
        """The folded words declared as shared by needs; a declaration that shares nothing is reported."""
        for word in words:
            under = [need for need, triggers in needs.items() if fold(word) in {fold(t) for t in triggers}]
            if len(under) < 2:
                listed = f"only under needs.{under[0]}" if under else "under no need"
                self.warn("shared_words.needs", f"'{word}' is declared shared but is {listed}")
        return frozenset(fold(word) for word in words)


def _read(data: Mapping[str, Any], check: _Check) -> Lexicon | None:
    for name in data:
        if name not in _TABLES:
            check.error(_key(name), f"unknown table; expected {', '.join(_TABLES)}")
    empty_heads = check.listed(data, "compounds", "empty_heads")
    aliases = check.aliases(check.table(data, "aliases"), empty_heads)
    triggers = {name: check.triggers(name, check.table(data, name)) for name in _TRIGGER_IDS}
    shared = check.shared_needs(check.listed(data, "shared_words", "needs"), triggers["needs"])
    for name, table in triggers.items():
        check.overlaps(name, table, shared)
    age_table = check.table(data, "company_age")
    company_age = {key: check.words(f"company_age.{key}", value) for key, value in age_table.items()}
    sense_table = check.table(data, "senses")
    senses = {key: check.words(f"senses.{_key(key)}", value) for key, value in sense_table.items()}
    for key in senses:
        if sense_table[key] == []:
            check.error(
                f"senses.{_key(key)}", "no context words: the word would always be ignored; make it a stop word"
            )
    sense_keys = {fold(key) for key in senses}

    def has_sense(field: str, word: str) -> bool:
        if fold(word) not in sense_keys:
            check.error(field, f"'{word}' has no [senses] entry: list its context words there")
            return False
        return True

    otherwise: dict[str, str] = {}
    for key, value in check.table(data, "otherwise").items():
        if not has_sense(f"otherwise.{_key(key)}", key):
            continue
        if not isinstance(value, str) or not value.strip():
            check.error(f"otherwise.{_key(key)}", f"expected the word it means otherwise, got {_kind(value)}")
        else:
            otherwise[fold(key)] = value.strip()
    business_words = check.listed(data, "business", "words")
    business_topics = check.listed(data, "business", "topics")
    sme_words = check.listed(data, "business", "sme")
    diversifying_words = check.listed(data, "business", "diversifying")
    not_farm_words = check.listed(data, "business", "not_farm")
    branch_words = check.listed(data, "business", "branches")
    abroad_words = check.listed(data, "abroad", "words")
    expansion_words = check.listed(data, "abroad", "expansion")
    fair_words = check.listed(data, "abroad", "fairs")
    outside_words = check.listed(data, "places", "outside")
    outside_towns = check.listed(data, "places", "towns")
    municipal_words = check.listed(data, "places", "municipal")
    task_words = {key: check.listed(data, "tasks", key) for key in _TASK_KEYS}
    role_words = check.listed(data, "roles", "words")
    jobseeker_words = check.listed(data, "roles", "jobseekers")
    trade_words = check.listed(data, "roles", "trades")
    hiring_support_words = check.listed(data, "hiring", "support")
    private_words = check.listed(data, "private", "words")
    private_topics = check.listed(data, "private", "topics")
    own_words = check.listed(data, "private", "own")
    modifiers = check.listed(data, "modifiers", "words")
    for word in modifiers:
        has_sense("modifiers.words", word)
    person_words = check.listed(data, "headcount", "person_words")
    stopwords = check.listed(data, "stopwords", "words")
    if check.errors:
        return None
    return Lexicon(
        aliases=aliases,
        needs=MappingProxyType(triggers["needs"]),
        stages=MappingProxyType(triggers["stages"]),
        sectors=MappingProxyType(triggers["sectors"]),
        sizes=MappingProxyType(triggers["sizes"]),
        origins=MappingProxyType(triggers["employee_origin"]),
        workloads=MappingProxyType(triggers["workload"]),
        jobs=MappingProxyType(triggers["job"]),
        farm_productions=MappingProxyType(triggers["farm_production"]),
        company_forms=MappingProxyType(triggers["company_form"]),
        transfer_sides=MappingProxyType(triggers["transfer_side"]),
        investments=MappingProxyType(triggers["investment"]),
        projects=MappingProxyType(triggers["project"]),
        applicants=MappingProxyType(triggers["applicant"]),
        company_age=MappingProxyType(company_age),
        business_words=frozenset(fold(word) for word in business_words),
        business_topics=frozenset(fold(word) for word in business_topics),
        sme_words=frozenset(fold(word) for word in sme_words),
        diversifying_words=frozenset(fold(word) for word in diversifying_words),
        not_farm_words=frozenset(fold(word) for word in not_farm_words),
        branch_words=frozenset(fold(word) for word in branch_words),
        abroad_words=frozenset(fold(word) for word in abroad_words),
        expansion_words=frozenset(fold(word) for word in expansion_words),
        fair_words=frozenset(fold(word) for word in fair_words),
        outside_words=frozenset(fold(word) for word in outside_words),
        outside_towns=frozenset(fold(word) for word in outside_towns),
        municipal_words=frozenset(fold(word) for word in municipal_words),
        task_words=MappingProxyType({key: frozenset(map(fold, words)) for key, words in task_words.items()}),
        role_words=frozenset(fold(word) for word in role_words),
        jobseeker_words=frozenset(fold(word) for word in jobseeker_words),
        trade_words=frozenset(fold(word) for word in trade_words),
        hiring_support_words=frozenset(fold(word) for word in hiring_support_words),
        private_words=frozenset(fold(word) for word in private_words),
        private_topics=frozenset(fold(word) for word in private_topics),
        own_words=frozenset(fold(word) for word in own_words),
        senses=MappingProxyType({fold(key): words for key, words in senses.items()}),
        modifiers=frozenset(fold(word) for word in modifiers),
        otherwise=MappingProxyType(otherwise),
        empty_heads=frozenset(fold(word) for word in empty_heads),
        person_words=person_words,
        stopwords=frozenset(stopwords),
    )


def load_lexicon(path: Path, file: str | None = None) -> LexiconCheck:
    """Read and check a lexicon file; `file` is how problems name it (default: the file name)."""
    check = _Check(file or path.name)
    data = read_toml(path, check.file)
    if isinstance(data, Problem):
        return LexiconCheck(None, (data,), ())
    lexicon = _read(data, check)
    return LexiconCheck(lexicon, tuple(check.errors), tuple(check.warnings))
