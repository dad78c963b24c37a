/**
 * The rows of a PostgreSQL `COPY … TO STDOUT (FORMAT binary)` stream, as
 * its chunks came, each row's fields as their bytes (null for NULL). The
 * binary format is the one way node-postgres hands over bytes untouched:
 * its query results decode every field as text (a bytea as hex, twice its
 * size), which cost a 12-month analytics view more than summing its packs.
 * Each field is copied once, out of the chunks into memory of its own
 * (aligned at its start, as typed arrays over it need); the chunks are not
 * joined first. `alloc` gives a field its memory (at the start of an
 * ArrayBuffer); by default, new memory.
 * Format: an 11-byte signature, 32-bit flags, a 32-bit length and that
 * many bytes of header extension; then each row as a 16-bit field count and
 * each field as a 32-bit length (-1: NULL) and its bytes; a count of -1 ends it.
 */
export function copyBinaryRows(chunks: readonly Buffer[], alloc: (length: number) => Buffer = Buffer.allocUnsafeSlow): (Buffer | null)[][] {
  const read = new ChunkReader(chunks, alloc);
  if (!read.take(11).equals(SIGNATURE)) throw new Error("copyBinaryRows: not a binary COPY stream");
  read.take(4);
  read.take(read.take(4).readUInt32BE(0));
  const rows: (Buffer | null)[][] = [];
  for (;;) {
    const count = read.take(2).readInt16BE(0);
    if (count === -1) return rows;
    const row: (Buffer | null)[] = [];
    for (let f = 0; f < count; f++) {
      const length = read.take(4).readInt32BE(0);
      row.push(length === -1 ? null : read.take(length));
    }
    rows.push(row);
  }
}

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/** Bytes taken in order from a list of chunks, each take a buffer of its own. */
class ChunkReader {
  private chunk = 0;
  private at = 0;
  constructor(
    private readonly chunks: readonly Buffer[],
    private readonly alloc: (length: number) => Buffer,
  ) {}

  take(length: number): Buffer {
    // Its own memory (alloc's), not a slice of Node's shared pool: starts aligned.
    const out = this.alloc(length);
    let filled = 0;
    while (filled < length) {
      const from = this.chunks[this.chunk];
      if (!from) throw new Error("copyBinaryRows: stream cut short");
      const n = Math.min(length - filled, from.length - this.at);
      from.copy(out, filled, this.at, this.at + n);
      filled += n;
      this.at += n;
      if (this.at === from.length) [this.chunk, this.at] = [this.chunk + 1, 0];
    }
    return out;
  }
}
