// Micro-timings of the redirect handler's per-request parts (µs/op).
// Usage: node --import tsx scripts/bench/profile-handler.ts
import "../register-server-only";
const { describeVisitor, visitorHash } = await import("@/lib/redirect/visitor");
const { lookupGeo } = await import("@/lib/redirect/geo");
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
function time(label: string, n: number, f: (i: number) => unknown) {
  for (let i = 0; i < 2000; i++) f(i);
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f(i);
  const us = Number(process.hrtime.bigint() - t) / 1000 / n;
  console.log(`${label.padEnd(28)} ${us.toFixed(2)} µs/op`);
}
const ips = Array.from({ length: 1000 }, (_, i) => `${(i % 200) + 11}.${(i * 7) % 255}.${(i * 13) % 255}.${(i % 250) + 1}`);
time("describeVisitor (UAParser+isbot)", 20000, () => describeVisitor(UA));
time("visitorHash (2 HMAC)", 20000, (i) => visitorHash("secret-secret-secret-secret-secret", ips[i % 1000]!, UA, Date.now()));
time("lookupGeo", 20000, (i) => lookupGeo(ips[i % 1000]!));
time("randomUUID", 20000, () => crypto.randomUUID());
time("new URL + URLSearchParams", 20000, (i) => { const u = new URL(`/abc${i}`, "http://x"); return new URLSearchParams(u.search); });
const { UAParser } = await import("ua-parser-js");
const { isbot } = await import("isbot");
time("uncached UAParser + isbot", 20000, () => { new UAParser(UA).getResult(); return isbot(UA); });
const { createHmac } = await import("node:crypto");
time("uncached daily-key HMAC", 20000, () => createHmac("sha256", "secret-secret-secret-secret-secret").update("visitor-salt:2026-11-25").digest());
