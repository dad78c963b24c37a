import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createLink } from "@/lib/links/create-link";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, makeUser, testClick, writeClicks } from "@/tests/factories";
import { EXPORT_COLUMNS } from "./click-sql";
import { exportClicksCsv } from "./export-analytics-csv";

const ZONE = "Asia/Kolkata"; // +05:30

async function csvOf(gen: AsyncGenerator<string>): Promise<string[][]> {
  let text = "";
  for await (const part of gen) text += part;
  return Papa.parse<string[]>(text.trim(), { newline: "\r\n" }).data;
}

describe("raw clicks export", () => {
  it("lists every click of the period once, oldest first, across pages and equal times, in the workspace's zone, without visitor hashes or other workspaces' clicks", { timeout: 60_000 }, async () => {
    const user = await makeUser("export-raw");
    const ws = await createWorkspace(user.id, { name: "Export raw" });
    await db().workspace.update({ where: { id: ws.id }, data: { timeZone: ZONE } });
    const link = { id: (await createLink(await accessFor(user, ws.slug, "links.write"), { url: "https://example.com/shop" })).id, workspaceId: ws.id };
    const access = await accessFor(user, ws.slug, "analytics.read");
    const otherUser = await makeUser("export-raw-other");
    const other = await createWorkspace(otherUser.id, { name: "Export other" });
    const otherLink = { id: (await createLink(await accessFor(otherUser, other.slug, "links.write"), { url: "https://example.com/theirs" })).id, workspaceId: other.id };

    const at = (iso: string) => new Date(iso);
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
    // Five clicks at the very same millisecond (the cursor must go on by id), a
    // bot, a QR scan with UTM values, one before the period and one of another workspace.
    const mine = [
      ...[5, 3, 1, 4, 2].map((n) => testClick(link, { id: id(n), createdAt: at("2026-11-10T18:29:59.123Z"), visitorHash: `secret-hash-${n}` })),
      testClick(link, { id: id(6), createdAt: at("2026-11-10T18:30:00.000Z"), bot: true, browser: "Googlebot", visitorHash: "secret-hash-bot" }),
      testClick(link, { id: id(7), createdAt: at("2026-11-11T09:00:00.000Z"), trigger: "qr", utmSource: "poster", utmCampaign: "winter", country: "IN", city: "Mumbai", visitorHash: "secret-hash-qr" }),
    ];
    const before = testClick(link, { id: id(8), createdAt: at("2026-11-01T10:00:00.000Z") });
    const foreign = testClick(otherLink, { id: id(9), createdAt: at("2026-11-10T20:00:00.000Z") });
    await writeClicks([...mine, before, foreign]);

    const period = { from: "2026-11-05", to: "2026-11-12" };
    for (const pageSize of [2, 3, 5000]) {
      const [header, ...rows] = await csvOf(await exportClicksCsv(access, { ...period, bots: "include" }, pageSize));
      expect(header).toEqual([...EXPORT_COLUMNS]);
      const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
      expect(rows.map((r) => r[col("id")])).toEqual([1, 2, 3, 4, 5, 6, 7].map(id));
      // 18:29:59.123 UTC is 23:59:59.123 in Kolkata, and 18:30 UTC its next midnight.
      expect(rows.map((r) => r[col("createdAt")])).toEqual([
        ...Array(5).fill("2026-11-10T23:59:59+05:30"),
        "2026-11-11T00:00:00+05:30",
        "2026-11-11T14:30:00+05:30",
      ]);
      expect(rows.map((r) => r[col("bot")])).toEqual(["false", "false", "false", "false", "false", "true", "false"]);
      const qr = rows[6]!;
      expect([qr[col("trigger")], qr[col("utmSource")], qr[col("utmCampaign")], qr[col("country")], qr[col("city")], qr[col("linkId")]]).toEqual(["qr", "poster", "winter", "IN", "Mumbai", link.id]);
      expect(rows.flat().join(",")).not.toContain("secret-hash");
    }
    // Bots are left out unless asked for, as on the dashboard.
    const [, ...humans] = await csvOf(await exportClicksCsv(access, period, 2));
    expect(humans.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 7].map(id));
  });
});
