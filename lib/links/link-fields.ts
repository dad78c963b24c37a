import type { Campaign, Link } from "../../generated/sqlite/client";
import type { UtmKey } from "./url";

/**
 * A link's columns in one place. Every column of the Link model is either one
 * that Pennant keeps itself (identity, counters, dates) or a field listed in
 * LINK_FIELDS, which the compiler holds to the Prisma schema: a column added
 * by a migration does not compile until it is described here. From this
 * table come the redirect's column list and row type, the pairing of API
 * names with columns (`ios` is `iosUrl` here and nowhere else) that
 * presentLink and toLinkColumns copy by, the CSV columns (import, export,
 * template and their help) and duplicate's copy. The mappers need no line
 * for a field stored as the API gives it; `link-fields.test.ts` checks that
 * every consumer (the API's schemas and document, the form, the CSV files,
 * the redirect) covers every field, and names any that does not.
 *
 * Imports types only: the redirect server reads it without Next's bundler.
 */

/** Kept by Pennant: never set by a person, never copied by duplicate. */
export const SYSTEM_LINK_COLUMNS = ["id", "workspaceId", "clicks", "lastClickedAt", "createdById", "createdAt", "updatedAt"] as const;
export type LinkColumn = Exclude<keyof Link, (typeof SYSTEM_LINK_COLUMNS)[number]>;

interface CsvSpec {
  name: string;
  help: string;
  example?: string;
  /** How a cell is read; text by default. */
  kind?: "number" | "boolean";
  /** The message for a cell that is not a `kind`. */
  invalid?: string;
  required?: true;
  /** Read on import, never written on export (the password). */
  importOnly?: true;
}

export interface LinkFieldSpec {
  /** The field's path in the API and the form: `utm.source` is `{ utm: { source } }`. */
  api: string;
  /** The CSV column, or null when CSV files leave the field out. */
  csv: CsvSpec | null;
  /** Read by the redirect on every visit (kept in memory per link, so only what it needs). */
  redirect: boolean;
}

/** In the order CSV files list them. */
export const LINK_FIELDS = {
  url: { api: "url", redirect: true, csv: { name: "url", required: true, help: "The destination, like https://example.com/spring.", example: "https://example.com/spring-sale" } },
  slug: { api: "slug", redirect: true, csv: { name: "slug", help: "The short link's path. Empty: a random one.", example: "spring" } },
  domain: { api: "domain", redirect: true, csv: { name: "domain", help: "One of the workspace's domains. Empty: the default domain.", example: "" } },
  title: { api: "title", redirect: true, csv: { name: "title", help: "A name for the link (up to 200 characters).", example: "Spring sale" } },
  description: { api: "description", redirect: false, csv: { name: "description", help: "Up to 1,000 characters.", example: "" } },
  // CSV files name the campaign; the import looks the id up.
  campaignId: { api: "campaignId", redirect: false, csv: { name: "campaign", help: "The name of a campaign in this workspace (it must exist).", example: "" } },
  channelId: { api: "channelId", redirect: false, csv: null },
  utmSource: { api: "utm.source", redirect: true, csv: { name: "utm_source", help: "UTM source, like instagram.", example: "instagram" } },
  utmMedium: { api: "utm.medium", redirect: true, csv: { name: "utm_medium", help: "UTM medium, like social.", example: "social" } },
  utmCampaign: { api: "utm.campaign", redirect: true, csv: { name: "utm_campaign", help: "UTM campaign.", example: "spring" } },
  utmTerm: { api: "utm.term", redirect: true, csv: { name: "utm_term", help: "UTM term.", example: "" } },
  utmContent: { api: "utm.content", redirect: true, csv: { name: "utm_content", help: "UTM content.", example: "" } },
  expiresAt: { api: "expiresAt", redirect: true, csv: { name: "expires_at", help: "ISO 8601 date and time, like 2026-12-31T23:59:00Z.", example: "" } },
  expiredUrl: { api: "expiredUrl", redirect: true, csv: { name: "expired_url", help: "Where visitors go after the link expires.", example: "" } },
  maxClicks: {
    api: "maxClicks",
    redirect: true,
    csv: { name: "max_clicks", kind: "number", invalid: "Use a whole number of clicks, like 100.", help: "A whole number; the link expires after that many clicks.", example: "" },
  },
  passwordHash: { api: "password", redirect: true, csv: { name: "password", importOnly: true, help: "Visitors must enter it (at least 4 characters). Never exported.", example: "" } },
  // CSV files carry these two as the exported `status`.
  disabled: { api: "disabled", redirect: true, csv: null },
  // Archived links are kept out of lists, not switched off: the redirect does not read it.
  archived: { api: "archived", redirect: false, csv: null },
  redirectType: { api: "redirectType", redirect: true, csv: { name: "redirect_type", kind: "number", invalid: "Use 301, 302, 307 or 308.", help: "301, 302, 307 or 308 (default 302).", example: "" } },
  forwardQuery: { api: "forwardQuery", redirect: true, csv: { name: "forward_query", kind: "boolean", help: "true or false (default true): pass the visitor's query string on.", example: "" } },
  iosUrl: { api: "ios", redirect: true, csv: { name: "ios_url", help: "Destination for iPhone and iPad visitors.", example: "" } },
  androidUrl: { api: "android", redirect: true, csv: { name: "android_url", help: "Destination for Android visitors.", example: "" } },
  geo: { api: "geo", redirect: true, csv: null },
  ogTitle: { api: "og.title", redirect: true, csv: null },
  ogDescription: { api: "og.description", redirect: true, csv: null },
  ogImage: { api: "og.image", redirect: true, csv: null },
  notes: { api: "notes", redirect: false, csv: { name: "notes", help: "Private notes for your team.", example: "" } },
} as const satisfies Record<LinkColumn, LinkFieldSpec>;

export const LINK_COLUMNS = Object.keys(LINK_FIELDS) as LinkColumn[];

type RedirectColumn = { [K in LinkColumn]: (typeof LINK_FIELDS)[K]["redirect"] extends true ? K : never }[LinkColumn];

/** What the redirect selects of a link row (raw SQL, see lib/redirect/link-store.ts). */
export const REDIRECT_COLUMNS: readonly ("id" | "workspaceId" | RedirectColumn)[] = ["id", "workspaceId", ...LINK_COLUMNS.filter((c): c is RedirectColumn => LINK_FIELDS[c].redirect)];
/** A link row as the redirect reads it: the columns of REDIRECT_COLUMNS, typed as Prisma types them. */
export type RedirectRow = Pick<Link, (typeof REDIRECT_COLUMNS)[number]>;

type ApiName<C extends LinkColumn> = (typeof LINK_FIELDS)[C]["api"];
/** Columns the API names at its top level (`iosUrl` as `ios`), not inside a group (`utm.source`, `og.title`). */
type TopLevelColumn = { [C in LinkColumn]: ApiName<C> extends `${string}.${string}` ? never : C }[LinkColumn];
type GroupColumn<G extends string> = { [C in LinkColumn]: ApiName<C> extends `${G}.${string}` ? C : never }[LinkColumn];
type KeyInGroup<C extends LinkColumn, G extends string> = ApiName<C> extends `${G}.${infer K}` ? K : never;

/** A link field's column and its name in the API (for a group's field, its key in the group). */
type Field = readonly [column: LinkColumn, name: string];

type TopLevelField<C extends TopLevelColumn> = { [K in C]: readonly [K, ApiName<K>] }[C];
type GroupField<G extends string> = { [K in GroupColumn<G>]: readonly [K, KeyInGroup<K, G>] }[GroupColumn<G>];

/**
 * The top-level fields, as [column, API name], but those in `except` (the
 * ones a mapper converts itself): what `byApiName` and `byColumn` copy as is.
 */
export function topLevelFields<E extends TopLevelColumn>(except: readonly E[]): readonly TopLevelField<Exclude<TopLevelColumn, E>>[];
export function topLevelFields(except: readonly LinkColumn[]): readonly Field[] {
  return LINK_COLUMNS.filter((c) => !except.includes(c) && !LINK_FIELDS[c].api.includes(".")).map((c) => [c, LINK_FIELDS[c].api] as const);
}

/** A group's fields (`og`: ogTitle as title, ...), as [column, key in the group]. */
export function groupFields<G extends string>(group: G): readonly GroupField<G>[];
export function groupFields(group: string): readonly Field[] {
  const prefix = `${group}.`;
  return LINK_COLUMNS.filter((c) => LINK_FIELDS[c].api.startsWith(prefix)).map((c) => [c, LINK_FIELDS[c].api.slice(prefix.length)] as const);
}

/** The UTM fields (`utm.source` in utmSource, ...), for links and campaigns alike. */
export const UTM_FIELDS = groupFields("utm");
export type UtmColumn = (typeof UTM_FIELDS)[number][0];

/** A row's columns under their API names: `{ iosUrl: x }` -> `{ ios: x }`. */
export function byApiName<F extends Field, Row extends Record<F[0], unknown>>(row: Row, fields: readonly F[]): { [P in F as P[1]]: Row[P[0] & keyof Row] } {
  const out: Record<string, unknown> = {};
  for (const [column, name] of fields) out[name] = row[column as F[0]];
  return out as { [P in F as P[1]]: Row[P[0] & keyof Row] };
}

/** Values under their API names -> their columns: `{ ios: x }` -> `{ iosUrl: x }`. A value not given (undefined) is left out. */
export function byColumn<F extends Field, In extends Partial<Record<F[1], unknown>>>(input: In, fields: readonly F[]): { [P in F as P[0]]?: Exclude<In[P[1] & keyof In], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [column, name] of fields) {
    const value = input[name as F[1]];
    if (value !== undefined) out[column] = value;
  }
  return out as { [P in F as P[0]]?: Exclude<In[P[1] & keyof In], undefined> };
}

/** The UTM columns of a row (link or campaign) -> the API's `utm` object. */
export function utmOf(row: Pick<Link, UtmColumn>): Record<UtmKey, string | null> {
  return byApiName(row, UTM_FIELDS);
}

/** Kept by Pennant for a campaign, like SYSTEM_LINK_COLUMNS. */
export const SYSTEM_CAMPAIGN_COLUMNS = ["id", "workspaceId", "createdAt", "updatedAt"] as const;
export type CampaignColumn = Exclude<keyof Campaign, (typeof SYSTEM_CAMPAIGN_COLUMNS)[number]>;

/** A campaign's settable columns -> their API paths (checked against the schema like LINK_FIELDS). */
export const CAMPAIGN_FIELDS = {
  name: "name",
  description: "description",
  startsAt: "startsAt",
  endsAt: "endsAt",
  utmSource: "utm.source",
  utmMedium: "utm.medium",
  utmCampaign: "utm.campaign",
  utmTerm: "utm.term",
  utmContent: "utm.content",
} as const satisfies Record<CampaignColumn, string>;

/** A value at an API path (`utm.source`) of an object, undefined when a step is missing. */
export function atPath(obj: unknown, path: string): unknown {
  let v = obj;
  for (const key of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
