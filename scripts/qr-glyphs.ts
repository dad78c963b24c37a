/**
 * Generates lib/qr/cta-glyphs.ts: the outlines of Inter SemiBold for the
 * characters a QR frame's call to action may use, as SVG path data. The CTA is
 * drawn as paths, so it looks the same in the browser preview, in sharp/librsvg
 * on a server without fonts, and in any SVG editor a printer opens.
 *
 * Run once (output is checked in): `npx tsx scripts/qr-glyphs.ts [font.woff|font.ttf]`.
 * Default font: the Inter 600 WOFF that the prisma package ships (Inter is under
 * the SIL Open Font License 1.1, which allows embedding).
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");

function defaultFont(): string {
  const dir = path.join(root, "node_modules/prisma/build/public/assets");
  const file = fs.readdirSync(dir).find((f) => /^inter-all-600-normal\..*\.woff$/.test(f));
  if (!file) throw new Error(`No Inter 600 WOFF in ${dir}; pass a .ttf or .woff path.`);
  return path.join(dir, file);
}

/** The sfnt tables of a TTF or WOFF 1.0 file, decompressed. */
function readTables(buf: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  const woff = buf.toString("latin1", 0, 4) === "wOFF";
  const count = buf.readUInt16BE(woff ? 12 : 4);
  for (let i = 0; i < count; i++) {
    if (woff) {
      const o = 44 + i * 20;
      const tag = buf.toString("latin1", o, o + 4);
      const offset = buf.readUInt32BE(o + 4);
      const compLength = buf.readUInt32BE(o + 8);
      const origLength = buf.readUInt32BE(o + 12);
      const raw = buf.subarray(offset, offset + compLength);
      tables.set(tag, compLength < origLength ? zlib.inflateSync(raw) : Buffer.from(raw));
    } else {
      const o = 12 + i * 16;
      const tag = buf.toString("latin1", o, o + 4);
      const offset = buf.readUInt32BE(o + 8);
      const length = buf.readUInt32BE(o + 12);
      tables.set(tag, buf.subarray(offset, offset + length));
    }
  }
  return tables;
}

function table(tables: Map<string, Buffer>, tag: string): Buffer {
  const t = tables.get(tag);
  if (!t) throw new Error(`The font has no ${tag} table (only TrueType outlines are supported).`);
  return t;
}

/** Unicode → glyph id, from a format 4 (BMP) cmap subtable. */
function readCmap(cmap: Buffer): Map<number, number> {
  const map = new Map<number, number>();
  const n = cmap.readUInt16BE(2);
  for (let i = 0; i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    if (!((platform === 3 && encoding === 1) || platform === 0) || cmap.readUInt16BE(offset) !== 4) continue;
    const segX2 = cmap.readUInt16BE(offset + 6);
    const ends = offset + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let s = 0; s < segX2 / 2; s++) {
      const end = cmap.readUInt16BE(ends + s * 2);
      const start = cmap.readUInt16BE(starts + s * 2);
      const delta = cmap.readInt16BE(deltas + s * 2);
      const ro = cmap.readUInt16BE(rangeOffsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let g: number;
        if (ro === 0) g = (c + delta) & 0xffff;
        else {
          const at = rangeOffsets + s * 2 + ro + (c - start) * 2;
          g = cmap.readUInt16BE(at);
          if (g !== 0) g = (g + delta) & 0xffff;
        }
        if (g !== 0 && !map.has(c)) map.set(c, g);
      }
    }
    return map;
  }
  throw new Error("No Unicode format 4 cmap subtable.");
}

interface Pt {
  x: number;
  y: number;
  on: boolean;
}

class Font {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly capHeight: number;
  private readonly cmap: Map<number, number>;
  private readonly glyf: Buffer;
  private readonly loca: number[];
  private readonly advances: number[];

  constructor(tables: Map<string, Buffer>) {
    const head = table(tables, "head");
    const hhea = table(tables, "hhea");
    const maxp = table(tables, "maxp");
    const hmtx = table(tables, "hmtx");
    const os2 = table(tables, "OS/2");
    this.unitsPerEm = head.readUInt16BE(18);
    this.ascender = hhea.readInt16BE(4);
    this.descender = hhea.readInt16BE(6);
    this.capHeight = os2.readUInt16BE(0) >= 2 ? os2.readInt16BE(88) : Math.round(this.unitsPerEm * 0.7);
    const longLoca = head.readInt16BE(50) === 1;
    const numGlyphs = maxp.readUInt16BE(4);
    const locaBuf = table(tables, "loca");
    this.loca = Array.from({ length: numGlyphs + 1 }, (_, i) => (longLoca ? locaBuf.readUInt32BE(i * 4) : locaBuf.readUInt16BE(i * 2) * 2));
    const numH = hhea.readUInt16BE(34);
    this.advances = Array.from({ length: numGlyphs }, (_, i) => hmtx.readUInt16BE(Math.min(i, numH - 1) * 4));
    this.glyf = table(tables, "glyf");
    this.cmap = readCmap(table(tables, "cmap"));
  }

  glyphId(codePoint: number): number | undefined {
    return this.cmap.get(codePoint);
  }

  advance(gid: number): number {
    return this.advances[gid] ?? 0;
  }

  /** Contours of a glyph in font units (y up), composites resolved. */
  contours(gid: number): Pt[][] {
    const start = this.loca[gid] ?? 0;
    const end = this.loca[gid + 1] ?? start;
    if (end <= start) return [];
    const g = this.glyf.subarray(start, end);
    const nContours = g.readInt16BE(0);
    return nContours >= 0 ? this.simple(g, nContours) : this.composite(g);
  }

  private simple(g: Buffer, n: number): Pt[][] {
    let p = 10;
    const endPts: number[] = [];
    for (let i = 0; i < n; i++, p += 2) endPts.push(g.readUInt16BE(p));
    const count = (endPts[n - 1] ?? -1) + 1;
    p += 2 + g.readUInt16BE(p);
    const flags: number[] = [];
    while (flags.length < count) {
      const f = g.readUInt8(p++);
      flags.push(f);
      if (f & 8) {
        const repeat = g.readUInt8(p++);
        for (let r = 0; r < repeat; r++) flags.push(f);
      }
    }
    const read = (short: number, same: number): number[] => {
      const out: number[] = [];
      let v = 0;
      for (const f of flags) {
        if (f & short) {
          const d = g.readUInt8(p++);
          v += f & same ? d : -d;
        } else if (!(f & same)) {
          v += g.readInt16BE(p);
          p += 2;
        }
        out.push(v);
      }
      return out;
    };
    const xs = read(2, 16);
    const ys = read(4, 32);
    const contours: Pt[][] = [];
    let from = 0;
    for (const e of endPts) {
      const c: Pt[] = [];
      for (let i = from; i <= e; i++) c.push({ x: xs[i] ?? 0, y: ys[i] ?? 0, on: ((flags[i] ?? 0) & 1) === 1 });
      contours.push(c);
      from = e + 1;
    }
    return contours;
  }

  private composite(g: Buffer): Pt[][] {
    const out: Pt[][] = [];
    let p = 10;
    for (;;) {
      const flags = g.readUInt16BE(p);
      const gid = g.readUInt16BE(p + 2);
      p += 4;
      let dx: number;
      let dy: number;
      if (flags & 1) {
        dx = g.readInt16BE(p);
        dy = g.readInt16BE(p + 2);
        p += 4;
      } else {
        dx = g.readInt8(p);
        dy = g.readInt8(p + 1);
        p += 2;
      }
      if (!(flags & 2)) throw new Error("Point-matched composite components are not supported.");
      let a = 1;
      let b = 0;
      let c = 0;
      let d = 1;
      const f2 = (o: number) => g.readInt16BE(o) / 16384;
      if (flags & 8) {
        a = d = f2(p);
        p += 2;
      } else if (flags & 0x40) {
        a = f2(p);
        d = f2(p + 2);
        p += 4;
      } else if (flags & 0x80) {
        a = f2(p);
        b = f2(p + 2);
        c = f2(p + 4);
        d = f2(p + 6);
        p += 8;
      }
      for (const contour of this.contours(gid)) {
        out.push(contour.map((pt) => ({ x: a * pt.x + c * pt.y + dx, y: b * pt.x + d * pt.y + dy, on: pt.on })));
      }
      if (!(flags & 0x20)) break;
    }
    return out;
  }
}

/** A TrueType contour as SVG path data, y flipped so that the baseline is y = 0 and y grows downwards. */
function contourPath(contour: Pt[]): string {
  if (contour.length === 0) return "";
  const n = contour.length;
  const fmt = (v: number) => String(Math.round(v));
  const pt = (q: { x: number; y: number }) => `${fmt(q.x)} ${fmt(-q.y)}`;
  const mid = (a: Pt, b: Pt): Pt => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, on: true });
  // Start on an on-curve point (or the midpoint of two off-curve ones).
  let startIndex = contour.findIndex((q) => q.on);
  let start: Pt;
  if (startIndex === -1) {
    start = mid(contour[0]!, contour[1 % n]!);
    startIndex = 0;
  } else start = contour[startIndex]!;
  let d = `M${pt(start)}`;
  let pending: Pt | null = null;
  for (let k = 1; k <= n; k++) {
    const q = contour[(startIndex + k) % n]!;
    const closing = k === n;
    const target = closing ? start : q;
    if (closing && !contour.some((c) => c.on)) {
      // All-off-curve contour: close through the last control point.
      if (pending) d += `Q${pt(pending)} ${pt(start)}`;
      break;
    }
    if (target.on || closing) {
      d += pending ? `Q${pt(pending)} ${pt(target)}` : `L${pt(target)}`;
      pending = null;
    } else if (pending) {
      const m = mid(pending, q);
      d += `Q${pt(pending)} ${pt(m)}`;
      pending = q;
    } else pending = q;
  }
  return `${d}Z`;
}

const CHARS = [
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => 0xa1 + i),
  0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014, 0x2026, 0x20ac, 0x2022, 0x2192,
];

function main() {
  const file = process.argv[2] ?? defaultFont();
  const font = new Font(readTables(fs.readFileSync(file)));
  const glyphs: Record<string, [number, string]> = {};
  for (const cp of CHARS) {
    const gid = font.glyphId(cp);
    if (gid === undefined) continue;
    const d = font.contours(gid).map(contourPath).join("");
    glyphs[String.fromCodePoint(cp)] = [font.advance(gid), d];
  }
  const out = path.join(root, "lib/qr/cta-glyphs.ts");
  const body = [
    "// Generated by scripts/qr-glyphs.ts from Inter SemiBold (SIL Open Font License 1.1,",
    "// https://github.com/rsms/inter). Do not edit: run the script again.",
    "",
    "/** Font units per em; the paths are in font units, baseline at y = 0, y grows downwards. */",
    `export const CTA_UNITS_PER_EM = ${font.unitsPerEm};`,
    `export const CTA_CAP_HEIGHT = ${font.capHeight};`,
    `export const CTA_ASCENDER = ${font.ascender};`,
    `export const CTA_DESCENDER = ${font.descender};`,
    "",
    "/** Character → [advance width, SVG path data]. */",
    `export const CTA_GLYPHS: Readonly<Record<string, readonly [number, string]>> = ${JSON.stringify(glyphs)};`,
    "",
  ].join("\n");
  fs.writeFileSync(out, body);
  console.log(`${Object.keys(glyphs).length} glyphs, ${(body.length / 1024).toFixed(0)} KB → ${path.relative(root, out)}`);
}

main();
