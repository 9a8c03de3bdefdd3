"""Teams app manifest, icons and package, checked offline with Microsoft's schemas."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from PIL import Image, ImageChops
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

from app_manifest import draw_icons
from app_manifest.package import build_manifest, write_package

ROOT = Path(__file__).resolve().parents[1]
MANIFEST_DIR = ROOT / "app_manifest"
NPM_PACKAGE = ROOT / "node_modules" / "@microsoft" / "app-manifest"
SCHEMA_DIR = NPM_PACKAGE / "build" / "json-schemas" / "teams"
SCHEMA_URL_PREFIX = "https://developer.microsoft.com/json-schemas/teams/"

APP_ID = "3f2b8c1e-5a4d-4e7b-9c21-6d8e0f1a2b3c"
# The Teams commands of the design's external contract: Finnish name -> English alias.
COMMANDS = {
    "apua": "help",
    "kysely": "poll",
    "webinaari": "webinar",
    "webinaarit": "webinars",
    "tiedote": "announce",
    "ohjaus": "referral",
    "ohjaukset": "referrals",
    "raportti": "report",
}
ALLOWED_COMMANDS = set(COMMANDS) | set(COMMANDS.values())
COMMAND_KEY = re.compile(r"bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(\w+)")
WHITE = (255, 255, 255)


def _schema_text(url: str) -> str:
    """Return a bundled schema's text for its developer.microsoft.com URL, offline."""
    if not url.startswith(SCHEMA_URL_PREFIX):
        raise NoSuchResource(ref=url)
    path = SCHEMA_DIR / url[len(SCHEMA_URL_PREFIX) :]
    if not path.is_file():
        pytest.fail(
            f"Teams schema {url} not found at {path}: run `npm ci` in {ROOT} "
            "to install @microsoft/app-manifest (package.json)."
        )
    # Same clean-up as the npm package's own loader: "\a" and "\v" are not JSON escapes.
    return path.read_text(encoding="utf-8").replace("\\a", "\\u0007").replace("\\v", "\\u000b")


def _retrieve(url: str) -> Resource:
    """Resolve a $ref to another schema file from node_modules, offline."""
    return Resource.from_contents(json.loads(_schema_text(url)))


def validator_for(schema_url: str) -> Draft4Validator:
    """Return a validator for the bundled Teams schema at schema_url (draft-04)."""
    registry = Registry(retrieve=_retrieve)
    return Draft4Validator(
        {"$ref": schema_url},
        registry=registry,
        format_checker=Draft4Validator.FORMAT_CHECKER,
    )


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Return the errors of a manifest or localization file against its $schema."""
    errors = validator_for(document["$schema"]).iter_errors(document)
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)


def command_lists(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the bot's command lists."""
    return manifest["bots"][0]["commandLists"]


@pytest.fixture
def manifest() -> dict[str, Any]:
    return build_manifest(APP_ID)


@pytest.fixture
def localization() -> dict[str, Any]:
    return json.loads((MANIFEST_DIR / "en.json").read_text(encoding="utf-8"))


@pytest.fixture
def package(tmp_path: Path) -> Iterator[zipfile.ZipFile]:
    path = write_package(APP_ID, tmp_path / "kasvuopas.zip")
    with zipfile.ZipFile(path) as zf:
        zf.testzip()
        yield zf


# (1) Schema validation --------------------------------------------------------------


def test_manifest_uses_a_current_schema_matching_its_version(
    manifest: dict[str, Any],
) -> None:
    version = manifest["manifestVersion"]
    major, minor = map(int, version.split("."))
    assert (major, minor) >= (1, 17)
    assert manifest["$schema"] == f"{SCHEMA_URL_PREFIX}v{version}/MicrosoftTeams.schema.json"


def test_built_manifest_is_valid_against_microsofts_schema(
    manifest: dict[str, Any],
) -> None:
    assert schema_errors(manifest) == []


def test_schema_check_catches_errors(manifest: dict[str, Any]) -> None:
    manifest["name"]["short"] = "K" * 31
    manifest["bots"][0]["commandLists"][0]["commands"] *= 2  # 16 > the schema's 12
    del manifest["developer"]["privacyUrl"]
    errors = schema_errors(manifest)
    assert any(e.startswith("name/short:") for e in errors)
    assert any(e.startswith("bots/0/commandLists/0/commands:") for e in errors)
    assert any("privacyUrl" in e for e in errors)


def test_localization_schema_check_catches_errors(localization: dict[str, Any]) -> None:
    del localization["description.full"]
    localization["bots[0].commandLists[0].commands[0].title"] = "h" * 129
    localization["unknown.key"] = "x"
    errors = schema_errors(localization)
    assert any("'description.full' is a required property" in e for e in errors)
    assert any(e.startswith("bots[0].commandLists[0].commands[0].title:") for e in errors)
    assert any("unknown.key" in e for e in errors)


def test_missing_npm_schemas_fail_with_a_hint(
    manifest: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.modules[__name__], "SCHEMA_DIR", tmp_path / "missing")
    with pytest.raises(pytest.fail.Exception, match="npm ci"):
        schema_errors(manifest)


def test_template_needs_an_app_id() -> None:
    template = json.loads((MANIFEST_DIR / "manifest.json").read_text(encoding="utf-8"))
    errors = schema_errors(template)
    assert any(e.startswith("id:") for e in errors)
    assert any(e.startswith("bots/0/botId:") for e in errors)


def test_english_localization_is_valid(localization: dict[str, Any]) -> None:
    assert schema_errors(localization) == []


def test_english_localization_uses_the_english_aliases(manifest: dict[str, Any], localization: dict[str, Any]) -> None:
    lists = command_lists(manifest)
    keyed = {k: v for k, v in localization.items() if COMMAND_KEY.fullmatch(k)}
    expected_titles = {
        f"bots[0].commandLists[{i}].commands[{j}].title": COMMANDS[command["title"]]
        for i, command_list in enumerate(lists)
        for j, command in enumerate(command_list["commands"])
    }
    assert {k: v for k, v in keyed.items() if k.endswith(".title")} == expected_titles
    descriptions = {k for k in keyed if k.endswith(".description")}
    assert descriptions == {k.replace(".title", ".description") for k in expected_titles}
    assert localization["$schema"].startswith(f"{SCHEMA_URL_PREFIX}v{manifest['manifestVersion']}/")


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_package_passes_the_npm_validator(package: zipfile.ZipFile, tmp_path: Path) -> None:
    unpacked = tmp_path / "unpacked"
    package.extractall(unpacked)
    result = subprocess.run(
        [
            "node",
            str(MANIFEST_DIR / "validate_manifest.mjs"),
            str(unpacked / "manifest.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == {"ok": True, "errors": {}}


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_npm_validator_reports_errors(manifest: dict[str, Any], tmp_path: Path) -> None:
    manifest["name"]["short"] = "K" * 31
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    localization = json.loads((MANIFEST_DIR / "en.json").read_text(encoding="utf-8"))
    # Draft-04 ignores keywords beside "$ref": only ajv, not jsonschema, checks this.
    localization["name.short"] = "K" * 31
    (tmp_path / "en.json").write_text(json.dumps(localization), encoding="utf-8")
    result = subprocess.run(
        [
            "node",
            str(MANIFEST_DIR / "validate_manifest.mjs"),
            str(tmp_path / "manifest.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    errors = json.loads(result.stdout)["errors"]
    assert any("/name/short" in e for e in errors["manifest.json"])
    assert any(e.startswith("/name.short must NOT have more than 30") for e in errors["en.json"])


# (2) Package contents and icons ------------------------------------------------------


def test_package_has_exactly_the_manifest_icons_and_localization(
    package: zipfile.ZipFile, manifest: dict[str, Any]
) -> None:
    assert sorted(package.namelist()) == [
        "color.png",
        "en.json",
        "manifest.json",
        "outline.png",
    ]
    assert json.loads(package.read("manifest.json").decode("utf-8")) == manifest
    assert {manifest["icons"]["color"], manifest["icons"]["outline"]} == {
        "color.png",
        "outline.png",
    }
    for name in ("color.png", "outline.png", "en.json"):
        assert package.read(name) == (MANIFEST_DIR / name).read_bytes()


def test_write_package_is_reproducible(tmp_path: Path) -> None:
    first = write_package(APP_ID, tmp_path / "a" / "app.zip")
    second = write_package(APP_ID, tmp_path / "b" / "app.zip")
    assert first.read_bytes() == second.read_bytes()


def test_color_icon_is_192_full_colour(package: zipfile.ZipFile) -> None:
    icon = Image.open(io.BytesIO(package.read("color.png")))
    assert icon.format == "PNG"
    assert icon.size == (192, 192)
    colours = icon.convert("RGB").getcolors(maxcolors=192 * 192)
    assert colours is not None
    assert len(colours) > 16


def assert_white_on_transparent(icon: Image.Image) -> None:
    """Each pixel is white (any opacity) or fully transparent; the glyph isn't empty."""
    data = icon.convert("RGBA").tobytes()
    pixels = [tuple(data[i : i + 4]) for i in range(0, len(data), 4)]
    offenders = [p for p in pixels if p[3] != 0 and p[:3] != WHITE]
    assert offenders == []
    assert any(p[3] == 255 for p in pixels)
    assert any(p[3] == 0 for p in pixels)


def test_outline_icon_is_32_white_on_transparent(package: zipfile.ZipFile) -> None:
    icon = Image.open(io.BytesIO(package.read("outline.png")))
    assert icon.format == "PNG"
    assert icon.size == (32, 32)
    assert icon.mode == "RGBA"
    assert_white_on_transparent(icon)


def test_committed_icons_come_from_draw_icons() -> None:
    drawings = {
        "color.png": draw_icons.draw_color(),
        "outline.png": draw_icons.draw_outline(),
    }
    for name, drawn in drawings.items():
        committed = Image.open(MANIFEST_DIR / name).convert("RGBA")
        difference = ImageChops.difference(drawn.convert("RGBA"), committed)
        assert max(high for _, high in difference.getextrema()) <= 2, name
    assert_white_on_transparent(draw_icons.draw_outline())


# (3) App id -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad_id",
    [
        "",
        "kasvuopas",
        "{{MICROSOFT_APP_ID}}",
        "3f2b8c1e5a4d4e7b9c216d8e0f1a2b3c",
        "{3f2b8c1e-5a4d-4e7b-9c21-6d8e0f1a2b3c}",
        "3f2b8c1e-5a4d-4e7b-9c21-6d8e0f1a2b3",
        "3f2b8c1e-5a4d-4e7b-9c21-6d8e0f1a2b3g",
        "3f2b8c1e-5a4d-4e7b-9c21-6d8e0f1a2b3c-00",
    ],
)
def test_invalid_app_id_is_refused(bad_id: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="app id"):
        build_manifest(bad_id)
    with pytest.raises(ValueError, match="GUID"):
        write_package(bad_id, tmp_path / "app.zip")
    assert not (tmp_path / "app.zip").exists()


def test_app_id_fills_app_and_bot_id() -> None:
    built = build_manifest(APP_ID.upper())
    assert built["id"] == built["bots"][0]["botId"] == APP_ID
    assert "{{" not in json.dumps(built)


def test_version_can_be_set_and_is_checked() -> None:
    assert build_manifest(APP_ID, "2.3.4")["version"] == "2.3.4"
    assert build_manifest(APP_ID)["version"] == "1.0.0"
    with pytest.raises(ValueError, match="version"):
        build_manifest(APP_ID, "v2")


# (4) Names and commands -------------------------------------------------------------


def test_names_fit_teams_limits(manifest: dict[str, Any], localization: dict[str, Any]) -> None:
    assert manifest["name"]["short"] == "Kasvuopas"
    assert len(manifest["name"]["short"]) <= 30
    assert len(localization["name.short"]) <= 30
    assert len(manifest["description"]["short"]) <= 80


def test_commands_are_the_contract_commands(manifest: dict[str, Any]) -> None:
    lists = command_lists(manifest)
    assert lists
    for command_list in lists:
        titles = [command["title"] for command in command_list["commands"]]
        assert titles[0] == "apua"
        assert len(titles) == len(set(titles))
        assert set(titles) <= ALLOWED_COMMANDS
        assert set(titles) <= set(COMMANDS), "the default (Finnish) manifest uses Finnish commands"
        for command in command_list["commands"]:
            # Teams shows at most 32 characters of a title and 128 of a description.
            assert len(command["title"]) <= 32
            assert 0 < len(command["description"]) <= 128
    personal = next(cl for cl in lists if "personal" in cl["scopes"])
    assert {c["title"] for c in personal["commands"]} == set(COMMANDS)


def test_bot_settings(manifest: dict[str, Any]) -> None:
    bot = manifest["bots"][0]
    scopes = {"personal", "team", "groupChat"}
    assert set(bot["scopes"]) == scopes
    assert {s for cl in bot["commandLists"] for s in cl["scopes"]} == scopes
    assert bot["supportsFiles"] is False
    assert bot["isNotificationOnly"] is False
    assert sorted(manifest["permissions"]) == ["identity", "messageTeamMembers"]
    assert manifest["validDomains"]
    assert all("://" not in domain for domain in manifest["validDomains"])
