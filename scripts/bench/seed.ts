// Seeds a benchmark database fast: one user, one workspace, and links with
// random 7-character slugs, inserted with createMany in large batches.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-db";
import { RESERVED_SLUGS } from "@/lib/links/slug";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** `count` distinct random slugs of 7 characters, none reserved, none in `taken`. */
export function randomSlugs(count: number, taken: Set<string> = new Set()): string[] {
  const out: string[] = [];
  const seen = new Set(taken);
  while (out.length < count) {
    const bytes = randomBytes(7);
    let s = "";
    for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
    if (seen.has(s) || RESERVED_SLUGS.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

export const destinationOf = (slug: string) => `https://example.com/landing/${slug}?ref=bench`;

export async function seedLinks(db: Db, domain: string, slugs: string[], batch = 5000): Promise<{ workspaceId: string }> {
  const user = await db.user.create({ data: { email: `bench-${Date.now()}@example.com`, name: "Bench" } });
  const workspace = await db.workspace.create({ data: { slug: `bench-${Date.now()}`, name: "Bench" } });
  await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "owner" } });
  for (let i = 0; i < slugs.length; i += batch) {
    const now = new Date();
    await db.link.createMany({
      data: slugs.slice(i, i + batch).map((slug) => ({
        id: `bl${randomBytes(10).toString("hex")}`,
        workspaceId: workspace.id,
        domain,
        slug,
        url: destinationOf(slug),
        createdById: user.id,
        createdAt: now,
        updatedAt: now,
      })),
    });
  }
  return { workspaceId: workspace.id };
}
