import { z } from "zod";
import { destinationSchema } from "@/lib/links/destination";

/** A host name people type into a browser: lower-case, no scheme, port or path. */
export const hostnameSchema = z
  .string({ error: "Enter a domain, like go.example.com." })
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/^https?:\/\//, "").replace(/\/.*$/, "").replace(/\.$/, ""))
  .pipe(
    z
      .string()
      .min(4, "Enter a domain, like go.example.com.")
      .max(253, "That domain is too long.")
      .regex(/^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/, "Enter a domain like go.example.com: letters, digits and dashes, with a dot."),
  );

export const addDomainSchema = z.object({ hostname: hostnameSchema });
export type AddDomainInput = z.input<typeof addDomainSchema>;

/** A web address, or empty / null for none. */
const optionalAddress = z
  .preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), destinationSchema.nullish())
  .transform((v) => v ?? null);

/** One of the workspace's bio pages by id, or empty / null for none. */
const optionalPageId = z
  .preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string({ error: "Choose one of this workspace's bio pages." }).trim().max(64, "Choose one of this workspace's bio pages.").nullish())
  .transform((v) => v ?? null);

/**
 * Where a domain sends visitors who do not open one of its short links. Its
 * bare address has three choices: Pennant's page (neither set), a redirect
 * (rootUrl), or one of the workspace's published bio pages (rootBioPageId).
 */
export const domainRedirectsSchema = z
  .object({ rootUrl: optionalAddress, notFoundUrl: optionalAddress, rootBioPageId: optionalPageId.optional().transform((v) => v ?? null) })
  .superRefine((v, ctx) => {
    if (v.rootUrl && v.rootBioPageId) ctx.addIssue({ code: "custom", path: ["rootBioPageId"], message: "Choose either an address or a bio page for the bare address, not both." });
  });
export type DomainRedirectsInput = z.input<typeof domainRedirectsSchema>;

export const domainOutputSchema = z.object({
  id: z.string(),
  hostname: z.string(),
  links: z.number(),
  rootUrl: z.string().nullable(),
  notFoundUrl: z.string().nullable(),
  /** The bio page shown at the bare address (instead of rootUrl), or null. */
  rootBioPageId: z.string().nullable(),
  /** DNS verification (lib/domains/verify-domain.ts): pending until first checked. */
  status: z.enum(["pending", "verified", "failed"]),
  checkError: z.string().nullable(),
  checkedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DomainOutput = z.infer<typeof domainOutputSchema>;
