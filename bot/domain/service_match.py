"""Which knowledge-base service or provider a typed name means (`ohjaus … ; Finnvera ; …`).

People type a provider's name, a service's name, an abbreviation or a misspelling. The answer is
one service, a short list to choose from, or nothing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.loader import KnowledgeBase
from knowledge.models import Provider, Service

SURE, POSSIBLE = 90.0, 75.0  # rapidfuzz scores (0–100)
CLEARLY_AHEAD = 6.0
MAX_CHOICES = 6


@dataclass(frozen=True)
class ServiceMatch:
    """The service meant (when sure), else the candidates to choose from (best first)."""

    service: Service | None
    candidates: list[Service]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    return " ".join(text.replace("-", " ").split())


def _score(typed: str, name: str) -> float:
    name = _fold(name)
    if typed == name:
        return 100.0
    # A short typed name inside a long official one ("finnvera" in "Finnvera Oyj") counts fully.
    if len(typed) >= 4 and f" {typed} " in f" {name} ":
        return 95.0
    return max(float(fuzz.ratio(typed, name)), float(fuzz.token_set_ratio(typed, name)) - 5)


def _spellings(kb: KnowledgeBase, typed: str) -> list[str]:
    """The typed text, and the same with the lexicon's aliases written out (ELY -> elinvoimakeskus)."""
    spellings = [_fold(typed)]
    if kb.lexicon is not None:
        expanded = _fold(kb.lexicon.aliases.expand(typed))
        if expanded not in spellings:
            spellings.append(expanded)
    return [spelling for spelling in spellings if spelling]


def _best(spellings: list[str], names: tuple[str, ...]) -> float:
    return max(_score(spelling, name) for spelling in spellings for name in names)


def match_provider(kb: KnowledgeBase, typed: str) -> list[Provider]:
    """Providers whose name or id the text names, best first (empty: none)."""
    spellings = _spellings(kb, typed)
    if not spellings:
        return []
    scored = sorted(
        ((_best(spellings, (provider.name, provider.id)), provider) for provider in kb.providers.values()),
        key=lambda pair: -pair[0],
    )
    sure = [provider for score, provider in scored if score >= SURE]
    if sure:
        best = scored[0][0]
        return [provider for score, provider in scored if score >= SURE and best - score < CLEARLY_AHEAD]
    return [provider for score, provider in scored if score >= POSSIBLE][:MAX_CHOICES]


def match_service(kb: KnowledgeBase, typed: str) -> ServiceMatch:
    """The service a typed name means: a service name, or a provider with one service."""
    spellings = _spellings(kb, typed)
    if not spellings:
        return ServiceMatch(None, [])
    by_name = sorted(
        ((_best(spellings, (service.name_fi, service.name_en, service.id)), service) for service in kb.services),
        key=lambda pair: -pair[0],
    )
    best_score = by_name[0][0] if by_name else 0.0
    if best_score >= SURE and (len(by_name) == 1 or best_score - by_name[1][0] >= CLEARLY_AHEAD):
        return ServiceMatch(by_name[0][1], [])
    providers = match_provider(kb, typed)
    if len(providers) == 1:
        offered = [service for service in kb.services if service.provider == providers[0].id]
        if len(offered) == 1:
            return ServiceMatch(offered[0], [])
        return ServiceMatch(None, offered[:MAX_CHOICES])
    candidates = [service for score, service in by_name if score >= POSSIBLE][:MAX_CHOICES]
    for provider in providers:
        candidates += [s for s in kb.services if s.provider == provider.id and s not in candidates]
    return ServiceMatch(None, candidates[:MAX_CHOICES])
