import "server-only";
import { z } from "zod";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { containsText } from "@/lib/db/text-search";

export const searchWorkspaceSchema = z.object({
  q: z.string().trim().min(1, "Type something to search for.").max(200, "Search for at most 200 characters."),
  limit: z.number().int().min(1).max(10).default(5),
});
export type SearchWorkspaceInput = z.input<typeof searchWorkspaceSchema>;

export type SearchHit = {
  kind: "link" | "campaign" | "bio" | "qr";
  id: string;
  /** The name people know it by. */
  label: string;
  /** A second line: the slug or address, the handle. */
  detail: string;
  /** The dashboard path it opens, inside the workspace. */
  path: string;
};

/**
 * The command menu's "jump to": links, campaigns, bio pages and QR codes of
 * this workspace whose name (or slug, handle, destination) contains `q`.
 * Every query is scoped by the workspace, so another tenant's names never show.
 */
export async function searchWorkspace(access: WorkspaceAccess, input: SearchWorkspaceInput): Promise<SearchHit[]> {
  const { q, limit } = searchWorkspaceSchema.parse(input);
  const workspaceId = access.workspace.id;
  const base = `/w/${access.workspace.slug}`;
  const text = containsText(q);
  const [links, campaigns, pages, codes] = await Promise.all([
    db().link.findMany({
      where: { workspaceId, OR: [{ title: text }, { slug: text }, { url: text }] },
      select: { id: true, title: true, slug: true, url: true },
      orderBy: [{ archived: "asc" }, { createdAt: "desc" }],
      take: limit,
    }),
    db().campaign.findMany({ where: { workspaceId, name: text }, select: { id: true, name: true }, orderBy: { updatedAt: "desc" }, take: limit }),
    db().bioPage.findMany({
      where: { workspaceId, OR: [{ title: text }, { handle: text }] },
      select: { id: true, title: true, handle: true },
      orderBy: { updatedAt: "desc" },
      take: limit,
    }),
    db().qrDesign.findMany({
      where: { workspaceId, isPreset: false, link: { is: { workspaceId, OR: [{ title: text }, { slug: text }] } } },
      select: { link: { select: { id: true, title: true, slug: true } } },
      orderBy: { updatedAt: "desc" },
      take: limit,
    }),
  ]);
  return [
    ...links.map((l) => ({ kind: "link" as const, id: l.id, label: l.title || l.slug, detail: l.title ? `/${l.slug} → ${l.url}` : l.url, path: `${base}/links/${l.id}` })),
    ...campaigns.map((c) => ({ kind: "campaign" as const, id: c.id, label: c.name, detail: "Campaign", path: `${base}/campaigns/${c.id}` })),
    ...pages.map((p) => ({ kind: "bio" as const, id: p.id, label: p.title, detail: `@${p.handle}`, path: `${base}/bio/${p.id}` })),
    ...codes.flatMap((r) => (r.link ? [{ kind: "qr" as const, id: r.link.id, label: r.link.title || r.link.slug, detail: `QR code for /${r.link.slug}`, path: `${base}/qr/${r.link.id}` }] : [])),
  ];
}
