import { describe, expect, it } from "vitest";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, expireLink, failureOf, makeUser } from "@/tests/factories";
import { createLink } from "./create-link";
import { duplicateLink } from "./duplicate-link";
import { previewImport } from "./import-links-csv";
import { updateLink } from "./update-link";

async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return await accessFor(user, ws.slug, "links.write");
}

const PAST = "2021-03-01T12:00:00Z";
const FUTURE = "2031-03-01T12:00:00.000Z";

describe("a link's expiry date", () => {
  it("is refused in the past on a new link (422, on the field), and accepted in the future", async () => {
    const access = await workspace("expiry-new");
    const failure = await failureOf(createLink(access, { url: "https://example.com/", expiresAt: PAST }));
    expect(failure.status).toBe(422);
    expect((failure.details as { fields?: unknown }).fields).toEqual({ expiresAt: "Choose an expiry date and time in the future." });
    expect((await createLink(access, { url: "https://example.com/", expiresAt: FUTURE })).expiresAt).toBe(FUTURE);
  });

  it("leaves a link that has expired editable, refusing only a new date in the past", async () => {
    const access = await workspace("expiry-edit");
    const link = await createLink(access, { url: "https://example.com/spring", expiresAt: FUTURE });
    await expireLink(link.id, new Date(PAST));
    // The form sends the expiry back unchanged with the other fields.
    const renamed = await updateLink(access, link.id, { title: "Spring (over)", expiresAt: PAST });
    expect(renamed).toMatchObject({ title: "Spring (over)", expiresAt: new Date(PAST).toISOString() });
    const failure = await failureOf(updateLink(access, link.id, { expiresAt: "2022-01-01T00:00:00Z" }));
    expect(failure.status).toBe(422);
    expect((failure.details as { fields?: unknown }).fields).toEqual({ expiresAt: "Choose an expiry date and time in the future." });
    expect((await updateLink(access, link.id, { expiresAt: FUTURE })).expiresAt).toBe(FUTURE);
    expect((await updateLink(access, link.id, { expiresAt: null })).expiresAt).toBeNull();
  });

  it("is not carried to a copy once passed, and is refused per row in a CSV import", async () => {
    const access = await workspace("expiry-copy");
    const link = await createLink(access, { url: "https://example.com/old", expiresAt: FUTURE });
    await expireLink(link.id, new Date(PAST));
    expect((await duplicateLink(access, link.id)).expiresAt).toBeNull();
    const preview = await previewImport(access, `url,expires_at\nhttps://example.com/a,${PAST}\nhttps://example.com/b,${FUTURE}\n`);
    expect(preview.rows[0]?.errors.map((e) => e.message)).toContain("Choose an expiry date and time in the future.");
    expect(preview.rows[1]?.errors).toEqual([]);
  });
});
