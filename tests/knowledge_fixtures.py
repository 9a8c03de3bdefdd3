"""Finder fixtures shared by the knowledge tests: a small invented knowledge base and both analysers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from knowledge.text import Analyzer, PlainAnalyzer, VoikkoAnalyzer, create_analyzer

SMALL_KB = Path(__file__).resolve().parent / "data" / "kb"


def analyzer_named(name: str) -> Analyzer:
    """The analyser the test asks for; Voikko must be installed in CI (skipped elsewhere without it)."""
    if name == "plain":
        return PlainAnalyzer()
    analyzer = create_analyzer(use_voikko=True)
    if not isinstance(analyzer, VoikkoAnalyzer):
        message = "Voikko is not installed (apt-get install libvoikko1 voikko-fi)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return analyzer
