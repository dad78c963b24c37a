-- Public sign-up now confirms the email address before the first sign-in
-- (User.emailVerified). Accounts made before that count as confirmed.
-- ISO 8601 text, the form the client writes and reads.
UPDATE "User" SET "emailVerified" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') WHERE "emailVerified" IS NULL;
