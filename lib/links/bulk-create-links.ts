import "server-only";
import { z } from "zod";
import type { WorkspaceAccess } from "@/lib/auth/access";
import type { ErrorBody } from "@/lib/errors";
import { toAppError } from "@/lib/to-app-error";
import { createLink } from "./create-link";
import { createLinkSchema, linkOutputSchema, type CreateLinkInput, type LinkOutput } from "./schemas";

export const MAX_BULK_LINKS = 100;

const envelope = <T extends z.ZodType>(item: T) =>
  z.object({
    links: z
      .array(item, { error: "Send the links as an array under `links`." })
      .min(1, "Send at least one link.")
      .max(MAX_BULK_LINKS, `Create at most ${MAX_BULK_LINKS} links at once.`),
  });

/** What the API documents: up to 100 link bodies, each the same as `POST /links`. */
export const bulkCreateLinksSchema = envelope(createLinkSchema);

const errorObject = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export const bulkCreateResultSchema = z.object({
  results: z.array(
    z.discriminatedUnion("ok", [
      z.object({ index: z.number().int(), ok: z.literal(true), link: linkOutputSchema }),
      z.object({ index: z.number().int(), ok: z.literal(false), error: errorObject }),
    ]),
  ),
});

export type BulkCreateResult =
  | { index: number; ok: true; link: LinkOutput }
  | { index: number; ok: false; error: ErrorBody["error"] };

/**
 * Creates many links, each on its own: every item is validated and written in
 * its own transaction, so one bad item (a taken slug, a `javascript:` URL)
 * fails alone and the others are created. Results keep the request's order.
 */
export async function bulkCreateLinks(access: WorkspaceAccess, input: unknown): Promise<{ results: BulkCreateResult[] }> {
  // Only the envelope is checked up front; the items are checked one by one below.
  const { links } = envelope(z.unknown()).parse(input);
  const results: BulkCreateResult[] = [];
  for (const [index, item] of links.entries()) {
    try {
      results.push({ index, ok: true, link: await createLink(access, item as CreateLinkInput) });
    } catch (err) {
      const e = toAppError(err);
      if (e.code === "internal") console.error(err);
      results.push({ index, ok: false, error: e.toBody().error });
    }
  }
  return { results };
}
