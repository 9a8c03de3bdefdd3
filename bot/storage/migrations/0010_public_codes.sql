-- Public codes: card payloads and typed commands name polls, webinars, announcements and finder
-- searches by a random 8-character code instead of their sequential id, which stays internal (an
-- id can be enumerated, a code cannot). The alphabet and length are the referrals' own: no 0/O or
-- 1/I to misread, 32^8 ≈ 10^12 codes. New rows get their code from the store that writes them;
-- existing rows get one here (SQLite's random() is seeded from the operating system).
ALTER TABLE polls ADD COLUMN code TEXT;
ALTER TABLE webinars ADD COLUMN code TEXT;
ALTER TABLE announcements ADD COLUMN code TEXT;
ALTER TABLE searches ADD COLUMN code TEXT;

UPDATE polls SET code =
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1);
UPDATE webinars SET code =
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1);
UPDATE announcements SET code =
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1);
UPDATE searches SET code =
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1) ||
   substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + (random() & 31), 1);

-- Unique where present: the finder's searches get codes once its store writes them.
CREATE UNIQUE INDEX "idx_polls_code" ON "polls" ("code");
CREATE UNIQUE INDEX "idx_webinars_code" ON "webinars" ("code");
CREATE UNIQUE INDEX "idx_announcements_code" ON "announcements" ("code");
CREATE UNIQUE INDEX "idx_searches_code" ON "searches" ("code") WHERE "code" IS NOT NULL;
