import { z } from "zod";
import { timeZoneSchema } from "@/lib/workspaces/time-zone";
import { INTERVALS, PRESETS } from "./time-range";

/** What a breakdown can group by, and filter by: the API's names. */
export const DIMENSIONS = [
  "country", "city", "device", "browser", "os", "referrer", "social", "platformType", "channel",
  "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "trigger", "link", "tag", "campaign",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** Filters by id, beside the dimensions (`link`, `campaign`, `tag` take ids too). */
export const ID_FILTERS = ["linkId", "campaignId", "tagId", "bioPageId", "qrId"] as const;
export type IdFilter = (typeof ID_FILTERS)[number];
export const FILTER_NAMES = [...DIMENSIONS, ...ID_FILTERS] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
/** The filter value that matches clicks without the dimension (no referrer: direct). */
export const NONE = "(none)";

export const DIMENSION_LABELS: Record<Dimension, string> = {
  country: "Countries",
  city: "Cities",
  device: "Devices",
  browser: "Browsers",
  os: "Operating systems",
  referrer: "Referrers",
  social: "Social platforms",
  platformType: "Platform types",
  channel: "Channels",
  utm_source: "UTM source",
  utm_medium: "UTM medium",
  utm_campaign: "UTM campaign",
  utm_term: "UTM term",
  utm_content: "UTM content",
  trigger: "Link, QR or bio page",
  link: "Top links",
  tag: "Tags",
  campaign: "Campaigns",
};

const filterValue = z.union([z.string().trim().min(1).max(200), z.array(z.string().trim().min(1).max(200)).min(1).max(50)], {
  error: "Give a value (at most 200 characters), or repeat the parameter for several.",
});

const filterShape = Object.fromEntries(FILTER_NAMES.map((n) => [n, filterValue.optional()])) as Record<FilterName, z.ZodOptional<typeof filterValue>>;

/**
 * One analytics question: the period (a preset `range`, or `from`/`to`), the
 * interval, the zone, bots, and the filters. Shared by the API, the pages
 * (their URL) and the export.
 */
export const analyticsQuerySchema = z
  .object({
    groupBy: z.enum(["timeseries", ...DIMENSIONS], { error: `Use timeseries or one of: ${DIMENSIONS.join(", ")}.` }).default("timeseries"),
    range: z.enum(PRESETS, { error: `Use one of: ${PRESETS.join(", ")}.` }).optional(),
    from: z.string().trim().max(40).optional(),
    to: z.string().trim().max(40).optional(),
    interval: z.enum(INTERVALS, { error: "Use hour, day, week or month." }).optional(),
    timezone: timeZoneSchema.optional(),
    bots: z.enum(["exclude", "include", "only"], { error: "Use exclude, include or only." }).default("exclude"),
    limit: z.coerce.number({ error: "Give a number from 1 to 1000." }).int().min(1).max(1000).default(100),
    ...filterShape,
  })
  .strict();
export type AnalyticsQueryInput = z.input<typeof analyticsQuerySchema>;
export type AnalyticsQuery = z.output<typeof analyticsQuerySchema>;

export const analyticsRowSchema = z.object({ key: z.string().nullable(), label: z.string().optional(), clicks: z.number().int(), uniques: z.number().int() });
export const analyticsBucketSchema = z.object({ start: z.string(), clicks: z.number().int(), uniques: z.number().int() });

/** Search params (a page's URL, the API's query) as the schema's input: repeated names become lists. */
export function queryFromSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]));
  for (const [k, v] of entries) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
