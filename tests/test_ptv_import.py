"""The PTV import: a stub of the v11 open API on 127.0.0.1 serving fixture pages, and a saved export file."""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.curation_cli import add_curation_commands
from knowledge.loader import load_knowledge_base
from knowledge.ptv_format import PtvFormatError, fetch_export, parse_service, read_export
from knowledge.ptv_import import ETELA_SAVO, REPORT_FILE, PtvImportError, import_ptv
from tests.clock import FakeClock
from tests.conftest import KB_PATH

PTV = Path(__file__).resolve().parent / "data" / "ptv"
TODAY = date(2026, 11, 30)
NEUVONTA = "6a1e0b2c-3d4e-4f50-8a61-7b8c9d0e1f01"
PALKKATUKI = "6a1e0b2c-3d4e-4f50-8a61-7b8c9d0e1f03"
WITHDRAWN = "00000000-0000-4000-8000-00000000dead"


class StubPtv:
    """The v11 open API's services-by-municipality route, serving `tests/data/ptv/services-*-page*.json`."""

    def __init__(self, fail_with: int = 0) -> None:
        self.requests: list[str] = []
        self.fail_with = fail_with
        app = web.Application()
        app.router.add_get("/api/v11/Service/list/area/Municipality/code/{code}", self.services)
        self.server = TestServer(app, host="127.0.0.1")  # a free port, the loopback interface only

    async def services(self, request: web.Request) -> web.Response:
        self.requests.append(request.path_qs)
        if self.fail_with:
            return web.json_response({"error": "unavailable"}, status=self.fail_with)
        page = int(request.query.get("page", "1"))
        fixture = PTV / f"services-{request.match_info['code']}-page{page}.json"
        if fixture.exists():
            return web.Response(text=fixture.read_text(encoding="utf-8"), content_type="application/json")
        return web.json_response({"pageNumber": page, "pageSize": 100, "pageCount": 0, "itemList": None})

    @property
    def url(self) -> str:
        return str(self.server.make_url("")).rstrip("/")


@pytest.fixture
async def stub():
    server = StubPtv()
    await server.server.start_server()
    yield server
    await server.server.close()


@pytest.fixture
def curated(tmp_path: Path) -> Path:
    """The test knowledge base with two services linked to PTV: one PTV still has, one it no longer has."""
    folder = tmp_path / "kb"
    shutil.copytree(KB_PATH, folder)
    path = folder / "tyo-mikkeli.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data["service"][0]["ptv_id"] = PALKKATUKI
    data["service"][1]["ptv_id"] = WITHDRAWN
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return folder


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    add_curation_commands(parser.add_subparsers())
    args = parser.parse_args(argv)
    return int(args.func(args, FakeClock(datetime(2026, 11, 30, 10, 0, tzinfo=UTC))))


def services_in(folder: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for path in folder.glob("*.toml"):
        for service in tomllib.loads(path.read_text(encoding="utf-8"))["service"]:
            found[service["ptv_id"]] = {**service, "_file": path.name}
    return found


async def test_fetching_pages_through_the_api_gives_drafts_and_a_change_report(stub, curated, tmp_path, capsys):
    before = {path.name: path.read_bytes() for path in curated.iterdir() if path.is_file()}
    export, out = tmp_path / "ptv.json", tmp_path / "drafts"
    argv = [
        "import-ptv",
        str(export),
        str(out),
        "--fetch",
        stub.url,
        "--municipality",
        "491",
        "593",
        "--kb",
        str(curated),
    ]

    assert await asyncio.to_thread(run, argv) == 0  # the CLI blocks; the stub answers on this loop

    assert stub.requests == [
        "/api/v11/Service/list/area/Municipality/code/491?includeWholeCountry=false&page=1",
        "/api/v11/Service/list/area/Municipality/code/491?includeWholeCountry=false&page=2",
        "/api/v11/Service/list/area/Municipality/code/593?includeWholeCountry=false&page=1",
    ]
    saved = json.loads(export.read_text(encoding="utf-8"))
    assert saved["source"] == stub.url and len(saved["pages"]) == 3
    drafts = services_in(out)
    assert set(drafts) == {
        NEUVONTA,  # listed under both municipalities, drafted once
        "6a1e0b2c-3d4e-4f50-8a61-7b8c9d0e1f04",
        "6a1e0b2c-3d4e-4f50-8a61-7b8c9d0e1f07",
        "6a1e0b2c-3d4e-4f50-8a61-7b8c9d0e1f08",
    }
    neuvonta = drafts[NEUVONTA]
    assert (
        neuvonta["name_fi"] == "Aloittavan yrittäjän neuvonta" and neuvonta["name_en"] == "Advice for new entrepreneurs"
    )
    assert neuvonta["summary_fi"].startswith("Maksutonta neuvontaa") and neuvonta["charge"] == "free"
    assert neuvonta["municipalities"] == ["491", "593"] and neuvonta["needs"] == ["starting", "general_advice"]
    assert neuvonta["eligibility_fi"].startswith("Yrityksen toimipaikka") and "how_to_apply_fi" in neuvonta
    assert neuvonta["source_url"].endswith(f"/api/v11/Service/{NEUVONTA}") and "link" not in neuvonta
    assert "Neuvoja käy kanssasi läpi liikeidean" in neuvonta["notes"] and "CC0" in neuvonta["notes"]
    assert drafts["6a1e0b2c-3d4e-4f50-8a61-7b8c9d0e1f04"]["charge"] == "paid"
    kokeilu = drafts["6a1e0b2c-3d4e-4f50-8a61-7b8c9d0e1f07"]
    assert kokeilu["_file"] == "ptv-tyo-mikkeli.toml" and kokeilu["id"].startswith("tyo-mikkeli-")
    header = (out / "ptv-tyo-mikkeli.toml").read_text(encoding="utf-8")
    assert "already has this provider (tyo-mikkeli.toml)" in header and header.startswith("# DRAFT")

    report = (out / REPORT_FILE).read_text(encoding="utf-8")
    assert report == capsys.readouterr().out.split("\n", 1)[1]  # the printed report, after the fetch line
    assert f"tyo-mikkeli-palkkatuki ({PALKKATUKI}) summary_fi:" in report
    assert "hae ennen työsuhteen alkua" in report and "changed in PTV on 2026-11-20" in report
    assert f"tyo-mikkeli-palkkatuki ({PALKKATUKI}) municipalities:" in report and "PTV:     097, 491" in report
    assert f"tyo-mikkeli-rekry (ptv_id {WITHDRAWN})" in report
    assert "'Kirjaston lainauspalvelut' (6a1e0b2c-3d4e-4f50-8a61-7b8c9d0e1f02): not for companies" in report
    assert PALKKATUKI not in drafts  # a curated service becomes no draft
    assert {path.name: path.read_bytes() for path in curated.iterdir() if path.is_file()} == before


async def test_every_municipality_of_etela_savo_is_asked_by_default(stub, curated, tmp_path):
    argv = [
        "import-ptv",
        str(tmp_path / "ptv.json"),
        str(tmp_path / "out"),
        "--fetch",
        stub.url + "/",
        "--kb",
        str(curated),
    ]
    assert await asyncio.to_thread(run, argv) == 0
    asked = {request.split("/code/")[1].split("?")[0] for request in stub.requests}
    assert asked == set(ETELA_SAVO) and len(stub.requests) == len(ETELA_SAVO) + 1  # Mikkeli has two pages
    again = [
        "import-ptv",
        str(tmp_path / "ptv.json"),
        str(tmp_path / "other"),
        "--fetch",
        stub.url,
        "--kb",
        str(curated),
    ]
    assert await asyncio.to_thread(run, again) == 2  # a saved export is never overwritten by a new fetch
    assert len(stub.requests) == len(ETELA_SAVO) + 1 and not (tmp_path / "other").exists()


async def test_a_failing_server_is_reported_and_nothing_is_written(curated, tmp_path, capsys):
    failing = StubPtv(fail_with=503)
    await failing.server.start_server()
    try:
        argv = [
            "import-ptv",
            str(tmp_path / "ptv.json"),
            str(tmp_path / "out"),
            "--fetch",
            failing.url,
            "--kb",
            str(curated),
        ]
        assert await asyncio.to_thread(run, argv) == 2
    finally:
        await failing.server.close()
    assert "HTTP 503" in capsys.readouterr().err and "/code/046" in failing.requests[0]
    assert not (tmp_path / "ptv.json").exists() and not (tmp_path / "out").exists()


def test_a_saved_export_file_is_imported_and_filling_the_listed_fields_is_all_a_draft_needs(curated, tmp_path):
    data = json.loads((PTV / "export-saved.json").read_text(encoding="utf-8"))
    out = tmp_path / "out"

    report = import_ptv(read_export(data), "export-saved.json", out, curated, TODAY)

    reasons = {skipped.name: skipped.reason for skipped in report.skipped}
    assert reasons["Kirjaston lainauspalvelut"].startswith("not for companies")
    assert reasons["Valtakunnallinen yritysneuvonta"].startswith("offered nationwide")
    assert reasons["Helsingin yrityspalvelut"] == "not in the chosen municipalities (areas: 091)"
    assert "1 item(s) of the export had no service id" in str(report)
    assert {path.name for path in report.files_written} == {
        "ptv-mikkelin-kehitys-esimerkki-oy.toml",
        "ptv-saimaan-matkailu-esimerkki-ry.toml",
    }
    found = {(problem.file, problem.field.split(".")[-1]) for problem in load_knowledge_base(out, TODAY).errors}
    assert ("ptv-mikkelin-kehitys-esimerkki-oy.toml", "kind") in found
    assert ("ptv-mikkelin-kehitys-esimerkki-oy.toml", "link") in found
    assert ("ptv-mikkelin-kehitys-esimerkki-oy.toml", "last_reviewed") in found  # never "reviewed today"

    done = tmp_path / "done"
    done.mkdir()
    for path in report.files_written:
        content = tomllib.loads(path.read_text(encoding="utf-8"))
        content["provider"].update(kind="regional", web="https://www.example.fi")
        for service in content["service"]:
            service.update(link="https://www.example.fi/palvelu", last_reviewed=TODAY)
        (done / path.name).write_text(tomli_w.dumps(content), encoding="utf-8")
    kb = load_knowledge_base(done, TODAY)
    assert kb.errors == [] and kb.service_count == 2


def test_nothing_is_ever_overwritten_and_the_knowledge_base_itself_is_refused(curated, tmp_path):
    export = read_export(json.loads((PTV / "export-saved.json").read_text(encoding="utf-8")))
    out = tmp_path / "out"
    import_ptv(export, "saved", out, curated, TODAY)
    written = {path.name: path.read_bytes() for path in out.iterdir()}

    with pytest.raises(PtvImportError, match="refusing to overwrite"):
        import_ptv(export, "saved", out, curated, TODAY)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == written
    with pytest.raises(PtvImportError, match="knowledge base itself"):
        import_ptv(export, "saved", curated, curated, TODAY)


def test_a_saved_fetch_reads_back_the_same_as_the_pages(tmp_path):
    pages = [
        json.loads((PTV / name).read_text(encoding="utf-8"))
        for name in ("services-491-page1.json", "services-491-page2.json")
    ]
    saved = {"source": "https://ptv.example", "api": "v11", "municipalities": ["491"], "pages": pages}
    assert [s.id for s in read_export(saved).services] == [s.id for s in read_export(pages).services]
    items = [item for page in pages for item in page["itemList"]]
    assert [s.id for s in read_export(items).services] == [s.id for s in read_export(pages).services]
    with pytest.raises(PtvFormatError):
        read_export({"organizations": []})


def test_the_service_shape_is_read_leniently():
    service = parse_service(
        {
            "id": "x-1",
            "serviceNames": [
                {"type": "AlternativeName", "language": "fi", "value": "Toinen"},
                {"type": "Name", "language": "fi", "value": "Nimi"},
            ],
            "serviceDescriptions": None,
            "areaType": "LimitedType",
            "areas": [{"type": "Region", "code": "10", "municipalities": [{"code": 46}, {"code": "491"}]}],
            "targetGroups": [
                {
                    "uri": "http://uri.suomi.fi/codelist/ptv/ptvkohderyhmat/code/KR2.1",
                    "name": {"language": "fi", "value": "Pk-yritykset"},
                }
            ],
            "serviceClasses": [{"code": "P10", "name": None}],
            "organizations": [{"roleType": "Producer", "organization": {"id": "o2", "name": "Tuottaja"}}],
        }
    )
    assert service is not None
    assert service.names == {"fi": "Nimi"} and service.summaries == {}
    assert service.municipalities == ("046", "491") and service.target_groups == ("KR2.1",) and service.for_companies
    assert service.service_classes == ("P10",) and service.organization == "Tuottaja"
    assert parse_service({"serviceNames": []}) is None


def test_only_http_addresses_are_fetched():
    with pytest.raises(PtvFormatError, match="not an http"):
        fetch_export("file:///etc/passwd", ["491"])
    asked: list[str] = []

    def answer(url: str) -> bytes:
        asked.append(url)
        return b"<html>not json</html>"

    with pytest.raises(PtvFormatError, match="not JSON"):
        fetch_export("https://ptv.example/", ["491"], get=answer)
    assert asked == [
        "https://ptv.example/api/v11/Service/list/area/Municipality/code/491?includeWholeCountry=false&page=1"
    ]


def test_municipality_codes_outside_etela_savo_are_refused(tmp_path, capsys):
    assert run(["import-ptv", str(PTV / "export-saved.json"), str(tmp_path / "out"), "--municipality", "091"]) == 2
    assert "municipality codes must be among" in capsys.readouterr().err
