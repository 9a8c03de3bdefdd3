"""The service finder in Teams: answering free text, the narrowing and profile forms, card buttons."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict
from http import HTTPStatus
from typing import Any

from botbuilder.core import InvokeResponse, MessageFactory, TurnContext

from adaptive_cards.finder import (
    FEEDBACK_VERB,
    FORM_KEY,
    MORE_VERB,
    NARROW_FORM,
    NEED_FORM,
    PROFILE_FORM,
    REFER_VERB,
    no_match_card,
    profile_card,
    results_card,
)
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.search_log import SearchLog
from bot.i18n import Texts
from bot.invoke_responses import card_response, error_response, message_response
from bot.replies import card_reply
from knowledge.facets import Facets, read_facets
from knowledge.finder import SearchResult
from knowledge.loader import KnowledgeBaseError
from knowledge.text import analyse_text
from knowledge.vocab import (
    MUNICIPALITIES,
    MUNICIPALITY_BY_CODE,
    NEEDS,
    SECTORS,
    SIZES,
    STAGES,
    term_by_id,
)

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500
FIRST_PAGE = 3
MORE_PAGE = 8
VERBS = (REFER_VERB, MORE_VERB, FEEDBACK_VERB)
# Words that name a stage also trigger the matching need; in a narrowing reply they mean the stage.
STAGE_NEEDS = {
    "idea": {"starting"},
    "startup": {"starting"},
    "transfer": {"ownership_change"},
    "crisis": {"financial_distress"},
}
FORMS = (NARROW_FORM, PROFILE_FORM, NEED_FORM)


def _facets_to_dict(facets: Facets) -> dict[str, Any]:
    data = asdict(facets)
    data["municipality"] = facets.municipality.code if facets.municipality else None
    return data


def _facets_from_dict(data: dict[str, Any]) -> Facets:
    code = data.get("municipality")
    return Facets(
        municipality=MUNICIPALITY_BY_CODE.get(code) if code else None,
        size=data.get("size") or None,
        stage=data.get("stage") or None,
        sector=data.get("sector") or None,
    )


class FinderFeature:
    """Glue between Teams and the finder: no ranking logic lives here."""

    def __init__(
        self,
        knowledge: KnowledgeService,
        log_store: SearchLog,
        recordings: Callable[[set[str]], list[tuple[str, str]]] = lambda _ids: [],
    ) -> None:
        self.knowledge = knowledge
        self.searches = log_store
        self._recordings = recordings  # service ids -> (title, url) of past webinars about them

    # ---- choices for the forms ------------------------------------------------------------

    @staticmethod
    def choices(texts: Texts) -> dict[str, list[tuple[str, str]]]:
        """Values and titles for the form inputs, in the user's language."""
        language = texts.language
        any_choice = [("", texts("finder.any"))]
        municipalities = [(m.code, m.fi) for m in MUNICIPALITIES] + [("other", texts("finder.other_municipality"))]
        return {
            "municipality": any_choice + municipalities,
            "stage": any_choice + [(t.id, t.label(language)) for t in STAGES],
            "size": any_choice + [(t.id, t.label(language)) for t in SIZES],
            "sector": any_choice + [(t.id, t.label(language)) for t in SECTORS],
            "needs": [(t.id, t.label(language)) for t in NEEDS],
        }

    def _understood(self, texts: Texts, result: SearchResult) -> str:
        language = texts.language
        facts = []
        facets = result.facets
        if facets.municipality:
            facts.append(facets.municipality.en if language == "en" else facets.municipality.fi)
        for value, terms in ((facets.stage, STAGES), (facets.size, SIZES), (facets.sector, SECTORS)):
            if value:
                facts.append(term_by_id(terms, value).label(language))
        facts += [term_by_id(NEEDS, need).label(language) for need in result.needs if result.needs[need] >= 1.0]
        return texts("finder.understood", facts=" · ".join(facts)) if facts else ""

    # ---- answering ------------------------------------------------------------------------

    def _run(self, question: str, facets: Facets | None, top: int) -> SearchResult:
        return self.knowledge.finder.search(question, top=top, facets=facets)

    def _card(
        self,
        texts: Texts,
        question: str,
        result: SearchResult,
        search_id: int,
        page: int,
        feedback_given: bool | None = None,
        offer_narrowing: bool = False,
    ) -> dict[str, Any]:
        shown = [match.as_dict(texts.language) for match in result.matches[:page]]
        recordings = self._recordings({match.service.id for match in result.matches[:page]})
        return results_card(
            texts,
            question,
            self._understood(texts, result),
            shown,
            search_id,
            more_available=len(result.matches) > page,
            narrow=self.choices(texts) if offer_narrowing else None,
            feedback_given=feedback_given,
            recordings=recordings[:3],
        )

    async def answer(self, turn_context: TurnContext, texts: Texts, question: str) -> int | None:
        """Answer a free-text question with the results card; returns the search id when the
        question was broad enough to offer narrowing (the caller starts the narrowing dialog)."""
        if len(question) > MAX_QUESTION_CHARS:
            question = question[:MAX_QUESTION_CHARS]
            await turn_context.send_activity(texts("finder.too_long"))
        result = self._run(question, None, MORE_PAGE)
        if not result.matches:
            self._record(turn_context, texts, question, result)
            needs = self.choices(texts)["needs"]
            await turn_context.send_activity(card_reply(no_match_card(texts, question, needs)))
            return None
        search_id = self._record(turn_context, texts, question, result)
        card = self._card(texts, question, result, search_id, FIRST_PAGE, offer_narrowing=result.vague)
        await turn_context.send_activity(card_reply(card))
        log.info("finder answered", extra={"search_id": search_id, "results": len(result.matches)})
        return search_id if result.vague else None

    def _record(self, turn_context: TurnContext, texts: Texts, question: str, result: SearchResult) -> int:
        activity = turn_context.activity
        return self.searches.record(
            question,
            texts.language,
            _facets_to_dict(result.facets),
            [match.service.id for match in result.matches],
            activity.from_property.aad_object_id or activity.from_property.id,
            activity.conversation.id,
        )

    async def refine(self, turn_context: TurnContext, texts: Texts, search_id: int) -> bool:
        """Narrow a stored search with the form's values or typed facts; False if the message is not that."""
        activity = turn_context.activity
        value = activity.value if isinstance(activity.value, dict) else None
        if value is not None and value.get(FORM_KEY) == NARROW_FORM:
            facets = _facets_from_dict(value)
        elif value is None and activity.text:
            analyses = analyse_text(activity.text, self.knowledge.finder.analyzer)
            facets = read_facets(activity.text, analyses)
            needs_named = set(self.knowledge.finder.search(activity.text, top=1).needs)
            needs_named -= STAGE_NEEDS.get(facets.stage or "", set())  # "aloittava" is a stage here
            if not any(asdict(facets).values()) or needs_named:
                return False  # a new question or command, not an answer to "narrow down"
        else:
            return False
        stored = self.searches.get(search_id)
        if stored is None:
            return False
        result = self._run(stored.question, facets, MORE_PAGE)
        await self._send_results(turn_context, texts, stored.question, result)
        return True

    async def _send_results(self, turn_context: TurnContext, texts: Texts, question: str, result: SearchResult):
        if not result.matches:
            needs = self.choices(texts)["needs"]
            self._record(turn_context, texts, question, result)
            await turn_context.send_activity(card_reply(no_match_card(texts, question, needs)))
            return
        search_id = self._record(turn_context, texts, question, result)
        await turn_context.send_activity(card_reply(self._card(texts, question, result, search_id, FIRST_PAGE)))

    async def submit_form(self, turn_context: TurnContext, texts: Texts, value: dict[str, Any]) -> bool:
        """Handle an Action.Submit from a finder card (profile or need choice); False if not ours."""
        form = value.get(FORM_KEY)
        if form == PROFILE_FORM:
            needs = [need for need in str(value.get("needs") or "").split(",") if need in {t.id for t in NEEDS}]
            if not needs:
                await turn_context.send_activity(texts("finder.profile_empty"))
                return True
            question = ", ".join(term_by_id(NEEDS, need).label(texts.language) for need in needs)
            result = self._run(question, _facets_from_dict(value), MORE_PAGE)
            await self._send_results(turn_context, texts, question, result)
            return True
        if form == NEED_FORM:
            need = value.get("need")
            if need not in {t.id for t in NEEDS}:
                await turn_context.send_activity(texts("finder.profile_empty"))
                return True
            original = str(value.get("question") or "")[:MAX_QUESTION_CHARS]
            question = f"{term_by_id(NEEDS, need).label(texts.language)} {original}".strip()
            result = self._run(question, None, MORE_PAGE)
            await self._send_results(turn_context, texts, question, result)
            return True
        if form == NARROW_FORM:
            search_id = value.get("search_id")
            if isinstance(search_id, int) and await self.refine(turn_context, texts, search_id):
                return True
            await turn_context.send_activity(texts("finder.stale"))
            return True
        return False

    async def show_profile_form(self, turn_context: TurnContext, texts: Texts) -> None:
        """Send the company profile form."""
        await turn_context.send_activity(card_reply(profile_card(texts, self.choices(texts))))

    # ---- card buttons (Action.Execute) ----------------------------------------------------

    async def on_action(
        self, turn_context: TurnContext, texts: Texts, verb: str, data: dict[str, Any]
    ) -> InvokeResponse:
        """Answer a finder button; anything that does not add up gets a polite message, nothing changes."""
        search_id = data.get("search_id")
        stored = self.searches.get(search_id) if isinstance(search_id, int) else None
        if stored is None:
            return message_response(texts("finder.stale"))
        user = turn_context.activity.from_property
        user_id = user.aad_object_id or user.id
        if verb == REFER_VERB:
            service_id = data.get("service_id")
            if service_id not in stored.service_ids:
                return message_response(texts("finder.stale"))
            service = next((s for s in self.knowledge.kb.services if s.id == service_id), None)
            if service is None:
                return message_response(texts("finder.stale"))
            self.searches.record_referral_intent(stored.id, service_id, user_id, turn_context.activity.conversation.id)
            provider = self.knowledge.kb.provider_of(service)
            name = service.name_en if texts.language == "en" else service.name_fi
            return message_response(texts("finder.referral_noted", service=name, provider=provider.name))
        result = self._run(stored.question, _facets_from_dict(stored.facets), MORE_PAGE)
        if verb == MORE_VERB:
            return card_response(self._card(texts, stored.question, result, stored.id, MORE_PAGE))
        if verb == FEEDBACK_VERB:
            helpful = data.get("helpful")
            if not isinstance(helpful, bool):
                return error_response(HTTPStatus.BAD_REQUEST, "BadRequest", "helpful must be true or false")
            self.searches.give_feedback(stored.id, user_id, helpful)
            return card_response(
                self._card(texts, stored.question, result, stored.id, FIRST_PAGE, feedback_given=helpful)
            )
        return message_response(texts("invoke.unknown_action"))

    async def reload(self, turn_context: TurnContext, texts: Texts) -> None:
        """Reload the knowledge base (coordinators); errors keep the old one and are reported."""
        try:
            kb = self.knowledge.reload()
        except KnowledgeBaseError as error:
            listing = "\n".join(f"- {problem}" for problem in error.problems[:5])
            await turn_context.send_activity(MessageFactory.text(texts("kb.reload_failed", errors=listing)))
            return
        await turn_context.send_activity(texts("kb.reloaded", providers=kb.provider_count, services=kb.service_count))
