import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser, testClick } from "@/tests/factories";
import { clickWriterThread, inlineClickWriter } from "./click-handover";

const click = testClick;

/** How many of this process's threads Linux schedules as SCHED_IDLE (policy 5, field 41 of their stat). */
function idleThreads(): number {
  let n = 0;
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).split(" ")[38] === "5") n++;
    } catch {
      // The thread ended meanwhile.
    }
  }
  return n;
}

async function until(check: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
}

/** A link's dashboard rollup (ClickCube), totalled by UTC day: human clicks, QR scans, bio clicks and bot clicks. */
async function dashboardRollupByDay(linkId: string) {
  const days = new Map<string, { day: string; clicks: number; qr: number; bio: number; bots: number }>();
  for (const r of await db().clickCube.findMany({ where: { linkId } })) {
    const day = r.hour.toISOString().slice(0, 10);
    const d = days.get(day) ?? { day, clicks: 0, qr: 0, bio: 0, bots: 0 };
    if (r.bot) d.bots += r.clicks;
    else {
      d.clicks += r.clicks;
      if (r.trigger === "qr") d.qr += r.clicks;
      if (r.trigger === "bio") d.bio += r.clicks;
    }
    days.set(day, d);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

describe("writing clicks", () => {
  it("stores the rows, raises human counters and the dashboard rollup in one go", async () => {
    const user = await makeUser("clicks");
    const ws = await createWorkspace(user.id, { name: "Clicks" });
    const access = await accessFor(user, ws.slug, "links.write");
    const link = await createLink(access, { url: "https://example.com" });
    const ref = { id: link.id, workspaceId: ws.id };
    const write = inlineClickWriter(process.env.DATABASE_URL!);
    await write([
      click(ref),
      click(ref, { trigger: "qr" }),
      click(ref, { bot: true }),
      click(ref, { counted: true }),
      click(ref, { createdAt: new Date("2026-11-21T09:00:00Z"), trigger: "bio" }),
    ]);
    expect(await db().click.count({ where: { linkId: link.id } })).toBe(5);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(3);
    expect(await dashboardRollupByDay(link.id)).toEqual([
      { day: "2026-11-20", clicks: 3, qr: 1, bio: 0, bots: 1 },
      { day: "2026-11-21", clicks: 1, qr: 0, bio: 1, bots: 0 },
    ]);

    // A later batch adds to the same day's totals and moves the last-click time.
    await write([click(ref, { createdAt: new Date("2026-11-21T18:30:00Z") }), click(ref, { createdAt: new Date("2026-11-21T18:00:00Z") })]);
    const after = await db().link.findUniqueOrThrow({ where: { id: link.id } });
    expect(after.clicks).toBe(5);
    expect(after.lastClickedAt?.toISOString()).toBe("2026-11-21T18:30:00.000Z");
    expect((await dashboardRollupByDay(link.id)).map((r) => r.clicks)).toEqual([3, 3]);
  });

  it("stores a bio page view beside a bio button's click, touching no link counter or rollup for the view", async () => {
    const user = await makeUser("views");
    const ws = await createWorkspace(user.id, { name: "Views" });
    const link = await createLink(await accessFor(user, ws.slug, "links.write"), { url: "https://example.com" });
    const write = inlineClickWriter(process.env.DATABASE_URL!);
    const view = testClick({ id: "unused", workspaceId: ws.id }, { event: "view", linkId: null, bioPageId: "page1", trigger: "qr" });
    const press = testClick({ id: link.id, workspaceId: ws.id }, { trigger: "bio", bioPageId: "page1", bioBlockId: "block1" });
    await write([view, press]);
    const rows = await db().click.findMany({ where: { workspaceId: ws.id }, orderBy: { event: "asc" } });
    expect(rows.map((r) => ({ event: r.event, linkId: r.linkId, page: r.bioPageId, block: r.bioBlockId, trigger: r.trigger }))).toEqual([
      { event: "click", linkId: link.id, page: "page1", block: "block1", trigger: "bio" },
      { event: "view", linkId: null, page: "page1", block: null, trigger: "qr" },
    ]);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(1);
    expect((await db().clickCube.findMany({ where: { workspaceId: ws.id } })).map((r) => [r.linkId, r.clicks, r.trigger])).toEqual([[link.id, 1, "bio"]]);
    await write.close();
  });

  it("writes from its own thread, keeps every field, and never counts a retried batch twice", async () => {
    const user = await makeUser("thread");
    const ws = await createWorkspace(user.id, { name: "Thread" });
    const link = await createLink(await accessFor(user, ws.slug, "links.write"), { url: "https://example.com" });
    const ref = { id: link.id, workspaceId: ws.id };
    const full = click(ref, {
      trigger: "qr", referrerHost: "news.example", referrer: "https://news.example/a?b=1", utmSource: "newsletter", utmMedium: "email",
      utmCampaign: "spring", utmTerm: "shoes", utmContent: "hero", visitorHash: "abc123",
    });
    const batch = [full, click(ref), click(ref, { bot: true })];
    const sink = clickWriterThread({ databaseUrl: process.env.DATABASE_URL!, spillFile: path.join(os.tmpdir(), `pennant-test-spill-${ws.id}.jsonl`) });
    for (const c of batch) sink.record(c);
    await sink.drain();
    expect(await db().click.count({ where: { linkId: link.id } })).toBe(3);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(2);

    // The answer to a batch was lost and the same batch is written again, with
    // a click that arrived since: only the new click counts.
    const writer = inlineClickWriter(process.env.DATABASE_URL!);
    try {
      await writer([...batch, click(ref)]);
    } finally {
      await writer.close();
    }
    expect(await db().click.count({ where: { linkId: link.id } })).toBe(4);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(3);
    const stored = await db().click.findUniqueOrThrow({ where: { id: full.id } });
    expect(stored).toMatchObject({
      createdAt: full.createdAt, workspaceId: ws.id, domain: "localhost:3000", trigger: "qr", referrerHost: "news.example", referrer: "https://news.example/a?b=1",
      utmSource: "newsletter", utmMedium: "email", utmCampaign: "spring", utmTerm: "shoes", utmContent: "hero",
      country: "DE", city: "Berlin", device: "mobile", browser: "Safari", os: "iOS", visitorHash: "abc123", bot: false,
    });
    expect(await dashboardRollupByDay(link.id)).toEqual([{ day: full.createdAt.toISOString().slice(0, 10), clicks: 3, qr: 1, bio: 0, bots: 1 }]);
  });

  it.runIf(process.platform === "linux")("writes on a thread that gives way to requests (SCHED_IDLE) while it runs", async () => {
    const user = await makeUser("idle");
    const ws = await createWorkspace(user.id, { name: "Idle" });
    const link = await createLink(await accessFor(user, ws.slug, "links.write"), { url: "https://example.com" });
    const before = idleThreads();
    const sink = clickWriterThread({ databaseUrl: process.env.DATABASE_URL!, spillFile: path.join(os.tmpdir(), `pennant-test-spill-${ws.id}.jsonl`) });
    sink.record(click({ id: link.id, workspaceId: ws.id }));
    await until(async () => (await db().click.count({ where: { linkId: link.id } })) === 1);
    expect(await db().click.count({ where: { linkId: link.id } })).toBe(1);
    expect(idleThreads()).toBe(before + 1);
    await sink.drain();
    await until(() => idleThreads() === before);
    expect(idleThreads()).toBe(before);
  });

  it("stores a batch holding text PostgreSQL cannot store (a NUL) whole, that text made storable", async () => {
    const user = await makeUser("nul");
    const ws = await createWorkspace(user.id, { name: "Nul" });
    const link = await createLink(await accessFor(user, ws.slug, "links.write"), { url: "https://example.com" });
    const ref = { id: link.id, workspaceId: ws.id };
    const write = inlineClickWriter(process.env.DATABASE_URL!);
    try {
      await write([click(ref, { utmSource: "a\u0000b" }), click(ref, { utmSource: "fine" })]);
    } finally {
      await write.close();
    }
    const rows = await db().click.findMany({ where: { linkId: link.id }, orderBy: { utmSource: "asc" } });
    // SQLite stores a NUL as it is; PostgreSQL gets the batch again without it.
    expect(rows.map((r) => r.utmSource?.replace("\u0000", ""))).toEqual(["ab", "fine"]);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(2);
  });

  it("drops the clicks of a workspace deleted meanwhile and keeps the others", async () => {
    const user = await makeUser("gone");
    const kept = await createWorkspace(user.id, { name: "Kept" });
    const gone = await createWorkspace(user.id, { name: "Gone" });
    const keptLink = await createLink(await accessFor(user, kept.slug, "links.write"), { url: "https://example.com/kept" });
    const goneLink = await createLink(await accessFor(user, gone.slug, "links.write"), { url: "https://example.com/gone" });
    await db().workspace.delete({ where: { id: gone.id } });
    const writer = inlineClickWriter(process.env.DATABASE_URL!);
    try {
      await writer([click({ id: keptLink.id, workspaceId: kept.id }), click({ id: goneLink.id, workspaceId: gone.id })]);
    } finally {
      await writer.close();
    }
    expect(await db().click.count({ where: { linkId: keptLink.id } })).toBe(1);
    expect(await db().click.count({ where: { linkId: goneLink.id } })).toBe(0);
    expect((await db().link.findUniqueOrThrow({ where: { id: keptLink.id } })).clicks).toBe(1);
  });

  it("loses no click when the writer thread dies mid-batch: unconfirmed batches go to the next thread", async () => {
    const user = await makeUser("crash");
    const ws = await createWorkspace(user.id, { name: "Crash" });
    const link = await createLink(await accessFor(user, ws.slug, "links.write"), { url: "https://example.com/crash" });
    const ref = { id: link.id, workspaceId: ws.id };
    const sink = clickWriterThread({ databaseUrl: process.env.DATABASE_URL!, spillFile: path.join(os.tmpdir(), `pennant-test-spill-${ws.id}.jsonl`) });
    const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let sent = 0;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 500; i++, sent++) sink.record(click(ref, { id: randomUUID() }));
      // Handed over (every 20 ms) but not yet written (the thread writes every 2 s): the thread holds them.
      await settle(300);
      await sink.crashThread();
    }
    for (let i = 0; i < 100; i++, sent++) sink.record(click(ref, { id: randomUUID() }));
    await settle(300);
    await sink.drain();
    expect(await db().click.count({ where: { linkId: link.id } })).toBe(sent);
    expect((await db().link.findUniqueOrThrow({ where: { id: link.id } })).clicks).toBe(sent);
  }, 60_000);
});
