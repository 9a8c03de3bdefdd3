PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO _sqlite_migrations VALUES(1,'kasvuopas','m001_foundation','2026-11-30 16:27:35.074109+00:00');
INSERT INTO _sqlite_migrations VALUES(2,'kasvuopas','m002_finder','2026-11-30 16:27:35.075566+00:00');
INSERT INTO _sqlite_migrations VALUES(3,'kasvuopas','m003_delivery','2026-11-30 16:27:35.077054+00:00');
INSERT INTO _sqlite_migrations VALUES(4,'kasvuopas','m004_webinars_and_announcements','2026-11-30 16:27:35.078807+00:00');
INSERT INTO _sqlite_migrations VALUES(5,'kasvuopas','m005_polls','2026-11-30 16:27:35.080654+00:00');
CREATE TABLE IF NOT EXISTS "conversations" (
   "conversation_id" TEXT PRIMARY KEY,
   "conversation_type" TEXT NOT NULL,
   "tenant_id" TEXT,
   "team_id" TEXT,
   "team_name" TEXT,
   "channel_id" TEXT,
   "channel_name" TEXT,
   "user_aad_id" TEXT,
   "service_url" TEXT NOT NULL,
   "reference_json" TEXT NOT NULL,
   "active" INTEGER NOT NULL DEFAULT 1,
   "first_seen" TEXT,
   "last_seen" TEXT
);
INSERT INTO conversations VALUES('19:chan@thread.tacv2','channel','tenant','19:team@thread.tacv2','Tiimi','19:chan@thread.tacv2','Kanava','','https://smba.example.invalid/','{"bot": {"id": "28:bot"}, "channelId": "msteams", "conversation": {"conversationType": "channel", "id": "19:chan@thread.tacv2", "isGroup": true}, "serviceUrl": "https://smba.example.invalid/"}',1,'2026-11-30T16:27:35+00:00','2026-11-30T16:27:35+00:00');
CREATE TABLE IF NOT EXISTS "coordinators" (
   "aad_object_id" TEXT PRIMARY KEY,
   "name" TEXT,
   "added_by" TEXT,
   "added_at" TEXT
);
INSERT INTO coordinators VALUES('aad-coordinator-1','Kalle Koordinaattori','aad-admin','2026-11-30T16:27:35+00:00');
CREATE TABLE IF NOT EXISTS "bot_state" (
   "key" TEXT PRIMARY KEY,
   "etag" TEXT NOT NULL,
   "value_json" TEXT NOT NULL,
   "updated_at" TEXT
);
INSERT INTO bot_state VALUES('msteams/users/29:user-1','9e496a5ab72d428db337dd267bb8765c','{"language": "en"}','2026-11-30T16:27:35+00:00');
INSERT INTO bot_state VALUES('msteams/conversations/a:personal-1','1b540e2ad04b4514b8e513c05ad0d611','{"DialogState": {"py/object": "x"}}','2026-11-30T16:27:35+00:00');
CREATE TABLE IF NOT EXISTS "searches" (
   "id" INTEGER PRIMARY KEY,
   "asked_at" TEXT NOT NULL,
   "user_aad_id" TEXT,
   "conversation_id" TEXT,
   "language" TEXT,
   "question" TEXT NOT NULL,
   "facets_json" TEXT,
   "results_json" TEXT NOT NULL
);
INSERT INTO searches VALUES(1,'2026-11-30T16:27:35+00:00','aad-user-1','a:personal-1','fi','rahoitus juva','{"municipality": null}','["svc-a", "svc-b"]');
CREATE TABLE IF NOT EXISTS "search_feedback" (
   "search_id" INTEGER REFERENCES "searches"("id"),
   "user_aad_id" TEXT,
   "helpful" INTEGER,
   "given_at" TEXT,
   PRIMARY KEY ("search_id", "user_aad_id")
);
INSERT INTO search_feedback VALUES(1,'aad-user-1',1,'2026-11-30T16:27:35+00:00');
CREATE TABLE IF NOT EXISTS "referral_intents" (
   "id" INTEGER PRIMARY KEY,
   "search_id" INTEGER REFERENCES "searches"("id"),
   "service_id" TEXT,
   "user_aad_id" TEXT,
   "conversation_id" TEXT,
   "created_at" TEXT
);
INSERT INTO referral_intents VALUES(1,1,'svc-a','aad-user-1','a:personal-1','2026-11-30T16:27:35+00:00');
CREATE TABLE IF NOT EXISTS "outbox" (
   "id" INTEGER PRIMARY KEY,
   "idempotency_key" TEXT NOT NULL,
   "group_key" TEXT,
   "operation" TEXT NOT NULL,
   "conversation_id" TEXT NOT NULL,
   "reference_json" TEXT,
   "payload_json" TEXT NOT NULL,
   "activity_id" TEXT,
   "status" TEXT NOT NULL DEFAULT 'pending',
   "attempts" INTEGER NOT NULL DEFAULT 0,
   "next_attempt_at" TEXT,
   "last_error" TEXT,
   "created_at" TEXT,
   "finished_at" TEXT
);
INSERT INTO outbox VALUES(1,'announcement:1:19:chan','announcement:1','send','19:chan@thread.tacv2','{"conversation": {"id": "19:chan@thread.tacv2", "conversationType": "channel", "isGroup": true}, "serviceUrl": "https://smba.example.invalid/", "channelId": "msteams", "bot": {"id": "28:bot"}}','{"type": "message", "text": "x"}','1700000000001','sent',1,'2026-11-29T08:00:00.123456+00:00',NULL,'2026-11-29T08:00:00.123456+00:00','2026-11-29T08:00:00.123456+00:00');
INSERT INTO outbox VALUES(2,'announcement:1:19:other','announcement:1','send','19:other@thread.tacv2','{"conversation": {"id": "19:chan@thread.tacv2", "conversationType": "channel", "isGroup": true}, "serviceUrl": "https://smba.example.invalid/", "channelId": "msteams", "bot": {"id": "28:bot"}}','{"type": "message", "text": "y"}',NULL,'pending',0,'2026-11-29T08:05:00.123456+00:00',NULL,'2026-11-29T08:00:00.123456+00:00',NULL);
CREATE TABLE IF NOT EXISTS "jobs" (
   "id" INTEGER PRIMARY KEY,
   "job_key" TEXT NOT NULL,
   "kind" TEXT NOT NULL,
   "due_at" TEXT NOT NULL,
   "payload_json" TEXT,
   "status" TEXT NOT NULL DEFAULT 'pending',
   "attempts" INTEGER NOT NULL DEFAULT 0,
   "last_error" TEXT,
   "created_at" TEXT,
   "done_at" TEXT
);
INSERT INTO jobs VALUES(1,'poll:1:close','poll.close','2026-11-30T08:00:00.123456+00:00','{"poll_id": 1}','pending',0,NULL,'2026-11-29T08:00:00.123456+00:00',NULL);
CREATE TABLE IF NOT EXISTS "webinars" (
   "id" INTEGER PRIMARY KEY,
   "series_key" TEXT,
   "status" TEXT NOT NULL DEFAULT 'draft',
   "title" TEXT NOT NULL,
   "organisation" TEXT,
   "presenter" TEXT,
   "starts_at" TEXT NOT NULL,
   "duration_min" INTEGER NOT NULL DEFAULT 45,
   "join_url" TEXT NOT NULL,
   "description" TEXT,
   "recording_url" TEXT,
   "service_ids_json" TEXT,
   "targets_json" TEXT,
   "sequence" INTEGER DEFAULT 0,
   "created_by" TEXT,
   "created_at" TEXT,
   "updated_at" TEXT
);
INSERT INTO webinars VALUES(1,'09cc9613885f','published','Vientiklinikka','Xamk','Esittäjä','2026-12-16T08:00:00.123456+00:00',45,'https://teams.microsoft.com/l/meetup-join/x','kuvaus','','[]','["19:chan@thread.tacv2"]',0,'aad-coordinator-1','2026-11-30T16:27:35+00:00','2026-11-30T16:27:35+00:00');
INSERT INTO webinars VALUES(2,'09cc9613885f','published','Vientiklinikka','Xamk','Esittäjä','2026-12-30T08:00:00.123456+00:00',45,'https://teams.microsoft.com/l/meetup-join/x','kuvaus','','[]','["19:chan@thread.tacv2"]',0,'aad-coordinator-1','2026-11-30T16:27:35+00:00','2026-11-30T16:27:35+00:00');
CREATE TABLE IF NOT EXISTS "webinar_attendance" (
   "webinar_id" INTEGER REFERENCES "webinars"("id"),
   "user_aad_id" TEXT,
   "user_id" TEXT,
   "user_name" TEXT,
   "conversation_id" TEXT,
   "attending" INTEGER,
   "updated_at" TEXT,
   PRIMARY KEY ("webinar_id", "user_aad_id")
);
INSERT INTO webinar_attendance VALUES(1,'aad-user-1','29:user-1','Maija','19:chan@thread.tacv2',1,'2026-11-30T16:27:35+00:00');
CREATE TABLE IF NOT EXISTS "announcements" (
   "id" INTEGER PRIMARY KEY,
   "status" TEXT NOT NULL DEFAULT 'draft',
   "title" TEXT NOT NULL,
   "text" TEXT NOT NULL,
   "image_url" TEXT,
   "links_json" TEXT,
   "targets_json" TEXT,
   "send_at" TEXT,
   "created_by" TEXT,
   "created_at" TEXT,
   "report_conversation_id" TEXT,
   "report_activity_id" TEXT,
   "report_reference_json" TEXT
);
INSERT INTO announcements VALUES(1,'draft','Joulutauko','Suljettu','','[]','[]','2026-11-29T11:00:00.123456+00:00','aad-coordinator-1','2026-11-30T16:27:35+00:00','','','');
INSERT INTO announcements VALUES(2,'draft','Heti','Nyt','','[]','[]','','aad-coordinator-1','2026-11-30T16:27:35+00:00','','','');
CREATE TABLE IF NOT EXISTS "polls" (
   "id" INTEGER PRIMARY KEY,
   "conversation_id" TEXT NOT NULL,
   "question" TEXT NOT NULL,
   "anonymous" INTEGER DEFAULT 1,
   "multiple" INTEGER DEFAULT 0,
   "live_results" INTEGER DEFAULT 1,
   "deadline" TEXT,
   "status" TEXT NOT NULL DEFAULT 'open',
   "created_by" TEXT,
   "created_by_name" TEXT,
   "created_at" TEXT,
   "closed_at" TEXT,
   "voters" INTEGER,
   "activity_id" TEXT,
   "reference_json" TEXT
);
INSERT INTO polls VALUES(1,'19:chan@thread.tacv2','Kumpi?',1,0,1,'2026-11-30T08:00:00.123456+00:00','open','aad-user-1','Maija','2026-11-30T16:27:35+00:00','',1,'','');
INSERT INTO polls VALUES(2,'19:chan@thread.tacv2','Ilman takarajaa?',1,0,1,'','closed','aad-user-1','Maija','2026-11-30T16:27:35+00:00','2026-11-30T16:27:35+00:00',0,'','');
CREATE TABLE IF NOT EXISTS "poll_options" (
   "poll_id" INTEGER REFERENCES "polls"("id"),
   "position" INTEGER,
   "text" TEXT,
   "votes" INTEGER,
   PRIMARY KEY ("poll_id", "position")
);
INSERT INTO poll_options VALUES(1,0,'a',1);
INSERT INTO poll_options VALUES(1,1,'b',0);
INSERT INTO poll_options VALUES(2,0,'a',0);
INSERT INTO poll_options VALUES(2,1,'b',0);
CREATE TABLE IF NOT EXISTS "poll_votes" (
   "poll_id" INTEGER REFERENCES "polls"("id"),
   "voter_aad_id" TEXT,
   "voter_id" TEXT,
   "voter_name" TEXT,
   "position" INTEGER,
   "single" INTEGER,
   "voted_at" TEXT
);
INSERT INTO poll_votes VALUES(1,'aad-user-1','29:user-1','Maija',0,1,'2026-11-30T16:27:35+00:00');
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX "idx_conversations_team_id"
    ON "conversations" ("team_id");
CREATE INDEX "idx_conversations_user_aad_id"
    ON "conversations" ("user_aad_id");
CREATE UNIQUE INDEX "idx_outbox_idempotency_key"
    ON "outbox" ("idempotency_key");
CREATE INDEX "idx_outbox_status_next_attempt_at"
    ON "outbox" ("status", "next_attempt_at");
CREATE INDEX "idx_outbox_group_key"
    ON "outbox" ("group_key");
CREATE UNIQUE INDEX "idx_jobs_job_key"
    ON "jobs" ("job_key");
CREATE INDEX "idx_jobs_status_due_at"
    ON "jobs" ("status", "due_at");
CREATE INDEX "idx_webinars_status_starts_at"
    ON "webinars" ("status", "starts_at");
CREATE UNIQUE INDEX "idx_poll_votes_poll_id_voter_aad_id_position"
    ON "poll_votes" ("poll_id", "voter_aad_id", "position");
CREATE INDEX "idx_poll_votes_poll_id_voted_at"
    ON "poll_votes" ("poll_id", "voted_at");
CREATE UNIQUE INDEX idx_poll_votes_single ON poll_votes (poll_id, voter_aad_id) WHERE single = 1;
COMMIT;
