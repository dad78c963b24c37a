import "server-only";
import Papa from "papaparse";
import { db } from "@/lib/db/client";
import { FORMULA_START } from "@/lib/links/export-links-csv";
import { findBioPageRow } from "./get-bio-page";
import { listSubscribersQuerySchema } from "./schemas";

const present = (s: { id: string; email: string; consentText: string; consentedAt: Date }) => ({ id: s.id, email: s.email, consentText: s.consentText, consentedAt: s.consentedAt.toISOString() });

/** A page's subscribers, newest first, a page at a time (`nextCursor` while more remain). */
export async function listSubscribers(workspaceId: string, pageId: string, query: unknown = {}) {
  const { cursor, limit } = listSubscribersQuerySchema.parse(query);
  await findBioPageRow(db(), workspaceId, pageId);
  const rows = await db().bioSubscriber.findMany({
    where: { bioPageId: pageId, workspaceId },
    orderBy: [{ consentedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return { data: page.map(present), nextCursor: more ? page[page.length - 1]!.id : null };
}

/** Deletes one subscriber (by id) or, without one, all of the page's. Returns how many went. */
export async function deleteSubscribers(workspaceId: string, pageId: string, subscriberId?: string): Promise<number> {
  await findBioPageRow(db(), workspaceId, pageId);
  const { count } = await db().bioSubscriber.deleteMany({ where: { bioPageId: pageId, workspaceId, ...(subscriberId ? { id: subscriberId } : {}) } });
  return count;
}

const safeCell = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);

/** All of a page's subscribers as CSV (formula-safe). */
export async function exportSubscribersCsv(workspaceId: string, pageId: string): Promise<string> {
  await findBioPageRow(db(), workspaceId, pageId);
  const rows = await db().bioSubscriber.findMany({ where: { bioPageId: pageId, workspaceId }, orderBy: { consentedAt: "asc" } });
  return Papa.unparse({ fields: ["email", "consented_at", "consent_text"], data: rows.map((r) => [safeCell(r.email), r.consentedAt.toISOString(), safeCell(r.consentText)]) });
}
