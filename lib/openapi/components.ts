import { z } from "zod";
import { bulkCreateLinksSchema, bulkCreateResultSchema } from "@/lib/links/bulk-create-links";
import { bulkUpdateSchema } from "@/lib/links/bulk-update-links";
import { deleteLinksSchema } from "@/lib/links/delete-link";
import { createLinkSchema, linkOutputSchema, updateLinkSchema } from "@/lib/links/schemas";
import { createTagSchema, tagOutputSchema, updateTagSchema } from "@/lib/tags/schemas";
import { renameWorkspaceSchema, workspaceOutput } from "@/lib/workspaces/schemas";
import { ERROR_CODES } from "@/lib/errors";

/** The error body every failing request answers with. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("What went wrong, in words a person can act on."),
    details: z
      .object({ fields: z.record(z.string(), z.string()).optional().describe("For 422: one message per invalid field, keyed by its path (`utm.source`).") })
      .loose()
      .optional(),
  }),
});

const memberOutput = z.object({ id: z.string(), role: z.enum(["owner", "admin", "member", "viewer"]), email: z.string(), name: z.string().nullable(), joinedAt: z.string() });

/**
 * Every named schema of the document: the same zod schemas the API parses
 * with (`input`: what a client sends) and answers with (`output`).
 */
export const COMPONENTS = {
  Error: { schema: errorBodySchema, io: "output" },
  Link: { schema: linkOutputSchema, io: "output" },
  LinkInput: { schema: createLinkSchema, io: "input" },
  LinkUpdate: { schema: updateLinkSchema, io: "input" },
  LinkList: { schema: z.object({ data: z.array(linkOutputSchema), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page.") }), io: "output" },
  BulkCreateLinks: { schema: bulkCreateLinksSchema, io: "input" },
  BulkCreateResults: { schema: bulkCreateResultSchema, io: "output" },
  BulkUpdateLinks: { schema: bulkUpdateSchema, io: "input" },
  BulkUpdated: { schema: z.object({ updated: z.number().int() }), io: "output" },
  BulkDeleteLinks: { schema: deleteLinksSchema, io: "input" },
  BulkDeleted: { schema: z.object({ deleted: z.number().int() }), io: "output" },
  Tag: { schema: tagOutputSchema, io: "output" },
  TagInput: { schema: createTagSchema, io: "input" },
  TagUpdate: { schema: updateTagSchema, io: "input" },
  TagList: { schema: z.object({ data: z.array(tagOutputSchema) }), io: "output" },
  Workspace: { schema: workspaceOutput.partial({ createdAt: true }), io: "output" },
  WorkspaceList: { schema: z.object({ data: z.array(workspaceOutput.partial({ createdAt: true })) }), io: "output" },
  WorkspaceUpdate: { schema: renameWorkspaceSchema, io: "input" },
  MemberList: { schema: z.object({ data: z.array(memberOutput) }), io: "output" },
} as const satisfies Record<string, { schema: z.ZodType; io: "input" | "output" }>;

export type ComponentName = keyof typeof COMPONENTS;
