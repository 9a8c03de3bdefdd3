"""What people type is shown as they typed it: never a link, emphasis or list in the bot's cards."""

from __future__ import annotations

import re
from typing import Any

from adaptive_cards.base import plain
from adaptive_cards.polls import CLOSE_VERB, CREATE_VERB, VOTE_VERB
from adaptive_cards.referrals import SUBMIT_VERB
from tests.activities import ADVISER, COORDINATOR, User
from tests.card_actions import card_of, press
from tests.cards import cards_in
from tests.harness import card_nodes, texts_of

LINK = "[Klikkaa tästä](https://evil.example/kirjaudu)"
BOLD = "**TÄRKEÄ**"
# An unescaped Markdown link: [text](address), the bracket not preceded by a backslash.
MARKDOWN_LINK = re.compile(r"(?<!\\)\[[^\]]*(?<!\\)\]\(")


def shown_texts(card: dict[str, Any]) -> list[str]:
    """Every text Teams renders as Markdown on the card: TextBlocks and facts."""
    found: list[str] = []
    for node in card_nodes(card):
        if node.get("type") == "TextBlock":
            found.append(node["text"])
        if node.get("type") == "FactSet":
            found.extend(part for fact in node["facts"] for part in (fact["title"], fact["value"]))
    return found


def assert_literal(card: dict[str, Any], *typed: str) -> None:
    """No Markdown link on the card, and each typed text is there escaped (so shown as typed)."""
    texts = shown_texts(card)
    assert not [text for text in texts if MARKDOWN_LINK.search(text)], texts
    for text in typed:
        assert any(plain(text) in shown for shown in texts), (text, texts)


def test_plain_escapes_links_emphasis_lists_and_mentions_but_keeps_ordinary_text():
    assert plain(LINK) == "\\[Klikkaa tästä\\](https://evil.example/kirjaudu)"
    assert plain("- eka\n2. toka\n# otsikko") == "\\- eka\n2\\. toka\n\\# otsikko"
    assert plain("<at>Kalle</at> *ja* _muut_") == "\\<at\\>Kalle\\</at\\> \\*ja\\* \\_muut\\_"
    assert plain("Kahvila Juvalla, 2. kerros – 50 % alennus!") == "Kahvila Juvalla, 2. kerros – 50 % alennus!"


async def test_a_link_typed_into_a_poll_is_not_a_link_in_its_card(bot):
    replies = await bot.send(bot.teams.channel("kysely"))
    form = cards_in(replies[0])[0]
    values = {"question": f"Mikä {BOLD}?", "options": f"{LINK}\nEi", "anonymous": "false"}
    card = card_of(await press(bot, form, CREATE_VERB, conversation="channel", **values))
    assert_literal(card, f"Mikä {BOLD}?")
    voter = User("29:1-markdown-voter", "**Iso** [Nimi](https://x.example)", "00000000-0000-4000-8000-00000000abcd")
    voted = card_of(await press(bot, card, VOTE_VERB, conversation="channel", user=voter))
    assert_literal(voted, voter.name, LINK)  # the voter's name, and the choice in "Valintasi: …"
    button = next(action for action in voted["body"][3]["items"][0]["actions"])
    assert LINK in button["title"]  # a button's title is plain text: it keeps the text as typed
    closed = card_of(await press(bot, voted, CLOSE_VERB, conversation="channel"))
    assert_literal(closed, LINK, voter.name)


async def test_webinar_and_announcement_fields_are_shown_as_typed(bot):
    join = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0"
    quick = f"webinaari Tietoisku {BOLD} ; 16.12.2026 14:00 ; {LINK} ; {join}"
    preview = cards_in((await bot.send(bot.teams.personal(quick, user=COORDINATOR)))[0])[0]
    assert_literal(preview, f"Tietoisku {BOLD}", LINK)
    form = cards_in((await bot.send(bot.teams.personal("tiedote", user=COORDINATOR)))[0])[0]
    values = {"title": f"Tiedote {BOLD}", "text": f"Lue {LINK}\n- ei lista\n1. eikä tämä"}
    preview = card_of(await press(bot, form, "announcement.preview", user=COORDINATOR, **values))
    assert_literal(preview, values["title"], values["text"])
    assert "**Tiedote" not in str(preview)


async def test_referral_fields_are_shown_as_typed_and_the_bots_own_bold_stays(bot):
    form = cards_in((await bot.send(bot.teams.personal("ohjaus")))[0])[0]
    values = {
        "company": f"{BOLD} Oy",
        "municipality": "491",
        "service": "finnvera-alkutakaus",
        "need": f"Takaus {LINK}",
        "consent": "true",
    }
    confirmation = card_of(await press(bot, form, SUBMIT_VERB, **values))
    assert_literal(confirmation, f"{BOLD} Oy", f"Takaus {LINK}")
    listed = cards_in((await bot.send(bot.teams.personal("ohjaukset")))[0])[0]
    # the list's own bold around the escaped name
    assert any(f"**{plain(BOLD)} Oy**" in text for text in shown_texts(listed))
    assert_literal(listed, f"{BOLD} Oy")


async def test_coordinator_names_from_teams_are_shown_as_typed(bot):
    sneaky = User("29:1-sneaky-person", f"Kalle {LINK}", "5e5e5e5e-0000-4000-8000-000000000005")
    bot.connector.members[sneaky.id] = sneaky.member()
    replies = await bot.send(bot.teams.channel("koordinaattori lisää", user=COORDINATOR, mentions=(sneaky,)))
    assert plain(sneaky.name) in replies[0]["text"] and sneaky.name in texts_of(replies)  # escaped, read as typed
    (listed,) = await bot.send(bot.teams.personal("koordinaattorit", user=ADVISER))
    raw = listed.get("text") or "\n".join(shown_texts(listed))
    assert plain(sneaky.name) in raw and not MARKDOWN_LINK.search(raw)
