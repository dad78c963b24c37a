import { z } from "zod";

/** No 0/o, 1/l/i: a slug read aloud or from print is typed right the first time. */
export const SLUG_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export const RANDOM_SLUG_LENGTH = 7;

/**
 * Web Crypto (global in Node and browsers), not node:crypto: this module's
 * constants and schema reach client bundles, where node:crypto would pull in
 * a 136 KB polyfill. Bytes at or above the largest multiple of the alphabet's
 * size are drawn again, so every character is equally likely.
 */
export function randomSlug(length = RANDOM_SLUG_LENGTH): string {
  const n = SLUG_ALPHABET.length;
  const limit = 256 - (256 % n);
  let s = "";
  const bytes = new Uint8Array(length * 2);
  while (s.length < length) {
    crypto.getRandomValues(bytes);
    for (const b of bytes) if (b < limit && s.length < length) s += SLUG_ALPHABET[b % n];
  }
  return s;
}

/** Paths the app itself answers on the default domain, and well-known files. */
export const RESERVED_SLUGS = new Set([
  "api", "_next", "w", "dashboard", "signin", "signup", "signout", "invite", "workspaces", "dev", "settings",
  "robots.txt", "favicon.ico", "sitemap.xml", "manifest.json", "manifest.webmanifest", "apple-touch-icon.png",
  // Next's metadata files in app/ (icon, apple-icon, manifest; lib/links/reserved-slugs.test.ts keeps this honest).
  "icon", "icon.svg", "icon.png", "apple-icon", "apple-icon.png", "account",
  ".well-known", "static", "public", "assets", "admin", "app", "login", "logout", "register", "auth", "help",
  "docs", "pricing", "about", "terms", "privacy", "health", "status", "expired", "not-found", "password",
]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter a slug, or leave it empty for a random one.")
  .max(64, "Use at most 64 characters for the slug.")
  .refine((s) => !s.startsWith("@"), "Slugs starting with @ are reserved for bio pages.")
  .refine((s) => /^[a-z0-9][a-z0-9_.-]*$/.test(s) && !s.includes(".."), "Use letters, digits, dashes, dots and underscores, starting with a letter or digit.")
  .refine((s) => !RESERVED_SLUGS.has(s), "That slug is reserved by Pennant; pick another.");
