-- Public sign-up now confirms the email address before the first sign-in
-- (User.emailVerified). Accounts made before that count as confirmed.
UPDATE "User" SET "emailVerified" = CURRENT_TIMESTAMP WHERE "emailVerified" IS NULL;
