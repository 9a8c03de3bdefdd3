"""Eligibility: only_for / not_for in the provider files, the facts read from questions, and the answers."""

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.cli import main
from knowledge.eligibility import Condition, Rules, judge, possible_values
from knowledge.facets import Facets
from knowledge.finder import Finder
from knowledge.lexicon import BUNDLED_LEXICON, load_lexicon
from knowledge.loader import load_knowledge_base
from tests.knowledge_fixtures import SMALL_KB, analyzer_named

TODAY = date(2026, 11, 30)
LEXICON = load_lexicon(BUNDLED_LEXICON).lexicon
# Two invented recruitment services that differ only by where the employee comes from.
ABROAD = """
[provider]
id = "rekry-ulkomailta"
name = "Ulkomaisen työvoiman neuvonta Esimerkki"
kind = "national"
municipalities = ["all"]
web = "https://ulkomailta.example.fi"

[[service]]
id = "tyonvalitys-eu"
name_fi = "Työnvälitys EU- ja ETA-maista"
name_en = "Job matching from EU and EEA countries"
summary_fi = "Työntekijöitä EU- ja ETA-maista suomalaisille työnantajille."
summary_en = "Employees from EU and EEA countries for Finnish employers."
needs = ["recruiting_abroad", "recruitment"]
link = "https://ulkomailta.example.fi/eu"
source_url = "https://ulkomailta.example.fi/eu"
last_reviewed = 2026-11-01
keywords_fi = ["ulkomainen työntekijä", "työvoima ulkomailta"]

[service.only_for]
employee_origin = ["eu_eea"]

[[service]]
id = "oleskeluluvat"
name_fi = "Työntekijän oleskelulupa"
name_en = "Residence permit for an employee"
summary_fi = "Työnantajan osuus, kun työntekijä tulee EU- ja ETA-alueen ulkopuolelta."
summary_en = "The employer's part when the employee comes from outside the EU and EEA."
needs = ["recruiting_abroad", "recruitment"]
link = "https://ulkomailta.example.fi/lupa"
source_url = "https://ulkomailta.example.fi/lupa"
last_reviewed = 2026-11-01
keywords_fi = ["oleskelulupa", "työlupa", "ulkomainen työntekijä"]

[service.only_for]
employee_origin = ["outside_eu_eea"]
"""


@pytest.fixture
def kb_copy(tmp_path):
    folder = tmp_path / "kb"
    shutil.copytree(SMALL_KB, folder)
    (folder / "rekry-ulkomailta.toml").write_text(ABROAD, encoding="utf-8")
    return folder


@pytest.fixture(params=["voikko", "plain"])
def finder(request, kb_copy):
    return Finder(load_knowledge_base(kb_copy, TODAY), analyzer_named(request.param))


def ids(finder, question, **kwargs):
    return [match.service.id for match in finder.search(question, **kwargs).matches]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---- the schema and `kb check` ------------------------------------------------------------------


def test_the_small_knowledge_base_with_rules_is_valid(kb_copy):
    kb = load_knowledge_base(kb_copy)
    assert kb.errors == []
    by_id = {service.id: service for service in kb.services}
    assert by_id["maatilaneuvonta-tilasuunnittelu"].only_for.sectors == ["agriculture"]
    assert by_id["finnvera-alkutakaus"].only_for.max_company_age_years == 3
    assert by_id["oleskeluluvat"].not_for is None


WHERE = "maatilat.toml: service[0] (maatilaneuvonta-tilasuunnittelu)"


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        ('sectors = ["farming"]', f"{WHERE}.only_for.sectors: unknown sector ids ['farming']"),
        ('stages = ["baby"]', f"{WHERE}.only_for.stages: unknown stage ids ['baby']"),
        ('sizes = ["tiny"]', f"{WHERE}.only_for.sizes: unknown size ids ['tiny']"),
        ('employee_origin = ["mars"]', f"{WHERE}.only_for.employee_origin: unknown employee origins ['mars']"),
        ('workload = ["weekends"]', f"{WHERE}.only_for.workload: unknown workloads ['weekends']"),
        ('farm_production = ["fish"]', f"{WHERE}.only_for.farm_production: unknown farm productions ['fish']"),
        ('market = ["moon"]', f"{WHERE}.only_for.market: unknown markets ['moon']"),
        ('company_form = ["llc"]', f"{WHERE}.only_for.company_form: unknown company forms ['llc']"),
        ("stages = []", f"{WHERE}.only_for.stages: empty list: nobody would qualify; leave the list out"),
        ("max_company_age_years = 0", f"{WHERE}.only_for.max_company_age_years: Input should be greater than"),
        ("min_company_age_years = 0", f"{WHERE}.only_for.min_company_age_years: Input should be greater than"),
        (
            "min_company_age_years = 5\nmax_company_age_years = 3",
            f"{WHERE}.only_for: min_company_age_years is above max_company_age_years",
        ),
        ('max_company_age_years = "5"', f"{WHERE}.only_for.max_company_age_years: Input should be a valid integer"),
        ("employee_age = [29, 18]", f"{WHERE}.only_for.employee_age: expected [youngest, oldest]"),
        ("employee_age = [18]", f"{WHERE}.only_for.employee_age: expected [youngest, oldest]"),
        ("colour = 1", f"{WHERE}.only_for.colour: unknown field"),
        ("", f"{WHERE}.only_for: empty table: give at least one of sectors, stages, sizes, employee_origin"),
        (
            'sectors = ["agriculture", "food"]\n[service.not_for]\nsectors = ["food"]',
            f"{WHERE}: not_for.sectors and only_for.sectors both list ['food']: a value is either required or excluded",
        ),
        (
            'sectors = ["agriculture"]\n[service.not_for]\n'
            'employee_origin = ["eu_eea", "outside_eu_eea", "in_finland"]',
            f"{WHERE}.not_for: employee_origin excludes every value, so nobody would qualify",
        ),
        (
            'sectors = ["agriculture"]\n[service.not_for]\nmax_company_age_years = 3',
            f"{WHERE}.not_for.max_company_age_years: unknown field",
        ),
    ],
)
def test_kb_check_names_the_file_and_field_of_each_rule_error(kb_copy, capsys, tables, expected):
    _edit(kb_copy / "maatilat.toml", '[service.only_for]\nsectors = ["agriculture"]', f"[service.only_for]\n{tables}")
    assert main(["kb", "check", "--kb", str(kb_copy)]) == 1
    out = capsys.readouterr().out
    assert f"error: {expected}" in out and "FAILED" in out


def test_kb_check_warns_when_the_aimed_at_lists_contradict_the_rules(kb_copy, capsys):
    _edit(kb_copy / "maatilat.toml", 'sectors = ["agriculture"]\nlink', 'sectors = ["agriculture", "food"]\nlink')
    assert main(["kb", "check", "--kb", str(kb_copy)]) == 0
    out = capsys.readouterr().out
    assert f"warning: {WHERE}.sectors: lists ['food'], which only_for/not_for.sectors rule out" in out


# ---- facts read from the question ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "origin"),
    [
        ("hoitajia Filippiineiltä", "outside_eu_eea"),
        ("kokki EU:n ulkopuolelta", "outside_eu_eea"),
        ("ulkomaalainen työntekijä Intiasta", "outside_eu_eea"),
        ("we want to hire welders from Ukraine", "outside_eu_eea"),
        ("työntekijöitä EU/ETA-alueen ulkopuolelta", "outside_eu_eea"),
        ("rekrytointi Virosta", "eu_eea"),
        ("työntekijä EU-maasta", "eu_eea"),
        ("palkata ruotsalainen myyjä", "eu_eea"),
        ("We want to hire people from other EU countries", "eu_eea"),
        ("ulkomaalainen työntekijä", None),  # abroad, but from where is open
        ("palkata työntekijöitä Virosta ja Intiasta", None),  # both: open
        ("vienti Intiaan", None),  # not hiring: a market, not an employee's origin
        ("palkata kokki", None),
        ("10 000 euron laina", None),
        # one who lives here, or works under temporary protection, is hired in Finland whatever the nationality
        ("would like to hire Ukrainian workers who already live in Finland", "in_finland"),
        ("kausityöntekijät Ukrainasta mansikkatilalle, temporary protection – need work permit?", "in_finland"),
        ("ukrainalainen tilapäistä suojelua saava siivoojaksi, tarviiko lupaa", "in_finland"),
        ("do polish truck drivers need a work permit if a haulage firm hires them?", "eu_eea"),
        ("kuka hoitaa work permit -asiat nykyään, Migri vai TE?", "outside_eu_eea"),  # only they need one
        ("Small café would like to hire a long-term unemployed Syrian man (residence permit)", "in_finland"),
        ("a small Estonian-owned company in Savonlinna needs 3 seasonal workers from Ukraine", "outside_eu_eea"),
        ("Ukrainian client under temporary protection wants to start a cleaning company", None),  # no hire
    ],
)
def test_the_origin_of_an_employee(finder, question, origin):
    assert finder.understand(question, today=TODAY).facets.employee_origin == origin


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("perustettu 2012", 14),
        ("vuonna 2005 perustettu konepaja", 21),
        ("2019 perustettu startup", 7),
        ("established in 1998", 28),
        ("yritys on toiminut 30 vuotta", 30),
        ("30 vuotta toiminut perheyritys", 30),
        ("toiminut jo yli 20 vuotta", 20),
        ("yritys on toiminut kaksi vuotta", 2),
        ("30-vuotias perheyritys", 30),
        ("in business for 12 years", 12),
        ("vasta aloittanut yrittäjä", 0),
        ("asiakas oy, toiminut 4 v, käyttöpääomaa", 4),  # years written short
        ("matkailuyrittäjä, koronan jälkeen velkaa paljon", 5),  # there in the pandemic: 2021 at the latest
        ("just started a company", 0),
        ("30-vuotias yrittäjä", None),  # the entrepreneur's age, not the company's
        ("lainaa 2012 euroa", None),
        ("palkata 3 työntekijää", None),
    ],
)
def test_the_age_of_the_company(finder, question, age):
    assert finder.understand(question, today=TODAY).facets.company_age == age


def test_a_founding_year_needs_the_reference_date():
    kb = load_knowledge_base(SMALL_KB)  # checked without a date: the finder has no default
    finder = Finder(kb, analyzer_named("plain"))
    assert finder.read_facets("perustettu 2012").company_age is None
    assert finder.read_facets("perustettu 2012", today=date(2030, 1, 1)).company_age == 18
    dated = Finder(load_knowledge_base(SMALL_KB, TODAY), analyzer_named("plain"))
    assert dated.read_facets("perustettu 2012").company_age == 14  # the date the knowledge base was checked on


def test_nothing_in_knowledge_reads_the_system_clock():
    for path in Path("knowledge").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(date\.today|datetime\.(now|today|utcnow))\(", source), path


# ---- the rules applied ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "never"),
    [
        ("hoitajia Filippiineiltä, työluvat", "tyonvalitys-eu"),
        ("kokki EU:n ulkopuolelta ravintolaan", "tyonvalitys-eu"),
        ("We are hiring nurses from the Philippines", "tyonvalitys-eu"),
        ("rakennusyritys palkkaa kirvesmiehiä Virosta", "oleskeluluvat"),
        ("IT-yritys haluaa rekrytoida ohjelmoijia Ruotsista", "oleskeluluvat"),
        ("perustettu 2012, tarvitsee takauksen pankkilainalle", "finnvera-alkutakaus"),
        ("30 vuotta toiminut yritys tarvitsee takauksen", "finnvera-alkutakaus"),
        ("Established in 1998, we need a bank guarantee", "finnvera-alkutakaus"),
        ("IT-yrityksen sukupolvenvaihdos", "maatilaneuvonta-tilasuunnittelu"),
        ("kahvilan omistajanvaihdos", "maatilaneuvonta-tilasuunnittelu"),
    ],
)
def test_a_service_the_company_does_not_qualify_for_is_never_shown(finder, question, never):
    assert finder.understand(question, today=TODAY).needs, "the question itself is understood"
    assert never not in ids(finder, question, top=10, today=TODAY)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("hoitajia Filippiineiltä, työluvat", "oleskeluluvat"),
        ("rakennusyritys palkkaa kirvesmiehiä Virosta", "tyonvalitys-eu"),
        ("vasta aloittanut yrittäjä tarvitsee takauksen pankkilainalle", "finnvera-alkutakaus"),
        ("yritys on toiminut kaksi vuotta ja tarvitsee takauksen", "finnvera-alkutakaus"),
        ("maatilan sukupolvenvaihdos", "maatilaneuvonta-tilasuunnittelu"),
    ],
)
def test_a_service_made_for_the_case_comes_first(finder, question, first):
    assert ids(finder, question, today=TODAY)[:1] == [first]


def test_an_open_rule_is_shown_with_the_service_in_both_languages(finder):
    match = finder.search("takaus pankkilainalle", today=TODAY).matches[0]
    assert match.service.id == "finnvera-alkutakaus"
    assert match.as_dict("fi")["conditions"] == ["Vain enintään 3 vuotta toimineille yrityksille"]
    assert match.as_dict("en")["conditions"] == ["Only for companies at most 3 years old"]
    settled = finder.search("vasta aloittanut yritys tarvitsee takauksen pankkilainalle", today=TODAY).matches[0]
    assert settled.service.id == "finnvera-alkutakaus" and settled.as_dict()["conditions"] == []
    hiring = {m.service.id: m for m in finder.search("ulkomainen työntekijä", top=10, today=TODAY).matches}
    assert hiring["tyonvalitys-eu"].as_dict("fi")["conditions"] == ["Vain palkattaessa EU/ETA-alueelta"]
    assert hiring["tyonvalitys-eu"].as_dict("en")["conditions"] == ["Only for hiring from the EU/EEA"]
    assert hiring["oleskeluluvat"].as_dict("en")["conditions"] == ["Only for hiring from outside the EU/EEA"]


def test_every_result_carries_its_conditions_as_a_list(finder):
    for match in finder.search("rekrytointi palkkatuki takaus maatila", top=10, today=TODAY).matches:
        conditions = match.as_dict()["conditions"]
        assert isinstance(conditions, list) and all(isinstance(text, str) for text in conditions)


# ---- the rules themselves -------------------------------------------------------------------------


def test_a_rule_holds_fails_or_stays_open():
    farms = Rules(only=(("sectors", frozenset({"agriculture"})),))
    assert judge(farms, possible_values(Facets(sector="agriculture")), None).open == ()
    assert judge(farms, possible_values(Facets(sector="agriculture")), None).met == 1
    assert judge(farms, possible_values(Facets(sector="retail")), None) is None
    assert judge(farms, possible_values(Facets()), None).open == (Condition("sectors", ("agriculture",)),)
    not_large = Rules(excluded=(("sizes", frozenset({"large"})),))
    assert judge(not_large, possible_values(Facets(size="large")), None) is None
    assert judge(not_large, possible_values(Facets(size="micro")), None).open == ()
    assert judge(not_large, possible_values(Facets()), None).open[0].text("fi") == "Ei kokoluokalle: suuri (250+)"
    young = Rules(max_age=5)
    assert judge(young, possible_values(Facets()), 5).open == ()
    assert judge(young, possible_values(Facets()), 6) is None
    assert judge(young, possible_values(Facets()), None).open[0].text("en") == "Only for companies at most 5 years old"
    settled = Rules(min_age=3)
    assert judge(settled, possible_values(Facets()), 3).open == ()
    assert judge(settled, possible_values(Facets()), 2) is None
    assert judge(settled, possible_values(Facets(stage="startup")), 0) is None  # a start-up is no older company
    unsaid = judge(settled, possible_values(Facets()), None).open[0]
    assert unsaid.text("fi") == "Vain vähintään 3 vuotta toimineille yrityksille"
    assert unsaid.text("en") == "Only for companies at least 3 years old"


@pytest.mark.parametrize(
    ("fact", "allowed", "held", "broken", "fi", "en"),
    [
        (
            "workload",
            "full_time",
            "full_time",
            "part_time",
            "Vain päätoimiselle yrittäjälle",
            "Only for a full-time entrepreneur",
        ),
        ("farm_production", "livestock", "livestock", "crops", "Vain kotieläintilalle", "Only for a livestock farm"),
        (
            "market",
            "outside_eu_eea",
            "outside_eu_eea",
            "eu_eea",
            "Vain vientiin EU/ETA-alueen ulkopuolelle",
            "Only for exports outside the EU/EEA",
        ),
        (
            "company_form",
            "limited",
            "limited",
            "sole_trader",
            "Vain yhtiömuodolle: osakeyhtiö",
            "Only for the company form: limited company",
        ),
    ],
)
def test_a_rule_on_a_fact_holds_fails_or_stays_open_with_its_text(fact, allowed, held, broken, fi, en):
    rule = Rules(only=((fact, frozenset({allowed})),))
    judgement = judge(rule, possible_values(Facets(**{fact: held})), None)
    assert judgement is not None and judgement.open == ()
    assert judge(rule, possible_values(Facets(**{fact: broken})), None) is None
    condition = judge(rule, possible_values(Facets()), None).open[0]
    assert (condition.text("fi"), condition.text("en")) == (fi, en)


@pytest.mark.parametrize(
    ("fact", "question", "value"),
    [
        ("workload", "graafikko tekee töitä sivutoimisesti opintojen ohella", "part_time"),
        ("workload", "sivutoiminen yrittäjyys palkkatyön ohessa", "part_time"),
        ("workload", "a part-time side business next to my job", "part_time"),
        ("workload", "starttiraha osa-aikayrittäjälle", "part_time"),
        ("workload", "sivutoiminen yrittäjä haluaa siirtyä päätoimiseksi", "full_time"),  # becoming full-time
        (
            "workload",
            "starttirahaa sivutoimiseen vai pitääkö olla päätoiminen?",
            "part_time",
        ),  # full-time only asked about
        ("workload", "ryhtyy päätoimiseksi yrittäjäksi", "full_time"),
        ("workload", "maatila aloittaa sivuelinkeinon", None),  # a farm's second line of business says nothing of hours
        ("workload", "sivuliike Tukholmaan", None),  # a branch office
        ("workload", "ohjelmistoyritys harkitsee sivutoimipistettä Mikkeliin", None),  # a branch office too
        ("workload", "päätoimipaikka Mikkelissä", None),  # a head office
        ("workload", "asiakas on töissä Juvalla ja etsii työntekijää", None),
        ("farm_production", "viljatilan isäntä on ihan uupunut", "crops"),
        ("farm_production", "marjatila Rantasalmella palkkaa poimijoita", "crops"),
        ("farm_production", "a grain farm needs a new dryer", "crops"),
        ("farm_production", "lypsykarjatilan sukupolvenvaihdos", "livestock"),
        ("farm_production", "Pertunmaalainen lihakarjatila rakentaa biokaasulaitoksen", "livestock"),
        ("farm_production", "our dairy farm needs relief help", "livestock"),
        ("farm_production", "tilalla on viljaa ja lihakarjaa", None),  # both: open
        ("farm_production", "viljatila ja sikala samalla tilalla", None),
        ("farm_production", "Karjalan suunnalta tuleva yrittäjä", None),  # Karelia, no cattle
        ("farm_production", "maatila haluaa lomitusta", None),  # a farm, its production not said
        ("farm_production", "Metsänomistaja Rantasalmelta kysyy metsänhoidon tukia, ei ole maatilaa", "forestry"),
        ("farm_production", "metsätila ja maatila Juvalla, sukupolvenvaihdos", None),  # a farm with its forest
        ("farm_production", "lypsykarjatila, jolla on myös metsää, metsätila erikseen", "livestock"),
        ("farm_production", "kalankasvattaja Puumalassa laajentaa kirjolohen kasvatusta", "aquaculture"),
        ("market", "vientiä Saksaan, mistä apua", "eu_eea"),
        ("market", "eka kerta messuilla Saksassa, puusepänliike", "eu_eea"),  # nobody hired: the country is a market
        ("market", "we export machines to Japan", "outside_eu_eea"),
        ("market", "viemme koneita Kiinaan ja Saksaan", None),  # both: open
        ("market", "messuille Norjaan, tavarat mukaan", None),  # outside the EU customs union, though in the EEA
        ("market", "hitsaajia Virosta konepajaan", None),  # where hires come from is no market
        ("market", "Dutch couple bought an old farmhouse, want to build rental cabins", None),  # who founds it
        ("market", "hollantilainen pariskunta osti maatalon Sulkavalta", None),
        ("market", "German couples book our cabins, we want to market to Germany", "eu_eea"),  # guests: a market
        ("company_age", "loan guarantee for machine purchase, company 12 yrs old, 40 staff", 12),
        ("company_age", "lainantakaus uudelle oy:lle 50 t€", 0),
        ("company_age", "ohjelmisto oy mikkeli perustettu viime vuonna 8 hlö", 1),
        ("company_age", "we started last year, need a loan", 1),
        ("company_age", "toiminimi perustettu vuosi sitten, pankki ei lähde yksin", 1),  # years ago
        ("company_age", "kolme vuotta sitten perustettu oy hakee takausta", 3),
        ("market", "startup haluaa usaan", "outside_eu_eea"),
        ("market", "konepaja, iso tilaaja norjasta haluis sopimuksen", None),  # a market, in no one area
        ("market", "saksasta tuli iso tilauskysely", "eu_eea"),  # an inquiry from there
        ("company_age", "where can a 2-year-old company get a guarantee", 2),
        ("company_age", "Client is a two-year-old software oy in Mikkeli with five staff", 2),  # in words
        ("company_age", "I have been running a pizzeria in Mikkeli for three years (oy, 6 employees)", 3),
        ("company_age", "Olen pyörittänyt kahvilaa Sulkavalla 12 vuotta, kesäisin 5 työntekijää", 12),
        ("company_age", "we have been trying to hire for 2 years", None),  # no business run
        ("size", "Client is a two-year-old software oy in Mikkeli with five staff", "micro"),  # a headcount in words
        ("size", "kolme työntekijää, leipomo juvassa, tarvitaan lainaa", "micro"),
        ("company_age", "a 17-year-old summer worker for our shop", None),  # a person's age
        ("company_age", "viime vuonna myynti laski", None),  # last year's sales, no founding
        ("company_age", "rahotus kalustoon, tmi vasta 3kk vanha, sulkava", 0),
        ("company_age", "pienlaina vasta aloittaneelle tmi:lle, kahvila", 0),
        ("market", "rekrytointi Virosta ja vientiä Japaniin", "outside_eu_eea"),
        ("company_form", "oy:n lopettaminen, ei velkoja", "limited"),
        ("company_form", "Miten osakeyhtiö lopetetaan hallitusti?", "limited"),
        ("company_form", "tmi:n velat kasvaneet", "sole_trader"),
        ("company_form", "sukupolvenvaihdos, kuljetus ky, isä luovuttaa pojalle", "partnership"),
        ("company_form", "osuuskunta perustetaan kylälle", "cooperative"),
        ("company_form", "oy vai tmi? kaks kaveria alottaa", None),  # a choice: open
        ("company_form", "ei halua perustaa osakeyhtiötä, vaan toiminimen", "sole_trader"),  # the form denied is none
        ("company_form", "kyllä, ay-liikkeen jäsen", None),  # "kyllä" is no ky, "ay-liike" a trade union
        (
            "person",
            "työntekijä sairastui pitkäaikaisesti, mistä korvauksia",
            "employee",
        ),  # the matter is the employee's
        ("person", "yrittäjä sairastui, mistä rahaa", None),
        # a full-time student who would try it for a summer is no full-time entrepreneur
        ("workload", "22-vuotias päätoiminen opiskelija haluaisi kokeilla yrittäjyyttä kesän ajan", "part_time"),
        ("job", "summer trainee hire, any wage subsidy?", "summer"),
        # a bank's "no" denies no stage; a project begun, said in English
        ("stage", "pankki sanoi ei lainaa aloittavalle yrittäjälle, mitä nyt", "startup"),
        ("project", "asiakas wants ELY development grant but the project started already in March", "started"),
        # where the writer writes from is no sector of the company's
        ("sector", "kirjoitan tätä hammaslääkärin odotushuoneessa. Lypsyrobotti on hajonnut kolmesti", "agriculture"),
    ],
)
def test_a_fact_of_the_company_is_read_from_the_question(finder, fact, question, value):
    assert getattr(finder.understand(question, today=TODAY).facets, fact) == value


def test_a_farm_that_does_not_say_what_it_produces_still_farms():
    farming = Rules(
        only=(("sectors", frozenset({"agriculture"})), ("farm_production", frozenset({"livestock", "crops"})))
    )
    assert judge(farming, possible_values(Facets(sector="agriculture")), None).open == ()
    assert judge(farming, possible_values(Facets(sector="agriculture", farm_production="forestry")), None) is None
    unknown = judge(farming, possible_values(Facets()), None)
    assert [condition.fact for condition in unknown.open] == ["sectors"]  # the sector rule says it already


def test_the_age_of_the_person_hired_holds_fails_or_stays_open():
    youth = Rules(employee_age=(18, 29))
    assert judge(youth, possible_values(Facets()), None, 24).met == 1
    assert judge(youth, possible_values(Facets()), None, 58) is None
    condition = judge(youth, possible_values(Facets()), None, None).open[0]
    assert condition.text("fi") == "Vain 18–29-vuotiaan palkkaamiseen"
    assert condition.text("en") == "Only for hiring someone aged 18–29"


def test_a_rule_for_the_entrepreneur_in_person_fails_only_for_an_employees_matter():
    in_person = Rules(excluded=(("person", frozenset({"employee"})),))
    assert judge(in_person, possible_values(Facets(person="employee")), None) is None
    # most questions are the entrepreneur's own or do not say: no condition is shown for that
    assert judge(in_person, possible_values(Facets()), None).open == ()


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("palkkatuki 58-vuotiaalle pitkäaikaistyöttömälle", 58),
        ("kesätyöseteli 16v nuorelle, kauppa palkkaa", 16),
        ("Kesätyöseteli 16-v nuorelle, mistä haetaan kun firma on Juvalla?", 16),
        ("alle 30-vuotias palkataan ekaan duuniin", 29),  # anyone younger: the oldest of them
        ("we want to hire a 17-year-old for the summer", 17),
        ("30-vuotias perheyritys palkkaa myyjän", None),  # the company's age
        ("58-vuotias yrittäjä haluaa palkata työntekijän", None),  # the owner's age
        ("28-vuotias nuori viljelijä aloittaa", None),  # nobody hired
        ("kauppa haluaa palkata koululaisen kesäksi", 15),  # a schoolchild is under 18
        ("Kesäseteli 9-luokkalaiselle Mikkelissä, miten se toimii?", 15),  # a pupil of a class too
        ("tmi haluaa palkata ukrainalaisen naisen, 41 v, tilapäisellä suojelulla", 41),  # after a comma
    ],
)
def test_the_age_of_the_person_hired(finder, question, age):
    assert finder.understand(question, today=TODAY).facets.employee_age == age


def test_age_and_stage_inform_each_other():
    starting = Rules(only=(("stages", frozenset({"idea", "startup"})),))
    assert judge(starting, possible_values(Facets(company_age=30)), 30) is None  # 30 years old: not starting
    assert judge(starting, possible_values(Facets(company_age=1)), 1).open != ()  # young: may still be starting
    growing = Rules(only=(("stages", frozenset({"growing", "established", "transfer", "crisis"})),))
    assert judge(growing, possible_values(Facets(company_age=30)), 30).open == ()
    young = Rules(max_age=3)
    from knowledge.eligibility import company_age

    assert judge(young, possible_values(Facets(stage="startup")), company_age(Facets(stage="startup"))).open == ()


def test_the_lexicon_reads_origins_as_data():
    assert LEXICON is not None
    assert "viro" in LEXICON.origins["eu_eea"] and "intia" in LEXICON.origins["outside_eu_eea"]
    assert {"new", "founded", "active", "years"} <= set(LEXICON.company_age)
