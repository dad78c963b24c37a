// `npx tsx scripts/app-icons.ts`: draws the app's icons from the logo's flag
// (components/logo-mark.ts) into Next's file conventions in app/: icon.svg
// (browsers' tab icon), favicon.ico (16, 32 and 48 px, for what asks for
// /favicon.ico), apple-icon.png (180 px, home screens). app/manifest.ts names
// them. Run it again when the logo changes; the files are committed.
import { writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { FLAG_COLOR, FLAG_PATH } from "../components/logo-mark";

const app = path.join(import.meta.dirname, "..", "app");

/** The white flag, centred on a square of the logo's colour (32 × 32 units). */
function iconSvg(radius: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="${radius}" fill="${FLAG_COLOR}"/><path fill="#fff" transform="translate(3.5 4)" d="${FLAG_PATH}"/></svg>\n`;
}

const png = (svg: string, size: number) => sharp(Buffer.from(svg), { density: (72 * size) / 32 }).resize(size, size).png().toBuffer();

/** An .ico holding PNG images (read by every browser since 2010). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const rounded = iconSvg(7);
writeFileSync(path.join(app, "icon.svg"), rounded);
const sizes = [16, 32, 48];
writeFileSync(path.join(app, "favicon.ico"), ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(rounded, size) })))));
// iOS rounds the corners itself and shows transparency as black: a full square.
writeFileSync(path.join(app, "apple-icon.png"), await png(iconSvg(0), 180));
console.log("wrote app/icon.svg, app/favicon.ico, app/apple-icon.png");
