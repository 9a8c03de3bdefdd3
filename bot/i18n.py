"""Message catalogues (one TOML file per language, plus what features declare) and choosing the language."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

LOCALES_DIR = Path(__file__).parent / "locales"
LANGUAGES = ("fi", "en")
DEFAULT_LANGUAGE = "fi"

FeatureTexts = Mapping[str, Mapping[str, str]]  # language -> key -> text


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
    """The texts of one language from its catalogue file, keyed by dotted names such as `help.title`."""
    with open(LOCALES_DIR / f"{language}.toml", "rb") as handle:
        return _flatten(tomllib.load(handle))


class Catalogues:
    """The catalogue files plus the texts features declare, checked once at start-up."""

    def __init__(self, network_language: str = DEFAULT_LANGUAGE) -> None:
        self._texts = {language: dict(catalogue(language)) for language in LANGUAGES}
        self.network_language = network_language if network_language in LANGUAGES else DEFAULT_LANGUAGE

    def add(self, owner: str, texts: FeatureTexts) -> None:
        """Add a feature's texts; every key in every language, none that already exists."""
        keys = {language: set(texts.get(language, {})) for language in LANGUAGES}
        if len({frozenset(found) for found in keys.values()}) > 1:
            raise ValueError(f"{owner}: its texts must have the same keys in {', '.join(LANGUAGES)}")
        clashes = sorted(keys[DEFAULT_LANGUAGE] & set(self._texts[DEFAULT_LANGUAGE]))
        if clashes:
            raise ValueError(f"{owner}: texts already defined elsewhere: {clashes}")
        for language in LANGUAGES:
            self._texts[language].update(texts.get(language, {}))

    def lookup(self, language: str) -> dict[str, str]:
        """Every text of one language."""
        return self._texts[language]

    def texts(self, language: str) -> Texts:
        """The texts of one language."""
        return Texts(language, self)

    def network_texts(self) -> Texts:
        """The language of what many read at once (channel and group-chat cards): the network's."""
        return Texts(self.network_language, self)

    def for_user(self, locale: str | None, preference: str | None = None) -> Texts:
        """The texts for a user with this Teams locale and optional language preference."""
        return Texts(language_for(locale, preference), self)


@cache
def _files_only() -> Catalogues:
    return Catalogues()


class Texts:
    """The texts of one language; `texts("key", name=...)` formats one."""

    def __init__(self, language: str, catalogues: Catalogues | None = None) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        self.language = language
        self._catalogues = catalogues if catalogues is not None else _files_only()
        # The same dict objects `Catalogues.add` updates in place: texts added later are seen here too.
        self._texts = self._catalogues.lookup(language)
        self._fallback = self._catalogues.lookup(DEFAULT_LANGUAGE)

    def __call__(self, key: str, **values: Any) -> str:
        """The text for `key` with `{placeholders}` filled in."""
        text = self._texts.get(key)
        if text is None:
            text = self._fallback[key]
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        """True when the catalogue defines `key`."""
        return key in self._texts

    def in_language(self, language: str) -> Texts:
        """The same catalogues in another language."""
        return Texts(language, self._catalogues)


def texts_for(locale: str | None, preference: str | None = None) -> Texts:
    """The catalogue files' texts for a user with this Teams locale and optional language preference."""
    return _files_only().for_user(locale, preference)
