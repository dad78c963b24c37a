import type { BioBlock } from "./schemas";

/** Whether a block shows at `now` (not hidden, inside its window). */
export function isShown(block: Pick<BioBlock, "hidden" | "startsAt" | "endsAt">, now: number): boolean {
  if (block.hidden) return false;
  if (block.startsAt && Date.parse(block.startsAt) > now) return false;
  if (block.endsAt && Date.parse(block.endsAt) <= now) return false;
  return true;
}

/** The next moment after `now` at which a block appears or disappears (null: never). */
export function nextScheduleChange(blocks: Pick<BioBlock, "hidden" | "startsAt" | "endsAt">[], now: number): number | null {
  let next: number | null = null;
  for (const b of blocks) {
    if (b.hidden) continue;
    for (const t of [b.startsAt, b.endsAt]) {
      const at = t ? Date.parse(t) : NaN;
      if (at > now && (next === null || at < next)) next = at;
    }
  }
  return next;
}
