import { DIMENSION_FIELDS, type AggregateRow } from "./click-sql";
import type { DayPack, PackColumn, PackKeep } from "./day-pack";
import type { LinkFiling } from "./link-map";
import { bucketOf } from "./time-range";
import type { Grouping, ViewContext } from "./view-rows";

const DAY = 86_400_000;
type Key = string | number | null;

/** One grouping's sums so far, by key, each key's figures in arrays by its index. */
class Sums {
  readonly index = new Map<Key, number>();
  readonly keys: Key[] = [];
  readonly clicks: number[] = [];
  readonly uniques: number[] = [];
  readonly scans: number[] = [];
  readonly bioClicks: number[] = [];
  /** The visitor last counted for each key (rows are visited visitor by visitor). */
  readonly last: number[] = [];

  at(k: Key): number {
    let g = this.index.get(k);
    if (g === undefined) {
      this.index.set(k, (g = this.keys.length));
      this.keys.push(k);
      this.clicks.push(0);
      this.uniques.push(0);
      this.scans.push(0);
      this.bioClicks.push(0);
      this.last.push(-1);
    }
    return g;
  }

  rows(): AggregateRow[] {
    return this.keys.map((k, g) => ({ k, clicks: this.clicks[g]!, uniques: this.uniques[g]!, scans: this.scans[g]!, bioClicks: this.bioClicks[g]!, views: 0 }));
  }
}

/**
 * How a grouping reads a pack: the column its key comes from (none: the
 * totals), and the key (or keys: a link's tags) of a value of it; a
 * grouping by the link (link, campaign, channel, tag) reads a link's id.
 */
type Way =
  | { column: Exclude<PackColumn, "linkId">; keyOf: (pack: DayPack) => (code: number) => Key }
  | { column: "linkId"; keyOfLink: (id: string | null) => Key | readonly Key[] }
  | { column: "one"; key: Key };

function wayOf(g: Exclude<Grouping, null>, ctx: Pick<ViewContext, "kinds" | "tags">, links: ReadonlyMap<string, LinkFiling>, starts: number[]): Way {
  const text = (column: Exclude<PackColumn & keyof DayPack["values"], "linkId">, read: (v: string | null) => Key = (v) => v): Way => ({ column, keyOf: (pack) => (code) => read(pack.values[column].get(code)) });
  if (g === "bucket") {
    return {
      column: "slot",
      keyOf: (pack) => {
        const step = DAY / pack.slots;
        const buckets = Array.from({ length: pack.slots }, (_, s) => bucketOf(starts, pack.day + s * step));
        return (code) => buckets[code]!;
      },
    };
  }
  if (g === "block") return text("bioBlockId");
  if (g === "tag") return { column: "linkId", keyOfLink: (id) => (id === null ? [] : (ctx.tags.get(id) ?? [])) };
  if (g === "platformType") return text("social", (s) => (s === null ? null : (ctx.kinds.get(s) ?? null)));
  const field = DIMENSION_FIELDS[g];
  if (field === "linkId") return { column: "linkId", keyOfLink: (id) => id };
  if (field === "campaignId" || field === "channelId") return { column: "linkId", keyOfLink: (id) => (id === null ? null : (links.get(id)?.[field] ?? null)) };
  return text(field);
}

/** Each kept row's key index into `at`, by its unit's (`index`, -1 where not found yet: `find` finds it). */
function keysOf(units: Uint32Array, index: Int32Array, at: Int32Array, m: number, find: (unit: number) => number): void {
  for (let j = 0; j < m; j++) {
    const unit = units[j]!;
    let g = index[unit]!;
    if (g === -1) index[unit] = g = find(unit);
    at[j] = g;
  }
}

/** Kept rows into their keys' sums, each row's key index in `at` (or `-2 - i`: the keys in `many[i]`, a link's tags). */
function addRows(s: Sums, many: number[][], at: Int32Array, m: number, n: Uint32Array, scans: Uint32Array, bio: Uint32Array, v: Int32Array): void {
  const { clicks: sc, uniques: su, scans: ss, bioClicks: sb, last } = s;
  const count = (g: number, j: number) => {
    sc[g]! += n[j]!;
    ss[g]! += scans[j]!;
    sb[g]! += bio[j]!;
    if (last[g] !== v[j]) {
      su[g]!++;
      last[g] = v[j]!;
    }
  };
  for (let j = 0; j < m; j++) {
    const g = at[j]!;
    if (g >= 0) count(g, j);
    else for (const h of many[-2 - g]!) count(h, j);
  }
}

/** A cache by number (of a value, or a link), -1 where not found yet. */
const unknown = (size: number): Int32Array => new Int32Array(size).fill(-1);

/** A cache by number grown to hold `size` numbers, the new ones unknown. */
const grown = (cache: Int32Array, size: number): Int32Array => {
  if (cache.length >= size) return cache;
  const out = unknown(Math.max(size, cache.length * 2));
  out.set(cache);
  return out;
};

/**
 * A view's groupings summed straight off its days' packs, kept rows only,
 * without making a row object of any: each grouping reads its one column,
 * each value of it is looked up once a pack (a link once a view, by its
 * number in the workspace: pack-links.ts), and the figures add up in
 * arrays. A key's unique visitors are counted as view-rows.ts counts them,
 * by noting when its visitor changes, the kept rows visited visitor by
 * visitor; a visitor of one day is never one of another (hashes rotate
 * every UTC day), so days add up exactly.
 */
export class PackGroups<G extends Grouping> {
  private readonly ways: Way[];
  private readonly sums: Sums[];
  /** Each link grouping's key index by link number (or `-2 - i`: the keys in `many[x][i]`, a link's tags). */
  private readonly byLink: Int32Array[];
  private readonly many: number[][][];
  /** Each test of the link (a campaign, channel or tag filter): 1 or 0 by link number. */
  private readonly linkTests: Int32Array[];
  /** Visitors of the days added so far: a day's visitor v is `base + v`, unique across days. */
  private base = 0;
  /** kept()'s memory for a pack's rows, and for where each visitor's rows start. */
  private scratch = new Uint32Array(0);
  private visitorStarts = new Uint32Array(0);

  constructor(
    private readonly groups: readonly G[],
    ctx: Pick<ViewContext, "kinds" | "tags">,
    links: ReadonlyMap<string, LinkFiling>,
    private readonly keep: PackKeep,
    starts: number[],
  ) {
    // The totals, and a panel the filters hold to one value, have one key: their figures are the kept rows'.
    this.ways = groups.map((g): Way => (g === null ? { column: "one", key: null } : g !== "bucket" && g !== "block" && keep.one.has(g) ? { column: "one", key: keep.one.get(g)! } : wayOf(g, ctx, links, starts)));
    this.sums = groups.map(() => new Sums());
    this.byLink = groups.map(() => unknown(0));
    this.many = groups.map(() => []);
    // The link's tests last: the others are cheaper and keep fewer rows to test.
    this.keep = { ...keep, tests: [...keep.tests].sort((a, b) => Number(a.column === "linkId") - Number(b.column === "linkId")) };
    this.linkTests = this.keep.tests.map(() => unknown(0));
  }

  /** Adds a day's pack; `ids`: the workspace's link ids by number (packLinkIds'), covering the pack's. */
  add(pack: DayPack, ids: readonly (string | null)[]): void {
    const c = pack.columns;
    const { order, visitor } = this.kept(pack, ids);
    if (!order.length) {
      this.base += pack.visitors;
      return;
    }
    const kinds = Uint8Array.from({ length: pack.values.trigger.length }, (_, code) => ({ qr: 1, bio: 2 })[pack.values.trigger.get(code) ?? ""] ?? 0);
    const m = order.length;
    const n = c.n.gather(order);
    // Each row's clicks as scans and as bio-page clicks (0 when it is neither): added without a test.
    const scans = new Uint32Array(m);
    const bio = new Uint32Array(m);
    const trigger = c.trigger.gather(order);
    for (let j = 0; j < m; j++) {
      const kind = kinds[trigger[j]!]!;
      if (kind === 1) scans[j] = n[j]!;
      else if (kind === 2) bio[j] = n[j]!;
    }
    const v = new Int32Array(m);
    // The kept rows' figures (for a way with one key); visitors come in order, so each change is one more.
    const total = { clicks: 0, scans: 0, bio: 0, visitors: 0 };
    for (let j = 0; j < m; j++) {
      v[j] = this.base + visitor[j]!;
      total.clicks += n[j]!;
      total.scans += scans[j]!;
      total.bio += bio[j]!;
      if (j === 0 || v[j] !== v[j - 1]) total.visitors++;
    }
    let byLinkRow: Uint32Array | null = null;
    const at = new Int32Array(m);
    for (let x = 0; x < this.ways.length; x++) {
      const way = this.ways[x]!;
      const s = this.sums[x]!;
      const many = this.many[x]!;
      if (way.column === "one") {
        const g = s.at(way.key);
        s.clicks[g]! += total.clicks;
        s.scans[g]! += total.scans;
        s.bioClicks[g]! += total.bio;
        s.uniques[g]! += total.visitors;
        s.last[g] = v[m - 1]!;
        continue;
      }
      // Each row's unit (a value's code, or its link's number), and each unit's key index, found the first time a kept row has it.
      let units: Uint32Array;
      let index: Int32Array;
      let keyOf: (unit: number) => Key | readonly Key[];
      if (way.column === "linkId") {
        units = byLinkRow ??= c.linkId.gather(order);
        index = this.byLink[x] = grown(this.byLink[x]!, pack.links);
        keyOf = (l) => way.keyOfLink(ids[l]!);
      } else {
        units = c[way.column].gather(order);
        index = unknown(way.column === "slot" ? pack.slots : pack.values[way.column as keyof DayPack["values"]].length);
        keyOf = way.keyOf(pack);
      }
      keysOf(units, index, at, m, (unit) => {
        const key = keyOf(unit);
        if (key === null || typeof key !== "object") return s.at(key); // one key, not a link's tags
        many.push(key.map((k) => s.at(k)));
        return -1 - many.length;
      });
      addRows(s, many, at, m, n, scans, bio, v);
    }
    this.base += pack.visitors;
  }

  /** Each grouping's rows (unsorted), as groupRowsMany's: a key per value met, the totals none when no row was kept. */
  result(): Map<G, AggregateRow[]> {
    return new Map(this.groups.map((g, x) => [g, this.sums[x]!.rows()]));
  }

  /** The pack's rows the question keeps, visitor by visitor (a counting sort; otherwise in their order), and each one's visitor. */
  private kept(pack: DayPack, ids: readonly (string | null)[]): { order: Uint32Array; visitor: Uint32Array } {
    const c = pack.columns;
    const [people, bots] = this.keep.bots;
    // People's rows come first, then bots'.
    const from = people ? 0 : pack.people;
    const to = bots ? pack.rows : pack.people;
    // Scratch memory kept from pack to pack (a view reads hundreds of packs of some 25,000 rows each).
    if (this.scratch.length < to - from) this.scratch = new Uint32Array(to - from);
    let kept = this.scratch;
    // -1: every row of [from, to), not listed yet (a first test of a value lists those it keeps as it reads the column).
    let m = -1;
    const all = () => {
      for (let i = from; i < to; i++) kept[i - from] = i;
      return to - from;
    };
    // Each test narrows the rows the one before kept.
    this.keep.tests.forEach(({ column, keep: test }, x) => {
      const of = c[column];
      if (m === -1 && column !== "linkId") {
        m = of.select(from, to, pack.values[column].flags(test), kept);
        return;
      }
      if (m === -1) m = all();
      let k = 0;
      if (column === "linkId") {
        // By link number, each link tested once a view.
        const ok = (this.linkTests[x] = grown(this.linkTests[x]!, pack.links));
        for (let j = 0; j < m; j++) {
          const l = of.get(kept[j]!);
          let yes = ok[l]!;
          if (yes === -1) ok[l] = yes = test(ids[l]!) ? 1 : 0;
          if (yes) kept[k++] = kept[j]!;
        }
      } else {
        const ok = pack.values[column as Exclude<typeof column, "linkId">].flags(test);
        for (let j = 0; j < m; j++) {
          const i = kept[j]!;
          kept[k] = i;
          k += ok[of.get(i)]!;
        }
      }
      m = k;
    });
    if (m === -1) m = all();
    kept = kept.subarray(0, m);
    const visitors = c.visitor.gather(kept);
    if (this.visitorStarts.length < pack.visitors + 1) this.visitorStarts = new Uint32Array(pack.visitors + 1);
    const next = this.visitorStarts.fill(0, 0, pack.visitors + 1);
    for (let j = 0; j < m; j++) next[visitors[j]! + 1]!++;
    for (let v = 1; v <= pack.visitors; v++) next[v]! += next[v - 1]!;
    const order = new Uint32Array(m);
    const visitor = new Uint32Array(m);
    for (let j = 0; j < m; j++) {
      const at = next[visitors[j]!]!++;
      order[at] = kept[j]!;
      visitor[at] = visitors[j]!;
    }
    return { order, visitor };
  }
}
