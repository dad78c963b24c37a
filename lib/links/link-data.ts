import "server-only";
import type { z } from "zod";
import { Prisma } from "@/generated/sqlite/client";
import { hashPassword } from "@/lib/auth/password";
import type { Utm, UtmKey } from "./url";
import { UTM_COLUMNS, type UtmColumn } from "./link-fields";
import type { updateLinkSchema } from "./schemas";

type Fields = z.output<typeof updateLinkSchema>;

type UtmColumns = Partial<Record<UtmColumn, string | null>>;

/** UTM values -> columns; only the values present are set. */
export function toUtmColumns(utm: Utm | undefined): UtmColumns {
  const columns: UtmColumns = {};
  for (const key of Object.keys(UTM_COLUMNS) as UtmKey[]) {
    if (utm?.[key] !== undefined) columns[UTM_COLUMNS[key]] = utm[key];
  }
  return columns;
}

/**
 * Parsed link fields -> database columns, the one place where the API's
 * names (`ios`, `android`, `og`, `utm`, `password`) meet the columns' (the
 * pairs are listed in LINK_FIELDS; link-fields.test.ts checks this covers
 * them all). Only the fields present are set (Prisma skips undefined).
 * Domain, slug, campaign and channel are resolved and checked by the callers.
 */
export async function toLinkColumns(f: Fields) {
  return {
    url: f.url,
    title: f.title,
    description: f.description,
    expiresAt: f.expiresAt,
    expiredUrl: f.expiredUrl,
    maxClicks: f.maxClicks,
    disabled: f.disabled,
    archived: f.archived,
    redirectType: f.redirectType,
    forwardQuery: f.forwardQuery,
    iosUrl: f.ios,
    androidUrl: f.android,
    notes: f.notes,
    ...(f.geo === undefined ? {} : { geo: f.geo && Object.keys(f.geo).length ? f.geo : Prisma.DbNull }),
    ...(f.og === undefined ? {} : { ogTitle: f.og?.title ?? null, ogDescription: f.og?.description ?? null, ogImage: f.og?.image ?? null }),
    ...toUtmColumns(f.utm),
    ...(f.password === undefined ? {} : { passwordHash: f.password ? await hashPassword(f.password) : null }),
  } satisfies Prisma.LinkUncheckedUpdateInput;
}
