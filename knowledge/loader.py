"""Loading and checking the knowledge base: one TOML file per provider in the knowledge folder, and its lexicon.

The folder's own `lexicon.toml` is used when it has one, else the bundled `knowledge/data/lexicon.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from knowledge.lexicon import BUNDLED_LEXICON, LEXICON_FILE, Lexicon, load_lexicon
from knowledge.models import Provider, ProviderFile, Service
from knowledge.problems import Problem, read_toml

REVIEW_INTERVAL = timedelta(days=365)


class KnowledgeBaseError(Exception):
    """The knowledge base has errors; the bot must not start on it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems[:5]))
        self.problems = problems


@dataclass
class KnowledgeBase:
    """The providers, services and lexicon read from the knowledge folder, with what the check found."""

    providers: dict[str, Provider] = field(default_factory=dict)
    services: list[Service] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    source_files: dict[str, str] = field(default_factory=dict)  # service id -> file name
    lexicon: Lexicon | None = None  # None when the lexicon file has errors
    today: date | None = None  # the caller's date it was checked on: the finder's default reference date

    @property
    def loaded(self) -> bool:
        """True when at least one provider was read and nothing failed."""
        return bool(self.providers) and not self.errors

    @property
    def provider_count(self) -> int:
        """How many providers were read."""
        return len(self.providers)

    @property
    def service_count(self) -> int:
        """How many services were read."""
        return len(self.services)

    def provider_of(self, service: Service) -> Provider:
        """The provider that offers `service`."""
        return self.providers[service.provider]


def _field_path(location: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]}[{part}]" if parts else f"[{part}]"
        else:
            parts.append(str(part))
    return ".".join(parts)


def _read_file(path: Path, kb: KnowledgeBase) -> ProviderFile | None:
    data = read_toml(path, path.name)
    if isinstance(data, Problem):
        kb.errors.append(data)
        return None
    provider = data.get("provider")
    provider_id = provider.get("id", "") if isinstance(provider, dict) else ""
    services = data.get("service")
    service_list: list[Any] = services if isinstance(services, list) else []
    for service in service_list:
        if isinstance(service, dict):
            service.setdefault("provider", provider_id)
    try:
        return ProviderFile.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            where = _field_path(item["loc"])
            if item["loc"][:1] == ("service",) and len(item["loc"]) > 1 and isinstance(item["loc"][1], int):
                index = item["loc"][1]
                if index < len(service_list) and isinstance(service_list[index], dict):
                    sid = service_list[index].get("id")
                    where = where.replace(f"service[{index}]", f"service[{index}] ({sid})", 1)
            message = str(item["msg"]).removeprefix("Value error, ")
            if item["type"] == "extra_forbidden":
                message = "unknown field (misspelt, or in the wrong table?)"
            kb.errors.append(Problem(path.name, where, message))
        return None


def _check_cross_references(parsed: list[tuple[str, ProviderFile]], kb: KnowledgeBase, today: date | None) -> None:
    seen_services: dict[str, str] = {}
    for file_name, content in parsed:
        provider = content.provider
        if provider.id in kb.providers:
            kb.errors.append(Problem(file_name, "provider.id", f"duplicate provider id '{provider.id}'"))
            continue
        kb.providers[provider.id] = provider
    for file_name, content in parsed:
        provider = content.provider
        for index, service in enumerate(content.service):
            where = f"service[{index}] ({service.id})"
            if service.id in seen_services:
                kb.errors.append(
                    Problem(file_name, f"{where}.id", f"duplicate service id, also in {seen_services[service.id]}")
                )
                continue
            if service.provider not in kb.providers:
                kb.errors.append(Problem(file_name, f"{where}.provider", f"no provider with id '{service.provider}'"))
                continue
            owner = kb.providers[service.provider]
            outside = [
                code for code in service.municipalities if not owner.nationwide and code not in owner.municipalities
            ]
            if outside:
                kb.errors.append(
                    Problem(file_name, f"{where}.municipalities", f"{outside} are outside the provider's area")
                )
                continue
            if today is not None and service.last_reviewed > today:
                kb.errors.append(Problem(file_name, f"{where}.last_reviewed", "date is in the future"))
                continue
            if today is not None and today - service.last_reviewed > REVIEW_INTERVAL:
                kb.warnings.append(
                    Problem(file_name, f"{where}.last_reviewed", f"not reviewed since {service.last_reviewed}")
                )
            for name, message in service.condition_warnings():
                kb.warnings.append(Problem(file_name, f"{where}.{name}", message))
            seen_services[service.id] = file_name
            kb.services.append(service)
            kb.source_files[service.id] = file_name
        del provider


def _load_lexicon(folder: Path, kb: KnowledgeBase) -> None:
    own = folder / LEXICON_FILE
    # The bundled file is named by its path, so that nobody looks for it in the folder.
    check = load_lexicon(own) if own.is_file() else load_lexicon(BUNDLED_LEXICON, str(BUNDLED_LEXICON))
    kb.errors.extend(check.errors)
    kb.warnings.extend(check.warnings)
    kb.lexicon = check.lexicon


def load_knowledge_base(folder: Path, today: date | None = None) -> KnowledgeBase:
    """Read and check the provider files (`*.toml`) and the lexicon of `folder`; problems are collected, not raised.

    `today` (the caller's clock, as a date) enables the review-date checks; without it they are skipped.
    """
    kb = KnowledgeBase(today=today)
    folder = Path(folder)
    if not folder.is_dir():
        kb.errors.append(Problem(str(folder), "", "knowledge-base folder not found"))
        return kb
    _load_lexicon(folder, kb)
    parsed = []
    for path in sorted(folder.glob("*.toml")):
        if path.name == LEXICON_FILE:
            continue
        content = _read_file(path, kb)
        if content is not None:
            parsed.append((path.name, content))
    if not parsed and not kb.errors:
        kb.errors.append(Problem(str(folder), "", "no provider files (*.toml) found"))
    _check_cross_references(parsed, kb, today)
    return kb


def load_valid_knowledge_base(folder: Path, today: date | None = None) -> KnowledgeBase:
    """The knowledge base, or KnowledgeBaseError listing every error."""
    kb = load_knowledge_base(folder, today)
    if kb.errors:
        raise KnowledgeBaseError(kb.errors)
    return kb
