"""`make screenshots`: PNGs of the bot's cards, taken from Microsoft's Teams emulator in headless Chromium.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--language fi|en] [--no-phone] [--verbose]

Starts the bot (local mode, a temporary database, the emulator's user a coordinator) and the Teams
emulator (`tests/e2e/playground.py`) on free loopback ports, opens the emulator's web page in headless
Chromium (`tools/cdp.py`: the DevTools protocol over a WebSocket, no browser download) and walks through
the bot as a person would: it types each command into the compose box, presses the cards' buttons and
fills in the forms with real mouse and keyboard events, and saves each card, clipped to its element, as
a PNG. A desktop window (1200×900) first, then help, finder and the referral form as narrow as a phone.

A step that does not produce the expected card stops the run with one line on stderr naming the step and
what was expected (exit code 1; `--verbose` adds the page, the emulator's traffic and the bot's log).
Pictures are written only when every step passed. Every process it started (bot, emulator, Chromium) is
stopped, also on Ctrl-C. A card that shows the other language's text where this language's was expected
passes with a warning (the picture shows the mix).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import importlib
import json
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO_ROOT), str(REPO_ROOT / "tools")]

from cdp import CDPError, Chromium, Page  # noqa: E402  (tools/ is not a package)

from tests.e2e.local_bot import local_bot  # noqa: E402
from tests.e2e.playground import (  # noqa: E402
    Playground,
    PlaygroundError,
)

DESKTOP = (1200, 900)
# The emulator lays its page out for at least ~800 px (its header does not shrink) and keeps a 60 px
# avatar gutter, so the narrow run uses a 480 px window and narrows the card itself to a phone's width.
PHONE = (480, 860)
PHONE_CARD_WIDTH = 360  # the card's bordered box on a ~400 px wide phone
REPLY_TIMEOUT = 25.0
RUN_TIMEOUT = 300.0  # the whole run; it normally takes about a minute
MARGIN = 6  # px of page around each card in the PNG...
TOP_MARGIN = 1  # ...but 1 px above it: the sender's name and time sit right there

PERSONAL = "Personal Chat"  # the emulator's names for its conversations (tests/e2e/playground.py)
GENERAL = "Etelä-Savon yrityspalvelut - General"

# How the emulator's web UI (Microsoft 365 Agents Playground 0.2.x) is built: each Adaptive Card is a
# `div.ac-adaptiveCard` inside `div.ac-preview-panel`, whose parent is the card's bordered box; in a chat
# that box sits in a `div.fai-OutputCard` message bubble, in a channel in a thread. The compose box is a
# Lexical editor; the conversation list is an overlay that a click outside closes.
PAGE_HELPERS = r"""
window.__shots = {
  frozen: [],
  cards() { return [...document.querySelectorAll('.ac-adaptiveCard')]; },
  box(card) { return card.closest('.fai-OutputCard') || card.parentElement.parentElement; },
  visible(el) { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; },
  norm(s) { return (s || '').replace(/\s+/g, ' ').trim(); },
  label(el) { return this.norm(el.innerText || el.getAttribute('aria-label')); },
  buttons(card) {
    return [...card.querySelectorAll('button, [role=button]')].filter(b => !b.closest('.fui-Combobox'));
  },
  summary() {
    // text: what the card shows, plus its inputs' values (a drop-down's choice is no innerText)
    const values = c => [...c.querySelectorAll('input:not([type=checkbox]), textarea')].map(i => i.value);
    return this.cards().map((c, i) => ({index: i, text: this.norm([c.innerText, ...values(c)].join(' ')),
      buttons: this.buttons(c).map(b => this.label(b))}));
  },
  rect(el) { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; },
  pageRect(el) {  // what Page.captureScreenshot's clip wants: document coordinates, not the viewport's
    const r = this.rect(el);
    return {...r, x: r.x + visualViewport.pageLeft, y: r.y + visualViewport.pageTop};
  },
  async settled(el) {  // wait until an element stops moving (scrolling, the conversation list sliding)
    let last = '';
    for (let i = 0; i < 40; i++) {
      const r = JSON.stringify(this.rect(el));
      if (r === last) return true;
      last = r;
      await new Promise(ok => setTimeout(ok, 100));
    }
    return false;
  },
  async centre(el) {  // scrolled into view and still: its middle, and whether something covers it
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    await this.settled(el);
    const r = el.getBoundingClientRect();
    const x = r.x + r.width / 2, y = r.y + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return {x, y, covered: !(hit && (hit === el || el.contains(hit) || hit.contains(el)))};
  },
  bare(s) { return this.norm(s).replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase(); },  // "○ ti" -> "ti"
  button(index, label) {
    const want = this.bare(label);
    const all = this.buttons(this.cards()[index] || document.createElement('div'));
    return all.find(b => this.bare(this.label(b)) === want) || all.find(b => this.bare(this.label(b)).startsWith(want));
  },
  field(index, labels) {  // the input a <label> names (the first of `labels` found)
    const card = this.cards()[index];
    if (!card) return null;
    for (const label of labels) {
      const want = this.norm(label).toLowerCase();
      for (const l of card.querySelectorAll('label')) {
        const text = this.norm(l.innerText).toLowerCase();
        if (text === want || text.startsWith(want)) return document.getElementById(l.htmlFor);
      }
    }
    return null;
  },
  value(index, labels) {
    const e = this.field(index, labels);
    return e ? (e.type === 'checkbox' ? e.checked : e.value) : null;
  },
  // Hide what the emulator adds in and around a card's bubble during a capture: its toast "Your response
  // was sent to the app" and its notice "Full width control is not supported yet in ... playground".
  isolate(card) {
    const box = this.box(card);
    for (let keep = card; keep && keep !== box; keep = keep.parentElement) {
      for (const sibling of keep.parentElement.children) {
        if (sibling !== keep && !('shotsHidden' in sibling.dataset)) {
          sibling.dataset.shotsHidden = sibling.style.display;
          sibling.style.display = 'none';
        }
      }
    }
    for (const e of document.querySelectorAll('span, div, p')) {
      if (e.childElementCount === 0 && /not supported yet in Microsoft 365 Agents/.test(e.textContent)) {
        let row = e;  // up to the notice's whole row (its dot too), never to what holds a card
        while (row.parentElement && !row.parentElement.querySelector('.ac-adaptiveCard')
               && row.parentElement.textContent.trim() === e.textContent.trim()) row = row.parentElement;
        if (!('shotsInvisible' in row.dataset)) {
          row.dataset.shotsInvisible = row.style.visibility;
          row.style.visibility = 'hidden';
        }
      }
    }
    return true;
  },
  restore() {
    for (const e of document.querySelectorAll('[data-shots-hidden]')) {
      e.style.display = e.dataset.shotsHidden;
      delete e.dataset.shotsHidden;
    }
    for (const e of document.querySelectorAll('[data-shots-invisible]')) {
      e.style.visibility = e.dataset.shotsInvisible;
      delete e.dataset.shotsInvisible;
    }
    return true;
  },
  // The emulator has no Universal Actions `refresh`: a presser's own view of a shared card (their vote
  // marked) shows only until the bot's update of the shared copy replaces it about a second later.
  // Catch that view and show a still copy of the bubble until the capture is done.
  async catch(index, pattern, timeout) {
    const re = new RegExp(pattern, 'i');
    for (const end = Date.now() + timeout; Date.now() < end; await new Promise(ok => setTimeout(ok, 30))) {
      const card = this.cards()[index];
      if (card && re.test(this.norm(card.innerText))) {
        const box = this.box(card), copy = box.cloneNode(true);
        box.replaceWith(copy);
        this.frozen.push([copy, box]);
        return true;
      }
    }
    return false;
  },
  thaw() { for (const [copy, box] of this.frozen.splice(0)) copy.replaceWith(box); return true; },
  title() {
    return [...document.querySelectorAll('h1, span, div')].find(e => e.childElementCount === 0
      && e.textContent.trim() === 'Microsoft 365 Agents Playground' && this.visible(e));
  },
  conversation(name) {
    return [...document.querySelectorAll('button')].find(b => b.getAttribute('aria-label') === name);
  },
  drawerOpen() { const b = this.conversation('Personal Chat'); return !!b && b.getBoundingClientRect().right > 0; },
  logPanelOpen() {
    return [...document.querySelectorAll('span, div')].some(
      e => e.childElementCount === 0 && e.textContent.trim() === 'Log Panel' && this.visible(e));
  },
  composer() {
    return [...document.querySelectorAll('[data-lexical-editor=true]')].filter(e => this.visible(e)).at(-1) || null;
  },
};
true
"""


class StepFailed(Exception):
    """A step did not produce what it should; `str()` is the one line printed."""

    def __init__(self, step: str, expected: str, seen: str = "") -> None:
        self.step = step
        self.line = shorten(f"step {step!r}: expected {expected}" + (f"; {seen}" if seen else ""), 700)
        super().__init__(self.line)

    def add(self, note: str) -> None:
        """Append a note (the bot's error, say) to the line."""
        self.line = shorten(f"{self.line}; {note}", 1000)
        self.args = (self.line,)


# ---- what the bot says ------------------------------------------------------------------------------------


def plain(text: str) -> str:
    """A catalogue text as a card shows it: without Markdown emphasis."""
    return text.replace("**", "").replace("__", "")


def normalise(text: str) -> str:
    """Whitespace collapsed, as the page's `norm()` does."""
    return re.sub(r"\s+", " ", text).strip()


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters."""
    line = normalise(text)
    return line if len(line) <= limit else line[: limit - 1] + "…"


@dataclass(frozen=True)
class Label:
    """A text of the bot in the run's language, and the same text in the other language."""

    text: str
    other: str = ""

    def variants(self) -> list[str]:
        """This language's text first."""
        return [self.text] + ([self.other] if self.other and self.other != self.text else [])

    def __str__(self) -> str:
        return self.text


Needle = str | Label  # a Label may show up in the other language (a warning); a str must show up as is


def variants(needle: Needle) -> list[str]:
    """The forms a needle may take on a card, the expected one first."""
    return needle.variants() if isinstance(needle, Label) else [needle]


class Texts:
    """The bot's own texts (its catalogue files and the features' text tables), to recognise its cards."""

    MODULES = ("bot.features.referrals.texts", "bot.features.status")

    def __init__(self, language: str) -> None:
        from bot.i18n import LANGUAGES, catalogue

        self.language = language
        self.other_language = next(other for other in LANGUAGES if other != language)
        self._texts = {lang: dict(catalogue(lang)) for lang in LANGUAGES}
        for name in self.MODULES:
            with contextlib.suppress(ImportError, AttributeError, KeyError, TypeError):
                tables = importlib.import_module(name).TEXTS
                for lang in LANGUAGES:
                    self._texts[lang].update(tables[lang])

    def _raw(self, key: str, language: str) -> str:
        text = self._texts[language].get(key)
        if text is None:
            raise StepFailed("texts", f"the bot to have a text {key!r} in its {language} catalogue")
        return text

    def __call__(self, key: str, **values: Any) -> str:
        """The text for `key` in the run's language, formatted, without Markdown."""
        text = self._raw(key, self.language)
        return plain(text.format(**values) if values else text)

    def label(self, key: str, **values: Any) -> Label:
        """The text for `key` in the run's language, and in the other one."""
        other = self._texts[self.other_language].get(key, "")
        return Label(self(key, **values), plain(other.format(**values) if values and other else other))

    def patterns(self, key: str, **values: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Regexes for the text in this language and in the other one; placeholders become `values`
        (regexes) or anything."""

        def compile_(text: str) -> re.Pattern[str]:
            parts = re.split(r"\{(\w+)\}", plain(text))
            regex = "".join(re.escape(p) if i % 2 == 0 else values.get(p, ".+?") for i, p in enumerate(parts))
            return re.compile(normalise(regex).replace(r"\ ", r"\s*"), re.IGNORECASE)

        this = self._raw(key, self.language)
        return compile_(this), compile_(self._texts[self.other_language].get(key) or this)


@dataclass(frozen=True)
class Script:
    """What is typed into the emulator, per language."""

    language_command: str
    help: str
    finder: str
    poll: str
    poll_question: str
    poll_vote: str
    webinar: str
    webinar_title: str
    announcement: str
    announcement_title: str
    referral: str
    referrals: str
    status: str
    company: str
    municipality: str
    service: str
    need: str


SCRIPTS = {
    "fi": Script(
        language_command="kieli fi",
        help="apua",
        # "aloittava yrittäjä tarvitsee takauksen pankkilainaan" alone finds three services, too few for
        # a Näytä lisää button; asking for financing too finds eight.
        finder="aloittava yrittäjä tarvitsee takauksen ja rahoitusta pankkilainaan",
        poll="kysely Milloin tavataan? ; ma ; ti ; ke",
        poll_question="Milloin tavataan?",
        poll_vote="ti",
        webinar="webinaari Vientiklinikka ; 16.12.2027 14:00 ; Testi Esittäjä ; https://teams.microsoft.com/l/meetup-join/x",
        webinar_title="Vientiklinikka",
        announcement="tiedote Joulutauko ; Toimisto on suljettu 24.–26.12.",
        announcement_title="Joulutauko",
        referral="ohjaus",
        referrals="ohjaukset",
        status="tila",
        company="Esimerkkikahvila Oy",
        municipality="Mikkeli",
        service="Alkutakaus",
        need="Aloittava kahvila tarvitsee takauksen pankkilainaan.",
    ),
    "en": Script(
        language_command="language en",
        help="help",
        finder="a start-up needs a guarantee and financing for a bank loan",
        poll="poll When shall we meet? ; Mon ; Tue ; Wed",
        poll_question="When shall we meet?",
        poll_vote="Tue",
        webinar="webinar Export clinic ; 16.12.2027 14:00 ; Test Presenter ; https://teams.microsoft.com/l/meetup-join/x",
        webinar_title="Export clinic",
        announcement="announce Christmas break ; The office is closed on 24–26 December.",
        announcement_title="Christmas break",
        referral="referral",
        referrals="referrals",
        status="status",
        company="Example Café Ltd",
        municipality="Mikkeli",
        service="Start-up guarantee",
        need="A new café needs a guarantee for its bank loan.",
    ),
}


# ---- what a card must show ----------------------------------------------------------------------------------

Card = dict[str, Any]  # {"index", "text", "buttons"} from the page's summary()


def in_text(card: Card, text: str) -> bool:
    """The card's text (or an input's value) contains `text`, case and spacing aside."""
    return normalise(text).lower() in card["text"].lower()


def bare(label: str) -> str:
    """A button's label without leading symbols, in lower case ("○ ti" -> "ti"), as the page's `bare()`."""
    return re.sub(r"^[\W_]+", "", normalise(label)).lower()


def in_buttons(card: Card, label: str) -> bool:
    """The card has a button whose label is, or starts with, `label` (leading symbols aside)."""
    want = bare(label)
    return any(bare(button).startswith(want) for button in card["buttons"])


@dataclass(frozen=True)
class Want:
    """What a card must show: texts, buttons, and any other test."""

    what: str
    texts: Sequence[Needle] = ()
    buttons: Sequence[Needle] = ()
    test: Callable[[Card], bool] | None = None

    def matches(self, card: Card) -> bool:
        """Every text and button is there (in either language), and the test passes."""
        return (
            all(any(in_text(card, v) for v in variants(n)) for n in self.texts)
            and all(any(in_buttons(card, v) for v in variants(n)) for n in self.buttons)
            and (self.test is None or self.test(card))
        )

    def mixed(self, card: Card) -> list[str]:
        """The texts and buttons that show up in the other language only."""
        found = [(n, in_text) for n in self.texts] + [(n, in_buttons) for n in self.buttons]
        return [
            f"{n.other!r} where {n.text!r} was expected"
            for n, present in found
            if isinstance(n, Label) and n.other and not present(card, n.text) and present(card, n.other)
        ]


# ---- the emulator's web page --------------------------------------------------------------------------------


@dataclass
class Shot:
    """One saved picture."""

    name: str
    path: Path
    size: tuple[int, int]


class EmulatorPage:
    """The emulator's web UI in one Chromium tab: type, press, pick, capture."""

    def __init__(
        self,
        page: Page,
        url: str,
        out: Path,
        size: tuple[int, int],
        log: Callable[[str], None],
        card_width: int | None = None,
    ) -> None:
        self.page = page
        self.url = url
        self.out = out
        self.size = size
        self.log = log
        self.card_width = card_width
        self.shots: list[Shot] = []
        self.warnings: list[str] = []
        self.step = "open the emulator"
        self._last: tuple[int, Want] | None = None  # the card found last and what it had to show

    async def js(self, expression: str) -> Any:
        """Evaluate in the page (where `__shots` is installed)."""
        return await self.page.evaluate(expression)

    async def at(self, element_js: str) -> dict[str, Any] | None:
        """Scroll the element `element_js` evaluates to into view; its middle, or None if there is none."""
        found = await self.js(f"(async () => {{ const e = {element_js}; return e && await __shots.centre(e); }})()")
        return dict(found) if found else None

    def warn(self, message: str) -> None:
        """Note something odd that does not stop the run (printed at the end)."""
        line = f"{self.step}: {message}"
        if line not in self.warnings:
            self.warnings.append(line)
            self.log(f"warning: {line}")

    async def open(self) -> None:
        """Load the web UI, wait for its compose box and close its log panel."""
        await self.page.set_viewport(*self.size)
        await self.page.navigate(self.url)
        await self.js(PAGE_HELPERS)
        if not await self.page.wait_for("!!__shots.composer()", timeout=20):
            raise StepFailed(self.step, f"the emulator's page at {self.url} to show a compose box")
        if self.card_width:
            css = f"div:has(> .ac-preview-panel) {{ width: {self.card_width}px !important; max-width: none; }}"
            await self.js(
                f"(() => {{ const s = document.createElement('style'); s.textContent = {json.dumps(css)};"
                " document.head.appendChild(s); return true; })()"
            )
        await self.close_log_panel()

    async def click_on(self, element_js: str, what: str) -> None:
        """A real mouse click in the middle of an element."""
        spot = await self.at(element_js)
        if spot is None:
            raise StepFailed(self.step, f"the emulator's page to show {what}")
        await self.page.click(spot["x"], spot["y"])

    async def close_log_panel(self) -> None:
        """The log panel covers part of the window; the pictures do not need it."""
        for _attempt in range(3):
            if not await self.js("__shots.logPanelOpen()"):
                return
            await self.click_on("document.querySelector(\"button[title='Toggle Log Panel']\")", "its log panel button")
            if await self.page.wait_for("!__shots.logPanelOpen()", timeout=2):
                return

    async def open_conversation(self, name: str) -> None:
        """Pick a conversation in the emulator's list, as a person would."""
        toggle = "document.querySelector(\"button[title='Toggle app bar and conversation window']\")"
        if not await self.js("__shots.drawerOpen()"):
            await self.click_on(toggle, "the button that opens the conversation list")
            if not await self.page.wait_for("__shots.drawerOpen()", timeout=5):
                raise StepFailed(self.step, "the emulator's conversation list to open")
        await self.click_on(f"__shots.conversation({json.dumps(name)})", f"the conversation {name!r}")
        # The list closes on a click outside it (its own button would open it again): click the title.
        title = await self.at("__shots.title()")
        if title:
            await self.page.click(title["x"], title["y"])
        if not await self.page.wait_for("!__shots.drawerOpen()", timeout=5):
            raise StepFailed(self.step, "the emulator's conversation list to close after picking a conversation")
        if not await self.page.wait_for("!!__shots.composer()", timeout=10):
            raise StepFailed(self.step, f"the conversation {name!r} to show a compose box")
        await self.close_log_panel()
        await asyncio.sleep(0.5)

    async def send(self, text: str) -> int:
        """Type `text` into the compose box and press Enter; return how many cards were there before."""
        before = len(await self.cards())
        await self.click_on("__shots.composer()", "a compose box")
        await self.js("__shots.composer().focus()")
        await self.page.insert_text(text)
        await asyncio.sleep(0.1)
        await self.page.press_key("Enter")
        return before

    async def cards(self) -> list[Card]:
        """Every Adaptive Card on the page: index, text and button labels."""
        return list(await self.js("__shots.summary()"))

    async def wait_card(
        self, want: Want, *, after: int = 0, index: int | None = None, timeout: float = REPLY_TIMEOUT
    ) -> int:
        """Wait for a card (the one at `index`, else the newest from `after` on) showing `want`; its index."""
        deadline = time.monotonic() + timeout
        while True:
            cards = await self.cards()
            candidates = cards[index : index + 1] if index is not None else cards[after:]
            for card in reversed(candidates):
                if want.matches(card):
                    for mix in want.mixed(card):
                        self.warn(f"the card shows {mix}")
                    self._last = (int(card["index"]), want)
                    return int(card["index"])
            if time.monotonic() > deadline:
                break
            await asyncio.sleep(0.2)
        shown = candidates[-2:] or cards[-1:]
        seen = " | ".join(f"[{c['text'][:200]}] buttons {c['buttons']}" for c in shown)
        raise StepFailed(self.step, want.what, f"saw {seen}" if seen else "no card came")

    async def catch_card(self, index: int, what: str, patterns: tuple[re.Pattern[str], re.Pattern[str]]) -> None:
        """Wait for card `index` to match either pattern and hold that view still until the next capture."""
        this, other = patterns
        either = f"(?:{this.pattern})|(?:{other.pattern})"
        if not await self.js(f"__shots.catch({index}, {json.dumps(either)}, {REPLY_TIMEOUT * 1000:.0f})"):
            cards = await self.cards()
            seen = cards[index]["text"][:300] if index < len(cards) else "no card"
            raise StepFailed(self.step, what, f"saw [{seen}]")
        text = (await self.cards())[index]["text"]
        if not this.search(text):
            self.warn(f"the card shows {other.pattern!r} where {this.pattern!r} was expected")

    async def press(self, index: int, label: Needle) -> None:
        """Click the button labelled `label` on card `index`."""
        for number, text in enumerate(variants(label)):
            spot = await self.at(f"__shots.button({index}, {json.dumps(text)})")
            if spot is None:
                continue
            if number:
                self.warn(f"the button reads {text!r} where {str(label)!r} was expected")
            if spot["covered"]:  # something floats over it: press it as a keyboard user would
                await self.js(f"__shots.button({index}, {json.dumps(text)}).click()")
            else:
                await self.page.click(spot["x"], spot["y"])
            return
        cards = await self.cards()
        buttons = cards[index]["buttons"] if index < len(cards) else []
        raise StepFailed(self.step, f"a button {str(label)!r} on the card", f"its buttons are {buttons}")

    async def value(self, index: int, label: Needle) -> Any:
        """The value of the field labelled `label` (`checked` for a checkbox), or None without such a field."""
        return await self.js(f"__shots.value({index}, {json.dumps(variants(label))})")

    async def _click_field(self, index: int, label: Needle) -> None:
        await self.click_on(f"__shots.field({index}, {json.dumps(variants(label))})", f"a field {str(label)!r}")

    async def fill(self, index: int, label: Needle, text: str) -> None:
        """Type into the text field labelled `label`, replacing what it holds."""
        if normalise(str(await self.value(index, label) or "")) == normalise(text):
            return
        await self._click_field(index, label)
        await self.js(f"__shots.field({index}, {json.dumps(variants(label))}).select()")
        await self.page.insert_text(text)
        got = await self.value(index, label)
        if normalise(str(got or "")) != normalise(text):
            raise StepFailed(self.step, f"the field {str(label)!r} to read {text!r}", f"it reads {got!r}")

    async def pick(self, index: int, label: Needle, option: str) -> None:
        """Open the drop-down labelled `label` and click `option` (exactly, else the first starting with it)."""
        if option.lower() in str(await self.value(index, label) or "").lower():
            return
        await self._click_field(index, label)
        options = "[...document.querySelectorAll('[role=option]')].filter(e => __shots.visible(e))"
        if not await self.page.wait_for(f"{options}.length > 0", timeout=5):
            raise StepFailed(self.step, f"the drop-down {str(label)!r} to open")
        want = json.dumps(option.lower())
        hit = (
            f"(() => {{ const o = {options}, t = e => __shots.norm(e.innerText).toLowerCase();"
            f" return o.find(e => t(e) === {want}) || o.find(e => t(e).startsWith({want})); }})()"
        )
        spot = await self.at(hit)
        if spot is None:
            shown = await self.js(f"{options}.map(e => __shots.norm(e.innerText)).slice(0, 15)")
            raise StepFailed(self.step, f"an option {option!r} in {str(label)!r}", f"its options are {shown}")
        if spot["covered"] or not 0 <= spot["x"] < self.size[0]:  # the list opened beside the field, off-screen
            await self.js(f"{hit}.click()")
        else:
            await self.page.click(spot["x"], spot["y"])
        if not await self.page.wait_for(
            f"String(__shots.value({index}, {json.dumps(variants(label))}) || '').toLowerCase().includes({want})",
            timeout=3,
        ):
            got = await self.value(index, label)
            raise StepFailed(self.step, f"{str(label)!r} to show {option!r} after picking it", f"it shows {got!r}")

    async def tick(self, index: int, label: Needle) -> None:
        """Tick the checkbox labelled `label`."""
        if await self.value(index, label):
            return
        await self._click_field(index, label)
        if not await self.value(index, label):
            raise StepFailed(self.step, f"the box {str(label)!r} to be ticked")

    async def capture(self, index: int, name: str, prepare: Callable[[], Awaitable[None]] | None = None) -> Shot:
        """Save card `index` as `<name>.png`; the window is made tall enough for the whole card first.

        Resizing makes the emulator draw its cards again, which empties a form's text fields: `prepare`
        (filling them in) runs after the resize."""
        box = f"__shots.box(__shots.cards()[{index}])"
        height = await self.js(f"{box}.getBoundingClientRect().height")
        width, base_height = self.size
        await self.page.set_viewport(width, max(base_height, int(height) + 240))
        try:
            await asyncio.sleep(0.4)  # layout after the resize
            if prepare is not None:
                await prepare()
            await self.js("document.activeElement && document.activeElement.blur && document.activeElement.blur()")
            await self.js(f"__shots.isolate(__shots.cards()[{index}])")
            await self.js(f"{box}.scrollIntoView({{block: 'center', inline: 'nearest'}})")
            await self.js(f"__shots.settled({box})")
            await self.js("document.fonts.ready.then(() => true)")
            await self.page.wait_for(f"[...{box}.querySelectorAll('img')].every(i => i.complete)", timeout=5)
            await asyncio.sleep(0.2)
            if self._last is not None and self._last[0] == index:  # the card may have changed since (an update)
                for mix in self._last[1].mixed((await self.cards())[index]):
                    self.warn(f"the card shows {mix} (in {name}.png)")
            rect = await self.js(f"__shots.pageRect({box})")
            page_left = float(await self.js("visualViewport.pageLeft"))
            left, top = max(0.0, rect["x"] - MARGIN), max(0.0, rect["y"] - TOP_MARGIN)
            clip = {
                "x": left,
                "y": top,
                "width": min(rect["x"] + rect["width"] + MARGIN, page_left + width) - left,
                "height": rect["y"] + rect["height"] + MARGIN - top,
            }
            png = await self.page.screenshot(clip)
        finally:
            await self.js("__shots.restore() && __shots.thaw()")
            await self.page.set_viewport(*self.size)
        path = self.out / f"{name}.png"
        path.write_bytes(png)
        shot = Shot(name, path, (round(clip["width"]), round(clip["height"])))
        self.shots.append(shot)
        self.log(f"{name}.png ({shot.size[0]}×{shot.size[1]})")
        return shot


# ---- the walk-through --------------------------------------------------------------------------------------


async def desktop_run(ui: EmulatorPage, t: Texts, s: Script) -> None:
    """Every card, in a 1200×900 window."""
    ui.step = "open the emulator"
    await ui.open()
    ui.log("emulator page open")

    ui.step = f"{s.language_command} (reply language)"
    await ui.send(s.language_command)
    if not await ui.page.wait_for(f"document.body.innerText.includes({json.dumps(t('language.set'))})", REPLY_TIMEOUT):
        raise StepFailed(ui.step, f"the bot to answer {t('language.set')!r}")

    ui.step = "open the team's General channel (the bot learns the team's channels)"
    await ui.open_conversation(GENERAL)
    welcome = t.label("welcome.title")
    await ui.wait_card(Want(f"the bot's welcome card {str(welcome)!r} in the channel", texts=[welcome]))
    await ui.open_conversation(PERSONAL)
    ui.log("the bot is installed in the team")

    ui.step = f"{s.help} (help)"
    n = await ui.send(s.help)
    title = t.label("help.title")
    card = await ui.wait_card(Want(f"the help card {str(title)!r}", texts=[title]), after=n)
    await ui.capture(card, "help")

    ui.step = f"{s.finder} (finder)"
    n = await ui.send(s.finder)
    more, title = t.label("finder.more"), t.label("finder.title")
    card = await ui.wait_card(
        Want(f"the finder's card {str(title)!r} with a {str(more)!r} button", texts=[title], buttons=[more]), after=n
    )
    await ui.capture(card, "finder")
    before = (await ui.cards())[card]["text"]
    ui.step = f"{more} (finder)"
    await ui.press(card, more)
    await ui.wait_card(
        Want(
            f"the finder's card to grow with more services ({len(before)} characters before)",
            texts=[title],
            test=lambda c: len(c["text"]) > len(before) + 100,
        ),
        index=card,
    )
    await ui.capture(card, "finder-more")

    ui.step = f"{s.poll} (poll)"
    n = await ui.send(s.poll)
    close = t.label("poll.close_button")
    card = await ui.wait_card(
        Want(f"a poll card {s.poll_question!r} with {str(close)!r}", texts=[s.poll_question], buttons=[close]), after=n
    )
    ui.step = f"vote {s.poll_vote!r} (poll)"
    await ui.press(card, s.poll_vote)
    voted = t.patterns("poll.your_choice", choices=re.escape(s.poll_vote))
    await ui.catch_card(card, f"the voter's own card to say {voted[0].pattern!r}", voted)
    await ui.capture(card, "poll")
    ui.step = f"{close} (poll)"
    await ui.press(card, close)
    closed = t.label("poll.closed_kicker")
    await ui.wait_card(Want(f"the poll card to turn into {str(closed)!r}", texts=[closed]), index=card)
    await ui.capture(card, "poll-closed")

    ui.step = f"{s.webinar} (webinar preview)"
    n = await ui.send(s.webinar)
    title, publish = t.label("webinar.preview_title"), t.label("webinar.publish_button")
    everywhere = t.patterns("webinar.target_all", count=r"[1-9]\d*")
    card = await ui.wait_card(
        Want(
            f"the webinar preview {str(title)!r} with {str(publish)!r}, for all the network's channels "
            f"({everywhere[0].pattern!r}: the bot should know the team's channels)",
            texts=[title, s.webinar_title],
            buttons=[publish],
            test=lambda c: any(p.search(c["text"]) for p in everywhere),
        ),
        after=n,
    )
    await ui.capture(card, "webinar-preview")
    ui.step = f"{publish} (webinar)"
    await ui.press(card, publish)
    published = "|".join(f"(?:{p.pattern})" for p in t.patterns("webinar.published"))
    if not await ui.page.wait_for(
        f"new RegExp({json.dumps(published)}, 'i').test(__shots.norm(document.body.innerText))", REPLY_TIMEOUT
    ):
        raise StepFailed(ui.step, f"the bot to confirm the publication ({published!r})")
    await ui.catch_card(card, "the preview to say where and when it was published", t.patterns("webinar.published"))
    await ui.capture(card, "webinar-published")
    ui.step = "the published webinar in the General channel"
    await ui.open_conversation(GENERAL)
    attend = t.label("webinar.attend")
    card = await ui.wait_card(
        Want(f"the webinar {s.webinar_title!r} with {str(attend)!r}", texts=[s.webinar_title], buttons=[attend])
    )
    ui.step = f"{attend} (webinar)"
    await ui.press(card, attend)
    you_attend = t.patterns("webinar.you_attend")
    await ui.catch_card(card, f"the attendee's own card to say {you_attend[0].pattern!r}", you_attend)
    await ui.capture(card, "webinar")
    await ui.open_conversation(PERSONAL)

    ui.step = f"{s.announcement} (announcement preview)"
    n = await ui.send(s.announcement)
    title, send = t.label("announcement.preview_title"), t.label("announcement.send_button")
    card = await ui.wait_card(
        Want(
            f"the announcement preview {str(title)!r} with {str(send)!r}",
            texts=[title, s.announcement_title],
            buttons=[send],
        ),
        after=n,
    )
    await ui.capture(card, "announcement-preview")
    ui.step = f"{send} (announcement)"
    await ui.press(card, send)
    await ui.catch_card(card, "the preview to say where and when it was sent", t.patterns("announcement.sending"))
    await ui.capture(card, "announcement-sent")
    report = t.label("announcement.report_title", title=s.announcement_title)
    summaries = t.patterns("announcement.report_summary", sent=r"(\d+)", total=r"(\d+)", pending="0", failed=r"\d+")

    def all_sent(c: Card) -> bool:
        found = [m for m in (p.search(c["text"]) for p in summaries) if m]
        return bool(found) and found[0].group(1) == found[0].group(2)

    card = await ui.wait_card(
        Want(
            f"the delivery report {str(report)!r} to show every channel sent ({summaries[0].pattern!r})",
            texts=[report],
            test=all_sent,
        ),
        after=card,
    )
    await ui.capture(card, "announcement-report")
    ui.step = "the announcement in the General channel"
    await ui.open_conversation(GENERAL)
    kicker = t.label("announcement.kicker")
    card = await ui.wait_card(
        Want(f"the announcement {s.announcement_title!r} ({str(kicker)!r})", texts=[kicker, s.announcement_title])
    )
    await ui.capture(card, "announcement")
    await ui.open_conversation(PERSONAL)

    card = await referral_form(ui, t, s, "referral-form")
    submit = t.label("referral.submit")
    ui.step = f"{submit} (referral)"
    await fill_referral(ui, t, s, card)  # the capture resized the window back: the emulator emptied the form
    await ui.press(card, submit)
    logged = t.label("referral.logged_title")
    card = await ui.wait_card(  # the form turns into the confirmation
        Want(f"the card {str(logged)!r} naming {s.company!r}", texts=[logged, s.company]), after=card
    )
    await ui.capture(card, "referral-logged")

    ui.step = f"{s.referrals} (referral list)"
    n = await ui.send(s.referrals)
    title = t.label("referral.list_title_own")
    card = await ui.wait_card(Want(f"the list {str(title)!r} with {s.company!r}", texts=[title, s.company]), after=n)
    await ui.capture(card, "referrals")

    ui.step = f"{s.status} (status)"
    n = await ui.send(s.status)
    title, refresh = t.label("status.title"), t.label("status.refresh")
    card = await ui.wait_card(
        Want(f"the status card {str(title)!r} with {str(refresh)!r}", texts=[title], buttons=[refresh]), after=n
    )
    await ui.capture(card, "status")


async def referral_form(ui: EmulatorPage, t: Texts, s: Script, name: str) -> int:
    """The referral form, filled in as an adviser would, saved as `name`; returns the card's index."""
    ui.step = f"{s.referral} (referral form)"
    n = await ui.send(s.referral)
    title, submit = t.label("referral.form_title"), t.label("referral.submit")
    card = await ui.wait_card(
        Want(f"the referral form {str(title)!r} with {str(submit)!r}", texts=[title], buttons=[submit]), after=n
    )
    ui.step = f"fill in the referral form ({name})"
    await ui.capture(card, name, prepare=lambda: fill_referral(ui, t, s, card))
    return card


async def fill_referral(ui: EmulatorPage, t: Texts, s: Script, card: int) -> None:
    """Fill in the referral form (fields that are right already are left alone)."""
    await ui.fill(card, t.label("referral.field.company"), s.company)
    await ui.pick(card, t.label("referral.field.municipality"), s.municipality)
    await ui.pick(card, t.label("referral.field.service"), s.service)
    await ui.fill(card, t.label("referral.field.need"), s.need)
    await ui.tick(card, t.label("referral.field.consent"))


async def phone_run(ui: EmulatorPage, t: Texts, s: Script) -> None:
    """Help, finder and the referral form, the card as wide as a phone shows it."""
    ui.step = "open the emulator (narrow window)"
    await ui.open()

    ui.step = f"{s.help} (help, narrow)"
    n = await ui.send(s.help)
    title = t.label("help.title")
    card = await ui.wait_card(Want(f"the help card {str(title)!r}", texts=[title]), after=n)
    await ui.capture(card, "help-phone")

    ui.step = f"{s.finder} (finder, narrow)"
    n = await ui.send(s.finder)
    title, refer = t.label("finder.title"), t.label("finder.refer")
    card = await ui.wait_card(Want(f"the finder's card {str(title)!r}", texts=[title], buttons=[refer]), after=n)
    await ui.capture(card, "finder-phone")

    await referral_form(ui, t, s, "referral-form-phone")


# ---- processes ---------------------------------------------------------------------------------------------


def bot_errors(folder: Path) -> list[str]:
    """The bot's ERROR lines (its log is JSON lines), each shortened to its message and exception."""
    lines = []
    with contextlib.suppress(OSError):
        for raw in (folder / "bot.log").read_text(errors="replace").splitlines():
            with contextlib.suppress(ValueError, AttributeError):
                entry = json.loads(raw)
                if entry.get("level") in ("ERROR", "CRITICAL"):
                    exception = str(entry.get("exception", "")).strip().splitlines()
                    lines.append(f"{entry.get('message')}: {exception[-1] if exception else ''}"[:300])
    return lines


@dataclass
class Run:
    """The command line's choices and what the run produced."""

    out: Path
    language: str
    verbose: bool
    phone: bool
    shots: list[Shot] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def emoji_font_missing() -> bool:
    """True when fontconfig knows no font with 👍 (the finder's feedback buttons would show boxes)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        found = subprocess.run([fc_list, ":charset=1f44d", "family"], capture_output=True, text=True, timeout=10)
        return not found.stdout.strip()
    return False


async def walk(run: Run) -> None:
    """Start everything, take every picture, stop everything."""
    try:
        texts = Texts(run.language)
    except ImportError as error:
        raise StepFailed("read the bot's texts", "the bot to be importable (run `make install`)", str(error)) from None
    if emoji_font_missing():
        run.warnings.append("no emoji font: 👍/👎 show as boxes (apt-get install fonts-noto-color-emoji)")
    script = SCRIPTS[run.language]
    started = time.monotonic()

    def log(message: str) -> None:
        print(f"[{time.monotonic() - started:5.1f}s] {message}", flush=True)

    folder = Path(tempfile.mkdtemp(prefix="kasvuopas-screenshots-"))
    staging = folder / "pictures"
    staging.mkdir()
    keep = False
    playground: Playground | None = None
    ui: EmulatorPage | None = None
    try:
        failed = functools.partial(StepFailed, "start the bot", "`kasvuopas serve` to start")
        # The network's language as the pictures': the cards posted to channels are in it too.
        async with local_bot(folder, failed, "screenshots.db", KASVUOPAS_LANGUAGE=run.language) as endpoint:
            log(f"bot running at {endpoint}")
            playground = Playground(endpoint, workdir=folder / "playground")
            try:
                await playground.start()
            except PlaygroundError as error:
                first_line = str(error).splitlines()[0]
                raise StepFailed("start the emulator", "the Teams emulator to start", first_line) from None
            log(f"emulator running at {playground.url}")
            browser = Chromium()
            try:
                try:
                    await browser.start()
                except CDPError as error:
                    raise StepFailed("start Chromium", "headless Chromium to start", str(error)) from None
                log(f"Chromium running (DevTools on port {browser.port})")
                try:
                    ui = EmulatorPage(await browser.new_page(), playground.url, staging, DESKTOP, log)
                    await desktop_run(ui, texts, script)
                    run.shots += ui.shots
                    run.warnings += ui.warnings
                    await browser.close_page(ui.page)
                    if run.phone:
                        page = await browser.new_page()
                        ui = EmulatorPage(page, playground.url, staging, PHONE, log, card_width=PHONE_CARD_WIDTH)
                        await phone_run(ui, texts, script)
                        run.shots += ui.shots
                        run.warnings += [w for w in ui.warnings if w not in run.warnings]
                except (CDPError, aiohttp.ClientError, ConnectionError) as error:
                    step = ui.step if ui is not None else "open a tab"
                    seen = f"{type(error).__name__}: {error}"
                    raise StepFailed(step, "Chromium to carry out the step", seen) from None
                except StepFailed:
                    if ui is not None:
                        run.warnings += [w for w in ui.warnings if w not in run.warnings]
                        if run.verbose:
                            with contextlib.suppress(Exception):
                                page_png = folder / "failure.png"
                                page_png.write_bytes(await ui.page.screenshot())
                    raise
            finally:
                await browser.stop()
        run.out.mkdir(parents=True, exist_ok=True)
        for shot in run.shots:  # only a complete run replaces the pictures
            shot.path = Path(shutil.move(shot.path, run.out / shot.path.name))
        log(f"done in {time.monotonic() - started:.0f} s")
    except StepFailed as failure:
        errors = bot_errors(folder)
        if errors:
            failure.add(f"the bot logged: {errors[-1]}")
        if run.verbose:
            print_details(ui, playground, folder)
            keep = True
        raise
    finally:
        if playground is not None:
            await playground.stop()
        if keep:
            print(f"--- kept for a look: {folder} (pictures so far, failure.png, bot.log)", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def print_details(ui: EmulatorPage | None, playground: Playground | None, folder: Path) -> None:
    """--verbose, on failure: what the page, the emulator and the bot saw."""
    if ui is not None and ui.page.console:
        print("--- browser console ---", *ui.page.console[-15:], sep="\n", file=sys.stderr)
    if playground is not None:
        print(playground.diagnostics(), file=sys.stderr)
    with contextlib.suppress(OSError):
        tail = (folder / "bot.log").read_text(errors="replace").splitlines()[-25:]
        print("--- bot log (tail) ---", *tail, sep="\n", file=sys.stderr)


def relative(path: Path) -> str:
    """`path` relative to the repository when it is inside it."""
    with contextlib.suppress(ValueError):
        return str(path.resolve().relative_to(REPO_ROOT))
    return str(path)


def main(argv: Iterable[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, help="where the PNGs go (docs/screenshots; for en docs/screenshots/en)")
    parser.add_argument("--language", choices=sorted(SCRIPTS), default="fi", help="the bot's reply language (fi)")
    parser.add_argument("--no-phone", dest="phone", action="store_false", help="skip the phone-width pictures")
    parser.add_argument("--verbose", action="store_true", help="on failure, print what the emulator and bot saw")
    args = parser.parse_args(list(argv) if argv is not None else None)
    default_out = REPO_ROOT / "docs" / "screenshots" / ("" if args.language == "fi" else args.language)
    run = Run(out=args.out or default_out, language=args.language, verbose=args.verbose, phone=args.phone)

    async def guarded() -> None:
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            if task is not None:
                loop.add_signal_handler(sig, task.cancel)
        try:
            async with asyncio.timeout(RUN_TIMEOUT):
                await walk(run)
        except TimeoutError:
            raise StepFailed("the whole run", f"to finish within {RUN_TIMEOUT:.0f} s") from None

    try:
        asyncio.run(guarded())
    except StepFailed as failure:
        print(f"screenshots: {failure}", file=sys.stderr)
        return 1
    except (asyncio.CancelledError, KeyboardInterrupt):
        print("screenshots: interrupted; everything it started is stopped", file=sys.stderr)
        return 130
    finally:
        for warning in run.warnings:
            print(f"screenshots: warning: {warning}", file=sys.stderr)
    print(f"screenshots: {len(run.shots)} pictures in {relative(run.out)}/")
    for shot in run.shots:
        print(f"  {shot.path.name:28} {shot.size[0]}×{shot.size[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
