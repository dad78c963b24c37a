import { randomBytes } from "node:crypto";
import type { BioBlock, blocksSchema } from "./schemas";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";

/** Block ids are lower-case letters and digits, so they fit the redirect's `?bio=<page>.<block>` marker. */
export const newBlockId = () => randomBytes(10).toString("hex");

/**
 * Block ids are keys across the whole app (BioBlock.id, and the clicks that
 * name them). A page keeps the ids it has; a new block keeps the id the
 * editor proposed when no page uses it (so the editor need not swap ids under
 * the person typing), and gets a new one otherwise.
 */
export async function withIds(tx: Tx, blocks: z.output<typeof blocksSchema>, known: ReadonlySet<string> = new Set()): Promise<BioBlock[]> {
  const proposed = blocks.flatMap((b) => (b.id && !known.has(b.id) ? [b.id] : []));
  const taken = new Set(proposed.length ? (await tx.bioBlock.findMany({ where: { id: { in: proposed } }, select: { id: true } })).map((b) => b.id) : []);
  return blocks.map((b) => ({ ...b, id: b.id && !taken.has(b.id) ? b.id : newBlockId() }));
}
