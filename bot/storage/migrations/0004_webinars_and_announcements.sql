-- Webinars with attendance (the posted copies are outbox rows); announcements.
CREATE TABLE "webinars" (
   "id" INTEGER PRIMARY KEY,
   "series_key" TEXT, -- webinars created together by a recurrence share it
   "status" TEXT NOT NULL DEFAULT 'draft', -- draft | published | cancelled
   "title" TEXT NOT NULL,
   "organisation" TEXT,
   "presenter" TEXT,
   "starts_at" TEXT NOT NULL,
   "duration_min" INTEGER NOT NULL DEFAULT 45,
   "join_url" TEXT NOT NULL,
   "description" TEXT,
   "recording_url" TEXT,
   "service_ids_json" TEXT, -- knowledge-base services the webinar is about
   "targets_json" TEXT, -- conversation ids chosen at publishing
   "sequence" INTEGER DEFAULT 0, -- raised on every change, for calendar clients
   "created_by" TEXT,
   "created_at" TEXT,
   "updated_at" TEXT
);
CREATE INDEX "idx_webinars_status_starts_at" ON "webinars" ("status", "starts_at");

CREATE TABLE "webinar_attendance" (
   "webinar_id" INTEGER REFERENCES "webinars"("id"),
   "user_aad_id" TEXT,
   "user_id" TEXT, -- the Teams id (29:…) for mentions and 1:1 chats
   "user_name" TEXT,
   "conversation_id" TEXT, -- where they answered
   "attending" INTEGER,
   "updated_at" TEXT,
   PRIMARY KEY ("webinar_id", "user_aad_id")
);

CREATE TABLE "announcements" (
   "id" INTEGER PRIMARY KEY,
   "status" TEXT NOT NULL DEFAULT 'draft', -- draft | scheduled | sending | sent | cancelled
   "title" TEXT NOT NULL,
   "text" TEXT NOT NULL,
   "image_url" TEXT,
   "links_json" TEXT,
   "targets_json" TEXT,
   "send_at" TEXT, -- NULL = now
   "created_by" TEXT,
   "created_at" TEXT,
   "report_conversation_id" TEXT, -- where the coordinator's delivery report card is
   "report_activity_id" TEXT,
   "report_reference_json" TEXT
);
