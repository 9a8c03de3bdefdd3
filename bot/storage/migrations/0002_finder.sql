-- Questions asked of the finder, feedback on the answers, and referral intents.
CREATE TABLE "searches" (
   "id" INTEGER PRIMARY KEY,
   "asked_at" TEXT NOT NULL,
   "user_aad_id" TEXT,
   "conversation_id" TEXT,
   "language" TEXT,
   "question" TEXT NOT NULL,
   "facets_json" TEXT,
   "results_json" TEXT NOT NULL -- service ids, best first
);

CREATE TABLE "search_feedback" (
   "search_id" INTEGER REFERENCES "searches"("id"),
   "user_aad_id" TEXT,
   "helpful" INTEGER,
   "given_at" TEXT,
   PRIMARY KEY ("search_id", "user_aad_id")
);

CREATE TABLE "referral_intents" (
   "id" INTEGER PRIMARY KEY,
   "search_id" INTEGER REFERENCES "searches"("id"),
   "service_id" TEXT,
   "user_aad_id" TEXT,
   "conversation_id" TEXT,
   "created_at" TEXT
);
