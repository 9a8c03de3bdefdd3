"""The Suomi.fi service catalogue (PTV) open API, version 11: service JSON read into plain records, and paging.

Built against the published format; the live service was not called from the build machines. Sources:
- DVV's published PTV source, github.com/vrk-kpa/ptv-releases (MIT): the v11 view models
  `src/PTV.Domain.Model/Models/OpenApi/V11/V11VmOpenApiService.cs`, `V11VmOpenApiServicesWithPaging.cs`,
  their bases `VmOpenApiModelWithPagingBase.cs` (pageNumber, pageSize, pageCount, itemList),
  `VmOpenApiServiceBase.cs` and `VmOpenApiServiceVersionBase.cs` (serviceNames, serviceDescriptions,
  serviceChargeType, areaType, areas, targetGroups, serviceClasses, ontologyTerms, keywords,
  requirements, organizations, publishingStatus, modified), `VmOpenApiArea` (type, code, name,
  municipalities), the finto items (name as language items, code, uri), and the v11 ServiceController:
  anonymous `GET /api/v11/Service/list/area/{area}/code/{code}?includeWholeCountry=false&page=N`,
  answered with a page of whole services.
- The client documentation generated from the same Swagger (ServiceApi.md, V11VmOpenApiService.md),
  and published services' JSON, where target group KR2 is "Yritykset ja yhteisöt" / "Businesses and
  non-government organizations" (sub-groups KR2.1, KR2.2, …). Property names are camelCase.
- kehittajille.suomi.fi (Suomi.fi for service developers): the OUT API needs no login; version 12,
  with an API key, replaces version 11 after a transition period (2026).
Where sources differ (a finto item's `name` is a list of language items in the C# model, one item in a
Kotlin client; newer data carries codelist URIs such as `…/ptvkohderyhmat/code/KR2`), both are read.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

PUBLIC_API = "https://api.palvelutietovaranto.suomi.fi"
SERVICES_BY_MUNICIPALITY = "/api/v11/Service/list/area/Municipality/code/{code}?includeWholeCountry=false&page={page}"
COMPANIES = "KR2"  # target group "Yritykset ja yhteisöt"; its sub-groups are KR2.1 …
NATIONWIDE = frozenset({"Nationwide", "NationwideExceptAlandIslands", "WholeCountry", "WholeCountryExceptAlandIslands"})
MAX_PAGES = 200  # per municipality: a guard against a server that never stops paging
TIMEOUT = 30.0


class PtvFormatError(Exception):
    """The data is not a PTV v11 service export, or fetching it failed; the message says which and where."""


Texts = Mapping[str, str]  # language -> text


@dataclass(frozen=True)
class PtvService:
    """One PTV service, with what the importer needs from it."""

    id: str
    names: Texts
    summaries: Texts = field(default_factory=dict)
    descriptions: Texts = field(default_factory=dict)
    instructions: Texts = field(default_factory=dict)  # UserInstruction
    requirements: Texts = field(default_factory=dict)
    charge_info: Texts = field(default_factory=dict)  # ChargeTypeAdditionalInfo
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    charge_type: str = ""  # Chargeable | FreeOfCharge | Other (or empty)
    area_type: str = ""  # Nationwide | NationwideExceptAlandIslands | LimitedType
    municipalities: tuple[str, ...] = ()  # three-digit codes of the areas it is limited to
    target_groups: tuple[str, ...] = ()  # codes: KR1, KR2, KR2.3 …
    service_classes: tuple[str, ...] = ()  # Finnish names (the code when no name is given)
    ontology_terms: tuple[str, ...] = ()  # Finnish names
    organization_id: str = ""
    organization: str = ""  # the responsible organisation's name
    status: str = ""  # publishingStatus
    modified: str = ""  # ISO 8601, UTC
    service_type: str = ""
    funding_type: str = ""

    @property
    def for_companies(self) -> bool:
        """True when companies are a target group."""
        return any(code == COMPANIES or code.startswith(COMPANIES + ".") for code in self.target_groups)

    @property
    def nationwide(self) -> bool:
        """True for a service offered in the whole country."""
        return self.area_type in NATIONWIDE

    @property
    def name(self) -> str:
        """The name to show: Finnish, else any."""
        return self.names.get("fi") or next(iter(self.names.values()), "") or self.id


@dataclass(frozen=True)
class PtvExport:
    """The services of an export, each once, and what could not be read."""

    services: list[PtvService]
    pages: int
    unreadable: int  # items without an id


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _items(value: object) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value]
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _localized(value: object, kind: str | None = None) -> dict[str, str]:
    """Language -> value of language items, only those of `kind` when given (the first of a language wins)."""
    found: dict[str, str] = {}
    for item in _items(value):
        if kind is not None and _text(item.get("type")) != kind:
            continue
        language, text = _text(item.get("language")), _text(item.get("value"))
        if language and text:
            found.setdefault(language, text)
    return found


def _code(item: Mapping[str, Any]) -> str:
    code = _text(item.get("code"))
    if code:
        return code
    uri = _text(item.get("uri"))
    return uri.rsplit("/code/", 1)[-1] if "/code/" in uri else uri.rsplit(":", 1)[-1]


def _finto_names(value: object) -> tuple[str, ...]:
    names = []
    for item in _items(value):
        label = _localized(item.get("name"))
        names.append(label.get("fi") or next(iter(label.values()), "") or _code(item))
    return tuple(name for name in dict.fromkeys(names) if name)


def _municipality_code(value: object) -> str:
    code = _text(value) if isinstance(value, str) else str(value) if isinstance(value, int) else ""
    return code.zfill(3) if code.isdigit() else ""


def _municipalities(areas: object) -> tuple[str, ...]:
    codes: list[str] = []
    for area in _items(areas):
        if _text(area.get("type")) == "Municipality":
            codes.append(_municipality_code(area.get("code")))
        codes += [_municipality_code(item.get("code")) for item in _items(area.get("municipalities"))]
    return tuple(sorted({code for code in codes if code}))


def _responsible(organizations: object) -> tuple[str, str]:
    items = _items(organizations)
    chosen = next((item for item in items if _text(item.get("roleType")) == "Responsible"), items[0] if items else {})
    organization = chosen.get("organization")
    if not isinstance(organization, dict):
        return "", ""
    return _text(organization.get("id")), _text(organization.get("name"))


def _keywords(value: object) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for item in _items(value):
        language, text = _text(item.get("language")), _text(item.get("value"))
        if language and text and text not in found.setdefault(language, []):
            found[language].append(text)
    return {language: tuple(words) for language, words in found.items()}


def parse_service(item: Mapping[str, Any]) -> PtvService | None:
    """One service of `itemList`; None without an id. Missing or null fields are read as empty."""
    service_id = _text(item.get("id"))
    if not service_id:
        return None
    descriptions = item.get("serviceDescriptions")
    organization_id, organization = _responsible(item.get("organizations"))
    return PtvService(
        id=service_id,
        names=_localized(item.get("serviceNames"), "Name") or _localized(item.get("serviceNames")),
        summaries=_localized(descriptions, "Summary"),
        descriptions=_localized(descriptions, "Description"),
        instructions=_localized(descriptions, "UserInstruction"),
        requirements=_localized(item.get("requirements")),
        charge_info=_localized(descriptions, "ChargeTypeAdditionalInfo"),
        keywords=_keywords(item.get("keywords")),
        charge_type=_text(item.get("serviceChargeType")),
        area_type=_text(item.get("areaType")),
        municipalities=_municipalities(item.get("areas")),
        target_groups=tuple(dict.fromkeys(code for code in map(_code, _items(item.get("targetGroups"))) if code)),
        service_classes=_finto_names(item.get("serviceClasses")),
        ontology_terms=_finto_names(item.get("ontologyTerms")),
        organization_id=organization_id,
        organization=organization,
        status=_text(item.get("publishingStatus")),
        modified=_text(item.get("modified")),
        service_type=_text(item.get("type")),
        funding_type=_text(item.get("fundingType")),
    )


def _pages_of(data: object) -> list[list[Any]]:
    """The item lists of an export: a page, a list of pages, our saved {"pages": […]}, or bare services."""
    if isinstance(data, dict) and "itemList" in data and isinstance(data["itemList"], list | type(None)):
        return [data["itemList"] or []]
    if isinstance(data, dict) and isinstance(data.get("pages"), list):
        return [items for page in data["pages"] for items in _pages_of(page)]
    if isinstance(data, list) and all(isinstance(page, dict) and "itemList" in page for page in data):
        return [page.get("itemList") or [] for page in data]
    if isinstance(data, list) and all(isinstance(item, dict) and "id" in item for item in data):
        return [data]
    raise PtvFormatError("not a PTV v11 service export (no itemList, pages or list of services)")


def read_export(data: object) -> PtvExport:
    """Every service of an export once (the first copy: a service limited to several municipalities
    comes once per municipality)."""
    pages = _pages_of(data)
    services: dict[str, PtvService] = {}
    unreadable = 0
    for items in pages:
        for item in items:
            service = parse_service(item) if isinstance(item, dict) else None
            if service is None:
                unreadable += 1
            else:
                services.setdefault(service.id, service)
    return PtvExport(list(services.values()), len(pages), unreadable)


def _get(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "kasvuopas"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # the scheme is checked by fetch_export
        body: bytes = response.read()
    return body


def fetch_export(base_url: str, municipalities: Sequence[str], get: Callable[[str], bytes] = _get) -> dict[str, Any]:
    """Every page of the services limited to each municipality, as `{"source", "municipalities", "pages"}`."""
    base = base_url.rstrip("/")
    if urlsplit(base).scheme not in ("http", "https") or not urlsplit(base).netloc:
        raise PtvFormatError(f"not an http(s) address: {base_url}")
    pages: list[dict[str, Any]] = []
    for code in municipalities:
        page, count = 1, 1
        while page <= count and page <= MAX_PAGES:
            url = base + SERVICES_BY_MUNICIPALITY.format(code=quote(code), page=page)
            data = _fetch_page(url, get)
            pages.append(data)
            count = data["pageCount"] if isinstance(data.get("pageCount"), int) else 1
            page += 1
    return {"source": base, "api": "v11", "municipalities": list(municipalities), "pages": pages}


def _fetch_page(url: str, get: Callable[[str], bytes]) -> dict[str, Any]:
    try:
        data = json.loads(get(url))
    except urllib.error.HTTPError as error:
        raise PtvFormatError(f"{url}: HTTP {error.code} {error.reason}") from error
    except (urllib.error.URLError, OSError) as error:
        raise PtvFormatError(f"{url}: {getattr(error, 'reason', error)}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PtvFormatError(f"{url}: not JSON ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get("itemList"), list | type(None)):
        raise PtvFormatError(f"{url}: not a page of services (no itemList)")
    return data


def known_codes(codes: Iterable[str], allowed: Iterable[str]) -> list[str]:
    """The codes (zero-padded) that are in `allowed`, in the order given."""
    permitted = set(allowed)
    return [code for code in (_municipality_code(value) for value in codes) if code in permitted]
