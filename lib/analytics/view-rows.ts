import { DIMENSION_FIELDS, type AggregateRow, type ViewRow } from "./click-sql";
import type { LinkMap } from "./link-map";
import type { Dimension } from "./schemas";

/**
 * A dashboard view's groupings, made in memory from the period's rows read
 * once (selectViewRows): the same sums and distinct visitors as
 * aggregateClicks, the same order (most clicks first, then the key as the
 * database sorts it), so a panel reads the same either way.
 */
interface Group {
  clicks: number;
  uniques: number;
  scans: number;
  bioClicks: number;
  /** The visitor of the key's last row (rows come visitor by visitor). */
  last: number;
}

/** A view's context while its link map (its links' campaigns, channels and tags) is still being read, beside the period's rows. */
export type PendingContext = Omit<ViewContext, "tags" | "nullsFirst"> & { map: Promise<LinkMap> };

export interface ViewContext {
  /** Each social platform's kind (platformType). */
  kinds: Map<string, string>;
  /** A link's tags (tag): a click counts once per tag of its link; links without tags are not in the panel. */
  tags: ReadonlyMap<string, readonly string[]>;
  /** How the database orders a missing key in ascending order: SQLite first, PostgreSQL last. */
  nullsFirst: boolean;
}

/** How one grouping reads a row's key (not tag: a link has several), chosen once per grouping, not per row; "block": a bio page's block (a raw click's). */
export function keyReader(d: Exclude<Dimension, "tag"> | "bucket" | "block" | null, ctx: Pick<ViewContext, "kinds">): (r: ViewRow) => string | number | null {
  if (d === null) return () => null;
  if (d === "bucket") return (r) => r.b;
  if (d === "block") return (r) => r.bioBlockId;
  if (d === "platformType") return (r) => (r.social === null ? null : (ctx.kinds.get(r.social) ?? null));
  const field = DIMENSION_FIELDS[d];
  return (r) => r[field] as string | null;
}

export type Grouping = Dimension | "bucket" | "block" | null;

/** The rows grouped by one key (a dimension, the bucket, or nothing: the totals); see groupRowsMany. */
export function groupRows(rows: ViewRow[], d: Grouping, ctx: ViewContext, limit?: number): AggregateRow[] {
  const out = groupRowsMany(rows, [d], ctx)[0]!;
  return limit ? out.slice(0, limit) : out;
}

/**
 * The rows grouped by each key (a dimension, the bucket, or nothing: the
 * totals), in one pass: each row is read once for all of them, not once a
 * grouping. Rows are visited visitor by visitor (visitorOrder), so within any
 * key a visitor's rows come one after another: a key's unique visitors are
 * counted by noting when its visitor changes, with no set of visitors per key.
 */
export function groupRowsMany(rows: ViewRow[], ds: readonly Grouping[], ctx: ViewContext): AggregateRow[][] {
  const { order, visitor } = visitorOrder(rows);
  const maps = ds.map(() => new Map<string | number | null, Group>());
  const readers = ds.map((d) => (d === "tag" ? null : keyReader(d, ctx)));
  const add = (groups: Map<string | number | null, Group>, k: string | number | null, n: number, trigger: number, v: number) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { clicks: 0, uniques: 0, scans: 0, bioClicks: 0, last: -1 }));
    g.clicks += n;
    if (trigger === 1) g.scans += n;
    else if (trigger === 2) g.bioClicks += n;
    if (g.last !== v) {
      g.uniques++;
      g.last = v;
    }
  };
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const r = rows[i]!;
    const v = visitor[i]!;
    const trigger = r.trigger === "qr" ? 1 : r.trigger === "bio" ? 2 : 0;
    for (let x = 0; x < ds.length; x++) {
      const read = readers[x];
      if (read) add(maps[x]!, read(r), r.n, trigger, v);
      else for (const t of ctx.tags.get(r.linkId) ?? []) add(maps[x]!, t, r.n, trigger, v);
    }
  }
  return ds.map((d, x) => {
    const groups = maps[x]!;
    if (d === null && !groups.size) return [];
    const out = [...groups].map(([k, g]) => ({ k, clicks: g.clicks, uniques: g.uniques, scans: g.scans, bioClicks: g.bioClicks, views: 0 }));
    return out.sort((a, b) => b.clicks - a.clicks || compareKeys(a.k, b.k, ctx.nullsFirst));
  });
}

/**
 * Each row's visitor as a small number, and the rows' indexes ordered by it
 * (a counting sort: rows of one visitor together, otherwise in their order).
 * Made once per row set, which a view groups twenty ways.
 */
const ordered = new WeakMap<ViewRow[], { order: Uint32Array; visitor: Uint32Array }>();
function visitorOrder(rows: ViewRow[]): { order: Uint32Array; visitor: Uint32Array } {
  const known = ordered.get(rows);
  if (known && known.order.length === rows.length) return known;
  const visitor = new Uint32Array(rows.length);
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const hash = rows[i]!.visitorHash;
    let id = ids.get(hash);
    if (id === undefined) ids.set(hash, (id = ids.size));
    visitor[i] = id;
  }
  const next = new Uint32Array(ids.size + 1);
  for (let i = 0; i < rows.length; i++) next[visitor[i]! + 1]!++;
  for (let v = 1; v <= ids.size; v++) next[v]! += next[v - 1]!;
  const order = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) order[next[visitor[i]!]!++] = i;
  const out = { order, visitor };
  ordered.set(rows, out);
  return out;
}

export function compareKeys(a: string | number | null, b: string | number | null, nullsFirst: boolean): number {
  if (a === b) return 0;
  if (a === null) return nullsFirst ? -1 : 1;
  if (b === null) return nullsFirst ? 1 : -1;
  return a < b ? -1 : 1;
}
