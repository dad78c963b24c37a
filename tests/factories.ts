// Test data made through Pennant's own lib/ functions, so tests exercise them.
import { randomBytes, randomUUID } from "node:crypto";
import type { ClickRecord } from "@/lib/clicks/click-buffer";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { authorizeWorkspace } from "@/lib/auth/access";
import type { Permission } from "@/lib/auth/permissions";
import { createUser } from "@/lib/users/create-user";
import { toAppError } from "@/lib/to-app-error";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

export async function makeUser(prefix = "user") {
  return createUser({ email: uniqueEmail(prefix), password: "correct horse battery", name: prefix });
}

export function asUser(user: { id: string; email: string; name: string | null }) {
  return { kind: "user" as const, user };
}

export function accessFor(user: { id: string; email: string; name: string | null }, slug: string, permission: Permission = "workspace.read"): Promise<WorkspaceAccess> {
  return authorizeWorkspace(asUser(user), slug, permission);
}

/** The AppError a rejected call turns into at the boundary (what the user would see). */
export async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    return toAppError(err);
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** A click on a link as the redirect records it (a human on a phone in Berlin, unless `over` says otherwise). */
export function testClick(link: { id: string; workspaceId: string }, over: Partial<ClickRecord> = {}): ClickRecord {
  return {
    id: randomUUID(), createdAt: new Date("2026-11-20T10:00:00Z"), workspaceId: link.workspaceId, event: "click", linkId: link.id, bioPageId: null, bioBlockId: null, domain: "localhost:3000",
    trigger: "link", referrerHost: null, referrer: null, utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null,
    country: "DE", city: "Berlin", device: "mobile", browser: "Safari", os: "iOS", visitorHash: "v1", bot: false, counted: false, ...over,
  };
}

/** Clicks written as the redirect's writer writes them (raw rows and rollups, in one transaction), into the tests' database. */
export async function writeClicks(clicks: ClickRecord[]) {
  const { inlineClickWriter } = await import("@/lib/clicks/click-handover");
  const w = inlineClickWriter(process.env.DATABASE_URL!);
  try {
    await w(clicks);
  } finally {
    await w.close();
  }
}

/** Time passes: the link's expiry (set in the future when it was made) is now behind us. */
export async function expireLink(id: string, at = new Date("2020-01-01T00:00:00Z")) {
  const { db } = await import("@/lib/db/client");
  await db().link.update({ where: { id }, data: { expiresAt: at } });
}
