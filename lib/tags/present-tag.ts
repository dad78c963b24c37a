import type { TagOutput } from "./schemas";
import { TAG_COLORS } from "./schemas";

export const tagSelect = { id: true, name: true, color: true, createdAt: true, _count: { select: { links: true } } } as const;

export interface TagRow {
  id: string;
  name: string;
  color: string;
  createdAt: Date;
  _count: { links: number };
}

/** The one shape tags leave lib/ in. */
export function presentTag(row: TagRow): TagOutput {
  const color = (TAG_COLORS as readonly string[]).includes(row.color) ? (row.color as TagOutput["color"]) : "gray";
  return { id: row.id, name: row.name, color, links: row._count.links, createdAt: row.createdAt.toISOString() };
}
