-- Quick polls, their options and votes, with the uniqueness rules in the database itself.
CREATE TABLE "polls" (
   "id" INTEGER PRIMARY KEY,
   "conversation_id" TEXT NOT NULL, -- the conversation the poll belongs to; votes from elsewhere are refused
   "question" TEXT NOT NULL,
   "anonymous" INTEGER DEFAULT 1,
   "multiple" INTEGER DEFAULT 0,
   "live_results" INTEGER DEFAULT 1,
   "deadline" TEXT, -- NULL = none
   "status" TEXT NOT NULL DEFAULT 'open', -- open | closed
   "created_by" TEXT,
   "created_by_name" TEXT,
   "created_at" TEXT,
   "closed_at" TEXT,
   "voters" INTEGER, -- people who have voted, kept with every vote
   "activity_id" TEXT, -- the shared card message, for updates
   "reference_json" TEXT
);

CREATE TABLE "poll_options" (
   "poll_id" INTEGER REFERENCES "polls"("id"),
   "position" INTEGER,
   "text" TEXT,
   "votes" INTEGER, -- kept with every vote, for speed
   PRIMARY KEY ("poll_id", "position")
);

CREATE TABLE "poll_votes" (
   "poll_id" INTEGER REFERENCES "polls"("id"),
   "voter_aad_id" TEXT,
   "voter_id" TEXT, -- the Teams id (29:…), for the card's per-user refresh
   "voter_name" TEXT,
   "position" INTEGER,
   "single" INTEGER,
   "voted_at" TEXT
);
CREATE UNIQUE INDEX "idx_poll_votes_poll_id_voter_aad_id_position" ON "poll_votes" ("poll_id", "voter_aad_id", "position");
CREATE INDEX "idx_poll_votes_poll_id_voted_at" ON "poll_votes" ("poll_id", "voted_at"); -- the latest voters
-- One vote per voter in single-choice polls, enforced by the database, not only by the code.
CREATE UNIQUE INDEX idx_poll_votes_single ON poll_votes (poll_id, voter_aad_id) WHERE single = 1;
