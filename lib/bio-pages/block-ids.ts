import { randomBytes } from "node:crypto";
import type { BioBlock, blocksSchema } from "./schemas";
import type { z } from "zod";

/** Block ids are lower-case letters and digits, so they fit the redirect's `?bio=<page>.<block>` marker. */
export const newBlockId = () => randomBytes(10).toString("hex");

export function withIds(blocks: z.output<typeof blocksSchema>): BioBlock[] {
  return blocks.map((b) => ({ ...b, id: b.id ?? newBlockId() }));
}
