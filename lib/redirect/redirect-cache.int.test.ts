import { describe, expect, it } from "vitest";
import { accessFor, makeUser } from "@/tests/factories";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createLink } from "@/lib/links/create-link";
import { updateLink } from "@/lib/links/update-link";
import { DEFAULT_DOMAIN } from "@/lib/links/default-domain";
import { configureRedirectCache, getCachedLink } from "./redirect-cache";
import { openLinkStore } from "./link-store";

// A change heard while a visitor's read is in flight (a new link's own
// announcement arrives a moment after it is created, on PostgreSQL) used to
// abort that read and answer the visitor 503. The read must be made again.
describe("the redirect cache", () => {
  it("reads again when a change to the link is heard while its read is in flight, and serves the changed link to every visitor waiting on it", async () => {
    const user = await makeUser("cache");
    const ws = await createWorkspace(user.id, { name: "Cache" });
    const access = await accessFor(user, ws.slug, "links.write");
    const store = openLinkStore(process.env.DATABASE_URL);
    let reads = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    configureRedirectCache({
      loader: async (domain, slug) => {
        reads++;
        const link = await store.load(domain, slug);
        if (reads === 1) await held; // the first read has its row, and is still in flight
        return link;
      },
    });
    const link = await createLink(access, { url: "https://example.com/before" });
    // Two visitors: the first starts the read, the second joins it.
    const visits = [getCachedLink(DEFAULT_DOMAIN, link.slug), getCachedLink(DEFAULT_DOMAIN, link.slug)];
    await expect.poll(() => reads).toBe(1);
    // The edit announces itself after its commit, as every write path does.
    await updateLink(access, link.id, { url: "https://example.com/after" });
    release();
    expect((await Promise.all(visits)).map((l) => l?.url)).toEqual(["https://example.com/after", "https://example.com/after"]);
    expect(reads).toBeGreaterThanOrEqual(2);
    await store.close();
  });
});
