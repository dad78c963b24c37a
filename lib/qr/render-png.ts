import "server-only";
import sharp from "sharp";

/**
 * Rasterises a QR SVG (from renderQrSvg) to a PNG `size` pixels wide, drawn
 * from the vectors at that resolution (not scaled up from a small bitmap).
 */
export async function renderQrPng(svg: string, size: number): Promise<Buffer> {
  const declared = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const density = Number.isFinite(declared) && declared > 0 ? (72 * size) / declared : 72;
  return sharp(Buffer.from(svg), { density, limitInputPixels: false })
    .resize({ width: size })
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toBuffer();
}
