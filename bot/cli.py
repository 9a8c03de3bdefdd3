"""The `kasvuopas` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from pydantic import ValidationError

log = logging.getLogger("kasvuopas")


def _settings():
    from bot.settings import Settings

    try:
        return Settings()
    except ValidationError as error:
        messages = "; ".join(str(item["msg"]).removeprefix("Value error, ") for item in error.errors())
        print(f"kasvuopas: configuration error: {messages}", file=sys.stderr)
        raise SystemExit(2) from None


def serve(_args: argparse.Namespace) -> int:
    """Run the bot until interrupted."""
    from aiohttp import web

    from bot.app import create_app
    from bot.logs import configure_logging

    settings = _settings()
    configure_logging(settings.log_level)
    if settings.local_mode and settings.host and settings.host not in ("127.0.0.1", "localhost"):
        log.warning(
            "local mode (no MicrosoftAppId): ignoring HOST=%s, listening on 127.0.0.1 only", settings.host
        )
    app = create_app(settings)
    mode = "local" if settings.local_mode else "production"
    log.info(
        "Kasvuopas listening on http://%s:%d/api/messages (%s mode)",
        settings.bind_host,
        settings.port,
        mode,
    )
    web.run_app(app, host=settings.bind_host, port=settings.port, print=None, access_log=None)
    return 0


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
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `kasvuopas` command."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
