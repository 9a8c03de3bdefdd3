-- The durable outbox (one row per message and target) and scheduled jobs.
CREATE TABLE "outbox" (
   "id" INTEGER PRIMARY KEY,
   "idempotency_key" TEXT NOT NULL, -- e.g. "announcement:12:19:abc@thread.tacv2"; a second enqueue is a no-op
   "group_key" TEXT, -- what the row belongs to, for reports: "announcement:12", "webinar:3"
   "operation" TEXT NOT NULL, -- send | update | personal
   "conversation_id" TEXT NOT NULL, -- the target (conversation registry key)
   "reference_json" TEXT, -- conversation reference used to reach the target
   "payload_json" TEXT NOT NULL, -- the activity to send, or the new content for an update
   "activity_id" TEXT, -- update: the message to replace; send: the id Teams gave the message
   "status" TEXT NOT NULL DEFAULT 'pending', -- pending | sending | sent | failed | inactive | unknown
   "attempts" INTEGER NOT NULL DEFAULT 0,
   "next_attempt_at" TEXT,
   "last_error" TEXT,
   "created_at" TEXT,
   "finished_at" TEXT
);
CREATE UNIQUE INDEX "idx_outbox_idempotency_key" ON "outbox" ("idempotency_key");
CREATE INDEX "idx_outbox_status_next_attempt_at" ON "outbox" ("status", "next_attempt_at");
CREATE INDEX "idx_outbox_group_key" ON "outbox" ("group_key");

CREATE TABLE "jobs" (
   "id" INTEGER PRIMARY KEY,
   "job_key" TEXT NOT NULL, -- unique: scheduling the same job twice is a no-op
   "kind" TEXT NOT NULL,
   "due_at" TEXT NOT NULL,
   "payload_json" TEXT,
   "status" TEXT NOT NULL DEFAULT 'pending', -- pending | done | failed | cancelled
   "attempts" INTEGER NOT NULL DEFAULT 0,
   "last_error" TEXT,
   "created_at" TEXT,
   "done_at" TEXT
);
CREATE UNIQUE INDEX "idx_jobs_job_key" ON "jobs" ("job_key");
CREATE INDEX "idx_jobs_status_due_at" ON "jobs" ("status", "due_at");
