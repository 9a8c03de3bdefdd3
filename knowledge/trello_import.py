"""Import a Trello service-map board into DRAFT knowledge-base files (one per provider) for review.

The drafts are honest about what the board cannot tell: free-text and date fields it has no value for
(name_en, summary_en, last_reviewed, ...) are left out, and vocabulary fields it cannot know (kind,
municipalities, charge, needs when no label names one) hold "TODO", so the knowledge-base check names
every field a curator must fill in. Each file starts with a comment listing the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import tomli_w

from knowledge.trello_board import SkippedCard, TrelloCard, TrelloImportError, read_board
from knowledge.trello_text import fold, map_label, parse_description, slug
from knowledge.vocab import CHARGE_IDS, KIND_IDS

__all__ = ["ImportReport", "ImportedCard", "SkippedCard", "TrelloImportError", "import_board"]

UNKNOWN_PROVIDER = "tuntematon"
TODO = "TODO"
ALWAYS_TO_FILL = "name_en, summary_en, last_reviewed (the date you checked it)"


class DraftExistsError(TrelloImportError, FileExistsError):
    """A draft file would overwrite an existing file; nothing was written."""


@dataclass(frozen=True)
class ImportedCard:
    """A card that became a draft service."""

    card: str
    service_id: str
    file: str
    needs: tuple[str, ...]


@dataclass
class ImportReport:
    """What an import did: files written, cards imported and skipped, labels it could not map."""

    board: str
    outdir: Path
    files_written: list[Path] = field(default_factory=list)
    cards_imported: list[ImportedCard] = field(default_factory=list)
    cards_skipped: list[SkippedCard] = field(default_factory=list)
    unmapped_labels: dict[str, list[str]] = field(default_factory=dict)  # label -> cards carrying it
    to_fill: dict[str, list[str]] = field(default_factory=dict)  # file name -> what a curator must fill in

    def lines(self) -> list[str]:
        """The report as plain English lines, for the command line."""
        out = [f"Imported Trello board '{self.board}' into {self.outdir} as DRAFTS (not reviewed)."]
        out.append(f"Files written: {len(self.files_written)}")
        for path in self.files_written:
            services = [card for card in self.cards_imported if card.file == path.name]
            out.append(f"  {path.name}: {len(services)} service(s)")
            out.extend(f"    {card.service_id} <- '{card.card}' needs={list(card.needs)}" for card in services)
        out.append(f"Cards imported: {len(self.cards_imported)}; cards skipped: {len(self.cards_skipped)}")
        out.extend(f"  skipped '{card.card}': {card.reason}" for card in self.cards_skipped)
        if self.unmapped_labels:
            out.append("Labels not mapped to a need (kept in the services' notes):")
            out.extend(f"  '{label}' on {', '.join(cards)}" for label, cards in self.unmapped_labels.items())
        out.append("To fill in before a draft can go into knowledge/data (also listed at the top of each file):")
        for file_name, items in self.to_fill.items():
            out.extend(f"  {file_name}: {item}" for item in items)
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


@dataclass
class _Draft:
    provider_id: str
    provider_name: str  # empty for the unknown provider
    sources: list[str] = field(default_factory=list)  # how the cards named the provider
    services: list[dict[str, object]] = field(default_factory=list)
    to_fill: list[str] = field(default_factory=list)
    webs: list[str] = field(default_factory=list)


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _is_provider_field(name: str) -> bool:
    return "tarjoaja" in fold(name) or "provider" in fold(name)


def _custom_provider(card: TrelloCard) -> tuple[str, str]:
    for name, value in card.custom_fields:
        if _is_provider_field(name):
            return value, f"custom field '{name}'"
    return "", ""


def _resolve_provider(card: TrelloCard, described: str, url: str, by_host: dict[str, str]) -> tuple[str, str]:
    """The provider's name and how it was found: custom field, description line, link domain, or unknown."""
    name, source = _custom_provider(card)
    if name:
        return name, source
    if described:
        return described, "a 'Palveluntarjoaja:' line in the description"
    host = _host(url)
    if host in by_host:
        return by_host[host], f"the link domain {host}, which cards of this provider also link to (check)"
    if host:
        return host, f"the link domain {host} (a guess: check)"
    return "", "nothing (no provider field, no 'Palveluntarjoaja:' line, no link)"


def _notes(card: TrelloCard, rest: str, unmapped: list[str], other_links: list[str], source: str) -> str:
    lines = [f"Imported from the Trello card {card.url}" if card.url else "Imported from Trello"]
    list_needs = map_label(card.list_name)
    lines.append(f"Trello list (category): {card.list_name}" + (f" (gave needs {list_needs})" if list_needs else ""))
    lines.append(f"Provider from: {source}")
    if unmapped:
        lines.append(f"Trello labels not mapped to a need: {', '.join(unmapped)}")
    lines.extend(f"{name}: {value}" for name, value in card.custom_fields if not _is_provider_field(name))
    lines.extend(f"Checklist '{name}': {'; '.join(items)}" for name, items in card.checklists)
    lines.extend(f"Attachment: {' '.join(filter(None, (name, url)))}" for name, url in card.attachments)
    lines.extend(f"Only a non-https link on the card (not used as link): {url}" for url in other_links)
    if rest:
        lines += ["Rest of the Trello description:", rest]
    return "\n".join(lines)


def _service(card: TrelloCard, source: str, draft: _Draft, report: ImportReport, taken: set[str]) -> None:
    parsed = parse_description(card.desc)
    needs: list[str] = []
    unmapped: list[str] = []
    for label in card.labels:
        mapped = map_label(label)
        if mapped is None:
            unmapped.append(label)
            report.unmapped_labels.setdefault(label, []).append(card.name)
        needs.extend(need for need in mapped or [] if need not in needs)
    needs.extend(need for need in map_label(card.list_name) or [] if need not in needs)
    base = f"{draft.provider_id}-{slug(card.name)[:60].rstrip('-')}"
    service_id, counter = base, 2
    while service_id in taken:
        service_id, counter = f"{base}-{counter}", counter + 1
    taken.add(service_id)
    service: dict[str, object] = {"id": service_id, "name_fi": card.name}
    missing: list[str] = []
    if parsed.summary:
        service["summary_fi"] = parsed.summary
    else:
        missing.append("summary_fi (the card has no description)")
    service["needs"] = needs or [TODO]
    if not needs:
        missing.append("needs (no label or list name maps to a need)")
    if parsed.https_url:
        service["link"] = service["source_url"] = parsed.https_url
    else:
        missing.append("link and source_url (no https link on the card)")
    service["charge"] = TODO
    service["notes"] = _notes(card, parsed.rest, unmapped, parsed.other_urls, source)
    draft.services.append(service)
    if missing:
        draft.to_fill.append(f"service {service_id}: {', '.join(missing)}")
    report.cards_imported.append(ImportedCard(card.name, service_id, f"{draft.provider_id}.toml", tuple(needs)))


def _provider_table(draft: _Draft, board_name: str) -> dict[str, object]:
    table: dict[str, object] = {"id": draft.provider_id}
    if draft.provider_name:
        table["name"] = draft.provider_name
    table["kind"] = TODO
    table["municipalities"] = [TODO]
    notes = [f"Draft imported from the Trello board '{board_name}'."]
    notes.append(f"Provider named on its cards by: {'; '.join(draft.sources)}")
    if draft.webs:
        notes.append(f"Web sites linked from its cards (a candidate for web): {', '.join(draft.webs)}")
    table["notes"] = "\n".join(notes)
    return table


def _header(draft: _Draft, board_name: str, today: date) -> str:
    lines = [
        f'DRAFT imported from the Trello board "{board_name}" on {today.isoformat()} - NOT REVIEWED.',
        "Check every value against the provider's own pages before moving this file to knowledge/data.",
        '"TODO" marks a value to choose from knowledge/vocab.py; the knowledge-base check names each',
        "missing field. To fill in:",
        f"- provider: kind ({', '.join(sorted(KIND_IDS))}),",
        "  municipalities (codes or 'all'), and a public contact: web, phone or email",
    ]
    if not draft.provider_name:
        lines.append("- provider: name - the board did not say who offers these services: move each one to")
        lines.append("  its provider's file")
    lines.append(f"- every service: {ALWAYS_TO_FILL},")
    lines.append(f"  charge ({', '.join(sorted(CHARGE_IDS))})")
    lines.extend(f"- {item}" for item in draft.to_fill)
    lines.append("Optional: stages, sizes, sectors, keywords_fi/en, eligibility and how_to_apply texts.")
    return "".join(f"# {line}\n" for line in lines) + "\n"


def _drafts(cards: list[TrelloCard], report: ImportReport) -> dict[str, _Draft]:
    parsed = {card.id: parse_description(card.desc) for card in cards}
    named_at: dict[str, set[str]] = {}  # link host -> providers named on cards linking there
    for card in cards:
        named = _custom_provider(card)[0] or parsed[card.id].provider
        if named and (host := _host(parsed[card.id].first_url)):
            named_at.setdefault(host, set()).add(named)
    by_host = {host: names.pop() for host, names in named_at.items() if len(names) == 1}
    drafts: dict[str, _Draft] = {}
    taken: set[str] = set()
    for card in cards:
        name, source = _resolve_provider(card, parsed[card.id].provider, parsed[card.id].first_url, by_host)
        provider_id = slug(name) or UNKNOWN_PROVIDER
        draft = drafts.setdefault(provider_id, _Draft(provider_id, name))
        if source not in draft.sources:
            draft.sources.append(source)
        url = parsed[card.id].https_url
        if url and (web := f"https://{urlsplit(url).hostname}") not in draft.webs:
            draft.webs.append(web)
        _service(card, source, draft, report, taken)
    return drafts


def import_board(board_path: Path, outdir: Path, today: date) -> ImportReport:
    """Write one draft TOML file per provider from a Trello export into `outdir` (never overwrites).

    `today` only dates the draft's header: last_reviewed is left for the curator to set after checking.
    """
    board = read_board(Path(board_path))
    outdir = Path(outdir)
    report = ImportReport(board=board.name, outdir=outdir, cards_skipped=list(board.skipped))
    drafts = _drafts(board.cards, report)
    existing = [str(outdir / f"{pid}.toml") for pid in drafts if (outdir / f"{pid}.toml").exists()]
    if existing:
        raise DraftExistsError(f"refusing to overwrite existing files (nothing was written): {', '.join(existing)}")
    outdir.mkdir(parents=True, exist_ok=True)
    for provider_id, draft in drafts.items():
        path = outdir / f"{provider_id}.toml"
        content = {"provider": _provider_table(draft, board.name), "service": draft.services}
        text = _header(draft, board.name, today) + tomli_w.dumps(content, multiline_strings=True)
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
        report.files_written.append(path)
        unnamed = "" if draft.provider_name else ", name"
        report.to_fill[path.name] = [
            f"provider: kind, municipalities, a public contact (web, phone or email){unnamed}",
            f"every service: {ALWAYS_TO_FILL}, charge",
            *draft.to_fill,
        ]
    return report
