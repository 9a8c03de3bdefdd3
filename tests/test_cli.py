"""The command line: manifest packaging and configuration errors."""

import zipfile

import pytest

from bot.cli import main

APP_ID = "0c8a5b3e-1f2d-4c5b-9e7a-6d4c3b2a1f00"


def test_manifest_writes_an_uploadable_zip(tmp_path, capsys):
    output = tmp_path / "kasvuopas.zip"
    assert main(["manifest", "--app-id", APP_ID, "--output", str(output)]) == 0
    assert str(output) in capsys.readouterr().out
    with zipfile.ZipFile(output) as package:
        assert {"manifest.json", "color.png", "outline.png"} <= set(package.namelist())
        assert APP_ID in package.read("manifest.json").decode()


def test_manifest_refuses_an_id_that_is_not_a_guid(tmp_path, capsys):
    assert main(["manifest", "--app-id", "kasvuopas", "--output", str(tmp_path / "x.zip")]) == 2
    assert "GUID" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()


def test_serve_refuses_production_mode_without_allowed_tenants(monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MicrosoftAppId", APP_ID)
    monkeypatch.delenv("KASVUOPAS_ALLOWED_TENANTS", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main(["serve"])
    assert exit_info.value.code == 2
    assert "KASVUOPAS_ALLOWED_TENANTS" in capsys.readouterr().err


def test_local_mode_listens_on_loopback_only(monkeypatch, tmp_path):
    from bot.settings import Settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MicrosoftAppId", raising=False)
    monkeypatch.setenv("HOST", "0.0.0.0")
    assert Settings().bind_host == "127.0.0.1"
    monkeypatch.setenv("MicrosoftAppId", APP_ID)
    monkeypatch.setenv("KASVUOPAS_ALLOWED_TENANTS", "8f0c2a51-0000-4c6e-9a57-3d2b1c0e7a10, other")
    settings = Settings()
    assert settings.bind_host == "0.0.0.0"
    assert settings.allowed_tenants == ["8f0c2a51-0000-4c6e-9a57-3d2b1c0e7a10", "other"]
