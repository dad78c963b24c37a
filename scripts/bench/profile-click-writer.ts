// Times the click writer on batches of 1,000 clicks over 10,000 links.
// Usage: node --import tsx scripts/bench/profile-click-writer.ts <fresh DATABASE_URL>
import "../register-server-only";
import { randomUUID } from "node:crypto";
const { createDb } = await import("@/lib/db/create-db");
const { migrateDatabase } = await import("@/lib/db/migrate");
const { inlineClickWriter } = await import("@/lib/clicks/click-handover");
const { seedLinks, randomSlugs } = await import("./seed");
const url = process.argv[2]!;
migrateDatabase(url, { quiet: true });
const db = createDb(url);
const slugs = randomSlugs(10000);
const { workspaceId } = await seedLinks(db, "w.test", slugs);
const links = await db.link.findMany({ select: { id: true } });
const write = inlineClickWriter(url);
for (let round = 0; round < 4; round++) {
  const batch = Array.from({ length: 1000 }, () => ({
    id: randomUUID(), createdAt: new Date(), workspaceId, event: "click" as const, bioPageId: null, bioBlockId: null, linkId: links[Math.floor(Math.random() * links.length)]!.id, domain: "w.test",
    trigger: "link" as const, referrerHost: null, referrer: null, utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null,
    country: "DE", city: "Berlin", device: "desktop", browser: "Chrome", os: "Windows", visitorHash: "x".repeat(32), bot: false, counted: false,
  }));
  const t = Date.now();
  await write(batch);
  console.log(`batch of 1000 clicks: ${Date.now() - t} ms`);
}
const sum = await db.link.aggregate({ _sum: { clicks: true } });
const roll = await db.clickRollup.aggregate({ _sum: { clicks: true } });
console.log("clicks rows", await db.click.count(), "link counters", sum._sum.clicks, "rollups", roll._sum.clicks);
await db.$disconnect();
await write.close();
