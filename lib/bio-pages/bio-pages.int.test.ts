import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addDomain } from "@/lib/domains/manage-domains";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser, testClick } from "@/tests/factories";
import { inlineClickWriter } from "@/lib/clicks/click-handover";
import { addSubscriber } from "./add-subscriber";
import { createBioPage } from "./create-bio-page";
import { deleteBioPage } from "./delete-bio-page";
import { getBioPage } from "./get-bio-page";
import { listBioPages } from "./list-bio-pages";
import { loadLivePage } from "./live-page";
import { getPageStats } from "./page-stats";
import { discardBioDraft, publishBioPage, unpublishBioPage } from "./publish-bio-page";
import { deleteSubscribers, exportSubscribersCsv, listSubscribers } from "./subscribers";
import { updateBioPage } from "./update-bio-page";
import { uploadBioImage } from "./upload-bio-image";
import { presetTheme } from "./themes";
import { renderBioPage } from "./render-page";
import { utcToZoned, zonedToUtc } from "./zoned-time";

async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return { ws, access: await accessFor(user, ws.slug, "bio.write") };
}
const handle = (p: string) => `${p}${Math.random().toString(36).slice(2, 8)}`;

describe("handles", () => {
  // Two accounts and nine refusals: slow on a loaded machine.
  it("are case-insensitive, unique across workspaces, and refuse reserved and malformed names with the field named", { timeout: 60_000 }, async () => {
    const a = await workspace("bio-handles-a");
    const b = await workspace("bio-handles-b");
    const h = handle("ana.");
    const page = await createBioPage(a.access, { handle: `@${h.toUpperCase()}`, title: "Ana" });
    expect(page.handle).toBe(h);
    expect(await failureOf(createBioPage(b.access, { handle: h.toUpperCase(), title: "Copy" }))).toMatchObject({ status: 409, details: { fields: { handle: expect.any(String) } } });
    for (const bad of ["ab", "a".repeat(31), "has space", "dash-ed", "<script>", "admin", "SUPPORT"]) {
      const err = await failureOf(createBioPage(a.access, { handle: bad, title: "x" }));
      expect(err.status, bad).toBe(422);
      expect((err.details as { fields: Record<string, string> }).fields.handle, bad).toBeTruthy();
    }
  });

  it("renaming keeps the old handle pointing at the page until another page claims it", async () => {
    const { access } = await workspace("bio-rename");
    const [oldH, newH] = [handle("old_"), handle("new_")];
    const page = await createBioPage(access, { handle: oldH, title: "Rename me" });
    await publishBioPage(access, page.id);
    await updateBioPage(access, page.id, { handle: newH });
    expect(await loadLivePage(oldH)).toEqual({ kind: "moved", to: newH });
    expect((await loadLivePage(newH)).kind).toBe("page");
    const other = await workspace("bio-claimer");
    const claimer = await createBioPage(other.access, { handle: oldH.toUpperCase(), title: "Claimed" });
    expect(claimer.handle).toBe(oldH);
    expect(await loadLivePage(oldH)).toEqual({ kind: "missing" }); // the claimer has not published yet
  });
});

describe("draft, publish and discard", () => {
  it("visitors see only the published page; discard returns the editor to it; a failed save changes nothing", async () => {
    const { access } = await workspace("bio-draft");
    const h = handle("draft");
    const page = await createBioPage(access, { handle: h, title: "First", blocks: [{ type: "header", text: "Hello" }] });
    expect(page).toMatchObject({ published: false, hasUnpublishedChanges: true });
    expect(await loadLivePage(h)).toEqual({ kind: "missing" });
    await publishBioPage(access, page.id);
    const edited = await updateBioPage(access, page.id, { title: "Second", blocks: [{ type: "header", text: "Changed" }] });
    expect(edited).toMatchObject({ title: "Second", published: true, hasUnpublishedChanges: true });
    const live = await loadLivePage(h);
    expect(live.kind === "page" && live.page.title).toBe("First");
    expect(await failureOf(updateBioPage(access, page.id, { title: "Third", blocks: [{ type: "link", label: "Bad", url: "javascript:alert(1)" }] }))).toMatchObject({
      status: 422,
      details: { fields: { "blocks.0.url": expect.any(String) } },
    });
    expect((await getBioPage(access.workspace.id, page.id)).title).toBe("Second");
    const discarded = await discardBioDraft(access, page.id);
    expect(discarded).toMatchObject({ title: "First", hasUnpublishedChanges: false, blocks: [{ type: "header", text: "Hello" }] });
    await unpublishBioPage(access, page.id);
    expect(await loadLivePage(h)).toEqual({ kind: "missing" });
  });

  it("gives a URL button its own short link, kept across publishes, and points it at a new URL", async () => {
    const { access } = await workspace("bio-own-link");
    const proposed = `prop${Date.now().toString(36)}`;
    const page = await createBioPage(access, { handle: handle("btn"), title: "Buttons", blocks: [{ id: proposed, type: "link", label: "Shop", url: "https://shop.example.com" }] });
    const blockId = page.blocks[0]!.id as string;
    expect(blockId).toBe(proposed); // the editor's proposal, unused anywhere, is kept
    await publishBioPage(access, page.id);
    // Another page cannot take a block id that is in use: it gets its own.
    const copy = await createBioPage(access, { handle: handle("copy"), title: "Copy", blocks: [{ id: blockId, type: "header", text: "Mine" }] });
    expect(copy.blocks[0]!.id).not.toBe(blockId);
    const first = await db().bioBlock.findUniqueOrThrow({ where: { id: blockId }, include: { link: true } });
    expect(first.link?.url).toBe("https://shop.example.com/");
    await updateBioPage(access, page.id, { blocks: [{ id: blockId, type: "link", label: "Shop", url: "https://shop.example.com/sale" }] });
    await publishBioPage(access, page.id);
    const second = await db().bioBlock.findUniqueOrThrow({ where: { id: blockId }, include: { link: true } });
    expect(second.linkId).toBe(first.linkId);
    expect(second.link?.url).toBe("https://shop.example.com/sale");
    const live = await loadLivePage(page.handle);
    expect(live.kind === "page" && live.page.blocks[0]!.href).toMatch(new RegExp(`/${first.link!.slug}\\?bio=${page.id}\\.${blockId}$`));
  });

  it("refuses a button to one of Pennant's short-link domains when the draft is saved, with the message a publish gives, on the field", async () => {
    const { ws, access } = await workspace("bio-short-domain");
    const owner = await db().membership.findFirstOrThrow({ where: { workspaceId: ws.id, role: "owner" }, include: { user: true } });
    const hostname = `${handle("go")}.example`;
    await addDomain(await accessFor(owner.user, ws.slug, "domains.manage"), { hostname });
    // Another workspace's branded domain is refused too: it would chain through its links.
    const other = await workspace("bio-short-domain-other");
    const otherOwner = await db().membership.findFirstOrThrow({ where: { workspaceId: other.ws.id, role: "owner" }, include: { user: true } });
    const foreignHost = `${handle("theirs")}.example`;
    await addDomain(await accessFor(otherOwner.user, other.ws.slug, "domains.manage"), { hostname: foreignHost });

    const page = await createBioPage(access, { handle: handle("loop"), title: "Loop", blocks: [{ type: "header", text: "Hi" }] });
    // What publishing (which makes the button's short link) answered before this check: a link write's refusal.
    const asLink = await failureOf(createLink(await accessFor(owner.user, ws.slug, "links.write"), { url: `https://${hostname}/abc` }));
    for (const [host, index] of [[hostname, 1], [foreignHost.toUpperCase(), 1]] as const) {
      const saved = await failureOf(updateBioPage(access, page.id, { blocks: [{ type: "header", text: "Hi" }, { type: "link", label: "Go", url: `https://${host}/abc` }] }));
      expect(saved).toMatchObject({ status: 422, details: { fields: { [`blocks.${index}.url`]: "Use the final destination, not a short link." } } });
      expect(saved.message).toBe(asLink.message.replace(hostname, host.toLowerCase()));
    }
    // Nothing of the refused save was kept.
    expect((await getBioPage(ws.id, page.id)).blocks).toMatchObject([{ type: "header", text: "Hi" }]);
    const created = await failureOf(createBioPage(access, { handle: handle("loop2"), title: "L", blocks: [{ type: "link", label: "Go", url: `https://${hostname}/` }] }));
    expect(created.details).toEqual({ fields: { "blocks.0.url": "Use the final destination, not a short link." } });
    // A button to any other address saves and publishes.
    await updateBioPage(access, page.id, { blocks: [{ type: "link", label: "Shop", url: "https://shop.example.com/" }] });
    expect(await publishBioPage(access, page.id)).toMatchObject({ published: true });
  });

  it("refuses to publish a theme whose colours fail WCAG AA, naming the field", async () => {
    const { access } = await workspace("bio-contrast");
    const theme = { ...presetTheme("paper"), text: "#cccccc" };
    const page = await createBioPage(access, { handle: handle("pale"), title: "Pale", theme });
    expect(await failureOf(publishBioPage(access, page.id))).toMatchObject({ status: 422, details: { fields: { "theme.text": expect.stringContaining("4.5:1") } } });
    expect(await loadLivePage(page.handle)).toEqual({ kind: "missing" });
  });

  it("refuses what the issue lists with a 422 naming the field", async () => {
    const { access } = await workspace("bio-refusals");
    const h = handle("refuse");
    const cases: [unknown, string][] = [
      [[{ type: "embed", url: "https://evil.example.com/video" }], "blocks.0.url"],
      [[{ type: "embed", url: "https://www.youtube.com.evil.com/watch?v=abcdefghijk" }], "blocks.0.url"],
      [[{ type: "image", imageId: "a".repeat(64), alt: "x", url: "data:text/html,hi" }], "blocks.0.url"],
      [[{ type: "social", items: [{ network: "x", value: "javascript:alert(1)" }] }], "blocks.0.items.0.value"],
      [[{ type: "text", text: "x".repeat(1001) }], "blocks.0.text"],
      [[{ type: "header", text: "Soon", startsAt: "2026-12-02T10:00:00Z", endsAt: "2026-12-01T10:00:00Z" }], "blocks.0.endsAt"],
      [Array.from({ length: 101 }, () => ({ type: "header", text: "x" })), "blocks"],
    ];
    for (const [blocks, field] of cases) {
      const err = await failureOf(createBioPage(access, { handle: h, title: "x", blocks: blocks as never }));
      expect(err.status, field).toBe(422);
      expect(Object.keys((err.details as { fields: Record<string, string> }).fields), field).toContain(field);
    }
    // Allowed embeds, in their usual spellings.
    const ok = await createBioPage(access, {
      handle: h,
      title: "Embeds",
      blocks: ["https://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/76979871", "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", "https://soundcloud.com/artist/track"].map((url) => ({ type: "embed" as const, url })),
    });
    expect(ok.blocks).toHaveLength(4);
  });
});

describe("scheduling", () => {
  it("a window entered in the workspace's zone opens and closes on time across a daylight-saving change", async () => {
    const { access } = await workspace("bio-schedule");
    const tz = "Europe/Berlin";
    // 28 March 09:00 CET (UTC+1) until 29 March 09:00 CEST (UTC+2): 23 hours.
    const startsAt = zonedToUtc("2026-03-28T09:00", tz);
    const endsAt = zonedToUtc("2026-03-29T09:00", tz);
    expect([startsAt, endsAt]).toEqual(["2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z"]);
    const page = await createBioPage(access, { handle: handle("sched"), title: "Sale", blocks: [{ type: "header", text: "Always" }, { type: "header", text: "Weekend sale", startsAt, endsAt }] });
    await publishBioPage(access, page.id);
    const live = await loadLivePage(page.handle);
    if (live.kind !== "page") throw new Error("not live");
    const at = (iso: string) => renderBioPage(live.page, { appUrl: "https://go.example.com", now: Date.parse(iso), assets: { css: "/c.css", js: "/j.js" } });
    expect(at("2026-03-28T07:59:00Z").html).not.toContain("Weekend sale");
    expect(at("2026-03-28T07:59:00Z").nextChange).toBe(Date.parse(startsAt));
    expect(at("2026-03-28T08:00:00Z").html).toContain("Weekend sale");
    expect(at("2026-03-29T06:59:00Z").html).toContain("Weekend sale"); // 08:59 CEST
    expect(at("2026-03-29T07:00:00Z").html).not.toContain("Weekend sale"); // 09:00 CEST
    expect(utcToZoned(endsAt, "America/New_York")).toBe("2026-03-29T03:00"); // shown in another zone
  });
});

describe("images", () => {
  it("accepts real images only, re-encoded", async () => {
    const { access } = await workspace("bio-images");
    const sharp = (await import("sharp")).default;
    const png = await sharp({ create: { width: 600, height: 300, channels: 3, background: "#336699" } }).jpeg().toBuffer();
    const img = await uploadBioImage(access, png, "avatar");
    expect(img.url).toMatch(/^\/_bio\/img\/[a-f0-9]{64}\.png$/);
    const stored = await db().bioImage.findUniqueOrThrow({ where: { id: img.id } });
    expect((await sharp(Buffer.from(stored.data)).metadata()).width).toBe(400);
    expect((await failureOf(uploadBioImage(access, Buffer.from("<svg onload=alert(1)></svg>"), "image"))).status).toBe(422);
    expect((await failureOf(uploadBioImage(access, Buffer.alloc(6 * 1024 * 1024, 1), "image"))).status).toBe(422);
    // Another workspace cannot show this workspace's image.
    const other = await workspace("bio-images-other");
    expect(await failureOf(createBioPage(other.access, { handle: handle("img"), title: "x", blocks: [{ type: "image", imageId: img.id, alt: "x" }] }))).toMatchObject({ status: 422 });
  });
});

describe("subscribers", () => {
  async function subscribePage() {
    const { access } = await workspace("bio-subs");
    const page = await createBioPage(access, { handle: handle("subs"), title: "Subs", blocks: [{ type: "subscribe", consentText: "Send me the newsletter." }] });
    await publishBioPage(access, page.id);
    block = page.blocks[0]!.id as string;
    return { access, page };
  }
  let block = "";
  const form = (over: Record<string, string>) => new URLSearchParams({ block, email: "ana@example.com", consent: "on", ...over });

  it("stores a valid address once with the consent text, refuses bad ones, and ignores the honeypot", async () => {
    const { access, page } = await subscribePage();
    const args = (f: URLSearchParams, visitor = "1.2.3.4") => ({ pageId: page.id, workspaceId: access.workspace.id, form: f, visitor });
    expect(await addSubscriber(args(form({})))).toBe("ok");
    expect(await addSubscriber(args(form({ email: "ANA@example.com" }), "1.2.3.5"))).toBe("ok");
    expect(await addSubscriber(args(form({ email: "not-an-email" }), "1.2.3.6"))).toBe("invalid");
    expect(await addSubscriber(args(form({ email: "x@y" }), "1.2.3.6"))).toBe("invalid");
    const noConsent = form({ email: "bo@example.com" });
    noConsent.delete("consent");
    expect(await addSubscriber(args(noConsent, "1.2.3.7"))).toBe("consent");
    expect(await addSubscriber(args(form({ email: "bot@example.com", website: "http://spam" }), "1.2.3.8"))).toBe("ok");
    const list = await listSubscribers(access.workspace.id, page.id);
    expect(list.data.map((s) => [s.email, s.consentText])).toEqual([["ana@example.com", "Send me the newsletter."]]);
  });

  it("limits sign-ups per visitor", async () => {
    const { access, page } = await subscribePage();
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await addSubscriber({ pageId: page.id, workspaceId: access.workspace.id, form: form({ email: `p${i}@example.com` }), visitor: "9.9.9.9" }));
    expect(results.slice(0, 5).every((r) => r === "ok")).toBe(true);
    expect(results.slice(5)).toEqual(["limited", "limited"]);
    expect((await listSubscribers(access.workspace.id, page.id)).data).toHaveLength(5);
  });

  it("pages through, exports formula-safe CSV, and deletes one or all", async () => {
    const { access, page } = await subscribePage();
    for (const [i, email] of ["+cmd@example.com", "b@example.com", "c@example.com"].entries()) {
      await addSubscriber({ pageId: page.id, workspaceId: access.workspace.id, form: form({ email }), visitor: `10.0.0.${i}` });
    }
    const first = await listSubscribers(access.workspace.id, page.id, { limit: "2" });
    expect(first.data).toHaveLength(2);
    const second = await listSubscribers(access.workspace.id, page.id, { limit: "2", cursor: first.nextCursor! });
    expect(second).toMatchObject({ nextCursor: null });
    expect(new Set([...first.data, ...second.data].map((s) => s.email)).size).toBe(3);
    expect(await exportSubscribersCsv(access.workspace.id, page.id)).toContain("'+cmd@example.com");
    expect(await deleteSubscribers(access.workspace.id, page.id, first.data[0]!.id)).toBe(1);
    expect(await deleteSubscribers(access.workspace.id, page.id)).toBe(2);
  });
});

describe("tenant isolation", () => {
  it("another workspace's page answers like a missing one, for every operation", async () => {
    const a = await workspace("bio-tenant-a");
    const b = await workspace("bio-tenant-b");
    const page = await createBioPage(a.access, { handle: handle("mine"), title: "Mine" });
    const wsB = b.access.workspace.id;
    const calls: (() => Promise<unknown>)[] = [
      () => getBioPage(wsB, page.id),
      () => updateBioPage(b.access, page.id, { title: "Stolen" }),
      () => publishBioPage(b.access, page.id),
      () => discardBioDraft(b.access, page.id),
      () => unpublishBioPage(b.access, page.id),
      () => deleteBioPage(wsB, page.id),
      () => listSubscribers(wsB, page.id),
      () => exportSubscribersCsv(wsB, page.id),
      () => deleteSubscribers(wsB, page.id),
      () => getPageStats(b.access, page.id, { from: "2026-11-01", to: "2026-11-30" }),
    ];
    for (const call of calls) expect((await failureOf(call())).status).toBe(404);
    expect((await listBioPages(wsB)).data).toEqual([]);
    expect((await getBioPage(a.access.workspace.id, page.id)).title).toBe("Mine");
  });

  it("a button cannot use another workspace's short link", async () => {
    const a = await workspace("bio-link-a");
    const b = await workspace("bio-link-b");
    const link = await createLink(a.access, { url: "https://example.com" });
    expect(await failureOf(createBioPage(b.access, { handle: handle("steal"), title: "x", blocks: [{ type: "link", label: "x", linkId: link.id }] }))).toMatchObject({
      status: 422,
      details: { fields: { "blocks.0.linkId": expect.any(String) } },
    });
  });
});

describe("page analytics", () => {
  it("counts views, unique visitors, clicks per block and click-through over days in the workspace's time zone, bots excluded", async () => {
    const { ws, access } = await workspace("bio-stats");
    await db().workspace.update({ where: { id: ws.id }, data: { timeZone: "America/New_York" } });
    const tzAccess = { ...access, workspace: { ...access.workspace, timeZone: "America/New_York" } };
    const page = await createBioPage(access, { handle: handle("stats"), title: "Stats", blocks: [{ type: "link", label: "Shop", url: "https://shop.example.com" }] });
    await publishBioPage(access, page.id);
    const blockId = page.blocks[0]!.id as string;
    const linkId = (await db().bioBlock.findUniqueOrThrow({ where: { id: blockId } })).linkId!;
    const view = (at: string, over = {}) => testClick({ id: "x", workspaceId: ws.id }, { id: crypto.randomUUID(), createdAt: new Date(at), event: "view", linkId: null, bioPageId: page.id, ...over });
    const write = inlineClickWriter(process.env.DATABASE_URL!);
    try {
      await write([
        view("2026-11-20T10:00:00Z", { visitorHash: "a", referrerHost: "instagram.com", country: "US" }),
        view("2026-11-20T11:00:00Z", { visitorHash: "a", referrerHost: "instagram.com", country: "US" }),
        view("2026-11-21T04:00:00Z", { visitorHash: "b", country: "DE" }), // 23:00 on the 20th in New York
        view("2026-11-21T06:00:00Z", { visitorHash: "c" }), // the 21st in New York: outside
        view("2026-11-20T12:00:00Z", { visitorHash: "bot", bot: true }),
        view("2026-11-20T12:30:00Z", { visitorHash: "d", bioPageId: "another-page", country: "FR" }),
        testClick({ id: linkId, workspaceId: ws.id }, { id: crypto.randomUUID(), createdAt: new Date("2026-11-20T12:00:00Z"), trigger: "bio", bioPageId: page.id, bioBlockId: blockId }),
      ]);
    } finally {
      await write.close();
    }
    const stats = await getPageStats(tzAccess, page.id, { from: "2026-11-20", to: "2026-11-20" });
    expect(stats).toMatchObject({ views: 3, uniqueVisitors: 2, clicks: 1, blocks: [{ id: blockId, label: "Shop", clicks: 1 }] });
    expect(stats.clickThroughRate).toBeCloseTo(1 / 3);
    expect(stats.referrers).toEqual([{ name: "instagram.com", count: 2 }, { name: "(direct or unknown)", count: 1 }]);
    expect(stats.countries).toEqual([{ name: "US", count: 2 }, { name: "DE", count: 1 }]);
  });
});

describe("a page's QR code", () => {
  it("saves a design for the page, draws the page's address with the QR marker from it, and keeps it to the workspace", { timeout: 60_000 }, async () => {
    const { renderBioPageQr } = await import("./render-page-qr");
    const { getBioPageQr, saveBioPageQrDesign } = await import("./bio-page-qr");
    const { DEFAULT_QR_DESIGN } = await import("@/lib/qr/design-schema");
    const a = await workspace("bio-qr-a");
    const b = await workspace("bio-qr-b");
    const page = await createBioPage(a.access, { handle: handle("qr_"), title: "Scan me" });
    expect((await getBioPageQr(a.access, page.id)).design).toEqual(DEFAULT_QR_DESIGN);
    await saveBioPageQrDesign(a.access, page.id, { ...DEFAULT_QR_DESIGN, fg: "#123456", frame: "box", cta: "Scan me" });
    const qr = await getBioPageQr(a.access, page.id);
    expect(qr.design).toMatchObject({ fg: "#123456", frame: "box", cta: "Scan me" });
    expect(qr.page.url).toMatch(new RegExp(`/@${page.handle}$`));
    expect(await db().qrDesign.count({ where: { bioPageId: page.id, workspaceId: a.ws.id } })).toBe(1);
    // The saved design draws the code (format svg: readable here), which says what it encodes in its title.
    const svg = String((await renderBioPageQr(a.access, page.id, new URLSearchParams({ format: "svg" }))).body);
    expect(svg).toContain("#123456");
    expect(svg).toContain(`QR code for ${qr.page.url}`);
    // A code that would not scan, an own logo, and another workspace's page are refused.
    expect((await failureOf(saveBioPageQrDesign(a.access, page.id, { ...DEFAULT_QR_DESIGN, fg: "#ffffff", bg: "#ffffff" }))).status).toBe(422);
    expect(await failureOf(saveBioPageQrDesign(a.access, page.id, { ...DEFAULT_QR_DESIGN, logo: "own" }))).toMatchObject({ status: 422, details: { fields: { logo: expect.any(String) } } });
    expect((await failureOf(saveBioPageQrDesign(b.access, page.id, DEFAULT_QR_DESIGN))).status).toBe(404);
    expect((await failureOf(getBioPageQr(b.access, page.id))).status).toBe(404);
    // Scans are the page's views through the code, people only.
    const view = (over = {}) => testClick({ id: "x", workspaceId: a.ws.id }, { id: crypto.randomUUID(), event: "view", linkId: null, bioPageId: page.id, ...over });
    const write = inlineClickWriter(process.env.DATABASE_URL!);
    try {
      await write([view({ trigger: "qr" }), view({ trigger: "qr", bot: true }), view({ trigger: "link" })]);
    } finally {
      await write.close();
    }
    expect((await getBioPageQr(a.access, page.id)).scans).toBe(1);
  });
});
