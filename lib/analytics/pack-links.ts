import "server-only";
import { db } from "@/lib/db/client";
import { Params } from "./click-sql";

/**
 * A workspace's links by number, as its day packs name them (ClickDayPack,
 * day-pack.ts): a pack's link column holds each row's link number, so a view reads no link ids out of its packs, and finds what
 * depends on a link (its campaign, channel, tags, a filter's answer) once a
 * view by number; a value's month rows (scope-months.ts) name links by the
 * same numbers. Numbers are given from 1 up, the first time a packed day or a
 * summed month has the link, and never change or go: a number read once is good for as
 * long as the process lives.
 */

/** How many times numberLinks tries again after another instance took the numbers it chose. */
const TRIES = 10;
/** Rows a statement inserts. */
const BATCH = 500;

/** Each of the workspace's numbered links: its number by id. */
async function readNumbers(workspaceId: string): Promise<Map<string, number>> {
  const rows = await db().clickPackLink.findMany({ where: { workspaceId }, select: { n: true, linkId: true } });
  return new Map(rows.map((r) => [r.linkId, r.n]));
}

/**
 * The numbers of some links (the links of a day the job packs), numbering
 * those that have none yet. Two instances numbering at once may choose the
 * same numbers: a row whose number (or link) is taken is left out, and the
 * links still without one are numbered again above the numbers now taken
 * (a number chosen for a link another instance numbered first stays unused).
 */
export async function numberLinks(workspaceId: string, ids: Iterable<string>): Promise<Map<string, number>> {
  const want = new Set(ids);
  for (let tries = 0; ; tries++) {
    const numbers = await readNumbers(workspaceId);
    const missing = [...want].filter((id) => !numbers.has(id));
    if (!missing.length) return numbers;
    if (tries === TRIES) throw new Error(`numberLinks: ${missing.length} link(s) of workspace ${workspaceId} still without a number after ${TRIES} tries`);
    let next = 1;
    for (const n of numbers.values()) if (n >= next) next = n + 1;
    for (let i = 0; i < missing.length; i += BATCH) {
      const p = new Params(db().provider === "postgres");
      const values = missing.slice(i, i + BATCH).map((id, j) => `(${p.add(workspaceId)}, ${p.add(next + i + j)}, ${p.add(id)})`);
      await db().$executeRawUnsafe(`INSERT INTO "ClickPackLink" ("workspaceId", "n", "linkId") VALUES ${values.join(", ")} ON CONFLICT DO NOTHING`, ...p.values);
    }
  }
}

/** Read numberings, by database and workspace: each a list of link ids by number, kept while the process lives, the most recently used few. */
const known = new Map<string, (string | null)[]>();
const KEPT = 64;

/**
 * The workspace's link ids by number (index 0: none), covering at least
 * the numbers below `count` (a pack's `links`): read again only when a pack
 * names a number given since it was read.
 */
export async function packLinkIds(workspaceId: string, count: number): Promise<readonly (string | null)[]> {
  const key = `${process.env.DATABASE_URL ?? ""}\0${workspaceId}`;
  let ids = known.get(key);
  known.delete(key);
  if (!ids || ids.length < count) {
    ids = [null];
    for (const [id, n] of await readNumbers(workspaceId)) ids[n] = id;
    for (let n = 0; n < ids.length; n++) ids[n] ??= null;
  }
  known.set(key, ids);
  if (known.size > KEPT) known.delete(known.keys().next().value!);
  return ids;
}
