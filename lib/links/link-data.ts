import "server-only";
import type { z } from "zod";
import { Prisma } from "@/generated/sqlite/client";
import { hashPassword } from "@/lib/auth/password";
import type { Utm } from "./url";
import { byColumn, groupFields, topLevelFields, UTM_FIELDS } from "./link-fields";
import type { updateLinkSchema } from "./schemas";

type Fields = z.output<typeof updateLinkSchema>;

/** UTM values -> columns; only the values present are set. */
export function toUtmColumns(utm: Utm = {}) {
  return byColumn(utm, UTM_FIELDS);
}

/** Written as given, under their columns (`ios` into `iosUrl`); the callers resolve and check domain, slug, campaign and channel. */
const AS_GIVEN = topLevelFields(["domain", "slug", "campaignId", "channelId", "passwordHash", "geo"]);
const OG = groupFields("og");
/** A preview given replaces the whole preview: a part it leaves out is cleared. */
const NO_OG = Object.fromEntries(OG.map(([column]) => [column, null])) as Record<(typeof OG)[number][0], null>;

/**
 * Parsed link fields -> database columns. The API's names (`ios`, `og.title`,
 * `utm.source`, `password`) are paired with the columns in LINK_FIELDS alone:
 * a field stored as given needs no line here, only a field converted on the
 * way (geo, the preview, UTM values, the password). link-fields.test.ts checks
 * that every field is written. Only the fields present are set.
 */
export async function toLinkColumns(f: Fields) {
  const og: NonNullable<Fields["og"]> = f.og ?? {};
  return {
    ...byColumn(f, AS_GIVEN),
    ...(f.geo === undefined ? {} : { geo: f.geo && Object.keys(f.geo).length ? f.geo : Prisma.DbNull }),
    ...(f.og === undefined ? {} : { ...NO_OG, ...byColumn(og, OG) }),
    ...toUtmColumns(f.utm),
    ...(f.password === undefined ? {} : { passwordHash: f.password ? await hashPassword(f.password) : null }),
  } satisfies Prisma.LinkUncheckedUpdateInput;
}
