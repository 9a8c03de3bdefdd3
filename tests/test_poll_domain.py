"""Poll counting without Teams: the kept counters always agree with the vote rows."""

import random

import pytest

from bot.domain.polls import PollInput, Polls
from bot.storage.sqlite import open_database
from tests.clock import FakeClock


@pytest.mark.parametrize("multiple", [False, True])
def test_counters_agree_with_the_votes_after_many_taps(tmp_path, multiple):
    db = open_database(tmp_path / "p.db")
    polls = Polls(db, FakeClock())
    poll = polls.get(
        polls.create(PollInput("Milloin?", ["Ma", "Ti", "Ke", "To"], multiple=multiple), None, "c", "u", "U")
    )
    rng = random.Random(7)
    for _ in range(600):
        voter = f"voter-{rng.randrange(40)}"
        polls.vote(poll, voter, voter, rng.randrange(4), "c", voter_id=f"29:{voter}")
    tally = polls.tally(poll)
    counted = {
        position: count
        for position, count in db.all(
            "SELECT position, COUNT(*) FROM poll_votes WHERE poll_id = ? GROUP BY position", [poll.id]
        )
    }
    assert tally.counts == [counted.get(position, 0) for position in range(4)]
    distinct = db.value("SELECT COUNT(DISTINCT voter_aad_id) FROM poll_votes WHERE poll_id = ?", [poll.id])
    assert tally.voters == distinct
    if not multiple:
        assert sum(tally.counts) == tally.voters  # one vote each
