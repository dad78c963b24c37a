import "server-only";
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { clickId } from "@/lib/clicks/click-id";
import { lookupGeo } from "@/lib/redirect/geo";
import { utmOf, visitEvent } from "@/lib/redirect/record-visit";
import { describeVisitor, visitorHash } from "@/lib/redirect/visitor";
import { bioAssets } from "./assets";
import { EMBED_FRAME_HOSTS } from "./embeds";
import { loadBioImage, type LoadedHandle } from "./live-page";
import { escapeHtml } from "./markdown";
import { domainRootKey, getCachedBioPage, type CachedPage } from "./page-cache";
import { renderBioPage, type SubscribeNotice } from "./render-page";
import { renderSocialImage } from "./social-image";
import { vcardOf } from "./vcard";

export interface BioServeDeps {
  appUrl: string;
  secret: string;
  clientIp: (req: IncomingMessage) => string;
  /** The click sink the redirect uses: takes the view, returns at once. */
  recordView: (view: ClickRecord) => void;
  /** Stores a sign-up from a subscribe form; answers what to tell the visitor. */
  subscribe: (args: { pageId: string; workspaceId: string; form: URLSearchParams; visitor: string }) => Promise<SubscribeNotice>;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
}

const HANDLE_PATH = /^\/@([A-Za-z0-9_.]{1,30})\/?$/;
const SUB_PATH = /^\/@([A-Za-z0-9_.]{1,30})\/(subscribe|og\.png|vcard\/([a-z0-9]{8,40}))$/;
const IMAGE_PATH = /^\/_bio\/img\/([a-f0-9]{64})\.png$/;
const NOTICE = /(?:^|&)subscribe=(ok|invalid|consent|limited)&block=([a-z0-9]{8,40})(?:&|$)/;

function csp(style: string, scripts: boolean): string {
  const hash = createHash("sha256").update(style).digest("base64");
  return [
    "default-src 'none'",
    `style-src 'self' 'sha256-${hash}'`,
    "img-src 'self'",
    "font-src 'self'",
    scripts ? "script-src 'self'" : "script-src 'none'",
    `frame-src ${EMBED_FRAME_HOSTS.join(" ")}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function notFoundAnswer(appUrl: string): Answer {
  const body = Buffer.from(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>Page not found</title></head><body style="font-family:system-ui,sans-serif;text-align:center;padding:4rem 1rem;color:#18181b"><h1>This page doesn’t exist</h1><p>Check the address for typos.</p><p><a href="${escapeHtml(appUrl)}" style="color:#4338ca">Go to Pennant</a></p></body></html>`,
  );
  return { status: 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", "X-Robots-Tag": "noindex" }, body, gzip: null, br: null };
}

function pageAnswer(loaded: LoadedHandle, deps: BioServeDeps, now: number, notice?: { blockId: string; kind: SubscribeNotice }): { answer: Answer; renderUntil: number } {
  if (loaded.kind === "missing") return { answer: notFoundAnswer(deps.appUrl), renderUntil: Infinity };
  if (loaded.kind === "moved") {
    return { answer: { status: 302, headers: { Location: `/@${loaded.to}`, "Cache-Control": "no-store", "Content-Length": "0" }, body: Buffer.alloc(0), gzip: null, br: null }, renderUntil: Infinity };
  }
  const r = renderBioPage(loaded.page, { appUrl: deps.appUrl, now, assets: bioAssets().paths, ...(notice ? { notice } : {}) });
  const body = Buffer.from(r.html);
  const headers = {
    "Content-Type": "text/html; charset=utf-8",
    // Browsers check again each time (a scheduled block may change); the ETag makes that cheap.
    "Cache-Control": "no-cache",
    ETag: `"${createHash("sha1").update(body).digest("base64url")}"`,
    Vary: "Accept-Encoding",
    "Content-Security-Policy": csp(r.style, r.hasEmbeds),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  // Compressed once per render (brotli at its best: paid once, saved on every view).
  return { answer: { status: 200, headers, body, gzip: gzipSync(body), br: brotliOf(body) }, renderUntil: r.nextChange ?? Infinity };
}

const brotliOf = (body: Buffer) => brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });

type Encoded = { headers: Record<string, string>; body: Buffer };
/** The ways an answer can be sent, made once per answer (not per request: the hot path). */
const encodings = new WeakMap<Answer, { plain: Encoded; gzip: Encoded | null; br: Encoded | null }>();

function send(req: IncomingMessage, res: ServerResponse, a: Answer, head: boolean) {
  let e = encodings.get(a);
  if (!e) {
    const as = (body: Buffer, encoding?: string): Encoded => ({ headers: { ...a.headers, ...(encoding ? { "Content-Encoding": encoding } : {}), "Content-Length": String(body.length) }, body });
    e = { plain: as(a.body), gzip: a.gzip ? as(a.gzip, "gzip") : null, br: a.br ? as(a.br, "br") : null };
    encodings.set(a, e);
  }
  if (a.status === 200 && req.headers["if-none-match"] === a.headers.ETag) {
    res.writeHead(304, { ETag: a.headers.ETag!, "Cache-Control": a.headers["Cache-Control"]! }).end();
    return;
  }
  const out = pickEncoding(req.headers["accept-encoding"], e);
  res.writeHead(a.status, out.headers);
  res.end(head ? undefined : out.body);
}

/** Brotli when the browser takes it (every current one does, over HTTPS), else gzip, else as is. */
function pickEncoding<T>(accept: string | undefined, e: { plain: T; gzip: T | null; br: T | null }): T {
  if (accept === undefined) return e.plain;
  if (e.br && accept.includes("br")) return e.br;
  if (e.gzip && accept.includes("gzip")) return e.gzip;
  return e.plain;
}

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Answers the public bio pages beside the redirect: `/@handle` from memory,
 * its vCard and subscribe form, and the pages' static files and images under
 * `/_bio/`. Returns false for every other path.
 */
export function createBioHandler(deps: BioServeDeps) {
  const images = new LRUCache<string, Buffer>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (b) => b.length || 1 });

  function answerOf(entry: CachedPage, now: number): Answer {
    if (!entry.rendered || now >= entry.renderUntil) {
      const { answer, renderUntil } = pageAnswer(entry.loaded, deps, now);
      entry.rendered = answer;
      entry.renderUntil = renderUntil;
    }
    return entry.rendered as Answer;
  }

  function recordView(req: IncomingMessage, workspaceId: string, pageId: string, query: URLSearchParams, now: number, head: boolean) {
    const ua = req.headers["user-agent"];
    const visitor = describeVisitor(ua);
    const ip = deps.clientIp(req);
    const geo = visitor.bot ? { country: null, city: null } : lookupGeo(ip);
    deps.recordView(
      visitEvent(req, utmOf(query), {
        id: clickId(now), createdAt: new Date(now), workspaceId, event: "view", linkId: null, bioPageId: pageId, bioBlockId: null,
        domain: (req.headers.host ?? "").toLowerCase(), trigger: query.get("qr") === "1" ? "qr" : "link",
        country: geo.country, city: geo.city, device: visitor.device, browser: visitor.browser, os: visitor.os,
        visitorHash: visitorHash(deps.secret, ip, ua, now), bot: visitor.bot || head, counted: false,
      }),
    );
  }

  async function servePage(req: IncomingMessage, res: ServerResponse, handle: string, search: string, head: boolean, cached?: CachedPage) {
    const now = Date.now();
    let entry: CachedPage;
    try {
      entry = cached ?? (await getCachedBioPage(handle));
    } catch {
      res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" }).end("Please try again in a moment.");
      return;
    }
    const notice = search ? NOTICE.exec(search.slice(1)) : null;
    if (notice && entry.loaded.kind === "page") {
      // Back from the subscribe form: the same page with a message (rare; not cached, not a new view).
      send(req, res, pageAnswer(entry.loaded, deps, now, { kind: notice[1] as SubscribeNotice, blockId: notice[2]! }).answer, head);
      return;
    }
    send(req, res, answerOf(entry, now), head);
    if (entry.loaded.kind === "page") recordView(req, entry.loaded.workspaceId, entry.loaded.page.id, new URLSearchParams(search), now, head);
  }

  async function serveSub(req: IncomingMessage, res: ServerResponse, handle: string, what: string, blockId: string | undefined) {
    const entry = await getCachedBioPage(handle).catch(() => null);
    const loaded = entry?.loaded;
    if (!entry || loaded?.kind !== "page") return send(req, res, notFoundAnswer(deps.appUrl), false);
    if (what === "og.png") {
      if (req.method !== "GET" && req.method !== "HEAD") return send(req, res, notFoundAnswer(deps.appUrl), false);
      // Drawn once per cached version of the page; a publish starts a new entry, so a new image.
      entry.socialImage ??= renderSocialImage(loaded.page);
      const png = await entry.socialImage.catch(() => null);
      if (!png) {
        entry.socialImage = null;
        res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" }).end("Please try again in a moment.");
        return;
      }
      // The address carries a version (render-page.ts), so a day of caching never shows an old image for long.
      res.writeHead(200, { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400", "Content-Length": String(png.length), "X-Content-Type-Options": "nosniff" });
      res.end(req.method === "HEAD" ? undefined : png);
      return;
    }
    if (blockId) {
      const block = loaded.page.blocks.find((b) => b.id === blockId);
      if (req.method !== "GET" || block?.type !== "contact") return send(req, res, notFoundAnswer(deps.appUrl), false);
      const card = Buffer.from(vcardOf(block, loaded.page.title));
      res.writeHead(200, { "Content-Type": "text/vcard; charset=utf-8", "Content-Disposition": `attachment; filename="${loaded.page.handle}.vcf"`, "Content-Length": String(card.length), "Cache-Control": "no-cache" });
      res.end(card);
      return;
    }
    if (req.method !== "POST") return send(req, res, notFoundAnswer(deps.appUrl), false);
    const form = await readForm(req);
    const block = form.get("block") ?? "";
    const kind = /^[a-z0-9]{8,40}$/.test(block) ? await deps.subscribe({ pageId: loaded.page.id, workspaceId: loaded.workspaceId, form, visitor: deps.clientIp(req) }) : "invalid";
    res.writeHead(303, { Location: `/@${loaded.page.handle}?subscribe=${kind}&block=${block}#b-${block}`, "Cache-Control": "no-store", "Content-Length": "0" }).end();
  }

  async function serveImage(req: IncomingMessage, res: ServerResponse, id: string, head: boolean) {
    let png = images.get(id);
    if (!png) {
      png = (await loadBioImage(id).catch(() => null)) ?? undefined;
      if (!png) return send(req, res, notFoundAnswer(deps.appUrl), head);
      images.set(id, png);
    }
    res.writeHead(200, { "Content-Type": "image/png", "Cache-Control": IMMUTABLE, "Content-Length": String(png.length), "X-Content-Type-Options": "nosniff" });
    res.end(head ? undefined : png);
  }

  const appHost = new URL(deps.appUrl).host.toLowerCase();

  /**
   * A branded domain's bare address that shows a bio page (Settings →
   * Domains): the page's cached bytes, as at /@handle. False when the domain
   * shows none (or the page is offline): the redirect answers its root then.
   */
  async function serveDomainRoot(req: IncomingMessage, res: ServerResponse, host: string, search: string, head: boolean): Promise<boolean> {
    const entry = await getCachedBioPage(domainRootKey(host)).catch(() => null);
    if (entry?.loaded.kind !== "page") return false;
    await servePage(req, res, entry.loaded.page.handle, search, head, entry);
    return true;
  }

  /** False at once (no promise) for paths that are not bio pages: the redirect's hot path pays nothing. */
  return function handleBio(req: IncomingMessage, res: ServerResponse): false | Promise<boolean> {
    const url = req.url ?? "/";
    if (url.charCodeAt(1) !== 64 /* @ */ && !url.startsWith("/_bio/")) {
      if (url !== "/" && !url.startsWith("/?")) return false;
      const host = (req.headers.host ?? "").toLowerCase().replace(/\.$/, "");
      const method = req.method ?? "GET";
      if (!host || host === appHost || (method !== "GET" && method !== "HEAD")) return false;
      return serveDomainRoot(req, res, host, url.slice(1), method === "HEAD");
    }
    return route(req, res, url);
  };

  async function route(req: IncomingMessage, res: ServerResponse, url: string): Promise<boolean> {
    const method = req.method ?? "GET";
    const head = method === "HEAD";
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);
    const search = q === -1 ? "" : url.slice(q);
    if (pathname.startsWith("/_bio/")) {
      if (method !== "GET" && !head) return false;
      const asset = bioAssets().files.get(pathname);
      if (asset) {
        const out = pickEncoding(req.headers["accept-encoding"], { plain: { body: asset.body, encoding: null }, gzip: asset.gzip ? { body: asset.gzip, encoding: "gzip" } : null, br: asset.br ? { body: asset.br, encoding: "br" } : null });
        res.writeHead(200, {
          "Content-Type": asset.type,
          "Cache-Control": asset.immutable ? IMMUTABLE : "public, max-age=300",
          "Content-Length": String(out.body.length),
          ...(out.encoding ? { "Content-Encoding": out.encoding } : {}),
          ...(asset.gzip ? { Vary: "Accept-Encoding" } : {}),
          "Access-Control-Allow-Origin": "*",
          "X-Content-Type-Options": "nosniff",
        });
        res.end(head ? undefined : out.body);
        return true;
      }
      const image = IMAGE_PATH.exec(pathname);
      if (image) {
        await serveImage(req, res, image[1]!, head);
        return true;
      }
      send(req, res, notFoundAnswer(deps.appUrl), head);
      return true;
    }
    const page = HANDLE_PATH.exec(pathname);
    if (page) {
      if (method !== "GET" && !head) return false;
      await servePage(req, res, page[1]!.toLowerCase(), search, head);
      return true;
    }
    const sub = SUB_PATH.exec(pathname);
    if (sub) {
      await serveSub(req, res, sub[1]!.toLowerCase(), sub[2]!, sub[3]);
      return true;
    }
    return false;
  }
}

async function readForm(req: IncomingMessage, limit = 4096): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}
