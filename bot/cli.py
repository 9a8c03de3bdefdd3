"""The `kasvuopas` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from bot.curation_cli import add_curation_commands
from bot.kb_eval_cli import add_kb_eval_parser

if TYPE_CHECKING:
    from aiohttp import web

    from bot.settings import Settings

log = logging.getLogger("kasvuopas")


def _settings() -> Settings:
    from bot.settings import Settings

    try:
        return Settings()
    except ValidationError as error:
        messages = "; ".join(str(item["msg"]).removeprefix("Value error, ") for item in error.errors())
        print(f"kasvuopas: configuration error: {messages}", file=sys.stderr)
        raise SystemExit(2) from None


async def _reload_on_sighup(app: web.Application) -> None:
    import asyncio
    import signal

    from bot.app import KNOWLEDGE
    from knowledge.loader import KnowledgeBaseError

    def reload() -> None:
        try:
            app[KNOWLEDGE].reload()
        except KnowledgeBaseError as error:
            log.error("SIGHUP: knowledge base not reloaded: %s", error)

    asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, reload)


def serve(_args: argparse.Namespace) -> int:
    """Run the bot until interrupted."""
    from aiohttp import web

    from bot.app import create_app
    from bot.logs import configure_logging
    from knowledge.loader import KnowledgeBaseError

    settings = _settings()
    configure_logging(settings.log_level)
    if settings.local_mode and settings.host and settings.host not in ("127.0.0.1", "localhost"):
        log.warning("local mode (no MicrosoftAppId): ignoring HOST=%s, listening on 127.0.0.1 only", settings.host)
    try:
        app = create_app(settings)
    except KnowledgeBaseError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(
            f"kasvuopas: not starting: the knowledge base in {settings.kb_path} has "
            f"{len(error.problems)} errors (run `kasvuopas kb check`)",
            file=sys.stderr,
        )
        return 2
    except sqlite3.DatabaseError as error:
        print(f"kasvuopas: not starting: {database_advice(settings.db_path, error)}", file=sys.stderr)
        return 2
    except OSError as error:  # a folder that cannot be created or read: the path is wrong, not the bot
        where = error.filename or settings.db_path
        print(
            f"kasvuopas: not starting: {error.strerror or error}: {where} "
            f"(check KASVUOPAS_DB={settings.db_path} and KASVUOPAS_KB={settings.kb_path})",
            file=sys.stderr,
        )
        return 2
    app.on_startup.append(_reload_on_sighup)
    mode = "local" if settings.local_mode else "production"
    log.info(
        "Kasvuopas listening on http://%s:%d/api/messages (%s mode)",
        settings.bind_host,
        settings.port,
        mode,
    )
    try:
        # A short grace: nothing a request does may hold a SIGTERM up for long.
        web.run_app(app, host=settings.bind_host, port=settings.port, print=None, access_log=None, shutdown_timeout=2.0)
    except OSError as error:
        print(
            f"kasvuopas: cannot listen on {settings.bind_host}:{settings.port} ({error.strerror or error}); "
            "is another copy running? Set PORT to use another port.",
            file=sys.stderr,
        )
        return 2
    return 0


def database_advice(path: Path, error: sqlite3.DatabaseError) -> str:
    """One line that says what is wrong with the database file and what to do about it."""
    reason = str(error)
    if "readonly" in reason or "unable to open" in reason:
        return f"the database {path} cannot be written ({reason}); check the file's and its folder's permissions"
    if "not a database" in reason or "malformed" in reason:
        return (
            f"the database {path} is damaged ({reason}); restore it from a backup, or move it away "
            "to start with an empty one"
        )
    if "full" in reason:
        return f"the disk holding {path} is full ({reason}); free some space"
    return f"the database {path} cannot be used ({reason})"


def manifest(args: argparse.Namespace) -> int:
    """Write the Teams app package."""
    from app_manifest.package import write_package

    output = Path(args.output or f"dist/kasvuopas-teams-app-{args.app_id}.zip")
    try:
        path = write_package(args.app_id, output)
    except ValueError as error:
        print(f"kasvuopas manifest: {error}", file=sys.stderr)
        return 2
    print(path)
    return 0


def _today() -> date:
    """Today in Helsinki, from the one clock."""
    from bot.common.clock import system_clock
    from bot.common.helsinki_time import to_helsinki

    return to_helsinki(system_clock()).date()


def _kb_path(args: argparse.Namespace) -> Path:
    return Path(args.kb) if getattr(args, "kb", None) else _settings().kb_path


def search(args: argparse.Namespace) -> int:
    """Print the services that fit a question, or answer one question a line in batch mode."""
    import json

    from knowledge.finder import Finder
    from knowledge.loader import load_knowledge_base

    kb = load_knowledge_base(_kb_path(args), _today())
    if kb.errors:
        for problem in kb.errors:
            print(f"error: {problem}", file=sys.stderr)
        print("kasvuopas search: the knowledge base has errors; run `kasvuopas kb check`", file=sys.stderr)
        return 2
    finder = Finder(kb)

    def answer(question: str) -> list[dict[str, Any]]:
        return [match.as_dict(args.lang) for match in finder.search(question, top=args.top).matches]

    if args.query:
        results = answer(" ".join(args.query))
        if args.json:
            print(json.dumps(results, ensure_ascii=False))
        elif not results:
            print("No service fits that question. Try naming the need (rahoitus, rekrytointi, vienti …).")
        for rank, result in enumerate(results if not args.json else [], start=1):
            print(f"{rank}. {result['name']} — {result['provider']}  ({result['score']})")
            print(f"   {result['why']}")
            print(f"   {result['link']}")
        return 0
    for line in sys.stdin:
        print(json.dumps(answer(line.strip()) if line.strip() else [], ensure_ascii=False), flush=True)
    return 0


def kb_check(args: argparse.Namespace) -> int:
    """Validate the knowledge base; non-zero exit on errors."""
    from knowledge.loader import load_knowledge_base

    folder = _kb_path(args)
    kb = load_knowledge_base(folder, _today())
    for problem in kb.errors:
        print(f"error: {problem}")
    for problem in kb.warnings:
        print(f"warning: {problem}")
    verdict = "FAILED" if kb.errors else "OK"
    print(
        f"{verdict}: {folder}: {kb.provider_count} providers, {kb.service_count} services, "
        f"{len(kb.errors)} errors, {len(kb.warnings)} warnings"
    )
    return 1 if kb.errors else 0


def kb_import_trello(args: argparse.Namespace) -> int:
    """Write draft knowledge-base files from a Trello board export."""
    from knowledge.trello_import import TrelloImportError, import_board

    try:
        report = import_board(Path(args.board), Path(args.outdir), _today())
    except (OSError, ValueError, TrelloImportError) as error:
        print(f"kasvuopas kb import-trello: {error}", file=sys.stderr)
        return 2
    print(report)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="kasvuopas", description="Kasvuopas Teams bot")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("serve", help="run the bot (what `make run` runs)")
    run.set_defaults(func=serve)

    package = commands.add_parser("manifest", help="write the Teams app package (zip)")
    package.add_argument("--app-id", required=True, help="the bot's Microsoft App ID (a GUID)")
    package.add_argument("--output", help="zip file to write (default: dist/…zip)")
    package.set_defaults(func=manifest)

    finder = commands.add_parser("search", help="the service finder")
    finder.add_argument("query", nargs="*", help="the question; without it, one question a line from stdin")
    finder.add_argument("--json", action="store_true", help="print a JSON array")
    finder.add_argument("--top", type=int, default=5, help="how many results (default 5)")
    finder.add_argument("--lang", choices=["fi", "en"], default="fi", help="language of names and why")
    finder.add_argument("--kb", help="knowledge-base folder (default: KASVUOPAS_KB)")
    finder.set_defaults(func=search)

    kb = commands.add_parser("kb", help="knowledge-base tools")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True)
    check = kb_commands.add_parser("check", help="validate the knowledge base")
    check.add_argument("--kb", help="knowledge-base folder (default: KASVUOPAS_KB)")
    check.set_defaults(func=kb_check)
    trello = kb_commands.add_parser("import-trello", help="draft entries from a Trello board JSON export")
    trello.add_argument("board", help="the board's JSON export")
    trello.add_argument("outdir", help="folder for the draft files (must not hold files of the same name)")
    trello.set_defaults(func=kb_import_trello)
    add_kb_eval_parser(kb_commands)
    add_curation_commands(kb_commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `kasvuopas` command."""
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
