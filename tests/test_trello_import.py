"""The Trello importer: a service-map board export becomes draft provider files a curator can finish."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path

import pytest
import tomli_w

from knowledge.loader import load_knowledge_base
from knowledge.trello_import import ImportReport, TrelloImportError, import_board
from knowledge.trello_text import map_label

BOARD = Path(__file__).resolve().parent / "data" / "trello_board.json"
TODAY = date(2026, 12, 1)
EXPECTED_FILES = {
    "takuurahasto-kantti.toml": ["Pienlainan takaus", "Kasvulaina"],
    "jarvi-savon-yrityskeskus.toml": ["Vientivalmennus", "Omistajanvaihdosneuvonta", "Digiklinikka"],
    "kasvupolku-example.toml": ["Messuosallistumisen tuki"],
    "savon-tyollisyysalue.toml": ["Ensimmäisen työntekijän palkkaaminen"],
    "tuntematon.toml": ["Yrittäjän aamukahvit"],
}


def _import(outdir: Path, board: Path = BOARD) -> ImportReport:
    return import_board(board, outdir, today=TODAY)


def _read(path: Path) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def _services(outdir: Path) -> dict[str, dict]:
    return {service["name_fi"]: service for path in outdir.glob("*.toml") for service in _read(path)["service"]}


def test_one_draft_file_per_provider_with_its_services(tmp_path):
    report = _import(tmp_path)

    assert {path.name for path in report.files_written} == set(EXPECTED_FILES)
    for file_name, names in EXPECTED_FILES.items():
        content = _read(tmp_path / file_name)
        assert [service["name_fi"] for service in content["service"]] == names
    assert _read(tmp_path / "jarvi-savon-yrityskeskus.toml")["provider"]["name"] == "Järvi-Savon Yrityskeskus"
    assert len(report.cards_imported) == 8

    services = _services(tmp_path)
    takaus = services["Pienlainan takaus"]
    assert takaus["id"] == "takuurahasto-kantti-pienlainan-takaus"
    assert takaus["summary_fi"] == "Takaus pankkilainalle, kun yrityksen omat vakuudet eivät riitä."
    assert takaus["link"] == takaus["source_url"] == "https://www.kantti.example/takaus/pienlaina"
    assert "- takaus enintään 80 %" in takaus["notes"]  # the rest of the description, markdown stripped
    assert "takauksesta peritään vuosimaksu" in takaus["notes"]
    assert "Checklist 'Hakemuksen liitteet': Tilinpäätös; Liiketoimintasuunnitelma" in takaus["notes"]
    assert "https://trello.com/c/" in takaus["notes"]

    valmennus = services["Vientivalmennus"]  # heading, provider line and Trello smart link in the description
    assert valmennus["summary_fi"].startswith("Ryhmävalmennus yrityksille")
    assert valmennus["link"] == "https://www.yrityskeskus.example/vienti"
    assert "Palveluntarjoaja" not in valmennus["summary_fi"]
    assert "Valmennus kestää 3 kk - kuusi tapaamista." in valmennus["notes"]


def test_labels_and_list_names_become_need_ids(tmp_path):
    _import(tmp_path)
    services = _services(tmp_path)

    assert services["Pienlainan takaus"]["needs"] == ["guarantee", "loan"]
    assert services["Vientivalmennus"]["needs"] == ["export"]  # "Vienti" and "Kansainvälistyminen", once
    assert services["Omistajanvaihdosneuvonta"]["needs"][0] == "ownership_change"  # label "OV"
    assert services["Digiklinikka"]["needs"] == ["digitalisation"]
    assert services["Ensimmäisen työntekijän palkkaaminen"]["needs"][:2] == ["recruitment", "wage_subsidy"]
    assert "Trello list (category): Rahoitus" in services["Kasvulaina"]["notes"]


@pytest.mark.parametrize(
    ("label", "needs"),
    [
        ("Rahoitus", ["loan"]),
        ("TAKAUS", ["guarantee"]),
        ("Rekrytointi", ["recruitment"]),
        ("Kansainvälistyminen", ["export"]),
        ("kansainvalistyminen", ["export"]),
        ("Vienti", ["export"]),
        ("OV", ["ownership_change"]),
        ("Omistajanvaihdos", ["ownership_change"]),
        ("Palkkatuki", ["wage_subsidy"]),
        ("Vienti / Rahoitus", ["export", "loan"]),
        ("Koronatuki", None),
        ("Vienti / Koronatuki", None),
    ],
)
def test_label_names_map_to_vocabulary_needs(label, needs):
    assert map_label(label) == needs


def test_archived_cards_and_cards_on_archived_lists_are_skipped_and_reported(tmp_path):
    report = _import(tmp_path)

    reasons = {card.card: card.reason for card in report.cards_skipped}
    assert reasons == {
        "Koronalaina": "archived card",
        "Kehittämishanke 2019–2021": "on the archived list 'Päättyneet hankkeet'",
    }
    assert not {"Koronalaina", "Kehittämishanke 2019–2021"} & set(_services(tmp_path))
    assert "skipped 'Koronalaina': archived card" in str(report)


def test_unknown_labels_are_kept_in_notes_and_reported(tmp_path):
    report = _import(tmp_path)
    services = _services(tmp_path)

    assert report.unmapped_labels == {
        "Koronatuki": ["Kasvulaina"],  # the archived card carrying it is not counted
        "(unnamed green_dark label)": ["Ensimmäisen työntekijän palkkaaminen"],
    }
    assert "Trello labels not mapped to a need: Koronatuki" in services["Kasvulaina"]["notes"]
    assert "(unnamed green_dark label)" in services["Ensimmäisen työntekijän palkkaaminen"]["notes"]
    assert "'Koronatuki' on Kasvulaina" in str(report)


def test_card_without_provider_goes_to_the_unknown_provider_draft(tmp_path):
    report = _import(tmp_path)

    content = _read(tmp_path / "tuntematon.toml")
    assert content["provider"]["id"] == "tuntematon"
    assert "name" not in content["provider"]  # the check asks a curator to name (or move) it
    assert [service["name_fi"] for service in content["service"]] == ["Yrittäjän aamukahvit"]
    assert any("provider: " in item and "name" in item for item in report.to_fill["tuntematon.toml"])


def test_provider_comes_from_field_line_or_link_domain(tmp_path):
    _import(tmp_path)
    services = _services(tmp_path)

    assert "Provider from: custom field 'Palveluntarjoaja'" in services["Kasvulaina"]["notes"]
    assert "'Palveluntarjoaja:' line" in services["Vientivalmennus"]["notes"]
    # only a link: the domain other cards of a named provider link to, else the domain itself as a guess
    assert services["Digiklinikka"]["id"].startswith("jarvi-savon-yrityskeskus-")
    assert "a guess: check" in services["Messuosallistumisen tuki"]["notes"]
    assert "Hakuaika: Jatkuva haku" in services["Kasvulaina"]["notes"]  # other custom fields are kept


def test_a_text_provider_field_works_like_a_dropdown(tmp_path):
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    field = next(item for item in board["customFields"] if item["name"] == "Palveluntarjoaja")
    options = {option["id"]: option["value"]["text"] for option in field.pop("options")}
    field["type"] = "text"
    for card in board["cards"]:
        for item in card["customFieldItems"]:
            if item.get("idValue"):
                item["value"] = {"text": options[item.pop("idValue")]}
    path = tmp_path / "board.json"
    path.write_text(json.dumps(board, ensure_ascii=False), encoding="utf-8")

    report = _import(tmp_path / "out", path)

    assert {path.name for path in report.files_written} == set(EXPECTED_FILES)


def test_the_check_lists_what_the_curator_must_fill_in(tmp_path):
    _import(tmp_path)

    kb = load_knowledge_base(tmp_path, today=TODAY)

    found = {(problem.file, problem.field) for problem in kb.errors}
    for file_name in EXPECTED_FILES:
        assert (file_name, "provider.kind") in found
        assert (file_name, "provider.municipalities") in found
    takaus = "service[0] (takuurahasto-kantti-pienlainan-takaus)"
    for name in ("name_en", "summary_en", "last_reviewed", "charge"):  # never guessed, never "reviewed today"
        assert ("takuurahasto-kantti.toml", f"{takaus}.{name}") in found
    ov = "service[1] (jarvi-savon-yrityskeskus-omistajanvaihdosneuvonta)"
    assert ("jarvi-savon-yrityskeskus.toml", f"{ov}.link") in found  # only an http link on the card
    assert ("tuntematon.toml", "provider.name") in found
    assert kb.services == []
    header = (tmp_path / "takuurahasto-kantti.toml").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# DRAFT") and "NOT REVIEWED" in header


def test_filling_in_the_listed_fields_is_all_a_draft_needs(tmp_path):
    _import(tmp_path / "drafts")
    done = tmp_path / "done"
    done.mkdir()
    for path in (tmp_path / "drafts").glob("*.toml"):
        content = _read(path)
        content["provider"].update(kind="regional", municipalities=["491"], web="https://www.example.fi")
        content["provider"].setdefault("name", "Nimetty tarjoaja")
        for service in content["service"]:
            service.update(name_en="Service", summary_en="A service for companies.", charge="free", last_reviewed=TODAY)
            service.setdefault("link", "https://www.example.fi/palvelu")
            service.setdefault("source_url", "https://www.example.fi/palvelu")
        (done / path.name).write_text(tomli_w.dumps(content), encoding="utf-8")

    kb = load_knowledge_base(done, today=TODAY)

    assert kb.errors == []
    assert kb.service_count == 8


def test_refuses_to_overwrite_and_writes_nothing(tmp_path):
    _import(tmp_path / "first")
    with pytest.raises(FileExistsError, match="refusing to overwrite"):
        _import(tmp_path / "first")

    outdir = tmp_path / "second"
    outdir.mkdir()
    curated = outdir / "savon-tyollisyysalue.toml"
    curated.write_text("# curated by hand\n", encoding="utf-8")
    with pytest.raises(TrelloImportError, match=r"savon-tyollisyysalue\.toml"):
        _import(outdir)
    assert curated.read_text(encoding="utf-8") == "# curated by hand\n"
    assert [path.name for path in outdir.iterdir()] == ["savon-tyollisyysalue.toml"]


def test_not_a_board_export_is_a_clear_error(tmp_path):
    path = tmp_path / "cards.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(TrelloImportError, match="not a Trello board export"):
        _import(tmp_path / "out", path)
    assert not (tmp_path / "out").exists()
