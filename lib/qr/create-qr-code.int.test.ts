import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createLink } from "@/lib/links/create-link";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { accessFor, failureOf, makeUser } from "@/tests/factories";
import { createQrCode } from "./create-qr-code";
import { listQrCodes } from "./operations";

async function workspace(name: string) {
  const user = await makeUser(name);
  const ws = await createWorkspace(user.id, { name: `${name} team` });
  return await accessFor(user, ws.slug, "links.write");
}

describe("creating a QR code from the QR codes section", () => {
  it("makes a short link for a pasted URL and lists its code at once", async () => {
    const access = await workspace("qr-new");
    const { linkId } = await createQrCode(access, { url: "https://shop.example/poster" });
    const link = await db().link.findUniqueOrThrow({ where: { id: linkId } });
    expect(link).toMatchObject({ url: "https://shop.example/poster", workspaceId: access.workspace.id });
    expect((await listQrCodes(access, {})).data.map((c) => c.linkId)).toEqual([linkId]);
    expect((await failureOf(createQrCode(access, { url: "javascript:alert(1)" }))).status).toBe(422);
  });

  it("adds a code to an existing link, keeping a design it already has, and never another workspace's link", async () => {
    const access = await workspace("qr-pick");
    const link = await createLink(access, { url: "https://shop.example/flyer" });
    await createQrCode(access, { linkId: link.id });
    await db().qrDesign.update({ where: { linkId: link.id }, data: { options: { fg: "#112233" } } });
    await createQrCode(access, { linkId: link.id });
    expect((await db().qrDesign.findUniqueOrThrow({ where: { linkId: link.id } })).options).toEqual({ fg: "#112233" });
    const stranger = await workspace("qr-stranger");
    expect((await failureOf(createQrCode(stranger, { linkId: link.id }))).status).toBe(404);
  });
});
