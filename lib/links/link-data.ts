import "server-only";
import type { z } from "zod";
import { Prisma } from "@/generated/sqlite/client";
import { hashPassword } from "@/lib/auth/password";
import type { Utm, UtmKey } from "./url";
import type { updateLinkSchema } from "./schemas";

type Fields = z.output<typeof updateLinkSchema>;

/** The API's UTM names -> their columns, for links and campaigns alike. */
const UTM_COLUMNS = { source: "utmSource", medium: "utmMedium", campaign: "utmCampaign", term: "utmTerm", content: "utmContent" } as const satisfies Record<UtmKey, string>;
type UtmColumns = { -readonly [K in keyof typeof UTM_COLUMNS as (typeof UTM_COLUMNS)[K]]?: string | null };

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
 * names (`ios`, `android`, `og`, `utm`, `password`) meet the columns'.
 * Only the fields present are set (Prisma skips undefined).
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
