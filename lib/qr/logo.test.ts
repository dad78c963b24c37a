import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { toAppError } from "@/lib/to-app-error";
import { pngChunkTypes, withTextChunk } from "@/tests/png-chunks";
import { processLogoUpload, sniffImage } from "./logo";

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    return toAppError(err);
  }
  throw new Error("expected the upload to be refused");
}

const logoSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400"><rect width="800" height="400" fill="#0b1f44"/><circle cx="200" cy="200" r="150" fill="#f97316"/></svg>`;

describe("processLogoUpload", () => {
  it("re-encodes a PNG to pixels only: no text chunks, at most 512 × 512", async () => {
    const png = withTextChunk(await sharp(Buffer.from(logoSvg)).png().toBuffer(), "Comment", "<script>alert(1)</script> secret");
    expect(pngChunkTypes(png)).toContain("tEXt");
    const out = await processLogoUpload(png, "image/png");
    const types = pngChunkTypes(out);
    expect(types[0]).toBe("IHDR");
    expect(types.at(-1)).toBe("IEND");
    for (const t of ["tEXt", "iTXt", "zTXt", "eXIf", "iCCP", "tIME"]) expect(types).not.toContain(t);
    expect(out.includes(Buffer.from("secret"))).toBe(false);
    const meta = await sharp(out).metadata();
    expect(meta).toMatchObject({ format: "png", width: 512, height: 256 });
  });

  it("accepts JPEG and WebP, drops their EXIF, and keeps small images at their size", async () => {
    const jpeg = await sharp(Buffer.from(logoSvg)).resize(200).jpeg().withExif({ IFD0: { Copyright: "Secret Corp", Artist: "Ana" } }).toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const fromJpeg = await processLogoUpload(jpeg);
    const meta = await sharp(fromJpeg).metadata();
    expect(meta).toMatchObject({ format: "png", width: 200, height: 100 });
    expect(meta.exif).toBeUndefined();
    expect(fromJpeg.includes(Buffer.from("Secret Corp"))).toBe(false);
    const webp = await sharp(Buffer.from(logoSvg)).webp().toBuffer();
    expect(await sharp(await processLogoUpload(webp, "image/webp")).metadata()).toMatchObject({ format: "png", width: 512 });
  });

  it("refuses SVG with a clear message, whatever it is called", async () => {
    for (const [bytes, type] of [
      [Buffer.from(logoSvg), "image/svg+xml"],
      [Buffer.from(`<?xml version="1.0"?>\n${logoSvg}`), "image/png"],
      [Buffer.from(`\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), ""],
    ] as const) {
      const err = await failure(processLogoUpload(bytes, type));
      expect(err).toMatchObject({ code: "unprocessable", status: 422 });
      expect(err.message).toMatch(/SVG logos are not accepted/);
    }
  });

  it("refuses files over 2 MB with the size and the limit", async () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const err = await failure(processLogoUpload(big, "image/png"));
    expect(err.status).toBe(422);
    expect(err.message).toBe("The logo is 2.0 MB; the limit is 2 MB. Export it smaller (512 × 512 pixels is plenty).");
  });

  it("refuses a file named and typed as PNG that is not an image, and a damaged PNG", async () => {
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    expect((await failure(processLogoUpload(html, "image/png"))).message).toMatch(/not a PNG, JPEG or WebP image/);
    expect((await failure(processLogoUpload(Buffer.from("GIF89a......"), "image/png"))).message).toMatch(/not a PNG, JPEG or WebP/);
    const truncated = (await sharp(Buffer.from(logoSvg)).png().toBuffer()).subarray(0, 60);
    expect((await failure(processLogoUpload(truncated, "image/png"))).message).toMatch(/damaged/);
    expect((await failure(processLogoUpload(new Uint8Array(0)))).message).toMatch(/empty/);
  });

  it("sniffs by content", () => {
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImage(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(sniffImage(Buffer.from("hello"))).toBeNull();
  });
});
