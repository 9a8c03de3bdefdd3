"""The cheap "is this a command?" check: what must match, and what must not."""

from collections.abc import Iterator

import pytest

from bot.app import DB_KEY, ROUTER, create_app
from bot.domain.commands import clean_message_text, parse_command, split_parts
from bot.feature import Command
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def commands(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Command]]:
    """Every command of the assembled bot, as the router knows them."""
    app = create_app(make_settings(tmp_path_factory.mktemp("commands")), start_delivery=False)
    yield app[ROUTER].commands
    app[DB_KEY].close()


@pytest.mark.parametrize(
    ("text", "key", "args"),
    [
        ("apua", "help", ""),
        ("Apua!", "help", ""),
        ("APUA?", "help", ""),
        ("help", "help", ""),
        ("ohjeet", "help", ""),
        ("kieli en", "language", "en"),
        ("koordinaattori lisää Maija", "coordinator", "lisää Maija"),
        ("coordinators", "coordinators", ""),
    ],
)
def test_commands_that_must_match(commands, text, key, args):
    parsed = parse_command(text, commands)
    assert parsed is not None
    assert (parsed.key, parsed.args) == (key, args)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "apuaa",
        "tarvitsen apua rahoitukseen",  # free text that merely contains a command word
        "helpdesk",
        "kielikurssi yrittäjälle",
        "koordinaattorin yhteystiedot",
        "2 hengen kahvila Juvalla tarvitsee rahoitusta",
    ],
)
def test_text_that_must_not_match(commands, text):
    assert parse_command(text, commands) is None


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<at>Kasvuopas</at> apua", "apua"),
        ("<p><at>Kasvuopas</at>&nbsp;apua</p>", "apua"),
        (
            "<at>Kasvuopas</at> koordinaattori lisää <at>Liisa Esimerkki</at>",
            "koordinaattori lisää Liisa Esimerkki",
        ),
        ("  apua  \n", "apua"),
        ("<at>kasvuopas</at>", ""),
        (None, ""),
    ],
)
def test_mentions_and_markup_are_removed(raw, clean):
    assert clean_message_text(raw, ["Kasvuopas"]) == clean


def test_quick_syntax_parts_are_trimmed():
    assert split_parts(" Otsikko ; 16.12.2026 14:00 ;Esittäjä ") == [
        "Otsikko",
        "16.12.2026 14:00",
        "Esittäjä",
    ]
    assert split_parts("   ") == []
