import { z } from "zod";
import { destinationSchema } from "@/lib/links/destination";
import { themeSchema, type BioTheme } from "./themes";
import { embedOf } from "./embeds";

export const MAX_BLOCKS = 100;
const IMAGE_ID = /^[a-f0-9]{64}$/;

/** Letters, digits, `_` and `.`; case-insensitive (stored lower case). */
export const HANDLE_PATTERN = /^[a-z0-9_.]{3,30}$/;
export const RESERVED_HANDLES = new Set([
  "admin", "administrator", "api", "app", "bio", "dashboard", "docs", "help", "login", "logout", "me", "new", "null", "undefined",
  "pennant", "root", "settings", "signin", "signup", "staff", "support", "system", "team", "www", "mail", "security", "status",
  "abuse", "about", "privacy", "terms", "legal", "billing", "official", "owner", "moderator", "everyone", "here",
]);

export const handleSchema = z
  .string({ error: "Choose a handle." })
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/^@/, ""))
  .refine((s) => s.length >= 3 && s.length <= 30, "Use 3 to 30 characters for the handle.")
  .refine((s) => HANDLE_PATTERN.test(s), "Use only letters, digits, _ and . in the handle.")
  .refine((s) => !RESERVED_HANDLES.has(s), "That handle is reserved; pick another.");

const text = (max: number, what: string) => z.string().trim().max(max, `Use at most ${max} characters for the ${what}.`);
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters for the ${what}.`)
    .nullish()
    .transform((v) => v || null);
const instant = z
  .union([z.iso.datetime({ offset: true, error: "Use a date and time like 2026-12-01T09:00:00+01:00." }), z.null()])
  .optional()
  .transform((v) => (v ? new Date(v).toISOString() : null));
const imageId = z.string().regex(IMAGE_ID, "Upload the image again.");

const common = {
  id: z.string().regex(/^[a-z0-9]{8,40}$/, "Block ids are 8 to 40 lower-case letters and digits.").optional(),
  hidden: z.boolean().default(false),
  startsAt: instant,
  endsAt: instant,
};

export const SOCIAL_NETWORKS = {
  instagram: "Instagram", tiktok: "TikTok", x: "X", youtube: "YouTube", facebook: "Facebook", linkedin: "LinkedIn", xing: "XING", threads: "Threads",
  pinterest: "Pinterest", whatsapp: "WhatsApp", telegram: "Telegram", snapchat: "Snapchat", reddit: "Reddit", mastodon: "Mastodon", bluesky: "Bluesky",
  email: "Email", website: "Website",
} as const;
export type SocialNetwork = keyof typeof SOCIAL_NETWORKS;

const emailSchema = z.string().trim().toLowerCase().max(254, "Use at most 254 characters for the email address.").pipe(z.email({ error: "Enter an email address like ana@example.com." }));
const phoneSchema = z.string().trim().regex(/^\+?[0-9 ()./-]{4,30}$/, "Enter a phone number like +49 30 1234567.");

const socialItem = z
  .strictObject({ network: z.enum(Object.keys(SOCIAL_NETWORKS) as [SocialNetwork, ...SocialNetwork[]]), value: z.string().trim().min(1, "Enter the address.") })
  .transform((item, ctx) => {
    const parsed = (item.network === "email" ? emailSchema : destinationSchema).safeParse(item.value);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", path: ["value"], message: parsed.error.issues[0]?.message ?? "Invalid address." });
      return z.NEVER;
    }
    return { network: item.network, value: parsed.data };
  });

export const blockSchema = z.discriminatedUnion("type", [
  z.strictObject({
    ...common,
    type: z.literal("link"),
    label: text(80, "label").min(1, "Give the button a label."),
    url: destinationSchema.nullish().transform((v) => v ?? null),
    linkId: z.string().max(40).nullish().transform((v) => v ?? null),
    thumbnailId: imageId.nullish().transform((v) => v ?? null),
  }),
  z.strictObject({ ...common, type: z.literal("header"), text: text(80, "header").min(1, "Write the header.") }),
  z.strictObject({ ...common, type: z.literal("text"), text: text(1000, "text").min(1, "Write the text.") }),
  z.strictObject({
    ...common,
    type: z.literal("image"),
    imageId,
    alt: text(200, "alt text"),
    url: destinationSchema.nullish().transform((v) => v ?? null),
  }),
  z.strictObject({ ...common, type: z.literal("social"), items: z.array(socialItem).min(1, "Add at least one profile.").max(17, "At most 17 profiles.") }),
  z.strictObject({
    ...common,
    type: z.literal("embed"),
    url: destinationSchema.refine((u) => embedOf(u) !== null, "Only YouTube, Vimeo, Spotify and SoundCloud can be embedded."),
    title: optionalText(80, "title"),
  }),
  z.strictObject({
    ...common,
    type: z.literal("contact"),
    name: optionalText(80, "name"),
    email: emailSchema.nullish().transform((v) => v ?? null),
    phone: phoneSchema.nullish().transform((v) => v ?? null),
  }),
  z.strictObject({
    ...common,
    type: z.literal("subscribe"),
    heading: optionalText(80, "heading"),
    consentText: text(300, "consent text").min(1, "Write what people agree to, for example “Send me the monthly newsletter.”"),
    buttonLabel: optionalText(30, "button label"),
  }),
]);
export type BioBlockInput = z.input<typeof blockSchema>;
type ParsedBlock = z.output<typeof blockSchema>;
/** A block with its id (given on save when missing). */
export type BioBlock = ParsedBlock & { id: string };
export const BLOCK_TYPES = ["link", "header", "text", "image", "social", "embed", "contact", "subscribe"] as const;


/** Checks that need two fields at once; issues point at the field to fix. */
function checkBlocks(blocks: ParsedBlock[], ctx: z.RefinementCtx) {
  blocks.forEach((b, i) => {
    if (b.startsAt && b.endsAt && b.endsAt <= b.startsAt) ctx.addIssue({ code: "custom", path: [i, "endsAt"], message: "The end must come after the start." });
    if (b.type === "link" && !b.url === !b.linkId) ctx.addIssue({ code: "custom", path: [i, "url"], message: "Give the button either a URL or one of your short links." });
    if (b.type === "contact" && !b.email && !b.phone) ctx.addIssue({ code: "custom", path: [i, "email"], message: "Add an email address or a phone number." });
  });
  const ids = blocks.map((b) => b.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: [], message: "Two blocks have the same id." });
}

export const blocksSchema = z.array(blockSchema).max(MAX_BLOCKS, `A page can hold at most ${MAX_BLOCKS} blocks.`).superRefine(checkBlocks);

/** What the editor and the API change: the draft. */
const documentFields = {
  title: text(80, "title").min(1, "Give the page a title."),
  bio: optionalText(300, "bio"),
  theme: themeSchema,
  blocks: blocksSchema,
};

export const createBioPageSchema = z.strictObject({
  handle: handleSchema,
  title: documentFields.title,
  bio: documentFields.bio,
  theme: themeSchema.optional(),
  blocks: blocksSchema.default([]),
});
export type CreateBioPageInput = z.input<typeof createBioPageSchema>;

export const updateBioPageSchema = z.strictObject({
  handle: handleSchema.optional(),
  title: documentFields.title.optional(),
  bio: documentFields.bio,
  theme: themeSchema.optional(),
  blocks: blocksSchema.optional(),
});
export type UpdateBioPageInput = z.input<typeof updateBioPageSchema>;

/** The stored draft (BioPage.draft) and the live page share this shape. */
export interface BioDocument {
  title: string;
  bio: string | null;
  avatarId: string | null;
  theme: BioTheme;
  blocks: BioBlock[];
}

export const bioPageOutputSchema = z.object({
  id: z.string(),
  handle: z.string(),
  url: z.string(),
  title: z.string(),
  bio: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  theme: themeSchema,
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  hasUnpublishedChanges: z.boolean(),
  blocks: z.array(z.record(z.string(), z.unknown())),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BioPageOutput = z.infer<typeof bioPageOutputSchema>;

export const subscribeSchema = z.object({
  email: emailSchema,
  consent: z.literal("on", { error: "Tick the box to agree." }),
  // Honeypot: people never see it, simple bots fill it in.
  website: z.string().max(0).optional(),
});

export const subscriberOutputSchema = z.object({ id: z.string(), email: z.string(), consentText: z.string(), consentedAt: z.string() });
export const listSubscribersQuerySchema = z.object({ cursor: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
