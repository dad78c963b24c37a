import { DIMENSION_FIELDS, type AggregateRow, type ViewRow } from "./click-sql";
import type { Dimension } from "./schemas";

/**
 * A dashboard view's groupings, made in memory from the period's rows read
 * once (selectViewRows): the same sums and distinct visitors as
 * aggregateClicks, the same order (most clicks first, then the key as the
 * database sorts it), so a panel reads the same either way.
 */
interface Group {
  clicks: number;
  scans: number;
  bioClicks: number;
  visitors: Set<number>;
}

export interface ViewContext {
  /** Each social platform's kind (platformType). */
  kinds: Map<string, string>;
  /** A link's tags (tag): a click counts once per tag of its link; links without tags are not in the panel. */
  tags: Map<string, string[]>;
  /** How the database orders a missing key in ascending order: SQLite first, PostgreSQL last. */
  nullsFirst: boolean;
}

/** A row's key for one grouping (not tag: a link has several); "block": a bio page's block (a raw click's). */
export function keyOf(d: Exclude<Dimension, "tag"> | "bucket" | "block" | null, r: ViewRow, ctx: ViewContext): string | number | null {
  if (d === null) return null;
  if (d === "bucket") return r.b;
  if (d === "block") return r.bioBlockId;
  if (d === "platformType") return r.social === null ? null : (ctx.kinds.get(r.social) ?? null);
  return r[DIMENSION_FIELDS[d]] as string | null;
}

/** The rows grouped by one key (a dimension, the bucket, or nothing: the totals). */
export function groupRows(rows: ViewRow[], d: Dimension | "bucket" | "block" | null, ctx: ViewContext, limit?: number): AggregateRow[] {
  const groups = new Map<string | number | null, Group>();
  const visitor = visitorNumbers(rows);
  const add = (k: string | number | null, r: ViewRow, v: number) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { clicks: 0, scans: 0, bioClicks: 0, visitors: new Set() }));
    g.clicks += r.n;
    if (r.trigger === "qr") g.scans += r.n;
    if (r.trigger === "bio") g.bioClicks += r.n;
    g.visitors.add(v);
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const v = visitor[i]!;
    if (d === "tag") for (const t of ctx.tags.get(r.linkId) ?? []) add(t, r, v);
    else add(keyOf(d, r, ctx), r, v);
  }
  if (d === null && !groups.size) return [];
  const out = [...groups].map(([k, g]) => ({ k, clicks: g.clicks, uniques: g.visitors.size, scans: g.scans, bioClicks: g.bioClicks, views: 0 }));
  out.sort((a, b) => b.clicks - a.clicks || compareKeys(a.k, b.k, ctx.nullsFirst));
  return limit ? out.slice(0, limit) : out;
}

/** Each row's visitor as a small number (sets of numbers are quicker than sets of hashes), made once per row set. */
const numbered = new WeakMap<ViewRow[], Uint32Array>();
function visitorNumbers(rows: ViewRow[]): Uint32Array {
  const known = numbered.get(rows);
  if (known) return known;
  const out = new Uint32Array(rows.length);
  const ids = new Map<string, number>();
  rows.forEach((r, i) => {
    let id = ids.get(r.visitorHash);
    if (id === undefined) ids.set(r.visitorHash, (id = ids.size));
    out[i] = id;
  });
  numbered.set(rows, out);
  return out;
}

export function compareKeys(a: string | number | null, b: string | number | null, nullsFirst: boolean): number {
  if (a === b) return 0;
  if (a === null) return nullsFirst ? -1 : 1;
  if (b === null) return nullsFirst ? 1 : -1;
  return a < b ? -1 : 1;
}
