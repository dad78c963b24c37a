import { z } from "zod";
import { cleanString } from "@/lib/text/clean-text";
import { COUNTRY_CODES, MAX_GEO_TARGETS } from "./country-codes";
import { destinationSchema, UTM_KEYS } from "./destination";
import { slugSchema } from "./slug";
import { LINK_STATUSES, REDIRECT_TYPES } from "./statuses";

export { LINK_STATUSES, REDIRECT_TYPES };

const text = (max: number, what: string) => cleanString().trim().max(max, `Use at most ${max} characters for the ${what}.`);
const optionalText = (max: number, what: string) =>
  text(max, what)
    .nullish()
    .transform((v) => (v ? v : null));

const utmValue = text(200, "UTM value")
  .nullish()
  .transform((v) => (v ? v : null));

export const utmSchema = z.object(Object.fromEntries(UTM_KEYS.map((k) => [k, utmValue])) as Record<(typeof UTM_KEYS)[number], typeof utmValue>).partial();

const COUNTRY_CODE_RULE = "Use two-letter country codes (ISO 3166-1), like DE or US.";
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => COUNTRY_CODES.has(code), COUNTRY_CODE_RULE);

export const tagNameSchema = text(40, "tag").min(1, "Tags cannot be empty.");

const optionalDestination = destinationSchema.nullish().transform((v) => v ?? null);

const expiresAtSchema = z.iso
  .datetime({ offset: true, error: "Use an ISO 8601 date and time, like 2026-12-31T23:59:00Z." })
  .nullish()
  .transform((v) => (v ? new Date(v) : null));

export const EXPIRY_IN_PAST = "Choose an expiry date and time in the future.";

/** Everything a link has that a person or the API can set. */
const linkFieldsSchema = z.object({
  url: destinationSchema,
  slug: slugSchema.optional(),
  domain: z.string().trim().toLowerCase().max(253).optional(),
  title: optionalText(200, "title"),
  description: optionalText(1000, "description"),
  tags: z.array(tagNameSchema).max(20, "Use at most 20 tags on a link.").optional(),
  campaignId: z.string().max(40).nullish(),
  channelId: z.string().max(40).nullish(),
  utm: utmSchema.optional(),
  expiresAt: expiresAtSchema,
  expiredUrl: optionalDestination,
  maxClicks: z.number().int("Use a whole number of clicks.").positive("Use a number of clicks above 0.").max(1_000_000_000).nullish(),
  password: z.string().min(4, "Use at least 4 characters for the password.").max(128).nullish(),
  disabled: z.boolean().optional(),
  archived: z.boolean().optional(),
  redirectType: z
    .union(REDIRECT_TYPES.map((n) => z.literal(n)) as [z.ZodLiteral<301>, z.ZodLiteral<302>, z.ZodLiteral<307>, z.ZodLiteral<308>], {
      error: "Use 301, 302, 307 or 308.",
    })
    .optional(),
  forwardQuery: z.boolean().optional(),
  ios: optionalDestination,
  android: optionalDestination,
  // zod's own message for a bad key is "Invalid key in record"; say what a key must be.
  geo: z
    .record(countryCodeSchema, destinationSchema, { error: (iss) => (iss.code === "invalid_key" ? COUNTRY_CODE_RULE : undefined) })
    .refine((geo) => Object.keys(geo).length <= MAX_GEO_TARGETS, `Use at most ${MAX_GEO_TARGETS} country targets on a link.`)
    .nullish(),
  og: z
    .object({ title: optionalText(200, "preview title"), description: optionalText(500, "preview description"), image: optionalDestination })
    .partial()
    .nullish(),
  notes: optionalText(2000, "notes"),
});

/**
 * A new link may not expire in the past. An existing link whose expiry has
 * passed can still be edited: updateLink refuses only a changed, past expiry.
 */
export const createLinkSchema = linkFieldsSchema.extend({
  expiresAt: expiresAtSchema.refine((d) => !d || d.getTime() > Date.now(), EXPIRY_IN_PAST),
});
export type CreateLinkInput = z.input<typeof createLinkSchema>;

/** PATCH: any subset; `password: null` removes the password. */
export const updateLinkSchema = linkFieldsSchema.partial();
export type UpdateLinkInput = z.input<typeof updateLinkSchema>;

export const listLinksQuerySchema = z.object({
  search: cleanString().trim().max(200).optional(),
  tag: cleanString().trim().max(40).optional(),
  campaignId: z.string().max(40).optional(),
  createdById: z.string().max(40).optional(),
  status: z.enum(LINK_STATUSES).optional(),
  sort: z.enum(["createdAt", "clicks"]).default("createdAt"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListLinksQuery = z.input<typeof listLinksQuerySchema>;

/** The API's view of a link: every field, never the password. */
export const linkOutputSchema = z.object({
  id: z.string(),
  domain: z.string(),
  slug: z.string(),
  shortUrl: z.string(),
  url: z.string(),
  finalUrl: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  campaignId: z.string().nullable(),
  channelId: z.string().nullable(),
  utm: z.object(Object.fromEntries(UTM_KEYS.map((k) => [k, z.string().nullable()])) as Record<(typeof UTM_KEYS)[number], z.ZodNullable<z.ZodString>>),
  expiresAt: z.string().nullable(),
  expiredUrl: z.string().nullable(),
  maxClicks: z.number().nullable(),
  hasPassword: z.boolean(),
  disabled: z.boolean(),
  archived: z.boolean(),
  redirectType: z.number(),
  forwardQuery: z.boolean(),
  ios: z.string().nullable(),
  android: z.string().nullable(),
  geo: z.record(z.string(), z.string()).nullable(),
  og: z.object({ title: z.string().nullable(), description: z.string().nullable(), image: z.string().nullable() }),
  notes: z.string().nullable(),
  clicks: z.number(),
  createdById: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LinkOutput = z.infer<typeof linkOutputSchema>;
