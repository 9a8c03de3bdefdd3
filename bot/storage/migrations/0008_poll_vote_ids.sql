-- Votes get an id of their own, so that named polls list voters in the order they voted without
-- relying on SQLite's hidden rowid (which another database does not have).
CREATE TABLE "poll_votes_new" (
   "id" INTEGER PRIMARY KEY,
   "poll_id" INTEGER REFERENCES "polls"("id"),
   "voter_aad_id" TEXT,
   "voter_id" TEXT, -- the Teams id (29:…), for the card's per-user refresh
   "voter_name" TEXT,
   "position" INTEGER,
   "single" INTEGER,
   "voted_at" TEXT
);
INSERT INTO poll_votes_new (poll_id, voter_aad_id, voter_id, voter_name, position, single, voted_at)
SELECT poll_id, voter_aad_id, voter_id, voter_name, position, single, voted_at FROM poll_votes ORDER BY rowid;
DROP TABLE poll_votes;
ALTER TABLE poll_votes_new RENAME TO poll_votes;
CREATE UNIQUE INDEX "idx_poll_votes_poll_id_voter_aad_id_position" ON "poll_votes" ("poll_id", "voter_aad_id", "position");
CREATE INDEX "idx_poll_votes_poll_id_voted_at" ON "poll_votes" ("poll_id", "voted_at");
-- One vote per voter in single-choice polls, enforced by the database, not only by the code.
CREATE UNIQUE INDEX idx_poll_votes_single ON poll_votes (poll_id, voter_aad_id) WHERE single = 1;
