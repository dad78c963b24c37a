import "server-only";
import { env } from "@/lib/env";
import { documentOf } from "./documents";
import { imageUrl } from "./render-page";
import type { BioDocument, BioPageOutput } from "./schemas";
import { blockFromRow, themeOf } from "./documents";

export const bioPageSelect = {
  id: true, workspaceId: true, handle: true, title: true, bio: true, avatar: true, theme: true, published: true, publishedAt: true, draft: true, createdAt: true, updatedAt: true,
  blocks: { orderBy: { position: "asc" as const }, select: { id: true, type: true, data: true } },
} as const;

export interface BioPageRow {
  id: string;
  workspaceId: string;
  handle: string;
  title: string;
  bio: string | null;
  avatar: string | null;
  theme: unknown;
  published: boolean;
  publishedAt: Date | null;
  draft: unknown;
  createdAt: Date;
  updatedAt: Date;
  blocks: { id: string; type: string; data: unknown }[];
}

/** The live page's content as a document (what Discard returns to). */
export function liveDocument(row: BioPageRow): BioDocument {
  return { title: row.title, bio: row.bio, avatarId: row.avatar, theme: themeOf(row.theme), blocks: row.blocks.map(blockFromRow) };
}

export function draftOf(row: BioPageRow): BioDocument {
  return documentOf(row.draft, () => liveDocument(row));
}

export const publicUrlOf = (handle: string) => `${env().APP_URL.replace(/\/$/, "")}/@${handle}`;

/** A page as the API and the editor see it: the draft being edited, and whether it is live. */
export function presentBioPage(row: BioPageRow): BioPageOutput {
  const draft = draftOf(row);
  return {
    id: row.id,
    handle: row.handle,
    url: publicUrlOf(row.handle),
    title: draft.title,
    bio: draft.bio,
    avatarUrl: draft.avatarId ? imageUrl(draft.avatarId) : null,
    theme: draft.theme,
    published: row.published,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    hasUnpublishedChanges: !row.published || JSON.stringify(draft) !== JSON.stringify(liveDocument(row)),
    blocks: draft.blocks,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
