// Times the click writer on batches of clicks (BATCH, default 5,000) over 10,000 links.
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
const size = Number(process.env.BATCH ?? 5000);
const times: number[] = [];
const cpus: number[] = [];
for (let round = 0; round < 6; round++) {
  const batch = Array.from({ length: size }, () => ({
    id: randomUUID(), createdAt: new Date(), workspaceId, event: "click" as const, bioPageId: null, bioBlockId: null, linkId: links[Math.floor(Math.random() * links.length)]!.id, domain: "w.test",
    trigger: "link" as const, referrerHost: null, referrer: null, utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null,
    country: "DE", city: "Berlin", device: "desktop", browser: "Chrome", os: "Windows", visitorHash: randomUUID().replace(/-/g, ""), bot: false, counted: false,
  }));
  const t = Date.now();
  const cpu = process.cpuUsage();
  await write(batch);
  times.push(Date.now() - t);
  const used = process.cpuUsage(cpu);
  cpus.push(Math.round((used.user + used.system) / 1000));
}
times.sort((a, b) => a - b);
cpus.sort((a, b) => a - b);
console.log(`batches of ${size} clicks: median ${times[3]} ms (${Math.round((size / times[3]!) * 1000)} clicks/s), of which this process's CPU ${cpus[3]} ms; all ${times.join(" ")}`);
const sum = await db.link.aggregate({ _sum: { clicks: true } });
const cube = await db.clickCube.aggregate({ _sum: { clicks: true }, _count: true });
console.log("clicks rows", await db.click.count(), "link counters", sum._sum.clicks, "hourly rollup", cube._sum.clicks, `in ${cube._count} rows`);
await db.$disconnect();
await write.close();
