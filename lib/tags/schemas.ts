import { z } from "zod";
import { tagNameSchema } from "@/lib/links/schemas";

export const TAG_COLORS = ["gray", "red", "orange", "yellow", "green", "teal", "blue", "indigo", "purple", "pink"] as const;

const tagColorSchema = z.enum(TAG_COLORS, { error: `Use one of: ${TAG_COLORS.join(", ")}.` });

export const createTagSchema = z.object({
  name: tagNameSchema,
  color: tagColorSchema.default("gray"),
});
export type CreateTagInput = z.input<typeof createTagSchema>;

/** Rename, recolour, or both. */
export const updateTagSchema = z
  .object({ name: tagNameSchema.optional(), color: tagColorSchema.optional() })
  .refine((v) => v.name !== undefined || v.color !== undefined, { error: "Send a new name, a new color, or both." });
export type UpdateTagInput = z.input<typeof updateTagSchema>;

export const tagOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.enum(TAG_COLORS),
  links: z.number().int().describe("How many links carry this tag."),
  createdAt: z.string(),
});
export type TagOutput = z.infer<typeof tagOutputSchema>;
