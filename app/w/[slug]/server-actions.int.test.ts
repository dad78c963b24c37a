// Every workspace server action, pinned to the permission it needs, and called
// as a viewer and as a member of another workspace: refused, nothing changed.
// The session comes from next-auth's getServerSession, answered here with the
// chosen user (a library seam, not Pennant); everything behind it is real.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Permission } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { addMember } from "@/lib/members/add-member";
import { createLink } from "@/lib/links/create-link";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { listChannels } from "@/lib/channels/list-channels";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { addDomain } from "@/lib/domains/manage-domains";
import { saveQrPreset } from "@/lib/qr/qr-presets";
import { DEFAULT_QR_DESIGN } from "@/lib/qr/design-schema";
import { accessFor, makeUser } from "@/tests/factories";

let sessionUserId: string | null = null;
vi.mock("next-auth", async (original) => ({ ...(await original<Record<string, unknown>>()), getServerSession: async () => (sessionUserId ? { user: { id: sessionUserId } } : null) }));
vi.mock("next/server", async (original) => ({ ...(await original<Record<string, unknown>>()), connection: async () => undefined }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const links = await import("./links/actions");
const importActions = await import("./links/import/actions");
const campaigns = await import("./campaigns/actions");
const settings = await import("./settings/actions");
const channels = await import("./settings/channels/actions");
const qr = await import("./qr/actions");
const qrNew = await import("./qr/new/actions");
const bio = await import("./bio/actions");
const analytics = await import("./analytics/actions");
const workspaceActions = await import("./actions");
/** Refused calls never reach their input: authorization comes first, so any value of the right type will do. */
const anyInput = <T,>(value: object) => value as T;

interface Ids { slug: string; link: string; campaign: string; channel: string; apiKey: string; invitation: string; membership: string; domain: string; preset: string }
type Call = (ids: Ids) => Promise<{ ok: boolean; error?: { code: string } }>;

const design = DEFAULT_QR_DESIGN;
const pngForm = () => {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }), "logo.png");
  return form;
};

/** Every workspace action, the permission it needs, and a call with real ids. */
const TABLE: Record<string, { permission: Permission; call: Call }> = {
  createLinkAction: { permission: "links.write", call: (i) => links.createLinkAction(i.slug, { url: "https://example.com/new" }) },
  updateLinkAction: { permission: "links.write", call: (i) => links.updateLinkAction(i.slug, i.link, { title: "Changed" }) },
  duplicateLinkAction: { permission: "links.write", call: (i) => links.duplicateLinkAction(i.slug, i.link) },
  deleteLinkAction: { permission: "links.write", call: (i) => links.deleteLinkAction(i.slug, i.link) },
  deleteLinksAction: { permission: "links.write", call: (i) => links.deleteLinksAction(i.slug, [i.link]) },
  bulkUpdateLinksAction: { permission: "links.write", call: (i) => links.bulkUpdateLinksAction(i.slug, { ids: [i.link], disabled: true }) },
  listLinksAction: { permission: "links.read", call: (i) => links.listLinksAction(i.slug, {}) },
  previewImportAction: { permission: "links.write", call: (i) => importActions.previewImportAction(i.slug, "url\nhttps://example.com/csv\n") },
  importLinksAction: { permission: "links.write", call: (i) => importActions.importLinksAction(i.slug, "url\nhttps://example.com/csv\n") },
  createCampaignAction: { permission: "campaigns.write", call: (i) => campaigns.createCampaignAction(i.slug, { name: "Hijack" }) },
  updateCampaignAction: { permission: "campaigns.write", call: (i) => campaigns.updateCampaignAction(i.slug, i.campaign, { name: "Hijacked" }) },
  deleteCampaignAction: { permission: "campaigns.write", call: (i) => campaigns.deleteCampaignAction(i.slug, i.campaign) },
  createChannelLinkSetAction: { permission: "campaigns.write", call: (i) => campaigns.createChannelLinkSetAction(i.slug, i.campaign, { url: "https://example.com/set", channelIds: [i.channel] }) },
  updateWorkspaceAction: { permission: "workspace.update", call: (i) => settings.updateWorkspaceAction(i.slug, { name: "Taken over" }) },
  deleteWorkspaceAction: { permission: "workspace.delete", call: (i) => settings.deleteWorkspaceAction(i.slug, { confirm: i.slug }) },
  leaveWorkspaceAction: { permission: "workspace.read", call: (i) => settings.leaveWorkspaceAction(i.slug) },
  inviteAction: { permission: "invitations.manage", call: (i) => settings.inviteAction(i.slug, { email: "new@example.com", role: "admin" }) },
  revokeInvitationAction: { permission: "invitations.manage", call: (i) => settings.revokeInvitationAction(i.slug, i.invitation) },
  changeRoleAction: { permission: "members.manage", call: (i) => settings.changeRoleAction(i.slug, i.membership, "owner") },
  removeMemberAction: { permission: "members.manage", call: (i) => settings.removeMemberAction(i.slug, i.membership) },
  createApiKeyAction: { permission: "api_keys.manage", call: (i) => settings.createApiKeyAction(i.slug, { name: "Stolen", role: "admin" }) },
  revokeApiKeyAction: { permission: "api_keys.manage", call: (i) => settings.revokeApiKeyAction(i.slug, i.apiKey) },
  addDomainAction: { permission: "domains.manage", call: (i) => settings.addDomainAction(i.slug, { hostname: `x${Date.now()}.example.net` }) },
  setDomainRedirectsAction: { permission: "domains.manage", call: (i) => settings.setDomainRedirectsAction(i.slug, i.domain, { rootUrl: "https://evil.example/" }) },
  removeDomainAction: { permission: "domains.manage", call: (i) => settings.removeDomainAction(i.slug, i.domain) },
  createChannelAction: { permission: "channels.manage", call: (i) => channels.createChannelAction(i.slug, { name: "Pigeon", kind: "other", utmSource: "pigeon", utmMedium: "bird" }) },
  updateChannelAction: { permission: "channels.manage", call: (i) => channels.updateChannelAction(i.slug, i.channel, { name: "Renamed" }) },
  deleteChannelAction: { permission: "channels.manage", call: (i) => channels.deleteChannelAction(i.slug, i.channel) },
  saveQrDesignAction: { permission: "qr.write", call: (i) => qr.saveQrDesignAction(i.slug, i.link, design) },
  uploadQrLogoAction: { permission: "qr.write", call: (i) => qr.uploadQrLogoAction(i.slug, i.link, pngForm()) },
  removeQrLogoAction: { permission: "qr.write", call: (i) => qr.removeQrLogoAction(i.slug, i.link) },
  uploadWorkspaceQrLogoAction: { permission: "qr.write", call: (i) => qr.uploadWorkspaceQrLogoAction(i.slug, pngForm()) },
  removeWorkspaceQrLogoAction: { permission: "qr.write", call: (i) => qr.removeWorkspaceQrLogoAction(i.slug) },
  saveQrPresetAction: { permission: "qr.write", call: (i) => qr.saveQrPresetAction(i.slug, "Stolen", design) },
  deleteQrPresetAction: { permission: "qr.write", call: (i) => qr.deleteQrPresetAction(i.slug, i.preset) },
  verifyDomainAction: { permission: "domains.manage", call: (i) => settings.verifyDomainAction(i.slug, i.domain) },
  createQrCodeAction: { permission: "links.write", call: (i) => qrNew.createQrCodeAction(i.slug, anyInput<Parameters<typeof qrNew.createQrCodeAction>[1]>({ url: "https://example.com/qr" })) },
  createBioPageAction: { permission: "bio.write", call: (i) => bio.createBioPageAction(i.slug, anyInput<Parameters<typeof bio.createBioPageAction>[1]>({ handle: "stolen", title: "Stolen" })) },
  saveBioDraftAction: { permission: "bio.write", call: (i) => bio.saveBioDraftAction(i.slug, "page", anyInput<Parameters<typeof bio.saveBioDraftAction>[2]>({})) },
  setBioAvatarAction: { permission: "bio.write", call: (i) => bio.setBioAvatarAction(i.slug, "page", null) },
  saveBioQrDesignAction: { permission: "qr.write", call: (i) => bio.saveBioQrDesignAction(i.slug, "page", design) },
  uploadBioQrLogoAction: { permission: "qr.write", call: (i) => bio.uploadBioQrLogoAction(i.slug) },
  removeBioQrLogoAction: { permission: "qr.write", call: (i) => bio.removeBioQrLogoAction(i.slug) },
  publishBioPageAction: { permission: "bio.write", call: (i) => bio.publishBioPageAction(i.slug, "page") },
  discardBioDraftAction: { permission: "bio.write", call: (i) => bio.discardBioDraftAction(i.slug, "page") },
  unpublishBioPageAction: { permission: "bio.write", call: (i) => bio.unpublishBioPageAction(i.slug, "page") },
  deleteBioPageAction: { permission: "bio.write", call: (i) => bio.deleteBioPageAction(i.slug, "page") },
  deleteSubscribersAction: { permission: "bio.write", call: (i) => bio.deleteSubscribersAction(i.slug, "page") },
  bioPageStatsAction: { permission: "bio.read", call: (i) => bio.bioPageStatsAction(i.slug, "page", { from: "2026-01-01", to: "2026-01-31" }) },
  createSharedReportAction: { permission: "analytics.read", call: (i) => analytics.createSharedReportAction(i.slug, anyInput<Parameters<typeof analytics.createSharedReportAction>[1]>({ kind: "campaign", id: i.campaign })) },
  revokeSharedReportAction: { permission: "analytics.read", call: (i) => analytics.revokeSharedReportAction(i.slug, { id: "report" }) },
  listQrCodesAction: { permission: "qr.read", call: (i) => qr.listQrCodesAction(i.slug, { cursor: "" }) },
  searchWorkspaceAction: { permission: "workspace.read", call: (i) => workspaceActions.searchWorkspaceAction(i.slug, { q: "Guarded" }) },
};

/** Every `actions.ts` under app/w/[slug], so a new action cannot be left out of the table. */
function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return name === "actions.ts" ? [full] : [];
  });
}

/** What a refused call must leave exactly as it was. */
async function snapshot(workspaceId: string) {
  const where = { workspaceId };
  return JSON.stringify(
    await Promise.all([
      db().workspace.findUnique({ where: { id: workspaceId }, select: { name: true, slug: true, qrLogo: true } }),
      db().link.findMany({ where, orderBy: { id: "asc" }, select: { id: true, title: true, disabled: true, campaignId: true, updatedAt: true } }),
      db().campaign.findMany({ where, orderBy: { id: "asc" }, select: { id: true, name: true, updatedAt: true } }),
      db().channel.findMany({ where, orderBy: { id: "asc" }, select: { id: true, name: true } }),
      db().apiKey.findMany({ where, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
      db().invitation.findMany({ where, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
      db().membership.findMany({ where, orderBy: { id: "asc" }, select: { id: true, role: true } }),
      db().domain.findMany({ where, orderBy: { id: "asc" }, select: { id: true, rootUrl: true } }),
      db().qrDesign.findMany({ where, orderBy: { id: "asc" } }),
    ]),
  );
}

describe("server actions: permissions", () => {
  let ids: Ids;
  let workspaceId: string;
  let viewerId: string;
  let outsiderId: string;

  beforeAll(async () => {
    const owner = await makeUser("actions-owner");
    const viewer = await makeUser("actions-viewer");
    const outsider = await makeUser("actions-outsider");
    const ws = await createWorkspace(owner.id, { name: "Guarded team" });
    await createWorkspace(outsider.id, { name: "Outsider team" });
    const member = await addMember({ workspace: ws.slug, email: viewer.email, role: "viewer" });
    const access = await accessFor(owner, ws.slug, "workspace.delete");
    const link = await createLink(access, { url: "https://example.com/guarded", title: "Guarded" });
    const campaign = await createCampaign(access, { name: "Guarded campaign" });
    const channel = (await listChannels(access))[0]!;
    const apiKey = await createApiKey(access, { name: "Guarded key" });
    const invitation = await createInvitation(access, { email: "invitee@example.com" });
    const domain = await addDomain(access, { hostname: `guarded-${Date.now()}.example.org` });
    const preset = await saveQrPreset(access, "Guarded preset", design);
    ids = { slug: ws.slug, link: link.id, campaign: campaign.id, channel: channel.id, apiKey: apiKey.id, invitation: invitation.id, membership: member.membershipId, domain: domain.id, preset: preset.id };
    workspaceId = ws.id;
    viewerId = viewer.id;
    outsiderId = outsider.id;
  });

  it("pins every workspace action to a permission", async () => {
    const exported: string[] = [];
    for (const file of actionFiles(import.meta.dirname)) {
      const mod = (await import(file)) as Record<string, unknown>;
      exported.push(...Object.keys(mod).filter((k) => typeof mod[k] === "function"));
    }
    expect(exported.sort()).toEqual(Object.keys(TABLE).sort());
  });

  const writes = Object.entries(TABLE).filter(([, a]) => !can("viewer", a.permission));
  it.each(writes)("%s refuses a viewer (403) and changes nothing", async (_name, action) => {
    const before = await snapshot(workspaceId);
    sessionUserId = viewerId;
    const result = await action.call(ids);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe("forbidden");
    expect(await snapshot(workspaceId)).toBe(before);
  });

  it.each(Object.entries(TABLE))("%s answers a member of another workspace like a missing workspace (404) and changes nothing", async (_name, action) => {
    const before = await snapshot(workspaceId);
    sessionUserId = outsiderId;
    const result = await action.call(ids);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe("not_found");
    expect(await snapshot(workspaceId)).toBe(before);
  });

  it("refuses more than 100 ids for bulk delete through the action, as the API does, deleting none", async () => {
    const before = await snapshot(workspaceId);
    sessionUserId = (await db().membership.findFirstOrThrow({ where: { workspaceId, role: "owner" } })).userId;
    const result = await links.deleteLinksAction(ids.slug, [ids.link, ...Array.from({ length: 100 }, (_, n) => `missing-${n}`)]);
    expect(result).toMatchObject({ ok: false, error: { code: "validation_failed", message: expect.stringMatching(/at most 100/) } });
    expect(await snapshot(workspaceId)).toBe(before);
  });

  it("refuses a logo over the size limit through the action, storing nothing", async () => {
    const before = await snapshot(workspaceId);
    sessionUserId = (await db().membership.findFirstOrThrow({ where: { workspaceId, role: "owner" } })).userId;
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(2 * 1024 * 1024 + 1)], { type: "image/png" }), "huge.png");
    const result = await qr.uploadQrLogoAction(ids.slug, ids.link, form);
    expect(result).toMatchObject({ ok: false, error: { code: "payload_too_large", message: expect.stringMatching(/limit of 2 MB/) } });
    expect(await snapshot(workspaceId)).toBe(before);
  });
});
