"""Build the Kasvuopas Teams app manifest and write the app package (zip)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "manifest.json"
APP_ID_PLACEHOLDER = "{{MICROSOFT_APP_ID}}"
GUID_RE = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
VERSION_RE = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")
# A fixed timestamp keeps the zip byte-for-byte reproducible.
ZIP_DATE = (2026, 1, 1, 0, 0, 0)


def load_template() -> dict[str, Any]:
    """Return the manifest template with the app-id placeholders still in it."""
    template: dict[str, Any] = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    return template


def check_app_id(app_id: str) -> str:
    """Return the app id in lower case, or raise ValueError if it is not a GUID."""
    if not isinstance(app_id, str) or not GUID_RE.fullmatch(app_id.strip()):
        raise ValueError(
            f"Invalid app id {app_id!r}: expected the bot's Microsoft App ID, a GUID "
            "like 12345678-abcd-4ef0-9abc-1234567890ab (MicrosoftAppId)."
        )
    return app_id.strip().lower()


def build_manifest(app_id: str, version: str | None = None) -> dict[str, Any]:
    """Return the manifest with the app id (and optionally the version) filled in."""
    guid = check_app_id(app_id)
    manifest = load_template()
    manifest["id"] = guid
    manifest["bots"][0]["botId"] = guid
    if version is not None:
        if not VERSION_RE.fullmatch(version):
            raise ValueError(f"Invalid app version {version!r}: expected MAJOR.MINOR.PATCH (1.2.0).")
        manifest["version"] = version
    if APP_ID_PLACEHOLDER in json.dumps(manifest):
        raise ValueError(f"Manifest template has an unfilled {APP_ID_PLACEHOLDER} placeholder.")
    return manifest


def package_files(manifest: dict[str, Any]) -> list[str]:
    """Return the files the manifest refers to (icons, localizations)."""
    names = [manifest["icons"]["color"], manifest["icons"]["outline"]]
    languages = manifest.get("localizationInfo", {}).get("additionalLanguages", [])
    names += [lang["file"] for lang in languages]
    return names


def _entry(name: str) -> zipfile.ZipInfo:
    """Return a zip entry with a fixed date, rw-r--r-- permissions and compression."""
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.external_attr = 0o100644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_package(app_id: str, output: Path, version: str | None = None) -> Path:
    """Write the app package zip (manifest, icons, localizations); return its path."""
    manifest = build_manifest(app_id, version)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
        zf.writestr(_entry("manifest.json"), text.encode("utf-8"))
        for name in package_files(manifest):
            zf.writestr(_entry(name), (HERE / name).read_bytes())
    return output
