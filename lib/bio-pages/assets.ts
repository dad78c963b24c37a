import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { BIO_CSS, BIO_JS } from "./bio-css";

export interface Asset {
  body: Buffer;
  type: string;
  immutable: boolean;
  /** Text files, compressed once at start (fonts are compressed already). */
  gzip?: Buffer;
  br?: Buffer;
}

const text = (body: Buffer, type: string, immutable: boolean): Asset => ({
  body,
  type,
  immutable,
  gzip: gzipSync(body, { level: 9 }),
  br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
});

const short = (b: Buffer | string) => createHash("sha256").update(b).digest("hex").slice(0, 12);

function load() {
  const require = createRequire(import.meta.url);
  const font = readFileSync(require.resolve("@fontsource-variable/inter/files/inter-latin-wght-normal.woff2"));
  const fontPath = `/_bio/inter.${short(font)}.woff2`;
  const css = Buffer.from(BIO_CSS.replace("__INTER__", fontPath));
  const previewCss = Buffer.from(BIO_CSS.replace("__INTER__", "/_bio/inter.woff2"));
  const js = Buffer.from(BIO_JS);
  const cssPath = `/_bio/bio.${short(css)}.css`;
  const jsPath = `/_bio/bio.${short(js)}.js`;
  const files = new Map<string, Asset>([
    [cssPath, text(css, "text/css; charset=utf-8", true)],
    [jsPath, text(js, "text/javascript; charset=utf-8", true)],
    [fontPath, { body: font, type: "font/woff2", immutable: true }],
    // Unhashed names for the editor's preview, which is drawn in the browser.
    ["/_bio/bio.css", text(previewCss, "text/css; charset=utf-8", false)],
    ["/_bio/inter.woff2", { body: font, type: "font/woff2", immutable: false }],
  ]);
  return { files, paths: { css: cssPath, js: jsPath } };
}

let loaded: ReturnType<typeof load> | null = null;

/** The public page's static files, by path, and the hashed paths pages link to. */
export function bioAssets() {
  loaded ??= load();
  return loaded;
}
