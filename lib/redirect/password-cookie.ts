import { createHmac, timingSafeEqual } from "node:crypto";

export const UNLOCK_TTL_SECONDS = 60 * 60;
export const cookieName = (linkId: string) => `pnt_unlock_${linkId}`;

function sign(secret: string, linkId: string, exp: number): string {
  return createHmac("sha256", secret).update(`unlock:${linkId}:${exp}`).digest("base64url");
}

/** A short-lived proof that this visitor typed the right password: never the password itself. */
export function unlockCookie(secret: string, linkId: string, now: number, secure: boolean): string {
  const exp = Math.floor(now / 1000) + UNLOCK_TTL_SECONDS;
  const value = `${exp}.${sign(secret, linkId, exp)}`;
  return `${cookieName(linkId)}=${value}; Path=/; Max-Age=${UNLOCK_TTL_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function isUnlocked(secret: string, linkId: string, cookieHeader: string | undefined, now: number): boolean {
  if (!cookieHeader) return false;
  const name = `${cookieName(linkId)}=`;
  const raw = cookieHeader.split(/;\s*/).find((c) => c.startsWith(name))?.slice(name.length);
  if (!raw) return false;
  const [expText, mac] = raw.split(".");
  const exp = Number(expText);
  if (!mac || !Number.isFinite(exp) || exp * 1000 <= now) return false;
  const expected = Buffer.from(sign(secret, linkId, exp));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
