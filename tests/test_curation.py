"""The gaps digest over a real SQLite file, its snapshots, the alias and draft writers, and `kb gaps`."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from adaptive_cards.base import MAX_CARD_BYTES
from adaptive_cards.curator import digest_card, digest_view
from bot.curation_cli import add_curation_commands, parse_since
from bot.domain.curation import Digest, DigestStore, build_digest
from bot.domain.kb_edits import CurationRefused, add_alias, alias_candidates, restore_lexicon, write_gap_draft
from bot.domain.search_log import SearchLog
from bot.features.curator import next_weekly_due, weekly_key
from bot.features.curator_texts import TEXTS
from bot.i18n import Catalogues
from bot.storage.sqlite import SqliteDatabase, open_database
from knowledge.lexicon import BUNDLED_LEXICON, LEXICON_FILE
from knowledge.loader import load_knowledge_base
from tests.cards import assert_valid_card
from tests.clock import FakeClock
from tests.conftest import KB_PATH

START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
SERVICES = ["finnvera-alkutakaus", "tyo-mikkeli-palkkatuki", "tyo-mikkeli-rekry", "maatilaneuvonta-tilasuunnittelu"]
ADVISERS = ["a1d3f6e0-0000-4000-8000-000000000001", "e5e5e5e5-0000-4000-8000-000000000003"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def db(tmp_path: Path, clock: FakeClock) -> SqliteDatabase:
    database = open_database(tmp_path / "bot.db", clock)
    yield database
    database.close()


def ask(db, clock, question, results=(), needs=(), user=ADVISERS[0], stored_needs=True) -> int:
    """A question as the finder logs it, an hour after the previous one."""
    clock.advance(3600)
    search_id = SearchLog(db, clock).record(question, "fi", {}, list(results), user, "a:1personal-x", list(needs)).id
    if not stored_needs:  # a search logged before needs were stored
        db.execute("UPDATE searches SET needs_json = NULL WHERE id = ?", [search_id])
    return search_id


def digest_of(db, clock) -> Digest:
    return build_digest(db, START, clock() + timedelta(seconds=1), SERVICES)


def test_near_identical_questions_are_one_line_and_nobody_who_asked_is_in_it(db, clock):
    ask(db, clock, "Kahvinkeitin hajosi toimistolla", user=ADVISERS[0])
    ask(db, clock, "kahvinkeitin hajosi toimistolla!", user=ADVISERS[1])
    ask(db, clock, "Toimistolla hajosi kahvinkeitin", user=ADVISERS[1])  # word order
    ask(db, clock, "Kahvinkeiten hajosi toimistola")  # typos
    ask(db, clock, "Miten perustan osuuskunnan?")

    digest = digest_of(db, clock)

    first, second = digest.no_results
    assert (first.count, second.count) == (4, 1)
    wordings = {first.question, *first.variants}
    assert {"Kahvinkeitin hajosi toimistolla", "Toimistolla hajosi kahvinkeitin"} <= wordings
    assert second.question == "Miten perustan osuuskunnan?"
    as_json = json.dumps(digest.to_json(), ensure_ascii=False)
    assert not any(user in as_json for user in ADVISERS) and "a:1personal" not in as_json
    assert "user" not in as_json and "conversation" not in as_json


def test_a_personal_identity_code_typed_into_a_question_never_reaches_the_digest(db, clock):
    ask(db, clock, "Asiakas 131052-308T tarvitsee zzkvx-apua")  # the population register's own example code
    (line,) = digest_of(db, clock).no_results
    assert line.question == "Asiakas [henkilötunnus] tarvitsee zzkvx-apua"
    assert "131052" not in json.dumps(digest_of(db, clock).to_json())


def test_the_period_is_half_open_and_each_kind_of_gap_is_told_apart(db, clock):
    ask(db, clock, "ennen jaksoa")  # before `since`
    since = clock() + timedelta(seconds=1)
    nothing = ask(db, clock, "zzkvx qwerty")
    disliked = ask(db, clock, "alkutakaus kahvilalle", ["finnvera-alkutakaus"], ["guarantee"])
    ask(db, clock, "Finnvera", ["finnvera-alkutakaus"], [])  # shown, but no need read: low confidence
    ask(db, clock, "palkkatuki", ["tyo-mikkeli-palkkatuki"], ["wage_subsidy"])  # a good answer
    ask(db, clock, "vanha kysymys", ["tyo-mikkeli-rekry"], stored_needs=False)  # needs unknown: not guessed
    SearchLog(db, clock).give_feedback(disliked, ADVISERS[0], helpful=False)
    changed_mind = ask(db, clock, "rekrytointi", ["tyo-mikkeli-rekry"], ["recruitment"])
    log = SearchLog(db, clock)
    log.give_feedback(changed_mind, ADVISERS[1], helpful=False)
    clock.advance(60)
    log.give_feedback(changed_mind, ADVISERS[1], helpful=True)  # a later 👍 replaces the 👎
    until = clock() + timedelta(seconds=1)
    ask(db, clock, "jakson jälkeen")  # at or after `until`

    digest = build_digest(db, since, until, SERVICES)

    assert digest.searches == 6 and nothing
    assert [line.question for line in digest.no_results] == ["zzkvx qwerty"]
    (down,) = digest.disliked
    assert down.question == "alkutakaus kahvilalle" and down.service_ids == ("finnvera-alkutakaus",)
    assert [line.question for line in digest.low_confidence] == ["Finnvera"]
    assert digest.never_shown == ("maatilaneuvonta-tilasuunnittelu",)
    assert digest.line(down.id) == down and digest.line("x9") is None


def test_a_period_without_questions_lists_no_service_as_never_shown(db, clock):
    digest = digest_of(db, clock)
    assert digest.searches == 0 and digest.never_shown == () and digest.empty


def test_snapshots_round_trip_and_unknown_tokens_find_nothing(db, clock):
    ask(db, clock, "zzkvx qwerty")
    digest = digest_of(db, clock)
    store = DigestStore(db, clock)
    token = store.save(digest)
    assert store.get(token) == digest
    assert store.get("not-a-token") is None and store.get(None) is None and store.get(123) is None
    assert store.save(digest, "weekly-2026-11-30") == "weekly-2026-11-30"
    clock.advance(timedelta(days=91).total_seconds())
    store.save(digest)  # saving prunes snapshots older than 90 days
    assert store.get(token) is None


def test_hundreds_of_gaps_make_a_valid_card_far_under_the_limit(db, clock):
    for number in range(400):
        ask(db, clock, " ".join(hashlib.sha256(f"{number}-{word}".encode()).hexdigest()[:12] for word in range(38)))
        if number % 3 == 0:
            ask(db, clock, f"Kysymys {number}", ["finnvera-alkutakaus"], [])
    digest = digest_of(db, clock)
    catalogues = Catalogues()
    catalogues.add("curator", TEXTS)
    texts = catalogues.texts("fi")
    names = {service: f"Palvelu {service} " + "n" * 80 for service in SERVICES}
    card = digest_card(texts, digest_view(texts, "fi", "t" * 16, digest, {"no_results": 79}, names))
    assert_valid_card(card)
    assert len(json.dumps(card, ensure_ascii=False).encode()) < MAX_CARD_BYTES * 0.75
    assert len(digest.no_results) == 400


# ---- aliases and drafts ---------------------------------------------------------------------------


@pytest.fixture
def kb_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(KB_PATH, folder)
    return folder


def _line(db, clock, question="zzkvx qwerty onnistuuko"):
    ask(db, clock, question)
    digest = digest_of(db, clock)
    return digest, digest.no_results[0]


def test_an_alias_is_added_to_a_copy_of_the_bundled_lexicon_with_its_comments(db, clock, kb_folder):
    _digest, line = _line(db, clock)
    assert alias_candidates(line) == ["zzkvx", "qwerty", "onnistuuko", "zzkvx qwerty", "qwerty onnistuuko"]
    assert "zzkvx" not in alias_candidates(line, ["ZZKVX"])

    previous = add_alias(kb_folder, "zzkvx", "  palkka   tuki ", date(2026, 11, 30))

    assert previous is None
    written = (kb_folder / LEXICON_FILE).read_text(encoding="utf-8")
    bundled = BUNDLED_LEXICON.read_text(encoding="utf-8")
    assert [row for row in written.splitlines() if row not in bundled.splitlines()] == ['"zzkvx" = "palkka tuki"']
    assert len(written.splitlines()) == len(bundled.splitlines()) + 1  # every comment kept
    assert tomllib.loads(written)["aliases"]["zzkvx"] == "palkka tuki"
    assert not load_knowledge_base(kb_folder).errors
    assert not list(kb_folder.glob(".*tmp"))
    restore_lexicon(kb_folder, previous)
    assert not (kb_folder / LEXICON_FILE).exists()


@pytest.mark.parametrize(
    ("word", "meaning", "reason"),
    [
        ("zzkvx", "", "meaning_invalid"),
        ("zzkvx", "x" * 81, "meaning_invalid"),
        ("zzkvx", "ZZKVX", "meaning_same"),
        ("ely", "elinvoimakeskus", "alias_exists"),  # already in the bundled lexicon
    ],
)
def test_an_alias_that_does_not_fit_is_refused_and_nothing_is_written(kb_folder, word, meaning, reason):
    with pytest.raises(CurationRefused) as refused:
        add_alias(kb_folder, word, meaning, date(2026, 11, 30))
    assert refused.value.reason == reason
    assert not (kb_folder / LEXICON_FILE).exists()


def test_an_alias_is_refused_when_the_folder_would_not_load(kb_folder):
    (kb_folder / LEXICON_FILE).write_text(BUNDLED_LEXICON.read_text(encoding="utf-8"), encoding="utf-8")
    before = (kb_folder / LEXICON_FILE).read_bytes()
    (kb_folder / "rikki.toml").write_text("[provider]\nid = 'rikki'\n", encoding="utf-8")

    with pytest.raises(CurationRefused) as refused:
        add_alias(kb_folder, "zzkvx", "palkkatuki", date(2026, 11, 30))

    assert refused.value.reason == "kb_invalid" and "rikki.toml" in refused.value.values["problem"]
    assert (kb_folder / LEXICON_FILE).read_bytes() == before


def test_a_draft_is_written_once_in_the_drafts_folder_in_the_import_shape(db, clock, kb_folder):
    digest, line = _line(db, clock, "Miten perustan osuuskunnan?")
    services_before = load_knowledge_base(kb_folder).service_count
    path = write_gap_draft(kb_folder, digest, line, date(2026, 11, 30))

    assert path == kb_folder / "drafts" / "aukko-miten-perustan-osuuskunnan.toml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# DRAFT") and "NOT REVIEWED" in text.splitlines()[0]
    content = tomllib.loads(text)
    (service,) = content["service"]
    assert content["provider"]["kind"] == "TODO" and service["needs"] == ["TODO"]
    assert "Asked: Miten perustan osuuskunnan?" in service["notes"] and "osuuskunnan" in service["notes"]
    assert "name_fi" not in service  # the check names it rather than a placeholder passing
    found = {problem.field for problem in load_knowledge_base(path.parent).errors}
    assert {"provider.kind", "provider.name"} <= found
    assert any(field.endswith(".name_fi") for field in found)
    assert load_knowledge_base(kb_folder).service_count == services_before  # drafts/ is not loaded
    with pytest.raises(CurationRefused) as refused:
        write_gap_draft(kb_folder, digest, line, date(2026, 11, 30))
    assert refused.value.reason == "draft_exists" and refused.value.values["file"] == f"drafts/{path.name}"


# ---- the weekly schedule ------------------------------------------------------------------------


def test_the_weekly_digest_is_due_every_monday_at_eight_helsinki_time():
    sunday = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    due = next_weekly_due(sunday)
    assert due == datetime(2026, 11, 30, 6, 0, tzinfo=UTC) and weekly_key(due) == "curator:weekly:2026-11-30"
    assert next_weekly_due(due) == datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
    summer = next_weekly_due(datetime(2026, 3, 28, 12, 0, tzinfo=UTC))  # the clocks go forward that night
    assert summer == datetime(2026, 3, 30, 5, 0, tzinfo=UTC)


# ---- kasvuopas kb gaps --------------------------------------------------------------------------


def _run(argv: list[str], clock) -> int:
    parser = argparse.ArgumentParser()
    add_curation_commands(parser.add_subparsers())
    args = parser.parse_args(argv)
    return int(args.func(args, clock))


def test_kb_gaps_prints_the_digest_as_text_or_json(tmp_path, db, clock, capsys):
    ask(db, clock, "zzkvx qwerty", user=ADVISERS[1])
    ask(db, clock, "qwerty zzkvx")
    clock.advance(1)
    db_path = tmp_path / "bot.db"

    assert _run(["gaps", "--db", str(db_path), "--kb", str(KB_PATH), "--since", "7d"], clock) == 0
    text = capsys.readouterr().out
    assert "Questions that found nothing: 1" in text and "×2  " in text
    assert "Services in no answer: " in text and "maatilaneuvonta-tilasuunnittelu (Tilasuunnittelu" in text
    assert not any(user in text for user in ADVISERS)

    assert _run(["gaps", "--db", str(db_path), "--kb", str(KB_PATH), "--json"], clock) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["searches"] == 2 and data["no_results"][0]["count"] == 2

    assert _run(["gaps", "--db", str(tmp_path / "missing.db"), "--kb", str(KB_PATH)], clock) == 2
    assert "no database" in capsys.readouterr().err
    assert _run(["gaps", "--db", str(db_path), "--since", "eilen"], clock) == 2


def test_since_reads_durations_and_dates():
    now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert parse_since("30d", now) == now - timedelta(days=30)
    assert parse_since("2w", now) == now - timedelta(weeks=2)
    assert parse_since("12h", now) == now - timedelta(hours=12)
    assert parse_since("2026-11-01", now) == datetime(2026, 10, 31, 22, 0, tzinfo=UTC)  # Helsinki midnight
    with pytest.raises(ValueError, match="30d"):
        parse_since("kuukausi", now)
