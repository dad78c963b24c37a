// Reading and writing PNG chunks by hand, for tests about what an uploaded image may carry.
import { crc32 } from "node:zlib";

export function pngChunkTypes(png: Uint8Array): string[] {
  const b = Buffer.from(png);
  const types: string[] = [];
  for (let o = 8; o + 8 <= b.length; ) {
    const length = b.readUInt32BE(o);
    types.push(b.toString("latin1", o + 4, o + 8));
    o += 12 + length;
  }
  return types;
}

/** The PNG with a tEXt chunk inserted before IEND. */
export function withTextChunk(png: Uint8Array, keyword: string, text: string): Buffer {
  const b = Buffer.from(png);
  const data = Buffer.concat([Buffer.from(keyword, "latin1"), Buffer.from([0]), Buffer.from(text, "latin1")]);
  const type = Buffer.from("tEXt", "latin1");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])) >>> 0);
  const iend = b.length - 12;
  return Buffer.concat([b.subarray(0, iend), length, type, data, crc, b.subarray(iend)]);
}
