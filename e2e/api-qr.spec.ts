import { expect, test, type APIResponse, type Page } from "@playwright/test";
import jsQR from "jsqr";
import sharp from "sharp";
import { createApiKey, startDestination, signedUpPage } from "./helpers";

// Links lead to a real site beside Pennant (links may not point at Pennant itself).
let dest: Awaited<ReturnType<typeof startDestination>>;
test.beforeAll(async ({}, info) => {
  dest = await startDestination(info.project.use.baseURL!);
});
test.afterAll(async () => {
  await dest.close();
});

// GET /api/v1/links/{id}/qr over real HTTP: keys made in Settings → API keys,
// images decoded with a real QR decoder, the decoded URL opened in Chromium.

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

async function decode(image: Buffer): Promise<string | null> {
  const { data, info } = await sharp(image).flatten({ background: "#ffffff" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height, { inversionAttempts: "dontInvert" })?.data ?? null;
}

async function errorOf(res: APIResponse, status: number) {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()).error as { code: string; message: string; details?: { fields?: Record<string, string> } };
}

test.describe.serial("REST API v1: QR codes", () => {
  let baseURL: string;
  let owner: Page;
  let slug: string;
  let key: string;
  let strangerKey: string;
  let link: { id: string; shortUrl: string; slug: string };
  const contexts: { close(): Promise<void> }[] = [];

  test.beforeAll(async ({ browser, request }, info) => {
    baseURL = info.project.use.baseURL!;
    const first = await signedUpPage(browser, baseURL, "Qin");
    contexts.push(first.context);
    owner = first.page;
    slug = first.slug;
    key = await createApiKey(owner, slug, "Print shop");
    const second = await signedUpPage(browser, baseURL, "Rui");
    contexts.push(second.context);
    strangerKey = await createApiKey(second.page, second.slug, "Rui's script");
    const res = await request.post("/api/v1/links", { headers: auth(key), data: { url: `${dest.origin}/landing?from=qr-code` } });
    expect(res.status(), await res.text()).toBe(201);
    link = await res.json();
  });

  test.afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  test("answers a PNG and an SVG that decode to the short URL with qr=1; the scan leads to the destination and counts", async ({ request, browser }) => {
    const target = `${link.shortUrl}?qr=1`;
    const png = await request.get(`/api/v1/links/${link.id}/qr?size=600&fg=1d4ed8&dots=rounded`, { headers: auth(key) });
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    expect(png.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="qr-localhost-\\d+-${link.slug}\\.png"$`));
    expect(png.headers()["cache-control"]).toMatch(/no-store/);
    expect(png.headers()["x-ratelimit-limit"]).toBeDefined();
    const pngBody = await png.body();
    expect(await sharp(pngBody).metadata()).toMatchObject({ format: "png", width: 600, height: 600 });
    expect(await decode(pngBody)).toBe(target);

    const svg = await request.get(`/api/v1/links/${link.id}/qr?format=svg&bg=transparent&frame=rounded&cta=Scan%20me&corners=dots`, { headers: auth(key) });
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toBe("image/svg+xml");
    expect(svg.headers()["content-disposition"]).toMatch(/filename="qr-.*\.svg"$/);
    const svgText = await svg.text();
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(await decode(Buffer.from(svgText))).toBe(target);

    // A phone scanning the code opens the decoded URL.
    const phone = await browser.newContext();
    const tab = await phone.newPage();
    await tab.goto(target);
    expect(tab.url()).toBe(`${dest.origin}/landing?from=qr-code`);
    await phone.close();
    await expect(async () => {
      const res = await request.get(`/api/v1/links/${link.id}`, { headers: auth(key) });
      expect((await res.json()).clicks).toBe(1);
    }).toPass({ timeout: 30_000 });
  });

  test("answers 422 with the reason for unreadable or invalid options", async ({ request }) => {
    const white = await errorOf(await request.get(`/api/v1/links/${link.id}/qr?bg=fff&fg=fff`, { headers: auth(key) }), 422);
    expect(white.code).toBe("unprocessable");
    expect(white.message).toMatch(/would not scan reliably: The colours are too close/);
    expect(white.details?.fields).toHaveProperty("fg");
    const level = await errorOf(await request.get(`/api/v1/links/${link.id}/qr?level=Z`, { headers: auth(key) }), 422);
    expect(level.code).toBe("validation_failed");
    expect(level.details?.fields).toHaveProperty("level");
    const size = await errorOf(await request.get(`/api/v1/links/${link.id}/qr?size=99999`, { headers: auth(key) }), 422);
    expect(size.message).toMatch(/at most 4096 pixels/);
  });

  test("needs a key or a session (401), and answers another workspace's link like a missing one (404)", async ({ request }) => {
    const anonymous = await errorOf(await request.get(`/api/v1/links/${link.id}/qr`), 401);
    expect(anonymous.code).toBe("unauthorized");
    const stranger = await errorOf(await request.get(`/api/v1/links/${link.id}/qr`, { headers: auth(strangerKey) }), 404);
    expect(stranger).toMatchObject({ code: "not_found", message: "Link not found" });
    await errorOf(await request.get(`/api/v1/links/no-such-link/qr`, { headers: auth(key) }), 404);
    // The signed-in owner's session works too (the designer's downloads).
    const session = await owner.request.get(`/api/v1/links/${link.id}/qr?workspace=${slug}&format=svg`);
    expect(session.status()).toBe(200);
  });

  test("takes a logo upload as multipart, re-encoded; refuses SVG", async ({ request }) => {
    const logo = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="#0b1f44"/><circle cx="60" cy="60" r="40" fill="#f97316"/></svg>`))
      .png()
      .toBuffer();
    const up = await request.post(`/api/v1/links/${link.id}/qr/logo`, { headers: auth(key), multipart: { file: { name: "logo.png", mimeType: "image/png", buffer: logo } } });
    expect(up.status(), await up.text()).toBe(200);
    expect((await up.json()).logoDataUri).toMatch(/^data:image\/png;base64,/);
    const svg = await request.get(`/api/v1/links/${link.id}/qr?format=svg&logo=true`, { headers: auth(key) });
    const text = await svg.text();
    expect(text).toMatch(/<image [^>]*href="data:image\/png;base64,/);
    expect(await decode(Buffer.from(text))).toBe(`${link.shortUrl}?qr=1`);

    const bad = await request.post(`/api/v1/links/${link.id}/qr/logo`, {
      headers: auth(key),
      multipart: { file: { name: "logo.png", mimeType: "image/png", buffer: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`) } },
    });
    expect((await errorOf(bad, 422)).message).toMatch(/SVG logos are not accepted/);
    const gone = await request.delete(`/api/v1/links/${link.id}/qr/logo`, { headers: auth(key) });
    expect(gone.status()).toBe(204);
    expect(await (await request.get(`/api/v1/links/${link.id}/qr?format=svg&logo=false`, { headers: auth(key) })).text()).not.toContain("<image");
  });
});
