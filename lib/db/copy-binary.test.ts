import { describe, expect, it } from "vitest";
import { copyBinaryRows } from "./copy-binary";

/** A binary COPY stream as PostgreSQL writes it, from rows of fields (null: NULL). */
function stream(rows: (Buffer | null)[][], extension = Buffer.alloc(0)): Buffer {
  const parts: Buffer[] = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(4), u32(extension.length), extension];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const f of row) {
      const length = Buffer.alloc(4);
      length.writeInt32BE(f === null ? -1 : f.length);
      parts.push(length, ...(f ? [f] : []));
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

describe("copyBinaryRows", () => {
  it("gives each row's fields as their bytes, NULL as null, past a header extension", () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 0x0a, 0x0d]);
    const whole = stream([[u32(20000), u32(96), bytes], [u32(20001), null, Buffer.alloc(0)]], Buffer.from("ext"));
    // As the socket delivers it: in chunks that cut fields anywhere.
    const rows = copyBinaryRows([whole.subarray(0, 5), whole.subarray(5, 33), whole.subarray(33, 48), whole.subarray(48)]);
    expect(rows).toHaveLength(2);
    expect(rows[0]![0]!.readInt32BE(0)).toBe(20000);
    expect(rows[0]![1]!.readInt32BE(0)).toBe(96);
    expect([...rows[0]![2]!]).toEqual([...bytes]);
    expect(rows[1]![1]).toBeNull();
    expect(rows[1]![2]!.length).toBe(0);
    // Each field in memory of its own, aligned for the typed arrays a pack is read with.
    expect(rows[0]![2]!.byteOffset % 8).toBe(0);
    expect(rows.flat().every((f) => f === null || f.buffer !== whole.buffer)).toBe(true);
  });

  it("answers no rows for an empty result", () => {
    expect(copyBinaryRows([stream([])])).toEqual([]);
  });

  it("refuses what is not a binary COPY stream, or one cut short", () => {
    expect(() => copyBinaryRows([Buffer.from("day\tslots\nsomething longer")])).toThrow(/not a binary COPY/);
    const cut = stream([[Buffer.alloc(100)]]);
    expect(() => copyBinaryRows([cut.subarray(0, cut.length - 40)])).toThrow(/cut short/);
    expect(() => copyBinaryRows([cut.subarray(0, 5)])).toThrow(/cut short/);
  });

  it("puts each field in the memory alloc gives, memory used before included", () => {
    const used = new ArrayBuffer(4096);
    new Uint8Array(used).fill(0xee); // what an earlier pack left there
    const given: number[] = [];
    const alloc = (length: number) => (given.push(length), Buffer.from(length >= 1000 ? used : new ArrayBuffer(length), 0, length));
    const pack = Buffer.alloc(3000, 7);
    const rows = copyBinaryRows([stream([[u32(1), pack]])], alloc);
    expect([...rows[0]![1]!]).toEqual([...pack]);
    expect(rows[0]![1]!.buffer).toBe(used);
    expect(rows[0]![0]!.readUInt32BE(0)).toBe(1);
    expect(given).toContain(3000);
  });
});
