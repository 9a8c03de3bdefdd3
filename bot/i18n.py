"""Message catalogues (one TOML file per language) and choosing the user's language."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LOCALES_DIR = Path(__file__).parent / "locales"
LANGUAGES = ("fi", "en")
DEFAULT_LANGUAGE = "fi"


def language_for(locale: str | None, preference: str | None = None) -> str:
    """The reply language: the user's own choice, else English for an `en*` locale, else Finnish."""
    if preference in LANGUAGES:
        return preference
    if locale and locale.lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


@cache
def catalogue(language: str) -> dict[str, str]:
    """All texts of one language, keyed by dotted names such as `help.title`."""
    with open(LOCALES_DIR / f"{language}.toml", "rb") as handle:
        return _flatten(tomllib.load(handle))


class Texts:
    """The texts of one language; `texts("key", name=...)` formats one."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        self.language = language
        self._texts = catalogue(language)

    def __call__(self, key: str, **values: Any) -> str:
        """The text for `key` with `{placeholders}` filled in."""
        text = self._texts.get(key)
        if text is None:
            text = catalogue(DEFAULT_LANGUAGE)[key]
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        """True when the catalogue defines `key`."""
        return key in self._texts


def texts_for(locale: str | None, preference: str | None = None) -> Texts:
    """The catalogue for a user with this Teams locale and optional language preference."""
    return Texts(language_for(locale, preference))
