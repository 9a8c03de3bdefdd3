"""What the finder answers: the matched services, each with why it fits and the conditions left open."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from knowledge.eligibility import Condition
from knowledge.facets import Facets
from knowledge.models import Provider, Service
from knowledge.vocab import ALL_AREA, NEEDS, NEIGHBOUR_REGIONS, term_by_id

WHOLE_REGION = "koko Etelä-Savo"  # the area note of a service for all twelve municipalities
_REGION_EN = {region.fi: region.en for region in NEIGHBOUR_REGIONS}


@dataclass(frozen=True)
class Match:
    """One service in the answer."""

    service: Service
    provider: Provider
    score: float
    needs: tuple[str, ...]  # the question's needs this service meets
    area_note: str  # "whole country" or the municipality rule that let it through
    conditions: tuple[Condition, ...] = ()  # eligibility rules the question did not settle

    def why(self, language: str = "fi") -> str:
        """A short explanation: the needs it meets and where it is available."""
        needs = self.needs or tuple(self.service.needs[:1])
        labels = ", ".join(term_by_id(NEEDS, need).label(language) for need in needs)
        lead = "Needs" if language == "en" else "Tarve"
        return f"{lead}: {labels} · {self.area_note_in(language)}"

    def area_note_in(self, language: str) -> str:
        """The area rule in `language`."""
        if self.area_note == ALL_AREA:
            return "available everywhere in Finland" if language == "en" else "koko Suomi"
        if self.area_note == WHOLE_REGION and language == "en":
            return "serves all of Etelä-Savo"
        if language == "en" and self.area_note in _REGION_EN:
            return f"serves {_REGION_EN[self.area_note]}"  # "North Savo"
        return f"serves {self.area_note}" if language == "en" else f"palvelee: {self.area_note}"

    def condition_texts(self, language: str = "fi") -> list[str]:
        """The open only-for rules in `language`, for the card ("Vain maatiloille" …)."""
        # An open not_for rule ("not for large companies") is rarely the company's case; it filters
        # when the question says so, and on every card it was noise the adviser learnt to skip.
        return [condition.text(language) for condition in self.conditions if not condition.excluded]

    def as_dict(self, language: str = "fi") -> dict[str, Any]:
        """The result as JSON for the command line and the cards."""
        service, provider = self.service, self.provider
        return {
            "service_id": service.id,
            "name": service.name_en if language == "en" else service.name_fi,
            "provider": provider.name,
            "score": round(self.score, 3),
            "why": self.why(language),
            "conditions": self.condition_texts(language),
            "needs": list(self.needs),
            "summary": service.summary_en if language == "en" else service.summary_fi,
            "link": service.link,
            "contact": {"web": provider.web, "phone": provider.phone, "email": provider.email},
        }


@dataclass
class SearchResult:
    """The ranked matches and what was understood of the question."""

    matches: list[Match]
    facets: Facets
    needs: dict[str, float] = field(default_factory=dict)

    @property
    def vague(self) -> bool:
        """True when the question names a need but nothing about the company to narrow by."""
        facts = (self.facets.municipality, self.facets.size, self.facets.stage, self.facets.sector)
        return bool(self.matches) and not any(facts)
