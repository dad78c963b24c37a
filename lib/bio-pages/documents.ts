import type { Prisma } from "@/generated/sqlite/client";
import { blockSchema, type BioBlock, type BioDocument } from "./schemas";
import { presetTheme, themeSchema, type BioTheme } from "./themes";

/** A stored theme read back; anything unreadable falls back to the default theme. */
export function themeOf(value: unknown): BioTheme {
  const parsed = themeSchema.safeParse(value);
  return parsed.success ? parsed.data : presetTheme("paper");
}

/** A BioBlock row (type + data) as the block it was published from. */
export function blockFromRow(row: { id: string; type: string; data: unknown }): BioBlock {
  const data = (row.data ?? {}) as Record<string, unknown>;
  // Stored blocks were validated on publish; parse again so the types hold.
  const parsed = blockSchema.safeParse({ ...data, type: row.type, id: row.id });
  if (!parsed.success) return { id: row.id, type: "text", text: "", hidden: true, startsAt: null, endsAt: null };
  return { ...parsed.data, id: row.id };
}

/** The stored draft read back (BioPage.draft). */
export function documentOf(value: unknown, fallback: () => BioDocument): BioDocument {
  if (!value || typeof value !== "object") return fallback();
  const d = value as Partial<BioDocument>;
  return {
    title: typeof d.title === "string" ? d.title : "",
    bio: typeof d.bio === "string" ? d.bio : null,
    avatarId: typeof d.avatarId === "string" ? d.avatarId : null,
    theme: themeOf(d.theme),
    blocks: Array.isArray(d.blocks) ? d.blocks.map((b) => blockFromRow({ id: String((b as BioBlock).id), type: String((b as BioBlock).type), data: b })) : [],
  };
}

export const asJson = (v: unknown) => v as Prisma.InputJsonValue;

/** The columns of a block row: its fields without id and type. */
export function blockData(block: BioBlock): Prisma.InputJsonValue {
  const { id: _id, type: _type, ...data } = block;
  return asJson(data);
}
