import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "pnt_";

/** A new key: 32 random bytes, base64url. Only its SHA-256 is ever stored. */
export function generateApiKey(): { key: string; hash: string; start: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, hash: hashToken(key), start: key.slice(0, API_KEY_PREFIX.length + 4) };
}

/** SHA-256 suits high-entropy random tokens (API keys, invitation tokens). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
