import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { z } from "zod";
import type { updateLinkSchema } from "./schemas";

type Fields = z.output<typeof updateLinkSchema>;

/** Parsed link fields -> database columns; only the fields present are set. */
export async function toLinkColumns(f: Fields) {
  const data: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) data[key] = value;
  };
  set("url", f.url);
  set("title", f.title);
  set("description", f.description);
  set("expiresAt", f.expiresAt);
  set("expiredUrl", f.expiredUrl);
  set("maxClicks", f.maxClicks);
  set("disabled", f.disabled);
  set("archived", f.archived);
  set("redirectType", f.redirectType);
  set("forwardQuery", f.forwardQuery);
  set("iosUrl", f.ios);
  set("androidUrl", f.android);
  set("notes", f.notes);
  if (f.geo !== undefined) data.geo = f.geo && Object.keys(f.geo).length ? f.geo : null;
  if (f.og !== undefined) {
    set("ogTitle", f.og?.title ?? null);
    set("ogDescription", f.og?.description ?? null);
    set("ogImage", f.og?.image ?? null);
  }
  if (f.utm) {
    set("utmSource", f.utm.source);
    set("utmMedium", f.utm.medium);
    set("utmCampaign", f.utm.campaign);
    set("utmTerm", f.utm.term);
    set("utmContent", f.utm.content);
  }
  if (f.password !== undefined) data.passwordHash = f.password ? await hashPassword(f.password) : null;
  return data;
}
