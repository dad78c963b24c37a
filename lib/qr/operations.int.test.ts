import { randomUUID } from "node:crypto";
import jsQR from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import { inlineClickWriter } from "@/lib/clicks/click-handover";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser, testClick } from "@/tests/factories";
import { pngChunkTypes, withTextChunk } from "@/tests/png-chunks";
import { DEFAULT_QR_DESIGN } from "./design-schema";
import {
  deleteQrPreset,
  getLinkQr,
  getWorkspaceQrLogo,
  listQrCodes,
  listQrPresets,
  removeLinkQrLogo,
  removeWorkspaceQrLogo,
  renderLinkQr,
  saveLinkQrDesign,
  saveQrPreset,
  setLinkQrLogo,
  setWorkspaceQrLogo,
} from "./operations";

async function workspace(name = "qr") {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  const access = await accessFor(user, ws.slug, "qr.write");
  return { user, ws, access };
}

async function link(access: Awaited<ReturnType<typeof workspace>>["access"], over: { slug?: string; title?: string } = {}) {
  return createLink(access, { url: "https://shop.example/spring", ...over });
}

async function logoPng(colour = "#f97316"): Promise<Buffer> {
  return sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#0b1f44"/><circle cx="100" cy="100" r="70" fill="${colour}"/></svg>`))
    .png()
    .toBuffer();
}

async function decode(image: Buffer | string): Promise<string | null> {
  const { data, info } = await sharp(typeof image === "string" ? Buffer.from(image) : image)
    .flatten({ background: "#ffffff" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height, { inversionAttempts: "dontInvert" })?.data ?? null;
}

const click = (l: { id: string }, workspaceId: string, over: Partial<ClickRecord> = {}) =>
  testClick({ id: l.id, workspaceId }, { trigger: "qr", country: null, city: null, device: null, browser: null, os: null, visitorHash: "v", ...over });

describe("link QR designs", () => {
  it("starts from the default design and saves one, refusing unreadable ones with the reason", async () => {
    const { access } = await workspace("save");
    const l = await link(access, { title: "Spring" });
    const fresh = await getLinkQr(access, l.id);
    expect(fresh).toEqual({
      link: { id: l.id, shortUrl: l.shortUrl, title: "Spring", slug: l.slug, domain: l.domain },
      design: DEFAULT_QR_DESIGN,
      hasOwnLogo: false,
      ownLogoDataUri: null,
      logoDataUri: null,
      workspaceLogoDataUri: null,
      scans: 0,
    });

    const saved = await saveLinkQrDesign(access, l.id, { fg: "#1D4ED8", bg: "#fef3c7", dots: "rounded", corners: "dots", frame: "box", cta: " Scan for 10% off " });
    expect(saved.design).toMatchObject({ fg: "#1d4ed8", cta: "Scan for 10% off", dots: "rounded" });
    expect(saved.level).toBe("M");
    expect((await getLinkQr(access, l.id)).design).toEqual(saved.design);

    const whiteOnWhite = await failureOf(saveLinkQrDesign(access, l.id, { fg: "#ffffff", bg: "#ffffff" }));
    expect(whiteOnWhite).toMatchObject({ code: "unprocessable", status: 422 });
    expect(whiteOnWhite.message).toMatch(/would not scan reliably: The colours are too close/);
    expect(whiteOnWhite.details).toMatchObject({ fields: { fg: expect.any(String) } });
    expect((await failureOf(saveLinkQrDesign(access, l.id, { level: "Z" }))).code).toBe("validation_failed");
    // The refused saves changed nothing.
    expect((await getLinkQr(access, l.id)).design).toEqual(saved.design);
  });

  it("answers another workspace's link like a missing one (404), for every operation", async () => {
    const a = await workspace("tenant-a");
    const b = await workspace("tenant-b");
    const theirs = await link(b.access);
    await saveLinkQrDesign(b.access, theirs.id, { fg: "#7c2d12" });
    const png = await logoPng();
    for (const attempt of [
      () => getLinkQr(a.access, theirs.id),
      () => saveLinkQrDesign(a.access, theirs.id, DEFAULT_QR_DESIGN),
      () => setLinkQrLogo(a.access, theirs.id, png, "image/png"),
      () => removeLinkQrLogo(a.access, theirs.id),
      () => renderLinkQr(a.access, theirs.id, new URLSearchParams()),
      () => getLinkQr(a.access, "no-such-link"),
    ]) {
      expect(await failureOf(attempt())).toMatchObject({ code: "not_found", status: 404, message: "Link not found" });
    }
    expect((await listQrCodes(a.access)).data).toEqual([]);
    expect((await getLinkQr(b.access, theirs.id)).design.fg).toBe("#7c2d12");
  });

  it("stores the link's own logo re-encoded, draws it when asked, and forgets it on removal", async () => {
    const { access } = await workspace("own-logo");
    const l = await link(access);
    // Saving a design that draws a logo nobody uploaded is refused.
    expect((await failureOf(saveLinkQrDesign(access, l.id, { logo: "own" }))).message).toMatch(/no logo of its own yet/);

    const upload = await setLinkQrLogo(access, l.id, withTextChunk(await logoPng(), "Comment", "private note"), "image/png");
    expect(upload.logoDataUri).toMatch(/^data:image\/png;base64,/);
    const stored = Buffer.from(upload.logoDataUri.split(",")[1]!, "base64");
    expect(pngChunkTypes(stored)).not.toContain("tEXt");
    expect(stored.includes(Buffer.from("private note"))).toBe(false);

    const saved = await saveLinkQrDesign(access, l.id, { logo: "own", logoSize: 0.25 });
    expect(saved.level).toBe("H");
    const qr = await getLinkQr(access, l.id);
    expect(qr).toMatchObject({ hasOwnLogo: true, logoDataUri: upload.logoDataUri });
    const svg = await renderLinkQr(access, l.id, new URLSearchParams("format=svg"));
    expect(svg.body).toContain(`href="${upload.logoDataUri}"`);
    expect(await decode(svg.body)).toBe(`${l.shortUrl}?qr=1`);

    await removeLinkQrLogo(access, l.id);
    const after = await getLinkQr(access, l.id);
    expect(after).toMatchObject({ hasOwnLogo: false, logoDataUri: null });
    expect(after.design.logo).toBe("none");
  });

  it("refuses bad logo uploads with a clear message and stores nothing", async () => {
    const { access } = await workspace("bad-logo");
    const l = await link(access);
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`);
    expect((await failureOf(setLinkQrLogo(access, l.id, svg, "image/svg+xml"))).message).toMatch(/SVG logos are not accepted/);
    const big = Buffer.concat([await logoPng(), Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await failureOf(setLinkQrLogo(access, l.id, big, "image/png"));
    expect(tooBig).toMatchObject({ status: 422 });
    expect(tooBig.message).toMatch(/the limit is 2 MB/);
    expect((await failureOf(setLinkQrLogo(access, l.id, Buffer.from("just text, named logo.png"), "image/png"))).message).toMatch(/not a PNG, JPEG or WebP/);
    expect((await getLinkQr(access, l.id)).hasOwnLogo).toBe(false);
    expect(await db().qrDesign.count({ where: { linkId: l.id } })).toBe(0);
  });

  it("keeps a workspace logo that designs can use", async () => {
    const { access } = await workspace("ws-logo");
    const l = await link(access);
    expect(await getWorkspaceQrLogo(access)).toBeNull();
    expect((await failureOf(saveLinkQrDesign(access, l.id, { logo: "workspace" }))).message).toMatch(/workspace has no default logo/);
    const { logoDataUri } = await setWorkspaceQrLogo(access, await sharp(await logoPng("#22c55e")).jpeg().toBuffer(), "image/jpeg");
    expect(await getWorkspaceQrLogo(access)).toBe(logoDataUri);
    await saveLinkQrDesign(access, l.id, { logo: "workspace", logoSize: 0.15 });
    expect(await getLinkQr(access, l.id)).toMatchObject({ logoDataUri, workspaceLogoDataUri: logoDataUri, hasOwnLogo: false });
    const png = await renderLinkQr(access, l.id, new URLSearchParams("size=600"));
    expect(await decode(png.body as Buffer)).toBe(`${l.shortUrl}?qr=1`);

    await removeWorkspaceQrLogo(access);
    expect(await getWorkspaceQrLogo(access)).toBeNull();
    expect((await getLinkQr(access, l.id)).logoDataUri).toBeNull();
  });
});

describe("QR presets", () => {
  it("lists, saves (same name replaces), and deletes presets, per workspace", async () => {
    const { access } = await workspace("presets");
    const other = await workspace("presets-other");
    expect(await listQrPresets(access)).toEqual([]);
    const brand = await saveQrPreset(access, "  Brand  ", { fg: "#1d4ed8", dots: "dots", corners: "rounded" });
    expect(brand).toMatchObject({ name: "Brand", design: { fg: "#1d4ed8", dots: "dots" } });
    await saveQrPreset(access, "Print", { frame: "box", cta: "Scan me" });
    const replaced = await saveQrPreset(access, "Brand", { fg: "#7c2d12" });
    expect(replaced.id).toBe(brand.id);
    expect((await listQrPresets(access)).map((p) => [p.name, p.design.fg])).toEqual([
      ["Brand", "#7c2d12"],
      ["Print", "#111827"],
    ]);
    expect(await listQrPresets(other.access)).toEqual([]);

    expect((await failureOf(saveQrPreset(access, "", DEFAULT_QR_DESIGN))).code).toBe("validation_failed");
    expect((await failureOf(saveQrPreset(access, "Ghost", { fg: "#eeeeee" }))).code).toBe("unprocessable");
    // Presets are not QR codes of links.
    expect((await listQrCodes(access)).data).toEqual([]);

    expect((await failureOf(deleteQrPreset(other.access, brand.id))).status).toBe(404);
    await deleteQrPreset(access, brand.id);
    expect((await listQrPresets(access)).map((p) => p.name)).toEqual(["Print"]);
    expect((await failureOf(deleteQrPreset(access, brand.id))).status).toBe(404);
  });
});

describe("listQrCodes", () => {
  it("lists the links with a saved design and their QR scans (human clicks with trigger qr), newest first, by page", async () => {
    const { access, ws } = await workspace("list");
    const first = await link(access, { title: "Autumn flyer" });
    const second = await link(access, { title: "Spring poster" });
    await link(access, { title: "No code" });
    await saveLinkQrDesign(access, first.id, { fg: "#0f766e" });
    await saveLinkQrDesign(access, second.id, { dots: "dots" });
    const writer = inlineClickWriter(process.env.DATABASE_URL!);
    await writer([
      click(first, ws.id),
      click(first, ws.id, { createdAt: new Date("2026-11-21T09:00:00Z") }),
      click(first, ws.id, { trigger: "link" }),
      click(first, ws.id, { bot: true }),
      click(second, ws.id),
    ]);
    await writer.close();
    expect((await getLinkQr(access, first.id)).scans).toBe(2);

    const all = await listQrCodes(access);
    expect(all.nextCursor).toBeNull();
    expect(all.data.map((c) => [c.title, c.scans])).toEqual([
      ["Spring poster", 1],
      ["Autumn flyer", 2],
    ]);
    expect(all.data[1]).toMatchObject({ linkId: first.id, shortUrl: first.shortUrl, design: { fg: "#0f766e" }, hasOwnLogo: false });

    const page1 = await listQrCodes(access, { limit: 1 });
    expect(page1.data.map((c) => c.linkId)).toEqual([second.id]);
    const page2 = await listQrCodes(access, { limit: 1, cursor: page1.nextCursor! });
    expect(page2.data.map((c) => c.linkId)).toEqual([first.id]);
    expect(page2.nextCursor).toBeNull();

    expect((await listQrCodes(access, { q: "autumn" })).data.map((c) => c.linkId)).toEqual([first.id]);
  });
});

describe("renderLinkQr", () => {
  it("renders the saved design, with query options on top, as PNG or SVG that decode to the short URL with qr=1", async () => {
    const { access } = await workspace("render");
    const l = await link(access, { slug: `poster-${randomUUID().slice(0, 6)}` });
    await saveLinkQrDesign(access, l.id, { fg: "#7c2d12", bg: "#ffedd5", size: 512 });
    const target = `${l.shortUrl}?qr=1`;

    const png = await renderLinkQr(access, l.id, new URLSearchParams());
    expect(png).toMatchObject({ contentType: "image/png", filename: `qr-localhost-3000-${l.slug}.png` });
    expect(await sharp(png.body as Buffer).metadata()).toMatchObject({ format: "png", width: 512, height: 512 });
    expect(await decode(png.body as Buffer)).toBe(target);

    const svg = await renderLinkQr(access, l.id, new URLSearchParams("format=svg&fg=000000&bg=transparent&dots=dots&corners=rounded&frame=rounded&cta=Hello&size=300&margin=2&level=Q"));
    expect(svg).toMatchObject({ contentType: "image/svg+xml", filename: `qr-localhost-3000-${l.slug}.svg` });
    const text = svg.body as string;
    expect(text).toContain('fill="#000000"');
    expect(text).not.toContain("#ffedd5");
    expect(text).toMatch(/width="300"/);
    expect(await decode(text)).toBe(target);

    const big = await renderLinkQr(access, l.id, new URLSearchParams("size=2048&level=H"));
    expect(await sharp(big.body as Buffer).metadata()).toMatchObject({ width: 2048 });
    expect(await decode(big.body as Buffer)).toBe(target);
    // Overrides are not saved.
    expect((await getLinkQr(access, l.id)).design).toMatchObject({ fg: "#7c2d12", size: 512, dots: "square" });
  });

  it("answers 422 with the reason for invalid or unreadable options", async () => {
    const { access } = await workspace("render-422");
    const l = await link(access);
    const cases: Array<[string, string, RegExp]> = [
      ["bg=fff&fg=fff", "unprocessable", /colours are too close/],
      ["fg=ffffff&bg=111827", "unprocessable", /lighter than the background/],
      ["fg=999999", "unprocessable", /too light to scan/],
      ["level=Z", "validation_failed", /^level: /],
      ["size=99999", "validation_failed", /^size: Use a size of at most 4096 pixels/],
      ["size=12", "validation_failed", /^size: Use a size of at least 128 pixels/],
      ["size=big", "validation_failed", /^size: /],
      ["margin=0", "unprocessable", /quiet zone/],
      ["fg=red", "validation_failed", /^fg: Use a hex colour/],
      ["format=gif", "validation_failed", /^format: /],
      ["logo=true", "unprocessable", /no logo to draw/],
      ["frame=box&cta=%E6%89%AB%E6%8F%8F", "unprocessable", /call to action cannot draw/],
    ];
    for (const [query, code, message] of cases) {
      const err = await failureOf(renderLinkQr(access, l.id, new URLSearchParams(query)));
      expect(err, query).toMatchObject({ code, status: 422 });
      expect(err.message, query).toMatch(message);
    }
  });

  it("draws a logo with logo=true and none with logo=false", async () => {
    const { access } = await workspace("render-logo");
    const l = await link(access);
    await setLinkQrLogo(access, l.id, await logoPng(), "image/png");
    const withLogo = (await renderLinkQr(access, l.id, new URLSearchParams("format=svg&logo=true"))).body as string;
    expect(withLogo).toContain("<image");
    expect(withLogo).toMatch(/href="data:image\/png;base64,/);
    expect(await decode(withLogo)).toBe(`${l.shortUrl}?qr=1`);
    await saveLinkQrDesign(access, l.id, { logo: "own" });
    expect((await renderLinkQr(access, l.id, new URLSearchParams("format=svg&logo=false"))).body).not.toContain("<image");
  });

  it("draws the link's own or the workspace's logo at the asked size, and refuses one never uploaded", async () => {
    const { access } = await workspace("render-logo-choice");
    const l = await link(access);
    const missing = await failureOf(renderLinkQr(access, l.id, new URLSearchParams("format=svg&logo=workspace")));
    expect(missing).toMatchObject({ code: "unprocessable", status: 422 });
    expect(missing.message).toMatch(/workspace has no logo yet/);
    expect((await failureOf(renderLinkQr(access, l.id, new URLSearchParams("format=svg&logo=own")))).message).toMatch(/no logo of its own yet/);

    await setWorkspaceQrLogo(access, await logoPng("#2563eb"), "image/png");
    await setLinkQrLogo(access, l.id, await logoPng("#f97316"), "image/png");
    const imageWidth = (svg: string) => Number(/<image[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
    const small = (await renderLinkQr(access, l.id, new URLSearchParams("format=svg&logo=workspace&logoSize=0.1"))).body as string;
    const large = (await renderLinkQr(access, l.id, new URLSearchParams("format=svg&logo=own&logoSize=0.3"))).body as string;
    expect(imageWidth(large)).toBeGreaterThan(imageWidth(small) * 2);
    expect(small).not.toBe(large.replace(/0\.3/g, "0.1"));
    expect(await decode(small)).toBe(`${l.shortUrl}?qr=1`);
    expect(await decode(large)).toBe(`${l.shortUrl}?qr=1`);
    const tooBig = await failureOf(renderLinkQr(access, l.id, new URLSearchParams("format=svg&logo=own&logoSize=0.9")));
    expect(tooBig.status).toBe(422);
  });
});
