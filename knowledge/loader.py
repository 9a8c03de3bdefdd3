"""Loading and checking the knowledge base: one TOML file per provider in the knowledge folder."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from pydantic import ValidationError

from knowledge.models import Provider, ProviderFile, Service

REVIEW_INTERVAL = timedelta(days=365)


@dataclass(frozen=True)
class Problem:
    """One finding of the check, naming the file and the field."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class KnowledgeBaseError(Exception):
    """The knowledge base has errors; the bot must not start on it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems[:5]))
        self.problems = problems


@dataclass
class KnowledgeBase:
    """The providers and services read from the knowledge folder, with what the check found."""

    providers: dict[str, Provider] = field(default_factory=dict)
    services: list[Service] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    source_files: dict[str, str] = field(default_factory=dict)  # service id -> file name

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


def _field_path(location: tuple) -> str:
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]}[{part}]" if parts else f"[{part}]"
        else:
            parts.append(str(part))
    return ".".join(parts)


def _read_file(path: Path, kb: KnowledgeBase) -> ProviderFile | None:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        kb.errors.append(Problem(path.name, "", f"not valid TOML: {error}"))
        return None
    provider_id = (data.get("provider") or {}).get("id", "") if isinstance(data.get("provider"), dict) else ""
    for service in data.get("service", []) if isinstance(data.get("service"), list) else []:
        if isinstance(service, dict):
            service.setdefault("provider", provider_id)
    try:
        return ProviderFile.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            where = _field_path(item["loc"])
            service_list = data.get("service") if isinstance(data.get("service"), list) else []
            if item["loc"][:1] == ("service",) and len(item["loc"]) > 1 and isinstance(item["loc"][1], int):
                index = item["loc"][1]
                if index < len(service_list) and isinstance(service_list[index], dict):
                    sid = service_list[index].get("id")
                    where = where.replace(f"service[{index}]", f"service[{index}] ({sid})", 1)
            message = str(item["msg"]).removeprefix("Value error, ")
            kb.errors.append(Problem(path.name, where, message))
        return None


def _check_cross_references(parsed: list[tuple[str, ProviderFile]], kb: KnowledgeBase, today: date) -> None:
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
            if service.last_reviewed > today:
                kb.errors.append(Problem(file_name, f"{where}.last_reviewed", "date is in the future"))
                continue
            if today - service.last_reviewed > REVIEW_INTERVAL:
                kb.warnings.append(
                    Problem(file_name, f"{where}.last_reviewed", f"not reviewed since {service.last_reviewed}")
                )
            seen_services[service.id] = file_name
            kb.services.append(service)
            kb.source_files[service.id] = file_name
        del provider


def load_knowledge_base(folder: Path, today: date | None = None) -> KnowledgeBase:
    """Read and check every `*.toml` provider file under `folder`; problems are collected, not raised."""
    kb = KnowledgeBase()
    folder = Path(folder)
    if not folder.is_dir():
        kb.errors.append(Problem(str(folder), "", "knowledge-base folder not found"))
        return kb
    parsed = []
    for path in sorted(folder.glob("*.toml")):
        content = _read_file(path, kb)
        if content is not None:
            parsed.append((path.name, content))
    if not parsed and not kb.errors:
        kb.errors.append(Problem(str(folder), "", "no provider files (*.toml) found"))
    _check_cross_references(parsed, kb, today or date.today())
    return kb


def load_valid_knowledge_base(folder: Path) -> KnowledgeBase:
    """The knowledge base, or KnowledgeBaseError listing every error."""
    kb = load_knowledge_base(folder)
    if kb.errors:
        raise KnowledgeBaseError(kb.errors)
    return kb
