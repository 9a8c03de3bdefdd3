-- Referrals: where an adviser sent a client company, what the receiving provider answered,
-- how it ended, every status change, and which conversation receives a provider's referrals.
CREATE TABLE "referrals" (
   "id" INTEGER PRIMARY KEY,
   "code" TEXT NOT NULL, -- unguessable public id (card payloads, `ohjaus poista CODE`)
   "created_at" TEXT NOT NULL,
   "adviser_key" TEXT NOT NULL, -- the referring adviser's Entra object id (or Teams id)
   "adviser_id" TEXT NOT NULL, -- their Teams id (29:…), for mentions and 1:1 messages
   "adviser_name" TEXT NOT NULL,
   "origin_conversation_id" TEXT, -- where the referral was logged
   "company_name" TEXT, -- NULL once anonymised or deleted
   "business_id" TEXT, -- Y-tunnus, NULL when not given, anonymised or deleted
   "municipality" TEXT NOT NULL, -- municipality code, or 'other'
   "stage" TEXT,
   "size" TEXT,
   "service_id" TEXT, -- knowledge-base service; NULL for a provider outside the knowledge base
   "provider_id" TEXT, -- knowledge-base provider; NULL for a provider outside it
   "other_provider" TEXT, -- the provider as typed when it is not in the knowledge base
   "need_id" TEXT, -- the need category (vocabulary id), for the report
   "need" TEXT, -- the need in a sentence; NULL once anonymised or deleted
   "consent" INTEGER NOT NULL, -- the client agreed to their details being passed on
   "status" TEXT NOT NULL, -- sent | contacting | not_ours | needs_info | served | waiting | no_need | elsewhere
   "provider_answered_at" TEXT, -- the provider's first answer on the card
   "first_contact_at" TEXT, -- when the provider said "Otetaan yhteyttä"
   "provider_conversation_id" TEXT, -- where the provider card went (NULL: not sent)
   "search_id" INTEGER REFERENCES "searches"("id"), -- the finder question it came from, if any
   "anonymised_at" TEXT,
   "deleted_at" TEXT,
   "deleted_by" TEXT,
   "submission" TEXT -- the form's one-time key: a second press of the same form logs nothing new
);
CREATE UNIQUE INDEX "idx_referrals_code" ON "referrals" ("code");
CREATE UNIQUE INDEX "idx_referrals_submission" ON "referrals" ("submission") WHERE "submission" IS NOT NULL;
CREATE INDEX "idx_referrals_adviser" ON "referrals" ("adviser_key", "created_at");
CREATE INDEX "idx_referrals_created_at" ON "referrals" ("created_at");
CREATE INDEX "idx_referrals_provider" ON "referrals" ("provider_id", "created_at");

CREATE TABLE "referral_events" (
   "id" INTEGER PRIMARY KEY,
   "referral_id" INTEGER NOT NULL REFERENCES "referrals"("id"),
   "at" TEXT NOT NULL,
   "actor_key" TEXT NOT NULL, -- who (Entra object id or Teams id; 'system' for jobs)
   "actor_name" TEXT,
   "role" TEXT NOT NULL, -- adviser | provider | coordinator | system
   "from_status" TEXT,
   "to_status" TEXT NOT NULL,
   "note" TEXT -- "Tarvitaan lisätietoa" text; NULL once anonymised or deleted
);
CREATE INDEX "idx_referral_events_referral" ON "referral_events" ("referral_id", "id");

CREATE TABLE "referral_channels" (
   "provider_id" TEXT PRIMARY KEY, -- knowledge-base provider
   "conversation_id" TEXT NOT NULL, -- the channel or chat that receives its referrals
   "linked_by" TEXT,
   "linked_at" TEXT
);

CREATE TABLE "referral_reports" (
   "id" INTEGER PRIMARY KEY, -- the report's CSV and chart are served by id through signed links
   "period_start" TEXT NOT NULL, -- Helsinki dates, inclusive
   "period_end" TEXT NOT NULL,
   "language" TEXT NOT NULL,
   "created_by" TEXT,
   "created_at" TEXT NOT NULL
);

-- The needs the finder understood in a question, for "needs asked that produced no referral".
ALTER TABLE "searches" ADD COLUMN "needs_json" TEXT;
