"""Poll counting without Teams: the kept counters always agree with the vote rows."""

import random

import pytest

from bot.domain.db import open_database
from bot.domain.polls import PollInput, Polls


@pytest.mark.parametrize("multiple", [False, True])
def test_counters_agree_with_the_votes_after_many_taps(tmp_path, multiple):
    db = open_database(tmp_path / "p.db")
    polls = Polls(db)
    poll = polls.get(
        polls.create(PollInput("Milloin?", ["Ma", "Ti", "Ke", "To"], multiple=multiple), None, "c", "u", "U")
    )
    rng = random.Random(7)
    for _ in range(600):
        voter = f"voter-{rng.randrange(40)}"
        polls.vote(poll, voter, voter, rng.randrange(4), "c", voter_id=f"29:{voter}")
    tally = polls.tally(poll)
    counted = dict(
        db.execute("SELECT position, COUNT(*) FROM poll_votes WHERE poll_id = ? GROUP BY position", [poll.id])
    )
    assert tally.counts == [counted.get(position, 0) for position in range(4)]
    (distinct,) = db.execute(
        "SELECT COUNT(DISTINCT voter_aad_id) FROM poll_votes WHERE poll_id = ?", [poll.id]
    ).fetchone()
    assert tally.voters == distinct
    if not multiple:
        assert sum(tally.counts) == tally.voters  # one vote each
