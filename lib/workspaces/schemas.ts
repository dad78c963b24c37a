import { z } from "zod";
import { cleanString } from "@/lib/text/clean-text";
import { timeZoneSchema } from "./time-zone";

const RESERVED = new Set(["new", "create", "settings", "api", "admin", "app", "dashboard", "www", "help", "support"]);

export const workspaceNameSchema = cleanString({ error: "Enter a workspace name." })
  .trim()
  .min(1, "Enter a workspace name.")
  .max(60, "Use at most 60 characters for the name.");

export const workspaceSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters for the workspace URL.")
  .max(48, "Use at most 48 characters for the workspace URL.")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Use lowercase letters, digits and dashes (not at the start or end).")
  .refine((s) => !RESERVED.has(s), "That workspace URL is reserved; pick another.");

export const createWorkspaceSchema = z.object({
  name: workspaceNameSchema,
  slug: workspaceSlugSchema.optional(),
});
export type CreateWorkspaceInput = z.input<typeof createWorkspaceSchema>;

export const renameWorkspaceSchema = z.object({
  name: workspaceNameSchema.optional(),
  slug: workspaceSlugSchema.optional(),
  /** The IANA zone dashboards bucket days in and dates are shown in. */
  timeZone: timeZoneSchema.optional(),
  /** Days raw clicks are kept (lib/analytics/retention.ts); null: forever. */
  rawClickRetentionDays: z
    .number({ error: "Give a number of days from 1 to 3650, or null to keep raw clicks forever." })
    .int({ error: "Give a whole number of days." })
    .min(1, { error: "Keep raw clicks at least 1 day." })
    .max(3650, { error: "Keep raw clicks at most 3650 days, or forever (null)." })
    .nullable()
    .optional(),
});
export type RenameWorkspaceInput = z.input<typeof renameWorkspaceSchema>;

/** Deleting a workspace: its slug, typed again to confirm. */
export const deleteWorkspaceSchema = z.object({ confirm: z.string().max(100).default("") });
export type DeleteWorkspaceInput = z.input<typeof deleteWorkspaceSchema>;

/** "Ana's Team!" -> "anas-team"; padded to the minimum length. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  const padded = base.length >= 3 ? base : `${base || "workspace"}${base ? "-ws" : ""}`;
  return RESERVED.has(padded) ? `${padded}-ws` : padded;
}

export const workspaceOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  personal: z.boolean(),
  role: z.enum(["owner", "admin", "member", "viewer"]),
  /** Days raw clicks are kept; null: forever. Present in a PATCH's answer. */
  rawClickRetentionDays: z.number().int().nullable().optional(),
  createdAt: z.iso.datetime(),
});
