-- Per-user settings (the reply language chosen with `kieli en`), in a table of their own instead of
-- botbuilder's UserState documents, so the Teams edge needs no user state at all.
CREATE TABLE "user_settings" (
   "user_id" TEXT PRIMARY KEY, -- the Teams id (29:…) the language was chosen by
   "language" TEXT NOT NULL,
   "updated_at" TEXT
);

-- botbuilder's UserState kept {"language": "en"} under "<channel>/users/<Teams id>".
INSERT INTO user_settings (user_id, language, updated_at)
SELECT substr(key, instr(key, '/users/') + 7), json_extract(value_json, '$.language'), updated_at
FROM bot_state
WHERE key LIKE '%/users/%' AND json_valid(value_json)
  AND json_extract(value_json, '$.language') IN ('fi', 'en')
ON CONFLICT(user_id) DO NOTHING;

DELETE FROM bot_state WHERE key LIKE '%/users/%';
