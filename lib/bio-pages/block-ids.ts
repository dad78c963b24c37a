import { randomBytes } from "node:crypto";
import type { BioBlock, blocksSchema } from "./schemas";
import type { z } from "zod";

/** Block ids are lower-case letters and digits, so they fit the redirect's `?bio=<page>.<block>` marker. */
export const newBlockId = () => randomBytes(10).toString("hex");

/**
 * Block ids are keys across the whole app (BioBlock.id, and the clicks that
 * name them), so a page keeps only ids it already has; any other id, or none,
 * gets a new one.
 */
export function withIds(blocks: z.output<typeof blocksSchema>, known: ReadonlySet<string> = new Set()): BioBlock[] {
  return blocks.map((b) => ({ ...b, id: b.id && known.has(b.id) ? b.id : newBlockId() }));
}
