import { readJson, withWorkspace } from "@/lib/http/with-workspace";
import { createTag } from "@/lib/tags/create-tag";
import { listTags } from "@/lib/tags/list-tags";
import { createTagSchema } from "@/lib/tags/schemas";

export const GET = withWorkspace("links.read", async ({ access }) => Response.json({ data: await listTags(access) }));

export const POST = withWorkspace("links.write", async ({ req, access }) => {
  const tag = await createTag(access, await readJson(req, createTagSchema));
  return Response.json(tag, { status: 201 });
});
