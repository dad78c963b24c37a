import type { ActionResult } from "@/lib/actions/action-result";
import type { BulkUpdateInput } from "@/lib/links/bulk-update-links";
import type { CreateLinkInput, LinkOutput, ListLinksQuery, UpdateLinkInput } from "@/lib/links/schemas";

/** The server actions of app/w/[slug]/links/actions.ts, handed down as props. */
export interface LinkActions {
  create: (slug: string, input: CreateLinkInput) => Promise<ActionResult<LinkOutput>>;
  update: (slug: string, id: string, input: UpdateLinkInput) => Promise<ActionResult<LinkOutput>>;
  duplicate: (slug: string, id: string) => Promise<ActionResult<LinkOutput>>;
  remove: (slug: string, id: string) => Promise<ActionResult>;
  removeMany: (slug: string, ids: string[]) => Promise<ActionResult<{ deleted: number }>>;
  bulkUpdate: (slug: string, input: BulkUpdateInput) => Promise<ActionResult<{ updated: number }>>;
  list: (slug: string, query: ListLinksQuery) => Promise<ActionResult<{ data: LinkOutput[]; nextCursor: string | null }>>;
}

export interface Option {
  id: string;
  name: string;
}
