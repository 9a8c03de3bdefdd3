"""Loading the knowledge base: one TOML file per provider in the knowledge folder."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class KnowledgeBase:
    """The providers and services read from the knowledge folder."""

    providers: list[dict[str, Any]] = field(default_factory=list)
    services: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

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


def load_knowledge_base(folder: Path) -> KnowledgeBase:
    """Read every `*.toml` provider file under `folder`; problems are collected, not raised."""
    kb = KnowledgeBase()
    if not folder.is_dir():
        kb.errors.append(f"{folder}: knowledge-base folder not found")
        return kb
    for path in sorted(folder.glob("*.toml")):
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as error:
            kb.errors.append(f"{path.name}: {error}")
            continue
        if "provider" in data:
            kb.providers.append(data["provider"])
        kb.services.extend(data.get("service", []))
    return kb
