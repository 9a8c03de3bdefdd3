-- Conversation registry, coordinators and persisted bot state (dialog state).
CREATE TABLE "conversations" (
   "conversation_id" TEXT PRIMARY KEY,
   "conversation_type" TEXT NOT NULL, -- personal, groupChat or channel
   "tenant_id" TEXT,
   "team_id" TEXT,
   "team_name" TEXT,
   "channel_id" TEXT,
   "channel_name" TEXT,
   "user_aad_id" TEXT, -- the user of a personal chat
   "service_url" TEXT NOT NULL,
   "reference_json" TEXT NOT NULL,
   "active" INTEGER NOT NULL DEFAULT 1,
   "first_seen" TEXT,
   "last_seen" TEXT
);
CREATE INDEX "idx_conversations_team_id" ON "conversations" ("team_id");
CREATE INDEX "idx_conversations_user_aad_id" ON "conversations" ("user_aad_id");

CREATE TABLE "coordinators" (
   "aad_object_id" TEXT PRIMARY KEY,
   "name" TEXT,
   "added_by" TEXT,
   "added_at" TEXT
);

CREATE TABLE "bot_state" (
   "key" TEXT PRIMARY KEY,
   "etag" TEXT NOT NULL,
   "value_json" TEXT NOT NULL,
   "updated_at" TEXT
);
