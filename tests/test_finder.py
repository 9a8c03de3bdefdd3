"""The service finder without Teams: what an adviser gets for the questions they type."""

import pytest

from knowledge.finder import Finder
from knowledge.loader import load_knowledge_base
from tests.knowledge_fixtures import SMALL_KB, analyzer_named


@pytest.fixture(params=["voikko", "plain"])
def finder(request):
    return Finder(load_knowledge_base(SMALL_KB), analyzer_named(request.param))


def ids(result):
    return [match.service.id for match in result.matches]


@pytest.mark.parametrize(
    "question",
    [
        "Aloittava yrittäjä tarvitsee pankkilainaan takauksen",
        "alkutakaus",
        "takausta pankkilainalle",
        "We need a bank guarantee for a business loan",
        "finnveralta takaus",
    ],
)
def test_guarantee_questions_find_the_start_up_guarantee(finder, question):
    assert ids(finder.search(question))[:1] == ["finnvera-alkutakaus"]


def test_a_municipal_service_is_never_shown_for_a_company_elsewhere(finder):
    found = ids(finder.search("Juvalainen rakennusliike tarvitsee työntekijöitä"))
    assert found[0] == "tyo-mikkeli-rekry"
    assert "tyo-savonlinna-rekry" not in found
    found = ids(finder.search("Enonkoskella toimiva yritys haluaa rekrytoida"))
    assert found[0] == "tyo-savonlinna-rekry"
    assert not any(service.startswith("tyo-mikkeli") for service in found)


def test_the_why_names_the_need_and_the_area_rule(finder):
    match = finder.search("Pieksämäen yritys tarvitsee takauksen").matches[0]
    assert match.service.id == "finnvera-alkutakaus"
    assert "takaus" in match.why("fi") and "koko Suomi" in match.why("fi")
    local = finder.search("palkkatuki Juvalla").matches[0]
    assert local.service.id == "tyo-mikkeli-palkkatuki"
    assert "palvelee: Juva" in local.why("fi")
    assert "serves Juva" in local.why("en")


@pytest.mark.parametrize(
    "question",
    [
        "palkkatukea",  # partitive
        "palkatukea",  # typo
        "palkkatuella työtön",
        "PALKKATUKI",
    ],
)
def test_inflected_and_mistyped_words_still_match(finder, question):
    assert "tyo-mikkeli-palkkatuki" in ids(finder.search(question))


def test_missing_umlauts_and_abbreviations(finder):
    assert ids(finder.search("tyontekijoita juvalle"))[:1] == ["tyo-mikkeli-rekry"]
    assert ids(finder.search("rekry-apua Mikkeliin"))[:1] == ["tyo-mikkeli-rekry"]


def test_a_sector_specific_service_waits_for_its_sector(finder):
    assert ids(finder.search("Maatilan sukupolvenvaihdos"))[:1] == ["maatilaneuvonta-tilasuunnittelu"]
    assert "maatilaneuvonta-tilasuunnittelu" not in ids(finder.search("IT-yrityksen sukupolvenvaihdos"))


@pytest.mark.parametrize(
    "question",
    ["hyvää huomenta", "lorem ipsum dolor", "mitä kuuluu?", "kiitos", "", "???", "12345"],
)
def test_nothing_relevant_gives_an_empty_answer(finder, question):
    assert finder.search(question).matches == []


def test_facets_are_read_from_the_question(finder):
    result = finder.search("2 hengen kahvila Juvalla perustamassa, tarvitsee takauksen")
    facets = result.facets
    assert (facets.municipality.fi, facets.size, facets.stage, facets.sector) == (
        "Juva",
        "micro",
        "startup",
        "hospitality",
    )
    assert not result.vague
    assert finder.search("takaus").vague
