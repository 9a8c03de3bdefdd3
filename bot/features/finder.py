"""The service finder: answering free text, the narrowing and profile forms, card buttons."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from http import HTTPStatus
from typing import Any

from adaptive_cards.finder import (
    FEEDBACK_VERB,
    FORM_KEY,
    MORE_VERB,
    NARROW_FORM,
    NEED_FORM,
    PROFILE_FORM,
    no_match_card,
    profile_card,
    results_card,
)
from bot.common.clock import Clock
from bot.common.conversation_ids import base_conversation_id
from bot.common.helsinki_time import to_helsinki
from bot.domain.knowledge_service import KnowledgeService
from bot.domain.search_log import LoggedSearch, SearchLog
from bot.domain.webinars import Webinars
from bot.feature import CardVerb, Command, Feature, Flow, FlowResult, Form, Named, Pressed, in_conversation
from bot.i18n import Texts
from bot.services import Services
from bot.turn import InvokeAnswer, Turn, card_answer, error_answer
from knowledge.facets import Facets
from knowledge.finder import SearchResult
from knowledge.vocab import (
    APPLICANT_IDS,
    APPLICANTS,
    COMPANY_FORM_IDS,
    DEBT_IDS,
    EMPLOYEE_ORIGINS,
    FARM_PRODUCTION_IDS,
    FARM_PRODUCTIONS,
    INVESTMENT_IDS,
    INVESTMENTS,
    JOB_IDS,
    JOBS,
    MUNICIPALITIES,
    MUNICIPALITY_BY_CODE,
    NEEDS,
    ORIGIN_IDS,
    OTHER_MUNICIPALITY,
    PERSON_IDS,
    PERSONS,
    PROJECT_IDS,
    PROJECTS,
    SECTOR_IDS,
    SECTORS,
    SIZE_IDS,
    SIZES,
    STAGES,
    TRANSFER_SIDE_IDS,
    TRANSFER_SIDES,
    WORKLOAD_IDS,
    WORKLOADS,
    term_by_id,
)

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500
FIRST_PAGE = 3
MORE_PAGE = 8
NARROW_FLOW = "finder.narrow"
# Words that name a stage also trigger the matching need; in a narrowing reply they mean the stage.
STAGE_NEEDS = {
    "idea": {"starting"},
    "startup": {"starting"},
    "transfer": {"ownership_change"},
    "crisis": {"financial_distress"},
}
TEXTS = {
    "fi": {
        "finder.origin": "työntekijä {origin}",
        "finder.company_age": "toiminut {years} v.",
        "finder.company_new": "vasta aloittanut",
        "finder.conditions": "Tarkista: {conditions}",
    },
    "en": {
        "finder.origin": "employee {origin}",
        "finder.company_age": "{years} years in business",
        "finder.company_new": "just started",
        "finder.conditions": "Check: {conditions}",
    },
}


def _facets_to_dict(facets: Facets) -> dict[str, Any]:
    # Field by field: dataclasses.asdict would deep-copy the municipality with all its forms.
    return {
        "municipality": facets.municipality.code if facets.municipality else None,
        "size": facets.size,
        "stage": facets.stage,
        "sector": facets.sector,
        "employee_origin": facets.employee_origin,
        "workload": facets.workload,
        "job": facets.job,
        "farm_production": facets.farm_production,
        "market": facets.market,
        "company_form": facets.company_form,
        "transfer_side": facets.transfer_side,
        "debts": facets.debts,
        "investment": facets.investment,
        "project": facets.project,
        "applicant": facets.applicant,
        "person": facets.person,
        "company_age": facets.company_age,
        "employee_age": facets.employee_age,
        "applicant_age": facets.applicant_age,
        "not_sectors": sorted(facets.not_sectors),
        "not_sizes": sorted(facets.not_sizes),
    }


def _years(age: float, language: str) -> str:
    """A company's age as people write it: "12", "1,5" in Finnish and "1.5" in English."""
    if age == int(age):
        return str(int(age))
    written = f"{age:.1f}"
    return written if language == "en" else written.replace(".", ",")


def _one_of(data: dict[str, Any], key: str, ids: frozenset[str]) -> str | None:
    """The stored value of `key` when it is one of `ids` (an old or hand-edited record may hold anything)."""
    value = data.get(key)
    return value if value in ids else None


def _person_age(value: Any) -> int | None:
    """A stored age of a person, when it is a plausible one."""
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 120 else None


def _facets_from_dict(data: dict[str, Any]) -> Facets:
    code = data.get("municipality")
    age = data.get("company_age")
    return Facets(
        municipality=MUNICIPALITY_BY_CODE.get(code) if code else None,
        size=data.get("size") or None,
        stage=data.get("stage") or None,
        sector=data.get("sector") or None,
        employee_origin=data.get("employee_origin") or None,
        workload=_one_of(data, "workload", WORKLOAD_IDS),
        job=_one_of(data, "job", JOB_IDS),
        farm_production=_one_of(data, "farm_production", FARM_PRODUCTION_IDS),
        market=_one_of(data, "market", ORIGIN_IDS),
        company_form=_one_of(data, "company_form", COMPANY_FORM_IDS),
        transfer_side=_one_of(data, "transfer_side", TRANSFER_SIDE_IDS),
        debts=_one_of(data, "debts", DEBT_IDS),
        investment=_one_of(data, "investment", INVESTMENT_IDS),
        project=_one_of(data, "project", PROJECT_IDS),
        applicant=_one_of(data, "applicant", APPLICANT_IDS),
        person=_one_of(data, "person", PERSON_IDS),
        company_age=age if isinstance(age, int | float) and not isinstance(age, bool) and age >= 0 else None,
        employee_age=_person_age(data.get("employee_age")),
        applicant_age=_person_age(data.get("applicant_age")),
        not_sectors=frozenset(value for value in data.get("not_sectors") or () if value in SECTOR_IDS),
        not_sizes=frozenset(value for value in data.get("not_sizes") or () if value in SIZE_IDS),
    )


class FinderFeature:
    """Glue between the conversation and the finder: no ranking logic lives here."""

    def __init__(
        self,
        knowledge: KnowledgeService,
        log_store: SearchLog,
        recordings: Callable[[set[str]], list[tuple[str, str]]] = lambda _ids: [],
        today: Callable[[], date | None] = lambda: None,
    ) -> None:
        self.knowledge = knowledge
        self.searches = log_store
        self._recordings = recordings  # service ids -> (title, url) of past webinars about them
        self._today = today  # Helsinki date, from the one clock: ages such as "perustettu 2012" count from it

    def declare(self) -> Feature:
        """The finder's commands, buttons, forms and the narrowing flow."""
        return Feature(
            name="finder",
            commands=[Command("profile", "yritysprofiili", "profile", self.show_profile_form, aliases=("profiili",))],
            card_verbs=[
                CardVerb(MORE_VERB, self.more, access=self.access),
                CardVerb(FEEDBACK_VERB, self.feedback, access=self.access),
            ],
            forms=[
                Form(PROFILE_FORM, self.submit_profile),
                Form(NEED_FORM, self.submit_need),
                Form(NARROW_FORM, self.submit_narrow),
            ],
            flows=[Flow(NARROW_FLOW, self.narrow_flow)],
            free_text=self.answer,
            tables=("searches", "search_feedback", "referral_intents"),  # (the button now opens the referral form)
            texts=TEXTS,
        )

    # ---- choices for the forms ------------------------------------------------------------

    @staticmethod
    def choices(texts: Texts) -> dict[str, Sequence[tuple[str, str]]]:
        """Values and titles for the form inputs, in the user's language."""
        language = texts.language
        municipalities = [(m.code, m.fi) for m in MUNICIPALITIES] + [("other", texts("finder.other_municipality"))]
        return {  # no choice means "any": the forms say so with a placeholder
            "municipality": municipalities,
            "stage": [(t.id, t.label(language)) for t in STAGES],
            "size": [(t.id, t.label(language)) for t in SIZES],
            "sector": [(t.id, t.label(language)) for t in SECTORS],
            "needs": [(t.id, t.label(language)) for t in NEEDS],
        }

    def _understood(self, texts: Texts, result: SearchResult) -> str:
        language = texts.language
        facts = []
        facets = result.facets
        if facets.municipality:
            facts.append(facets.municipality.en if language == "en" else facets.municipality.fi)
        for value, terms in (
            (facets.stage, STAGES),
            (facets.size, SIZES),
            (facets.sector, SECTORS),
            (facets.workload, WORKLOADS),
            (facets.job, JOBS),
            (facets.farm_production, FARM_PRODUCTIONS),
            (facets.transfer_side, TRANSFER_SIDES),
            (facets.investment, INVESTMENTS),
            (facets.project, PROJECTS),
            # one company is what most questions are about: only an association or a group is worth saying
            (facets.applicant if facets.applicant == "group" else None, APPLICANTS),
            (facets.person, PERSONS),
        ):
            if value:
                facts.append(term_by_id(terms, value).label(language))
        if facets.employee_origin:
            facts.append(
                texts("finder.origin", origin=term_by_id(EMPLOYEE_ORIGINS, facets.employee_origin).label(language))
            )
        if facets.company_age is not None:
            age = facets.company_age
            facts.append(
                texts("finder.company_age", years=_years(age, language)) if age else texts("finder.company_new")
            )
        facts += [term_by_id(NEEDS, need).label(language) for need in result.needs if result.needs[need] >= 1.0]
        return texts("finder.understood", facts=" · ".join(facts)) if facts else ""

    # ---- answering ------------------------------------------------------------------------

    def _run(self, question: str, facets: Facets | None, top: int) -> SearchResult:
        return self.knowledge.finder.search(question, top=top, facets=facets, today=self._today())

    def _card(
        self,
        texts: Texts,
        question: str,
        result: SearchResult,
        search: str,
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
            search,
            more_available=len(result.matches) > page,
            narrow=self.choices(texts) if offer_narrowing else None,
            feedback_given=feedback_given,
            recordings=recordings[:3],
            note=_outside_note(texts, result),
        )

    async def answer(self, turn: Turn, question: str) -> None:
        """Answer a free-text question with the results card; a broad one also waits for narrowing."""
        texts = turn.texts
        if len(question) > MAX_QUESTION_CHARS:
            question = question[:MAX_QUESTION_CHARS]
            await turn.reply(texts("finder.too_long"))
        result = self._run(question, None, MORE_PAGE)
        if not result.matches:
            await self._no_match(turn, question, result)
            return
        search = self._record(turn, question, result)
        card = self._card(texts, question, result, search.code, FIRST_PAGE, offer_narrowing=result.vague)
        await turn.reply(card)
        log.info("finder answered", extra={"search_id": search.id, "results": len(result.matches)})
        if result.vague:
            await turn.begin_flow(NARROW_FLOW, {"search_id": search.id})

    def _record(self, turn: Turn, question: str, result: SearchResult) -> LoggedSearch:
        return self.searches.record(
            question,
            turn.language,
            _facets_to_dict(result.facets),
            [match.service.id for match in result.matches],
            turn.person.key,
            turn.conversation.id,
            needs=[need for need, weight in result.needs.items() if weight >= 1.0],
        )

    async def narrow_flow(self, turn: Turn, state: dict[str, Any]) -> FlowResult:
        """The message after a broad question: a narrowing, or something new for the router."""
        search_id = state.get("search_id")
        stored = self.searches.get(search_id) if isinstance(search_id, int) else None
        handled = stored is not None and await self.refine(turn, stored)
        return FlowResult.DONE if handled else FlowResult.NOT_HANDLED

    async def refine(self, turn: Turn, stored: LoggedSearch) -> bool:
        """Narrow a stored search with the form's values or typed facts; False if the message is not that.

        Typed facts are added to the question, and the form's choices read as their words (see
        Finder.facet_words), so that narrowing ranks exactly as the facts typed in one question.
        """
        value = turn.value
        facets: Facets | None
        if value is not None and value.get(FORM_KEY) == NARROW_FORM:
            facets, typed = _facets_from_dict(value), ""
        elif value is None and turn.text:
            understood = self.knowledge.finder.understand(turn.text, today=self._today())
            # needs a word named: not the stage's, nor the advice a place alone asks for ("Juva" narrows)
            named = set().union(*understood.need_sources)
            needs_named = named - STAGE_NEEDS.get(understood.facets.stage or "", set())
            if understood.facets.says_nothing or needs_named:
                return False  # a new question or command, not an answer to "narrow down"
            facets, typed = None, turn.text.strip()
        else:
            return False
        question = f"{stored.question}, {typed}" if typed else stored.question
        result = self._run(question, facets, MORE_PAGE)
        await self._send_results(turn, question, result)
        return True

    async def _send_results(self, turn: Turn, question: str, result: SearchResult) -> None:
        if not result.matches:
            await self._no_match(turn, question, result)
            return
        search = self._record(turn, question, result)
        await turn.reply(self._card(turn.texts, question, result, search.code, FIRST_PAGE))

    async def _no_match(self, turn: Turn, question: str, result: SearchResult) -> None:
        self._record(turn, question, result)
        texts = turn.texts
        await turn.reply(no_match_card(texts, question, self.choices(texts)["needs"], _outside_note(texts, result)))

    async def submit_profile(self, turn: Turn, value: dict[str, Any]) -> None:
        """The company profile form: search with the chosen needs and facets."""
        texts = turn.texts
        needs = [need for need in str(value.get("needs") or "").split(",") if need in {t.id for t in NEEDS}]
        if not needs:
            await turn.reply(texts("finder.profile_empty"))
            return
        question = ", ".join(term_by_id(NEEDS, need).label(texts.language) for need in needs)
        result = self._run(question, _facets_from_dict(value), MORE_PAGE)
        await self._send_results(turn, question, result)

    async def submit_need(self, turn: Turn, value: dict[str, Any]) -> None:
        """A need category picked on the no-match card: search again with it."""
        texts = turn.texts
        need = value.get("need")
        if need not in {t.id for t in NEEDS}:
            await turn.reply(texts("finder.profile_empty"))
            return
        original = str(value.get("question") or "")[:MAX_QUESTION_CHARS]
        question = f"{term_by_id(NEEDS, str(need)).label(texts.language)} {original}".strip()
        result = self._run(question, None, MORE_PAGE)
        await self._send_results(turn, question, result)

    async def submit_narrow(self, turn: Turn, value: dict[str, Any]) -> None:
        """The narrowing form pressed after its flow ended (e.g. after another question)."""
        # Submit forms have no access rule of their own: the search must have been asked here, or a
        # pasted payload would show another conversation's question.
        stored = self.searches.get_by_code(value.get("search"))
        here = stored is not None and base_conversation_id(stored.conversation_id) == turn.conversation.base_id
        if stored is not None and here and await self.refine(turn, stored):
            return
        await turn.reply(turn.texts("finder.stale"))

    async def show_profile_form(self, turn: Turn, _args: str) -> None:
        """`yritysprofiili`: the company profile form."""
        await turn.reply(profile_card(turn.texts, self.choices(turn.texts)))

    # ---- card buttons (Action.Execute) ----------------------------------------------------

    def _search_of(self, data: dict[str, Any]) -> LoggedSearch | None:
        return self.searches.get_by_code(data.get("search"))

    @property
    def access(self) -> Named[LoggedSearch]:
        """The search a button names, pressed in the conversation it was asked in (anyone there)."""
        return Named(self._search_of, (in_conversation(lambda search: search.conversation_id),), "finder.stale")

    async def more(self, turn: Turn, pressed: Pressed[LoggedSearch]) -> InvokeAnswer:
        """**Näytä lisää**: the same search with more results."""
        stored = pressed.subject
        result = self._run(stored.question, _facets_from_dict(stored.facets), MORE_PAGE)
        return card_answer(self._card(turn.texts, stored.question, result, stored.code, MORE_PAGE))

    async def feedback(self, turn: Turn, pressed: Pressed[LoggedSearch]) -> InvokeAnswer:
        """👍/👎: stored with the question; a later press replaces the earlier one. The card keeps its length."""
        stored, helpful = pressed.subject, pressed.data.get("helpful")
        if not isinstance(helpful, bool):
            return error_answer(HTTPStatus.BAD_REQUEST, "BadRequest", "helpful must be true or false")
        self.searches.give_feedback(stored.id, turn.person.key, helpful)
        shown = pressed.data.get("shown")
        page = MORE_PAGE if type(shown) is int and shown > FIRST_PAGE else FIRST_PAGE
        result = self._run(stored.question, _facets_from_dict(stored.facets), MORE_PAGE)
        return card_answer(self._card(turn.texts, stored.question, result, stored.code, page, feedback_given=helpful))


def _outside_note(texts: Texts, result: SearchResult) -> str:
    """For a company outside Etelä-Savo: why no local service is shown, and where to turn instead."""
    municipality = result.facets.municipality
    if municipality is None or municipality.code != OTHER_MUNICIPALITY.code:
        return ""
    if municipality.region:  # a neighbouring region's company: the Itä-Suomi elinvoimakeskus serves it too
        region = municipality.en if texts.language == "en" else municipality.fi
        return texts("finder.outside_region_east", region=region)
    return texts("finder.outside_region")


def feature(services: Services) -> Feature:
    """The service finder, pointing also at recordings of past webinars about the services found."""
    webinars = Webinars(services.db, services.clock)
    clock: Clock = services.clock

    def recordings(service_ids: set[str]) -> list[tuple[str, str]]:
        return [(webinar.title, webinar.recording_url) for webinar in webinars.recordings_for(service_ids, clock())]

    def today() -> date:
        return to_helsinki(clock()).date()

    return FinderFeature(services.knowledge, SearchLog(services.db, services.clock), recordings, today).declare()
