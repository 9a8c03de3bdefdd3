"""The lexicon as curators meet it: a TOML file checked with the knowledge base and read by the finder."""

import re
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from knowledge.finder import Finder
from knowledge.lexicon import BUNDLED_LEXICON, LEXICON_FILE, load_lexicon
from knowledge.loader import KnowledgeBase, KnowledgeBaseError, load_knowledge_base, load_valid_knowledge_base
from knowledge.vocab import NEED_IDS
from tests.knowledge_fixtures import SMALL_KB, analyzer_named

BUNDLED_KB = BUNDLED_LEXICON.parent


def _write_lexicon(folder: Path, old: str = "", new: str = "") -> Path:
    """The bundled lexicon written into `folder`, with `old` replaced by `new` once."""
    text = BUNDLED_LEXICON.read_text(encoding="utf-8")
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    path = folder / LEXICON_FILE
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def kb_copy(tmp_path):
    folder = tmp_path / "kb"
    shutil.copytree(SMALL_KB, folder)
    return folder


def test_the_bundled_lexicon_loads_and_validates_clean():
    check = load_lexicon(BUNDLED_LEXICON)
    assert check.errors == () and check.warnings == ()
    lexicon = check.lexicon
    assert lexicon is not None
    assert set(lexicon.needs) == NEED_IDS
    assert lexicon.needs["recruitment"].count("työvoimapula") == 1
    assert "halli" in lexicon.needs["investment"] and "halli" in lexicon.needs["premises"]
    assert lexicon.aliases.expand("ELY:stä rahoitusta") == "elinvoimakeskus rahoitusta"
    # a long alias fronting a compound on an empty head means what the alias does
    assert lexicon.aliases.expand("rekryasiassa ja rekry-apua") == "rekrytointi ja rekrytointi"
    # The tables that tell meaning apart are data too.
    assert "viljelijä" in lexicon.senses["tila"] and "yritys" in lexicon.senses["uusi"]
    assert "yritys" in lexicon.business_words and "alv" in lexicon.business_topics
    assert "ulkomainen" in lexicon.abroad_words
    assert "filippiin" in lexicon.origins["outside_eu_eea"] and "eu-mai" in lexicon.origins["eu_eea"]


def test_the_optional_tables_may_be_left_out(tmp_path):
    text = BUNDLED_LEXICON.read_text(encoding="utf-8")
    for table in ("employee_origin", "company_age", "business", "senses", "modifiers", "otherwise", "abroad"):
        text = re.sub(rf"\n\[{table}\]\n(?:(?!\n\[).)*", "\n", text, flags=re.S)
    path = tmp_path / LEXICON_FILE
    path.write_text(text, encoding="utf-8")
    check = load_lexicon(path)
    assert check.errors == () and check.lexicon is not None
    assert not check.lexicon.senses and not check.lexicon.origins and not check.lexicon.business_words


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("guarantee = [", "takuu = [", "lexicon.toml: needs.takuu: unknown need id 'takuu'"),
        (
            'tila = "toimitila"',
            'tila = "toimitila"\nkauppa = "myymälä"',
            "lexicon.toml: otherwise.kauppa: 'kauppa' has no [senses] entry: list its context words there",
        ),
        (
            '"close", "closing",\n]',
            '"close", "closing", "vanha",\n]',
            "lexicon.toml: modifiers.words: 'vanha' has no [senses] entry: list its context words there",
        ),
        ("idea = [", "ideointi = [", "lexicon.toml: stages.ideointi: unknown stage id 'ideointi'"),
        ("food = [", "ruoka = [", "lexicon.toml: sectors.ruoka: unknown sector id 'ruoka'"),
        (
            "guarantee = [",
            'guarantee = ["bank guarantee", ',
            "lexicon.toml: needs.guarantee: 'bank guarantee' has several words, which never match here",
        ),
        ("micro = [", "mikro = [", "lexicon.toml: sizes.mikro: unknown size id 'mikro'"),
        ('"harkita", "idea"]', '"harkita", "idea", "harkita"]', "lexicon.toml: stages.idea: 'harkita' is listed twice"),
        ('"tämä", ', '"tämä", "tama", ', "lexicon.toml: stopwords.words: 'tama' is listed twice (also as 'tämä'"),
        (
            'idea = ["yritysidea",',
            'idea = ["yritysidea", "kasvu",',
            "lexicon.toml: stages.growing: 'kasvu' is also under stages.idea",
        ),
        (
            '"työkkäri" = "työllisyysalue"\n',
            '"työkkäri" = "työllisyysalue"\n"TYOKKARI" = "työllisyysalue"\n',
            'lexicon.toml: aliases.TYOKKARI: the same alias as "työkkäri"',
        ),
        (
            "eu_eea = [",
            "eu = [",
            "lexicon.toml: employee_origin.eu: unknown origin id 'eu'; known: eu_eea, in_finland, outside_eu_eea",
        ),
        (
            'outside_eu_eea = [\n    "eu:n ulkopuol",',
            'outside_eu_eea = [\n    "viro", "eu:n ulkopuol",',
            "lexicon.toml: employee_origin.outside_eu_eea: 'viro' is also under employee_origin.eu_eea",
        ),
        (
            "\nnew = [",
            "\nnewest = [",
            "lexicon.toml: company_age.newest: unknown key; expected active, founded, new, years",
        ),
        ("\n[senses]\n", "\n[senses]\nkoe = []\n", "lexicon.toml: senses.koe: no context words: the word would always"),
        ("\n[senses]\n", '\n[senses]\nkoe = "testi"\n', "lexicon.toml: senses.koe: expected a list of words, got text"),
        (
            "\n[business]\n",
            "\n[business]\nsanat = []\n",
            "lexicon.toml: business.sanat: unknown key; expected branches, diversifying, not_farm, sme, topics, words",
        ),
        (
            "\n[abroad]\n",
            "\n[abroad]\nmaat = []\n",
            "lexicon.toml: abroad.maat: unknown key; expected expansion, fairs, words",
        ),
        ("loan = [", 'loan = ["",', "lexicon.toml: needs.loan[0]: empty word"),
        ("loan = [", 'loan = [" laina",', "lexicon.toml: needs.loan[0]: ' laina' has spaces around it"),
        ('"konkka" = "konkurssi"', '"" = "konkurssi"', 'lexicon.toml: aliases."": empty word'),
        ('"konkka" = "konkurssi"', '"konkka" = " "', "lexicon.toml: aliases.konkka: empty meaning"),
        ('"kv" = "kansainvälistyminen"', '"kv" = 1', "lexicon.toml: aliases.kv: expected the words it means (text)"),
        (
            'guarantee = [\n    "takaus", "taata", "vakuus", "alkutakaus", "pk-takaus", "takaaja", "guarantee", '
            '"collateral",\n    "maksuriski", "luottoriski", "luottovakuutus", "risk",  # a buyer who may not pay '
            '("credit risk")\n]',
            'guarantee = "takaus"',
            "lexicon.toml: needs.guarantee: expected a list of words, got text",
        ),
        (
            'person_words = [\n    "henki",',
            "person_words = [\n    2,",
            "lexicon.toml: headcount.person_words[0]: expected a word (text), got a number",
        ),
        ("\n[stopwords]\n", "\n[stopword]\n", "lexicon.toml: [stopwords]: table missing"),
        ("\n[stopwords]\n", "\n[stopword]\n", "lexicon.toml: stopword: unknown table"),
        ("[headcount]\nperson_words", "[headcount]\nperson_word", "lexicon.toml: headcount.person_word: unknown key"),
    ],
)
def test_a_broken_lexicon_is_reported_by_file_and_key(tmp_path, old, new, expected):
    check = load_lexicon(_write_lexicon(tmp_path, old, new))
    assert check.lexicon is None
    assert any(expected in str(problem) for problem in check.errors), check.errors


def test_an_alias_written_twice_is_reported_with_its_line(tmp_path):
    path = _write_lexicon(tmp_path, '"ely" = "elinvoimakeskus"\n', '"ely" = "elinvoimakeskus"\n"ely" = "ely"\n')
    line = path.read_text(encoding="utf-8").splitlines().index('"ely" = "ely"') + 1
    check = load_lexicon(path)
    assert check.lexicon is None
    [problem] = check.errors
    assert str(problem).startswith(f"lexicon.toml: not valid TOML at line {line}, column ")
    assert str(problem).endswith('(is this key written twice?): "ely" = "ely"')


def test_a_toml_syntax_error_names_the_line(tmp_path):
    path = _write_lexicon(tmp_path, "\n[needs]\n", "\n[needs\n")
    line = path.read_text(encoding="utf-8").splitlines().index("[needs") + 1
    [problem] = load_lexicon(path).errors
    assert str(problem).startswith(f"lexicon.toml: not valid TOML at line {line}, column ")
    assert str(problem).endswith(": [needs")


def test_a_word_under_two_needs_is_a_warning_unless_declared_shared(tmp_path):
    check = load_lexicon(_write_lexicon(tmp_path, "equity = [\n", 'equity = [\n    "laina",'))
    assert check.lexicon is not None and check.errors == ()
    assert [str(problem) for problem in check.warnings] == [
        "lexicon.toml: needs.equity: 'laina' also triggers need 'loan'; "
        "list it in [shared_words] needs if that is deliberate"
    ]
    assert "laina" in check.lexicon.needs["equity"]


def test_a_shared_word_declaration_must_match_the_needs(tmp_path):
    others = '"mentori", "mentorointi", "mentor", "yrityshautomo",\n    "hautomo", "incubator",\n'
    shared = f'needs = [\n    "halli", "rahoitus", "funding", "financing", "fund", {others}'
    replaced = f'needs = [\n    "rahoitus", "funding", "financing", "fund", "laina", {others}'
    check = load_lexicon(_write_lexicon(tmp_path, shared, replaced))
    assert check.errors == ()
    assert {str(problem) for problem in check.warnings} == {
        "lexicon.toml: shared_words.needs: 'laina' is declared shared but is only under needs.loan",
        "lexicon.toml: needs.premises: 'halli' also triggers need 'investment'; "
        "list it in [shared_words] needs if that is deliberate",
    }


def test_a_knowledge_base_without_its_own_lexicon_uses_the_bundled_one():
    assert not (SMALL_KB / LEXICON_FILE).exists()
    kb = load_knowledge_base(SMALL_KB)
    bundled = load_lexicon(BUNDLED_LEXICON).lexicon
    assert kb.lexicon is not None and bundled is not None
    assert dict(kb.lexicon.needs) == dict(bundled.needs)
    assert dict(kb.lexicon.aliases.table) == dict(bundled.aliases.table)


def test_the_loader_does_not_read_the_lexicon_as_a_provider_file(kb_copy):
    _write_lexicon(kb_copy)
    kb = load_knowledge_base(kb_copy)
    assert kb.errors == [] and kb.provider_count == 4 and kb.service_count == 5
    assert LEXICON_FILE not in kb.source_files.values()
    bundled = load_knowledge_base(BUNDLED_KB)
    assert bundled.errors == [] and bundled.lexicon is not None
    assert LEXICON_FILE not in bundled.source_files.values()


@pytest.mark.parametrize("analyzer", ["voikko", "plain"])
def test_a_knowledge_base_lexicon_changes_what_the_finder_understands(kb_copy, analyzer):
    def found(question: str) -> list[str]:
        finder = Finder(load_knowledge_base(kb_copy), analyzer_named(analyzer))
        return [match.service.id for match in finder.search(question).matches]

    assert found("fv:ltä apua") == []
    assert found("työmiehiä Mikkeliin") == []
    _write_lexicon(kb_copy, '"konkka" = "konkurssi"\n', '"konkka" = "konkurssi"\n"fv" = "finnvera"\n')
    assert found("fv:ltä apua") == ["finnvera-alkutakaus"]
    _write_lexicon(kb_copy, "recruitment = [\n", 'recruitment = [\n    "työmies",')
    assert found("työmiehiä Mikkeliin")[:1] == ["tyo-mikkeli-rekry"]


def test_the_finder_reads_facets_with_its_lexicon(kb_copy):
    def sector(question: str) -> str | None:
        return Finder(load_knowledge_base(kb_copy), analyzer_named("plain")).read_facets(question).sector

    facets = Finder(load_knowledge_base(kb_copy), analyzer_named("plain")).read_facets("2 hengen kahvila Mikkelissä")
    assert (facets.municipality and facets.municipality.fi, facets.size, facets.sector) == (
        "Mikkeli",
        "micro",
        "hospitality",
    )
    assert sector("kuppila Mikkelissä") is None
    _write_lexicon(kb_copy, '"kahvila",', '"kahvila", "kuppila",')
    assert sector("kuppila Mikkelissä") == "hospitality"


def test_a_broken_lexicon_makes_the_knowledge_base_invalid(kb_copy, capsys):
    _write_lexicon(kb_copy, "guarantee = [", "takuu = [")
    kb = load_knowledge_base(kb_copy)
    assert kb.lexicon is None
    assert [str(problem) for problem in kb.errors] == [
        f"lexicon.toml: needs.takuu: unknown need id 'takuu'; known: {', '.join(sorted(NEED_IDS))}"
    ]
    with pytest.raises(KnowledgeBaseError, match=re.escape("lexicon.toml: needs.takuu")):
        load_valid_knowledge_base(kb_copy)
    assert main(["kb", "check", "--kb", str(kb_copy)]) == 1
    out = capsys.readouterr().out
    assert "error: lexicon.toml: needs.takuu: unknown need id 'takuu'" in out and "FAILED" in out


def test_a_finder_refuses_a_knowledge_base_without_a_lexicon(kb_copy):
    _write_lexicon(kb_copy, "\n[needs]\n", "\n[needs\n")
    with pytest.raises(KnowledgeBaseError, match=re.escape("lexicon.toml: not valid TOML")):
        Finder(load_knowledge_base(kb_copy), analyzer_named("plain"))
    with pytest.raises(KnowledgeBaseError, match="no lexicon was loaded"):
        Finder(KnowledgeBase(), analyzer_named("plain"))
