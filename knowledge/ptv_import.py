"""Import PTV service descriptions as DRAFT knowledge-base files, and report how PTV differs from the curated ones.

Like the Trello import: drafts go to a folder of their own and never overwrite a file, values PTV cannot
give (kind, contacts, link, needs it does not name, last_reviewed) are left out or "TODO" so that the
knowledge-base check names them, and each file starts with what a curator must fill in. A PTV service
whose id is already a curated service's `ptv_id` becomes no draft: the differences go into the change
report instead, and the curated files are only read. PTV data is CC0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import tomli_w

from knowledge.loader import KnowledgeBase, load_knowledge_base
from knowledge.models import Service
from knowledge.ptv_format import PtvExport, PtvService
from knowledge.trello_text import fold, map_label, slug
from knowledge.vocab import ALL_AREA, MUNICIPALITIES

ETELA_SAVO = tuple(municipality.code for municipality in MUNICIPALITIES)
REGION = frozenset(ETELA_SAVO)
SERVICE_URL = "https://api.palvelutietovaranto.suomi.fi/api/v11/Service/{id}"  # the record's public address
REPORT_FILE = "ptv-changes.txt"
TODO = "TODO"
SHOWN = 160  # characters of a value in the change report
CHARGES = {"FreeOfCharge": "free", "Free": "free", "Chargeable": "paid", "Charged": "paid"}


class PtvImportError(Exception):
    """The import cannot be done, or it would overwrite a file; nothing was written."""


@dataclass(frozen=True)
class Skipped:
    """A PTV service left out, and why."""

    ptv_id: str
    name: str
    reason: str


@dataclass(frozen=True)
class Change:
    """A field in which PTV now differs from a curated service."""

    service_id: str
    ptv_id: str
    field: str
    curated: str
    ptv: str


@dataclass
class PtvImportReport:
    """What the import did: drafts written, services skipped, and the change report."""

    source: str
    outdir: Path
    files_written: list[Path] = field(default_factory=list)
    drafted: list[tuple[str, str, str]] = field(default_factory=list)  # (ptv id, service id, file name)
    skipped: list[Skipped] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # curated service ids PTV agrees with
    missing: list[tuple[str, str]] = field(default_factory=list)  # (curated service id, its ptv_id) not in PTV
    to_fill: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as plain English lines, for the command line and the report file."""
        out = [f"Imported PTV services from {self.source} into {self.outdir} as DRAFTS (not reviewed). PTV data: CC0."]
        out += self.notes
        out.append(f"Draft files written: {len(self.files_written)}; services drafted: {len(self.drafted)}")
        for path in self.files_written:
            out.append(f"  {path.name}")
            out.extend(f"    {sid} <- PTV {pid}" for pid, sid, file in self.drafted if file == path.name)
        out.append(
            f"Changes against the curated files (matched by ptv_id; nothing was changed there): {len(self.changes)}"
        )
        out.extend(
            f"  {c.service_id} ({c.ptv_id}) {c.field}:\n    curated: {c.curated}\n    PTV:     {c.ptv}"
            for c in self.changes
        )
        if self.unchanged:
            out.append(f"Curated services PTV agrees with: {', '.join(self.unchanged)}")
        if self.missing:
            out.append("Curated services whose ptv_id is not in this export (withdrawn, or outside the filter: check):")
            out.extend(f"  {sid} (ptv_id {pid})" for sid, pid in self.missing)
        out.append(f"PTV services skipped: {len(self.skipped)}")
        out.extend(f"  '{s.name}' ({s.ptv_id}): {s.reason}" for s in self.skipped)
        if self.to_fill:
            out.append("To fill in before a draft can go into the knowledge base (also at the top of each file):")
            out.extend(f"  {name}: {item}" for name, items in self.to_fill.items() for item in items)
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _cut(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SHOWN else flat[: SHOWN - 1] + "…"


def _skip_reason(service: PtvService, wanted: set[str]) -> str:
    if service.status and service.status != "Published":
        return f"publishing status {service.status}"
    if not service.for_companies:
        return f"not for companies (target groups: {', '.join(service.target_groups) or 'none'})"
    if service.nationwide:
        return "offered nationwide, not limited to the chosen municipalities"
    if not set(service.municipalities) & wanted:
        return f"not in the chosen municipalities (areas: {', '.join(service.municipalities) or 'none'})"
    return ""


def _area_of(service: Service, kb: KnowledgeBase) -> set[str]:
    return set(service.municipalities or kb.provider_of(service).municipalities)


def _compare(curated: Service, ptv: PtvService, kb: KnowledgeBase) -> list[Change]:
    found: list[tuple[str, str, str]] = []
    for name, ours, theirs in (
        ("name_fi", curated.name_fi, ptv.names.get("fi", "")),
        ("name_en", curated.name_en, ptv.names.get("en", "")),
        ("summary_fi", curated.summary_fi, ptv.summaries.get("fi", "")),
        ("summary_en", curated.summary_en, ptv.summaries.get("en", "")),
    ):
        if theirs and " ".join(ours.split()) != " ".join(theirs.split()):
            found.append((name, ours, theirs))
    area = _area_of(curated, kb)
    if not ptv.nationwide and ptv.municipalities and ALL_AREA not in area:
        theirs_area = set(ptv.municipalities) & REGION  # the whole area, whichever municipalities were asked
        if theirs_area and theirs_area != area & REGION:
            found.append(("municipalities", ", ".join(sorted(area)), ", ".join(sorted(theirs_area))))
    charge = CHARGES.get(ptv.charge_type)
    if charge and {charge, curated.charge} == {"free", "paid"}:
        found.append(("charge", curated.charge, f"{charge} ({ptv.charge_type})"))
    if ptv.modified[:10] > curated.last_reviewed.isoformat():
        found.append(("modified", f"last_reviewed {curated.last_reviewed}", f"changed in PTV on {ptv.modified[:10]}"))
    return [Change(curated.id, ptv.id, name, _cut(ours), _cut(theirs)) for name, ours, theirs in found]


def _needs(service: PtvService) -> list[str]:
    terms = [*service.service_classes, *service.ontology_terms, *(w for ws in service.keywords.values() for w in ws)]
    return list(dict.fromkeys(need for term in terms for need in map_label(term) or []))


def _notes(service: PtvService, source: str) -> str:
    lines = [f"Imported from PTV (Suomi.fi service catalogue, CC0): service {service.id}, via {source}"]
    lines.append(f"PTV modified: {service.modified or 'not given'}; type {service.service_type or '?'}")
    lines.append(f"Responsible organisation in PTV: {service.organization or '?'} ({service.organization_id or '?'})")
    lines.append(f"PTV areas: {', '.join(service.municipalities) or service.area_type or '?'}")
    lines.append(f"Target groups: {', '.join(service.target_groups)}")
    if service.service_classes:
        lines.append(f"Service classes: {', '.join(service.service_classes)}")
    if service.ontology_terms:
        lines.append(f"Ontology terms: {', '.join(service.ontology_terms)}")
    if service.charge_info:
        charge = service.charge_info.get("fi") or next(iter(service.charge_info.values()))
        lines.append(f"Charge ({service.charge_type}): {charge}")
    lines.append("PTV links a service's web page through its service channels: look the link up on suomi.fi.")
    for language, text in service.descriptions.items():
        lines += [f"PTV description ({language}):", text]
    return "\n".join(lines)


@dataclass
class _Draft:
    provider_id: str
    name: str
    existing_file: str = ""  # the curated file of a provider the knowledge base already has
    services: list[dict[str, object]] = field(default_factory=list)
    municipalities: set[str] = field(default_factory=set)
    to_fill: list[str] = field(default_factory=list)


def _service_table(service: PtvService, draft: _Draft, taken: set[str], source: str) -> str:
    base = f"{draft.provider_id}-{slug(service.name)[:60].rstrip('-')}"
    service_id, counter = base, 2
    while service_id in taken:
        service_id, counter = f"{base}-{counter}", counter + 1
    taken.add(service_id)
    table: dict[str, object] = {"id": service_id}
    missing = []
    for key, texts in (("name", service.names), ("summary", service.summaries)):
        for language in ("fi", "en"):
            if texts.get(language):
                table[f"{key}_{language}"] = texts[language]
            elif key == "summary" or language == "en":
                missing.append(f"{key}_{language}")
    needs = _needs(service)
    table["needs"] = needs or [TODO]
    area = sorted(set(service.municipalities) & REGION)
    draft.municipalities.update(area)
    table["municipalities"] = area
    for key, texts in (("eligibility", service.requirements), ("how_to_apply", service.instructions)):
        table.update({f"{key}_{language}": texts[language] for language in ("fi", "en") if texts.get(language)})
    table["source_url"] = SERVICE_URL.format(id=service.id)
    for language in ("fi", "en"):
        if service.keywords.get(language):
            table[f"keywords_{language}"] = list(service.keywords[language])
    table["ptv_id"] = service.id
    table["charge"] = CHARGES.get(service.charge_type, TODO)
    table["notes"] = _notes(service, source)
    draft.services.append(table)
    missing += ["link (the service's own page)"] + (["needs (PTV names none we map)"] if not needs else [])
    missing += [] if table["charge"] != TODO else ["charge"]
    draft.to_fill.append(f"service {service_id}: {', '.join(missing)}")
    return service_id


def _header(draft: _Draft, today: date) -> str:
    lines = [
        f"DRAFT imported from the Suomi.fi service catalogue (PTV, CC0) on {today.isoformat()} - NOT REVIEWED.",
        "Check every value against the provider's own pages before moving this file to the knowledge base.",
        '"TODO" marks a value to choose from knowledge/vocab.py; the knowledge-base check names each missing field.',
    ]
    if draft.existing_file:
        lines.append(f"The knowledge base already has this provider ({draft.existing_file}): copy the [[service]]")
        lines.append("tables there instead of adding this file.")
    lines += [
        "To fill in:",
        "- provider: kind and a public contact (web, phone or email); municipalities are the imported",
        "  services' areas: check that they are the provider's whole area",
        "- every service: link, last_reviewed (the date you checked it), and any name/summary PTV lacks",
    ]
    lines.extend(f"- {item}" for item in draft.to_fill)
    lines.append("Optional: stages, sizes, sectors; shorten PTV's texts to what an adviser needs.")
    return "".join(f"# {line}\n" for line in lines) + "\n"


def _provider_of(service: PtvService, kb: KnowledgeBase) -> tuple[str, str, str]:
    """(provider id, name, the curated file when the knowledge base already has the provider)."""
    for provider in kb.providers.values():
        if service.organization and fold(provider.name) == fold(service.organization):
            file = next((kb.source_files[s.id] for s in kb.services if s.provider == provider.id), "")
            return provider.id, provider.name, file or f"provider id {provider.id}"
    return slug(service.organization) or "tuntematon", service.organization, ""


def import_ptv(
    export: PtvExport, source: str, outdir: Path, curated: Path, today: date, municipalities: Sequence[str] = ETELA_SAVO
) -> PtvImportReport:
    """Draft files for the new services (one per provider) and the change report, in `outdir` (never overwrites)."""
    outdir, curated = Path(outdir), Path(curated)
    if outdir.resolve() == curated.resolve():
        raise PtvImportError(
            f"refusing to write drafts into the knowledge base itself ({curated}): choose another folder"
        )
    kb = load_knowledge_base(curated, today)
    report = PtvImportReport(source=source, outdir=outdir)
    if export.unreadable:
        report.notes.append(f"Note: {export.unreadable} item(s) of the export had no service id and were left out.")
    if kb.errors:
        report.notes.append(
            f"Note: the curated knowledge base has {len(kb.errors)} errors; matched against what loaded."
        )
    wanted = set(municipalities)
    by_ptv = {service.ptv_id: service for service in kb.services if service.ptv_id}
    taken = {service.id for service in kb.services}
    drafts: dict[str, _Draft] = {}
    for ptv in export.services:
        if ptv.id in by_ptv:
            changes = _compare(by_ptv[ptv.id], ptv, kb)
            report.changes += changes
            if not changes:
                report.unchanged.append(by_ptv[ptv.id].id)
            continue
        if reason := _skip_reason(ptv, wanted):
            report.skipped.append(Skipped(ptv.id, ptv.name, reason))
            continue
        provider_id, name, existing = _provider_of(ptv, kb)
        draft = drafts.setdefault(provider_id, _Draft(provider_id, name, existing))
        service_id = _service_table(ptv, draft, taken, source)
        report.drafted.append((ptv.id, service_id, f"ptv-{provider_id}.toml"))
    seen = {ptv.id for ptv in export.services}
    report.missing = [(service.id, pid) for pid, service in by_ptv.items() if pid not in seen]
    _write(report, drafts, outdir, today)
    return report


def _write(report: PtvImportReport, drafts: dict[str, _Draft], outdir: Path, today: date) -> None:
    paths = [outdir / f"ptv-{pid}.toml" for pid in drafts] + [outdir / REPORT_FILE]
    existing = [str(path) for path in paths if path.exists()]
    if existing:
        raise PtvImportError(f"refusing to overwrite existing files (nothing was written): {', '.join(existing)}")
    outdir.mkdir(parents=True, exist_ok=True)
    for provider_id, draft in drafts.items():
        path = outdir / f"ptv-{provider_id}.toml"
        provider: dict[str, object] = {"id": provider_id}
        if draft.name:
            provider["name"] = draft.name
        provider.update(kind=TODO, municipalities=sorted(draft.municipalities) or [TODO])
        provider["notes"] = "Draft imported from PTV; the organisation responsible for these services there."
        text = _header(draft, today) + tomli_w.dumps(
            {"provider": provider, "service": draft.services}, multiline_strings=True
        )
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
        report.files_written.append(path)
        report.to_fill[path.name] = ["provider: kind, a public contact (web, phone or email)", *draft.to_fill]
    with open(outdir / REPORT_FILE, "x", encoding="utf-8") as handle:
        handle.write(str(report) + "\n")
