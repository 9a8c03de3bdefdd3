"""The knowledge base as curators meet it: `kb check` messages, the bundled data, refusing bad data."""

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from knowledge.loader import load_knowledge_base
from knowledge.vocab import NEEDS
from tests.knowledge_fixtures import SMALL_KB

BUNDLED = Path(__file__).resolve().parent.parent / "knowledge" / "data"


@pytest.fixture
def kb_copy(tmp_path):
    folder = tmp_path / "kb"
    shutil.copytree(SMALL_KB, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_bundled_knowledge_base_is_valid_and_covers_every_need():
    kb = load_knowledge_base(BUNDLED)
    assert kb.errors == []
    assert kb.provider_count >= 25 and kb.service_count >= 70
    primary = {service.needs[0] for service in kb.services}
    assert {need.id for need in NEEDS} <= primary


def test_kb_check_passes_and_warns_about_stale_entries(kb_copy, capsys):
    assert main(["kb", "check", "--kb", str(kb_copy)]) == 0
    out = capsys.readouterr().out
    assert "warning: maatilat.toml: service[0] (maatilaneuvonta-tilasuunnittelu).last_reviewed" in out
    assert "OK:" in out and "4 providers, 5 services" in out


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "finnvera.toml",
            'needs = ["guarantee"',
            'needs = ["takuu"',
            "finnvera.toml: service[0] (finnvera-alkutakaus).needs",
        ),
        ("finnvera.toml", 'name_fi = "Alkutakaus"', 'name_fi = ""', "service[0] (finnvera-alkutakaus).name_fi"),
        ("tyo-savonlinna.toml", '"740", "046"', '"740", "999"', "tyo-savonlinna.toml: provider.municipalities"),
        ("tyo-savonlinna.toml", 'id = "tyo-savonlinna-rekry"', 'id = "tyo-mikkeli-rekry"', "duplicate service id"),
        ("maatilat.toml", 'id = "maatilaneuvonta"', 'id = "finnvera"', "duplicate provider id 'finnvera'"),
        ("finnvera.toml", 'kind = "national"', 'kind = "valtio"', "finnvera.toml: provider.kind"),
        (
            "finnvera.toml",
            'id = "finnvera-alkutakaus"',
            'id = "finnvera-alkutakaus"\nprovider = "ei-ole"',
            "no provider with id 'ei-ole'",
        ),
        ("finnvera.toml", 'charge = "paid"', 'charge = "paid"\nhinta = 10', "service[0] (finnvera-alkutakaus).hinta"),
        (
            "finnvera.toml",
            'charge = "paid"',
            'charge = "paid"\nnot_for_subjects = ["aurinko paneeli"]',
            "service[0] (finnvera-alkutakaus).not_for_subjects: a subject is one word",
        ),
        ("finnvera.toml", "last_reviewed = 2026-11-20", "last_reviewed = 2099-01-01", "date is in the future"),
        ("finnvera.toml", "\n[provider]\n", "\n[provider\n", "finnvera.toml: not valid TOML"),
    ],
)
def test_kb_check_names_the_file_and_field_of_each_error(kb_copy, capsys, file, old, new, expected):
    _edit(kb_copy / file, old, new)
    assert main(["kb", "check", "--kb", str(kb_copy)]) == 1
    out = capsys.readouterr().out
    assert expected in out
    assert "FAILED" in out


def test_a_service_outside_its_providers_area_is_an_error(kb_copy, capsys):
    _edit(
        kb_copy / "tyo-mikkeli.toml",
        'needs = ["wage_subsidy", "recruitment"]',
        'needs = ["wage_subsidy", "recruitment"]\nmunicipalities = ["740"]',
    )
    assert main(["kb", "check", "--kb", str(kb_copy)]) == 1
    assert "outside the provider's area" in capsys.readouterr().out


def test_the_bot_refuses_to_start_on_an_invalid_knowledge_base(kb_copy, monkeypatch, tmp_path, capsys):
    _edit(kb_copy / "finnvera.toml", 'needs = ["guarantee"', 'needs = ["takuu"')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MicrosoftAppId", raising=False)
    monkeypatch.setenv("KASVUOPAS_KB", str(kb_copy))
    monkeypatch.setenv("KASVUOPAS_DB", str(tmp_path / "k.db"))
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "not starting" in err and "finnvera.toml: service[0] (finnvera-alkutakaus).needs" in err


def test_search_command_prints_json_and_answers_a_batch(capsys, monkeypatch):
    monkeypatch.setenv("KASVUOPAS_KB", str(SMALL_KB))
    assert main(["search", "--json", "--top", "2", "alkutakaus"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results[0]["service_id"] == "finnvera-alkutakaus"
    assert {"service_id", "name", "provider", "score", "why"} <= set(results[0])

    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("palkkatuki Juvalla\nhyvää huomenta\n\nalkutakaus\n"))
    assert main(["search", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    assert json.loads(lines[0])[0]["provider"] == "Mikkelin seudun työllisyysalue"
    assert json.loads(lines[1]) == [] and json.loads(lines[2]) == []
    assert json.loads(lines[3])[0]["name"] == "Alkutakaus"


def test_search_command_without_json_is_readable(capsys, monkeypatch):
    monkeypatch.setenv("KASVUOPAS_KB", str(SMALL_KB))
    assert main(["search", "alkutakaus"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. Alkutakaus — Finnvera")
    assert main(["search", "hyvää huomenta"]) == 0
    assert "No service fits" in capsys.readouterr().out


def test_import_trello_command_writes_drafts_and_refuses_to_overwrite(tmp_path, capsys):
    board = Path(__file__).parent / "data" / "trello_board.json"
    out = tmp_path / "drafts"
    assert main(["kb", "import-trello", str(board), str(out)]) == 0
    assert "Files written" in capsys.readouterr().out
    assert list(out.glob("*.toml"))
    assert main(["kb", "import-trello", str(board), str(out)]) == 2
    assert "exist" in capsys.readouterr().err


def test_the_bundled_finder_answers_the_design_example_sensibly():
    from knowledge.finder import Finder

    finder = Finder(load_knowledge_base(BUNDLED))
    result = finder.search("2 hengen kahvila Juvalla tarvitsee rahoitusta ja ensimmäisen työntekijän")
    top = [match.provider.name for match in result.matches[:5]]
    assert any("Uusyrityskeskus" in name or "Finnvera" in name for name in top), top
    assert any("Mikkelin seudun työllisyysalue" in name or "Esedu" in name for name in top), top
    assert not any("tukiverkko" in name.lower() or "Savonlinnan" in name for name in top), top
    assert result.facets.size == "micro" and result.facets.municipality.fi == "Juva"
